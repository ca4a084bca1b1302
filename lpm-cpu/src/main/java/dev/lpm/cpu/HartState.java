package dev.lpm.cpu;

import dev.lpm.cpu.mmu.Pmp;

/**
 * A hart's architectural state: what a snapshot or a migration carries. TLBs, the fetch window and trace
 * counters are caches and never part of it; device-driven mip lines are re-derived by the devices after a
 * restore, so only the software-written mip bits are here.
 */
public record HartState(int hartId, long pc, int priv, long[] x, long[] f, CsrState csr,
                        long reservationAddress, long reservationValue, boolean waitingForInterrupt,
                        long retired) {

    public HartState {
        if (x.length != 32 || f.length != 32) {
            throw new IllegalArgumentException("a hart has 32 integer and 32 FP registers");
        }
        if (priv != Privilege.U && priv != Privilege.S && priv != Privilege.M) {
            throw new IllegalArgumentException("privilege level " + priv + " does not exist");
        }
        x = x.clone();
        f = f.clone();
    }

    @Override
    public long[] x() {
        return x.clone();
    }

    @Override
    public long[] f() {
        return f.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HartState h && hartId == h.hartId && pc == h.pc && priv == h.priv
                && java.util.Arrays.equals(x, h.x) && java.util.Arrays.equals(f, h.f) && csr.equals(h.csr)
                && reservationAddress == h.reservationAddress && reservationValue == h.reservationValue
                && waitingForInterrupt == h.waitingForInterrupt && retired == h.retired;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(hartId, pc, priv, java.util.Arrays.hashCode(x), java.util.Arrays.hashCode(f),
                csr, reservationAddress, reservationValue, waitingForInterrupt, retired);
    }

    @Override
    public String toString() {
        return "HartState[hart=" + hartId + ", pc=0x" + Long.toHexString(pc) + ", priv=" + Privilege.name(priv)
                + ", x=" + java.util.Arrays.toString(x) + ", f=" + java.util.Arrays.toString(f) + ", csr=" + csr
                + ", reservation=0x" + Long.toHexString(reservationAddress) + ", wfi=" + waitingForInterrupt
                + ", retired=" + retired + "]";
    }

    /** The CSR file, field by field. */
    public record CsrState(long mstatus, long medeleg, long mideleg, long mie, long mtvec, long mcounteren,
                           long mscratch, long mepc, long mcause, long mtval, long menvcfg, long mcountinhibit,
                           long stvec, long scounteren, long senvcfg, long sscratch, long sepc, long scause,
                           long stval, long satp, int fflags, int frm, long mipSoftware, Pmp.PmpState pmp) {
    }
}
