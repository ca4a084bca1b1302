# machine_csrs: identification CSRs (misa = RV64IMAFDCSU exactly as QEMU's rv64
# without H, mvendorid 0, marchid/mimpid readable, mhartid 0 = boot a0,
# mconfigptr 0), mstatus reset value and WARL fields (SXL/UXL = 2, SD follows FS,
# reserved/unsupported fields read 0, MPP keeps M/S/U), read-only misa, and the
# WARL rules for mtvec/stvec (modes 2/3 are ignored: the whole write is dropped),
# mie, mcounteren, menvcfg.FIOM, mepc/sepc/mtval/stval/mcause/scause/m/sscratch
# round trips, and satp (only Bare/Sv39/Sv48 accepted; other modes leave satp
# unchanged; 16 ASID bits).  QEMU 7.2 quirks that lpm need not copy are masked out
# (see the notes at each test).
        .include "harness.S"
        TEST_NAME "machine_csrs"
        .option norvc

main:
        mv s11, ra
        TEST 1                                  # mstatus at reset (+ FS = Initial by the harness)
        csrr a0, mstatus
        li t0, MSTATUS_FS
        not t0, t0
        and a0, a0, t0
        CHECK a0, 0x0000000a00000000            # SXL = UXL = 2 (64-bit), all else 0
        TEST 2
        csrr a0, misa
        CHECK a0, 0x800000000014112d            # MXL=2, A C D F I M S U
        li t0, 0
        csrw misa, t0                           # read-only in QEMU (writes ignored)
        csrr a0, misa
        CHECK a0, 0x800000000014112d
        TEST 3
        csrr a0, mvendorid
        CHECK a0, 0
        csrr a0, mhartid
        ld a1, h_boot_a0
        CHECK_REG a0, a1
        CHECK a0, 0
        csrr a0, mconfigptr
        CHECK a0, 0
        csrr a0, marchid                        # value not pinned (QEMU: 0x70216)
        csrr a0, mimpid                         # value not pinned (QEMU: 0x70216)

        # ------------------------------------------------ mstatus WARL
        csrr s0, mstatus
        TEST 10                                 # all-ones: spec fields set, others 0
        li t0, -1
        csrw mstatus, t0
        csrr a0, mstatus
        csrw mstatus, s0
        # Masked out, QEMU 7.2 quirks: UXL takes any nonzero value written (3 here),
        # MPV/GVA (bits 39/38) and VS (10:9) are writable although H and V are off.
        li t0, ~((3 << 32) | (3 << 38) | (3 << 9))
        and a0, a0, t0
        CHECK a0, 0x80000008007e79aa            # SD SXL=2 TSR TW TVM MXR SUM MPRV FS=3 MPP=3 SPP MPIE SPIE MIE SIE
        TEST 11                                 # zero: only SXL (read-only) remains
        csrw mstatus, zero
        csrr a0, mstatus
        csrw mstatus, s0
        li t0, ~((3 << 32) | (3 << 38))
        and a0, a0, t0
        CHECK a0, 0x0000000800000000
        TEST 12                                 # SD follows FS = Dirty
        li t0, MSTATUS_FS
        csrs mstatus, t0
        csrr a0, mstatus
        srli a0, a0, 63
        CHECK a0, 1
        li t0, (1 << 14)                        # FS = Initial: SD clear
        csrc mstatus, t0
        csrr a0, mstatus
        srli a0, a0, 63
        CHECK a0, 0
        TEST 13                                 # an FP write makes FS Dirty
        fmv.d.x fa0, zero
        csrr a0, mstatus
        li t0, MSTATUS_FS
        and a0, a0, t0
        CHECK a0, MSTATUS_FS
        csrr a0, sstatus                        # visible in sstatus too, with SD
        srli a1, a0, 63
        CHECK a1, 1
        csrw mstatus, s0
        TEST 14                                 # MPP holds M, S and U
        li t1, MSTATUS_MPP
        .irp mpp, 0, 1, 3
        csrc mstatus, t1
        li t0, (\mpp << 11)
        csrs mstatus, t0
        csrr a0, mstatus
        and a0, a0, t1
        CHECK a0, (\mpp << 11)
        .endr
        csrw mstatus, s0
        TEST 15                                 # sstatus view of an all-ones mstatus
        li t0, -1
        csrw mstatus, t0
        csrr a0, sstatus
        csrw mstatus, s0
        li t0, ~(3 << 32)                       # UXL (QEMU quirk above)
        and a0, a0, t0
        li t0, ~(3 << 9)                        # VS (QEMU quirk above)
        and a0, a0, t0
        CHECK a0, 0x80000000000c6122            # SD MXR SUM FS SPP SPIE SIE
        TEST 16                                 # sstatus writes cannot reach M fields
        li t0, -1
        csrw sstatus, t0
        csrr a0, mstatus
        csrw mstatus, s0
        li t0, (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
        and a0, a0, t0
        CHECK a0, 0

        # ------------------------------------------------ trap-vector WARL
        la s1, h_mtrap
        la s2, h_strap
        TEST 20                                 # mtvec: direct and vectored kept
        li t0, 0x80001001
        csrw mtvec, t0
        csrr a0, mtvec
        csrw mtvec, s1
        CHECK a0, 0x80001001
        TEST 21                                 # modes 2 and 3: write ignored entirely
        li t0, 0x80002002
        csrw mtvec, t0
        csrr a0, mtvec
        CHECK_REG a0, s1
        li t0, 0x80002003
        csrw mtvec, t0
        csrr a0, mtvec
        CHECK_REG a0, s1
        TEST 22                                 # stvec alike
        li t0, 0x80001001
        csrw stvec, t0
        csrr a0, stvec
        CHECK a0, 0x80001001
        li t0, 0x80002002
        csrw stvec, t0
        csrr a0, stvec
        CHECK a0, 0x80001001
        csrw stvec, s2
        TEST 23                                 # all address bits kept
        li t0, 0xfffffffffffffffc
        csrw mtvec, t0
        csrr a0, mtvec
        csrw mtvec, s1
        CHECK a0, 0xfffffffffffffffc

        # ------------------------------------------------ other WARL / plain registers
        TEST 30                                 # mie: the six standard bits (QEMU also keeps
        li t0, -1                               # VS bits 2/6/10 and LCOFI 13: masked)
        csrw mie, t0
        csrr a0, mie
        csrw mie, zero
        li t0, 0xbbb
        and a0, a0, t0
        CHECK a0, 0xaaa
        TEST 31                                 # mcounteren/scounteren: CY TM IR writable
        li t0, -1                               # (QEMU keeps all 64 bits: not pinned)
        csrw mcounteren, t0
        csrr a0, mcounteren
        csrw mcounteren, zero
        andi a0, a0, 7
        CHECK a0, 7
        csrw scounteren, t0
        csrr a0, scounteren
        csrw scounteren, zero
        andi a0, a0, 7
        CHECK a0, 7
        TEST 32                                 # menvcfg / senvcfg exist; FIOM is writable
        csrwi menvcfg, 1
        csrr a0, menvcfg
        CHECK a0, 1
        csrw menvcfg, zero
        csrwi senvcfg, 1
        csrr a0, senvcfg
        CHECK a0, 1
        csrw senvcfg, zero
        TEST 33                                 # full-width round trips (even values; QEMU
        li t1, 0xfedcba9876543210               # keeps mepc/sepc bit 0 too: not pinned)
        .irp csr, mepc, sepc, mtval, stval, mscratch, sscratch
        csrr s3, \csr
        csrw \csr, t1
        csrr a0, \csr
        csrw \csr, s3
        CHECK_REG a0, t1
        .endr
        TEST 34                                 # mcause/scause: legal values round-trip
        li t1, 0x8000000000000007
        csrw mcause, t1
        csrr a0, mcause
        CHECK_REG a0, t1
        li t1, 0x8000000000000005
        csrw scause, t1
        csrr a0, scause
        CHECK_REG a0, t1
        li t1, 13
        csrw scause, t1
        csrr a0, scause
        CHECK_REG a0, t1

        # ------------------------------------------------ satp WARL
        TEST 40
        li t0, (8 << 60) | (0xffff << 44) | 0xfffffffffff
        csrw satp, t0
        csrr a0, satp
        CHECK_REG a0, t0                        # Sv39, ASID 16 bits, PPN 44 bits
        li t0, (9 << 60) | (0x1234 << 44) | 0x80123
        csrw satp, t0
        csrr a0, satp
        CHECK_REG a0, t0                        # Sv48
        TEST 41                                 # unsupported modes: satp keeps its old value
        .irp mode, 1, 2, 7, 11, 12, 15
        li t1, (\mode << 60) | 0x12345
        csrw satp, t1
        csrr a0, satp
        CHECK_REG a0, t0
        .endr
        csrw satp, zero
        csrr a0, satp
        CHECK a0, 0
        sfence.vma
        mv ra, s11
        ret
