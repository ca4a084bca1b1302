# delegation: medeleg routes exceptions from S/U to the S handler (scause, sepc,
# stval, sstatus.SPP/SPIE/SIE), never from M; sret/mret privilege and stack rules
# (xIE <- xPIE, xPIE <- 1, xPP <- U), and the
# mstatus.TSR / TW / TVM traps from S-mode.
        .include "harness.S"
        TEST_NAME "delegation"
        .option norvc

        .equ DELEGABLE, 0xb3ff                  # causes 0-9, 12, 13, 15 (spec-delegable set)

main:
        mv s11, ra
        TEST 1                                  # every spec-delegable cause bit is writable
        li t0, DELEGABLE
        csrw medeleg, t0
        csrr a0, medeleg
        and a0, a0, t0
        CHECK a0, DELEGABLE
        csrw medeleg, zero
        csrr a0, medeleg
        CHECK a0, 0
        TEST 2                                  # S-level interrupt bits of mideleg are writable
        li t0, (MIP_SSIP | MIP_STIP | MIP_SEIP)
        csrw mideleg, t0
        csrr a0, mideleg
        CHECK a0, (MIP_SSIP | MIP_STIP | MIP_SEIP)
        li t0, (MIP_MSIP | MIP_MTIP | MIP_MEIP)
        csrw mideleg, t0                        # M-level interrupts can never be delegated
        csrr a0, mideleg
        CHECK a0, 0

        ALLOW_TRAPS
        li t0, ((1 << CAUSE_ILLEGAL_INSTRUCTION) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_USER_ECALL) | (1 << CAUSE_LOAD_ACCESS) | (1 << CAUSE_STORE_ACCESS))
        csrw medeleg, t0
        # ------------------------------------------------ delegated exceptions from U
        TEST 10
        ENTER_U
u1:     .4byte 0x0000000b                       # custom-0: illegal
        ENTER_M
        EXPECT_STRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_SEPC u1
        CHECK_STVAL 0x0000000b
        ld a0, h_sstatus
        andi a0, a0, SSTATUS_SPP
        CHECK a0, 0                             # came from U
        TEST 11
        ENTER_U
u2:     ecall
        ENTER_M                                 # (harness ecall: forwarded to M by the S handler)
        EXPECT_STRAP CAUSE_USER_ECALL
        CHECK_SEPC u2
        CHECK_STVAL 0
        TEST 12
        ENTER_U
        ebreak
        ENTER_M
        EXPECT_STRAP CAUSE_BREAKPOINT
        TEST 13
        li a1, 0x88000000                       # beyond RAM
        ENTER_U
u3:     sd zero, 8(a1)
        ENTER_M
        EXPECT_STRAP CAUSE_STORE_ACCESS
        CHECK_SEPC u3
        CHECK_STVAL 0x88000008
        # ------------------------------------------------ delegated exceptions from S
        TEST 20
        csrci mstatus, MSTATUS_SIE
        ENTER_S
        csrsi sstatus, SSTATUS_SIE              # SIE = 1 before the trap
s1:     ebreak
        csrr a0, sstatus                        # after sret: SIE restored from SPIE
        ENTER_M
        EXPECT_STRAP CAUSE_BREAKPOINT
        CHECK_SEPC s1
        ld a1, h_sstatus                        # at the trap: SPP = S, SPIE = 1, SIE = 0
        andi a1, a1, (SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE)
        CHECK a1, (SSTATUS_SPP | SSTATUS_SPIE)
        andi a0, a0, (SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE)
        CHECK a0, (SSTATUS_SPIE | SSTATUS_SIE)  # after sret: SIE = 1, SPIE = 1, SPP = U
        csrci sstatus, SSTATUS_SIE
        TEST 21
        li a1, 0x88000000
        ENTER_S
        lw a0, 4(a1)                            # load access fault, delegated
        ENTER_M
        EXPECT_STRAP CAUSE_LOAD_ACCESS
        CHECK_STVAL 0x88000004
        TEST 22                                 # not delegated: S-mode ecall goes to M
        ENTER_S
        ecall
        ENTER_M
        EXPECT_MTRAP CAUSE_SUPERVISOR_ECALL
        TEST 23                                 # delegation never applies to traps from M
        ebreak
        EXPECT_MTRAP CAUSE_BREAKPOINT
        .4byte 0x0000000b
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        TEST 24                                 # a delegated trap is not seen by M at all
        ENTER_U
        ebreak
        ENTER_M
        EXPECT_STRAP CAUSE_BREAKPOINT
        TEST 25                                 # the last M trap is ENTER_M's ecall, which
        csrr a0, mcause                         # the S handler forwarded from S: cause 9
        CHECK a0, CAUSE_SUPERVISOR_ECALL
        csrw medeleg, zero

        # ------------------------------------------------ sret / mret rules
        TEST 30                                 # mret: MIE <- MPIE, MPIE <- 1, MPP <- U
        csrw mie, zero
        li t0, (MSTATUS_MPIE | MSTATUS_MIE)
        csrc mstatus, t0                        # MPIE = 0
        li t0, MSTATUS_MPP
        csrs mstatus, t0                        # MPP = M
        la t0, 1f
        csrw mepc, t0
        mret
1:      csrr a0, mstatus
        li t0, (MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE)
        and a0, a0, t0
        CHECK a0, MSTATUS_MPIE
        TEST 31
        li t0, (MSTATUS_MPIE | MSTATUS_MPP)
        csrs mstatus, t0                        # MPIE = 1, MPP = M
        la t0, 1f
        csrw mepc, t0
        mret
1:      csrr a0, mstatus
        li t0, (MSTATUS_MPP | MSTATUS_MPIE | MSTATUS_MIE)
        and a0, a0, t0
        CHECK a0, (MSTATUS_MPIE | MSTATUS_MIE)
        csrci mstatus, MSTATUS_MIE
        # (mret/sret to a lower privilege: priv 1.12 clears MPRV, QEMU 7.2 does not;
        # not pinned here - see diff_xret.S)
        TEST 33                                 # mret to M keeps MPRV
        li t0, (MSTATUS_MPRV | MSTATUS_MPP)
        csrs mstatus, t0
        la t0, 1f
        csrw mepc, t0
        mret
1:      csrr a0, mstatus
        li t0, MSTATUS_MPRV
        and a0, a0, t0
        CHECK a0, MSTATUS_MPRV
        csrc mstatus, t0
        TEST 34                                 # sret from S with SPP = S stays in S,
        ENTER_S                                 # SIE <- SPIE, SPIE <- 1, SPP <- U
        li t0, (SSTATUS_SPP | SSTATUS_SPIE)
        csrs sstatus, t0
        csrci sstatus, SSTATUS_SIE
        la t0, 1f
        csrw sepc, t0
        sret
1:      csrr a0, sstatus                        # readable: still in S
        ENTER_M
        EXPECT_NO_TRAP
        andi a0, a0, (SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE)
        CHECK a0, (SSTATUS_SPIE | SSTATUS_SIE)
        csrci sstatus, SSTATUS_SIE
        TEST 35                                 # sret from S with SPP = U goes to U
        ENTER_S
        li t0, SSTATUS_SPP
        csrc sstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      csrr a0, sstatus                        # U-mode: illegal
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        TEST 36                                 # sret executed in M uses SPP
        li t0, SSTATUS_SPP
        csrs sstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      csrr a0, sstatus                        # now in S: fine
        csrr a1, mstatus                        # but not M
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        ld a0, h_mstatus
        li t0, MSTATUS_MPP
        and a0, a0, t0
        CHECK a0, MSTATUS_MPP_S
        TEST 37                                 # mret to U, U cannot reach S CSRs
        ENTER_U
        csrr a0, sepc
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION

        # ------------------------------------------------ TSR / TW / TVM
        TEST 40
        li t0, MSTATUS_TSR
        csrs mstatus, t0
        ENTER_S
        la t0, 1f
        csrw sepc, t0
t1:     sret
1:      ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MEPC t1
        CHECK_MTVAL 0x10200073
        TEST 41                                 # TSR does not affect sret in M
        li t0, SSTATUS_SPP
        csrs sstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      ENTER_M
        EXPECT_NO_TRAP
        li t0, MSTATUS_TSR
        csrc mstatus, t0
        TEST 42                                 # TW: wfi in S traps (QEMU: at once)
        li t0, MSTATUS_TW
        csrs mstatus, t0
        ENTER_S
t2:     wfi
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MEPC t2
        CHECK_MTVAL 0x10500073
        TEST 43                                 # TW does not affect M
        csrci mstatus, MSTATUS_MIE
        li t0, MIP_MTIP                         # mtimecmp = 0 at reset: MTIP pending,
        csrw mie, t0                            # so WFI in M returns at once (MIE = 0)
        wfi
        csrw mie, zero
        EXPECT_NO_TRAP
        li t0, MSTATUS_TW
        csrc mstatus, t0
        TEST 44                                 # TVM: satp and sfence.vma from S trap
        li t0, MSTATUS_TVM
        csrs mstatus, t0
        ENTER_S
t3:     csrr a0, satp
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MEPC t3
        CHECK_MTVAL 0x18002573
        ENTER_S
        csrw satp, zero
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        ENTER_S
        sfence.vma
        ENTER_M
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x12000073
        TEST 45                                 # TVM does not affect M
        csrr a0, satp
        sfence.vma
        EXPECT_NO_TRAP
        li t0, MSTATUS_TVM
        csrc mstatus, t0
        TEST 46                                 # without TVM, S can use satp and sfence.vma
        ENTER_S
        csrr a0, satp
        csrw satp, zero
        sfence.vma
        sfence.vma a0, zero
        ENTER_M
        EXPECT_NO_TRAP
        TEST 47                                 # TSR/TW/TVM are invisible in sstatus
        li t0, (MSTATUS_TSR | MSTATUS_TW | MSTATUS_TVM)
        csrs mstatus, t0
        csrr a0, sstatus
        and a0, a0, t0
        CHECK a0, 0
        csrc mstatus, t0

        FORBID_TRAPS
        mv ra, s11
        ret
