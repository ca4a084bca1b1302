package dev.lpm.cpu.mmu;

import dev.lpm.cpu.Privilege;

/**
 * Physical memory protection (privileged spec 3.7): 16 entries as on QEMU's virt CPUs, granularity 4
 * bytes, TOR / NA4 / NAPOT matching, lock bits. Checked on TLB fills and page-table reads only; a TLB
 * entry is installed only when one entry decides for the whole page, so the fast path never re-checks.
 */
public final class Pmp {
    public static final int ENTRIES = 16;
    static final int R = 1;
    static final int W = 2;
    static final int X = 4;
    private static final int A_SHIFT = 3;
    private static final int A_OFF = 0;
    private static final int A_TOR = 1;
    private static final int A_NA4 = 2;
    private static final int L = 0x80;
    /** pmpaddr holds physical address bits 55:2. */
    private static final long ADDRESS_MASK = (1L << 54) - 1;

    private final byte[] config = new byte[ENTRIES];
    private final long[] address = new long[ENTRIES];
    // derived on every write: [low, high) per entry, high == low when the entry is off
    private final long[] low = new long[ENTRIES];
    private final long[] high = new long[ENTRIES];
    private boolean anyActive;

    /** pmpcfg0 (index 0) or pmpcfg2 (index 1): eight entries' bytes. */
    public long readConfig(int index) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (config[index * 8 + i] & 0xFF);
        }
        return v;
    }

    public void writeConfig(int index, long value) {
        for (int i = 0; i < 8; i++) {
            int e = index * 8 + i;
            if ((config[e] & L) == 0) {
                config[e] = (byte) (value >>> (8 * i) & 0x9F); // bits 6:5 are reserved zero
            }
        }
        derive();
    }

    public long readAddress(int entry) {
        return address[entry];
    }

    public void writeAddress(int entry, long value) {
        if ((config[entry] & L) != 0) {
            return;
        }
        if (entry + 1 < ENTRIES && (config[entry + 1] & L) != 0 && mode(entry + 1) == A_TOR) {
            return;
        }
        address[entry] = value & ADDRESS_MASK;
        derive();
    }

    private int mode(int entry) {
        return config[entry] >> A_SHIFT & 3;
    }

    private void derive() {
        anyActive = false;
        for (int e = 0; e < ENTRIES; e++) {
            long lo;
            long hi;
            switch (mode(e)) {
                case A_OFF -> {
                    lo = 0;
                    hi = 0;
                }
                case A_TOR -> {
                    lo = e == 0 ? 0 : address[e - 1] << 2;
                    hi = address[e] << 2;
                }
                case A_NA4 -> {
                    lo = address[e] << 2;
                    hi = lo + 4;
                }
                default -> { // NAPOT: trailing ones give the size 2^(ones + 3)
                    int ones = Long.numberOfTrailingZeros(~address[e]);
                    long size = ones >= 54 ? 1L << 56 : 1L << (ones + 3);
                    lo = (address[e] << 2) & -size;
                    hi = lo + size;
                }
            }
            low[e] = lo;
            high[e] = Long.compareUnsigned(hi, lo) > 0 ? hi : lo;
            anyActive |= high[e] != low[e];
        }
    }

    /**
     * Whether an access of {@code permission} (R, W or X) to {@code [pa, pa + size)} at privilege
     * {@code priv} is allowed: the lowest-numbered entry matching any byte decides and must match all of
     * them; with no match M-mode is allowed and S/U are not.
     */
    public boolean allows(long pa, long size, int permission, int priv) {
        if (!anyActive) {
            return priv == Privilege.M;
        }
        long end = pa + size;
        for (int e = 0; e < ENTRIES; e++) {
            long lo = low[e];
            long hi = high[e];
            if (lo == hi || Long.compareUnsigned(end, lo) <= 0 || Long.compareUnsigned(pa, hi) >= 0) {
                continue;
            }
            if (Long.compareUnsigned(pa, lo) < 0 || Long.compareUnsigned(end, hi) > 0) {
                return false; // matches only part of the access
            }
            int cfg = config[e];
            if (priv == Privilege.M && (cfg & L) == 0) {
                return true;
            }
            return (cfg & permission) != 0;
        }
        return priv == Privilege.M;
    }

    /** pmpcfg bytes and pmpaddr registers of the 16 entries; compared by content. */
    public record PmpState(byte[] config, long[] address) {
        public PmpState {
            if (config.length != ENTRIES || address.length != ENTRIES) {
                throw new IllegalArgumentException("PMP state must have " + ENTRIES + " entries");
            }
            config = config.clone();
            address = address.clone();
        }

        @Override
        public byte[] config() {
            return config.clone();
        }

        @Override
        public long[] address() {
            return address.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PmpState p && java.util.Arrays.equals(config, p.config)
                    && java.util.Arrays.equals(address, p.address);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(config) + java.util.Arrays.hashCode(address);
        }

        @Override
        public String toString() {
            return "PmpState[config=" + java.util.HexFormat.of().formatHex(config) + ", address="
                    + java.util.Arrays.toString(address) + "]";
        }
    }

    public PmpState save() {
        return new PmpState(config.clone(), address.clone());
    }

    public void restore(PmpState state) {
        System.arraycopy(state.config(), 0, config, 0, ENTRIES);
        System.arraycopy(state.address(), 0, address, 0, ENTRIES);
        derive();
    }
}
