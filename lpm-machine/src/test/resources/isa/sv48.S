# sv48: Sv48 translation - the vm_common.inc body (4 KiB, 2 MiB, 1 GiB pages,
# permissions, SUM/MXR/MPRV, A/D, sfence.vma, faults) with four levels, plus
# 512 GiB pages (aligned and misaligned) and Sv48 canonical-address rules.
        .include "harness.S"
        TEST_NAME "sv48"
        .equ LEVELS, 4
        .equ SATP_MODE, SATP_MODE_SV48
        .equ NONCANON, 0x0001000000000000       # bit 48 set, bit 47 clear
        .equ VA_UCODE, 0x0000000150000000
        .equ VA_TERA, 0x0000008000000000        # 512 GiB page -> PA 0
        .equ VA_TERA_BAD, 0x0000010000000000    # 512 GiB page with a misaligned PPN
        .include "vm_common.inc"

vm_extra:
        addi sp, sp, -16
        sd ra, 0(sp)
        TEST 70                                 # 512 GiB page mapping PA 0: RAM at +2 GiB
        li s1, 0
        MAP VA_TERA, s1, (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D), PAGE_512G
        mv s2, a0
        li s1, 0x40000000                       # PPN not 512 GiB aligned
        MAP VA_TERA_BAD, s1, RW_AD, PAGE_512G
        ENTER_S
        PAGE 4, a1
        li t0, VA_TERA
        add a1, a1, t0
        ld a0, 0(a1)
        CHECK a0, 0x4444
        li a2, 0xabcdef
        sd a2, 8(a1)
        PAGE 4, a1
        ld a0, 8(a1)
        CHECK a0, 0xabcdef
        TEST 71
        li a1, VA_TERA_BAD + 0x1000
        ld a0, 0(a1)
        EXPECT_STRAP CAUSE_LOAD_PAGE_FAULT
        CHECK_STVAL VA_TERA_BAD + 0x1000
        TEST 72                                 # upper half: bits 63..47 = 1
        ENTER_M
        PAGE 2, s1
        MAP 0xffff800000000000, s1, RW_AD, PAGE_4K
        ENTER_S
        li a1, 0xffff800000000000
        ld a0, 0(a1)
        CHECK a0, 0x2222
        TEST 73
        li a1, 0x0000004000000000               # bit 38: canonical in Sv48, unmapped
        ld a0, 0(a1)
        EXPECT_STRAP CAUSE_LOAD_PAGE_FAULT
        CHECK_STVAL 0x0000004000000000
        li a1, 0x0000800000000000               # bit 47 set, upper clear: not canonical
        ld a0, 0(a1)
        EXPECT_STRAP CAUSE_LOAD_PAGE_FAULT
        CHECK_STVAL 0x0000800000000000
        ENTER_M
        ld ra, 0(sp)
        addi sp, sp, 16
        ret
