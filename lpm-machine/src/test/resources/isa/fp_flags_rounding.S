# fp_flags_rounding: the fcsr/frm/fflags CSRs and their accessor pseudo-ops
# (frcsr, fscsr, frrm, fsrm, fsrmi, frflags, fsflags, fsflagsi, plain csr*
# instructions), fflags accumulation (only writes clear it), dynamic rounding
# through frm in all five modes, static modes overriding frm, reserved rounding
# modes (static 5/6 and frm = 5/6/7 with rm = dyn) raising illegal-instruction,
# and mstatus.FS: with FS = Off every F/D instruction, FP load/store (also
# compressed) and fcsr access is illegal; instructions that write FP state
# (f registers or fcsr) make FS Dirty and set mstatus.SD, FP stores and moves to
# integer registers do not. Expected values were checked against QEMU 7.2.

        .include "harness.S"
        .include "fp_common.inc"
        TEST_NAME "fp_flags_rounding"

.macro SET_FS v                         # mstatus.FS = v (0 Off, 1 Initial, 2 Clean, 3 Dirty)
        li t6, MSTATUS_FS
        csrc mstatus, t6
        li t6, (\v << 13)
        csrs mstatus, t6
.endm
.macro CHECK_FS_STATE v, sd             # mstatus.FS == v and mstatus.SD == sd
        csrr a0, mstatus
        srli a1, a0, 13
        andi a1, a1, 3
        CHECK a1, \v
        srli a1, a0, 63
        CHECK a1, \sd
.endm
# \insn must raise an illegal-instruction exception (with traps allowed)
.macro T_ILLEGAL n, insn:vararg
        TEST \n
        TRAPS_CLEAR
        \insn
        EXPECT_MTRAP CAUSE_ILLEGAL_INSTRUCTION
.endm

main:
        # ------------------------------------------------------------ fcsr layout and accessors
        TEST 1
        fscsr zero
        frcsr a0
        CHECK a0, 0
        TEST 2                             # fcsr bits 31:8 are reserved and read as zero
        li a1, 0xffffffff
        fscsr a2, a1
        CHECK a2, 0
        frcsr a0
        CHECK a0, 0xff
        frrm a0
        CHECK a0, 7
        frflags a0
        CHECK a0, 0x1f
        TEST 3                             # fsrmi/fsflagsi return the old field
        fsrmi a0, FRM_RDN
        CHECK a0, 7
        frcsr a0
        CHECK a0, 0x5f
        fsflagsi a0, 0x3
        CHECK a0, 0x1f
        frcsr a0
        CHECK a0, 0x43
        TEST 4                             # fflags/frm writes keep only their own bits
        li a1, 0xffffffffffffff24
        fsflags a1
        frflags a0
        CHECK a0, 0x04
        fsrm a1
        frrm a0
        CHECK a0, 4
        frcsr a0
        CHECK a0, 0x84
        TEST 5                             # plain CSR instructions on fcsr, frm, fflags
        csrw fcsr, zero
        csrsi fflags, 0x9
        csrsi frm, 1
        csrr a0, fcsr
        CHECK a0, 0x29
        csrci fcsr, 0x8
        csrr a0, fcsr
        CHECK a0, 0x21
        csrrw a0, frm, zero
        CHECK a0, 1
        csrr a0, fcsr
        CHECK a0, 0x01
        csrrs a0, fflags, zero
        CHECK a0, 0x01
        fscsr zero

        # ------------------------------------------------------------ fflags accumulate
        TEST 6
        fsflags zero
        LDS fa0, 0x3f800000
        LDS fa1, 0x40400000
        fdiv.s fa2, fa0, fa1                # 1/3: NX
        CHECK_FFLAGS FF_NX
        fmv.w.x fa3, zero
        fdiv.s fa2, fa0, fa3                # 1/0: DZ, NX stays
        CHECK_FFLAGS FF_NX|FF_DZ
        fadd.s fa2, fa0, fa0                # exact: nothing changes
        CHECK_FFLAGS FF_NX|FF_DZ
        LDS fa3, 0x7f800001
        feq.s a0, fa3, fa0                  # sNaN: NV
        CHECK_FFLAGS FF_NX|FF_DZ|FF_NV
        LDD fa0, 0x7fefffffffffffff
        fmul.d fa2, fa0, fa0                # OF
        CHECK_FFLAGS FF_NX|FF_DZ|FF_NV|FF_OF
        LDD fa0, 0x0000000000000001
        LDD fa1, 0x3fe0000000000000
        fmul.d fa2, fa0, fa1                # UF
        CHECK_FFLAGS 0x1f
        frcsr a0
        CHECK a0, 0x1f
        fsflags a0, zero                    # swap: read and clear
        CHECK a0, 0x1f
        CHECK_FFLAGS 0
        # dynamic rounding mode: the same operations with rm=dyn under each frm value
        fsrmi 0
        T_S2 7, fadd.s, dyn, 0x3f800000, FF_NX, 0x3f800000, 0x33800000
        T_S2 8, fadd.s, dyn, 0x3f800000, FF_NX, 0x3f800001, 0xb3800000
        T_S2 9, fsub.s, dyn, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0x73000000
        T_S2 10, fmul.s, dyn, 0x80000000, FF_UF|FF_NX, 0x00000001, 0xbf000000
        T_S2 11, fdiv.s, dyn, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000
        T_S1 12, fsqrt.s, dyn, 0x3fb504f3, FF_NX, 0x40000000
        T_S3 13, fmadd.s, dyn, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 14, fnmsub.s, dyn, 0x3f7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_D2 15, fadd.d, dyn, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000
        T_D2 16, fsub.d, dyn, 0x0000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000
        T_D2 17, fmul.d, dyn, 0xfff0000000000000, FF_OF|FF_NX, 0x7fefffffffffffff, 0xc000000000000000
        T_D2 18, fdiv.d, dyn, 0xbfd5555555555555, FF_NX, 0x3ff0000000000000, 0xc008000000000000
        T_D1 19, fsqrt.d, dyn, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000
        T_D3 20, fmsub.d, dyn, 0x4350000000000001, FF_NX, 0x3ff404b25a15c2bb, 0x3ff9939800033273, 0xc350000000000000
        T_S2I 21, fcvt.w.s, dyn, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 22, fcvt.wu.s, dyn, 0x0000000000000000, FF_NX, 0xbf000000
        T_D2I 23, fcvt.l.d, dyn, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 24, fcvt.lu.d, dyn, 0xfffffffffffff800, 0, 0x43efffffffffffff
        T_I2S 25, fcvt.s.l, dyn, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 26, fcvt.s.w, dyn, 0xcb800002, FF_NX, 0xfffffffffefffffd
        T_I2D 27, fcvt.d.lu, dyn, 0x43f0000000000000, FF_NX, 0xffffffffffffffff
        T_D2S 28, dyn, 0x3eaaaaab, FF_NX, 0x3fd5555555555555
        T_D2S 29, dyn, 0x00000002, FF_UF|FF_NX, 0x36a8000000000000
        fsrmi 1
        T_S2 30, fadd.s, dyn, 0x3f800000, FF_NX, 0x3f800000, 0x33800000
        T_S2 31, fadd.s, dyn, 0x3f800000, FF_NX, 0x3f800001, 0xb3800000
        T_S2 32, fsub.s, dyn, 0xff7fffff, FF_NX, 0xff7fffff, 0x73000000
        T_S2 33, fmul.s, dyn, 0x80000000, FF_UF|FF_NX, 0x00000001, 0xbf000000
        T_S2 34, fdiv.s, dyn, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000
        T_S1 35, fsqrt.s, dyn, 0x3fb504f3, FF_NX, 0x40000000
        T_S3 36, fmadd.s, dyn, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 37, fnmsub.s, dyn, 0x3f7ffffe, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_D2 38, fadd.d, dyn, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000
        T_D2 39, fsub.d, dyn, 0x0000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000
        T_D2 40, fmul.d, dyn, 0xffefffffffffffff, FF_OF|FF_NX, 0x7fefffffffffffff, 0xc000000000000000
        T_D2 41, fdiv.d, dyn, 0xbfd5555555555555, FF_NX, 0x3ff0000000000000, 0xc008000000000000
        T_D1 42, fsqrt.d, dyn, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000
        T_D3 43, fmsub.d, dyn, 0x4350000000000000, FF_NX, 0x3ff404b25a15c2bb, 0x3ff9939800033273, 0xc350000000000000
        T_S2I 44, fcvt.w.s, dyn, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 45, fcvt.wu.s, dyn, 0x0000000000000000, FF_NX, 0xbf000000
        T_D2I 46, fcvt.l.d, dyn, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 47, fcvt.lu.d, dyn, 0xfffffffffffff800, 0, 0x43efffffffffffff
        T_I2S 48, fcvt.s.l, dyn, 0x5effffff, FF_NX, 0x7fffffffffffffff
        T_I2S 49, fcvt.s.w, dyn, 0xcb800001, FF_NX, 0xfffffffffefffffd
        T_I2D 50, fcvt.d.lu, dyn, 0x43efffffffffffff, FF_NX, 0xffffffffffffffff
        T_D2S 51, dyn, 0x3eaaaaaa, FF_NX, 0x3fd5555555555555
        T_D2S 52, dyn, 0x00000001, FF_UF|FF_NX, 0x36a8000000000000
        fsrmi 2
        T_S2 53, fadd.s, dyn, 0x3f800000, FF_NX, 0x3f800000, 0x33800000
        T_S2 54, fadd.s, dyn, 0x3f800000, FF_NX, 0x3f800001, 0xb3800000
        T_S2 55, fsub.s, dyn, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0x73000000
        T_S2 56, fmul.s, dyn, 0x80000001, FF_UF|FF_NX, 0x00000001, 0xbf000000
        T_S2 57, fdiv.s, dyn, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000
        T_S1 58, fsqrt.s, dyn, 0x3fb504f3, FF_NX, 0x40000000
        T_S3 59, fmadd.s, dyn, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 60, fnmsub.s, dyn, 0x3f7ffffe, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_D2 61, fadd.d, dyn, 0x3ff0000000000000, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000
        T_D2 62, fsub.d, dyn, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000
        T_D2 63, fmul.d, dyn, 0xfff0000000000000, FF_OF|FF_NX, 0x7fefffffffffffff, 0xc000000000000000
        T_D2 64, fdiv.d, dyn, 0xbfd5555555555556, FF_NX, 0x3ff0000000000000, 0xc008000000000000
        T_D1 65, fsqrt.d, dyn, 0x3ff6a09e667f3bcc, FF_NX, 0x4000000000000000
        T_D3 66, fmsub.d, dyn, 0x4350000000000000, FF_NX, 0x3ff404b25a15c2bb, 0x3ff9939800033273, 0xc350000000000000
        T_S2I 67, fcvt.w.s, dyn, 0xfffffffffffffffd, FF_NX, 0xc0200000
        T_S2I 68, fcvt.wu.s, dyn, 0x0000000000000000, FF_NV, 0xbf000000
        T_D2I 69, fcvt.l.d, dyn, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 70, fcvt.lu.d, dyn, 0xfffffffffffff800, 0, 0x43efffffffffffff
        T_I2S 71, fcvt.s.l, dyn, 0x5effffff, FF_NX, 0x7fffffffffffffff
        T_I2S 72, fcvt.s.w, dyn, 0xcb800002, FF_NX, 0xfffffffffefffffd
        T_I2D 73, fcvt.d.lu, dyn, 0x43efffffffffffff, FF_NX, 0xffffffffffffffff
        T_D2S 74, dyn, 0x3eaaaaaa, FF_NX, 0x3fd5555555555555
        T_D2S 75, dyn, 0x00000001, FF_UF|FF_NX, 0x36a8000000000000
        fsrmi 3
        T_S2 76, fadd.s, dyn, 0x3f800001, FF_NX, 0x3f800000, 0x33800000
        T_S2 77, fadd.s, dyn, 0x3f800001, FF_NX, 0x3f800001, 0xb3800000
        T_S2 78, fsub.s, dyn, 0xff7fffff, FF_NX, 0xff7fffff, 0x73000000
        T_S2 79, fmul.s, dyn, 0x80000000, FF_UF|FF_NX, 0x00000001, 0xbf000000
        T_S2 80, fdiv.s, dyn, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000
        T_S1 81, fsqrt.s, dyn, 0x3fb504f4, FF_NX, 0x40000000
        T_S3 82, fmadd.s, dyn, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 83, fnmsub.s, dyn, 0x3f7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_D2 84, fadd.d, dyn, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000
        T_D2 85, fsub.d, dyn, 0x0000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000
        T_D2 86, fmul.d, dyn, 0xffefffffffffffff, FF_OF|FF_NX, 0x7fefffffffffffff, 0xc000000000000000
        T_D2 87, fdiv.d, dyn, 0xbfd5555555555555, FF_NX, 0x3ff0000000000000, 0xc008000000000000
        T_D1 88, fsqrt.d, dyn, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000
        T_D3 89, fmsub.d, dyn, 0x4350000000000001, FF_NX, 0x3ff404b25a15c2bb, 0x3ff9939800033273, 0xc350000000000000
        T_S2I 90, fcvt.w.s, dyn, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 91, fcvt.wu.s, dyn, 0x0000000000000000, FF_NX, 0xbf000000
        T_D2I 92, fcvt.l.d, dyn, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 93, fcvt.lu.d, dyn, 0xfffffffffffff800, 0, 0x43efffffffffffff
        T_I2S 94, fcvt.s.l, dyn, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 95, fcvt.s.w, dyn, 0xcb800001, FF_NX, 0xfffffffffefffffd
        T_I2D 96, fcvt.d.lu, dyn, 0x43f0000000000000, FF_NX, 0xffffffffffffffff
        T_D2S 97, dyn, 0x3eaaaaab, FF_NX, 0x3fd5555555555555
        T_D2S 98, dyn, 0x00000002, FF_UF|FF_NX, 0x36a8000000000000
        fsrmi 4
        T_S2 99, fadd.s, dyn, 0x3f800001, FF_NX, 0x3f800000, 0x33800000
        T_S2 100, fadd.s, dyn, 0x3f800001, FF_NX, 0x3f800001, 0xb3800000
        T_S2 101, fsub.s, dyn, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0x73000000
        T_S2 102, fmul.s, dyn, 0x80000001, FF_UF|FF_NX, 0x00000001, 0xbf000000
        T_S2 103, fdiv.s, dyn, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000
        T_S1 104, fsqrt.s, dyn, 0x3fb504f3, FF_NX, 0x40000000
        T_S3 105, fmadd.s, dyn, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 106, fnmsub.s, dyn, 0x3f7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_D2 107, fadd.d, dyn, 0x3ff0000000000001, FF_NX, 0x3ff0000000000000, 0x3ca0000000000000
        T_D2 108, fsub.d, dyn, 0x0000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000
        T_D2 109, fmul.d, dyn, 0xfff0000000000000, FF_OF|FF_NX, 0x7fefffffffffffff, 0xc000000000000000
        T_D2 110, fdiv.d, dyn, 0xbfd5555555555555, FF_NX, 0x3ff0000000000000, 0xc008000000000000
        T_D1 111, fsqrt.d, dyn, 0x3ff6a09e667f3bcd, FF_NX, 0x4000000000000000
        T_D3 112, fmsub.d, dyn, 0x4350000000000001, FF_NX, 0x3ff404b25a15c2bb, 0x3ff9939800033273, 0xc350000000000000
        T_S2I 113, fcvt.w.s, dyn, 0xfffffffffffffffd, FF_NX, 0xc0200000
        T_S2I 114, fcvt.wu.s, dyn, 0x0000000000000000, FF_NV, 0xbf000000
        T_D2I 115, fcvt.l.d, dyn, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 116, fcvt.lu.d, dyn, 0xfffffffffffff800, 0, 0x43efffffffffffff
        T_I2S 117, fcvt.s.l, dyn, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 118, fcvt.s.w, dyn, 0xcb800002, FF_NX, 0xfffffffffefffffd
        T_I2D 119, fcvt.d.lu, dyn, 0x43f0000000000000, FF_NX, 0xffffffffffffffff
        T_D2S 120, dyn, 0x3eaaaaab, FF_NX, 0x3fd5555555555555
        T_D2S 121, dyn, 0x00000002, FF_UF|FF_NX, 0x36a8000000000000
        # a static rounding mode overrides frm (frm = RUP here)
        fsrmi FRM_RUP
        T_S2 122, fadd.s, rne, 0x3f800001, FF_NX, 0x3f800000, 0x33800001
        T_D2 123, fdiv.d, rne, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000
        T_S2I 124, fcvt.w.s, rne, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2 125, fadd.s, rtz, 0x3f800000, FF_NX, 0x3f800000, 0x33800001
        T_D2 126, fdiv.d, rtz, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000
        T_S2I 127, fcvt.w.s, rtz, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2 128, fadd.s, rdn, 0x3f800000, FF_NX, 0x3f800000, 0x33800001
        T_D2 129, fdiv.d, rdn, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000
        T_S2I 130, fcvt.w.s, rdn, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2 131, fadd.s, rmm, 0x3f800001, FF_NX, 0x3f800000, 0x33800001
        T_D2 132, fdiv.d, rmm, 0x3fd5555555555555, FF_NX, 0x3ff0000000000000, 0x4008000000000000
        T_S2I 133, fcvt.w.s, rmm, 0x0000000000000002, FF_NX, 0x3fc00000
        fsrmi FRM_RNE

        # ------------------------------------------------------------ reserved rounding modes
        LDS fa0, 0x3f800000
        LDS fa1, 0x40400000
        ALLOW_TRAPS
        # fadd.s fa2, fa0, fa1 with rm = 5 and rm = 6
        T_ILLEGAL 134, .4byte (11 << 20) | (10 << 15) | (5 << 12) | (12 << 7) | 0x53
        CHECK_MTVAL (11 << 20) | (10 << 15) | (5 << 12) | (12 << 7) | 0x53
        T_ILLEGAL 135, .4byte (11 << 20) | (10 << 15) | (6 << 12) | (12 << 7) | 0x53
        # fcvt.w.d a0, fa0 with rm = 5
        T_ILLEGAL 136, .4byte (0x61 << 25) | (10 << 15) | (5 << 12) | (10 << 7) | 0x53
        fsrmi 5
        T_ILLEGAL 137, fadd.s fa2, fa0, fa1, dyn
        fsrmi 6
        T_ILLEGAL 138, fmul.d fa2, fa0, fa1, dyn
        fsrmi 7
        T_ILLEGAL 139, fsqrt.s fa2, fa0, dyn
        T_ILLEGAL 140, fmadd.d fa2, fa0, fa1, fa0, dyn
        T_ILLEGAL 141, fcvt.w.s a0, fa0, dyn
        T_ILLEGAL 142, fcvt.s.l fa2, a0, dyn
        FORBID_TRAPS
        TEST 143                             # instructions without a rounding mode ignore frm = 7
        fsflags zero
        fmin.s fa2, fa0, fa1
        CHECK_FS fa2, 0x3f800000
        fsgnjn.d fa2, fa0, fa0
        feq.s a0, fa0, fa1
        CHECK a0, 0
        fclass.s a0, fa1
        CHECK a0, 0x40
        fmv.x.w a0, fa1
        CHECK a0, 0x40400000
        frrm a0
        CHECK a0, 7
        CHECK_FFLAGS 0
        fsrmi FRM_RNE

        # ------------------------------------------------------------ mstatus.FS and SD
        TEST 144                             # FP writes above left FS Dirty, hence SD
        CHECK_FS_STATE 3, 1
        csrr a0, sstatus                    # the sstatus view shows FS and SD too
        srli a1, a0, 13
        andi a1, a1, 3
        CHECK a1, 3
        srli a1, a0, 63
        CHECK a1, 1
        TEST 145                             # Clean: SD clear; a register write dirties
        SET_FS 2
        CHECK_FS_STATE 2, 0
        fmv.w.x fa0, zero
        CHECK_FS_STATE 3, 1
        TEST 146                             # Initial: an arithmetic result dirties
        SET_FS 1
        CHECK_FS_STATE 1, 0
        fadd.d fa2, fa1, fa1
        CHECK_FS_STATE 3, 1
        TEST 147                             # a write to fflags dirties
        SET_FS 2
        csrwi fflags, 0
        CHECK_FS_STATE 3, 1
        TEST 148                             # a write to frm dirties
        SET_FS 2
        fsrmi FRM_RNE
        CHECK_FS_STATE 3, 1
        TEST 149                             # loads dirty
        SET_FS 2
        la a1, fr_buf
        fld fa3, 0(a1)
        CHECK_FS_STATE 3, 1
        TEST 150                             # stores and moves to x registers do not
        # (the spec only requires Dirty when FP state changes; QEMU 7.2 never dirties FS for
        # fsw/fsd, fmv.x.*, fclass or CSR reads, and lpm must match it)
        SET_FS 2
        la a1, fr_buf
        fsd fa1, 0(a1)
        fsw fa1, 8(a1)
        c.fsd fa1, 0(a1)
        fmv.x.d a0, fa1
        fmv.x.w a0, fa1
        fclass.d a0, fa1
        CHECK_FS_STATE 2, 0
        TEST 151                             # and neither do CSR reads
        frcsr a0
        frflags a0
        CHECK_FS_STATE 2, 0

        # FS = Off: every FP instruction, FP load/store and fcsr access is illegal
        LDS fa0, 0x3f800000
        SET_FS 0
        ALLOW_TRAPS
        li a1, 0x40400000
        T_ILLEGAL 152, fadd.s fa2, fa0, fa0
        CHECK_MTVAL 0x00a57653              # fadd.s fa2, fa0, fa0 (dyn)
        T_ILLEGAL 153, fmv.w.x fa0, a1
        T_ILLEGAL 154, fmv.x.w a0, fa0
        T_ILLEGAL 155, fmv.d.x fa0, a1
        T_ILLEGAL 156, fmv.x.d a0, fa0
        T_ILLEGAL 157, fsgnj.d fa2, fa0, fa0
        T_ILLEGAL 158, fmadd.d fa2, fa0, fa0, fa0
        T_ILLEGAL 159, fcvt.s.w fa2, a1
        T_ILLEGAL 160, fcvt.w.d a0, fa0
        T_ILLEGAL 161, fcvt.d.s fa2, fa0
        T_ILLEGAL 162, feq.d a0, fa0, fa0
        T_ILLEGAL 163, fclass.s a0, fa0
        T_ILLEGAL 164, fsqrt.d fa2, fa0
        T_ILLEGAL 165, fmin.s fa2, fa0, fa0
        la a2, fr_buf
        T_ILLEGAL 166, flw fa0, 0(a2)
        T_ILLEGAL 167, fsw fa0, 0(a2)
        T_ILLEGAL 168, fld fa0, 0(a2)
        T_ILLEGAL 169, fsd fa0, 0(a2)
        T_ILLEGAL 170, c.fld fa0, 0(a2)
        T_ILLEGAL 171, c.fsd fa0, 0(a2)
        T_ILLEGAL 172, c.fldsp fa0, 0(sp)
        T_ILLEGAL 173, c.fsdsp fa0, 0(sp)
        T_ILLEGAL 174, frcsr a0
        T_ILLEGAL 175, fsflags zero
        T_ILLEGAL 176, csrr a0, frm
        T_ILLEGAL 177, csrwi fcsr, 0
        FORBID_TRAPS
        TEST 178                             # nothing was written and FS stayed Off
        CHECK_FS_STATE 0, 0
        SET_FS 1
        fmv.x.w a0, fa0
        CHECK a0, 0x3f800000
        CHECK_FFLAGS 0
        PASS

        .data
        .balign 16
fr_buf:
        .zero 16
