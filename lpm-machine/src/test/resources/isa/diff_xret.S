# @differential
# diff_xret: the mret/sret/trap-entry state machine.  For every MPP x MPIE x MIE
# (mret from M) and SPP x SPIE x SIE (sret from M and from S), it lands on an
# `ecall` and prints the cause (= the privilege reached) and mstatus as seen at
# that trap (masked to SIE MIE SPIE MPIE SPP MPP).  Then delegated traps from U and
# S into S with SIE = 0/1.  Compared with QEMU.  MPRV is left out: priv 1.12 says
# mret/sret to a lower privilege clear it, QEMU 7.2 leaves it set.
        .include "harness.S"
        TEST_NAME "diff_xret"
        .option norvc

        .equ MASK, (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | MSTATUS_MPP)

.macro REPORT label
        PRINT "\label cause="
        ld a0, h_mcause
        PRINT_DEC a0
        PRINT " mstatus="
        ld a0, h_mstatus
        li t0, MASK
        and a0, a0, t0
        PRINT_HEX a0
        PRINT_NL
.endm

main:
        mv s11, ra
        csrw mie, zero
        ALLOW_TRAPS
        # ------------------------------------------------ mret from M
        .irp mpp, 0, 1, 3
        .irp mpie, 0, 1
        .irp mie, 0, 1
        li t0, MASK
        csrc mstatus, t0
        li t0, ((\mpp << 11) | (\mpie << 7) | (\mie << 3) | MSTATUS_SPIE)
        csrs mstatus, t0
        la t0, 1f
        csrw mepc, t0
        mret
1:      ecall
        ENTER_M
        REPORT "mret mpp=\mpp mpie=\mpie mie=\mie:"
        .endr
        .endr
        .endr
        # ------------------------------------------------ sret from M
        .irp spp, 0, 1
        .irp spie, 0, 1
        .irp sie, 0, 1
        li t0, MASK
        csrc mstatus, t0
        li t0, ((\spp << 8) | (\spie << 5) | (\sie << 1) | MSTATUS_MPIE | MSTATUS_MPP_S)
        csrs mstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      ecall
        ENTER_M
        REPORT "sret(M) spp=\spp spie=\spie sie=\sie:"
        .endr
        .endr
        .endr
        # ------------------------------------------------ sret from S
        .irp spp, 0, 1
        .irp spie, 0, 1
        .irp sie, 0, 1
        li t0, MASK
        csrc mstatus, t0
        ENTER_S
        li t0, ((\spp << 8) | (\spie << 5) | (\sie << 1))
        csrs sstatus, t0
        la t0, 1f
        csrw sepc, t0
        sret
1:      ecall
        ENTER_M
        REPORT "sret(S) spp=\spp spie=\spie sie=\sie:"
        .endr
        .endr
        .endr
        # ------------------------------------------------ trap entry into S from U and S
        li t0, (1 << CAUSE_USER_ECALL) | (1 << CAUSE_BREAKPOINT)
        csrw medeleg, t0
        .irp sie, 0, 1
        li t0, MASK
        csrc mstatus, t0
        li t0, (\sie << 1)
        csrs mstatus, t0
        ENTER_U
        ecall
        ENTER_M
        PRINT "U->S sie=\sie: scause="
        ld a0, h_scause
        PRINT_DEC a0
        PRINT " sstatus="
        ld a0, h_sstatus
        li t0, MASK
        and a0, a0, t0
        PRINT_HEX a0
        PRINT_NL
        li t0, MASK
        csrc mstatus, t0
        li t0, (\sie << 1)
        csrs mstatus, t0
        ENTER_S
        ebreak
        ENTER_M
        PRINT "S->S sie=\sie: scause="
        ld a0, h_scause
        PRINT_DEC a0
        PRINT " sstatus="
        ld a0, h_sstatus
        li t0, MASK
        and a0, a0, t0
        PRINT_HEX a0
        PRINT_NL
        .endr
        csrw medeleg, zero
        li t0, MASK
        csrc mstatus, t0
        FORBID_TRAPS
        mv ra, s11
        ret
