package dev.lpm.cpu.isa;

import dev.lpm.cpu.Hart;
import dev.lpm.memory.Ram;

/**
 * A extension (unprivileged spec chapter 8). Every AMO is a compare-and-swap loop on guest RAM, atomic
 * between harts and sequentially consistent whatever aq/rl say. LR/SC follows QEMU: the reservation is the
 * LR's virtual address and loaded value; SC to another address fails without touching memory, and SC
 * succeeds by swapping in its value only while memory still holds the loaded one.
 */
public final class Rv64a {
    private Rv64a() {
    }

    private static final int SWAP = 0;
    private static final int ADD = 1;
    private static final int XOR = 2;
    private static final int AND = 3;
    private static final int OR = 4;
    private static final int MIN = 5;
    private static final int MAX = 6;
    private static final int MINU = 7;
    private static final int MAXU = 8;

    private static void lr(Hart h, int rd, int rs1, int sizeLog2) {
        long va = h.x[rs1];
        long offset = h.mmu.lrOffset(va, sizeLog2);
        long value = h.mmu.ram().getVolatile(offset, sizeLog2);
        h.reservationAddress = va;
        h.reservationValue = value;
        h.setX(rd, value);
    }

    private static void sc(Hart h, int rd, int rs1, int rs2, int sizeLog2) {
        long va = h.x[rs1];
        long value = h.x[rs2];
        boolean success = false;
        if (h.reservationAddress == va) {
            long offset = h.mmu.amoOffset(va, sizeLog2);
            success = h.mmu.ram().compareAndSet(offset, h.reservationValue, value, sizeLog2);
        }
        h.reservationAddress = -1;
        h.setX(rd, success ? 0 : 1);
    }

    private static void amo(Hart h, int rd, int rs1, int rs2, int sizeLog2, int op) {
        long offset = h.mmu.amoOffset(h.x[rs1], sizeLog2);
        long operand = h.x[rs2];
        Ram ram = h.mmu.ram();
        long old;
        do {
            old = ram.getVolatile(offset, sizeLog2); // sign-extended for words
        } while (!ram.compareAndSet(offset, old, apply(op, old, operand, sizeLog2), sizeLog2));
        h.setX(rd, old);
    }

    private static long apply(int op, long old, long operand, int sizeLog2) {
        if (sizeLog2 == 2) {
            operand = (int) operand; // word AMOs compare and combine 32-bit values
        }
        return switch (op) {
            case SWAP -> operand;
            case ADD -> old + operand;
            case XOR -> old ^ operand;
            case AND -> old & operand;
            case OR -> old | operand;
            case MIN -> Math.min(old, operand);
            case MAX -> Math.max(old, operand);
            case MINU -> sizeLog2 == 2 ? (Integer.compareUnsigned((int) old, (int) operand) <= 0 ? old : operand)
                    : (Long.compareUnsigned(old, operand) <= 0 ? old : operand);
            default -> sizeLog2 == 2 ? (Integer.compareUnsigned((int) old, (int) operand) >= 0 ? old : operand)
                    : (Long.compareUnsigned(old, operand) >= 0 ? old : operand);
        };
    }

    public static void lrW(Hart h, int rd, int rs1) {
        lr(h, rd, rs1, 2);
    }

    public static void scW(Hart h, int rd, int rs1, int rs2) {
        sc(h, rd, rs1, rs2, 2);
    }

    public static void amoswapW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, SWAP);
    }

    public static void amoaddW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, ADD);
    }

    public static void amoxorW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, XOR);
    }

    public static void amoandW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, AND);
    }

    public static void amoorW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, OR);
    }

    public static void amominW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, MIN);
    }

    public static void amomaxW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, MAX);
    }

    public static void amominuW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, MINU);
    }

    public static void amomaxuW(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 2, MAXU);
    }

    public static void lrD(Hart h, int rd, int rs1) {
        lr(h, rd, rs1, 3);
    }

    public static void scD(Hart h, int rd, int rs1, int rs2) {
        sc(h, rd, rs1, rs2, 3);
    }

    public static void amoswapD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, SWAP);
    }

    public static void amoaddD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, ADD);
    }

    public static void amoxorD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, XOR);
    }

    public static void amoandD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, AND);
    }

    public static void amoorD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, OR);
    }

    public static void amominD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, MIN);
    }

    public static void amomaxD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, MAX);
    }

    public static void amominuD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, MINU);
    }

    public static void amomaxuD(Hart h, int rd, int rs1, int rs2) {
        amo(h, rd, rs1, rs2, 3, MAXU);
    }
}
