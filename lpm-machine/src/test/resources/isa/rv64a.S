# rv64a: LR/SC (success, failure without/after losing the reservation, different
# address, rd values, 32-bit store width, sign extension) and every AMO*.W/.D
# (old value in rd, sign-extended for .W; memory result; rd = x0; rd == rs2),
# plus the aq/rl/aqrl encodings.  Misaligned atomics are in misaligned.S.
        .include "harness.S"
        TEST_NAME "rv64a"
        .option norvc

        .equ MIN64, 0x8000000000000000

# TEST_AMO n, inst, initial memory (64-bit), rs2, expected rd, expected memory (64-bit)
.macro TEST_AMO n, inst, mem, src, rd, newmem
        TEST \n
        la a3, amo_word
        li a4, \mem
        sd a4, 0(a3)
        li a2, \src
        \inst a0, a2, (a3)
        CHECK a0, \rd
        ld a1, 0(a3)
        CHECK a1, \newmem
.endm

main:
        # ------------------------------------------------ AMO .W (memory's upper word untouched)
        TEST_AMO 1,  amoswap.w, 0x1111111180000001, 0x2222222233333333, 0xffffffff80000001, 0x1111111133333333
        TEST_AMO 2,  amoadd.w,  0x111111117fffffff, 1,                  0x000000007fffffff, 0x1111111180000000
        TEST_AMO 3,  amoadd.w,  0x11111111ffffffff, 1,                  0xffffffffffffffff, 0x1111111100000000  # no carry out
        TEST_AMO 4,  amoxor.w,  0x11111111f0f0f0f0, 0x0ff00ff0,         0xfffffffff0f0f0f0, 0x11111111ff00ff00
        TEST_AMO 5,  amoand.w,  0x11111111f0f0f0f0, 0x0ff00ff0,         0xfffffffff0f0f0f0, 0x1111111100f000f0
        TEST_AMO 6,  amoor.w,   0x11111111f0f0f0f0, 0x0ff00ff0,         0xfffffffff0f0f0f0, 0x11111111fff0fff0
        TEST_AMO 7,  amomin.w,  0x1111111180000000, 0x7fffffff,         0xffffffff80000000, 0x1111111180000000
        TEST_AMO 8,  amomin.w,  0x1111111100000001, 0xffffffff,         0x0000000000000001, 0x11111111ffffffff  # -1 < 1 (32-bit signed)
        TEST_AMO 9,  amomin.w,  0x1111111100000001, 0x100000000,        0x0000000000000001, 0x1111111100000000  # rs2 upper half ignored
        TEST_AMO 10, amomax.w,  0x1111111180000000, 0x7fffffff,         0xffffffff80000000, 0x111111117fffffff
        TEST_AMO 11, amomax.w,  0x1111111100000001, 0xffffffff,         0x0000000000000001, 0x1111111100000001
        TEST_AMO 12, amominu.w, 0x1111111180000000, 0x7fffffff,         0xffffffff80000000, 0x111111117fffffff
        TEST_AMO 13, amominu.w, 0x1111111100000001, 0xffffffff,         0x0000000000000001, 0x1111111100000001
        TEST_AMO 14, amomaxu.w, 0x1111111180000000, 0x7fffffff,         0xffffffff80000000, 0x1111111180000000
        TEST_AMO 15, amomaxu.w, 0x1111111100000001, 0xffffffff,         0x0000000000000001, 0x11111111ffffffff
        TEST_AMO 16, amomaxu.w, 0x1111111100000001, 0xffffffff00000000, 0x0000000000000001, 0x1111111100000001  # compares low words only
        # ------------------------------------------------ AMO .D
        TEST_AMO 20, amoswap.d, 0x8000000000000001, 0x2222222233333333, 0x8000000000000001, 0x2222222233333333
        TEST_AMO 21, amoadd.d,  0x7fffffffffffffff, 1,                  0x7fffffffffffffff, MIN64
        TEST_AMO 22, amoadd.d,  0x00000000ffffffff, 1,                  0x00000000ffffffff, 0x0000000100000000
        TEST_AMO 23, amoxor.d,  0xf0f0f0f0f0f0f0f0, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0, 0xff00ff00ff00ff00
        TEST_AMO 24, amoand.d,  0xf0f0f0f0f0f0f0f0, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0, 0x00f000f000f000f0
        TEST_AMO 25, amoor.d,   0xf0f0f0f0f0f0f0f0, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0, 0xfff0fff0fff0fff0
        TEST_AMO 26, amomin.d,  MIN64,              0x7fffffffffffffff, MIN64,              MIN64
        TEST_AMO 27, amomin.d,  1,                  -1,                 1,                  -1
        TEST_AMO 28, amomax.d,  MIN64,              0x7fffffffffffffff, MIN64,              0x7fffffffffffffff
        TEST_AMO 29, amomax.d,  1,                  -1,                 1,                  1
        TEST_AMO 30, amominu.d, MIN64,              0x7fffffffffffffff, MIN64,              0x7fffffffffffffff
        TEST_AMO 31, amominu.d, 1,                  -1,                 1,                  1
        TEST_AMO 32, amomaxu.d, MIN64,              0x7fffffffffffffff, MIN64,              MIN64
        TEST_AMO 33, amomaxu.d, 1,                  -1,                 1,                  -1
        # ------------------------------------------------ ordering bits (same semantics)
        TEST_AMO 40, amoadd.w.aq,   5, 3, 5, 8
        TEST_AMO 41, amoadd.w.rl,   5, 3, 5, 8
        TEST_AMO 42, amoadd.w.aqrl, 5, 3, 5, 8
        TEST_AMO 43, amoswap.d.aq,  5, 3, 5, 3
        TEST_AMO 44, amoor.d.rl,    5, 3, 5, 7
        TEST_AMO 45, amomaxu.d.aqrl, 5, 3, 5, 5
        # ------------------------------------------------ rd = x0, rd == rs2, rd == rs1
        TEST 50
        la a3, amo_word
        li a4, 10
        sd a4, 0(a3)
        li a2, 7
        amoadd.d x0, a2, (a3)
        ld a1, 0(a3)
        CHECK a1, 17
        TEST 51
        li a2, 99
        amoswap.d a2, a2, (a3)                  # rd == rs2: old value in, new value stored
        CHECK a2, 17
        ld a1, 0(a3)
        CHECK a1, 99
        TEST 52
        mv a5, a3
        li a2, 1
        amoadd.d a5, a2, (a5)                   # rd == rs1
        CHECK a5, 99
        ld a1, 0(a3)
        CHECK a1, 100

        # ------------------------------------------------ LR/SC
        la a3, amo_word
        TEST 60                                 # lr.w sign-extends, sc.w succeeds with rd = 0
        li a4, 0x1234567880000000
        sd a4, 0(a3)
        lr.w a0, (a3)
        CHECK a0, 0xffffffff80000000
        li a2, 0xaaaaaaaa55555555
        sc.w a1, a2, (a3)
        CHECK a1, 0
        ld a0, 0(a3)
        CHECK a0, 0x1234567855555555            # only 32 bits stored
        TEST 61                                 # second sc without a new lr fails (rd = 1)
        li a2, 0x66
        sc.w a1, a2, (a3)
        CHECK a1, 1
        ld a0, 0(a3)
        CHECK a0, 0x1234567855555555
        TEST 62                                 # lr.d / sc.d
        lr.d a0, (a3)
        CHECK a0, 0x1234567855555555
        li a2, -2
        sc.d a1, a2, (a3)
        CHECK a1, 0
        ld a0, 0(a3)
        CHECK a0, -2
        TEST 63                                 # sc to a different address than the lr fails
        lr.d a0, (a3)
        addi a5, a3, 8
        sd zero, 0(a5)
        li a2, 5
        sc.d a1, a2, 0(a5)
        CHECK a1, 1
        ld a0, 0(a5)
        CHECK a0, 0
        TEST 64                                 # ... and the reservation is gone afterwards
        sc.d a1, a2, (a3)
        CHECK a1, 1
        ld a0, 0(a3)
        CHECK a0, -2
        TEST 65                                 # fresh lr.w / sc.w pair succeeds
        lr.w a0, (a3)
        CHECK a0, -2
        li a2, 0x42
        sc.w a1, a2, (a3)
        CHECK a1, 0
        TEST 66                                 # a store that changes the reserved word makes sc fail
        lr.d a0, (a3)
        li a2, 0x77
        sd a2, 0(a3)
        li a2, 0x88
        sc.d a1, a2, (a3)
        CHECK a1, 1
        ld a0, 0(a3)
        CHECK a0, 0x77
        TEST 67                                 # aq/rl encodings; rd = rs2 for sc
        lr.d.aq a0, (a3)
        CHECK a0, 0x77
        li a2, 0x99
        sc.d.rl a2, a2, (a3)
        CHECK a2, 0
        ld a0, 0(a3)
        CHECK a0, 0x99
        TEST 68
        lr.w.aqrl a0, (a3)
        li a2, 3
        sc.w.aqrl a1, a2, (a3)
        CHECK a1, 0
        TEST 69                                 # an AMO to the address between lr and sc
        lr.d a0, (a3)                           # (changing the value) makes the sc fail
        li a2, 1
        amoadd.d x0, a2, (a3)
        sc.d a1, a2, (a3)
        CHECK a1, 1
        ld a0, 0(a3)
        CHECK a0, 4
        TEST 70                                 # sc.w with rd = x0 still stores
        lr.w a0, (a3)
        li a2, 0x5a
        sc.w x0, a2, (a3)
        lw a0, 0(a3)
        CHECK a0, 0x5a
        ret

        .data
        .balign 16
amo_word:
        .dword 0, 0
