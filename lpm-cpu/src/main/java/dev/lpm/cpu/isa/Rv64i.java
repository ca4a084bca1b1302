package dev.lpm.cpu.isa;

import dev.lpm.cpu.Hart;

/** RV64I base integer instructions (unprivileged spec chapters 2 and 5). */
public final class Rv64i {
    private Rv64i() {
    }

    public static void lui(Hart h, int rd, int imm) {
        h.setX(rd, imm);
    }

    public static void auipc(Hart h, int rd, int imm) {
        h.setX(rd, h.pc + imm);
    }

    public static void jal(Hart h, int rd, int imm, int ilen) {
        long link = h.pc + ilen;
        h.pc += imm;
        h.setX(rd, link);
    }

    public static void jalr(Hart h, int rd, int rs1, int imm, int ilen) {
        long target = (h.x[rs1] + imm) & ~1L;
        long link = h.pc + ilen;
        h.pc = target;
        h.setX(rd, link);
    }

    public static void beq(Hart h, int rs1, int rs2, int imm, int ilen) {
        h.pc += h.x[rs1] == h.x[rs2] ? imm : ilen;
    }

    public static void bne(Hart h, int rs1, int rs2, int imm, int ilen) {
        h.pc += h.x[rs1] != h.x[rs2] ? imm : ilen;
    }

    public static void blt(Hart h, int rs1, int rs2, int imm, int ilen) {
        h.pc += h.x[rs1] < h.x[rs2] ? imm : ilen;
    }

    public static void bge(Hart h, int rs1, int rs2, int imm, int ilen) {
        h.pc += h.x[rs1] >= h.x[rs2] ? imm : ilen;
    }

    public static void bltu(Hart h, int rs1, int rs2, int imm, int ilen) {
        h.pc += Long.compareUnsigned(h.x[rs1], h.x[rs2]) < 0 ? imm : ilen;
    }

    public static void bgeu(Hart h, int rs1, int rs2, int imm, int ilen) {
        h.pc += Long.compareUnsigned(h.x[rs1], h.x[rs2]) >= 0 ? imm : ilen;
    }

    public static void lb(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.mmu.loadByte(h.x[rs1] + imm));
    }

    public static void lh(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.mmu.loadShort(h.x[rs1] + imm));
    }

    public static void lw(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.mmu.loadInt(h.x[rs1] + imm));
    }

    public static void ld(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.mmu.loadLong(h.x[rs1] + imm));
    }

    public static void lbu(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.mmu.loadByteUnsigned(h.x[rs1] + imm));
    }

    public static void lhu(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.mmu.loadShortUnsigned(h.x[rs1] + imm));
    }

    public static void lwu(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.mmu.loadIntUnsigned(h.x[rs1] + imm));
    }

    public static void sb(Hart h, int rs1, int rs2, int imm) {
        h.mmu.storeByte(h.x[rs1] + imm, h.x[rs2]);
    }

    public static void sh(Hart h, int rs1, int rs2, int imm) {
        h.mmu.storeShort(h.x[rs1] + imm, h.x[rs2]);
    }

    public static void sw(Hart h, int rs1, int rs2, int imm) {
        h.mmu.storeInt(h.x[rs1] + imm, h.x[rs2]);
    }

    public static void sd(Hart h, int rs1, int rs2, int imm) {
        h.mmu.storeLong(h.x[rs1] + imm, h.x[rs2]);
    }

    public static void addi(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.x[rs1] + imm);
    }

    public static void slti(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.x[rs1] < imm ? 1 : 0);
    }

    public static void sltiu(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, Long.compareUnsigned(h.x[rs1], imm) < 0 ? 1 : 0);
    }

    public static void xori(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.x[rs1] ^ imm);
    }

    public static void ori(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.x[rs1] | imm);
    }

    public static void andi(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, h.x[rs1] & imm);
    }

    public static void slli(Hart h, int rd, int rs1, int shamt) {
        h.setX(rd, h.x[rs1] << shamt);
    }

    public static void srli(Hart h, int rd, int rs1, int shamt) {
        h.setX(rd, h.x[rs1] >>> shamt);
    }

    public static void srai(Hart h, int rd, int rs1, int shamt) {
        h.setX(rd, h.x[rs1] >> shamt);
    }

    public static void add(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] + h.x[rs2]);
    }

    public static void sub(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] - h.x[rs2]);
    }

    public static void sll(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] << h.x[rs2]); // Java uses the low 6 bits, as RV64 does
    }

    public static void slt(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] < h.x[rs2] ? 1 : 0);
    }

    public static void sltu(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, Long.compareUnsigned(h.x[rs1], h.x[rs2]) < 0 ? 1 : 0);
    }

    public static void xor(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] ^ h.x[rs2]);
    }

    public static void srl(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] >>> h.x[rs2]);
    }

    public static void sra(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] >> h.x[rs2]);
    }

    public static void or(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] | h.x[rs2]);
    }

    public static void and(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, h.x[rs1] & h.x[rs2]);
    }

    // ---- RV64 word operations: 32-bit results sign-extended ----

    public static void addiw(Hart h, int rd, int rs1, int imm) {
        h.setX(rd, (int) (h.x[rs1] + imm));
    }

    public static void slliw(Hart h, int rd, int rs1, int shamt) {
        h.setX(rd, (int) h.x[rs1] << shamt);
    }

    public static void srliw(Hart h, int rd, int rs1, int shamt) {
        h.setX(rd, (int) h.x[rs1] >>> shamt);
    }

    public static void sraiw(Hart h, int rd, int rs1, int shamt) {
        h.setX(rd, (int) h.x[rs1] >> shamt);
    }

    public static void addw(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, (int) (h.x[rs1] + h.x[rs2]));
    }

    public static void subw(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, (int) (h.x[rs1] - h.x[rs2]));
    }

    public static void sllw(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, (int) h.x[rs1] << (int) h.x[rs2]); // int shifts use the low 5 bits
    }

    public static void srlw(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, (int) h.x[rs1] >>> (int) h.x[rs2]);
    }

    public static void sraw(Hart h, int rd, int rs1, int rs2) {
        h.setX(rd, (int) h.x[rs1] >> (int) h.x[rs2]);
    }
}
