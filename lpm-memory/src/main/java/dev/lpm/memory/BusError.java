package dev.lpm.memory;

/**
 * A physical access hit a hole, crossed a device's end or used a size the device does not take. Stackless
 * and shared: the CPU turns it into an access-fault trap carrying the address it already knows.
 */
public final class BusError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final BusError INSTANCE = new BusError();

    private BusError() {
        super("bus error", null, false, false);
    }
}
