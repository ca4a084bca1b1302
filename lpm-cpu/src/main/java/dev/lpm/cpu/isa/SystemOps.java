package dev.lpm.cpu.isa;

import dev.lpm.cpu.Cause;
import dev.lpm.cpu.Csr;
import dev.lpm.cpu.Hart;
import dev.lpm.cpu.Privilege;
import dev.lpm.cpu.Trap;
import dev.lpm.cpu.Traps;

import java.lang.invoke.VarHandle;

/** FENCE, FENCE.I, ECALL, EBREAK and the privileged instructions (privileged spec 3.3, 4.2). */
public final class SystemOps {
    private SystemOps() {
    }

    /** Harts are host threads sharing guest RAM, so FENCE orders their accesses with a host fence. */
    public static void fence(Hart h) {
        VarHandle.fullFence();
    }

    /**
     * The decode cache is keyed by instruction bits and translated blocks are dropped by the write that
     * changes their page, so there is nothing to invalidate; the fence makes another hart's write (and the
     * invalidation it caused) visible to this one.
     */
    public static void fenceI(Hart h) {
        VarHandle.fullFence();
    }

    public static void ecall(Hart h) {
        throw new Trap(switch (h.priv) {
            case Privilege.U -> Cause.ECALL_FROM_U;
            case Privilege.S -> Cause.ECALL_FROM_S;
            default -> Cause.ECALL_FROM_M;
        }, 0);
    }

    public static void ebreak(Hart h) {
        throw new Trap(Cause.BREAKPOINT, 0);
    }

    public static void mret(Hart h) {
        Traps.mret(h);
    }

    public static void sret(Hart h) {
        Traps.sret(h);
    }

    /**
     * Waits for an interrupt. Like QEMU: illegal in U-mode, and in S-mode when mstatus.TW is set; the pc
     * moves past the WFI before the hart sleeps, and it wakes when mip & mie is non-zero.
     */
    public static void wfi(Hart h) {
        if (h.priv == Privilege.U || (h.priv == Privilege.S && (h.csr.mstatus & Csr.MSTATUS_TW) != 0)) {
            throw Trap.illegal();
        }
        h.waitingForInterrupt = true;
        h.endTrace();
    }

    public static void sfenceVma(Hart h, int rs1, int rs2) {
        if (h.priv == Privilege.U || (h.priv == Privilege.S && (h.csr.mstatus & Csr.MSTATUS_TVM) != 0)) {
            throw Trap.illegal();
        }
        if (rs1 == 0) {
            h.mmu.flushAll();
        } else {
            h.mmu.flushPage(h.x[rs1]);
        }
    }
}
