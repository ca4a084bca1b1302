package dev.lpm.migration.state;

import dev.lpm.cpu.HartState;
import dev.lpm.cpu.HartState.CsrState;
import dev.lpm.cpu.mmu.Pmp.PmpState;

/**
 * Section "hart/N": pc, privilege, integer and FP registers, the CSR file (in {@link CsrState}'s field
 * order), the PMP entries, the LR reservation, WFI and the retired-instruction count.
 */
final class HartSection {
    private HartSection() {
    }

    static final int VERSION = 1;

    static String id(int hart) {
        return "hart/" + hart;
    }

    static SectionWriter write(int index, HartState h) {
        SectionWriter w = new SectionWriter(id(index), VERSION);
        w.i32(h.hartId()).i64(h.pc()).u8(h.priv(), "privilege");
        w.longs(h.x(), Limits.REGISTERS, "integer registers");
        w.longs(h.f(), Limits.REGISTERS, "FP registers");
        CsrState c = h.csr();
        w.i64(c.mstatus()).i64(c.medeleg()).i64(c.mideleg()).i64(c.mie()).i64(c.mtvec()).i64(c.mcounteren())
                .i64(c.mscratch()).i64(c.mepc()).i64(c.mcause()).i64(c.mtval()).i64(c.menvcfg())
                .i64(c.mcountinhibit()).i64(c.stvec()).i64(c.scounteren()).i64(c.senvcfg()).i64(c.sscratch())
                .i64(c.sepc()).i64(c.scause()).i64(c.stval()).i64(c.satp())
                .i32(c.fflags()).i32(c.frm()).i64(c.mipSoftware());
        w.bytes(c.pmp().config(), Limits.PMP_ENTRIES, "PMP configuration");
        w.longs(c.pmp().address(), Limits.PMP_ENTRIES, "PMP addresses");
        return w.i64(h.reservationAddress()).i64(h.reservationValue()).bool(h.waitingForInterrupt())
                .i64(h.retired());
    }

    static HartState read(SectionReader r, int index) throws StateFormatException {
        int hartId = r.i32("hart id");
        if (hartId != index) {
            throw r.fail("holds hart " + hartId + ", expected hart " + index);
        }
        long pc = r.i64("pc");
        int priv = r.u8("privilege");
        long[] x = r.longs(Limits.REGISTERS, Limits.REGISTERS, "integer registers");
        long[] f = r.longs(Limits.REGISTERS, Limits.REGISTERS, "FP registers");
        long mstatus = r.i64("mstatus");
        long medeleg = r.i64("medeleg");
        long mideleg = r.i64("mideleg");
        long mie = r.i64("mie");
        long mtvec = r.i64("mtvec");
        long mcounteren = r.i64("mcounteren");
        long mscratch = r.i64("mscratch");
        long mepc = r.i64("mepc");
        long mcause = r.i64("mcause");
        long mtval = r.i64("mtval");
        long menvcfg = r.i64("menvcfg");
        long mcountinhibit = r.i64("mcountinhibit");
        long stvec = r.i64("stvec");
        long scounteren = r.i64("scounteren");
        long senvcfg = r.i64("senvcfg");
        long sscratch = r.i64("sscratch");
        long sepc = r.i64("sepc");
        long scause = r.i64("scause");
        long stval = r.i64("stval");
        long satp = r.i64("satp");
        int fflags = r.i32("fflags");
        int frm = r.i32("frm");
        long mipSoftware = r.i64("mip");
        byte[] pmpConfig = r.bytes(Limits.PMP_ENTRIES, "PMP configuration");
        long[] pmpAddress = r.longs(Limits.PMP_ENTRIES, Limits.PMP_ENTRIES, "PMP addresses");
        long reservationAddress = r.i64("reservation address");
        long reservationValue = r.i64("reservation value");
        boolean wfi = r.bool("wfi");
        long retired = r.i64("retired");
        r.end();
        PmpState pmp = r.build("PMP", () -> new PmpState(pmpConfig, pmpAddress));
        CsrState csr = r.build("CSRs", () -> new CsrState(mstatus, medeleg, mideleg, mie, mtvec, mcounteren,
                mscratch, mepc, mcause, mtval, menvcfg, mcountinhibit, stvec, scounteren, senvcfg, sscratch, sepc,
                scause, stval, satp, fflags, frm, mipSoftware, pmp));
        return r.build("hart", () -> new HartState(hartId, pc, priv, x, f, csr, reservationAddress,
                reservationValue, wfi, retired));
    }
}
