package dev.lpm.machine;

import dev.lpm.memory.Ram;

import java.util.Locale;

/**
 * What a partition is built from.
 *
 * @param ramBytes  guest RAM, 16 MiB to 16 GiB in whole 4 KiB pages
 * @param harts     number of harts
 * @param bootargs  kernel command line for /chosen, or null
 * @param execution how guest code runs
 */
public record MachineConfig(long ramBytes, int harts, String bootargs, Execution execution) {
    public static final int MAX_HARTS = 8;

    /** How guest instructions are executed; every mode gives the same guest-visible behaviour. */
    public enum Execution {
        /** Interpret every instruction. */
        INTERPRET,
        /** Interpret, and translate blocks that ran often into JVM code (the default). */
        TRANSLATE_HOT,
        /** Translate every block the first time it runs (tests use it to exercise the translator). */
        TRANSLATE_ALL;

        /** The system property {@code lpm.execution} (interpret, translate_hot, translate_all) or TRANSLATE_HOT. */
        public static Execution fromSystemProperty() {
            String v = System.getProperty("lpm.execution", "translate_hot").strip().toUpperCase(Locale.ROOT);
            try {
                return valueOf(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lpm.execution must be interpret, translate_hot or translate_all, not "
                        + v.toLowerCase(Locale.ROOT));
            }
        }
    }

    public MachineConfig {
        if (ramBytes < Ram.MIN_SIZE || ramBytes > Ram.MAX_SIZE || ramBytes % 4096 != 0) {
            throw new IllegalArgumentException("memory must be between 16M and 16G in whole 4 KiB pages, not "
                    + ramBytes + " bytes");
        }
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("harts must be between 1 and " + MAX_HARTS + ", not " + harts);
        }
        if (execution == null) {
            throw new IllegalArgumentException("execution mode missing");
        }
    }

    public MachineConfig(long ramBytes, int harts, String bootargs) {
        this(ramBytes, harts, bootargs, Execution.fromSystemProperty());
    }

    public static MachineConfig of(long ramBytes) {
        return new MachineConfig(ramBytes, 1, null);
    }

    public MachineConfig withExecution(Execution mode) {
        return new MachineConfig(ramBytes, harts, bootargs, mode);
    }
}
