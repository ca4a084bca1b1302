package dev.lpm.cpu.isa;

import dev.lpm.cpu.Hart;
import dev.lpm.cpu.fp.SoftFloat;

/**
 * F extension (unprivileged spec chapter 11). Arithmetic is {@link SoftFloat} on raw bits with the resolved
 * rounding mode; exception flags accumulate straight into fflags. Singles live NaN-boxed in the 64-bit registers: an operand that is not properly boxed reads as the canonical NaN (section 12.2).
 */
public final class Rv64f {
    private Rv64f() {
    }

    private static final long BOX = 0xFFFF_FFFF_0000_0000L;

    /** The single in a register, or the canonical NaN when the upper 32 bits are not all ones. */
    public static int unbox(long register) {
        return (register & BOX) == BOX ? (int) register : SoftFloat.CANONICAL_NAN_S;
    }

    public static long box(int single) {
        return BOX | (single & 0xFFFF_FFFFL);
    }

    public static void faddS(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.addS(unbox(h.f[rs1]), unbox(h.f[rs2]), mode, h.csr.fpFlags)));
    }

    public static void fsubS(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.subS(unbox(h.f[rs1]), unbox(h.f[rs2]), mode, h.csr.fpFlags)));
    }

    public static void fmulS(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.mulS(unbox(h.f[rs1]), unbox(h.f[rs2]), mode, h.csr.fpFlags)));
    }

    public static void fdivS(Hart h, int rd, int rs1, int rs2, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.divS(unbox(h.f[rs1]), unbox(h.f[rs2]), mode, h.csr.fpFlags)));
    }

    public static void fsqrtS(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.sqrtS(unbox(h.f[rs1]), mode, h.csr.fpFlags)));
    }

    public static void fmaddS(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        int a = unbox(h.f[rs1]);
        int c = unbox(h.f[rs3]);
        h.setF(rd, box(SoftFloat.mulAddS(a, unbox(h.f[rs2]), c, mode, h.csr.fpFlags)));
    }

    public static void fmsubS(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        int a = unbox(h.f[rs1]);
        int c = unbox(h.f[rs3]);
        h.setF(rd, box(SoftFloat.mulAddS(a, unbox(h.f[rs2]), c ^ 0x80000000, mode, h.csr.fpFlags)));
    }

    public static void fnmsubS(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        int a = unbox(h.f[rs1]);
        int c = unbox(h.f[rs3]);
        h.setF(rd, box(SoftFloat.mulAddS(a ^ 0x80000000, unbox(h.f[rs2]), c, mode, h.csr.fpFlags)));
    }

    public static void fnmaddS(Hart h, int rd, int rs1, int rs2, int rs3, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        int a = unbox(h.f[rs1]);
        int c = unbox(h.f[rs3]);
        h.setF(rd, box(SoftFloat.mulAddS(a ^ 0x80000000, unbox(h.f[rs2]), c ^ 0x80000000, mode, h.csr.fpFlags)));
    }

    public static void fsgnjS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        int a = unbox(h.f[rs1]);
        int b = unbox(h.f[rs2]);
        h.setF(rd, box(a & ~0x80000000 | b & 0x80000000));
    }

    public static void fsgnjnS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        int a = unbox(h.f[rs1]);
        int b = unbox(h.f[rs2]);
        h.setF(rd, box(a & ~0x80000000 | ~b & 0x80000000));
    }

    public static void fsgnjxS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        int a = unbox(h.f[rs1]);
        int b = unbox(h.f[rs2]);
        h.setF(rd, box(a ^ b & 0x80000000));
    }

    public static void fminS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        h.setF(rd, box(SoftFloat.minS(unbox(h.f[rs1]), unbox(h.f[rs2]), h.csr.fpFlags)));
    }

    public static void fmaxS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        h.setF(rd, box(SoftFloat.maxS(unbox(h.f[rs1]), unbox(h.f[rs2]), h.csr.fpFlags)));
    }

    public static void feqS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        boolean result = SoftFloat.eqS(unbox(h.f[rs1]), unbox(h.f[rs2]), h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result ? 1 : 0);
    }

    public static void fltS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        boolean result = SoftFloat.ltS(unbox(h.f[rs1]), unbox(h.f[rs2]), h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result ? 1 : 0);
    }

    public static void fleS(Hart h, int rd, int rs1, int rs2) {
        h.requireFp();
        boolean result = SoftFloat.leS(unbox(h.f[rs1]), unbox(h.f[rs2]), h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result ? 1 : 0);
    }

    public static void fclassS(Hart h, int rd, int rs1) {
        h.requireFp();
        h.setX(rd, SoftFloat.classS(unbox(h.f[rs1])));
    }

    public static void fcvtWS(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toIntS(unbox(h.f[rs1]), mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtWuS(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toUIntS(unbox(h.f[rs1]), mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtLS(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toLongS(unbox(h.f[rs1]), mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtLuS(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        long result = SoftFloat.toULongS(unbox(h.f[rs1]), mode, h.csr.fpFlags);
        h.csr.markFpDirty();
        h.setX(rd, result);
    }

    public static void fcvtSW(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.fromIntS((int) h.x[rs1], mode, h.csr.fpFlags)));
    }

    public static void fcvtSWu(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.fromUIntS((int) h.x[rs1], mode, h.csr.fpFlags)));
    }

    public static void fcvtSL(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.fromLongS(h.x[rs1], mode, h.csr.fpFlags)));
    }

    public static void fcvtSLu(Hart h, int rd, int rs1, int rm) {
        h.requireFp();
        int mode = h.csr.roundingMode(rm);
        h.setF(rd, box(SoftFloat.fromULongS(h.x[rs1], mode, h.csr.fpFlags)));
    }

    public static void flw(Hart h, int rd, int rs1, int imm) {
        h.requireFp();
        h.setF(rd, box((int) h.mmu.loadInt(h.x[rs1] + imm)));
    }

    public static void fsw(Hart h, int rs1, int rs2, int imm) {
        h.requireFp();
        h.mmu.storeInt(h.x[rs1] + imm, h.f[rs2]);
    }

    /** FMV.X.W moves the low 32 bits unchanged (no unboxing), sign-extended. */
    public static void fmvXW(Hart h, int rd, int rs1) {
        h.requireFp();
        h.setX(rd, (int) h.f[rs1]);
    }

    public static void fmvWX(Hart h, int rd, int rs1) {
        h.requireFp();
        h.setF(rd, box((int) h.x[rs1]));
    }
}
