# pmp: PMP CSRs and checks as QEMU 7.2 (16 entries, granularity 4 bytes):
#  * pmpaddrN keep address bits 55..2 (QEMU keeps all 64 bits: not pinned);
#    pmpcfg0/pmpcfg2 keep what is written, including the reserved W-without-R
#    combination (QEMU does not legalise it; it also keeps the reserved bits 5-6,
#    which is not pinned); pmpcfg1/pmpcfg3 do not exist on RV64 (illegal);
#  * S/U accesses are checked against the lowest-numbered matching entry (OFF,
#    TOR, NA4, NAPOT), access faults carry mtval = address; an access that only
#    partly overlaps an entry fails; M-mode ignores unlocked entries but MPRV
#    accesses use MPP's privilege; page-table walks are checked too (access
#    fault of the original access type);
#  * L=1 makes the entry's cfg and pmpaddr (and pmpaddr[i-1] for TOR) read-only
#    and enforces it on M-mode; only a reset clears it, so it is tested last.
# The harness's entry 15 (allow everything) stays in place underneath.
        .include "harness.S"
        TEST_NAME "pmp"
        .option norvc

        .equ PMP_R, 0x01
        .equ PMP_W, 0x02
        .equ PMP_X, 0x04
        .equ PMP_TOR, 0x08
        .equ PMP_NA4, 0x10
        .equ PMP_NAPOT, 0x18
        .equ PMP_L, 0x80

# NAPOT_4K reg_out, reg_base: pmpaddr value for the 4 KiB region at base
.macro NAPOT_4K out, base
        srli \out, \base, 2
        ori \out, \out, 0x1ff
.endm

main:
        mv s11, ra
        la s0, pmp_pages                        # s0: page A, s0+4K: page B, s0+8K: page C
        li t0, 4096
        add s1, s0, t0
        add s2, s1, t0
        li t0, 0x1111
        sd t0, 0(s0)
        li t0, 0x2222
        sd t0, 0(s1)
        li t0, 0x3333
        sd t0, 0(s2)

        # ------------------------------------------------ CSR read/write (WARL as QEMU)
        TEST 1                                  # pmpaddr holds address bits 55..2
        li t0, -1
        csrw pmpaddr0, t0
        csrr a0, pmpaddr0
        li t0, 0x003fffffffffffff               # (QEMU 7.2 also keeps bits 63..54 - a
        and a0, a0, t0                          # quirk, not pinned: masked out here)
        CHECK a0, 0x003fffffffffffff
        li t0, 0x123456789
        csrw pmpaddr7, t0
        csrr a0, pmpaddr7
        CHECK a0, 0x123456789
        li t0, 0x0000000000000001
        csrw pmpaddr14, t0
        csrr a0, pmpaddr14
        CHECK a0, 1
        TEST 2
        li t0, 0x1f1e0d0c0b0a0908               # no L bits
        csrw pmpcfg0, t0
        csrr a0, pmpcfg0
        CHECK_REG a0, t0
        li t0, 0x0000006662020400               # reserved bits 5/6, W without R
        csrw pmpcfg0, t0
        csrr a0, pmpcfg0
        li t0, 0x9f9f9f9f9f9f9f9f               # bits 5/6: QEMU keeps them (quirk, not
        and a0, a0, t0                          # pinned); W without R is kept as written
        CHECK a0, 0x0000000602020400
        TEST 3                                  # pmpcfg2 holds entries 8..15 (15 = harness)
        csrr a0, pmpcfg2
        CHECK a0, 0x1f00000000000000
        li t0, 0x1f00000000000019
        csrw pmpcfg2, t0
        csrr a0, pmpcfg2
        CHECK_REG a0, t0
        li t0, 0x1f00000000000000
        csrw pmpcfg2, t0
        TEST 4                                  # odd pmpcfg registers are RV32-only
        ALLOW_TRAPS
        csrr a0, pmpcfg1
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        CHECK_MTVAL 0x3a102573
        csrr a0, pmpcfg3
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
        csrw pmpcfg0, zero
        .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14
        csrw pmpaddr\n, zero
        .endr

        # ------------------------------------------------ enforcement in S/U
        TEST 10                                 # NAPOT read-only page A for U
        NAPOT_4K t0, s0
        csrw pmpaddr0, t0
        li t0, (PMP_NAPOT | PMP_R)
        csrw pmpcfg0, t0
        ENTER_U
        ld a0, 0(s0)                            # allowed
        ld a1, 0(s1)                            # page B: entry 15
        li a2, 0x77
p10:    sd a2, 8(s0)                            # denied
        ENTER_M
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        CHECK_MEPC p10
        addi t0, s0, 8
        CHECK_MTVAL_REG t0
        CHECK a0, 0x1111
        CHECK a1, 0x2222
        TEST 11                                 # S is checked the same way
        ENTER_S
        lw a0, 4(s0)
        sw a0, 4(s0)
        ENTER_M
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        TEST 12                                 # M ignores unlocked entries
        sd zero, 8(s0)
        EXPECT_NO_TRAP
        TEST 13                                 # fetch needs X
        li t0, 0x00008067                       # ret
        sw t0, 16(s1)
        fence.i
        NAPOT_4K t0, s1
        csrw pmpaddr1, t0
        li t0, ((PMP_NAPOT | PMP_R | PMP_W) << 8) | (PMP_NAPOT | PMP_R)
        csrw pmpcfg0, t0
        addi a1, s1, 16
        ENTER_U
        jalr ra, 0(a1)
        ENTER_M
        EXPECT_MTRAP CAUSE_FETCH_ACCESS
        CHECK_MTVAL_REG a1
        li t0, ((PMP_NAPOT | PMP_X) << 8) | (PMP_NAPOT | PMP_R)
        csrw pmpcfg0, t0
        ENTER_U
        jalr ra, 0(a1)
        ENTER_M
        EXPECT_NO_TRAP
        TEST 14                                 # no permissions at all: loads fault too
        li t0, (PMP_NAPOT << 8) | (PMP_NAPOT | PMP_R)
        csrw pmpcfg0, t0
        ENTER_U
        lbu a0, 100(s1)
        ENTER_M
        EXPECT_MTRAP CAUSE_LOAD_ACCESS
        addi t0, s1, 100
        CHECK_MTVAL_REG t0
        TEST 15                                 # the lowest-numbered match wins
        NAPOT_4K t0, s0                         # entry 0: page A, no access
        csrw pmpaddr0, t0
        li t0, 0x80000000                       # entry 1: all of RAM's first 1 GiB... NAPOT
        srli t0, t0, 2
        li t1, (0x40000000 >> 3) - 1
        or t0, t0, t1
        csrw pmpaddr1, t0
        li t0, ((PMP_NAPOT | PMP_R | PMP_W | PMP_X) << 8) | PMP_NAPOT
        csrw pmpcfg0, t0
        ENTER_U
        ld a0, 0(s1)                            # entry 1: fine
        ld a0, 0(s0)                            # entry 0: denied
        ENTER_M
        EXPECT_MTRAP CAUSE_LOAD_ACCESS
        TEST 16                                 # TOR: [pmpaddr1 << 2, pmpaddr2 << 2)
        csrw pmpcfg0, zero
        srli t0, s1, 2
        csrw pmpaddr1, t0
        srli t0, s2, 2
        csrw pmpaddr2, t0
        li t0, (PMP_TOR << 16)                  # entry 2 TOR, no access: page B only
        csrw pmpcfg0, t0
        ENTER_U
        ld a0, 0(s0)                            # below: fine
        ld a0, 0(s2)                            # at the top bound (exclusive): fine
        li t0, 4088
        add t0, t0, s1
        ld a0, 0(t0)                            # last dword of B: denied
        ENTER_M
        EXPECT_MTRAP CAUSE_LOAD_ACCESS
        TEST 17                                 # TOR in entry 0 starts at address 0
        srli t0, s1, 2                          # (R+X: this code lies below page B too)
        csrw pmpaddr0, t0
        li t0, (PMP_TOR | PMP_R | PMP_X)
        csrw pmpcfg0, t0
        ENTER_U
        ld a0, 0(s0)                            # below page B: read-only
        sd a0, 0(s0)
        ENTER_M
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        ENTER_U
        sd a0, 0(s1)                            # page B: entry 15
        ENTER_M
        EXPECT_NO_TRAP
        TEST 18                                 # NA4, and accesses that only partly match
        addi t0, s2, 8
        srli t0, t0, 2
        csrw pmpaddr0, t0
        li t0, (PMP_NA4 | PMP_R)
        csrw pmpcfg0, t0
        ENTER_U
        lw a0, 8(s2)                            # exactly the 4 bytes: ok
        sw a0, 12(s2)                           # next word: entry 15
        ld a0, 8(s2)                            # 8 bytes, half inside entry 0: fault
        ENTER_M
        EXPECT_MTRAP CAUSE_LOAD_ACCESS
        addi t0, s2, 8
        CHECK_MTVAL_REG t0
        ENTER_U
        sw a0, 8(s2)
        ENTER_M
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        TEST 19                                 # MPRV: M data accesses with MPP's rights
        li t1, MSTATUS_MPRV                     # (MPP = U after ENTER_M)
        csrs mstatus, t1
        lw a0, 8(s2)                            # read allowed
p19:    sw a0, 8(s2)                            # write denied
        csrc mstatus, t1
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        CHECK_MEPC p19
        TEST 20                                 # OFF entries never match
        li t0, (PMP_R)                          # A = OFF
        csrw pmpcfg0, t0
        ENTER_U
        sw a0, 8(s2)
        ENTER_M
        EXPECT_NO_TRAP

        # ------------------------------------------------ page-table walks are checked
        TEST 30
        call h_pt_alloc
        mv s3, a0                               # root
        li a1, 3
        call h_vm_kernel_map
        mv a0, s3
        li a1, 0x140000000
        mv a2, s0
        li a3, (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
        li a4, PAGE_4K
        li a5, 3
        call h_map
        srli a0, a0, 12                         # deny the leaf's table page to S (runs in S:
                                                # the identity-mapped code is not U)
        slli a0, a0, 12
        NAPOT_4K t0, a0
        csrw pmpaddr0, t0
        li t0, PMP_NAPOT
        csrw pmpcfg0, t0
        mv a0, s3
        li a1, SATP_MODE_SV39
        call h_satp
        li a1, 0x140000000
        ENTER_S
        ld a0, 0(a1)
        ENTER_M
        EXPECT_MTRAP CAUSE_LOAD_ACCESS
        CHECK_MTVAL 0x140000000
        ENTER_S
        sd a0, 0(a1)
        ENTER_M
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        CHECK_MTVAL 0x140000000
        csrw pmpcfg0, zero
        ENTER_S
        ld a0, 0(a1)                            # walk allowed again
        ENTER_M
        EXPECT_NO_TRAP
        CHECK a0, 0x1111
        csrw satp, zero
        sfence.vma

        # ------------------------------------------------ locking (last: sticky until reset)
        TEST 40
        NAPOT_4K t0, s2
        csrw pmpaddr13, t0
        li t0, ((PMP_L | PMP_NAPOT | PMP_R) << 40)      # entry 13 in pmpcfg2
        li t1, 0x1f00000000000000
        or t0, t0, t1
        csrw pmpcfg2, t0
        ld a0, 0(s2)                            # M can read
p40:    sd a0, 0(s2)                            # but M cannot write any more
        EXPECT_MTRAP CAUSE_STORE_ACCESS
        CHECK_MEPC p40
        TEST 41                                 # cfg and address are frozen
        li t0, 0x1f00000000000000
        csrw pmpcfg2, t0
        csrr a0, pmpcfg2
        li t0, 0x1f00000000000000 | ((PMP_L | PMP_NAPOT | PMP_R) << 40)
        CHECK_REG a0, t0
        csrw pmpaddr13, zero
        csrr a0, pmpaddr13
        NAPOT_4K t0, s2
        CHECK_REG a0, t0
        TEST 42                                 # locked TOR entry also freezes pmpaddr[i-1]
        li t0, 0x100
        csrw pmpaddr11, t0
        li t0, 0x200
        csrw pmpaddr12, t0
        li t0, 0x1f00000000000000 | ((PMP_L | PMP_NAPOT | PMP_R) << 40) | ((PMP_L | PMP_TOR) << 32)
        csrw pmpcfg2, t0
        csrw pmpaddr11, zero
        csrw pmpaddr12, zero
        csrr a0, pmpaddr11
        CHECK a0, 0x100
        csrr a0, pmpaddr12
        CHECK a0, 0x200
        TEST 43                                 # other entries in the same pmpcfg stay writable
        li t0, 0x1f00000000000000 | ((PMP_L | PMP_NAPOT | PMP_R) << 40) | ((PMP_L | PMP_TOR) << 32) | 0x0d
        csrw pmpcfg2, t0
        csrr a0, pmpcfg2
        CHECK_REG a0, t0
        FORBID_TRAPS
        mv ra, s11
        ret

        .bss
        .balign 4096
pmp_pages:
        .space 3 * 4096
