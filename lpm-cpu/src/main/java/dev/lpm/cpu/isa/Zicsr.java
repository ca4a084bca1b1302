package dev.lpm.cpu.isa;

import dev.lpm.cpu.Hart;

/**
 * Zicsr (unprivileged spec chapter 9). CSRRW with rd = x0 does not read. CSRRS/CSRRC write only when the
 * mask is non-zero: the spec says so for rs1 = x0 and uimm = 0; for a register holding zero QEMU 7.2 skips
 * the write (and the read-only check) as well, and lpm does what QEMU does.
 */
public final class Zicsr {
    private Zicsr() {
    }

    public static void csrrw(Hart h, int rd, int rs1, int csr) {
        write(h, rd, csr, h.x[rs1]);
    }

    public static void csrrwi(Hart h, int rd, int uimm, int csr) {
        write(h, rd, csr, uimm);
    }

    private static void write(Hart h, int rd, int csr, long value) {
        if (rd == 0) {
            h.csr.write(csr, value);
            return;
        }
        long old = h.csr.read(csr);
        h.csr.write(csr, value);
        h.x[rd] = old;
    }

    public static void csrrs(Hart h, int rd, int rs1, int csr) {
        setClear(h, rd, csr, h.x[rs1], true);
    }

    public static void csrrsi(Hart h, int rd, int uimm, int csr) {
        setClear(h, rd, csr, uimm, true);
    }

    public static void csrrc(Hart h, int rd, int rs1, int csr) {
        setClear(h, rd, csr, h.x[rs1], false);
    }

    public static void csrrci(Hart h, int rd, int uimm, int csr) {
        setClear(h, rd, csr, uimm, false);
    }

    private static void setClear(Hart h, int rd, int csr, long mask, boolean set) {
        long old = h.csr.read(csr);
        if (mask != 0) {
            long base = h.csr.readModifyWriteBase(csr, old);
            h.csr.write(csr, set ? base | mask : base & ~mask);
        }
        h.setX(rd, old);
    }
}
