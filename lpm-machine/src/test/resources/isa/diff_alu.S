# @differential
# diff_alu: prints the results of every RV64I/M register-register ALU operation
# over all pairs of 8 edge-case operands, and of the immediate forms over those
# operands and edge immediates.  QemuDifferentialTest compares the output with QEMU.
        .include "harness.S"
        TEST_NAME "diff_alu"
        .option norvc

        .equ NOPS, 8

# RROP op: "op:" then op(a, b) for every operand pair, 8 per line
.macro RROP op
        PRINT "\op:\n"
        la s0, operands
        li s1, 0
.Li\@:  slli t0, s1, 3
        add t0, t0, s0
        ld a1, 0(t0)
        li s2, 0
.Lj\@:  slli t0, s2, 3
        add t0, t0, s0
        ld a2, 0(t0)
        \op a0, a1, a2
        call emit
        addi s2, s2, 1
        li t0, NOPS
        bne s2, t0, .Lj\@
        PRINT_NL
        addi s1, s1, 1
        li t0, NOPS
        bne s1, t0, .Li\@
.endm
# RIOP op, imm...: "op imm:" then op(a, imm) for every operand
.macro RIOP op, imm
        PRINT "\op \imm:"
        la s0, operands
        li s1, 0
.Li\@:  slli t0, s1, 3
        add t0, t0, s0
        ld a1, 0(t0)
        \op a0, a1, \imm
        call emit
        addi s1, s1, 1
        li t0, NOPS
        bne s1, t0, .Li\@
        PRINT_NL
.endm

main:
        mv s11, ra
        .irp op, add, sub, sll, slt, sltu, xor, srl, sra, or, and, addw, subw, sllw, srlw, sraw
        RROP \op
        .endr
        .irp op, mul, mulh, mulhsu, mulhu, mulw, div, divu, rem, remu, divw, divuw, remw, remuw
        RROP \op
        .endr
        .irp imm, -2048, -1, 0, 1, 2047
        RIOP addi, \imm
        RIOP slti, \imm
        RIOP sltiu, \imm
        RIOP xori, \imm
        RIOP ori, \imm
        RIOP andi, \imm
        RIOP addiw, \imm
        .endr
        .irp sh, 0, 1, 31, 32, 63
        RIOP slli, \sh
        RIOP srli, \sh
        RIOP srai, \sh
        .endr
        .irp sh, 0, 1, 31
        RIOP slliw, \sh
        RIOP srliw, \sh
        RIOP sraiw, \sh
        .endr
        mv ra, s11
        ret

# emit(a0): " " + 16 hex digits
emit:
        addi sp, sp, -32
        sd ra, 0(sp)
        sd a0, 8(sp)
        sd a1, 16(sp)
        sd a2, 24(sp)
        mv a1, a0
        li a0, ' '
        call h_putc
        li a2, 60
1:      srl a0, a1, a2
        andi a0, a0, 15
        addi a0, a0, '0'
        li t0, '9'
        ble a0, t0, 2f
        addi a0, a0, ('a' - '9' - 1)
2:      call h_putc
        addi a2, a2, -4
        bgez a2, 1b
        ld ra, 0(sp)
        ld a0, 8(sp)
        ld a1, 16(sp)
        ld a2, 24(sp)
        addi sp, sp, 32
        ret

        .section .rodata
        .balign 8
operands:
        .dword 0, 1, -1, 0x8000000000000000, 0x7fffffffffffffff
        .dword 0xffffffff80000000, 0x000000007fffffff, 0x9e3779b97f4a7c15
