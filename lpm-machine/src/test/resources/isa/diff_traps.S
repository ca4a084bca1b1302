# @differential
# diff_traps: runs a table of single instructions in M-mode - valid ones,
# reserved/illegal encodings across every major opcode, FP encodings with bad
# rounding modes or formats, extensions lpm does not have (Zb*, Zfh, Q), faulting
# and misaligned memory accesses - and prints for each the outcome: "ok a0=..." or
# "trap cause=.. tval=..".  Compared byte-for-byte with QEMU.
#
# While an entry runs: a0 = 0x5a5a, a1 = 8-byte aligned RAM buffer, a2 = first
# address past RAM, a3 = a1 + 1 (misaligned), a4 = 3, fa0/fa1 = 1.5/2.0, fcsr = 0.
        .include "harness.S"
        TEST_NAME "diff_traps"
        .option norvc

# one table entry: the instruction(s) under test, padded to 4 bytes, then `ret`
.macro E insn:vararg
        .balign 8
        \insn
        jalr x0, 0(ra)
.endm
.macro E16 half
        .balign 8
        .2byte \half
        .2byte 0x0001                           # c.nop
        jalr x0, 0(ra)
.endm

main:
        mv s11, ra
        ALLOW_TRAPS
        la s0, table
        la s1, table_end
        li s2, 0
1:      TRAPS_CLEAR
        li a0, 0x5a5a
        la a1, buffer
        li a2, 0x88000000
        addi a3, a1, 1
        li a4, 3
        la t0, fconst
        fld fa0, 0(t0)
        fld fa1, 8(t0)
        csrwi fcsr, 0
        jalr ra, 0(s0)
        mv s3, a0
        csrr s4, fcsr
        PRINT_DEC s2
        PRINT ": insn="
        lwu a0, 0(s0)
        PRINT_HEX a0
        ld t0, h_mcount
        bnez t0, 2f
        PRINT " ok a0="
        PRINT_HEX s3
        PRINT " fcsr="
        PRINT_DEC s4
        PRINT_NL
        j 3f
2:      PRINT " trap cause="
        ld a0, h_mcause
        PRINT_DEC a0
        PRINT " tval="
        ld a0, h_mtval
        PRINT_HEX a0
        PRINT_NL
3:      addi s0, s0, 8
        addi s2, s2, 1
        bltu s0, s1, 1b
        FORBID_TRAPS
        csrwi fcsr, 0
        mv ra, s11
        ret

        .balign 8
table:
        # system
        E ecall
        E ebreak
        E16 0x9002                              # c.ebreak
        E .4byte 0x00200073                     # uret (N: absent)
        E sfence.vma
        E sfence.vma a1, a4
        E fence
        E fence.i
        E fence.tso
        E .4byte 0x0100000f                     # pause
        E .4byte 0x1000000f                     # fence with reserved fm = 0001
        E .4byte 0x00004073                     # SYSTEM funct3 = 4
        E .4byte 0x00008073                     # ecall with rs1 = x1
        E .4byte 0x001000f3                     # ebreak with rd = x1
        E .4byte 0x30200073 | (1 << 15)         # mret with rs1 = x1
        E .4byte 0x12000073 | (1 << 7)          # sfence.vma with rd = x1
        E .4byte 0x22000073                     # hfence.vvma (H: absent)
        E .4byte 0x16000073                     # sinval.vma (Svinval: absent)
        # whole-word and opcode-space oddities
        E .4byte 0x00000000
        E .4byte 0xffffffff
        E .4byte 0x0000000b                     # custom-0
        E .4byte 0x0000002b                     # custom-1
        E .4byte 0x0000005b                     # custom-2
        E .4byte 0x0000007b                     # custom-3
        E .4byte 0x0000001f                     # 48-bit prefix
        E .4byte 0x0000003f                     # 64-bit prefix
        E .4byte 0x00000057                     # OP-V (V: absent)
        E .4byte 0x00000077                     # OP-P / reserved
        # OP / OP-IMM / OP-32 / OP-IMM-32 funct fields
        E .4byte 0x40001533                     # sll with funct7 = 0x20
        E .4byte 0x40002533                     # slt with funct7 = 0x20
        E .4byte 0x06000533                     # funct7 = 3
        E .4byte 0x80000533                     # funct7 = 0x40
        E .4byte 0x40001513                     # slli with imm[11:6] = 0x10
        E .4byte 0x80005513                     # srli with imm[11:6] = 0x20
        E srai a0, a4, 63
        E .4byte 0x0200151b                     # slliw with shamt[5] = 1
        E .4byte 0x4200551b                     # sraiw with shamt[5] = 1
        E .4byte 0x4000153b                     # sllw with funct7 = 0x20
        E .4byte 0x02e5f53b                     # remuw a0, a1, a4
        E .4byte 0x0600053b                     # OP-32 funct7 = 3
        E .4byte 0x0000253b                     # OP-32 funct3 = 2
        # bit-manipulation (Zba/Zbb/Zbc/Zbs: absent in the reference)
        E .4byte 0x20e5a533                     # sh1add a0, a1, a4
        E .4byte 0x40e5f533                     # andn
        E .4byte 0x60059513                     # clz a0, a1
        E .4byte 0x6b85d513                     # rev8 a0, a1
        E .4byte 0x0ae59533                     # clmul
        E .4byte 0x48e59533                     # bclr
        E .4byte 0x0805853b                     # add.uw a0, a1, x0 (zext.w)
        # loads / stores / control transfer
        E ld a0, 0(a1)
        E .4byte 0x0075f503                     # load funct3 = 7
        E lb a0, 0(a2)
        E lw a0, 0(a3)                          # misaligned: fine in RAM
        E sd a4, 0(a3)
        E .4byte 0x00e5c023                     # store funct3 = 4
        E .4byte 0x00e5f023                     # store funct3 = 7
        E sw a4, 4(a2)
        E .4byte 0x00002063                     # branch funct3 = 2 (not taken anyway)
        E .4byte 0x00003063                     # branch funct3 = 3
        E .4byte 0x00001067                     # jalr funct3 = 1
        # atomics
        E amoadd.d a0, a4, (a1)
        E amoadd.w a0, a4, (a3)                 # misaligned
        E lr.d a0, (a3)
        E sc.d a0, a4, (a3)
        E lr.w a0, (a2)
        E amoswap.d a0, a4, (a2)
        E .4byte 0x1005b52f                     # lr.d a0, (a1)
        E .4byte 0x1045b52f                     # lr.d with rs2 = 4: reserved
        E .4byte 0x0005852f                     # AMO funct3 = 0
        E .4byte 0x2805b52f                     # AMO funct5 = 00101
        E .4byte 0xf805b52f                     # AMO funct5 = 11111
        # floating point
        E fadd.d fa2, fa0, fa1, rne
        E .4byte 0x02b57653                     # fadd.d rm = 7 (dyn, frm = 0)
        E .4byte 0x02b55653                     # fadd.d rm = 5: reserved
        E .4byte 0x02b56653                     # fadd.d rm = 6: reserved
        E .4byte 0x00b50653                     # fadd.s rm = 0 (NaN-boxing: fa0 is a double)
        E fmv.x.d a0, fa0
        E fmv.x.w a0, fa0
        E fcvt.w.d a0, fa0, rtz
        E fcvt.l.d a0, fa1
        E fclass.d a0, fa0
        E flt.d a0, fa0, fa1
        E .4byte 0x5a150553                     # fsqrt.d with rs2 = 1: reserved
        E .4byte 0x04b57653                     # fadd.h (Zfh: absent)
        E .4byte 0x06b57653                     # fadd.q (Q: absent)
        E .4byte 0x0005c507                     # flq (Q: absent)
        E .4byte 0x00059507                     # flh (Zfh: absent)
        E .4byte 0x04b50543                     # fmadd.h (absent)
        E .4byte 0x02b50543                     # fmadd.d fa0, fa0, fa1, fa0, rne
        E .4byte 0xe2150553                     # fclass.d encoding with rs2 = 1: reserved
        E .4byte 0xf2058553                     # fmv.d.x fa0, a1
        # compressed reserved / valid
        E16 0x0000
        E16 0x0008                              # c.addi4spn, imm 0
        E16 0x6101                              # c.addi16sp 0
        E16 0x6501                              # c.lui a0, 0
        E16 0x8002                              # c.jr x0
        E16 0x4002                              # c.lwsp x0
        E16 0x6002                              # c.ldsp x0
        E16 0x2005                              # c.addiw x0
        E16 0x9c41                              # OP funct2 reserved
        E16 0x9c61                              # OP funct2 reserved
        E16 0x8d0d                              # c.sub a0, a1
        E16 0x4505                              # c.li a0, 1
        E16 0x1505                              # c.addi a0, -31 ... (imm=0b100001)
        E16 0x2501                              # c.addiw a0, 0 (sext.w)
        E16 0x8d2d                              # c.xor a0, a1
        E16 0x0506                              # c.slli a0, 1
        E16 0x9d2d                              # c.addw a0, a1
        E16 0x2188                              # c.fld fa0, 0(a1)
        E16 0xa188                              # c.fsd fa0, 0(a1)
table_end:

        .section .rodata
        .balign 8
fconst: .double 1.5, 2.0
        .data
        .balign 16
buffer: .dword 0x0123456789abcdef, 0x1111111111111111, 0, 0
