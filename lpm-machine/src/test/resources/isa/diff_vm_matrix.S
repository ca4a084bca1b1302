# @differential
# diff_vm_matrix: the Sv39 permission matrix.  For every combination of the leaf
# PTE's R, W, X, U bits (V = 1, A = D = 0 before each access), it does a load, a
# store and a fetch from S (SUM = 0), S (SUM = 1), S (MXR = 1: load only), U, and U
# (MXR = 1: load only), and prints per access the outcome ('.' = ok, or the page-
# fault cause in hex) followed by the PTE's A/D bits afterwards (0-3, A = 1, D = 2).
# Compared with QEMU.
        .include "harness.S"
        TEST_NAME "diff_vm_matrix"
        .option norvc

        .equ VA_T, 0x140000000                  # the page under test
        .equ VA_UCODE, 0x150000000              # routines, mapped for U

main:
        mv s11, ra
        call h_pt_alloc
        mv s9, a0
        li a1, 3
        call h_vm_kernel_map
        mv a0, s9                               # routines for U
        li a1, VA_UCODE
        la a2, routines
        li a3, (PTE_V | PTE_R | PTE_X | PTE_U | PTE_A)
        li a4, PAGE_4K
        li a5, 3
        call h_map
        mv a0, s9                               # the page under test (flags set below)
        li a1, VA_T
        la a2, target
        li a3, 0
        li a4, PAGE_4K
        li a5, 3
        call h_map
        mv s10, a0                              # s10 = its PTE
        li t0, ((1 << CAUSE_FETCH_PAGE_FAULT) | (1 << CAUSE_LOAD_PAGE_FAULT) | (1 << CAUSE_STORE_PAGE_FAULT))
        csrw medeleg, t0
        mv a0, s9
        li a1, SATP_MODE_SV39
        call h_satp
        ALLOW_TRAPS
        li s8, 0                                # s8 = RWXU combination 0..15
1:      PRINT "rwxu="
        srli a0, s8, 3
        andi a0, a0, 1
        addi a0, a0, '0'
        call h_putc
        srli a0, s8, 2
        andi a0, a0, 1
        addi a0, a0, '0'
        call h_putc
        srli a0, s8, 1
        andi a0, a0, 1
        addi a0, a0, '0'
        call h_putc
        andi a0, s8, 1
        addi a0, a0, '0'
        call h_putc
        PRINT " S:"
        li s6, PRV_S
        li s7, 0
        call three
        PRINT " S+SUM:"
        li s7, MSTATUS_SUM
        call three
        PRINT " S+MXR:"
        li s7, MSTATUS_MXR
        la s5, r_load
        call one
        PRINT " U:"
        li s6, PRV_U
        li s7, 0
        call three
        PRINT " U+MXR:"
        li s7, MSTATUS_MXR
        li s5, VA_UCODE + 0                     # r_load is first in the page
        call one
        PRINT_NL
        addi s8, s8, 1
        li t0, 16
        bne s8, t0, 1b
        FORBID_TRAPS
        csrw satp, zero
        sfence.vma
        csrw medeleg, zero
        mv ra, s11
        ret

# three(): load, store, fetch in mode s6 with mstatus bits s7
three:
        addi sp, sp, -16
        sd ra, 0(sp)
        .irp r, r_load, r_store, r_fetch
        la s5, \r
        li t0, PRV_U
        bne s6, t0, 2f
        la t0, routines                         # U runs the U alias of the routine
        sub s5, s5, t0
        li t0, VA_UCODE
        add s5, s5, t0
2:      call one
        .endr
        ld ra, 0(sp)
        addi sp, sp, 16
        ret

# one(): run routine s5 in mode s6 with mstatus bits s7 against a fresh PTE
one:
        addi sp, sp, -16
        sd ra, 0(sp)
        ld t0, 0(s10)                           # PTE = ppn | V | flags(s8), A = D = 0
        srli t0, t0, 10
        slli t0, t0, 10
        ori t0, t0, PTE_V
        andi t1, s8, 8
        beqz t1, 3f
        ori t0, t0, PTE_R
3:      andi t1, s8, 4
        beqz t1, 3f
        ori t0, t0, PTE_W
3:      andi t1, s8, 2
        beqz t1, 3f
        ori t0, t0, PTE_X
3:      andi t1, s8, 1
        beqz t1, 3f
        ori t0, t0, PTE_U
3:      sd t0, 0(s10)
        sfence.vma
        li t0, (MSTATUS_SUM | MSTATUS_MXR)
        csrc mstatus, t0
        csrs mstatus, s7
        TRAPS_CLEAR
        mv a0, s5
        mv a1, s6
        li a2, VA_T
        li a3, 0x55
        call h_call_lower
        li t0, (MSTATUS_SUM | MSTATUS_MXR)
        csrc mstatus, t0
        ld t0, h_mcount
        beqz t0, 4f
        FAIL_MSG "page fault not delegated to S"
4:      ld t0, h_scount
        li a0, '.'
        beqz t0, 5f
        ld a0, h_scause
        addi a0, a0, ('a' - 10)
5:      call h_putc
        ld a0, 0(s10)
        srli a0, a0, 6
        andi a0, a0, 3
        addi a0, a0, '0'
        call h_putc
        PRINT " "
        ld ra, 0(sp)
        addi sp, sp, 16
        ret

        .section .text.vmx, "ax", @progbits
        .balign 4096
routines:
r_load: ld a0, 0(a2)
        H_RETURN
r_store:
        sd a3, 8(a2)
        H_RETURN
r_fetch:
        jalr ra, 0(a2)
        H_RETURN
        .balign 4096
target: jalr x0, 0(ra)                          # executed by r_fetch
        .balign 4096
