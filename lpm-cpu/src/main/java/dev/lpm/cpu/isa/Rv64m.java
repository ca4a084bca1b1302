package dev.lpm.cpu.isa;

import dev.lpm.cpu.Hart;

/** M extension (unprivileged spec chapter 7): division by zero and overflow give the spec's values, no trap. */
public final class Rv64m {
    private Rv64m() {
    }

    public static void mul(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] * h.x[rs2]);
    }

    public static void mulh(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, Math.multiplyHigh(h.x[rs1], h.x[rs2]));
    }

    public static void mulhsu(Hart h, int rd, int rs1, int rs2) {
        long a = h.x[rs1];
        long b = h.x[rs2];
        // signed x unsigned: the unsigned high product, corrected by b when a is negative
        h.setX(rd, Math.unsignedMultiplyHigh(a, b) - (a < 0 ? b : 0));
    }

    public static void mulhu(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, Math.unsignedMultiplyHigh(h.x[rs1], h.x[rs2]));
    }

    public static void div(Hart h, int rd, int rs1, int rs2) {
        long a = h.x[rs1];
        long b = h.x[rs2];
        h.setX(rd, b == 0 ? -1 : (b == -1 ? -a : a / b)); // MIN / -1 overflows back to MIN
    }

    public static void divu(Hart h, int rd, int rs1, int rs2) {
        long b = h.x[rs2];
        h.setX(rd, b == 0 ? -1 : Long.divideUnsigned(h.x[rs1], b));
    }

    public static void rem(Hart h, int rd, int rs1, int rs2) {
        long a = h.x[rs1];
        long b = h.x[rs2];
        h.setX(rd, b == 0 ? a : (b == -1 ? 0 : a % b));
    }

    public static void remu(Hart h, int rd, int rs1, int rs2) {
        long b = h.x[rs2];
        h.setX(rd, b == 0 ? h.x[rs1] : Long.remainderUnsigned(h.x[rs1], b));
    }

    public static void mulw(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, (int) h.x[rs1] * (int) h.x[rs2]);
    }

    public static void divw(Hart h, int rd, int rs1, int rs2) {
        int a = (int) h.x[rs1];
        int b = (int) h.x[rs2];
        h.setX(rd, b == 0 ? -1 : (b == -1 ? -a : a / b));
    }

    public static void divuw(Hart h, int rd, int rs1, int rs2) {
        int b = (int) h.x[rs2];
        h.setX(rd, b == 0 ? -1 : Integer.divideUnsigned((int) h.x[rs1], b));
    }

    public static void remw(Hart h, int rd, int rs1, int rs2) {
        int a = (int) h.x[rs1];
        int b = (int) h.x[rs2];
        h.setX(rd, b == 0 ? a : (b == -1 ? 0 : a % b));
    }

    public static void remuw(Hart h, int rd, int rs1, int rs2) {
        int b = (int) h.x[rs2];
        h.setX(rd, b == 0 ? (int) h.x[rs1] : Integer.remainderUnsigned((int) h.x[rs1], b));
    }
}
