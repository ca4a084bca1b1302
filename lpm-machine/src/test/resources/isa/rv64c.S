# rv64c: every RV64C instruction in its compressed form (explicit c.* mnemonics),
# immediate edge cases (c.lui negative/upper range, c.addi16sp / c.addi4spn scaling,
# c.srai shamt 63, c.andi negative), c.j/c.jr/c.jalr links (pc + 2), c.ebreak
# (cause 3, skipped as 2 bytes), HINT encodings (execute as no-ops) and reserved
# encodings (illegal instruction with mtval = the 16-bit instruction, as QEMU).
        .include "harness.S"
        TEST_NAME "rv64c"

main:
        mv s11, ra
        la s0, cdata
        # ------------------------------------------------ quadrant 1: immediates and ALU
        TEST 1
        c.li a0, -32
        CHECK a0, -32
        TEST 2
        c.li a0, 31
        c.addi a0, -32
        CHECK a0, -1
        TEST 3
        c.li a0, 0
        c.addi a0, 31
        CHECK a0, 31
        TEST 4
        c.lui a0, 1
        CHECK a0, 0x1000
        TEST 5
        c.lui a0, 31
        CHECK a0, 0x1f000
        TEST 6
        c.lui a0, 0xfffe0                       # nzimm = -32: sign-extended from bit 17
        CHECK a0, 0xfffffffffffe0000
        TEST 7
        c.lui a0, 0xfffff
        CHECK a0, 0xfffffffffffff000
        TEST 8
        li a0, 0x7fffffff
        c.addiw a0, 1                           # 32-bit wrap, sign-extended
        CHECK a0, 0xffffffff80000000
        TEST 9
        li a0, 0x1234567800000005
        c.addiw a0, 0                           # sext.w
        CHECK a0, 5
        TEST 10
        li a0, 0x8000000000000000
        c.srli a0, 63
        CHECK a0, 1
        TEST 11
        li a0, 0x8000000000000000
        c.srai a0, 63
        CHECK a0, -1
        TEST 12
        li a0, 0x8000000000000000
        c.srai a0, 1
        CHECK a0, 0xc000000000000000
        TEST 13
        li a0, -1
        c.andi a0, -32
        CHECK a0, 0xffffffffffffffe0
        TEST 14
        li a0, 0xff
        c.andi a0, 15
        CHECK a0, 0xf
        TEST 15
        li a0, 10
        li a1, 3
        c.sub a0, a1
        CHECK a0, 7
        TEST 16
        li a0, 0xff00
        li a1, 0x0ff0
        c.xor a0, a1
        CHECK a0, 0xf0f0
        TEST 17
        li a0, 0xff00
        c.or a0, a1
        CHECK a0, 0xfff0
        TEST 18
        li a0, 0xff00
        c.and a0, a1
        CHECK a0, 0x0f00
        TEST 19
        li a0, 0x80000000
        li a1, 1
        c.subw a0, a1
        CHECK a0, 0x7fffffff
        TEST 20
        li a0, 0x7fffffff
        c.addw a0, a1
        CHECK a0, 0xffffffff80000000
        TEST 21
        li a0, 0
        c.subw a0, a1
        CHECK a0, -1
        # ------------------------------------------------ quadrant 2: slli, mv, add
        TEST 30
        li a0, 1
        c.slli a0, 63
        CHECK a0, 0x8000000000000000
        TEST 31
        li t0, 0x3
        c.slli t0, 4                            # full register range (x5)
        CHECK t0, 0x30
        TEST 32
        li t0, 0x1234
        c.mv t1, t0
        CHECK t1, 0x1234
        TEST 33
        li s2, 5
        li s3, 6
        c.add s2, s3
        CHECK s2, 11
        # ------------------------------------------------ stack pointer forms
        TEST 40
        mv s10, sp
        c.addi16sp sp, -512
        sub a0, s10, sp
        CHECK a0, 512
        c.addi16sp sp, 496
        sub a0, s10, sp
        CHECK a0, 16
        c.addi16sp sp, 16
        CHECK_REG sp, s10
        TEST 41
        c.addi4spn a0, sp, 1020
        sub a0, a0, sp
        CHECK a0, 1020
        c.addi4spn a1, sp, 4
        sub a1, a1, sp
        CHECK a1, 4
        TEST 42                                 # sp-relative loads/stores
        addi sp, sp, -512
        li a0, 0x1122334455667788
        c.sdsp a0, 504(sp)
        c.ldsp a1, 504(sp)
        CHECK a1, 0x1122334455667788
        c.swsp a0, 252(sp)
        c.lwsp a2, 252(sp)
        CHECK a2, 0x55667788
        li a0, 0x80000000
        c.swsp a0, 0(sp)
        c.lwsp a2, 0(sp)                        # sign-extends
        CHECK a2, 0xffffffff80000000
        ld a3, 504(sp)
        CHECK a3, 0x1122334455667788
        TEST 43                                 # FP sp-relative
        li a0, 0x400921fb54442d18
        sd a0, 0(sp)
        c.fldsp fa0, 0(sp)
        c.fsdsp fa0, 256(sp)
        ld a1, 256(sp)
        CHECK a1, 0x400921fb54442d18
        addi sp, sp, 512
        CHECK_REG sp, s10
        # ------------------------------------------------ quadrant 0: register-relative
        TEST 50
        c.lw a0, 0(s0)
        CHECK a0, 0xffffffff89abcdef
        c.lw a0, 4(s0)
        CHECK a0, 0x01234567
        TEST 51
        c.ld a1, 0(s0)
        CHECK a1, 0x0123456789abcdef
        TEST 52
        li a2, 0x00000000deadbeef
        c.sw a2, 8(s0)
        c.ld a3, 8(s0)
        CHECK a3, 0x00000000deadbeef            # upper word was zero
        li a2, -2
        c.sd a2, 120(s0)
        ld a3, 120(s0)
        CHECK a3, -2
        c.lw a4, 124(s0)                        # max c.lw offset
        CHECK a4, -1
        TEST 53
        c.fld fa1, 0(s0)
        c.fsd fa1, 248(s0)                      # max c.fsd offset
        ld a3, 248(s0)
        CHECK a3, 0x0123456789abcdef
        # ------------------------------------------------ control transfer
        TEST 60
        li a0, 0
        c.beqz a0, 1f
        j cfail
1:      li a0, 1
        c.beqz a0, cfail
        c.bnez a0, 1f
        j cfail
1:      li a0, 0
        c.bnez a0, cfail
        TEST 61
        c.j 1f
        j cfail
1:      TEST 62
        la t0, csub
        c.jalr t0                               # ra = pc + 2
2:      la a1, 2b
        CHECK_REG a0, a1
        TEST 63
        la t0, 1f
        c.jr t0
        j cfail
1:      TEST 64
        la ra, csub
        c.jalr ra                               # rs1 == ra: target is the old ra
3:      la a1, 3b
        CHECK_REG a0, a1
        TEST 65                                 # backward c.beqz/c.bnez loop
        li a0, 4
        li a1, 0
1:      c.addi a1, 2
        c.addi a0, -1
        c.bnez a0, 1b
        CHECK a1, 8
        # ------------------------------------------------ HINTs execute as no-ops
        TEST 70
        li a0, 0x55
        c.nop
        .2byte 0x0005                           # c.addi x0, 1 (HINT) ... encoded as c.nop with imm: 0x0005
        .2byte 0x4001                           # c.li x0, 0 -> c.li with rd=0 (HINT)
        .2byte 0x0082                           # c.slli x1, 0 (HINT shamt 0) -- x1 unchanged
        .2byte 0x8002 + 0x0014                  # c.mv x0, t0 (HINT): 100 0 00000 00101 10
        .2byte 0x9002 + 0x0014                  # c.add x0, t0 (HINT)
        CHECK a0, 0x55
        CHECK x0, 0
        TEST 71                                 # c.srli/c.srai shamt 0 are HINTs in RV64
        li s1, 0x8000000000000001
        .2byte 0x8081                           # c.srli s1, 0
        .2byte 0x8481                           # c.srai s1, 0
        CHECK s1, 0x8000000000000001
        # ------------------------------------------------ c.ebreak and reserved encodings
        ALLOW_TRAPS
        TEST 80
4:      c.ebreak
        EXPECT_MTRAP CAUSE_BREAKPOINT
        CHECK_MEPC 4b
        CHECK_MTVAL 0                           # QEMU 7.2: tval 0 for breakpoints
        TEST 81
5:      .2byte 0x0000                           # all zeros: illegal
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MEPC 5b
        CHECK_MTVAL 0
        TEST 82
        .2byte 0x0008                           # c.addi4spn a0, sp, 0: reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x0008
        TEST 83
        .2byte 0x6101                           # c.addi16sp sp, 0: reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x6101
        TEST 84
        .2byte 0x6501                           # c.lui a0, 0: reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x6501
        TEST 85
        .2byte 0x8002                           # c.jr x0: reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x8002
        TEST 86
        .2byte 0x4002                           # c.lwsp x0: reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x4002
        TEST 87
        .2byte 0x6002                           # c.ldsp x0: reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x6002
        TEST 88
        .2byte 0x2005                           # c.addiw x0, 1: reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x2005
        TEST 89
        .2byte 0x9c41                           # c.subw with funct2 ... 100 1 11 ... reserved
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x9c41
        FORBID_TRAPS
        mv ra, s11
        ret

cfail:  FAIL_MSG "wrong control transfer"
csub:   mv a0, ra
        ret

        .data
        .balign 8
cdata:  .dword 0x0123456789abcdef
        .space 248
