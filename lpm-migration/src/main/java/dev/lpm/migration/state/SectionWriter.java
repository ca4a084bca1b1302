package dev.lpm.migration.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds one section's payload, little-endian. Counts and lengths go out as u32 and are checked against the
 * same limits the reader applies, so encode refuses a state decode would reject instead of writing it.
 */
final class SectionWriter {
    private final String id;
    private final int version;
    private ByteBuffer out = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);

    SectionWriter(String id, int version) {
        this.id = id;
        this.version = version;
    }

    String id() {
        return id;
    }

    int version() {
        return version;
    }

    /** The payload written so far (a read-only view). */
    ByteBuffer payload() {
        return out.duplicate().flip().asReadOnlyBuffer();
    }

    SectionWriter u8(int value, String what) {
        check(value, 0xFF, what);
        room(1).put((byte) value);
        return this;
    }

    SectionWriter u16(int value, String what) {
        check(value, 0xFFFF, what);
        room(2).putShort((short) value);
        return this;
    }

    SectionWriter i32(int value) {
        room(4).putInt(value);
        return this;
    }

    SectionWriter i64(long value) {
        room(8).putLong(value);
        return this;
    }

    SectionWriter bool(boolean value) {
        room(1).put((byte) (value ? 1 : 0));
        return this;
    }

    /** A u32 element count, at most {@code max}. */
    SectionWriter count(int n, int max, String noun) {
        if (n < 0 || n > max) {
            throw new IllegalArgumentException("cannot encode section '" + id + "': " + n + " " + noun
                    + ", the format carries at most " + max);
        }
        return i32(n);
    }

    SectionWriter bytes(byte[] values, int max, String what) {
        count(values.length, max, "bytes of " + what);
        room(values.length).put(values);
        return this;
    }

    SectionWriter longs(long[] values, int max, String noun) {
        count(values.length, max, noun);
        for (long v : values) {
            i64(v);
        }
        return this;
    }

    SectionWriter ints(int[] values, int max, String noun) {
        count(values.length, max, noun);
        for (int v : values) {
            i32(v);
        }
        return this;
    }

    /** Booleans whose count was written before (they share it with another array). */
    SectionWriter bools(boolean[] values) {
        for (boolean v : values) {
            bool(v);
        }
        return this;
    }

    private void check(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("cannot encode section '" + id + "': " + what + " " + value
                    + " outside 0.." + max);
        }
    }

    private ByteBuffer room(int bytes) {
        if (out.remaining() < bytes) {
            int capacity = Math.max(out.capacity() * 2, out.position() + bytes);
            out = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN).put(out.flip());
        }
        return out;
    }
}
