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

    /** The CSR file, field by field. */
    public record CsrState(long mstatus, long medeleg, long mideleg, long mie, long mtvec, long mcounteren,
                           long mscratch, long mepc, long mcause, long mtval, long menvcfg, long mcountinhibit,
                           long stvec, long scounteren, long senvcfg, long sscratch, long sepc, long scause,
                           long stval, long satp, int fflags, int frm, long mipSoftware, Pmp.PmpState pmp) {
    }
}
