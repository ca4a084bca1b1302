# sv39: Sv39 translation - 4 KiB, 2 MiB and 1 GiB pages, R/W/X/U permissions, SUM,
# MXR, MPRV with MPP, misaligned superpages, reserved PTE bits, non-canonical
# addresses, hardware A/D updates, sfence.vma, faults straddling pages.  The body is
# in vm_common.inc (shared with sv48.S); see there for the QEMU behaviour pinned.
        .include "harness.S"
        TEST_NAME "sv39"
        .equ LEVELS, 3
        .equ SATP_MODE, SATP_MODE_SV39
        .equ NONCANON, 0x0000008000000000       # bit 39 set, bit 38 clear
        .equ VA_UCODE, 0x0000000150000000
        .include "vm_common.inc"

vm_extra:
        addi sp, sp, -16
        sd ra, 0(sp)
        TEST 70                                 # upper half: VA bits 63..39 = 1
        PAGE 2, s1
        MAP 0xffffffc000000000, s1, RW_AD, PAGE_4K
        PAGE 3, s1
        MAP 0xfffffffffffff000, s1, RW_AD, PAGE_4K
        ENTER_S
        li a1, 0xffffffc000000000               # lowest upper-half address
        ld a0, 0(a1)
        CHECK a0, 0x2222
        li a1, -4096                            # the very top page
        ld a0, 0(a1)
        CHECK a0, 0x3333
        TEST 71                                 # bit 38 set but upper bits clear: not canonical
        li a1, 0x0000004000000000
        ld a0, 0(a1)
        EXPECT_STRAP CAUSE_LOAD_PAGE_FAULT
        CHECK_STVAL 0x0000004000000000
        li a1, 0xfffffe0000000000 | 0x0000003000000000 # bits 63..41 set, bit 39/40 clear
        ld a0, 0(a1)
        EXPECT_STRAP CAUSE_LOAD_PAGE_FAULT
        ENTER_M
        TEST 72                                 # satp: Sv39 mode with an ASID reads back
        csrr s1, satp
        li t0, 0xffff
        slli t0, t0, 44
        or t0, t0, s1
        csrw satp, t0
        csrr a0, satp
        csrw satp, s1
        sfence.vma
        CHECK_REG a0, t0
        ld ra, 0(sp)
        addi sp, sp, 16
        ret
