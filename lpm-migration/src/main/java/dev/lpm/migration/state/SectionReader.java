package dev.lpm.migration.state;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * Reads one section's payload with every read bounds-checked: a short payload or an out-of-range count
 * becomes a {@link StateFormatException} naming the section and the field, and no array is allocated
 * before its length has been checked against both its limit and the bytes that remain.
 */
final class SectionReader {
    private final String id;
    private final int version;
    private final ByteBuffer in;

    /** {@code payload} must be little-endian; it is read from its position to its limit. */
    SectionReader(String id, int version, ByteBuffer payload) {
        this.id = id;
        this.version = version;
        this.in = payload;
    }

    String id() {
        return id;
    }

    int u8(String what) throws StateFormatException {
        need(1, what);
        return in.get() & 0xFF;
    }

    int u16(String what) throws StateFormatException {
        need(2, what);
        return in.getShort() & 0xFFFF;
    }

    int i32(String what) throws StateFormatException {
        need(4, what);
        return in.getInt();
    }

    long i64(String what) throws StateFormatException {
        need(8, what);
        return in.getLong();
    }

    boolean bool(String what) throws StateFormatException {
        int b = u8(what);
        if (b > 1) {
            throw fail(what + " is " + b + ", a flag is 0 or 1");
        }
        return b == 1;
    }

    /**
     * A u32 count of {@code elementBytes}-sized elements, within {@code min..max} and not more than the
     * payload still holds.
     */
    int count(int min, int max, int elementBytes, String noun) throws StateFormatException {
        long n = Integer.toUnsignedLong(i32(noun + " count"));
        if (n < min || n > max) {
            throw fail(n + " " + noun + ", expected " + (min == max ? String.valueOf(min) : min + ".." + max));
        }
        long bytes = n * elementBytes;
        if (bytes > in.remaining()) {
            throw fail("truncated: " + n + " " + noun + " need " + bytes + " bytes, " + in.remaining() + " remain");
        }
        return (int) n;
    }

    byte[] bytes(int max, String what) throws StateFormatException {
        byte[] b = new byte[count(0, max, 1, "bytes of " + what)];
        in.get(b);
        return b;
    }

    long[] longs(int min, int max, String noun) throws StateFormatException {
        long[] v = new long[count(min, max, 8, noun)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.getLong();
        }
        return v;
    }

    int[] ints(int min, int max, String noun) throws StateFormatException {
        int[] v = new int[count(min, max, 4, noun)];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.getInt();
        }
        return v;
    }

    /** {@code n} flags; {@code n} was checked by the caller (it comes from another array's count). */
    boolean[] bools(int n, String noun) throws StateFormatException {
        need(n, noun);
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = bool(noun + "[" + i + "]");
        }
        return v;
    }

    /** Builds a record, turning what its constructor rejects into an error that names this section. */
    <T> T build(String what, Supplier<T> constructor) throws StateFormatException {
        try {
            return constructor.get();
        } catch (RuntimeException e) {
            throw new StateFormatException(prefix() + "invalid " + what + ": " + e.getMessage(), e);
        }
    }

    /** Every byte of the payload must have been read: trailing bytes mean a writer we do not understand. */
    void end() throws StateFormatException {
        if (in.hasRemaining()) {
            throw fail(in.remaining() + " trailing bytes after the last field");
        }
    }

    StateFormatException fail(String message) {
        return new StateFormatException(prefix() + message);
    }

    private void need(int bytes, String what) throws StateFormatException {
        if (in.remaining() < bytes) {
            throw fail("truncated: " + what + " needs " + bytes + " bytes, " + in.remaining() + " remain");
        }
    }

    private String prefix() {
        return "state section '" + id + "' (version " + version + "): ";
    }
}
