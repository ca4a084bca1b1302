package dev.lpm.migration.wire;

/** Constants and little-endian helpers of the migration stream. */
public final class Wire {
    /** "LPMM": the first bytes of a migration stream or snapshot file (a host's port also speaks HTTP). */
    public static final byte[] MAGIC = {'L', 'P', 'M', 'M'};
    public static final int VERSION = 2;
    static final byte[] EMPTY = new byte[0];

    private Wire() {
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
