# zicntr: cycle/time/instret (and mcycle/minstret) are monotonic, time follows the
# CLINT's mtime, mcycle/minstret are writable in M, and mcounteren/scounteren gate
# cycle (CY, bit 0), time (TM, bit 1) and instret (IR, bit 2) from S and U
# (illegal instruction, mtval = instruction bits).
        .include "harness.S"
        TEST_NAME "zicntr"
        .option norvc

# ACCESS_OK csr: read csr without trapping (in the current mode)
main:
        mv s11, ra
        TEST 1                                  # monotonic
        rdcycle a0
        rdcycle a1
        bltu a1, a0, bad_order
        rdinstret a0
        nop
        rdinstret a1
        bgeu a0, a1, bad_order                  # strictly increasing (instructions retired)
        rdtime a0
        rdtime a1
        bltu a1, a0, bad_order
        TEST 2                                  # m-mode names read the same counters
        csrr a0, mcycle
        rdcycle a1
        bltu a1, a0, bad_order
        csrr a0, minstret
        rdinstret a1
        bltu a1, a0, bad_order
        TEST 3                                  # time tracks CLINT mtime (10 MHz)
        li t0, CLINT_MTIME
        ld a0, 0(t0)
        rdtime a1
        ld a2, 0(t0)
        bltu a1, a0, bad_order
        bltu a2, a1, bad_order
        TEST 4                                  # time advances: wait for 20 ticks (2 us)
        rdtime a0
        addi a0, a0, 20
1:      rdtime a1
        bltu a1, a0, 1b
        TEST 5                                  # mcycle / minstret are writable
        li a0, 0x100000000000
        csrw mcycle, a0
        csrr a1, mcycle
        bltu a1, a0, bad_order
        sub a1, a1, a0
        li t0, 0x100000000                      # and count on from the new value
        bgeu a1, t0, bad_order
        li a0, 0x200000000000
        csrw minstret, a0
        csrr a1, minstret
        bltu a1, a0, bad_order
        sub a1, a1, a0
        bgeu a1, t0, bad_order

        # ------------------------------------------------ counter-enable gating
        ALLOW_TRAPS
        TEST 10                                 # S-mode, mcounteren = 0: all three trap
        csrw mcounteren, zero
        csrw scounteren, zero
        ENTER_S
        rdcycle a0
        rdtime a0
        rdinstret a0
        ENTER_M
        ld a0, h_mcount
        CHECK a0, 3
        CHECK_MEM h_mcause, CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0xc0202573                  # rdinstret a0
        TEST 11                                 # S-mode, mcounteren = CY|TM|IR: all readable
        TRAPS_CLEAR
        csrwi mcounteren, 7
        ENTER_S
        rdcycle a0
        rdtime a1
        rdinstret a2
        ENTER_M
        EXPECT_NO_TRAP
        TEST 12                                 # S-mode, only TM: time ok, cycle traps
        csrwi mcounteren, 2
        ENTER_S
        rdtime a1
        rdcycle a0
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0xc0002573
        TEST 13                                 # U-mode needs both mcounteren and scounteren
        csrwi mcounteren, 7
        csrwi scounteren, 0
        ENTER_U
        rdcycle a0
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        TEST 14
        csrwi mcounteren, 0
        csrwi scounteren, 7
        ENTER_U
        rdtime a0
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0xc0102573
        TEST 15
        csrwi mcounteren, 7
        csrwi scounteren, 7
        ENTER_U
        rdcycle a0
        rdtime a1
        rdinstret a2
        ENTER_M
        EXPECT_NO_TRAP
        TEST 16                                 # per-bit: IR only
        csrwi mcounteren, 4
        csrwi scounteren, 4
        ENTER_U
        rdinstret a2
        rdtime a1
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0xc01025f3
        TEST 17                                 # M-mode ignores both enables
        csrwi mcounteren, 0
        csrwi scounteren, 0
        rdcycle a0
        rdtime a0
        rdinstret a0
        EXPECT_NO_TRAP
        TEST 18                                 # S-mode cannot write the counters either
        csrwi mcounteren, 7
        ENTER_S
        csrw cycle, zero
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        TEST 19                                 # and cannot touch mcycle at all
        ENTER_S
        csrr a0, mcycle
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0xb0002573
        TEST 20                                 # scounteren is accessible from S, not from U
        ENTER_S
        csrwi scounteren, 5
        csrr a0, scounteren
        ENTER_M
        EXPECT_NO_TRAP
        CHECK a0, 5
        ENTER_U
        csrr a0, scounteren
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        FORBID_TRAPS
        csrw mcounteren, zero
        csrw scounteren, zero
        mv ra, s11
        ret

bad_order:
        FAIL_MSG "counter went backwards or did not advance"
