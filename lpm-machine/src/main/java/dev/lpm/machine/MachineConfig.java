package dev.lpm.machine;

import dev.lpm.memory.Ram;

/**
 * What a partition is built from.
 *
 * @param ramBytes guest RAM, 16 MiB to 16 GiB in whole 4 KiB pages
 * @param harts    number of harts
 * @param bootargs kernel command line for /chosen, or null
 */
public record MachineConfig(long ramBytes, int harts, String bootargs) {
    public static final int MAX_HARTS = 8;

    public MachineConfig {
        if (ramBytes < Ram.MIN_SIZE || ramBytes > Ram.MAX_SIZE || ramBytes % 4096 != 0) {
            throw new IllegalArgumentException("memory must be between 16M and 16G in whole 4 KiB pages, not "
                    + ramBytes + " bytes");
        }
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("harts must be between 1 and " + MAX_HARTS + ", not " + harts);
        }
    }

    public static MachineConfig of(long ramBytes) {
        return new MachineConfig(ramBytes, 1, null);
    }
}
