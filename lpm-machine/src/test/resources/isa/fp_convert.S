# fp_convert: fcvt between every integer type and binary32/binary64 in every
# static rounding mode (the "domains of float-to-integer conversions" table:
# NaN, infinities and out-of-range values saturate with NV; in-range inexact
# values raise only NX; fcvt.wu/fcvt.w results are sign-extended to 64 bits),
# fcvt.s.d / fcvt.d.s, the fmv moves, NaN-boxing (an improperly boxed single is
# read as the canonical NaN by arithmetic, but moved unchanged by fmv.x.w and
# fsw), and the FP loads and stores including c.fld, c.fsd, c.fldsp, c.fsdsp.
# Expected values were computed with lpm's SoftFloat and checked against QEMU 7.2.

        .include "harness.S"
        .include "fp_common.inc"
        TEST_NAME "fp_convert"

main:
        # float -> integer, rounding: +-0.5, +-1.5, +-2.5, -0.3, -0.75, 0.75, min subnormal
        T_S2I 1, fcvt.w.s, rne, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 2, fcvt.w.s, rtz, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 3, fcvt.w.s, rdn, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 4, fcvt.w.s, rup, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 5, fcvt.w.s, rmm, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 6, fcvt.w.s, rne, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 7, fcvt.w.s, rtz, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 8, fcvt.w.s, rdn, 0xffffffffffffffff, FF_NX, 0xbf000000
        T_S2I 9, fcvt.w.s, rup, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 10, fcvt.w.s, rmm, 0xffffffffffffffff, FF_NX, 0xbf000000
        T_S2I 11, fcvt.w.s, rne, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 12, fcvt.w.s, rtz, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 13, fcvt.w.s, rdn, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 14, fcvt.w.s, rup, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 15, fcvt.w.s, rmm, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 16, fcvt.w.s, rne, 0xfffffffffffffffe, FF_NX, 0xbfc00000
        T_S2I 17, fcvt.w.s, rtz, 0xffffffffffffffff, FF_NX, 0xbfc00000
        T_S2I 18, fcvt.w.s, rdn, 0xfffffffffffffffe, FF_NX, 0xbfc00000
        T_S2I 19, fcvt.w.s, rup, 0xffffffffffffffff, FF_NX, 0xbfc00000
        T_S2I 20, fcvt.w.s, rmm, 0xfffffffffffffffe, FF_NX, 0xbfc00000
        T_S2I 21, fcvt.w.s, rne, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 22, fcvt.w.s, rtz, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 23, fcvt.w.s, rdn, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 24, fcvt.w.s, rup, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 25, fcvt.w.s, rmm, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 26, fcvt.w.s, rne, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 27, fcvt.w.s, rtz, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 28, fcvt.w.s, rdn, 0xfffffffffffffffd, FF_NX, 0xc0200000
        T_S2I 29, fcvt.w.s, rup, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 30, fcvt.w.s, rmm, 0xfffffffffffffffd, FF_NX, 0xc0200000
        T_S2I 31, fcvt.w.s, rne, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 32, fcvt.w.s, rtz, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 33, fcvt.w.s, rdn, 0xffffffffffffffff, FF_NX, 0xbe99999a
        T_S2I 34, fcvt.w.s, rup, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 35, fcvt.w.s, rmm, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 36, fcvt.w.s, rne, 0xffffffffffffffff, FF_NX, 0xbf400000
        T_S2I 37, fcvt.w.s, rtz, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 38, fcvt.w.s, rdn, 0xffffffffffffffff, FF_NX, 0xbf400000
        T_S2I 39, fcvt.w.s, rup, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 40, fcvt.w.s, rmm, 0xffffffffffffffff, FF_NX, 0xbf400000
        T_S2I 41, fcvt.w.s, rne, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 42, fcvt.w.s, rtz, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 43, fcvt.w.s, rdn, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 44, fcvt.w.s, rup, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 45, fcvt.w.s, rmm, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 46, fcvt.w.s, rne, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 47, fcvt.w.s, rtz, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 48, fcvt.w.s, rdn, 0xffffffffffffffff, FF_NX, 0x80000001
        T_S2I 49, fcvt.w.s, rup, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 50, fcvt.w.s, rmm, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 51, fcvt.wu.s, rne, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 52, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 53, fcvt.wu.s, rdn, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 54, fcvt.wu.s, rup, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 55, fcvt.wu.s, rmm, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 56, fcvt.wu.s, rne, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 57, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 58, fcvt.wu.s, rdn, 0x0000000000000000, FF_NV, 0xbf000000
        T_S2I 59, fcvt.wu.s, rup, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 60, fcvt.wu.s, rmm, 0x0000000000000000, FF_NV, 0xbf000000
        T_S2I 61, fcvt.wu.s, rne, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 62, fcvt.wu.s, rtz, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 63, fcvt.wu.s, rdn, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 64, fcvt.wu.s, rup, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 65, fcvt.wu.s, rmm, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 66, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 67, fcvt.wu.s, rtz, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 68, fcvt.wu.s, rdn, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 69, fcvt.wu.s, rup, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 70, fcvt.wu.s, rmm, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 71, fcvt.wu.s, rne, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 72, fcvt.wu.s, rtz, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 73, fcvt.wu.s, rdn, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 74, fcvt.wu.s, rup, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 75, fcvt.wu.s, rmm, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 76, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 77, fcvt.wu.s, rtz, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 78, fcvt.wu.s, rdn, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 79, fcvt.wu.s, rup, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 80, fcvt.wu.s, rmm, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 81, fcvt.wu.s, rne, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 82, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 83, fcvt.wu.s, rdn, 0x0000000000000000, FF_NV, 0xbe99999a
        T_S2I 84, fcvt.wu.s, rup, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 85, fcvt.wu.s, rmm, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 86, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xbf400000
        T_S2I 87, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 88, fcvt.wu.s, rdn, 0x0000000000000000, FF_NV, 0xbf400000
        T_S2I 89, fcvt.wu.s, rup, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 90, fcvt.wu.s, rmm, 0x0000000000000000, FF_NV, 0xbf400000
        T_S2I 91, fcvt.wu.s, rne, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 92, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 93, fcvt.wu.s, rdn, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 94, fcvt.wu.s, rup, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 95, fcvt.wu.s, rmm, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 96, fcvt.wu.s, rne, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 97, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 98, fcvt.wu.s, rdn, 0x0000000000000000, FF_NV, 0x80000001
        T_S2I 99, fcvt.wu.s, rup, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 100, fcvt.wu.s, rmm, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 101, fcvt.l.s, rne, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 102, fcvt.l.s, rtz, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 103, fcvt.l.s, rdn, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 104, fcvt.l.s, rup, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 105, fcvt.l.s, rmm, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 106, fcvt.l.s, rne, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 107, fcvt.l.s, rtz, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 108, fcvt.l.s, rdn, 0xffffffffffffffff, FF_NX, 0xbf000000
        T_S2I 109, fcvt.l.s, rup, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 110, fcvt.l.s, rmm, 0xffffffffffffffff, FF_NX, 0xbf000000
        T_S2I 111, fcvt.l.s, rne, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 112, fcvt.l.s, rtz, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 113, fcvt.l.s, rdn, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 114, fcvt.l.s, rup, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 115, fcvt.l.s, rmm, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 116, fcvt.l.s, rne, 0xfffffffffffffffe, FF_NX, 0xbfc00000
        T_S2I 117, fcvt.l.s, rtz, 0xffffffffffffffff, FF_NX, 0xbfc00000
        T_S2I 118, fcvt.l.s, rdn, 0xfffffffffffffffe, FF_NX, 0xbfc00000
        T_S2I 119, fcvt.l.s, rup, 0xffffffffffffffff, FF_NX, 0xbfc00000
        T_S2I 120, fcvt.l.s, rmm, 0xfffffffffffffffe, FF_NX, 0xbfc00000
        T_S2I 121, fcvt.l.s, rne, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 122, fcvt.l.s, rtz, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 123, fcvt.l.s, rdn, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 124, fcvt.l.s, rup, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 125, fcvt.l.s, rmm, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 126, fcvt.l.s, rne, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 127, fcvt.l.s, rtz, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 128, fcvt.l.s, rdn, 0xfffffffffffffffd, FF_NX, 0xc0200000
        T_S2I 129, fcvt.l.s, rup, 0xfffffffffffffffe, FF_NX, 0xc0200000
        T_S2I 130, fcvt.l.s, rmm, 0xfffffffffffffffd, FF_NX, 0xc0200000
        T_S2I 131, fcvt.l.s, rne, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 132, fcvt.l.s, rtz, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 133, fcvt.l.s, rdn, 0xffffffffffffffff, FF_NX, 0xbe99999a
        T_S2I 134, fcvt.l.s, rup, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 135, fcvt.l.s, rmm, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 136, fcvt.l.s, rne, 0xffffffffffffffff, FF_NX, 0xbf400000
        T_S2I 137, fcvt.l.s, rtz, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 138, fcvt.l.s, rdn, 0xffffffffffffffff, FF_NX, 0xbf400000
        T_S2I 139, fcvt.l.s, rup, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 140, fcvt.l.s, rmm, 0xffffffffffffffff, FF_NX, 0xbf400000
        T_S2I 141, fcvt.l.s, rne, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 142, fcvt.l.s, rtz, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 143, fcvt.l.s, rdn, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 144, fcvt.l.s, rup, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 145, fcvt.l.s, rmm, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 146, fcvt.l.s, rne, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 147, fcvt.l.s, rtz, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 148, fcvt.l.s, rdn, 0xffffffffffffffff, FF_NX, 0x80000001
        T_S2I 149, fcvt.l.s, rup, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 150, fcvt.l.s, rmm, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 151, fcvt.lu.s, rne, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 152, fcvt.lu.s, rtz, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 153, fcvt.lu.s, rdn, 0x0000000000000000, FF_NX, 0x3f000000
        T_S2I 154, fcvt.lu.s, rup, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 155, fcvt.lu.s, rmm, 0x0000000000000001, FF_NX, 0x3f000000
        T_S2I 156, fcvt.lu.s, rne, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 157, fcvt.lu.s, rtz, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 158, fcvt.lu.s, rdn, 0x0000000000000000, FF_NV, 0xbf000000
        T_S2I 159, fcvt.lu.s, rup, 0x0000000000000000, FF_NX, 0xbf000000
        T_S2I 160, fcvt.lu.s, rmm, 0x0000000000000000, FF_NV, 0xbf000000
        T_S2I 161, fcvt.lu.s, rne, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 162, fcvt.lu.s, rtz, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 163, fcvt.lu.s, rdn, 0x0000000000000001, FF_NX, 0x3fc00000
        T_S2I 164, fcvt.lu.s, rup, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 165, fcvt.lu.s, rmm, 0x0000000000000002, FF_NX, 0x3fc00000
        T_S2I 166, fcvt.lu.s, rne, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 167, fcvt.lu.s, rtz, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 168, fcvt.lu.s, rdn, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 169, fcvt.lu.s, rup, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 170, fcvt.lu.s, rmm, 0x0000000000000000, FF_NV, 0xbfc00000
        T_S2I 171, fcvt.lu.s, rne, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 172, fcvt.lu.s, rtz, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 173, fcvt.lu.s, rdn, 0x0000000000000002, FF_NX, 0x40200000
        T_S2I 174, fcvt.lu.s, rup, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 175, fcvt.lu.s, rmm, 0x0000000000000003, FF_NX, 0x40200000
        T_S2I 176, fcvt.lu.s, rne, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 177, fcvt.lu.s, rtz, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 178, fcvt.lu.s, rdn, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 179, fcvt.lu.s, rup, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 180, fcvt.lu.s, rmm, 0x0000000000000000, FF_NV, 0xc0200000
        T_S2I 181, fcvt.lu.s, rne, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 182, fcvt.lu.s, rtz, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 183, fcvt.lu.s, rdn, 0x0000000000000000, FF_NV, 0xbe99999a
        T_S2I 184, fcvt.lu.s, rup, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 185, fcvt.lu.s, rmm, 0x0000000000000000, FF_NX, 0xbe99999a
        T_S2I 186, fcvt.lu.s, rne, 0x0000000000000000, FF_NV, 0xbf400000
        T_S2I 187, fcvt.lu.s, rtz, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 188, fcvt.lu.s, rdn, 0x0000000000000000, FF_NV, 0xbf400000
        T_S2I 189, fcvt.lu.s, rup, 0x0000000000000000, FF_NX, 0xbf400000
        T_S2I 190, fcvt.lu.s, rmm, 0x0000000000000000, FF_NV, 0xbf400000
        T_S2I 191, fcvt.lu.s, rne, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 192, fcvt.lu.s, rtz, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 193, fcvt.lu.s, rdn, 0x0000000000000000, FF_NX, 0x3f400000
        T_S2I 194, fcvt.lu.s, rup, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 195, fcvt.lu.s, rmm, 0x0000000000000001, FF_NX, 0x3f400000
        T_S2I 196, fcvt.lu.s, rne, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 197, fcvt.lu.s, rtz, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 198, fcvt.lu.s, rdn, 0x0000000000000000, FF_NV, 0x80000001
        T_S2I 199, fcvt.lu.s, rup, 0x0000000000000000, FF_NX, 0x80000001
        T_S2I 200, fcvt.lu.s, rmm, 0x0000000000000000, FF_NX, 0x80000001
        # float -> integer, domain edges: NaN, +-inf, 2^31, -2^31, 2^32, 2^63, -2^63, 2^64, -1, -0
        T_S2I 201, fcvt.w.s, rne, 0x000000007fffffff, FF_NV, 0x7fc00000
        T_S2I 202, fcvt.w.s, rtz, 0x000000007fffffff, FF_NV, 0x7f800001
        T_S2I 203, fcvt.w.s, rne, 0x000000007fffffff, FF_NV, 0xffc00000
        T_S2I 204, fcvt.w.s, rne, 0x000000007fffffff, FF_NV, 0x7f800000
        T_S2I 205, fcvt.w.s, rne, 0xffffffff80000000, FF_NV, 0xff800000
        T_S2I 206, fcvt.w.s, rne, 0x000000007fffffff, FF_NV, 0x4f000000
        T_S2I 207, fcvt.w.s, rne, 0xffffffff80000000, 0, 0xcf000000
        T_S2I 208, fcvt.w.s, rtz, 0x000000007fffff80, 0, 0x4effffff
        T_S2I 209, fcvt.w.s, rtz, 0xffffffff80000000, FF_NV, 0xcf000001
        T_S2I 210, fcvt.w.s, rne, 0x000000007fffffff, FF_NV, 0x4f800000
        T_S2I 211, fcvt.w.s, rtz, 0x000000007fffffff, FF_NV, 0x4f7fffff
        T_S2I 212, fcvt.w.s, rne, 0x000000007fffffff, FF_NV, 0x5f000000
        T_S2I 213, fcvt.w.s, rne, 0xffffffff80000000, FF_NV, 0xdf000000
        T_S2I 214, fcvt.w.s, rne, 0x000000007fffffff, FF_NV, 0x5f800000
        T_S2I 215, fcvt.w.s, rtz, 0x000000007fffffff, FF_NV, 0x5f7fffff
        T_S2I 216, fcvt.w.s, rtz, 0xffffffff80000000, FF_NV, 0xdf000001
        T_S2I 217, fcvt.w.s, rne, 0xffffffffffffffff, 0, 0xbf800000
        T_S2I 218, fcvt.w.s, rne, 0x0000000000000000, 0, 0x80000000
        T_S2I 219, fcvt.w.s, rne, 0x0000000000000000, 0, 0x00000000
        T_S2I 220, fcvt.w.s, rtz, 0x000000007fffffff, FF_NV, 0x7f7fffff
        T_S2I 221, fcvt.w.s, rtz, 0xffffffff80000000, FF_NV, 0xff7fffff
        T_S2I 222, fcvt.w.s, rup, 0x0000000000bfffff, 0, 0x4b3fffff
        T_S2I 223, fcvt.wu.s, rne, 0xffffffffffffffff, FF_NV, 0x7fc00000
        T_S2I 224, fcvt.wu.s, rtz, 0xffffffffffffffff, FF_NV, 0x7f800001
        T_S2I 225, fcvt.wu.s, rne, 0xffffffffffffffff, FF_NV, 0xffc00000
        T_S2I 226, fcvt.wu.s, rne, 0xffffffffffffffff, FF_NV, 0x7f800000
        T_S2I 227, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xff800000
        T_S2I 228, fcvt.wu.s, rne, 0xffffffff80000000, 0, 0x4f000000
        T_S2I 229, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xcf000000
        T_S2I 230, fcvt.wu.s, rtz, 0x000000007fffff80, 0, 0x4effffff
        T_S2I 231, fcvt.wu.s, rtz, 0x0000000000000000, FF_NV, 0xcf000001
        T_S2I 232, fcvt.wu.s, rne, 0xffffffffffffffff, FF_NV, 0x4f800000
        T_S2I 233, fcvt.wu.s, rtz, 0xffffffffffffff00, 0, 0x4f7fffff
        T_S2I 234, fcvt.wu.s, rne, 0xffffffffffffffff, FF_NV, 0x5f000000
        T_S2I 235, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xdf000000
        T_S2I 236, fcvt.wu.s, rne, 0xffffffffffffffff, FF_NV, 0x5f800000
        T_S2I 237, fcvt.wu.s, rtz, 0xffffffffffffffff, FF_NV, 0x5f7fffff
        T_S2I 238, fcvt.wu.s, rtz, 0x0000000000000000, FF_NV, 0xdf000001
        T_S2I 239, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xbf800000
        T_S2I 240, fcvt.wu.s, rne, 0x0000000000000000, 0, 0x80000000
        T_S2I 241, fcvt.wu.s, rne, 0x0000000000000000, 0, 0x00000000
        T_S2I 242, fcvt.wu.s, rtz, 0xffffffffffffffff, FF_NV, 0x7f7fffff
        T_S2I 243, fcvt.wu.s, rtz, 0x0000000000000000, FF_NV, 0xff7fffff
        T_S2I 244, fcvt.wu.s, rup, 0x0000000000bfffff, 0, 0x4b3fffff
        T_S2I 245, fcvt.l.s, rne, 0x7fffffffffffffff, FF_NV, 0x7fc00000
        T_S2I 246, fcvt.l.s, rtz, 0x7fffffffffffffff, FF_NV, 0x7f800001
        T_S2I 247, fcvt.l.s, rne, 0x7fffffffffffffff, FF_NV, 0xffc00000
        T_S2I 248, fcvt.l.s, rne, 0x7fffffffffffffff, FF_NV, 0x7f800000
        T_S2I 249, fcvt.l.s, rne, 0x8000000000000000, FF_NV, 0xff800000
        T_S2I 250, fcvt.l.s, rne, 0x0000000080000000, 0, 0x4f000000
        T_S2I 251, fcvt.l.s, rne, 0xffffffff80000000, 0, 0xcf000000
        T_S2I 252, fcvt.l.s, rtz, 0x000000007fffff80, 0, 0x4effffff
        T_S2I 253, fcvt.l.s, rtz, 0xffffffff7fffff00, 0, 0xcf000001
        T_S2I 254, fcvt.l.s, rne, 0x0000000100000000, 0, 0x4f800000
        T_S2I 255, fcvt.l.s, rtz, 0x00000000ffffff00, 0, 0x4f7fffff
        T_S2I 256, fcvt.l.s, rne, 0x7fffffffffffffff, FF_NV, 0x5f000000
        T_S2I 257, fcvt.l.s, rne, 0x8000000000000000, 0, 0xdf000000
        T_S2I 258, fcvt.l.s, rne, 0x7fffffffffffffff, FF_NV, 0x5f800000
        T_S2I 259, fcvt.l.s, rtz, 0x7fffffffffffffff, FF_NV, 0x5f7fffff
        T_S2I 260, fcvt.l.s, rtz, 0x8000000000000000, FF_NV, 0xdf000001
        T_S2I 261, fcvt.l.s, rne, 0xffffffffffffffff, 0, 0xbf800000
        T_S2I 262, fcvt.l.s, rne, 0x0000000000000000, 0, 0x80000000
        T_S2I 263, fcvt.l.s, rne, 0x0000000000000000, 0, 0x00000000
        T_S2I 264, fcvt.l.s, rtz, 0x7fffffffffffffff, FF_NV, 0x7f7fffff
        T_S2I 265, fcvt.l.s, rtz, 0x8000000000000000, FF_NV, 0xff7fffff
        T_S2I 266, fcvt.l.s, rup, 0x0000000000bfffff, 0, 0x4b3fffff
        T_S2I 267, fcvt.lu.s, rne, 0xffffffffffffffff, FF_NV, 0x7fc00000
        T_S2I 268, fcvt.lu.s, rtz, 0xffffffffffffffff, FF_NV, 0x7f800001
        T_S2I 269, fcvt.lu.s, rne, 0xffffffffffffffff, FF_NV, 0xffc00000
        T_S2I 270, fcvt.lu.s, rne, 0xffffffffffffffff, FF_NV, 0x7f800000
        T_S2I 271, fcvt.lu.s, rne, 0x0000000000000000, FF_NV, 0xff800000
        T_S2I 272, fcvt.lu.s, rne, 0x0000000080000000, 0, 0x4f000000
        T_S2I 273, fcvt.lu.s, rne, 0x0000000000000000, FF_NV, 0xcf000000
        T_S2I 274, fcvt.lu.s, rtz, 0x000000007fffff80, 0, 0x4effffff
        T_S2I 275, fcvt.lu.s, rtz, 0x0000000000000000, FF_NV, 0xcf000001
        T_S2I 276, fcvt.lu.s, rne, 0x0000000100000000, 0, 0x4f800000
        T_S2I 277, fcvt.lu.s, rtz, 0x00000000ffffff00, 0, 0x4f7fffff
        T_S2I 278, fcvt.lu.s, rne, 0x8000000000000000, 0, 0x5f000000
        T_S2I 279, fcvt.lu.s, rne, 0x0000000000000000, FF_NV, 0xdf000000
        T_S2I 280, fcvt.lu.s, rne, 0xffffffffffffffff, FF_NV, 0x5f800000
        T_S2I 281, fcvt.lu.s, rtz, 0xffffff0000000000, 0, 0x5f7fffff
        T_S2I 282, fcvt.lu.s, rtz, 0x0000000000000000, FF_NV, 0xdf000001
        T_S2I 283, fcvt.lu.s, rne, 0x0000000000000000, FF_NV, 0xbf800000
        T_S2I 284, fcvt.lu.s, rne, 0x0000000000000000, 0, 0x80000000
        T_S2I 285, fcvt.lu.s, rne, 0x0000000000000000, 0, 0x00000000
        T_S2I 286, fcvt.lu.s, rtz, 0xffffffffffffffff, FF_NV, 0x7f7fffff
        T_S2I 287, fcvt.lu.s, rtz, 0x0000000000000000, FF_NV, 0xff7fffff
        T_S2I 288, fcvt.lu.s, rup, 0x0000000000bfffff, 0, 0x4b3fffff
        T_D2I 289, fcvt.w.d, rne, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 290, fcvt.w.d, rtz, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 291, fcvt.w.d, rdn, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 292, fcvt.w.d, rup, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 293, fcvt.w.d, rmm, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 294, fcvt.w.d, rne, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 295, fcvt.w.d, rtz, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 296, fcvt.w.d, rdn, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000
        T_D2I 297, fcvt.w.d, rup, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 298, fcvt.w.d, rmm, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000
        T_D2I 299, fcvt.w.d, rne, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 300, fcvt.w.d, rtz, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 301, fcvt.w.d, rdn, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 302, fcvt.w.d, rup, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 303, fcvt.w.d, rmm, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 304, fcvt.w.d, rne, 0xfffffffffffffffe, FF_NX, 0xc004000000000000
        T_D2I 305, fcvt.w.d, rtz, 0xfffffffffffffffe, FF_NX, 0xc004000000000000
        T_D2I 306, fcvt.w.d, rdn, 0xfffffffffffffffd, FF_NX, 0xc004000000000000
        T_D2I 307, fcvt.w.d, rup, 0xfffffffffffffffe, FF_NX, 0xc004000000000000
        T_D2I 308, fcvt.w.d, rmm, 0xfffffffffffffffd, FF_NX, 0xc004000000000000
        T_D2I 309, fcvt.w.d, rne, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 310, fcvt.w.d, rtz, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 311, fcvt.w.d, rdn, 0xffffffffffffffff, FF_NX, 0xbfd3333333333333
        T_D2I 312, fcvt.w.d, rup, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 313, fcvt.w.d, rmm, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 314, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x41dfffffffe00000
        T_D2I 315, fcvt.w.d, rtz, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 316, fcvt.w.d, rdn, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 317, fcvt.w.d, rup, 0x000000007fffffff, FF_NV, 0x41dfffffffe00000
        T_D2I 318, fcvt.w.d, rmm, 0x000000007fffffff, FF_NV, 0x41dfffffffe00000
        T_D2I 319, fcvt.w.d, rne, 0xffffffff80000000, FF_NX, 0xc1e0000000100000
        T_D2I 320, fcvt.w.d, rtz, 0xffffffff80000000, FF_NX, 0xc1e0000000100000
        T_D2I 321, fcvt.w.d, rdn, 0xffffffff80000000, FF_NV, 0xc1e0000000100000
        T_D2I 322, fcvt.w.d, rup, 0xffffffff80000000, FF_NX, 0xc1e0000000100000
        T_D2I 323, fcvt.w.d, rmm, 0xffffffff80000000, FF_NV, 0xc1e0000000100000
        T_D2I 324, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x41efffffffe00000
        T_D2I 325, fcvt.w.d, rtz, 0x000000007fffffff, FF_NV, 0x41efffffffe00000
        T_D2I 326, fcvt.w.d, rdn, 0x000000007fffffff, FF_NV, 0x41efffffffe00000
        T_D2I 327, fcvt.w.d, rup, 0x000000007fffffff, FF_NV, 0x41efffffffe00000
        T_D2I 328, fcvt.w.d, rmm, 0x000000007fffffff, FF_NV, 0x41efffffffe00000
        T_D2I 329, fcvt.w.d, rne, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 330, fcvt.w.d, rtz, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 331, fcvt.w.d, rdn, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 332, fcvt.w.d, rup, 0x0000000000000001, FF_NX, 0x0000000000000001
        T_D2I 333, fcvt.w.d, rmm, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 334, fcvt.w.d, rne, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 335, fcvt.w.d, rtz, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 336, fcvt.w.d, rdn, 0xffffffffffffffff, FF_NX, 0x8000000000000001
        T_D2I 337, fcvt.w.d, rup, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 338, fcvt.w.d, rmm, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 339, fcvt.wu.d, rne, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 340, fcvt.wu.d, rtz, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 341, fcvt.wu.d, rdn, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 342, fcvt.wu.d, rup, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 343, fcvt.wu.d, rmm, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 344, fcvt.wu.d, rne, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 345, fcvt.wu.d, rtz, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 346, fcvt.wu.d, rdn, 0x0000000000000000, FF_NV, 0xbfe0000000000000
        T_D2I 347, fcvt.wu.d, rup, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 348, fcvt.wu.d, rmm, 0x0000000000000000, FF_NV, 0xbfe0000000000000
        T_D2I 349, fcvt.wu.d, rne, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 350, fcvt.wu.d, rtz, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 351, fcvt.wu.d, rdn, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 352, fcvt.wu.d, rup, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 353, fcvt.wu.d, rmm, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 354, fcvt.wu.d, rne, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 355, fcvt.wu.d, rtz, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 356, fcvt.wu.d, rdn, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 357, fcvt.wu.d, rup, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 358, fcvt.wu.d, rmm, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 359, fcvt.wu.d, rne, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 360, fcvt.wu.d, rtz, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 361, fcvt.wu.d, rdn, 0x0000000000000000, FF_NV, 0xbfd3333333333333
        T_D2I 362, fcvt.wu.d, rup, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 363, fcvt.wu.d, rmm, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 364, fcvt.wu.d, rne, 0xffffffff80000000, FF_NX, 0x41dfffffffe00000
        T_D2I 365, fcvt.wu.d, rtz, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 366, fcvt.wu.d, rdn, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 367, fcvt.wu.d, rup, 0xffffffff80000000, FF_NX, 0x41dfffffffe00000
        T_D2I 368, fcvt.wu.d, rmm, 0xffffffff80000000, FF_NX, 0x41dfffffffe00000
        T_D2I 369, fcvt.wu.d, rne, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 370, fcvt.wu.d, rtz, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 371, fcvt.wu.d, rdn, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 372, fcvt.wu.d, rup, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 373, fcvt.wu.d, rmm, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 374, fcvt.wu.d, rne, 0xffffffffffffffff, 0, 0x41efffffffe00000
        T_D2I 375, fcvt.wu.d, rtz, 0xffffffffffffffff, 0, 0x41efffffffe00000
        T_D2I 376, fcvt.wu.d, rdn, 0xffffffffffffffff, 0, 0x41efffffffe00000
        T_D2I 377, fcvt.wu.d, rup, 0xffffffffffffffff, 0, 0x41efffffffe00000
        T_D2I 378, fcvt.wu.d, rmm, 0xffffffffffffffff, 0, 0x41efffffffe00000
        T_D2I 379, fcvt.wu.d, rne, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 380, fcvt.wu.d, rtz, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 381, fcvt.wu.d, rdn, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 382, fcvt.wu.d, rup, 0x0000000000000001, FF_NX, 0x0000000000000001
        T_D2I 383, fcvt.wu.d, rmm, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 384, fcvt.wu.d, rne, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 385, fcvt.wu.d, rtz, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 386, fcvt.wu.d, rdn, 0x0000000000000000, FF_NV, 0x8000000000000001
        T_D2I 387, fcvt.wu.d, rup, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 388, fcvt.wu.d, rmm, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 389, fcvt.l.d, rne, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 390, fcvt.l.d, rtz, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 391, fcvt.l.d, rdn, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 392, fcvt.l.d, rup, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 393, fcvt.l.d, rmm, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 394, fcvt.l.d, rne, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 395, fcvt.l.d, rtz, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 396, fcvt.l.d, rdn, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000
        T_D2I 397, fcvt.l.d, rup, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 398, fcvt.l.d, rmm, 0xffffffffffffffff, FF_NX, 0xbfe0000000000000
        T_D2I 399, fcvt.l.d, rne, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 400, fcvt.l.d, rtz, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 401, fcvt.l.d, rdn, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 402, fcvt.l.d, rup, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 403, fcvt.l.d, rmm, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 404, fcvt.l.d, rne, 0xfffffffffffffffe, FF_NX, 0xc004000000000000
        T_D2I 405, fcvt.l.d, rtz, 0xfffffffffffffffe, FF_NX, 0xc004000000000000
        T_D2I 406, fcvt.l.d, rdn, 0xfffffffffffffffd, FF_NX, 0xc004000000000000
        T_D2I 407, fcvt.l.d, rup, 0xfffffffffffffffe, FF_NX, 0xc004000000000000
        T_D2I 408, fcvt.l.d, rmm, 0xfffffffffffffffd, FF_NX, 0xc004000000000000
        T_D2I 409, fcvt.l.d, rne, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 410, fcvt.l.d, rtz, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 411, fcvt.l.d, rdn, 0xffffffffffffffff, FF_NX, 0xbfd3333333333333
        T_D2I 412, fcvt.l.d, rup, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 413, fcvt.l.d, rmm, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 414, fcvt.l.d, rne, 0x0000000080000000, FF_NX, 0x41dfffffffe00000
        T_D2I 415, fcvt.l.d, rtz, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 416, fcvt.l.d, rdn, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 417, fcvt.l.d, rup, 0x0000000080000000, FF_NX, 0x41dfffffffe00000
        T_D2I 418, fcvt.l.d, rmm, 0x0000000080000000, FF_NX, 0x41dfffffffe00000
        T_D2I 419, fcvt.l.d, rne, 0xffffffff80000000, FF_NX, 0xc1e0000000100000
        T_D2I 420, fcvt.l.d, rtz, 0xffffffff80000000, FF_NX, 0xc1e0000000100000
        T_D2I 421, fcvt.l.d, rdn, 0xffffffff7fffffff, FF_NX, 0xc1e0000000100000
        T_D2I 422, fcvt.l.d, rup, 0xffffffff80000000, FF_NX, 0xc1e0000000100000
        T_D2I 423, fcvt.l.d, rmm, 0xffffffff7fffffff, FF_NX, 0xc1e0000000100000
        T_D2I 424, fcvt.l.d, rne, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 425, fcvt.l.d, rtz, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 426, fcvt.l.d, rdn, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 427, fcvt.l.d, rup, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 428, fcvt.l.d, rmm, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 429, fcvt.l.d, rne, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 430, fcvt.l.d, rtz, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 431, fcvt.l.d, rdn, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 432, fcvt.l.d, rup, 0x0000000000000001, FF_NX, 0x0000000000000001
        T_D2I 433, fcvt.l.d, rmm, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 434, fcvt.l.d, rne, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 435, fcvt.l.d, rtz, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 436, fcvt.l.d, rdn, 0xffffffffffffffff, FF_NX, 0x8000000000000001
        T_D2I 437, fcvt.l.d, rup, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 438, fcvt.l.d, rmm, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 439, fcvt.lu.d, rne, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 440, fcvt.lu.d, rtz, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 441, fcvt.lu.d, rdn, 0x0000000000000000, FF_NX, 0x3fe0000000000000
        T_D2I 442, fcvt.lu.d, rup, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 443, fcvt.lu.d, rmm, 0x0000000000000001, FF_NX, 0x3fe0000000000000
        T_D2I 444, fcvt.lu.d, rne, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 445, fcvt.lu.d, rtz, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 446, fcvt.lu.d, rdn, 0x0000000000000000, FF_NV, 0xbfe0000000000000
        T_D2I 447, fcvt.lu.d, rup, 0x0000000000000000, FF_NX, 0xbfe0000000000000
        T_D2I 448, fcvt.lu.d, rmm, 0x0000000000000000, FF_NV, 0xbfe0000000000000
        T_D2I 449, fcvt.lu.d, rne, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 450, fcvt.lu.d, rtz, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 451, fcvt.lu.d, rdn, 0x0000000000000002, FF_NX, 0x4004000000000000
        T_D2I 452, fcvt.lu.d, rup, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 453, fcvt.lu.d, rmm, 0x0000000000000003, FF_NX, 0x4004000000000000
        T_D2I 454, fcvt.lu.d, rne, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 455, fcvt.lu.d, rtz, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 456, fcvt.lu.d, rdn, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 457, fcvt.lu.d, rup, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 458, fcvt.lu.d, rmm, 0x0000000000000000, FF_NV, 0xc004000000000000
        T_D2I 459, fcvt.lu.d, rne, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 460, fcvt.lu.d, rtz, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 461, fcvt.lu.d, rdn, 0x0000000000000000, FF_NV, 0xbfd3333333333333
        T_D2I 462, fcvt.lu.d, rup, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 463, fcvt.lu.d, rmm, 0x0000000000000000, FF_NX, 0xbfd3333333333333
        T_D2I 464, fcvt.lu.d, rne, 0x0000000080000000, FF_NX, 0x41dfffffffe00000
        T_D2I 465, fcvt.lu.d, rtz, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 466, fcvt.lu.d, rdn, 0x000000007fffffff, FF_NX, 0x41dfffffffe00000
        T_D2I 467, fcvt.lu.d, rup, 0x0000000080000000, FF_NX, 0x41dfffffffe00000
        T_D2I 468, fcvt.lu.d, rmm, 0x0000000080000000, FF_NX, 0x41dfffffffe00000
        T_D2I 469, fcvt.lu.d, rne, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 470, fcvt.lu.d, rtz, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 471, fcvt.lu.d, rdn, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 472, fcvt.lu.d, rup, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 473, fcvt.lu.d, rmm, 0x0000000000000000, FF_NV, 0xc1e0000000100000
        T_D2I 474, fcvt.lu.d, rne, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 475, fcvt.lu.d, rtz, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 476, fcvt.lu.d, rdn, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 477, fcvt.lu.d, rup, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 478, fcvt.lu.d, rmm, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 479, fcvt.lu.d, rne, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 480, fcvt.lu.d, rtz, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 481, fcvt.lu.d, rdn, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 482, fcvt.lu.d, rup, 0x0000000000000001, FF_NX, 0x0000000000000001
        T_D2I 483, fcvt.lu.d, rmm, 0x0000000000000000, FF_NX, 0x0000000000000001
        T_D2I 484, fcvt.lu.d, rne, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 485, fcvt.lu.d, rtz, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 486, fcvt.lu.d, rdn, 0x0000000000000000, FF_NV, 0x8000000000000001
        T_D2I 487, fcvt.lu.d, rup, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 488, fcvt.lu.d, rmm, 0x0000000000000000, FF_NX, 0x8000000000000001
        T_D2I 489, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x7ff8000000000000
        T_D2I 490, fcvt.w.d, rtz, 0x000000007fffffff, FF_NV, 0x7ff0000000000001
        T_D2I 491, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0xfff8000000000000
        T_D2I 492, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x7ff0000000000000
        T_D2I 493, fcvt.w.d, rne, 0xffffffff80000000, FF_NV, 0xfff0000000000000
        T_D2I 494, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x41e0000000000000
        T_D2I 495, fcvt.w.d, rne, 0xffffffff80000000, 0, 0xc1e0000000000000
        T_D2I 496, fcvt.w.d, rne, 0x000000007fffffff, 0, 0x41dfffffffc00000
        T_D2I 497, fcvt.w.d, rne, 0xffffffff80000000, FF_NV, 0xc1e0000000200000
        T_D2I 498, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x41f0000000000000
        T_D2I 499, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x41efffffffe00000
        T_D2I 500, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x43e0000000000000
        T_D2I 501, fcvt.w.d, rne, 0xffffffff80000000, FF_NV, 0xc3e0000000000000
        T_D2I 502, fcvt.w.d, rtz, 0x000000007fffffff, FF_NV, 0x43dfffffffffffff
        T_D2I 503, fcvt.w.d, rtz, 0xffffffff80000000, FF_NV, 0xc3e0000000000001
        T_D2I 504, fcvt.w.d, rne, 0x000000007fffffff, FF_NV, 0x43f0000000000000
        T_D2I 505, fcvt.w.d, rtz, 0x000000007fffffff, FF_NV, 0x43efffffffffffff
        T_D2I 506, fcvt.w.d, rne, 0xffffffffffffffff, 0, 0xbff0000000000000
        T_D2I 507, fcvt.w.d, rne, 0x0000000000000000, 0, 0x8000000000000000
        T_D2I 508, fcvt.w.d, rtz, 0x000000007fffffff, FF_NV, 0x7fefffffffffffff
        T_D2I 509, fcvt.wu.d, rne, 0xffffffffffffffff, FF_NV, 0x7ff8000000000000
        T_D2I 510, fcvt.wu.d, rtz, 0xffffffffffffffff, FF_NV, 0x7ff0000000000001
        T_D2I 511, fcvt.wu.d, rne, 0xffffffffffffffff, FF_NV, 0xfff8000000000000
        T_D2I 512, fcvt.wu.d, rne, 0xffffffffffffffff, FF_NV, 0x7ff0000000000000
        T_D2I 513, fcvt.wu.d, rne, 0x0000000000000000, FF_NV, 0xfff0000000000000
        T_D2I 514, fcvt.wu.d, rne, 0xffffffff80000000, 0, 0x41e0000000000000
        T_D2I 515, fcvt.wu.d, rne, 0x0000000000000000, FF_NV, 0xc1e0000000000000
        T_D2I 516, fcvt.wu.d, rne, 0x000000007fffffff, 0, 0x41dfffffffc00000
        T_D2I 517, fcvt.wu.d, rne, 0x0000000000000000, FF_NV, 0xc1e0000000200000
        T_D2I 518, fcvt.wu.d, rne, 0xffffffffffffffff, FF_NV, 0x41f0000000000000
        T_D2I 519, fcvt.wu.d, rne, 0xffffffffffffffff, 0, 0x41efffffffe00000
        T_D2I 520, fcvt.wu.d, rne, 0xffffffffffffffff, FF_NV, 0x43e0000000000000
        T_D2I 521, fcvt.wu.d, rne, 0x0000000000000000, FF_NV, 0xc3e0000000000000
        T_D2I 522, fcvt.wu.d, rtz, 0xffffffffffffffff, FF_NV, 0x43dfffffffffffff
        T_D2I 523, fcvt.wu.d, rtz, 0x0000000000000000, FF_NV, 0xc3e0000000000001
        T_D2I 524, fcvt.wu.d, rne, 0xffffffffffffffff, FF_NV, 0x43f0000000000000
        T_D2I 525, fcvt.wu.d, rtz, 0xffffffffffffffff, FF_NV, 0x43efffffffffffff
        T_D2I 526, fcvt.wu.d, rne, 0x0000000000000000, FF_NV, 0xbff0000000000000
        T_D2I 527, fcvt.wu.d, rne, 0x0000000000000000, 0, 0x8000000000000000
        T_D2I 528, fcvt.wu.d, rtz, 0xffffffffffffffff, FF_NV, 0x7fefffffffffffff
        T_D2I 529, fcvt.l.d, rne, 0x7fffffffffffffff, FF_NV, 0x7ff8000000000000
        T_D2I 530, fcvt.l.d, rtz, 0x7fffffffffffffff, FF_NV, 0x7ff0000000000001
        T_D2I 531, fcvt.l.d, rne, 0x7fffffffffffffff, FF_NV, 0xfff8000000000000
        T_D2I 532, fcvt.l.d, rne, 0x7fffffffffffffff, FF_NV, 0x7ff0000000000000
        T_D2I 533, fcvt.l.d, rne, 0x8000000000000000, FF_NV, 0xfff0000000000000
        T_D2I 534, fcvt.l.d, rne, 0x0000000080000000, 0, 0x41e0000000000000
        T_D2I 535, fcvt.l.d, rne, 0xffffffff80000000, 0, 0xc1e0000000000000
        T_D2I 536, fcvt.l.d, rne, 0x000000007fffffff, 0, 0x41dfffffffc00000
        T_D2I 537, fcvt.l.d, rne, 0xffffffff7fffffff, 0, 0xc1e0000000200000
        T_D2I 538, fcvt.l.d, rne, 0x0000000100000000, 0, 0x41f0000000000000
        T_D2I 539, fcvt.l.d, rne, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 540, fcvt.l.d, rne, 0x7fffffffffffffff, FF_NV, 0x43e0000000000000
        T_D2I 541, fcvt.l.d, rne, 0x8000000000000000, 0, 0xc3e0000000000000
        T_D2I 542, fcvt.l.d, rtz, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff
        T_D2I 543, fcvt.l.d, rtz, 0x8000000000000000, FF_NV, 0xc3e0000000000001
        T_D2I 544, fcvt.l.d, rne, 0x7fffffffffffffff, FF_NV, 0x43f0000000000000
        T_D2I 545, fcvt.l.d, rtz, 0x7fffffffffffffff, FF_NV, 0x43efffffffffffff
        T_D2I 546, fcvt.l.d, rne, 0xffffffffffffffff, 0, 0xbff0000000000000
        T_D2I 547, fcvt.l.d, rne, 0x0000000000000000, 0, 0x8000000000000000
        T_D2I 548, fcvt.l.d, rtz, 0x7fffffffffffffff, FF_NV, 0x7fefffffffffffff
        T_D2I 549, fcvt.lu.d, rne, 0xffffffffffffffff, FF_NV, 0x7ff8000000000000
        T_D2I 550, fcvt.lu.d, rtz, 0xffffffffffffffff, FF_NV, 0x7ff0000000000001
        T_D2I 551, fcvt.lu.d, rne, 0xffffffffffffffff, FF_NV, 0xfff8000000000000
        T_D2I 552, fcvt.lu.d, rne, 0xffffffffffffffff, FF_NV, 0x7ff0000000000000
        T_D2I 553, fcvt.lu.d, rne, 0x0000000000000000, FF_NV, 0xfff0000000000000
        T_D2I 554, fcvt.lu.d, rne, 0x0000000080000000, 0, 0x41e0000000000000
        T_D2I 555, fcvt.lu.d, rne, 0x0000000000000000, FF_NV, 0xc1e0000000000000
        T_D2I 556, fcvt.lu.d, rne, 0x000000007fffffff, 0, 0x41dfffffffc00000
        T_D2I 557, fcvt.lu.d, rne, 0x0000000000000000, FF_NV, 0xc1e0000000200000
        T_D2I 558, fcvt.lu.d, rne, 0x0000000100000000, 0, 0x41f0000000000000
        T_D2I 559, fcvt.lu.d, rne, 0x00000000ffffffff, 0, 0x41efffffffe00000
        T_D2I 560, fcvt.lu.d, rne, 0x8000000000000000, 0, 0x43e0000000000000
        T_D2I 561, fcvt.lu.d, rne, 0x0000000000000000, FF_NV, 0xc3e0000000000000
        T_D2I 562, fcvt.lu.d, rtz, 0x7ffffffffffffc00, 0, 0x43dfffffffffffff
        T_D2I 563, fcvt.lu.d, rtz, 0x0000000000000000, FF_NV, 0xc3e0000000000001
        T_D2I 564, fcvt.lu.d, rne, 0xffffffffffffffff, FF_NV, 0x43f0000000000000
        T_D2I 565, fcvt.lu.d, rtz, 0xfffffffffffff800, 0, 0x43efffffffffffff
        T_D2I 566, fcvt.lu.d, rne, 0x0000000000000000, FF_NV, 0xbff0000000000000
        T_D2I 567, fcvt.lu.d, rne, 0x0000000000000000, 0, 0x8000000000000000
        T_D2I 568, fcvt.lu.d, rtz, 0xffffffffffffffff, FF_NV, 0x7fefffffffffffff
        T_S2I 569, fcvt.w.s, rmm, 0x0000000000000000, FF_NX, 0x00000001
        T_D2I 570, fcvt.l.d, rtz, 0x7fffffffffffffff, FF_NV, 0xfff4000000000000
        T_S2I 571, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0x3b28e0ee
        T_D2I 572, fcvt.lu.d, rne, 0x0000000000000002, 0, 0x4000000000000000
        T_S2I 573, fcvt.w.s, rup, 0x000000007fffffff, FF_NV, 0x7f1f23b4
        T_D2I 574, fcvt.wu.d, rmm, 0x0000000000000000, FF_NX, 0x000111f75598e204
        T_S2I 575, fcvt.l.s, rdn, 0x0000000000000000, FF_NX, 0x1e7ffe83
        T_D2I 576, fcvt.l.d, rup, 0x0000000000000000, FF_NX, 0x946119f8b15f2a4c
        T_S2I 577, fcvt.wu.s, rtz, 0xffffffffffffffff, FF_NV, 0x6d284b1c
        T_D2I 578, fcvt.l.d, rmm, 0x0000000000000000, FF_NX, 0xbfbf34ad5f6def94
        T_S2I 579, fcvt.l.s, rdn, 0x0000000000000000, FF_NX, 0x3c87a3ea
        T_D2I 580, fcvt.l.d, rne, 0x0000000000000000, FF_NX, 0x294faf46dc04207b
        T_S2I 581, fcvt.w.s, rup, 0x000000007fffffff, FF_NV, 0x7e9f1000
        T_D2I 582, fcvt.l.d, rmm, 0x0000000000000000, FF_NX, 0x3ca0000000000000
        T_S2I 583, fcvt.l.s, rne, 0x0000000000000001, FF_NX, 0x3f800001
        T_D2I 584, fcvt.wu.d, rdn, 0x0000000000000000, FF_NV, 0xce13e3de71a5fcb0
        T_S2I 585, fcvt.l.s, rne, 0x7fffffffffffffff, FF_NV, 0xffa00000
        T_D2I 586, fcvt.wu.d, rtz, 0x0000000000000000, FF_NX, 0x0715a24b5ad8c89e
        T_S2I 587, fcvt.wu.s, rtz, 0xffffffffffffffff, FF_NV, 0x7f800000
        T_D2I 588, fcvt.w.d, rup, 0x0000000000000000, FF_NX, 0xbfbd5afad70eaf8e
        T_S2I 589, fcvt.wu.s, rdn, 0x0000000000000000, FF_NX, 0x0085461d
        T_D2I 590, fcvt.l.d, rne, 0x7fffffffffffffff, FF_NV, 0x68dba1482f110509
        T_S2I 591, fcvt.wu.s, rne, 0x0000000000000000, FF_NV, 0xc064ba61
        T_D2I 592, fcvt.lu.d, rtz, 0x0000000000000000, FF_NV, 0xe9bab16a98500000
        T_S2I 593, fcvt.wu.s, rne, 0xffffffffffffffff, FF_NV, 0x7e925a62
        T_D2I 594, fcvt.l.d, rup, 0xffffffffffffffe7, FF_NX, 0xc039573f8de00000
        T_S2I 595, fcvt.wu.s, rne, 0x0000000000000000, FF_NX, 0x815fcee5
        T_D2I 596, fcvt.wu.d, rdn, 0x0000000000000001, FF_NX, 0x3ff7c97e31ce8d48
        T_S2I 597, fcvt.l.s, rup, 0x0000000000000000, FF_NX, 0x800abf25
        T_D2I 598, fcvt.l.d, rmm, 0x0000000000000000, FF_NX, 0x8010000000000001
        T_S2I 599, fcvt.w.s, rmm, 0x0000000000000000, FF_NX, 0x311fcc6a
        T_D2I 600, fcvt.l.d, rmm, 0x7fffffffffffffff, FF_NV, 0x6cfe1b2b2589ab90
        T_S2I 601, fcvt.wu.s, rdn, 0x0000000000000042, FF_NX, 0x4284d246
        T_D2I 602, fcvt.l.d, rdn, 0x0000000000000025, FF_NX, 0x40429974514fcaca
        T_S2I 603, fcvt.lu.s, rne, 0x0000000000000000, FF_NX, 0xa3918000
        T_D2I 604, fcvt.wu.d, rup, 0x0000000000000001, FF_NX, 0x0027eace9da1f83e
        T_S2I 605, fcvt.w.s, rdn, 0x0000000000000000, FF_NX, 0x14ae282a
        T_D2I 606, fcvt.wu.d, rtz, 0x0000000000000000, FF_NX, 0x8a5e850cf123b7ba
        T_S2I 607, fcvt.l.s, rmm, 0x0000000000000000, FF_NX, 0x3eaaaaab
        T_D2I 608, fcvt.w.d, rdn, 0xffffffffffffffff, FF_NX, 0x801eb9ebf656d59f
        T_S2I 609, fcvt.l.s, rup, 0x7fffffffffffffff, FF_NV, 0x7ed34b26
        T_D2I 610, fcvt.l.d, rup, 0x8000000000000000, FF_NV, 0xcf489c7bb222c579
        T_S2I 611, fcvt.wu.s, rtz, 0x0000000000000000, FF_NX, 0x807fffff
        T_D2I 612, fcvt.lu.d, rmm, 0x0000000000000001, FF_NX, 0x3ff0000000000001
        T_S2I 613, fcvt.wu.s, rup, 0x0000000000000001, FF_NX, 0x3d3ccf6a
        T_D2I 614, fcvt.wu.d, rmm, 0x0000000000000000, FF_NX, 0x0010000000000000
        T_S2I 615, fcvt.l.s, rtz, 0x0000000000000000, FF_NX, 0x80a04d3e
        T_D2I 616, fcvt.w.d, rup, 0xffffffff80000000, FF_NV, 0xe67a93fc3c71627f
        # integer -> float; the .w/.wu forms read only the low 32 bits of rs1
        T_I2S 617, fcvt.s.w, rne, 0x00000000, 0, 0x0000000000000000
        T_I2S 618, fcvt.s.w, rne, 0x3f800000, 0, 0x0000000000000001
        T_I2S 619, fcvt.s.w, rne, 0xbf800000, 0, 0xffffffffffffffff
        T_I2S 620, fcvt.s.w, rne, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 621, fcvt.s.w, rne, 0x4b800002, FF_NX, 0x0000000001000003
        T_I2S 622, fcvt.s.w, rne, 0x4f000000, FF_NX, 0x000000007fffffff
        T_I2S 623, fcvt.s.w, rne, 0xcf000000, 0, 0x0000000080000000
        T_I2S 624, fcvt.s.w, rne, 0xbf800000, 0, 0x00000000ffffffff
        T_I2S 625, fcvt.s.w, rne, 0xcf000000, FF_NX, 0x1234567880000001
        T_I2S 626, fcvt.s.w, rne, 0x3f800000, 0, 0x0020000000000001
        T_I2S 627, fcvt.s.w, rne, 0x00000000, 0, 0x8000000000000000
        T_I2S 628, fcvt.s.w, rne, 0xbf800000, 0, 0x7fffffffffffffff
        T_I2S 629, fcvt.s.w, rne, 0x3f800000, 0, 0x8000000000000001
        T_I2S 630, fcvt.s.w, rne, 0xc4802000, 0, 0xfffffffffffffbff
        T_I2S 631, fcvt.s.w, rne, 0x00000000, 0, 0x7ffffe8000000000
        T_I2S 632, fcvt.s.w, rtz, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 633, fcvt.s.w, rtz, 0xcb800001, FF_NX, 0xfffffffffefffffd
        T_I2S 634, fcvt.s.w, rtz, 0xbf800000, 0, 0x7fffffffffffffff
        T_I2S 635, fcvt.s.w, rdn, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 636, fcvt.s.w, rdn, 0xcb800002, FF_NX, 0xfffffffffefffffd
        T_I2S 637, fcvt.s.w, rdn, 0xbf800000, 0, 0x7fffffffffffffff
        T_I2S 638, fcvt.s.w, rup, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 639, fcvt.s.w, rup, 0xcb800001, FF_NX, 0xfffffffffefffffd
        T_I2S 640, fcvt.s.w, rup, 0xbf800000, 0, 0x7fffffffffffffff
        T_I2S 641, fcvt.s.w, rmm, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 642, fcvt.s.w, rmm, 0xcb800002, FF_NX, 0xfffffffffefffffd
        T_I2S 643, fcvt.s.w, rmm, 0xbf800000, 0, 0x7fffffffffffffff
        T_I2S 644, fcvt.s.wu, rne, 0x00000000, 0, 0x0000000000000000
        T_I2S 645, fcvt.s.wu, rne, 0x3f800000, 0, 0x0000000000000001
        T_I2S 646, fcvt.s.wu, rne, 0x4f800000, FF_NX, 0xffffffffffffffff
        T_I2S 647, fcvt.s.wu, rne, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 648, fcvt.s.wu, rne, 0x4b800002, FF_NX, 0x0000000001000003
        T_I2S 649, fcvt.s.wu, rne, 0x4f000000, FF_NX, 0x000000007fffffff
        T_I2S 650, fcvt.s.wu, rne, 0x4f000000, 0, 0x0000000080000000
        T_I2S 651, fcvt.s.wu, rne, 0x4f800000, FF_NX, 0x00000000ffffffff
        T_I2S 652, fcvt.s.wu, rne, 0x4f000000, FF_NX, 0x1234567880000001
        T_I2S 653, fcvt.s.wu, rne, 0x3f800000, 0, 0x0020000000000001
        T_I2S 654, fcvt.s.wu, rne, 0x00000000, 0, 0x8000000000000000
        T_I2S 655, fcvt.s.wu, rne, 0x4f800000, FF_NX, 0x7fffffffffffffff
        T_I2S 656, fcvt.s.wu, rne, 0x3f800000, 0, 0x8000000000000001
        T_I2S 657, fcvt.s.wu, rne, 0x4f7ffffc, FF_NX, 0xfffffffffffffbff
        T_I2S 658, fcvt.s.wu, rne, 0x00000000, 0, 0x7ffffe8000000000
        T_I2S 659, fcvt.s.wu, rtz, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 660, fcvt.s.wu, rtz, 0x4f7effff, FF_NX, 0xfffffffffefffffd
        T_I2S 661, fcvt.s.wu, rtz, 0x4f7fffff, FF_NX, 0x7fffffffffffffff
        T_I2S 662, fcvt.s.wu, rdn, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 663, fcvt.s.wu, rdn, 0x4f7effff, FF_NX, 0xfffffffffefffffd
        T_I2S 664, fcvt.s.wu, rdn, 0x4f7fffff, FF_NX, 0x7fffffffffffffff
        T_I2S 665, fcvt.s.wu, rup, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 666, fcvt.s.wu, rup, 0x4f7f0000, FF_NX, 0xfffffffffefffffd
        T_I2S 667, fcvt.s.wu, rup, 0x4f800000, FF_NX, 0x7fffffffffffffff
        T_I2S 668, fcvt.s.wu, rmm, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 669, fcvt.s.wu, rmm, 0x4f7f0000, FF_NX, 0xfffffffffefffffd
        T_I2S 670, fcvt.s.wu, rmm, 0x4f800000, FF_NX, 0x7fffffffffffffff
        T_I2S 671, fcvt.s.l, rne, 0x00000000, 0, 0x0000000000000000
        T_I2S 672, fcvt.s.l, rne, 0x3f800000, 0, 0x0000000000000001
        T_I2S 673, fcvt.s.l, rne, 0xbf800000, 0, 0xffffffffffffffff
        T_I2S 674, fcvt.s.l, rne, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 675, fcvt.s.l, rne, 0x4b800002, FF_NX, 0x0000000001000003
        T_I2S 676, fcvt.s.l, rne, 0x4f000000, FF_NX, 0x000000007fffffff
        T_I2S 677, fcvt.s.l, rne, 0x4f000000, 0, 0x0000000080000000
        T_I2S 678, fcvt.s.l, rne, 0x4f800000, FF_NX, 0x00000000ffffffff
        T_I2S 679, fcvt.s.l, rne, 0x5d91a2b4, FF_NX, 0x1234567880000001
        T_I2S 680, fcvt.s.l, rne, 0x5a000000, FF_NX, 0x0020000000000001
        T_I2S 681, fcvt.s.l, rne, 0xdf000000, 0, 0x8000000000000000
        T_I2S 682, fcvt.s.l, rne, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 683, fcvt.s.l, rne, 0xdf000000, FF_NX, 0x8000000000000001
        T_I2S 684, fcvt.s.l, rne, 0xc4802000, 0, 0xfffffffffffffbff
        T_I2S 685, fcvt.s.l, rne, 0x5efffffd, 0, 0x7ffffe8000000000
        T_I2S 686, fcvt.s.l, rtz, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 687, fcvt.s.l, rtz, 0xcb800001, FF_NX, 0xfffffffffefffffd
        T_I2S 688, fcvt.s.l, rtz, 0x5effffff, FF_NX, 0x7fffffffffffffff
        T_I2S 689, fcvt.s.l, rdn, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 690, fcvt.s.l, rdn, 0xcb800002, FF_NX, 0xfffffffffefffffd
        T_I2S 691, fcvt.s.l, rdn, 0x5effffff, FF_NX, 0x7fffffffffffffff
        T_I2S 692, fcvt.s.l, rup, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 693, fcvt.s.l, rup, 0xcb800001, FF_NX, 0xfffffffffefffffd
        T_I2S 694, fcvt.s.l, rup, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 695, fcvt.s.l, rmm, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 696, fcvt.s.l, rmm, 0xcb800002, FF_NX, 0xfffffffffefffffd
        T_I2S 697, fcvt.s.l, rmm, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 698, fcvt.s.lu, rne, 0x00000000, 0, 0x0000000000000000
        T_I2S 699, fcvt.s.lu, rne, 0x3f800000, 0, 0x0000000000000001
        T_I2S 700, fcvt.s.lu, rne, 0x5f800000, FF_NX, 0xffffffffffffffff
        T_I2S 701, fcvt.s.lu, rne, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 702, fcvt.s.lu, rne, 0x4b800002, FF_NX, 0x0000000001000003
        T_I2S 703, fcvt.s.lu, rne, 0x4f000000, FF_NX, 0x000000007fffffff
        T_I2S 704, fcvt.s.lu, rne, 0x4f000000, 0, 0x0000000080000000
        T_I2S 705, fcvt.s.lu, rne, 0x4f800000, FF_NX, 0x00000000ffffffff
        T_I2S 706, fcvt.s.lu, rne, 0x5d91a2b4, FF_NX, 0x1234567880000001
        T_I2S 707, fcvt.s.lu, rne, 0x5a000000, FF_NX, 0x0020000000000001
        T_I2S 708, fcvt.s.lu, rne, 0x5f000000, 0, 0x8000000000000000
        T_I2S 709, fcvt.s.lu, rne, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 710, fcvt.s.lu, rne, 0x5f000000, FF_NX, 0x8000000000000001
        T_I2S 711, fcvt.s.lu, rne, 0x5f800000, FF_NX, 0xfffffffffffffbff
        T_I2S 712, fcvt.s.lu, rne, 0x5efffffd, 0, 0x7ffffe8000000000
        T_I2S 713, fcvt.s.lu, rtz, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 714, fcvt.s.lu, rtz, 0x5f7fffff, FF_NX, 0xfffffffffefffffd
        T_I2S 715, fcvt.s.lu, rtz, 0x5effffff, FF_NX, 0x7fffffffffffffff
        T_I2S 716, fcvt.s.lu, rdn, 0x4b800000, FF_NX, 0x0000000001000001
        T_I2S 717, fcvt.s.lu, rdn, 0x5f7fffff, FF_NX, 0xfffffffffefffffd
        T_I2S 718, fcvt.s.lu, rdn, 0x5effffff, FF_NX, 0x7fffffffffffffff
        T_I2S 719, fcvt.s.lu, rup, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 720, fcvt.s.lu, rup, 0x5f800000, FF_NX, 0xfffffffffefffffd
        T_I2S 721, fcvt.s.lu, rup, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2S 722, fcvt.s.lu, rmm, 0x4b800001, FF_NX, 0x0000000001000001
        T_I2S 723, fcvt.s.lu, rmm, 0x5f800000, FF_NX, 0xfffffffffefffffd
        T_I2S 724, fcvt.s.lu, rmm, 0x5f000000, FF_NX, 0x7fffffffffffffff
        T_I2DX 725, fcvt.d.w, 0x0000000000000000, 0, 0x0000000000000000
        T_I2DX 726, fcvt.d.w, 0x3ff0000000000000, 0, 0x0000000000000001
        T_I2DX 727, fcvt.d.w, 0xbff0000000000000, 0, 0xffffffffffffffff
        T_I2DX 728, fcvt.d.w, 0x4170000010000000, 0, 0x0000000001000001
        T_I2DX 729, fcvt.d.w, 0x4170000030000000, 0, 0x0000000001000003
        T_I2DX 730, fcvt.d.w, 0x41dfffffffc00000, 0, 0x000000007fffffff
        T_I2DX 731, fcvt.d.w, 0xc1e0000000000000, 0, 0x0000000080000000
        T_I2DX 732, fcvt.d.w, 0xbff0000000000000, 0, 0x00000000ffffffff
        T_I2DX 733, fcvt.d.w, 0xc1dfffffffc00000, 0, 0x1234567880000001
        T_I2DX 734, fcvt.d.w, 0x3ff0000000000000, 0, 0x0020000000000001
        T_I2DX 735, fcvt.d.w, 0x0000000000000000, 0, 0x8000000000000000
        T_I2DX 736, fcvt.d.w, 0xbff0000000000000, 0, 0x7fffffffffffffff
        T_I2DX 737, fcvt.d.w, 0x3ff0000000000000, 0, 0x8000000000000001
        T_I2DX 738, fcvt.d.w, 0xc090040000000000, 0, 0xfffffffffffffbff
        T_I2DX 739, fcvt.d.w, 0x0000000000000000, 0, 0x7ffffe8000000000
        T_I2DX 740, fcvt.d.wu, 0x0000000000000000, 0, 0x0000000000000000
        T_I2DX 741, fcvt.d.wu, 0x3ff0000000000000, 0, 0x0000000000000001
        T_I2DX 742, fcvt.d.wu, 0x41efffffffe00000, 0, 0xffffffffffffffff
        T_I2DX 743, fcvt.d.wu, 0x4170000010000000, 0, 0x0000000001000001
        T_I2DX 744, fcvt.d.wu, 0x4170000030000000, 0, 0x0000000001000003
        T_I2DX 745, fcvt.d.wu, 0x41dfffffffc00000, 0, 0x000000007fffffff
        T_I2DX 746, fcvt.d.wu, 0x41e0000000000000, 0, 0x0000000080000000
        T_I2DX 747, fcvt.d.wu, 0x41efffffffe00000, 0, 0x00000000ffffffff
        T_I2DX 748, fcvt.d.wu, 0x41e0000000200000, 0, 0x1234567880000001
        T_I2DX 749, fcvt.d.wu, 0x3ff0000000000000, 0, 0x0020000000000001
        T_I2DX 750, fcvt.d.wu, 0x0000000000000000, 0, 0x8000000000000000
        T_I2DX 751, fcvt.d.wu, 0x41efffffffe00000, 0, 0x7fffffffffffffff
        T_I2DX 752, fcvt.d.wu, 0x3ff0000000000000, 0, 0x8000000000000001
        T_I2DX 753, fcvt.d.wu, 0x41efffff7fe00000, 0, 0xfffffffffffffbff
        T_I2DX 754, fcvt.d.wu, 0x0000000000000000, 0, 0x7ffffe8000000000
        T_I2D 755, fcvt.d.l, rne, 0x0000000000000000, 0, 0x0000000000000000
        T_I2D 756, fcvt.d.l, rne, 0x3ff0000000000000, 0, 0x0000000000000001
        T_I2D 757, fcvt.d.l, rne, 0xbff0000000000000, 0, 0xffffffffffffffff
        T_I2D 758, fcvt.d.l, rne, 0x4170000010000000, 0, 0x0000000001000001
        T_I2D 759, fcvt.d.l, rne, 0x4170000030000000, 0, 0x0000000001000003
        T_I2D 760, fcvt.d.l, rne, 0x41dfffffffc00000, 0, 0x000000007fffffff
        T_I2D 761, fcvt.d.l, rne, 0x41e0000000000000, 0, 0x0000000080000000
        T_I2D 762, fcvt.d.l, rne, 0x41efffffffe00000, 0, 0x00000000ffffffff
        T_I2D 763, fcvt.d.l, rne, 0x43b2345678800000, FF_NX, 0x1234567880000001
        T_I2D 764, fcvt.d.l, rne, 0x4340000000000000, FF_NX, 0x0020000000000001
        T_I2D 765, fcvt.d.l, rne, 0xc3e0000000000000, 0, 0x8000000000000000
        T_I2D 766, fcvt.d.l, rne, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff
        T_I2D 767, fcvt.d.l, rne, 0xc3e0000000000000, FF_NX, 0x8000000000000001
        T_I2D 768, fcvt.d.l, rne, 0xc090040000000000, 0, 0xfffffffffffffbff
        T_I2D 769, fcvt.d.l, rne, 0x43dfffffa0000000, 0, 0x7ffffe8000000000
        T_I2D 770, fcvt.d.l, rtz, 0x4340000000000000, FF_NX, 0x0020000000000001
        T_I2D 771, fcvt.d.l, rtz, 0xc340000000000001, FF_NX, 0xffdffffffffffffd
        T_I2D 772, fcvt.d.l, rdn, 0x4340000000000000, FF_NX, 0x0020000000000001
        T_I2D 773, fcvt.d.l, rdn, 0xc340000000000002, FF_NX, 0xffdffffffffffffd
        T_I2D 774, fcvt.d.l, rup, 0x4340000000000001, FF_NX, 0x0020000000000001
        T_I2D 775, fcvt.d.l, rup, 0xc340000000000001, FF_NX, 0xffdffffffffffffd
        T_I2D 776, fcvt.d.l, rmm, 0x4340000000000001, FF_NX, 0x0020000000000001
        T_I2D 777, fcvt.d.l, rmm, 0xc340000000000002, FF_NX, 0xffdffffffffffffd
        T_I2D 778, fcvt.d.lu, rne, 0x0000000000000000, 0, 0x0000000000000000
        T_I2D 779, fcvt.d.lu, rne, 0x3ff0000000000000, 0, 0x0000000000000001
        T_I2D 780, fcvt.d.lu, rne, 0x43f0000000000000, FF_NX, 0xffffffffffffffff
        T_I2D 781, fcvt.d.lu, rne, 0x4170000010000000, 0, 0x0000000001000001
        T_I2D 782, fcvt.d.lu, rne, 0x4170000030000000, 0, 0x0000000001000003
        T_I2D 783, fcvt.d.lu, rne, 0x41dfffffffc00000, 0, 0x000000007fffffff
        T_I2D 784, fcvt.d.lu, rne, 0x41e0000000000000, 0, 0x0000000080000000
        T_I2D 785, fcvt.d.lu, rne, 0x41efffffffe00000, 0, 0x00000000ffffffff
        T_I2D 786, fcvt.d.lu, rne, 0x43b2345678800000, FF_NX, 0x1234567880000001
        T_I2D 787, fcvt.d.lu, rne, 0x4340000000000000, FF_NX, 0x0020000000000001
        T_I2D 788, fcvt.d.lu, rne, 0x43e0000000000000, 0, 0x8000000000000000
        T_I2D 789, fcvt.d.lu, rne, 0x43e0000000000000, FF_NX, 0x7fffffffffffffff
        T_I2D 790, fcvt.d.lu, rne, 0x43e0000000000000, FF_NX, 0x8000000000000001
        T_I2D 791, fcvt.d.lu, rne, 0x43efffffffffffff, FF_NX, 0xfffffffffffffbff
        T_I2D 792, fcvt.d.lu, rne, 0x43dfffffa0000000, 0, 0x7ffffe8000000000
        T_I2D 793, fcvt.d.lu, rtz, 0x4340000000000000, FF_NX, 0x0020000000000001
        T_I2D 794, fcvt.d.lu, rtz, 0x43effbffffffffff, FF_NX, 0xffdffffffffffffd
        T_I2D 795, fcvt.d.lu, rdn, 0x4340000000000000, FF_NX, 0x0020000000000001
        T_I2D 796, fcvt.d.lu, rdn, 0x43effbffffffffff, FF_NX, 0xffdffffffffffffd
        T_I2D 797, fcvt.d.lu, rup, 0x4340000000000001, FF_NX, 0x0020000000000001
        T_I2D 798, fcvt.d.lu, rup, 0x43effc0000000000, FF_NX, 0xffdffffffffffffd
        T_I2D 799, fcvt.d.lu, rmm, 0x4340000000000001, FF_NX, 0x0020000000000001
        T_I2D 800, fcvt.d.lu, rmm, 0x43effc0000000000, FF_NX, 0xffdffffffffffffd
        T_I2S 801, fcvt.s.lu, rtz, 0x46817600, 0, 0x00000000000040bb
        T_I2D 802, fcvt.d.lu, rup, 0x40d02ec000000000, 0, 0x00000000000040bb
        T_I2DX 803, fcvt.d.w, 0x40d02ec000000000, 0, 0x00000000000040bb
        T_I2S 804, fcvt.s.wu, rdn, 0x4e7d544c, FF_NX, 0xffffff5b3f55131d
        T_I2D 805, fcvt.d.lu, rup, 0x43efffffeb67eaa3, FF_NX, 0xffffff5b3f55131d
        T_I2DX 806, fcvt.d.w, 0x41cfaa898e800000, 0, 0xffffff5b3f55131d
        T_I2S 807, fcvt.s.w, rtz, 0x4e74fb16, FF_NX, 0x0000000c3d3ec5b8
        T_I2D 808, fcvt.d.l, rup, 0x42287a7d8b700000, 0, 0x0000000c3d3ec5b8
        T_I2DX 809, fcvt.d.wu, 0x41ce9f62dc000000, 0, 0x0000000c3d3ec5b8
        T_I2S 810, fcvt.s.l, rmm, 0xda79d19a, FF_NX, 0xffc18b9983d68af9
        T_I2D 811, fcvt.d.lu, rup, 0x43eff83173307ad2, FF_NX, 0xffc18b9983d68af9
        T_I2DX 812, fcvt.d.wu, 0x41e07ad15f200000, 0, 0xffc18b9983d68af9
        T_I2S 813, fcvt.s.l, rup, 0xce10ce40, FF_NX, 0xffffffffdbcc6ff8
        T_I2D 814, fcvt.d.l, rne, 0xc1c219c804000000, 0, 0xffffffffdbcc6ff8
        T_I2DX 815, fcvt.d.w, 0xc1c219c804000000, 0, 0xffffffffdbcc6ff8
        T_I2S 816, fcvt.s.l, rtz, 0x55aa2bd8, FF_NX, 0x000015457b08091e
        T_I2D 817, fcvt.d.lu, rup, 0x42b5457b08091e00, 0, 0x000015457b08091e
        T_I2DX 818, fcvt.d.w, 0x41dec20247800000, 0, 0x000015457b08091e
        T_I2S 819, fcvt.s.wu, rup, 0x4edf8252, FF_NX, 0x00000b5c6fc128ea
        T_I2D 820, fcvt.d.l, rup, 0x42a6b8df8251d400, 0, 0x00000b5c6fc128ea
        T_I2DX 821, fcvt.d.w, 0x41dbf04a3a800000, 0, 0x00000b5c6fc128ea
        T_I2S 822, fcvt.s.w, rne, 0x432d0000, 0, 0x00000000000000ad
        T_I2D 823, fcvt.d.l, rup, 0x4065a00000000000, 0, 0x00000000000000ad
        T_I2DX 824, fcvt.d.wu, 0x4065a00000000000, 0, 0x00000000000000ad
        T_I2S 825, fcvt.s.w, rmm, 0xcebd9c7f, FF_NX, 0x000c019ba131c05c
        T_I2D 826, fcvt.d.l, rup, 0x43280337426380b8, 0, 0x000c019ba131c05c
        T_I2DX 827, fcvt.d.wu, 0x41e426380b800000, 0, 0x000c019ba131c05c
        T_I2S 828, fcvt.s.w, rup, 0x43aa0000, 0, 0x0000000000000154
        T_I2D 829, fcvt.d.l, rtz, 0x4075400000000000, 0, 0x0000000000000154
        T_I2DX 830, fcvt.d.w, 0x4075400000000000, 0, 0x0000000000000154
        T_I2S 831, fcvt.s.w, rup, 0xce3c38cf, FF_NX, 0xc7a00c54d0f1cc1b
        T_I2D 832, fcvt.d.l, rup, 0xc3cc2ff9d5978719, FF_NX, 0xc7a00c54d0f1cc1b
        T_I2DX 833, fcvt.d.wu, 0x41ea1e3983600000, 0, 0xc7a00c54d0f1cc1b
        T_I2S 834, fcvt.s.l, rne, 0xdd80ade8, FF_NX, 0xefea42f5fb1dd0a3
        T_I2D 835, fcvt.d.l, rne, 0xc3b015bd0a04e22f, FF_NX, 0xefea42f5fb1dd0a3
        T_I2DX 836, fcvt.d.w, 0xc19388bd74000000, 0, 0xefea42f5fb1dd0a3
        T_I2S 837, fcvt.s.w, rup, 0xce527ca7, FF_NX, 0x002bfb4bcb60d603
        T_I2D 838, fcvt.d.l, rdn, 0x4345fda5e5b06b01, FF_NX, 0x002bfb4bcb60d603
        T_I2DX 839, fcvt.d.w, 0xc1ca4f94fe800000, 0, 0x002bfb4bcb60d603
        T_I2S 840, fcvt.s.l, rup, 0x5bf4d928, FF_NX, 0x01e9b24f4b9cdf81
        T_I2D 841, fcvt.d.lu, rtz, 0x437e9b24f4b9cdf8, FF_NX, 0x01e9b24f4b9cdf81
        T_I2DX 842, fcvt.d.wu, 0x41d2e737e0400000, 0, 0x01e9b24f4b9cdf81
        T_I2S 843, fcvt.s.w, rup, 0x4ea54c31, FF_NX, 0x0000038252a6187f
        T_I2D 844, fcvt.d.l, rtz, 0x428c129530c3f800, 0, 0x0000038252a6187f
        T_I2DX 845, fcvt.d.w, 0x41d4a9861fc00000, 0, 0x0000038252a6187f
        T_I2S 846, fcvt.s.lu, rdn, 0x522c8146, FF_NX, 0x0000002b2051aa89
        T_I2D 847, fcvt.d.l, rup, 0x42459028d5448000, 0, 0x0000002b2051aa89
        T_I2DX 848, fcvt.d.w, 0x41c028d544800000, 0, 0x0000002b2051aa89
        # fcvt.s.d (rounding, overflow, underflow, NaNs) and fcvt.d.s (exact)
        T_D2S 849, rne, 0x3eaaaaab, FF_NX, 0x3fd5555555555555
        T_D2S 850, rtz, 0x3eaaaaaa, FF_NX, 0x3fd5555555555555
        T_D2S 851, rdn, 0x3eaaaaaa, FF_NX, 0x3fd5555555555555
        T_D2S 852, rup, 0x3eaaaaab, FF_NX, 0x3fd5555555555555
        T_D2S 853, rmm, 0x3eaaaaab, FF_NX, 0x3fd5555555555555
        T_D2S 854, rne, 0xbeaaaaab, FF_NX, 0xbfd5555555555555
        T_D2S 855, rtz, 0xbeaaaaaa, FF_NX, 0xbfd5555555555555
        T_D2S 856, rdn, 0xbeaaaaab, FF_NX, 0xbfd5555555555555
        T_D2S 857, rup, 0xbeaaaaaa, FF_NX, 0xbfd5555555555555
        T_D2S 858, rmm, 0xbeaaaaab, FF_NX, 0xbfd5555555555555
        T_D2S 859, rne, 0x7f7fffff, FF_NX, 0x47efffffefffffff
        T_D2S 860, rtz, 0x7f7fffff, FF_NX, 0x47efffffefffffff
        T_D2S 861, rdn, 0x7f7fffff, FF_NX, 0x47efffffefffffff
        T_D2S 862, rup, 0x7f800000, FF_OF|FF_NX, 0x47efffffefffffff
        T_D2S 863, rmm, 0x7f7fffff, FF_NX, 0x47efffffefffffff
        T_D2S 864, rne, 0x7f7fffff, 0, 0x47efffffe0000000
        T_D2S 865, rtz, 0x7f7fffff, 0, 0x47efffffe0000000
        T_D2S 866, rdn, 0x7f7fffff, 0, 0x47efffffe0000000
        T_D2S 867, rup, 0x7f7fffff, 0, 0x47efffffe0000000
        T_D2S 868, rmm, 0x7f7fffff, 0, 0x47efffffe0000000
        T_D2S 869, rne, 0xff800000, FF_OF|FF_NX, 0xc7f0000000000000
        T_D2S 870, rtz, 0xff7fffff, FF_OF|FF_NX, 0xc7f0000000000000
        T_D2S 871, rdn, 0xff800000, FF_OF|FF_NX, 0xc7f0000000000000
        T_D2S 872, rup, 0xff7fffff, FF_OF|FF_NX, 0xc7f0000000000000
        T_D2S 873, rmm, 0xff800000, FF_OF|FF_NX, 0xc7f0000000000000
        T_D2S 874, rne, 0x00000002, FF_UF|FF_NX, 0x36a8000000000000
        T_D2S 875, rtz, 0x00000001, FF_UF|FF_NX, 0x36a8000000000000
        T_D2S 876, rdn, 0x00000001, FF_UF|FF_NX, 0x36a8000000000000
        T_D2S 877, rup, 0x00000002, FF_UF|FF_NX, 0x36a8000000000000
        T_D2S 878, rmm, 0x00000002, FF_UF|FF_NX, 0x36a8000000000000
        T_D2S 879, rne, 0x00000001, 0, 0x36a0000000000000
        T_D2S 880, rtz, 0x00000001, 0, 0x36a0000000000000
        T_D2S 881, rdn, 0x00000001, 0, 0x36a0000000000000
        T_D2S 882, rup, 0x00000001, 0, 0x36a0000000000000
        T_D2S 883, rmm, 0x00000001, 0, 0x36a0000000000000
        T_D2S 884, rne, 0x00000001, FF_UF|FF_NX, 0x3690000000000001
        T_D2S 885, rtz, 0x00000000, FF_UF|FF_NX, 0x3690000000000001
        T_D2S 886, rdn, 0x00000000, FF_UF|FF_NX, 0x3690000000000001
        T_D2S 887, rup, 0x00000001, FF_UF|FF_NX, 0x3690000000000001
        T_D2S 888, rmm, 0x00000001, FF_UF|FF_NX, 0x3690000000000001
        T_D2S 889, rne, 0x00800000, FF_NX, 0x380fffffffffffff
        T_D2S 890, rtz, 0x007fffff, FF_UF|FF_NX, 0x380fffffffffffff
        T_D2S 891, rdn, 0x007fffff, FF_UF|FF_NX, 0x380fffffffffffff
        T_D2S 892, rup, 0x00800000, FF_NX, 0x380fffffffffffff
        T_D2S 893, rmm, 0x00800000, FF_NX, 0x380fffffffffffff
        T_D2S 894, rne, 0x00000000, FF_UF|FF_NX, 0x0000000000000001
        T_D2S 895, rtz, 0x00000000, FF_UF|FF_NX, 0x0000000000000001
        T_D2S 896, rdn, 0x00000000, FF_UF|FF_NX, 0x0000000000000001
        T_D2S 897, rup, 0x00000001, FF_UF|FF_NX, 0x0000000000000001
        T_D2S 898, rmm, 0x00000000, FF_UF|FF_NX, 0x0000000000000001
        T_D2S 899, rne, 0x80000000, FF_UF|FF_NX, 0x8000000000000001
        T_D2S 900, rtz, 0x80000000, FF_UF|FF_NX, 0x8000000000000001
        T_D2S 901, rdn, 0x80000001, FF_UF|FF_NX, 0x8000000000000001
        T_D2S 902, rup, 0x80000000, FF_UF|FF_NX, 0x8000000000000001
        T_D2S 903, rmm, 0x80000000, FF_UF|FF_NX, 0x8000000000000001
        T_D2S 904, rne, 0x3f800000, FF_NX, 0x3ff0000010000000
        T_D2S 905, rtz, 0x3f800000, FF_NX, 0x3ff0000010000000
        T_D2S 906, rdn, 0x3f800000, FF_NX, 0x3ff0000010000000
        T_D2S 907, rup, 0x3f800001, FF_NX, 0x3ff0000010000000
        T_D2S 908, rmm, 0x3f800001, FF_NX, 0x3ff0000010000000
        T_D2S 909, rne, 0x7fc00000, 0, 0x7ff8000000000000
        T_D2S 910, rne, 0x7fc00000, FF_NV, 0x7ff0000000000001
        T_D2S 911, rne, 0x7fc00000, 0, 0xfff8000000012345
        T_D2S 912, rne, 0x7f800000, 0, 0x7ff0000000000000
        T_D2S 913, rne, 0xff800000, 0, 0xfff0000000000000
        T_D2S 914, rne, 0x00000000, 0, 0x0000000000000000
        T_D2S 915, rne, 0x80000000, 0, 0x8000000000000000
        T_D2S 916, rne, 0x7f800000, FF_OF|FF_NX, 0x7fefffffffffffff
        T_S2D 917, 0x0000000000000000, 0, 0x00000000
        T_S2D 918, 0x8000000000000000, 0, 0x80000000
        T_S2D 919, 0x7ff0000000000000, 0, 0x7f800000
        T_S2D 920, 0xfff0000000000000, 0, 0xff800000
        T_S2D 921, 0x7ff8000000000000, 0, 0x7fc00000
        T_S2D 922, 0x7ff8000000000000, 0, 0x7fc12345
        T_S2D 923, 0x7ff8000000000000, FF_NV, 0x7f800001
        T_S2D 924, 0x7ff8000000000000, FF_NV, 0xff800001
        T_S2D 925, 0x36a0000000000000, 0, 0x00000001
        T_S2D 926, 0xb80fffffc0000000, 0, 0x807fffff
        T_S2D 927, 0x47efffffe0000000, 0, 0x7f7fffff
        T_S2D 928, 0x3fd5555560000000, 0, 0x3eaaaaab
        T_D2S 929, rdn, 0x3eaaaaaa, FF_NX, 0x3fd5555555555555
        T_S2D 930, 0x380a303bc0000000, 0, 0x0068c0ef
        T_D2S 931, rup, 0xbd2c2c39, FF_NX, 0xbfa585873d68bd21
        T_S2D 932, 0xc06b023000000000, 0, 0xc3581180
        T_D2S 933, rdn, 0xff800000, FF_OF|FF_NX, 0xffeca64a30d54550
        T_S2D 934, 0x47e2fbb580000000, 0, 0x7f17ddac
        T_D2S 935, rtz, 0x00000000, 0, 0x0000000000000000
        T_S2D 936, 0xc7e1e00000000000, 0, 0xff0f0000
        T_D2S 937, rmm, 0x80000000, FF_UF|FF_NX, 0x9639d00000000000
        T_S2D 938, 0x47e2eaa500000000, 0, 0x7f175528
        T_D2S 939, rup, 0x7fc00000, FF_NV, 0xfff4000000000000
        T_S2D 940, 0xc0dec8c6e0000000, 0, 0xc6f64637
        T_D2S 941, rup, 0xff7fffff, FF_OF|FF_NX, 0xde8f99ae29b30000
        T_S2D 942, 0xbf8ea0f140000000, 0, 0xbc75078a
        T_D2S 943, rdn, 0x7f7fffff, FF_OF|FF_NX, 0x49ea0e09a26b74b8
        T_S2D 944, 0xc428c47a20000000, 0, 0xe14623d1
        T_D2S 945, rup, 0x7f800000, 0, 0x7ff0000000000000
        T_S2D 946, 0x40723ab8e0000000, 0, 0x4391d5c7
        T_D2S 947, rup, 0x00000001, FF_UF|FF_NX, 0x0000000000000001
        T_S2D 948, 0xb80fffffc0000000, 0, 0x807fffff
        T_D2S 949, rmm, 0xff800000, FF_OF|FF_NX, 0xe75c1dbbf0a02279
        T_S2D 950, 0x3af5899580000000, 0, 0x17ac4cac
        T_D2S 951, rne, 0x80000000, FF_UF|FF_NX, 0x8010000000000001
        T_S2D 952, 0xfff0000000000000, 0, 0xff800000

# ---------------------------------------------------------------- fmv: raw bit moves
        TEST 953                             # sNaN bits survive fmv.w.x / fmv.x.w; fmv.w.x NaN-boxes
        fsflags zero
        li a1, 0x7f800001
        fmv.w.x fa0, a1
        fmv.x.w a0, fa0
        CHECK a0, 0x7f800001
        fmv.x.d a0, fa0
        CHECK a0, 0xffffffff7f800001
        CHECK_FFLAGS 0
        TEST 954                             # fmv.w.x ignores rs1[63:32]; fmv.x.w sign-extends bit 31
        li a1, 0x12345678bf800000
        fmv.w.x fa0, a1
        fmv.x.d a0, fa0
        CHECK a0, 0xffffffffbf800000
        fmv.x.w a0, fa0
        CHECK a0, 0xffffffffbf800000
        TEST 955                             # fmv.d.x / fmv.x.d keep sNaN bits and raise nothing
        li a1, 0x7ff0000000000001
        fmv.d.x fa0, a1
        fmv.x.d a0, fa0
        CHECK a0, 0x7ff0000000000001
        CHECK_FFLAGS 0

# ---------------------------------------------------------------- NaN-boxing
        TEST 956                             # improperly boxed single = canonical (quiet) NaN
        li a1, 0x000000003f800000
        fmv.d.x fa0, a1
        LDS fa1, 0x3f800000
        fsflags zero
        fadd.s fa2, fa0, fa1
        CHECK_FS fa2, 0x7fc00000
        CHECK_FFLAGS 0
        TEST 957                             # all upper bits must be ones
        li a1, 0xfffffffe3f800000
        fmv.d.x fa3, a1
        fmul.s fa2, fa1, fa3
        CHECK_FS fa2, 0x7fc00000
        TEST 958
        fclass.s a0, fa0
        CHECK a0, 0x200
        TEST 959                             # fsgnj*.s operate on the canonical NaN
        fsgnj.s fa2, fa0, fa1
        CHECK_FS fa2, 0x7fc00000
        fsgnjn.s fa2, fa0, fa1
        CHECK_FS fa2, 0xffc00000
        fsgnjx.s fa2, fa1, fa0
        CHECK_FS fa2, 0x3f800000
        TEST 960                             # compares see a quiet NaN
        fsflags zero
        feq.s a0, fa0, fa0
        CHECK a0, 0
        CHECK_FFLAGS 0
        flt.s a0, fa0, fa1
        CHECK a0, 0
        CHECK_FFLAGS FF_NV
        TEST 961                             # conversions see a quiet NaN
        fsflags zero
        fcvt.d.s fa2, fa0
        CHECK_FD fa2, 0x7ff8000000000000
        CHECK_FFLAGS 0
        fcvt.w.s a0, fa0, rtz
        CHECK a0, 0x7fffffff
        CHECK_FFLAGS FF_NV
        TEST 962                             # fmin.s/fmax.s return the other operand
        fsflags zero
        fmin.s fa2, fa0, fa1
        CHECK_FS fa2, 0x3f800000
        fmax.s fa2, fa1, fa0
        CHECK_FS fa2, 0x3f800000
        CHECK_FFLAGS 0
        TEST 963                             # fmv.x.w and fsw move the low 32 bits unchanged
        fmv.x.w a0, fa0
        CHECK a0, 0x3f800000
        la a1, fp_buf
        sd zero, 0(a1)
        fsw fa0, 0(a1)
        ld a0, 0(a1)
        CHECK a0, 0x3f800000
        TEST 964                             # single results are NaN-boxed whatever the instruction
        LDD fa0, 0x3ff0000000000000
        fcvt.s.d fa2, fa0
        CHECK_FS fa2, 0x3f800000
        li a1, 7
        fcvt.s.w fa2, a1
        CHECK_FS fa2, 0x40e00000
        LDS fa1, 0x40000000
        fmadd.s fa2, fa1, fa1, fa1
        CHECK_FS fa2, 0x40c00000
        TEST 965                             # a boxed single read as a double is a negative qNaN
        LDS fa0, 0x3f800000
        fclass.d a0, fa0
        CHECK a0, 0x200

# ---------------------------------------------------------------- loads and stores
        TEST 966                             # flw boxes and keeps an sNaN unchanged, no flags
        la a1, fp_data
        fsflags zero
        flw fa0, 4(a1)
        fmv.x.d a0, fa0
        CHECK a0, 0xffffffff7f800001
        CHECK_FFLAGS 0
        TEST 967                             # fsw with a negative offset writes 4 bytes only
        la a1, fp_buf
        li a0, -1
        sd a0, 0(a1)
        addi a2, a1, 16
        fsw fa0, -12(a2)
        ld a0, 0(a1)
        CHECK a0, 0x7f800001ffffffff
        TEST 968                             # fld/fsd move 64 bits unchanged
        la a1, fp_data
        fld fa1, 8(a1)
        fmv.x.d a0, fa1
        CHECK a0, 0x7ff0000000000001
        la a2, fp_buf
        fsd fa1, 8(a2)
        ld a0, 8(a2)
        CHECK a0, 0x7ff0000000000001
        CHECK_FFLAGS 0
        TEST 969                             # fsd of a single register stores the boxed value
        LDS fa0, 0x40490fdb
        fsd fa0, 16(a2)
        ld a0, 16(a2)
        CHECK a0, 0xffffffff40490fdb
        TEST 970                             # flw ignores the upper bits in memory
        flw fa0, 16(a2)
        fmv.x.d a0, fa0
        CHECK a0, 0xffffffff40490fdb
        flw fa0, 20(a2)
        fmv.x.d a0, fa0
        CHECK a0, 0xffffffffffffffff
        TEST 971                             # c.fld / c.fsd
        la a1, fp_data
        c.fld fa4, 16(a1)
        fmv.x.d a0, fa4
        CHECK a0, 0xc00921fb54442d18
        la a2, fp_buf
        c.fsd fa4, 24(a2)
        ld a0, 24(a2)
        CHECK a0, 0xc00921fb54442d18
        c.fld fs1, 8(a1)
        fmv.x.d a0, fs1
        CHECK a0, 0x7ff0000000000001
        TEST 972                             # c.fldsp / c.fsdsp
        addi sp, sp, -32
        li a1, 0x400921fb54442d18
        sd a1, 24(sp)
        sd zero, 8(sp)
        c.fldsp fa5, 24(sp)
        fmv.x.d a0, fa5
        CHECK a0, 0x400921fb54442d18
        c.fsdsp fa5, 8(sp)
        ld a0, 8(sp)
        CHECK a0, 0x400921fb54442d18
        c.fldsp ft11, 8(sp)
        fmv.x.d a0, ft11
        CHECK a0, 0x400921fb54442d18
        addi sp, sp, 32
        PASS

        .data
        .balign 16
fp_data:
        .word 0x3f800000, 0x7f800001
        .dword 0x7ff0000000000001, 0xc00921fb54442d18
fp_buf:
        .zero 64
