package dev.lpm.cpu;

import dev.lpm.api.InterruptLine;
import dev.lpm.api.Timebase;
import dev.lpm.cpu.mmu.Mmu;
import dev.lpm.memory.PhysicalBus;

/**
 * One RISC-V hart's architectural state: integer and FP registers, pc, privilege level and the LR/SC
 * reservation. CSRs live in {@link Csrs}, address translation in {@link Mmu}, trap entry in {@link Traps};
 * instruction semantics are in {@code dev.lpm.cpu.isa}.
 */
public final class Hart {
    public final long[] x = new long[32];
    public final long[] f = new long[32];
    public long pc;
    public int priv = Privilege.M;
    public final int hartId;
    public final Csrs csr;
    public final Mmu mmu;
    public final Timebase timebase;

    /** Physical address reserved by the last LR, or -1. */
    public long reservationAddress = -1;
    /** Value LR loaded; SC succeeds only if memory still holds it (compare-and-swap). */
    public long reservationValue;

    /** Instructions left in the current trace; an instruction that must end the trace sets it to 0. */
    public int remaining;
    /** Instructions retired before the current trace. */
    long retiredBeforeTrace;
    /** Length the current trace started with. */
    int traceLength;

    /** The machine's translated blocks, shared by its harts, or null to interpret everything. */
    public dev.lpm.cpu.jit.BlockCache blockCache;

    /** Decoded instructions by their bits; a pure cache, never saved. */
    final Interpreter.DecodeCache decodeCache = new Interpreter.DecodeCache();

    /** Set by WFI: the hart waits for an interrupt before running on. */
    public boolean waitingForInterrupt;

    public Hart(int hartId, PhysicalBus bus, Timebase timebase) {
        this.hartId = hartId;
        this.timebase = timebase;
        this.csr = new Csrs(this);
        this.mmu = new Mmu(this, bus);
    }

    private volatile Runnable wakeup = () -> { };

    /** Called whenever an interrupt line rises, so a hart parked in WFI runs again. */
    public void setWakeup(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    /** The level-triggered line that drives mip bit {@code cause} (MSIP, MTIP, MEIP, SEIP) from a device. */
    public InterruptLine interruptLine(int cause) {
        long bit = 1L << cause;
        return level -> {
            csr.setLine(bit, level);
            if (level) {
                wakeup.run();
            }
        };
    }

    /** Writes integer register {@code rd}; x0 stays zero. */
    public void setX(int rd, long value) {
        if (rd != 0) {
            x[rd] = value;
        }
    }

    /** Ends the current trace after this instruction, e.g. after enabling an interrupt. */
    public void endTrace() {
        traceLength -= remaining;
        remaining = 0;
    }

    /** Instructions retired so far, including the current trace's (minstret, mcycle). */
    public long retired() {
        return retiredBeforeTrace + (traceLength - remaining);
    }

    void setRetired(long value) {
        retiredBeforeTrace = value - (traceLength - remaining);
    }

    /** Raises illegal-instruction unless mstatus.FS enables the FPU. */
    public void requireFp() {
        if (!csr.fpEnabled()) {
            throw Trap.illegal();
        }
    }

    /** Writes FP register {@code rd} (64 bits, already NaN-boxed for singles) and marks FS dirty. */
    public void setF(int rd, long bits) {
        f[rd] = bits;
        csr.markFpDirty();
    }

    // ---- state ----

    /** The hart's architectural state. Call only while the hart is not running. */
    public HartState save() {
        Csrs c = csr;
        var csrState = new HartState.CsrState(c.mstatus, c.medeleg, c.mideleg, c.mie, c.mtvec, c.mcounteren,
                c.mscratch, c.mepc, c.mcause, c.mtval, c.menvcfg, c.mcountinhibit, c.stvec, c.scounteren,
                c.senvcfg, c.sscratch, c.sepc, c.scause, c.stval, c.satp, c.fpFlags.value, c.frm, c.mipSoftware,
                c.pmp.save());
        return new HartState(hartId, pc, priv, x, f, csrState, reservationAddress, reservationValue,
                waitingForInterrupt, retired());
    }

    /**
     * Loads {@code state} into this (identically wired, not running) hart. Caches are dropped; device lines
     * are cleared for the devices to re-derive.
     */
    public void restore(HartState state) {
        if (state.hartId() != hartId) {
            throw new IllegalArgumentException("state of hart " + state.hartId() + " restored into hart " + hartId);
        }
        System.arraycopy(state.x(), 0, x, 0, 32);
        System.arraycopy(state.f(), 0, f, 0, 32);
        x[0] = 0;
        pc = state.pc();
        priv = state.priv();
        var s = state.csr();
        Csrs c = csr;
        c.mstatus = s.mstatus();
        c.medeleg = s.medeleg();
        c.mideleg = s.mideleg();
        c.mie = s.mie();
        c.mtvec = s.mtvec();
        c.mcounteren = s.mcounteren();
        c.mscratch = s.mscratch();
        c.mepc = s.mepc();
        c.mcause = s.mcause();
        c.mtval = s.mtval();
        c.menvcfg = s.menvcfg();
        c.mcountinhibit = s.mcountinhibit();
        c.stvec = s.stvec();
        c.scounteren = s.scounteren();
        c.senvcfg = s.senvcfg();
        c.sscratch = s.sscratch();
        c.sepc = s.sepc();
        c.scause = s.scause();
        c.stval = s.stval();
        c.satp = s.satp();
        c.fpFlags.value = s.fflags();
        c.frm = s.frm();
        c.mipSoftware = s.mipSoftware();
        c.pmp.restore(s.pmp());
        c.restoreLines(0);
        reservationAddress = state.reservationAddress();
        reservationValue = state.reservationValue();
        waitingForInterrupt = state.waitingForInterrupt();
        traceLength = 0;
        remaining = 0;
        retiredBeforeTrace = state.retired();
        mmu.flushAll();
        mmu.privilegeChanged();
    }

    /** Puts the hart in its reset state (privileged spec 3.4): M-mode, MIE and MPRV clear, pc = resetVector. */
    public void reset(long resetVector) {
        java.util.Arrays.fill(x, 0);
        java.util.Arrays.fill(f, 0);
        restore(new HartState(hartId, resetVector, Privilege.M, x, f,
                new HartState.CsrState(Csr.MSTATUS_UXL_SXL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, new dev.lpm.cpu.mmu.Pmp().save()),
                -1, 0, false, 0));
    }
}
