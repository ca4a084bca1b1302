# rv64i: every RV64I computational, load/store, branch and jump instruction,
# with edge cases (sign extension, W forms, shift amounts, x0 as destination,
# rd == rs aliasing, JALR clearing bit 0).
        .include "harness.S"
        TEST_NAME "rv64i"
        .option norvc                           # 32-bit encodings only (rv64c covers C)

        .equ MIN64, 0x8000000000000000
        .equ MAX64, 0x7fffffffffffffff

main:
        addi sp, sp, -16
        sd ra, 0(sp)
        # ------------------------------------------------ register-register
        TEST_RR 1,  add,  0x0000000000000003, 1, 2
        TEST_RR 2,  add,  0x0000000000000000, -1, 1
        TEST_RR 3,  add,  MIN64, MAX64, 1
        TEST_RR 4,  add,  0xfffffffffffffffe, -1, -1
        TEST_RR 5,  sub,  0xffffffffffffffff, 1, 2
        TEST_RR 6,  sub,  MAX64, MIN64, 1
        TEST_RR 7,  sub,  0, MIN64, MIN64
        TEST_RR 8,  sll,  0x8000000000000000, 1, 63
        TEST_RR 9,  sll,  0x0000000000000001, 1, 64          # only rs2[5:0] counts
        TEST_RR 10, sll,  0x0000000000000002, 1, 65
        TEST_RR 11, sll,  0x0123456789abcdef, 0x0123456789abcdef, 0
        TEST_RR 12, sll,  0xfffffffffffff000, -1, 0xffffffffffffffcc  # 0xcc & 63 = 12
        TEST_RR 13, srl,  0x0000000000000001, MIN64, 63
        TEST_RR 14, srl,  0x7fffffffffffffff, -1, 1
        TEST_RR 15, srl,  0xffffffffffffffff, -1, 64
        TEST_RR 16, sra,  0xffffffffffffffff, MIN64, 63
        TEST_RR 17, sra,  0xc000000000000000, MIN64, 1
        TEST_RR 18, sra,  0x3fffffffffffffff, MAX64, 1
        TEST_RR 19, sra,  MIN64, MIN64, 128
        TEST_RR 20, slt,  1, -1, 0
        TEST_RR 21, slt,  0, 0, -1
        TEST_RR 22, slt,  1, MIN64, MAX64
        TEST_RR 23, slt,  0, 5, 5
        TEST_RR 24, sltu, 0, -1, 0
        TEST_RR 25, sltu, 1, 0, -1
        TEST_RR 26, sltu, 0, MIN64, MAX64
        TEST_RR 27, sltu, 1, 4, 5
        TEST_RR 28, xor,  0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0, 0x0ff00ff00ff00ff0
        TEST_RR 29, or,   0xfff0fff0fff0fff0, 0xf0f0f0f0f0f0f0f0, 0x0ff00ff00ff00ff0
        TEST_RR 30, and,  0x00f000f000f000f0, 0xf0f0f0f0f0f0f0f0, 0x0ff00ff00ff00ff0

        # ------------------------------------------------ register-immediate
        TEST_RI 40, addi,  0x0000000000000800, 0x1000, -2048
        TEST_RI 41, addi,  0x00000000000007ff, 0, 2047
        TEST_RI 42, addi,  MIN64, MAX64, 1
        TEST_RI 43, addi,  0xffffffffffffffff, 0, -1
        TEST_RI 44, slti,  1, -5, -4
        TEST_RI 45, slti,  0, -4, -4
        TEST_RI 46, slti,  0, 0, -2048
        TEST_RI 47, sltiu, 1, 5, -1                          # imm sign-extends, then unsigned
        TEST_RI 48, sltiu, 0, -1, -1
        TEST_RI 49, sltiu, 1, 0, 1                           # seqz
        TEST_RI 50, xori,  0xffffffffffffff0f, 0xf0, -1       # not-ish
        TEST_RI 51, xori,  0x00000000000007f0, 0x0f, 0x7ff
        TEST_RI 52, ori,   0xfffffffffffff800, 0, -2048
        TEST_RI 53, andi,  0x0123456789abc800, 0x0123456789abcdef, -2048
        TEST_RI 54, andi,  0x00000000000005ef, 0x0123456789abcdef, 0x7ff
        TEST_RI 55, slli,  MIN64, 1, 63
        TEST_RI 56, slli,  0x0123456789abcdef, 0x0123456789abcdef, 0
        TEST_RI 57, slli,  0xffffffff00000000, -1, 32
        TEST_RI 58, srli,  1, MIN64, 63
        TEST_RI 59, srli,  0x00000000ffffffff, -1, 32
        TEST_RI 60, srai,  0xffffffffffffffff, MIN64, 63
        TEST_RI 61, srai,  0xffffffff80000000, MIN64, 32
        TEST_RI 62, srai,  0x0000000000000001, MAX64, 62

        # ------------------------------------------------ 32-bit (W) forms: result sign-extended
        TEST_RR 70, addw, 0xffffffff80000000, 0x7fffffff, 1
        TEST_RR 71, addw, 0x0000000000000000, 0xffffffff, 1
        TEST_RR 72, addw, 0x0000000000000003, 0x1234567800000001, 0x8765432100000002   # upper halves ignored
        TEST_RR 73, subw, 0x000000007fffffff, 0x80000000, 1
        TEST_RR 74, subw, 0xffffffffffffffff, 0, 1
        TEST_RR 75, sllw, 0xffffffff80000000, 1, 31
        TEST_RR 76, sllw, 0x0000000000000001, 1, 32                 # rs2[4:0]
        TEST_RR 77, sllw, 0x0000000000000002, 0xffffffff00000001, 33
        TEST_RR 78, srlw, 0x0000000000000001, 0x80000000, 31
        TEST_RR 79, srlw, 0xffffffff80000000, 0xffffffff80000000, 0   # shift 0: still sign-extends bit 31
        TEST_RR 80, srlw, 0x000000007fffffff, 0x12345678ffffffff, 1
        TEST_RR 81, srlw, 0xffffffffffffffff, 0xffffffff, 32
        TEST_RR 82, sraw, 0xffffffffffffffff, 0x80000000, 31
        TEST_RR 83, sraw, 0xffffffffc0000000, 0x0000000080000000, 1
        TEST_RR 84, sraw, 0x0000000000000000, 0xffffffff7fffffff, 31
        TEST_RR 85, sraw, 0xffffffff80000000, 0x80000000, 64
        TEST_RI 86, addiw, 0xffffffff80000000, 0x7fffffff, 1
        TEST_RI 87, addiw, 0x000000007fffffff, 0x80000000, -1
        TEST_RI 88, addiw, 0xffffffffffffffff, 0xffffffff, 0          # sext.w
        TEST_RI 89, addiw, 0x0000000000000000, 0x5555555500000000, 0
        TEST_RI 90, slliw, 0xffffffff80000000, 1, 31
        TEST_RI 91, slliw, 0x0000000000000000, 0x100000000, 0
        TEST_RI 92, slliw, 0x0000000012345678, 0xffffffff12345678, 0
        TEST_RI 93, srliw, 0x0000000000000001, 0xffffffff80000000, 31
        TEST_RI 94, srliw, 0xffffffff80000000, 0x80000000, 0
        TEST_RI 95, srliw, 0x000000007fffffff, 0xffffffffffffffff, 1
        TEST_RI 96, sraiw, 0xffffffffffffffff, 0x80000000, 31
        TEST_RI 97, sraiw, 0xfffffffff8000000, 0x0000000080000000, 4
        TEST_RI 98, sraiw, 0x0000000000000000, 0x7fffffff, 31

        # ------------------------------------------------ LUI / AUIPC
        TEST 110
        lui a0, 0x80000
        CHECK a0, 0xffffffff80000000
        TEST 111
        lui a0, 0x7ffff
        CHECK a0, 0x000000007ffff000
        TEST 112
        lui a0, 0xfffff
        CHECK a0, 0xfffffffffffff000
        TEST 113
        lui a0, 0
        CHECK a0, 0
        TEST 114
1:      auipc a0, 0
        la a1, 1b
        CHECK_REG a0, a1
        TEST 115
2:      auipc a0, 0x80000                       # -2 GiB relative: wraps below 0x8000_0000
        la a1, 2b
        li a2, 0xffffffff80000000
        add a1, a1, a2
        CHECK_REG a0, a1
        TEST 116
3:      auipc a0, 1
        la a1, 3b
        li a2, 0x1000
        add a1, a1, a2
        CHECK_REG a0, a1

        # ------------------------------------------------ x0 as destination
        TEST 120
        li a1, 123
        add x0, a1, a1
        addi x0, x0, 5
        lui x0, 0x12345
        auipc x0, 1
        ld x0, 0(sp)
        sll x0, a1, a1
        CHECK x0, 0
        mv a0, x0
        CHECK a0, 0
        TEST 121
        addi a0, x0, -1                         # x0 reads as zero
        CHECK a0, -1

        # ------------------------------------------------ aliasing rd == rs1 == rs2
        TEST 125
        li a0, 13
        add a0, a0, a0
        CHECK a0, 26
        TEST 126
        li a0, 0x55
        sub a0, a0, a0
        CHECK a0, 0
        TEST 127
        li a0, 3
        sllw a0, a0, a0
        CHECK a0, 24

        # ------------------------------------------------ loads: sign / zero extension
        la s0, ldata
        TEST 130
        lb a0, 0(s0)
        CHECK a0, 0xffffffffffffff80
        TEST 131
        lbu a0, 0(s0)
        CHECK a0, 0x80
        TEST 132
        lb a0, 1(s0)
        CHECK a0, 0x7f
        TEST 133
        lh a0, 2(s0)
        CHECK a0, 0xffffffffffff8001
        TEST 134
        lhu a0, 2(s0)
        CHECK a0, 0x8001
        TEST 135
        lw a0, 4(s0)
        CHECK a0, 0xffffffff80000002
        TEST 136
        lwu a0, 4(s0)
        CHECK a0, 0x80000002
        TEST 137
        lw a0, 8(s0)
        CHECK a0, 0x7fffffff
        TEST 138
        ld a0, 16(s0)
        CHECK a0, 0x8123456789abcdef
        TEST 139
        addi s1, s0, 24
        ld a0, -8(s1)                           # negative offset
        CHECK a0, 0x8123456789abcdef
        TEST 140
        lbu a0, -24(s1)
        CHECK a0, 0x80
        TEST 141                                # load into the base register
        mv a0, s0
        ld a0, 16(a0)
        CHECK a0, 0x8123456789abcdef
        TEST 142
        lb a0, 7(s0)
        CHECK a0, 0xffffffffffffff80

        # ------------------------------------------------ stores: widths and byte order
        la s0, sdata
        sd zero, 0(s0)
        sd zero, 8(s0)
        TEST 150
        li a1, 0x1122334455667788
        sb a1, 0(s0)
        ld a0, 0(s0)
        CHECK a0, 0x88
        TEST 151
        sh a1, 2(s0)
        ld a0, 0(s0)
        CHECK a0, 0x0000000077880088
        TEST 152
        sw a1, 4(s0)
        ld a0, 0(s0)
        CHECK a0, 0x5566778877880088
        TEST 153
        sd a1, 8(s0)
        ld a0, 8(s0)
        CHECK a0, 0x1122334455667788
        TEST 154
        lbu a0, 15(s0)                          # little-endian
        CHECK a0, 0x11
        TEST 155
        addi s1, s0, 16
        li a1, -1
        sb a1, -16(s1)
        lhu a0, 0(s0)
        CHECK a0, 0x00ff
        TEST 156
        lwu a0, 12(s0)
        CHECK a0, 0x11223344

        # ------------------------------------------------ branches
        li s2, -1
        li s3, 1
        li s4, MIN64
        TEST 160
        beq s2, s2, 1f
        j fail
1:      bne s2, s3, 1f
        j fail
1:      beq s2, s3, fail
        bne s3, s3, fail
        TEST 161
        blt s2, s3, 1f                          # -1 < 1 signed
        j fail
1:      blt s3, s2, fail
        blt s3, s3, fail
        bge s3, s2, 1f
        j fail
1:      bge s3, s3, 1f
        j fail
1:      bge s2, s3, fail
        TEST 162
        bltu s3, s2, 1f                         # 1 < 0xfff.. unsigned
        j fail
1:      bltu s2, s3, fail
        bltu s3, s3, fail
        bgeu s2, s3, 1f
        j fail
1:      bgeu s2, s2, 1f
        j fail
1:      bgeu s3, s2, fail
        TEST 163
        blt s4, zero, 1f                        # MIN64 < 0
        j fail
1:      bgeu s4, zero, 1f
        j fail
1:      bltu s4, zero, fail
        TEST 164                                # backward branch loop
        li a0, 0
        li a1, 5
1:      addi a0, a0, 3
        addi a1, a1, -1
        bnez a1, 1b
        CHECK a0, 15
        TEST 165                                # far branch (+ > 2 KiB)
        beq zero, zero, far_target
        j fail
far_back:
        # ------------------------------------------------ JAL / JALR
        TEST 170
        jal a0, 1f
2:      j fail
1:      la a1, 2b
        CHECK_REG a0, a1
        TEST 171
        jal zero, 1f                            # j, no link
        j fail
1:      TEST 172
        la a1, jtarget
        addi a1, a1, 1                          # odd address: bit 0 is cleared
        jalr a0, 0(a1)
3:      CHECK a5, 0x77
        la a1, 3b
        CHECK_REG a0, a1
        TEST 173
        la a1, jtarget
        addi a1, a1, -7
        jalr a0, 8(a1)                          # offset added before clearing bit 0: -7 + 8 = +1 -> +0
        CHECK a5, 0x77
        TEST 174                                # rd == rs1: target uses the old value
        la a0, jtarget
        jalr a0, 0(a0)
4:      la a1, 4b
        CHECK_REG a0, a1
        TEST 175
        la a1, jtarget
        jalr zero, 0(a1)                        # jr: link to x0; jtarget jumps to after_jr
after_jr:
        TEST 176
        li a5, 0
        jal ra, jsub
        CHECK a5, 0x99
        TEST 177                                # jalr with negative offset
        la a1, jtarget
        addi a1, a1, 100
        jalr a0, -100(a1)
        CHECK a5, 0x77

        # ------------------------------------------------ fence / misc
        TEST 180
        fence
        fence rw, rw
        fence r, w
        fence.tso
        nop
        .4byte 0x0100000f                       # pause (fence w,0): a hint, no effect
        CHECK x0, 0

        ld ra, 0(sp)
        addi sp, sp, 16
        ret

fail:   FAIL_MSG "wrong branch direction"

# jtarget: sets a5 = 0x77 and returns through a0 (or to after_jr when a0 is not a link)
jtarget:
        li a5, 0x77
        li t0, 175
        beq gp, t0, 1f
        jr a0
1:      j after_jr

jsub:   li a5, 0x99
        ret

        .space 3000                             # far_target is > 2 KiB but < 4 KiB away: large B-immediate
far_target:
        j far_back

        .data
        .balign 8
ldata:  .byte 0x80, 0x7f
        .2byte 0x8001
        .4byte 0x80000002
        .4byte 0x7fffffff, 0
        .dword 0x8123456789abcdef
        .balign 8
sdata:  .dword 0, 0
