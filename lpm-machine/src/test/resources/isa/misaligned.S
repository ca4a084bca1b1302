# misaligned: what QEMU 7.2 does with misaligned data accesses (physical/bare):
#  * ordinary loads/stores (integer and FP, 32- and 16-bit encodings) to RAM at any
#    alignment just work, also across a 4 KiB page boundary - no trap;
#  * LR.W/LR.D misaligned: load address misaligned (cause 4), mtval = address;
#  * SC.W/SC.D misaligned: no trap, the SC just fails (rd = 1): QEMU checks the
#    reservation first, and a misaligned LR never sets one;
#  * AMOs misaligned: cause 4 (QEMU 7.2 reports LOAD address misaligned for AMOs,
#    not store/AMO 6), mtval = address, memory unchanged;
#  * a misaligned access that straddles the end of RAM: access fault whose mtval
#    is the first address past RAM (QEMU splits the access at the page boundary),
#    and a straddling store still writes its bytes that fall inside RAM.
# Instruction-address-misaligned cannot happen with C (JALR clears bit 0; see rv64i).
        .include "harness.S"
        TEST_NAME "misaligned"

        .equ RAM_END, 0x88000000

main:
        mv s11, ra
        la s0, buf
        li a0, 0x0706050403020100
        sd a0, 0(s0)
        li a0, 0x0f0e0d0c0b0a0908
        sd a0, 8(s0)
        li a0, 0x8786858483828180
        sd a0, 16(s0)
        TEST 1
        lh a0, 1(s0)
        CHECK a0, 0x0201
        lhu a0, 17(s0)
        CHECK a0, 0x8281
        lh a0, 17(s0)
        CHECK a0, 0xffffffffffff8281
        TEST 2
        lw a0, 1(s0)
        CHECK a0, 0x04030201
        lw a0, 3(s0)
        CHECK a0, 0x06050403
        lw a0, 19(s0)
        CHECK a0, 0xffffffff86858483
        lwu a0, 19(s0)
        CHECK a0, 0x86858483
        TEST 3
        ld a0, 1(s0)
        CHECK a0, 0x0807060504030201
        ld a0, 7(s0)
        CHECK a0, 0x0e0d0c0b0a090807
        ld a0, 13(s0)
        CHECK a0, 0x84838281800f0e0d
        TEST 4
        li a1, 0x1122334455667788
        sd a1, 3(s0)
        ld a0, 0(s0)
        CHECK a0, 0x4455667788020100
        ld a0, 8(s0)
        CHECK a0, 0x0f0e0d0c0b112233
        sw a1, 9(s0)
        ld a0, 8(s0)
        CHECK a0, 0x0f0e0d5566778833
        sh a1, 15(s0)
        ld a0, 8(s0)
        CHECK a0, 0x880e0d5566778833
        ld a0, 16(s0)
        CHECK a0, 0x8786858483828177
        TEST 5                                  # FP loads/stores
        fld fa0, 3(s0)
        fsd fa0, 25(s0)
        ld a0, 25(s0)
        CHECK a0, 0x7788334455667788
        flw fa1, 1(s0)
        fsw fa1, 35(s0)
        lwu a0, 35(s0)
        CHECK a0, 0x77880201
        TEST 6                                  # compressed forms with a misaligned base
        addi s1, s0, 1
        c.lw a0, 0(s1)
        CHECK a0, 0x77880201
        c.ld a0, 8(s1)
        CHECK a0, 0x77880e0d55667788
        TEST 7                                  # across a 4 KiB page boundary
        la s2, pagebuf
        li t0, 4096
        add s2, s2, t0                          # s2 = a page boundary
        li a1, 0xa1a2a3a4a5a6a7a8
        sd a1, -3(s2)
        ld a0, -3(s2)
        CHECK a0, 0xa1a2a3a4a5a6a7a8
        lw a0, -2(s2)
        CHECK a0, 0xffffffffa4a5a6a7
        lbu a0, 0(s2)
        CHECK a0, 0xa5

        # ------------------------------------------------ atomics must be aligned
        ALLOW_TRAPS
        TEST 20
        addi a3, s0, 2
        li a0, 0x55
l1:     lr.w a0, (a3)
        EXPECT_MTRAP CAUSE_MISALIGNED_LOAD
        CHECK_MEPC l1
        CHECK_MTVAL_REG a3
        CHECK a0, 0x55
        TEST 21
        addi a3, s0, 4
        lr.d a0, (a3)
        EXPECT_MTRAP CAUSE_MISALIGNED_LOAD
        CHECK_MTVAL_REG a3
        TEST 22                                 # sc: fails silently, memory unchanged
        ld s3, 0(s0)
        addi a3, s0, 2
        sc.w a0, a1, (a3)
        EXPECT_NO_TRAP
        CHECK a0, 1
        ld a0, 0(s0)
        CHECK_REG a0, s3
        TEST 23                                 # even with a live reservation elsewhere
        lr.d a0, (s0)
        addi a3, s0, 4
        sc.d a0, a1, (a3)
        EXPECT_NO_TRAP
        CHECK a0, 1
        TEST 24
        addi a3, s0, 1
        li a0, 0x66
a1l:    amoadd.w a0, a1, (a3)
        EXPECT_MTRAP CAUSE_MISALIGNED_LOAD      # QEMU 7.2: 4, not 6
        CHECK_MEPC a1l
        CHECK_MTVAL_REG a3
        CHECK a0, 0x66
        ld a0, 0(s0)
        CHECK_REG a0, s3
        TEST 25
        addi a3, s0, 4
        amoswap.d a0, a1, (a3)
        EXPECT_MTRAP CAUSE_MISALIGNED_LOAD
        CHECK_MTVAL_REG a3
        TEST 26
        addi a3, s0, 6
        amomaxu.w a0, a1, (a3)
        EXPECT_MTRAP CAUSE_MISALIGNED_LOAD
        TEST 27
        addi a3, s0, 2
        amoor.d.aqrl a0, a1, (a3)
        EXPECT_MTRAP CAUSE_MISALIGNED_LOAD
        CHECK_MTVAL_REG a3

        # ------------------------------------------------ straddling the end of RAM
        TEST 30
        li a3, RAM_END - 2
        li a0, 0x4142
        sh a0, 0(a3)                            # the last two bytes of RAM
        li a0, 0x77
        lw a0, 0(a3)
        EXPECT_MTRAP CAUSE_LOAD_ACCESS
        CHECK_MTVAL RAM_END
        CHECK a0, 0x77
        TEST 31
        li a0, -1
        sw a0, 0(a3)
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        CHECK_MTVAL RAM_END
        lhu a0, 0(a3)
        CHECK a0, 0xffff                        # QEMU 7.2: the part inside RAM IS written
        TEST 32
        li a3, RAM_END - 5
        ld a0, 0(a3)
        EXPECT_MTRAP CAUSE_LOAD_ACCESS
        CHECK_MTVAL RAM_END
        FORBID_TRAPS
        mv ra, s11
        ret

        .data
        .balign 16
buf:    .space 64
        .bss
        .balign 4096
pagebuf: .space 8192
