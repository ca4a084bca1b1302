package dev.lpm.cpu;

/**
 * A synchronous guest exception in flight: thrown by the instruction that raises it, caught by the
 * interpreter, which enters the trap handler. Stackless: guest traps are control flow, not host errors.
 */
public final class Trap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final int cause;
    public final long tval;

    public Trap(int cause, long tval) {
        super(null, null, false, false);
        this.cause = cause;
        this.tval = tval;
    }

    /** Illegal instruction; like QEMU, xtval holds the instruction bits (16 of them for RVC). */
    public static Trap illegalInstruction(int inst) {
        return new Trap(Cause.ILLEGAL_INSTRUCTION, inst & 0xFFFF_FFFFL);
    }

    /** tval placeholder: the interpreter replaces it with the bits of the instruction that trapped. */
    public static final long TVAL_CURRENT_INSTRUCTION = -1L;

    /** Illegal instruction raised by a handler, which does not know the instruction's bits. */
    public static Trap illegal() {
        return new Trap(Cause.ILLEGAL_INSTRUCTION, TVAL_CURRENT_INSTRUCTION);
    }

    @Override
    public String getMessage() {
        return "trap cause " + cause + " tval 0x" + Long.toHexString(tval);
    }
}
