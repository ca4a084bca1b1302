package dev.lpm.cpu.isa;

import dev.lpm.cpu.Hart;
import dev.lpm.cpu.fp.SoftFloat;

/**
 * D extension (unprivileged spec chapter 12). Arithmetic is {@link SoftFloat} on raw bits with the resolved
 * rounding mode; exception flags accumulate straight into fflags.
 */
public final class Rv64d {
    private Rv64d() {
    }


    public static void faddD(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.addD(h.f[rs1], h.f[rs2], mode, h.csr.fpFlags));
    }

    public static void fsubD(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.subD(h.f[rs1], h.f[rs2], mode, h.csr.fpFlags));
    }

    public static void fmulD(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.mulD(h.f[rs1], h.f[rs2], mode, h.csr.fpFlags));
    }

    public static void fdivD(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.divD(h.f[rs1], h.f[rs2], mode, h.csr.fpFlags));
    }

    public static void fsqrtD(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.sqrtD(h.f[rs1], mode, h.csr.fpFlags));
    }

    public static void fmaddD(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long a = h.f[rs1];
        long c = h.f[rs3];
        h.setF(rd, SoftFloat.mulAddD(a, h.f[rs2], c, mode, h.csr.fpFlags));
    }

    public static void fmsubD(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long a = h.f[rs1];
        long c = h.f[rs3];
        h.setF(rd, SoftFloat.mulAddD(a, h.f[rs2], c ^ 0x8000000000000000L, mode, h.csr.fpFlags));
    }

    public static void fnmsubD(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long a = h.f[rs1];
        long c = h.f[rs3];
        h.setF(rd, SoftFloat.mulAddD(a ^ 0x8000000000000000L, h.f[rs2], c, mode, h.csr.fpFlags));
    }

    public static void fnmaddD(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long a = h.f[rs1];
        long c = h.f[rs3];
        h.setF(rd, SoftFloat.mulAddD(a ^ 0x8000000000000000L, h.f[rs2], c ^ 0x8000000000000000L, mode, h.csr.fpFlags));
    }

    public static void fsgnjD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        long a = h.f[rs1];
        long b = h.f[rs2];
        h.setF(rd, a & ~0x8000000000000000L | b & 0x8000000000000000L);
    }

    public static void fsgnjnD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        long a = h.f[rs1];
        long b = h.f[rs2];
        h.setF(rd, a & ~0x8000000000000000L | ~b & 0x8000000000000000L);
    }

    public static void fsgnjxD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        long a = h.f[rs1];
        long b = h.f[rs2];
        h.setF(rd, a ^ b & 0x8000000000000000L);
    }

    public static void fminD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        h.setF(rd, SoftFloat.minD(h.f[rs1], h.f[rs2], h.csr.fpFlags));
    }

    public static void fmaxD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        h.setF(rd, SoftFloat.maxD(h.f[rs1], h.f[rs2], h.csr.fpFlags));
    }

    public static void feqD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        boolean result = SoftFloat.eqD(h.f[rs1], h.f[rs2], h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result ? 1 : 0);
    }

    public static void fltD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        boolean result = SoftFloat.ltD(h.f[rs1], h.f[rs2], h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result ? 1 : 0);
    }

    public static void fleD(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        boolean result = SoftFloat.leD(h.f[rs1], h.f[rs2], h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result ? 1 : 0);
    }

    public static void fclassD(Hart h, int rd, int rs1) {
        h.requireFp();
        h.setX(rd, SoftFloat.classD(h.f[rs1]));
    }

    public static void fcvtWD(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toIntD(h.f[rs1], mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtWuD(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toUIntD(h.f[rs1], mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtLD(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toLongD(h.f[rs1], mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtLuD(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toULongD(h.f[rs1], mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtDW(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.fromIntD((int) h.x[rs1], mode, h.csr.fpFlags));
    }

    public static void fcvtDWu(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.fromUIntD((int) h.x[rs1], mode, h.csr.fpFlags));
    }

    public static void fcvtDL(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.fromLongD(h.x[rs1], mode, h.csr.fpFlags));
    }

    public static void fcvtDLu(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, SoftFloat.fromULongD(h.x[rs1], mode, h.csr.fpFlags));
    }

    public static void fld(Hart h, int rd, int rs1, int imm) {
        h.requireFp();
        h.setF(rd, h.mmu.loadLong(h.x[rs1] + imm));
    }

    public static void fsd(Hart h, int rs1, int rs2, int imm) {
        h.requireFp();
        h.mmu.storeLong(h.x[rs1] + imm, h.f[rs2]);
    }

    public static void fmvXD(Hart h, int rd, int rs1) {
        h.requireFp();
        h.setX(rd, h.f[rs1]);
    }

    public static void fmvDX(Hart h, int rd, int rs1) {
        h.requireFp();
        h.setF(rd, h.x[rs1]);
    }

    public static void fcvtSD(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, Rv64f.box(SoftFloat.dToS(h.f[rs1], mode, h.csr.fpFlags)));
    }

    public static void fcvtDS(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        h.csr.roundingMode(rm); // exact, but a reserved rm is still illegal
        h.setF(rd, SoftFloat.sToD(Rv64f.unbox(h.f[rs1]), h.csr.fpFlags));
    }
}
