package dev.lpm.cpu;

import dev.lpm.cpu.fp.FpFlags;
import dev.lpm.cpu.mmu.Pmp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static dev.lpm.cpu.Csr.*;

/**
 * The hart's control and status registers: storage, the access rules of privileged spec 2.1 (privilege
 * from bits 9:8, read-only from bits 11:10, counter enables, TVM, FS), WARL legalization, and the side
 * effects a write has on translation and interrupt delivery. Where the spec leaves a choice, QEMU 7.2's
 * virt machine is followed.
 */
public final class Csrs {
    private static final VarHandle MIP_LINES;

    static {
        try {
            MIP_LINES = MethodHandles.lookup().findVarHandle(Csrs.class, "mipLines", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Hart hart;
    public final Pmp pmp = new Pmp();

    public long mstatus = MSTATUS_UXL_SXL;
    public long medeleg;
    public long mideleg;
    public long mie;
    public long mtvec;
    public long mcounteren;
    public long mscratch;
    public long mepc;
    public long mcause;
    public long mtval;
    public long menvcfg;
    public long mcountinhibit;
    public long stvec;
    public long scounteren;
    public long senvcfg;
    public long sscratch;
    public long sepc;
    public long scause;
    public long stval;
    public long satp;
    /** fflags: SoftFloat ORs exception flags straight into it. */
    public final FpFlags fpFlags = new FpFlags();
    public int frm;
    /** mip bits written by software: SSIP, STIP and the software part of SEIP. */
    public long mipSoftware;
    /** mip bits driven by interrupt lines from devices (MSIP, MTIP, MEIP, external SEIP); atomic. */
    @SuppressWarnings("unused")
    private volatile long mipLines;

    Csrs(Hart hart) {
        this.hart = hart;
    }

    // ---- interrupt pending bits ----

    /** mip as software reads it: device lines OR software bits. */
    public long mip() {
        return mipLines | mipSoftware;
    }

    /** Drives one mip bit from a device line; safe from any thread. */
    public void setLine(long bit, boolean level) {
        if (level) {
            MIP_LINES.getAndBitwiseOr(this, bit);
        } else {
            MIP_LINES.getAndBitwiseAnd(this, ~bit);
        }
    }

    public long lines() {
        return mipLines;
    }

    void restoreLines(long value) {
        mipLines = value;
    }

    // ---- floating point state ----

    public boolean fpEnabled() {
        return (mstatus & MSTATUS_FS) != 0;
    }

    /** FS := Dirty (and SD), as every FP register or fcsr write requires. */
    public void markFpDirty() {
        if ((mstatus & MSTATUS_FS) != MSTATUS_FS) {
            mstatus |= MSTATUS_FS | MSTATUS_SD;
        }
    }

    /** Resolves an instruction's rm field, DYN taking frm; reserved modes are illegal instructions. */
    public int roundingMode(int rm) {
        int mode = rm == 7 ? frm : rm;
        if (mode > 4) {
            throw Trap.illegal();
        }
        return mode;
    }

    // ---- access ----

    /** Reads a CSR for a CSR instruction, applying the access rules. */
    public long read(int csr) {
        checkAccess(csr, false);
        return readUnchecked(csr);
    }

    /**
     * The value a CSRRS/CSRRC combines its mask with: the CSR's value, except that in mip and sip only the
     * software-writable SEIP bit takes part in the read-modify-write, not the external interrupt line OR'd
     * into reads (privileged spec 3.1.9); otherwise a set or clear of another bit would latch the line.
     */
    public long readModifyWriteBase(int csr, long value) {
        return csr == MIP || csr == SIP ? (value & ~MIP_SEIP) | (mipSoftware & MIP_SEIP) : value;
    }

    /** Writes a CSR for a CSR instruction, applying the access rules, WARL and side effects. */
    public void write(int csr, long value) {
        checkAccess(csr, true);
        writeUnchecked(csr, value);
    }

    private void checkAccess(int csr, boolean writing) {
        int priv = hart.priv;
        if (((csr >>> 8) & 3) > priv || (writing && (csr >>> 10) == 3)) {
            throw Trap.illegal();
        }
        switch (csr) {
            case FFLAGS, FRM, FCSR -> {
                if (!fpEnabled()) {
                    throw Trap.illegal();
                }
            }
            case SATP -> {
                if (priv == Privilege.S && (mstatus & MSTATUS_TVM) != 0) {
                    throw Trap.illegal();
                }
            }
            default -> {
                if (csr >= CYCLE && csr <= HPMCOUNTER31) {
                    long bit = 1L << (csr - CYCLE);
                    if ((priv < Privilege.M && (mcounteren & bit) == 0)
                            || (priv == Privilege.U && (scounteren & bit) == 0)) {
                        throw Trap.illegal();
                    }
                }
            }
        }
    }

    private long readUnchecked(int csr) {
        return switch (csr) {
            case FFLAGS -> fpFlags.value;
            case FRM -> frm;
            case FCSR -> (long) frm << 5 | fpFlags.value;
            case CYCLE, INSTRET, MCYCLE, MINSTRET -> hart.retired();
            case TIME -> hart.timebase.now();
            case SSTATUS -> mstatusWithSd() & SSTATUS_VISIBLE;
            case SIE -> mie & mideleg;
            case STVEC -> stvec;
            case SCOUNTEREN -> scounteren;
            case SENVCFG -> senvcfg;
            case SSCRATCH -> sscratch;
            case SEPC -> sepc;
            case SCAUSE -> scause;
            case STVAL -> stval;
            case SIP -> mip() & mideleg;
            case SATP -> satp;
            case MVENDORID, MARCHID, MIMPID, MCONFIGPTR -> 0;
            case MHARTID -> hart.hartId;
            case MSTATUS -> mstatusWithSd();
            case MISA -> MISA_VALUE;
            case MEDELEG -> medeleg;
            case MIDELEG -> mideleg;
            case MIE -> mie;
            case MTVEC -> mtvec;
            case MCOUNTEREN -> mcounteren;
            case MENVCFG -> menvcfg;
            case MCOUNTINHIBIT -> mcountinhibit;
            case MSCRATCH -> mscratch;
            case MEPC -> mepc;
            case MCAUSE -> mcause;
            case MTVAL -> mtval;
            case MIP -> mip();
            case PMPCFG0, PMPCFG2 -> pmp.readConfig((csr - PMPCFG0) >> 1);
            default -> {
                if (csr >= PMPADDR0 && csr <= PMPADDR15) {
                    yield pmp.readAddress(csr - PMPADDR0);
                }
                if (isUnimplementedCounter(csr)) {
                    yield 0; // hpm counters and events are hardwired to zero (WARL)
                }
                throw Trap.illegal();
            }
        };
    }

    private static boolean isUnimplementedCounter(int csr) {
        return (csr >= HPMCOUNTER3 && csr <= HPMCOUNTER31) || (csr >= MHPMCOUNTER3 && csr <= MHPMCOUNTER31)
                || (csr >= MHPMEVENT3 && csr <= MHPMEVENT31);
    }

    private long mstatusWithSd() {
        return (mstatus & MSTATUS_FS) == MSTATUS_FS ? mstatus | MSTATUS_SD : mstatus & ~MSTATUS_SD;
    }

    private void writeUnchecked(int csr, long value) {
        switch (csr) {
            case FFLAGS -> {
                fpFlags.value = (int) value & 0x1F;
                markFpDirty();
            }
            case FRM -> {
                frm = (int) value & 7;
                markFpDirty();
            }
            case FCSR -> {
                fpFlags.value = (int) value & 0x1F;
                frm = (int) (value >>> 5) & 7;
                markFpDirty();
            }
            case MCYCLE, MINSTRET -> hart.setRetired(value);
            case SSTATUS -> setMstatus((mstatus & ~SSTATUS_WRITABLE) | (value & SSTATUS_WRITABLE));
            case SIE -> {
                mie = (mie & ~mideleg) | (value & mideleg);
                hart.endTrace();
            }
            case STVEC -> stvec = legalTvec(stvec, value);
            case SCOUNTEREN -> scounteren = value & 0xFFFF_FFFFL;
            case SENVCFG -> senvcfg = value & 1; // FIOM; no Zicbo*, no Svpbmt
            case SSCRATCH -> sscratch = value;
            case SEPC -> sepc = value & ~1L;
            case SCAUSE -> scause = value;
            case STVAL -> stval = value;
            case SIP -> {
                long writable = MIP_SSIP & mideleg;
                mipSoftware = (mipSoftware & ~writable) | (value & writable);
                hart.endTrace();
            }
            case SATP -> writeSatp(value);
            case MSTATUS -> setMstatus((mstatus & ~MSTATUS_WRITABLE) | (value & MSTATUS_WRITABLE));
            case MISA -> { } // read-only, as on QEMU's virt CPUs
            case MEDELEG -> medeleg = value & DELEGABLE_EXCEPTIONS;
            case MIDELEG -> {
                mideleg = value & S_INTERRUPTS;
                hart.endTrace();
            }
            case MIE -> {
                mie = value & ALL_INTERRUPTS;
                hart.endTrace();
            }
            case MTVEC -> mtvec = legalTvec(mtvec, value);
            case MCOUNTEREN -> mcounteren = value & 0xFFFF_FFFFL;
            case MENVCFG -> menvcfg = value & 1;
            case MCOUNTINHIBIT -> mcountinhibit = value & 0xFFFF_FFFDL; // bit 1 (TM) is read-only zero
            case MSCRATCH -> mscratch = value;
            case MEPC -> mepc = value & ~1L;
            case MCAUSE -> mcause = value;
            case MTVAL -> mtval = value;
            case MIP -> {
                mipSoftware = (mipSoftware & ~S_INTERRUPTS) | (value & S_INTERRUPTS);
                hart.endTrace();
            }
            case PMPCFG0, PMPCFG2 -> {
                pmp.writeConfig((csr - PMPCFG0) >> 1, value);
                hart.mmu.flushAll();
            }
            default -> {
                if (csr >= PMPADDR0 && csr <= PMPADDR15) {
                    pmp.writeAddress(csr - PMPADDR0, value);
                    hart.mmu.flushAll();
                } else if (!isUnimplementedCounter(csr)) {
                    throw Trap.illegal();
                }
            }
        }
    }

    /** Vectored (1) and direct (0) modes only; a reserved mode leaves the register unchanged (QEMU). */
    private static long legalTvec(long old, long value) {
        return (value & 3) < 2 ? value : old;
    }

    /** mstatus with MPP legalized (the reserved value 2 keeps the old MPP); updates translation state. */
    public void setMstatus(long value) {
        if ((value & MSTATUS_MPP) == 2L << MSTATUS_MPP_SHIFT) {
            value = (value & ~MSTATUS_MPP) | (mstatus & MSTATUS_MPP);
        }
        long changed = mstatus ^ value;
        mstatus = (value & ~MSTATUS_SD) | MSTATUS_UXL_SXL;
        if ((changed & (MSTATUS_MPRV | MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MXR)) != 0) {
            hart.mmu.privilegeChanged();
        }
        hart.endTrace();
    }

    /** Bare, Sv39 and Sv48; any other MODE leaves satp unchanged (privileged spec 4.1.11). */
    private void writeSatp(long value) {
        long mode = value >>> 60;
        if (mode != 0 && mode != 8 && mode != 9) {
            return;
        }
        satp = value & (0xFL << 60 | 0xFFFFL << 44 | ((1L << 44) - 1));
        hart.mmu.flushAll();
        hart.endTrace();
    }

    /** The mstatus MPP field. */
    public int mpp() {
        return (int) ((mstatus & MSTATUS_MPP) >>> MSTATUS_MPP_SHIFT);
    }
}
