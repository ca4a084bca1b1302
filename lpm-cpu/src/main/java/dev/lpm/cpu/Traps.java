package dev.lpm.cpu;

import static dev.lpm.cpu.Csr.*;

/**
 * Trap entry and return (privileged spec 3.1.6.1, 3.1.7-3.1.9, 3.3.2, 4.1.1): delegation through
 * medeleg/mideleg, the xPP/xPIE/xIE stack, vectored interrupts, and interrupt selection in the spec's
 * priority order MEI, MSI, MTI, SEI, SSI, STI.
 */
public final class Traps {
    private Traps() {
    }

    private static final int[] PRIORITY = {Cause.MEI, Cause.MSI, Cause.MTI, Cause.SEI, Cause.SSI, Cause.STI};

    /** Takes a synchronous exception at the current pc. */
    public static void exception(Hart h, int cause, long tval) {
        enter(h, cause, tval, false);
    }

    /**
     * The interrupt the hart would take now, or -1: pending and enabled in mie, and globally enabled for
     * the privilege level it traps to (M-level when priv < M or MIE; delegated S-level when priv < S, or
     * priv == S and SIE).
     */
    public static int pendingInterrupt(Hart h) {
        Csrs c = h.csr;
        long pending = c.mip() & c.mie;
        if (pending == 0) {
            return -1;
        }
        long m = pending & ~c.mideleg;
        boolean mEnabled = h.priv < Privilege.M || (c.mstatus & MSTATUS_MIE) != 0;
        long s = pending & c.mideleg;
        boolean sEnabled = h.priv < Privilege.S || (h.priv == Privilege.S && (c.mstatus & MSTATUS_SIE) != 0);
        long enabled = (mEnabled ? m : 0) | (sEnabled ? s : 0);
        if (enabled == 0) {
            return -1;
        }
        long take = (mEnabled && m != 0) ? m : s;
        for (int cause : PRIORITY) {
            if ((take & (1L << cause)) != 0) {
                return cause;
            }
        }
        return -1;
    }

    /** Takes interrupt {@code cause} (as chosen by {@link #pendingInterrupt}). */
    public static void interrupt(Hart h, int cause) {
        enter(h, cause, 0, true);
    }

    private static void enter(Hart h, int cause, long tval, boolean interrupt) {
        Csrs c = h.csr;
        long delegation = interrupt ? c.mideleg : c.medeleg;
        long xcause = interrupt ? (1L << 63) | cause : cause;
        long mstatus = c.mstatus;
        if (h.priv <= Privilege.S && (delegation >>> cause & 1) != 0) {
            c.scause = xcause;
            c.sepc = h.pc;
            c.stval = tval;
            mstatus = (mstatus & ~(MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE))
                    | (h.priv == Privilege.S ? MSTATUS_SPP : 0)
                    | ((mstatus & MSTATUS_SIE) != 0 ? MSTATUS_SPIE : 0);
            h.priv = Privilege.S;
            h.pc = vector(c.stvec, cause, interrupt);
        } else {
            c.mcause = xcause;
            c.mepc = h.pc;
            c.mtval = tval;
            mstatus = (mstatus & ~(MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE))
                    | ((long) h.priv << MSTATUS_MPP_SHIFT)
                    | ((mstatus & MSTATUS_MIE) != 0 ? MSTATUS_MPIE : 0);
            h.priv = Privilege.M;
            h.pc = vector(c.mtvec, cause, interrupt);
        }
        c.mstatus = mstatus;
        h.waitingForInterrupt = false;
        h.mmu.privilegeChanged();
        h.endTrace();
    }

    private static long vector(long tvec, int cause, boolean interrupt) {
        long base = tvec & ~3L;
        return interrupt && (tvec & 3) == 1 ? base + 4L * cause : base;
    }

    /** MRET: back to MPP with MIE = MPIE; MPRV clears when leaving for a lower privilege. */
    public static void mret(Hart h) {
        Csrs c = h.csr;
        if (h.priv < Privilege.M) {
            throw Trap.illegal();
        }
        long mstatus = c.mstatus;
        int previous = c.mpp();
        mstatus = (mstatus & ~(MSTATUS_MIE | MSTATUS_MPP))
                | ((mstatus & MSTATUS_MPIE) != 0 ? MSTATUS_MIE : 0) | MSTATUS_MPIE;
        if (previous != Privilege.M) {
            mstatus &= ~MSTATUS_MPRV;
        }
        c.mstatus = mstatus;
        h.priv = previous;
        h.pc = c.mepc;
        h.mmu.privilegeChanged();
        h.endTrace();
    }

    /** SRET: back to SPP with SIE = SPIE; illegal in U-mode and, with TSR, in S-mode. */
    public static void sret(Hart h) {
        Csrs c = h.csr;
        if (h.priv < Privilege.S || (h.priv == Privilege.S && (c.mstatus & MSTATUS_TSR) != 0)) {
            throw Trap.illegal();
        }
        long mstatus = c.mstatus;
        int previous = (mstatus & MSTATUS_SPP) != 0 ? Privilege.S : Privilege.U;
        mstatus = (mstatus & ~(MSTATUS_SIE | MSTATUS_SPP | MSTATUS_MPRV))
                | ((mstatus & MSTATUS_SPIE) != 0 ? MSTATUS_SIE : 0) | MSTATUS_SPIE;
        c.mstatus = mstatus;
        h.priv = previous;
        h.pc = c.sepc;
        h.mmu.privilegeChanged();
        h.endTrace();
    }
}
