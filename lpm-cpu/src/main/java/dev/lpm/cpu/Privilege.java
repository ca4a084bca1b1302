package dev.lpm.cpu;

/** Privilege levels as encoded in mstatus.MPP (privileged spec 1.2). */
public final class Privilege {
    private Privilege() {
    }

    public static final int U = 0;
    public static final int S = 1;
    public static final int M = 3;

    public static String name(int priv) {
        return switch (priv) {
            case U -> "U";
            case S -> "S";
            case M -> "M";
            default -> "?" + priv;
        };
    }
}
