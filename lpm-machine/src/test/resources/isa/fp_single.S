# fp_single: every binary32 arithmetic instruction of the F extension (fadd, fsub,
# fmul, fdiv, fsqrt, fmin, fmax, fmadd, fmsub, fnmsub, fnmadd, fsgnj, fsgnjn,
# fsgnjx, feq, flt, fle, fclass) with static rounding modes: result bits (with
# NaN-boxing) and the exact fflags of each instruction. Edge cases first
# (ties, overflow/underflow thresholds in every mode, tininess after rounding,
# canonical NaNs, signaling NaNs, infinities, signed zeros), then seeded random
# operands. Expected values were computed with lpm's SoftFloat and every one
# was checked against QEMU 7.2.

        .include "harness.S"
        .include "fp_common.inc"
        TEST_NAME "fp_single"

main:
        # fadd.s: ties (RNE/RMM), overflow threshold per mode, exact zero signs, NaN/inf rules
        T_S2 1, fadd.s, rne, 0x3f800000, FF_NX, 0x3f800000, 0x33800000
        T_S2 2, fadd.s, rtz, 0x3f800000, FF_NX, 0x3f800000, 0x33800000
        T_S2 3, fadd.s, rdn, 0x3f800000, FF_NX, 0x3f800000, 0x33800000
        T_S2 4, fadd.s, rup, 0x3f800001, FF_NX, 0x3f800000, 0x33800000
        T_S2 5, fadd.s, rmm, 0x3f800001, FF_NX, 0x3f800000, 0x33800000
        T_S2 6, fadd.s, rne, 0x3f800002, FF_NX, 0x3f800001, 0x33800000
        T_S2 7, fadd.s, rtz, 0x3f800001, FF_NX, 0x3f800001, 0x33800000
        T_S2 8, fadd.s, rdn, 0x3f800001, FF_NX, 0x3f800001, 0x33800000
        T_S2 9, fadd.s, rup, 0x3f800002, FF_NX, 0x3f800001, 0x33800000
        T_S2 10, fadd.s, rmm, 0x3f800002, FF_NX, 0x3f800001, 0x33800000
        T_S2 11, fadd.s, rne, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x73000000
        T_S2 12, fadd.s, rtz, 0x7f7fffff, FF_NX, 0x7f7fffff, 0x73000000
        T_S2 13, fadd.s, rdn, 0x7f7fffff, FF_NX, 0x7f7fffff, 0x73000000
        T_S2 14, fadd.s, rup, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x73000000
        T_S2 15, fadd.s, rmm, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x73000000
        T_S2 16, fadd.s, rne, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0xf3000000
        T_S2 17, fadd.s, rtz, 0xff7fffff, FF_NX, 0xff7fffff, 0xf3000000
        T_S2 18, fadd.s, rdn, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0xf3000000
        T_S2 19, fadd.s, rup, 0xff7fffff, FF_NX, 0xff7fffff, 0xf3000000
        T_S2 20, fadd.s, rmm, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0xf3000000
        T_S2 21, fadd.s, rne, 0x7f7fffff, FF_NX, 0x7f7fffff, 0x72ffffff
        T_S2 22, fadd.s, rtz, 0x7f7fffff, FF_NX, 0x7f7fffff, 0x72ffffff
        T_S2 23, fadd.s, rdn, 0x7f7fffff, FF_NX, 0x7f7fffff, 0x72ffffff
        T_S2 24, fadd.s, rup, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x72ffffff
        T_S2 25, fadd.s, rmm, 0x7f7fffff, FF_NX, 0x7f7fffff, 0x72ffffff
        T_S2 26, fadd.s, rne, 0x00000000, 0, 0x3f800000, 0xbf800000
        T_S2 27, fadd.s, rtz, 0x00000000, 0, 0x3f800000, 0xbf800000
        T_S2 28, fadd.s, rdn, 0x80000000, 0, 0x3f800000, 0xbf800000
        T_S2 29, fadd.s, rup, 0x00000000, 0, 0x3f800000, 0xbf800000
        T_S2 30, fadd.s, rmm, 0x00000000, 0, 0x3f800000, 0xbf800000
        T_S2 31, fadd.s, rne, 0x00000000, 0, 0x00000000, 0x80000000
        T_S2 32, fadd.s, rtz, 0x00000000, 0, 0x00000000, 0x80000000
        T_S2 33, fadd.s, rdn, 0x80000000, 0, 0x00000000, 0x80000000
        T_S2 34, fadd.s, rup, 0x00000000, 0, 0x00000000, 0x80000000
        T_S2 35, fadd.s, rmm, 0x00000000, 0, 0x00000000, 0x80000000
        T_S2 36, fadd.s, rne, 0x80000000, 0, 0x80000000, 0x80000000
        T_S2 37, fadd.s, rtz, 0x80000000, 0, 0x80000000, 0x80000000
        T_S2 38, fadd.s, rdn, 0x80000000, 0, 0x80000000, 0x80000000
        T_S2 39, fadd.s, rup, 0x80000000, 0, 0x80000000, 0x80000000
        T_S2 40, fadd.s, rmm, 0x80000000, 0, 0x80000000, 0x80000000
        T_S2 41, fadd.s, rne, 0x00800000, 0, 0x007fffff, 0x00000001
        T_S2 42, fadd.s, rtz, 0x00800000, 0, 0x007fffff, 0x00000001
        T_S2 43, fadd.s, rdn, 0x00800000, 0, 0x007fffff, 0x00000001
        T_S2 44, fadd.s, rup, 0x00800000, 0, 0x007fffff, 0x00000001
        T_S2 45, fadd.s, rmm, 0x00800000, 0, 0x007fffff, 0x00000001
        T_S2 46, fadd.s, rne, 0x4b800000, FF_NX, 0x4b7fffff, 0x3f000000
        T_S2 47, fadd.s, rtz, 0x4b7fffff, FF_NX, 0x4b7fffff, 0x3f000000
        T_S2 48, fadd.s, rdn, 0x4b7fffff, FF_NX, 0x4b7fffff, 0x3f000000
        T_S2 49, fadd.s, rup, 0x4b800000, FF_NX, 0x4b7fffff, 0x3f000000
        T_S2 50, fadd.s, rmm, 0x4b800000, FF_NX, 0x4b7fffff, 0x3f000000
        T_S2 51, fadd.s, rne, 0xcb800000, FF_NX, 0xcb7fffff, 0xbf000000
        T_S2 52, fadd.s, rtz, 0xcb7fffff, FF_NX, 0xcb7fffff, 0xbf000000
        T_S2 53, fadd.s, rdn, 0xcb800000, FF_NX, 0xcb7fffff, 0xbf000000
        T_S2 54, fadd.s, rup, 0xcb7fffff, FF_NX, 0xcb7fffff, 0xbf000000
        T_S2 55, fadd.s, rmm, 0xcb800000, FF_NX, 0xcb7fffff, 0xbf000000
        T_S2 56, fadd.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0xff800000
        T_S2 57, fadd.s, rne, 0x7f800000, 0, 0x7f800000, 0x7f800000
        T_S2 58, fadd.s, rne, 0xff800000, 0, 0xff800000, 0x7f7fffff
        T_S2 59, fadd.s, rne, 0x7fc00000, 0, 0x7fc12345, 0x3f800000
        T_S2 60, fadd.s, rne, 0x7fc00000, FF_NV, 0x3f800000, 0x7f800001
        T_S2 61, fadd.s, rne, 0x7fc00000, FF_NV, 0xffa00000, 0x7fc00000
        T_S2 62, fadd.s, rup, 0xe19ab4f1, FF_NX, 0x33800000, 0xe19ab4f2
        T_S2 63, fadd.s, rmm, 0xc3114127, FF_NX, 0xc3114578, 0x3c8a1e2d
        T_S2 64, fadd.s, rdn, 0x7fc00000, 0, 0x7fc12345, 0x3f000000
        T_S2 65, fadd.s, rup, 0x56ec1288, 0, 0x80000000, 0x56ec1288
        T_S2 66, fadd.s, rup, 0x5ba5cd4e, FF_NX, 0x5ba5cd4d, 0x00800000
        T_S2 67, fadd.s, rne, 0x73000000, FF_NX, 0x73000000, 0x4b800000
        T_S2 68, fadd.s, rne, 0x7f800000, 0, 0x009936ee, 0x7f800000
        T_S2 69, fadd.s, rtz, 0x3feda872, FF_NX, 0xbe12bc6e, 0x40000000
        T_S2 70, fadd.s, rne, 0x34ada45e, FF_NX, 0x0161d838, 0x34ada45e
        T_S2 71, fadd.s, rup, 0xff800000, 0, 0xff800000, 0x7f7fffff
        T_S2 72, fadd.s, rtz, 0x3f800000, FF_NX, 0x010be20d, 0x3f800000
        T_S2 73, fadd.s, rup, 0x40400000, FF_NX, 0x80b3a587, 0x40400000
        T_S2 74, fadd.s, rne, 0xff7fffff, FF_NX, 0xff7fffff, 0x40000000
        T_S2 75, fadd.s, rdn, 0xbdd32c0e, FF_NX, 0x0080eafd, 0xbdd32c0e
        T_S2 76, fadd.s, rmm, 0xff800000, 0, 0xff800000, 0xbe400000
        T_S2 77, fadd.s, rmm, 0x807fffff, 0, 0x807fffff, 0x00000000
        T_S2 78, fadd.s, rmm, 0xfb6eca00, 0, 0x7e5604d8, 0xfe59c000
        T_S2 79, fadd.s, rtz, 0x4c2254a2, FF_NX, 0x4c2254a2, 0x3f000000
        T_S2 80, fadd.s, rup, 0x8a1ffff0, 0, 0x00800000, 0x8a200000
        T_S2 81, fadd.s, rtz, 0x72e5b5b3, FF_NX, 0x72e5b5b3, 0x33800000
        T_S2 82, fadd.s, rup, 0x3f000000, FF_NX, 0x3f000000, 0x8081d30d
        T_S2 83, fadd.s, rtz, 0xfe77670c, FF_NX, 0x3f000000, 0xfe77670d
        T_S2 84, fadd.s, rne, 0x3f800000, FF_NX, 0x3f800000, 0x802d588c
        T_S2 85, fadd.s, rne, 0x4b800000, FF_NX, 0x4b800000, 0x00d2be8b
        # fsub.s
        T_S2 86, fsub.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000
        T_S2 87, fsub.s, rtz, 0x00000000, 0, 0x3f800000, 0x3f800000
        T_S2 88, fsub.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000
        T_S2 89, fsub.s, rup, 0x00000000, 0, 0x3f800000, 0x3f800000
        T_S2 90, fsub.s, rmm, 0x00000000, 0, 0x3f800000, 0x3f800000
        T_S2 91, fsub.s, rne, 0x80000000, 0, 0x80000000, 0x00000000
        T_S2 92, fsub.s, rtz, 0x80000000, 0, 0x80000000, 0x00000000
        T_S2 93, fsub.s, rdn, 0x80000000, 0, 0x80000000, 0x00000000
        T_S2 94, fsub.s, rup, 0x80000000, 0, 0x80000000, 0x00000000
        T_S2 95, fsub.s, rmm, 0x80000000, 0, 0x80000000, 0x00000000
        T_S2 96, fsub.s, rne, 0x00000000, 0, 0x00000000, 0x00000000
        T_S2 97, fsub.s, rtz, 0x00000000, 0, 0x00000000, 0x00000000
        T_S2 98, fsub.s, rdn, 0x80000000, 0, 0x00000000, 0x00000000
        T_S2 99, fsub.s, rup, 0x00000000, 0, 0x00000000, 0x00000000
        T_S2 100, fsub.s, rmm, 0x00000000, 0, 0x00000000, 0x00000000
        T_S2 101, fsub.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000
        T_S2 102, fsub.s, rtz, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000
        T_S2 103, fsub.s, rdn, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000
        T_S2 104, fsub.s, rup, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000
        T_S2 105, fsub.s, rmm, 0x7fc00000, FF_NV, 0x7f800000, 0x7f800000
        T_S2 106, fsub.s, rne, 0xb4000000, 0, 0x3f800000, 0x3f800001
        T_S2 107, fsub.s, rtz, 0xb4000000, 0, 0x3f800000, 0x3f800001
        T_S2 108, fsub.s, rdn, 0xb4000000, 0, 0x3f800000, 0x3f800001
        T_S2 109, fsub.s, rup, 0xb4000000, 0, 0x3f800000, 0x3f800001
        T_S2 110, fsub.s, rmm, 0xb4000000, 0, 0x3f800000, 0x3f800001
        T_S2 111, fsub.s, rne, 0x007fffff, 0, 0x00800000, 0x00000001
        T_S2 112, fsub.s, rtz, 0x007fffff, 0, 0x00800000, 0x00000001
        T_S2 113, fsub.s, rdn, 0x007fffff, 0, 0x00800000, 0x00000001
        T_S2 114, fsub.s, rup, 0x007fffff, 0, 0x00800000, 0x00000001
        T_S2 115, fsub.s, rmm, 0x007fffff, 0, 0x00800000, 0x00000001
        T_S2 116, fsub.s, rtz, 0xfe1f9000, FF_NX, 0xfe1f9000, 0x4eb59d1b
        T_S2 117, fsub.s, rtz, 0x323c4fa0, FF_NX, 0x323c4fa0, 0x807fffff
        T_S2 118, fsub.s, rdn, 0x495645dd, 0, 0x40400000, 0xc95645ad
        T_S2 119, fsub.s, rdn, 0xbe7ca222, 0, 0x00000000, 0x3e7ca222
        T_S2 120, fsub.s, rmm, 0x3f800000, FF_NX, 0x8002996e, 0xbf800000
        T_S2 121, fsub.s, rup, 0x7e4d54fb, FF_NX, 0x7e50771f, 0x7b48890e
        T_S2 122, fsub.s, rup, 0x7f5e8df2, 0, 0x7e918000, 0xff15cdf2
        T_S2 123, fsub.s, rne, 0xfa7b8b9e, FF_NX, 0x0020256b, 0x7a7b8b9e
        T_S2 124, fsub.s, rmm, 0x7eb06098, 0, 0xff27cfb3, 0xff7fffff
        T_S2 125, fsub.s, rmm, 0x73000000, FF_NX, 0x73000000, 0x31d0ccde
        T_S2 126, fsub.s, rtz, 0x7fc00000, 0, 0x016f011c, 0x7fc12345
        T_S2 127, fsub.s, rne, 0x7f0dec01, FF_NX, 0xda25c1b6, 0xff0dec01
        T_S2 128, fsub.s, rmm, 0x3eaaaaab, FF_NX, 0x3eaaaaab, 0x00aaf158
        T_S2 129, fsub.s, rdn, 0x7e66b59f, FF_NX, 0x015af0e6, 0xfe66b59f
        T_S2 130, fsub.s, rup, 0xbe8a400d, FF_NX, 0xbe8a400e, 0x802ee6bc
        T_S2 131, fsub.s, rup, 0x7fc00000, 0, 0x00571387, 0x7fc12345
        # fmul.s: underflow with tininess after rounding, overflow, inf*0
        T_S2 132, fmul.s, rne, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x3f000000
        T_S2 133, fmul.s, rtz, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x3f000000
        T_S2 134, fmul.s, rdn, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x3f000000
        T_S2 135, fmul.s, rup, 0x00000001, FF_UF|FF_NX, 0x00000001, 0x3f000000
        T_S2 136, fmul.s, rmm, 0x00000001, FF_UF|FF_NX, 0x00000001, 0x3f000000
        T_S2 137, fmul.s, rne, 0x80000000, FF_UF|FF_NX, 0x80000001, 0x3f000000
        T_S2 138, fmul.s, rtz, 0x80000000, FF_UF|FF_NX, 0x80000001, 0x3f000000
        T_S2 139, fmul.s, rdn, 0x80000001, FF_UF|FF_NX, 0x80000001, 0x3f000000
        T_S2 140, fmul.s, rup, 0x80000000, FF_UF|FF_NX, 0x80000001, 0x3f000000
        T_S2 141, fmul.s, rmm, 0x80000001, FF_UF|FF_NX, 0x80000001, 0x3f000000
        T_S2 142, fmul.s, rne, 0x00800000, FF_NX, 0x41118e00, 0x000e1200
        T_S2 143, fmul.s, rtz, 0x007fffff, FF_UF|FF_NX, 0x41118e00, 0x000e1200
        T_S2 144, fmul.s, rdn, 0x007fffff, FF_UF|FF_NX, 0x41118e00, 0x000e1200
        T_S2 145, fmul.s, rup, 0x00800000, FF_NX, 0x41118e00, 0x000e1200
        T_S2 146, fmul.s, rmm, 0x00800000, FF_NX, 0x41118e00, 0x000e1200
        T_S2 147, fmul.s, rne, 0x00800000, FF_UF|FF_NX, 0x3f7ff000, 0x00800800
        T_S2 148, fmul.s, rtz, 0x007fffff, FF_UF|FF_NX, 0x3f7ff000, 0x00800800
        T_S2 149, fmul.s, rdn, 0x007fffff, FF_UF|FF_NX, 0x3f7ff000, 0x00800800
        T_S2 150, fmul.s, rup, 0x00800000, FF_UF|FF_NX, 0x3f7ff000, 0x00800800
        T_S2 151, fmul.s, rmm, 0x00800000, FF_UF|FF_NX, 0x3f7ff000, 0x00800800
        T_S2 152, fmul.s, rne, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000
        T_S2 153, fmul.s, rtz, 0x7f7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x40000000
        T_S2 154, fmul.s, rdn, 0x7f7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x40000000
        T_S2 155, fmul.s, rup, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000
        T_S2 156, fmul.s, rmm, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000
        T_S2 157, fmul.s, rne, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0x3fc00000
        T_S2 158, fmul.s, rtz, 0xff7fffff, FF_OF|FF_NX, 0xff7fffff, 0x3fc00000
        T_S2 159, fmul.s, rdn, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0x3fc00000
        T_S2 160, fmul.s, rup, 0xff7fffff, FF_OF|FF_NX, 0xff7fffff, 0x3fc00000
        T_S2 161, fmul.s, rmm, 0xff800000, FF_OF|FF_NX, 0xff7fffff, 0x3fc00000
        T_S2 162, fmul.s, rne, 0x3f800000, FF_NX, 0x3eaaaaab, 0x40400000
        T_S2 163, fmul.s, rtz, 0x3f800000, FF_NX, 0x3eaaaaab, 0x40400000
        T_S2 164, fmul.s, rdn, 0x3f800000, FF_NX, 0x3eaaaaab, 0x40400000
        T_S2 165, fmul.s, rup, 0x3f800001, FF_NX, 0x3eaaaaab, 0x40400000
        T_S2 166, fmul.s, rmm, 0x3f800000, FF_NX, 0x3eaaaaab, 0x40400000
        T_S2 167, fmul.s, rne, 0x00000001, 0, 0x00000002, 0x3f000000
        T_S2 168, fmul.s, rtz, 0x00000001, 0, 0x00000002, 0x3f000000
        T_S2 169, fmul.s, rdn, 0x00000001, 0, 0x00000002, 0x3f000000
        T_S2 170, fmul.s, rup, 0x00000001, 0, 0x00000002, 0x3f000000
        T_S2 171, fmul.s, rmm, 0x00000001, 0, 0x00000002, 0x3f000000
        T_S2 172, fmul.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x00000000
        T_S2 173, fmul.s, rne, 0x7fc00000, FF_NV, 0x80000000, 0xff800000
        T_S2 174, fmul.s, rne, 0x80000000, 0, 0x80000000, 0x40a00000
        T_S2 175, fmul.s, rne, 0xff800000, 0, 0x7f800000, 0xbf800000
        T_S2 176, fmul.s, rne, 0x7fc00000, FF_NV, 0x7f800001, 0x00000000
        T_S2 177, fmul.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x7f800000
        T_S2 178, fmul.s, rmm, 0x7fc00000, 0, 0x7fc00000, 0x4b800000
        T_S2 179, fmul.s, rne, 0x00000000, 0, 0x00000000, 0x40400000
        T_S2 180, fmul.s, rtz, 0xeeaa7118, FF_NX, 0xc12b310c, 0x6cfee0f5
        T_S2 181, fmul.s, rdn, 0xbfd527d6, FF_NX, 0x7ed527d4, 0x80800001
        T_S2 182, fmul.s, rup, 0xb3ae1362, 0, 0xfe2e1362, 0x00000001
        T_S2 183, fmul.s, rne, 0x7f800000, FF_OF|FF_NX, 0x7e008080, 0x7f739f58
        T_S2 184, fmul.s, rtz, 0xff7fffff, FF_OF|FF_NX, 0xfaf261b6, 0x7f3c975e
        T_S2 185, fmul.s, rne, 0x708a7fd7, 0, 0x3d0a7fd7, 0x73000000
        T_S2 186, fmul.s, rtz, 0x7fc00000, 0, 0x7fc00000, 0x4b800000
        T_S2 187, fmul.s, rup, 0x80000000, 0, 0xc23b5ae4, 0x00000000
        T_S2 188, fmul.s, rdn, 0x00000000, FF_UF|FF_NX, 0x81595572, 0x807fffff
        T_S2 189, fmul.s, rmm, 0x34b493ae, 0, 0x00800000, 0x73b493ae
        T_S2 190, fmul.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x807fffff
        T_S2 191, fmul.s, rup, 0x7f800000, FF_OF|FF_NX, 0x73000000, 0x5624ce67
        T_S2 192, fmul.s, rtz, 0x7f800000, 0, 0x000b2a71, 0x7f800000
        T_S2 193, fmul.s, rup, 0x7fc00000, 0, 0x7fc12345, 0x6be0e716
        T_S2 194, fmul.s, rup, 0x34400000, 0, 0x40400000, 0x33800000
        T_S2 195, fmul.s, rmm, 0x32b1d000, 0, 0x3eb1d000, 0x33800000
        T_S2 196, fmul.s, rmm, 0xa1b72da8, FF_NX, 0xe1ad40d9, 0x0021d54a
        T_S2 197, fmul.s, rdn, 0x00000000, FF_UF|FF_NX, 0x3d3d6a0c, 0x00000001
        T_S2 198, fmul.s, rmm, 0x33800000, 0, 0x73000000, 0x00400000
        T_S2 199, fmul.s, rdn, 0xe0177161, FF_NX, 0xfebaaa82, 0x20cfb19c
        T_S2 200, fmul.s, rtz, 0x00000000, 0, 0xe5773400, 0x80000000
        T_S2 201, fmul.s, rne, 0x00000000, FF_UF|FF_NX, 0x005ae319, 0x12bbbd87
        # fdiv.s: divide by zero, invalid, inexact, underflow, overflow
        T_S2 202, fdiv.s, rne, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000
        T_S2 203, fdiv.s, rtz, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000
        T_S2 204, fdiv.s, rdn, 0x3eaaaaaa, FF_NX, 0x3f800000, 0x40400000
        T_S2 205, fdiv.s, rup, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000
        T_S2 206, fdiv.s, rmm, 0x3eaaaaab, FF_NX, 0x3f800000, 0x40400000
        T_S2 207, fdiv.s, rne, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000
        T_S2 208, fdiv.s, rtz, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000
        T_S2 209, fdiv.s, rdn, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000
        T_S2 210, fdiv.s, rup, 0xbeaaaaaa, FF_NX, 0xbf800000, 0x40400000
        T_S2 211, fdiv.s, rmm, 0xbeaaaaab, FF_NX, 0xbf800000, 0x40400000
        T_S2 212, fdiv.s, rne, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x40000000
        T_S2 213, fdiv.s, rtz, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x40000000
        T_S2 214, fdiv.s, rdn, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x40000000
        T_S2 215, fdiv.s, rup, 0x00000001, FF_UF|FF_NX, 0x00000001, 0x40000000
        T_S2 216, fdiv.s, rmm, 0x00000001, FF_UF|FF_NX, 0x00000001, 0x40000000
        T_S2 217, fdiv.s, rne, 0x00000002, FF_UF|FF_NX, 0x00000003, 0x40000000
        T_S2 218, fdiv.s, rtz, 0x00000001, FF_UF|FF_NX, 0x00000003, 0x40000000
        T_S2 219, fdiv.s, rdn, 0x00000001, FF_UF|FF_NX, 0x00000003, 0x40000000
        T_S2 220, fdiv.s, rup, 0x00000002, FF_UF|FF_NX, 0x00000003, 0x40000000
        T_S2 221, fdiv.s, rmm, 0x00000002, FF_UF|FF_NX, 0x00000003, 0x40000000
        T_S2 222, fdiv.s, rne, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x3f000000
        T_S2 223, fdiv.s, rtz, 0x7f7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x3f000000
        T_S2 224, fdiv.s, rdn, 0x7f7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x3f000000
        T_S2 225, fdiv.s, rup, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x3f000000
        T_S2 226, fdiv.s, rmm, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x3f000000
        T_S2 227, fdiv.s, rne, 0x007fffff, FF_UF|FF_NX, 0x00800000, 0x3f800001
        T_S2 228, fdiv.s, rtz, 0x007fffff, FF_UF|FF_NX, 0x00800000, 0x3f800001
        T_S2 229, fdiv.s, rdn, 0x007fffff, FF_UF|FF_NX, 0x00800000, 0x3f800001
        T_S2 230, fdiv.s, rup, 0x00800000, FF_UF|FF_NX, 0x00800000, 0x3f800001
        T_S2 231, fdiv.s, rmm, 0x007fffff, FF_UF|FF_NX, 0x00800000, 0x3f800001
        T_S2 232, fdiv.s, rne, 0x7f800000, FF_DZ, 0x3f800000, 0x00000000
        T_S2 233, fdiv.s, rne, 0xff800000, FF_DZ, 0x3f800000, 0x80000000
        T_S2 234, fdiv.s, rne, 0xff800000, 0, 0xff800000, 0x00000000
        T_S2 235, fdiv.s, rne, 0x7fc00000, FF_NV, 0x00000000, 0x00000000
        T_S2 236, fdiv.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0xff800000
        T_S2 237, fdiv.s, rne, 0x00000000, 0, 0x00000000, 0x7f800000
        T_S2 238, fdiv.s, rne, 0x80000000, 0, 0xbf800000, 0x7f800000
        T_S2 239, fdiv.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x00000000
        T_S2 240, fdiv.s, rne, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000
        T_S2 241, fdiv.s, rtz, 0xff800000, 0, 0xff800000, 0x2fbcdf2b
        T_S2 242, fdiv.s, rne, 0x5052c22e, FF_NX, 0xfe97b0ab, 0xedb84080
        T_S2 243, fdiv.s, rtz, 0xef7125ff, FF_NX, 0xff400000, 0x4f4bd31e
        T_S2 244, fdiv.s, rne, 0x6f986bf4, FF_NX, 0x33800000, 0x0356fb87
        T_S2 245, fdiv.s, rtz, 0x72cd5000, 0, 0x7ecd5000, 0x4b800000
        T_S2 246, fdiv.s, rtz, 0x3e695783, FF_NX, 0x3e695785, 0x3f800001
        T_S2 247, fdiv.s, rne, 0x7f800000, FF_OF|FF_NX, 0x70216000, 0x00800000
        T_S2 248, fdiv.s, rne, 0x80000000, FF_UF|FF_NX, 0x80704e2d, 0x4b789c00
        T_S2 249, fdiv.s, rmm, 0x7f800000, FF_DZ, 0x27e7ed6e, 0x00000000
        T_S2 250, fdiv.s, rne, 0x7b8ada73, FF_NX, 0x3d404780, 0x01314000
        T_S2 251, fdiv.s, rmm, 0x00000000, FF_UF|FF_NX, 0x87797cca, 0xe5450000
        T_S2 252, fdiv.s, rup, 0xfdccddc9, FF_NX, 0x3f000000, 0x809ff2bc
        T_S2 253, fdiv.s, rtz, 0x8cb2a97c, FF_NX, 0x4b800000, 0xfe376860
        T_S2 254, fdiv.s, rdn, 0x44f4d582, FF_NX, 0x420287ec, 0x3c887be6
        T_S2 255, fdiv.s, rne, 0x80000000, FF_UF|FF_NX, 0x9945d4b5, 0x7f15df84
        T_S2 256, fdiv.s, rup, 0xff7fffff, FF_OF|FF_NX, 0x73000000, 0x8171055f
        T_S2 257, fdiv.s, rtz, 0xff3ffffe, FF_NX, 0x40400000, 0x80800001
        T_S2 258, fdiv.s, rtz, 0x7152d2d2, FF_NX, 0x74600000, 0x42880000
        T_S2 259, fdiv.s, rdn, 0xbba09cff, FF_NX, 0x40000000, 0xc3cc049d
        T_S2 260, fdiv.s, rne, 0x65e1335c, FF_NX, 0x7c448203, 0x55df6212
        # fsqrt.s
        T_S1 261, fsqrt.s, rne, 0x3fb504f3, FF_NX, 0x40000000
        T_S1 262, fsqrt.s, rtz, 0x3fb504f3, FF_NX, 0x40000000
        T_S1 263, fsqrt.s, rdn, 0x3fb504f3, FF_NX, 0x40000000
        T_S1 264, fsqrt.s, rup, 0x3fb504f4, FF_NX, 0x40000000
        T_S1 265, fsqrt.s, rmm, 0x3fb504f3, FF_NX, 0x40000000
        T_S1 266, fsqrt.s, rne, 0x3fddb3d7, FF_NX, 0x40400000
        T_S1 267, fsqrt.s, rtz, 0x3fddb3d7, FF_NX, 0x40400000
        T_S1 268, fsqrt.s, rdn, 0x3fddb3d7, FF_NX, 0x40400000
        T_S1 269, fsqrt.s, rup, 0x3fddb3d8, FF_NX, 0x40400000
        T_S1 270, fsqrt.s, rmm, 0x3fddb3d7, FF_NX, 0x40400000
        T_S1 271, fsqrt.s, rne, 0x40000000, 0, 0x40800000
        T_S1 272, fsqrt.s, rtz, 0x40000000, 0, 0x40800000
        T_S1 273, fsqrt.s, rdn, 0x40000000, 0, 0x40800000
        T_S1 274, fsqrt.s, rup, 0x40000000, 0, 0x40800000
        T_S1 275, fsqrt.s, rmm, 0x40000000, 0, 0x40800000
        T_S1 276, fsqrt.s, rne, 0x1a3504f3, FF_NX, 0x00000001
        T_S1 277, fsqrt.s, rtz, 0x1a3504f3, FF_NX, 0x00000001
        T_S1 278, fsqrt.s, rdn, 0x1a3504f3, FF_NX, 0x00000001
        T_S1 279, fsqrt.s, rup, 0x1a3504f4, FF_NX, 0x00000001
        T_S1 280, fsqrt.s, rmm, 0x1a3504f3, FF_NX, 0x00000001
        T_S1 281, fsqrt.s, rne, 0x1a800000, 0, 0x00000002
        T_S1 282, fsqrt.s, rtz, 0x1a800000, 0, 0x00000002
        T_S1 283, fsqrt.s, rdn, 0x1a800000, 0, 0x00000002
        T_S1 284, fsqrt.s, rup, 0x1a800000, 0, 0x00000002
        T_S1 285, fsqrt.s, rmm, 0x1a800000, 0, 0x00000002
        T_S1 286, fsqrt.s, rne, 0x5f7fffff, FF_NX, 0x7f7fffff
        T_S1 287, fsqrt.s, rtz, 0x5f7fffff, FF_NX, 0x7f7fffff
        T_S1 288, fsqrt.s, rdn, 0x5f7fffff, FF_NX, 0x7f7fffff
        T_S1 289, fsqrt.s, rup, 0x5f800000, FF_NX, 0x7f7fffff
        T_S1 290, fsqrt.s, rmm, 0x5f7fffff, FF_NX, 0x7f7fffff
        T_S1 291, fsqrt.s, rne, 0x3f800000, FF_NX, 0x3f800001
        T_S1 292, fsqrt.s, rtz, 0x3f800000, FF_NX, 0x3f800001
        T_S1 293, fsqrt.s, rdn, 0x3f800000, FF_NX, 0x3f800001
        T_S1 294, fsqrt.s, rup, 0x3f800001, FF_NX, 0x3f800001
        T_S1 295, fsqrt.s, rmm, 0x3f800000, FF_NX, 0x3f800001
        T_S1 296, fsqrt.s, rne, 0x00000000, 0, 0x00000000
        T_S1 297, fsqrt.s, rne, 0x80000000, 0, 0x80000000
        T_S1 298, fsqrt.s, rne, 0x7f800000, 0, 0x7f800000
        T_S1 299, fsqrt.s, rne, 0x7fc00000, FF_NV, 0xff800000
        T_S1 300, fsqrt.s, rne, 0x7fc00000, FF_NV, 0xbf800000
        T_S1 301, fsqrt.s, rne, 0x7fc00000, FF_NV, 0x80000001
        T_S1 302, fsqrt.s, rne, 0x7fc00000, 0, 0x7fc12345
        T_S1 303, fsqrt.s, rne, 0x7fc00000, FF_NV, 0x7f800001
        T_S1 304, fsqrt.s, rne, 0x7fc00000, 0, 0xffc00000
        T_S1 305, fsqrt.s, rup, 0x517e23a7, FF_NX, 0x637c4ac3
        T_S1 306, fsqrt.s, rup, 0x3fddb3d8, FF_NX, 0x40400000
        T_S1 307, fsqrt.s, rtz, 0x7fc00000, FF_NV, 0x7fa00000
        T_S1 308, fsqrt.s, rmm, 0x1fffffff, FF_NX, 0x007fffff
        T_S1 309, fsqrt.s, rmm, 0x52f48a8f, FF_NX, 0x6669986c
        T_S1 310, fsqrt.s, rup, 0x49214ca2, FF_NX, 0x52cb42f5
        T_S1 311, fsqrt.s, rdn, 0x4f8c29e1, FF_NX, 0x5f997baa
        T_S1 312, fsqrt.s, rmm, 0x5f6b9cd1, FF_NX, 0x7f58d947
        T_S1 313, fsqrt.s, rdn, 0x4bff4ac2, FF_NX, 0x587e9605
        T_S1 314, fsqrt.s, rdn, 0x593504f3, FF_NX, 0x73000000
        T_S1 315, fsqrt.s, rne, 0x2055fd91, FF_NX, 0x0132dfef
        T_S1 316, fsqrt.s, rtz, 0x5a9faefa, FF_NX, 0x75c735a6
        # fmadd.s / fmsub.s / fnmsub.s / fnmadd.s: one rounding, inf*0 (+qNaN) raises NV, zero signs
        T_S3 317, fmadd.s, rne, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 318, fmadd.s, rtz, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 319, fmadd.s, rdn, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 320, fmadd.s, rup, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 321, fmadd.s, rmm, 0xa8800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 322, fmadd.s, rne, 0x3f800001, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 323, fmadd.s, rtz, 0x3f800000, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 324, fmadd.s, rdn, 0x3f800000, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 325, fmadd.s, rup, 0x3f800001, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 326, fmadd.s, rmm, 0x3f800001, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 327, fmadd.s, rne, 0x3f800000, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 328, fmadd.s, rtz, 0x3f800000, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 329, fmadd.s, rdn, 0x3f800000, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 330, fmadd.s, rup, 0x3f800001, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 331, fmadd.s, rmm, 0x3f800001, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 332, fmadd.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 333, fmadd.s, rtz, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 334, fmadd.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 335, fmadd.s, rup, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 336, fmadd.s, rmm, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 337, fmadd.s, rne, 0x40000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 338, fmadd.s, rtz, 0x40000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 339, fmadd.s, rdn, 0x40000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 340, fmadd.s, rup, 0x40000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 341, fmadd.s, rmm, 0x40000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 342, fmadd.s, rne, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 343, fmadd.s, rtz, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 344, fmadd.s, rdn, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 345, fmadd.s, rup, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 346, fmadd.s, rmm, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 347, fmadd.s, rne, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 348, fmadd.s, rtz, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 349, fmadd.s, rdn, 0x80000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 350, fmadd.s, rup, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 351, fmadd.s, rmm, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 352, fmadd.s, rne, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 353, fmadd.s, rtz, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 354, fmadd.s, rdn, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 355, fmadd.s, rup, 0x00000001, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 356, fmadd.s, rmm, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 357, fmadd.s, rne, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 358, fmadd.s, rtz, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 359, fmadd.s, rdn, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 360, fmadd.s, rup, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 361, fmadd.s, rmm, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 362, fmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x00000000, 0x7fc00000
        T_S3 363, fmadd.s, rne, 0x7fc00000, FF_NV, 0x00000000, 0xff800000, 0x7fc12345
        T_S3 364, fmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x80000000, 0x3f800000
        T_S3 365, fmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0xff800000
        T_S3 366, fmadd.s, rne, 0x7f800000, 0, 0x7f800000, 0x3f800000, 0x7f800000
        T_S3 367, fmadd.s, rne, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f800001
        T_S3 368, fmadd.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x00000000, 0x3f800000
        T_S3 369, fmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000
        T_S3 370, fmadd.s, rne, 0x7f800000, 0, 0x3f800000, 0x7f7fffff, 0x7f800000
        T_S3 371, fmadd.s, rtz, 0x7f7fffff, FF_OF|FF_NX, 0xdda1b59a, 0xff7fffff, 0xbfd474b3
        T_S3 372, fmadd.s, rdn, 0x7e39e00b, FF_NX, 0xb6c892e2, 0x8104af4a, 0x7e39e00b
        T_S3 373, fmadd.s, rdn, 0x7fc00000, FF_NV, 0xac253223, 0xffa00000, 0x3f489fc4
        T_S3 374, fmadd.s, rtz, 0x7fc00000, 0, 0x7fc00000, 0x807fffff, 0x80800001
        T_S3 375, fmadd.s, rtz, 0x7fc00000, FF_NV, 0xbf1e3000, 0xffa00000, 0x40000000
        T_S3 376, fmadd.s, rup, 0xf627089e, FF_NX, 0xff0f3a40, 0x00800000, 0xf627089e
        T_S3 377, fmadd.s, rne, 0xc041aa80, 0, 0x00000000, 0x7eeb11f1, 0xc041aa80
        T_S3 378, fmadd.s, rdn, 0x7fc00000, FF_NV, 0xffa00000, 0x3c31d3d4, 0x3be81ad6
        T_S3 379, fmadd.s, rtz, 0x7fc00000, 0, 0x0085956a, 0x7fc00000, 0x7e0c461b
        T_S3 380, fmadd.s, rdn, 0x3fffffff, FF_NX, 0x9bf6a2c2, 0x3f8ba000, 0x40000000
        T_S3 381, fmsub.s, rne, 0x40000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 382, fmsub.s, rtz, 0x3fffffff, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 383, fmsub.s, rdn, 0x3fffffff, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 384, fmsub.s, rup, 0x40000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 385, fmsub.s, rmm, 0x40000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 386, fmsub.s, rne, 0xbf7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 387, fmsub.s, rtz, 0xbf7ffffe, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 388, fmsub.s, rdn, 0xbf7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 389, fmsub.s, rup, 0xbf7ffffe, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 390, fmsub.s, rmm, 0xbf7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 391, fmsub.s, rne, 0xbf7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 392, fmsub.s, rtz, 0xbf7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 393, fmsub.s, rdn, 0xbf7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 394, fmsub.s, rup, 0xbf7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 395, fmsub.s, rmm, 0xbf7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 396, fmsub.s, rne, 0x40000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 397, fmsub.s, rtz, 0x40000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 398, fmsub.s, rdn, 0x40000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 399, fmsub.s, rup, 0x40000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 400, fmsub.s, rmm, 0x40000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 401, fmsub.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 402, fmsub.s, rtz, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 403, fmsub.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 404, fmsub.s, rup, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 405, fmsub.s, rmm, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 406, fmsub.s, rne, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 407, fmsub.s, rtz, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 408, fmsub.s, rdn, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 409, fmsub.s, rup, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 410, fmsub.s, rmm, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 411, fmsub.s, rne, 0x80000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 412, fmsub.s, rtz, 0x80000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 413, fmsub.s, rdn, 0x80000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 414, fmsub.s, rup, 0x80000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 415, fmsub.s, rmm, 0x80000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 416, fmsub.s, rne, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 417, fmsub.s, rtz, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 418, fmsub.s, rdn, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 419, fmsub.s, rup, 0x00000001, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 420, fmsub.s, rmm, 0x00000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 421, fmsub.s, rne, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 422, fmsub.s, rtz, 0x7f7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 423, fmsub.s, rdn, 0x7f7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 424, fmsub.s, rup, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 425, fmsub.s, rmm, 0x7f800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 426, fmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x00000000, 0x7fc00000
        T_S3 427, fmsub.s, rne, 0x7fc00000, FF_NV, 0x00000000, 0xff800000, 0x7fc12345
        T_S3 428, fmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x80000000, 0x3f800000
        T_S3 429, fmsub.s, rne, 0x7f800000, 0, 0x7f800000, 0x3f800000, 0xff800000
        T_S3 430, fmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0x7f800000
        T_S3 431, fmsub.s, rne, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f800001
        T_S3 432, fmsub.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x00000000, 0x3f800000
        T_S3 433, fmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000
        T_S3 434, fmsub.s, rne, 0xff800000, 0, 0x3f800000, 0x7f7fffff, 0x7f800000
        T_S3 435, fmsub.s, rne, 0x7fc00000, FF_NV, 0xffa00000, 0x017b42e8, 0x6f7ff8e2
        T_S3 436, fmsub.s, rdn, 0x7657e9a2, FF_NX, 0x403b2d77, 0x7593a676, 0x99820e80
        T_S3 437, fmsub.s, rtz, 0xff7fffff, FF_OF|FF_NX, 0xfe495e71, 0x6c0df000, 0x75a6c02d
        T_S3 438, fmsub.s, rdn, 0x26d1b76f, FF_NX, 0xbd5f9e89, 0x80800001, 0xa6d1b76f
        T_S3 439, fmsub.s, rmm, 0x7f7fffff, FF_NX, 0x80a04880, 0xde6b9b0e, 0xff7fffff
        T_S3 440, fmsub.s, rtz, 0xcb800000, FF_NX, 0x809b2ad2, 0x3eaaaaab, 0x4b800000
        T_S3 441, fmsub.s, rdn, 0x3fea4b9b, 0, 0x015a63ba, 0x00000000, 0xbfea4b9b
        T_S3 442, fmsub.s, rup, 0xff7fffff, FF_OF|FF_NX, 0xd9596074, 0x7e577b00, 0x807fffff
        T_S3 443, fmsub.s, rup, 0x7f800000, FF_OF|FF_NX, 0x64303b9b, 0x61a87ef6, 0xff6f7571
        T_S3 444, fmsub.s, rdn, 0xcbb6290a, FF_NX, 0x800cc0da, 0x3f000000, 0x4bb62909
        T_S3 445, fnmsub.s, rne, 0xc0000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 446, fnmsub.s, rtz, 0xbfffffff, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 447, fnmsub.s, rdn, 0xc0000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 448, fnmsub.s, rup, 0xbfffffff, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 449, fnmsub.s, rmm, 0xc0000000, FF_NX, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 450, fnmsub.s, rne, 0x3f7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 451, fnmsub.s, rtz, 0x3f7ffffe, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 452, fnmsub.s, rdn, 0x3f7ffffe, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 453, fnmsub.s, rup, 0x3f7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 454, fnmsub.s, rmm, 0x3f7fffff, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 455, fnmsub.s, rne, 0x3f7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 456, fnmsub.s, rtz, 0x3f7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 457, fnmsub.s, rdn, 0x3f7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 458, fnmsub.s, rup, 0x3f7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 459, fnmsub.s, rmm, 0x3f7fffff, 0, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 460, fnmsub.s, rne, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 461, fnmsub.s, rtz, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 462, fnmsub.s, rdn, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 463, fnmsub.s, rup, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 464, fnmsub.s, rmm, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 465, fnmsub.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 466, fnmsub.s, rtz, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 467, fnmsub.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 468, fnmsub.s, rup, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 469, fnmsub.s, rmm, 0x00000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 470, fnmsub.s, rne, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 471, fnmsub.s, rtz, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 472, fnmsub.s, rdn, 0x80000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 473, fnmsub.s, rup, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 474, fnmsub.s, rmm, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 475, fnmsub.s, rne, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 476, fnmsub.s, rtz, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 477, fnmsub.s, rdn, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 478, fnmsub.s, rup, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 479, fnmsub.s, rmm, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 480, fnmsub.s, rne, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 481, fnmsub.s, rtz, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 482, fnmsub.s, rdn, 0x80000001, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 483, fnmsub.s, rup, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 484, fnmsub.s, rmm, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 485, fnmsub.s, rne, 0xff800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 486, fnmsub.s, rtz, 0xff7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 487, fnmsub.s, rdn, 0xff800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 488, fnmsub.s, rup, 0xff7fffff, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 489, fnmsub.s, rmm, 0xff800000, FF_OF|FF_NX, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 490, fnmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x00000000, 0x7fc00000
        T_S3 491, fnmsub.s, rne, 0x7fc00000, FF_NV, 0x00000000, 0xff800000, 0x7fc12345
        T_S3 492, fnmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x80000000, 0x3f800000
        T_S3 493, fnmsub.s, rne, 0xff800000, 0, 0x7f800000, 0x3f800000, 0xff800000
        T_S3 494, fnmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0x7f800000
        T_S3 495, fnmsub.s, rne, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f800001
        T_S3 496, fnmsub.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x00000000, 0x3f800000
        T_S3 497, fnmsub.s, rne, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000
        T_S3 498, fnmsub.s, rne, 0x7f800000, 0, 0x3f800000, 0x7f7fffff, 0x7f800000
        T_S3 499, fnmsub.s, rne, 0x7e0ab382, FF_NX, 0xbec10860, 0x7eb7f20f, 0x6ad80000
        T_S3 500, fnmsub.s, rmm, 0x8199ea0c, 0, 0x81454a00, 0xbf800000, 0x80dd1430
        T_S3 501, fnmsub.s, rtz, 0x7fc00000, 0, 0xa6f8c276, 0xff6b4e75, 0x7fc12345
        T_S3 502, fnmsub.s, rup, 0xbfe56800, FF_NX, 0x3f800001, 0x3f000000, 0xbfa56800
        T_S3 503, fnmsub.s, rmm, 0x7fc00000, FF_NV, 0x41d221e8, 0xffa00000, 0x7f5440f1
        T_S3 504, fnmsub.s, rmm, 0x80800001, FF_NX, 0x127be885, 0x014184d0, 0x80800001
        T_S3 505, fnmsub.s, rdn, 0xb3a780f1, FF_NX, 0x3fb2cb0f, 0x1ce2c000, 0xb3a780f0
        T_S3 506, fnmsub.s, rtz, 0x4789b29b, FF_NX, 0x17dc0000, 0xef203a4e, 0x3f800001
        T_S3 507, fnmsub.s, rmm, 0x7fc00000, 0, 0x3eaaaaab, 0x40000000, 0x7fc00000
        T_S3 508, fnmsub.s, rtz, 0x7f7fffff, FF_OF|FF_NX, 0x7b8054cb, 0xd9e9b20d, 0x3f000000
        T_S3 509, fnmadd.s, rne, 0x28800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 510, fnmadd.s, rtz, 0x28800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 511, fnmadd.s, rdn, 0x28800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 512, fnmadd.s, rup, 0x28800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 513, fnmadd.s, rmm, 0x28800000, 0, 0x3f800001, 0x3f7ffffe, 0xbf800000
        T_S3 514, fnmadd.s, rne, 0xbf800001, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 515, fnmadd.s, rtz, 0xbf800000, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 516, fnmadd.s, rdn, 0xbf800001, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 517, fnmadd.s, rup, 0xbf800000, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 518, fnmadd.s, rmm, 0xbf800001, FF_NX, 0x33800000, 0x3f800001, 0x3f800000
        T_S3 519, fnmadd.s, rne, 0xbf800000, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 520, fnmadd.s, rtz, 0xbf800000, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 521, fnmadd.s, rdn, 0xbf800001, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 522, fnmadd.s, rup, 0xbf800000, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 523, fnmadd.s, rmm, 0xbf800001, FF_NX, 0x33800000, 0x3f800000, 0x3f800000
        T_S3 524, fnmadd.s, rne, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 525, fnmadd.s, rtz, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 526, fnmadd.s, rdn, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 527, fnmadd.s, rup, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 528, fnmadd.s, rmm, 0x00000000, 0, 0x3f800000, 0x3f800000, 0xbf800000
        T_S3 529, fnmadd.s, rne, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 530, fnmadd.s, rtz, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 531, fnmadd.s, rdn, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 532, fnmadd.s, rup, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 533, fnmadd.s, rmm, 0xc0000000, 0, 0x3f800000, 0x3f800000, 0x3f800000
        T_S3 534, fnmadd.s, rne, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 535, fnmadd.s, rtz, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 536, fnmadd.s, rdn, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 537, fnmadd.s, rup, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 538, fnmadd.s, rmm, 0x00000000, 0, 0x80000000, 0x3f800000, 0x80000000
        T_S3 539, fnmadd.s, rne, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 540, fnmadd.s, rtz, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 541, fnmadd.s, rdn, 0x80000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 542, fnmadd.s, rup, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 543, fnmadd.s, rmm, 0x00000000, 0, 0x00000000, 0xbf800000, 0x00000000
        T_S3 544, fnmadd.s, rne, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 545, fnmadd.s, rtz, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 546, fnmadd.s, rdn, 0x80000001, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 547, fnmadd.s, rup, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 548, fnmadd.s, rmm, 0x80000000, FF_UF|FF_NX, 0x00000001, 0x00000001, 0x80000000
        T_S3 549, fnmadd.s, rne, 0xff7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 550, fnmadd.s, rtz, 0xff7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 551, fnmadd.s, rdn, 0xff7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 552, fnmadd.s, rup, 0xff7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 553, fnmadd.s, rmm, 0xff7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff
        T_S3 554, fnmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x00000000, 0x7fc00000
        T_S3 555, fnmadd.s, rne, 0x7fc00000, FF_NV, 0x00000000, 0xff800000, 0x7fc12345
        T_S3 556, fnmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x80000000, 0x3f800000
        T_S3 557, fnmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800000, 0x3f800000, 0xff800000
        T_S3 558, fnmadd.s, rne, 0xff800000, 0, 0x7f800000, 0x3f800000, 0x7f800000
        T_S3 559, fnmadd.s, rne, 0x7fc00000, FF_NV, 0x3f800000, 0x3f800000, 0x7f800001
        T_S3 560, fnmadd.s, rne, 0x7fc00000, 0, 0x7fc00000, 0x00000000, 0x3f800000
        T_S3 561, fnmadd.s, rne, 0x7fc00000, FF_NV, 0x7f800001, 0x3f800000, 0x3f800000
        T_S3 562, fnmadd.s, rne, 0xff800000, 0, 0x3f800000, 0x7f7fffff, 0x7f800000
        T_S3 563, fnmadd.s, rup, 0x7eaaaaab, FF_NX, 0x3eaaaaab, 0xff7fffff, 0x003ff33a
        T_S3 564, fnmadd.s, rne, 0x77d0efd9, FF_NX, 0xcef0e000, 0x8069c7f7, 0xf7d0efd9
        T_S3 565, fnmadd.s, rne, 0x7f800000, FF_OF|FF_NX, 0x5156d196, 0xff3e0fe0, 0xc0d1b080
        T_S3 566, fnmadd.s, rmm, 0xb7a20000, FF_NX, 0x90baa4a5, 0xbf800000, 0x37a20000
        T_S3 567, fnmadd.s, rup, 0x7ed0d72a, FF_NX, 0xfee827e1, 0x80900000, 0xfed0d72a
        T_S3 568, fnmadd.s, rne, 0xff800000, FF_OF|FF_NX, 0x7e26b09a, 0x7ed7bcd9, 0xcad98ae6
        T_S3 569, fnmadd.s, rup, 0x3abef38c, FF_NX, 0xb847e866, 0x80db2756, 0xbabef38c
        T_S3 570, fnmadd.s, rne, 0x671a2ff3, FF_NX, 0x5240c7fc, 0xd44cc000, 0x80000000
        T_S3 571, fnmadd.s, rup, 0xfe25ff77, FF_NX, 0x79a7639b, 0xc3174000, 0x7e577244
        T_S3 572, fnmadd.s, rne, 0xb80eb61b, FF_NX, 0x1a3ac057, 0x5d43a134, 0x00db5b80
        # fmin.s / fmax.s (F 2.2: -0 < +0, a single NaN operand is ignored, sNaN raises NV)
        T_S2N 573, fmin.s, 0x80000000, 0, 0x00000000, 0x80000000
        T_S2N 574, fmax.s, 0x00000000, 0, 0x00000000, 0x80000000
        T_S2N 575, fmin.s, 0x80000000, 0, 0x80000000, 0x00000000
        T_S2N 576, fmax.s, 0x00000000, 0, 0x80000000, 0x00000000
        T_S2N 577, fmin.s, 0x3f800000, 0, 0x7fc12345, 0x3f800000
        T_S2N 578, fmax.s, 0x3f800000, 0, 0x7fc12345, 0x3f800000
        T_S2N 579, fmin.s, 0x3f800000, 0, 0x3f800000, 0x7fc00000
        T_S2N 580, fmax.s, 0x3f800000, 0, 0x3f800000, 0x7fc00000
        T_S2N 581, fmin.s, 0x3f800000, FF_NV, 0x7f800001, 0x3f800000
        T_S2N 582, fmax.s, 0x3f800000, FF_NV, 0x7f800001, 0x3f800000
        T_S2N 583, fmin.s, 0xbf800000, FF_NV, 0xbf800000, 0xffa00000
        T_S2N 584, fmax.s, 0xbf800000, FF_NV, 0xbf800000, 0xffa00000
        T_S2N 585, fmin.s, 0x7fc00000, 0, 0x7fc12345, 0x7fc00000
        T_S2N 586, fmax.s, 0x7fc00000, 0, 0x7fc12345, 0x7fc00000
        T_S2N 587, fmin.s, 0x7fc00000, FF_NV, 0x7f800001, 0x7fc00000
        T_S2N 588, fmax.s, 0x7fc00000, FF_NV, 0x7f800001, 0x7fc00000
        T_S2N 589, fmin.s, 0x7fc00000, FF_NV, 0x7f800001, 0xffa00000
        T_S2N 590, fmax.s, 0x7fc00000, FF_NV, 0x7f800001, 0xffa00000
        T_S2N 591, fmin.s, 0xff800000, 0, 0xff800000, 0x007fffff
        T_S2N 592, fmax.s, 0x007fffff, 0, 0xff800000, 0x007fffff
        T_S2N 593, fmin.s, 0x3f800000, 0, 0x3f800000, 0x40000000
        T_S2N 594, fmax.s, 0x40000000, 0, 0x3f800000, 0x40000000
        T_S2N 595, fmin.s, 0xc0000000, 0, 0xbf800000, 0xc0000000
        T_S2N 596, fmax.s, 0xbf800000, 0, 0xbf800000, 0xc0000000
        T_S2N 597, fmin.s, 0x7f7fffff, 0, 0x7f800000, 0x7f7fffff
        T_S2N 598, fmax.s, 0x7f800000, 0, 0x7f800000, 0x7f7fffff
        # fsgnj.s / fsgnjn.s / fsgnjx.s: pure bit operations, NaN payloads kept, no flags
        T_S2N 599, fsgnj.s, 0xbf800000, 0, 0x3f800000, 0xbf800000
        T_S2N 600, fsgnjn.s, 0x3f800000, 0, 0x3f800000, 0xbf800000
        T_S2N 601, fsgnjx.s, 0xbf800000, 0, 0x3f800000, 0xbf800000
        T_S2N 602, fsgnj.s, 0x3f800000, 0, 0xbf800000, 0x3f800000
        T_S2N 603, fsgnjn.s, 0xbf800000, 0, 0xbf800000, 0x3f800000
        T_S2N 604, fsgnjx.s, 0xbf800000, 0, 0xbf800000, 0x3f800000
        T_S2N 605, fsgnj.s, 0xbf800000, 0, 0xbf800000, 0xbf800000
        T_S2N 606, fsgnjn.s, 0x3f800000, 0, 0xbf800000, 0xbf800000
        T_S2N 607, fsgnjx.s, 0x3f800000, 0, 0xbf800000, 0xbf800000
        T_S2N 608, fsgnj.s, 0xff800001, 0, 0x7f800001, 0x80000000
        T_S2N 609, fsgnjn.s, 0x7f800001, 0, 0x7f800001, 0x80000000
        T_S2N 610, fsgnjx.s, 0xff800001, 0, 0x7f800001, 0x80000000
        T_S2N 611, fsgnj.s, 0x7fc12345, 0, 0xffc12345, 0x3f800000
        T_S2N 612, fsgnjn.s, 0xffc12345, 0, 0xffc12345, 0x3f800000
        T_S2N 613, fsgnjx.s, 0xffc12345, 0, 0xffc12345, 0x3f800000
        T_S2N 614, fsgnj.s, 0x80000000, 0, 0x80000000, 0xff800000
        T_S2N 615, fsgnjn.s, 0x00000000, 0, 0x80000000, 0xff800000
        T_S2N 616, fsgnjx.s, 0x00000000, 0, 0x80000000, 0xff800000
        # feq.s (quiet) / flt.s / fle.s (signaling)
        T_SCMP 617, feq.s, 1, 0, 0x3f800000, 0x3f800000
        T_SCMP 618, flt.s, 0, 0, 0x3f800000, 0x3f800000
        T_SCMP 619, fle.s, 1, 0, 0x3f800000, 0x3f800000
        T_SCMP 620, feq.s, 0, 0, 0x3f800000, 0x40000000
        T_SCMP 621, flt.s, 1, 0, 0x3f800000, 0x40000000
        T_SCMP 622, fle.s, 1, 0, 0x3f800000, 0x40000000
        T_SCMP 623, feq.s, 0, 0, 0x40000000, 0x3f800000
        T_SCMP 624, flt.s, 0, 0, 0x40000000, 0x3f800000
        T_SCMP 625, fle.s, 0, 0, 0x40000000, 0x3f800000
        T_SCMP 626, feq.s, 1, 0, 0x00000000, 0x80000000
        T_SCMP 627, flt.s, 0, 0, 0x00000000, 0x80000000
        T_SCMP 628, fle.s, 1, 0, 0x00000000, 0x80000000
        T_SCMP 629, feq.s, 1, 0, 0x80000000, 0x00000000
        T_SCMP 630, flt.s, 0, 0, 0x80000000, 0x00000000
        T_SCMP 631, fle.s, 1, 0, 0x80000000, 0x00000000
        T_SCMP 632, feq.s, 0, 0, 0x7fc00000, 0x3f800000
        T_SCMP 633, flt.s, 0, FF_NV, 0x7fc00000, 0x3f800000
        T_SCMP 634, fle.s, 0, FF_NV, 0x7fc00000, 0x3f800000
        T_SCMP 635, feq.s, 0, 0, 0x3f800000, 0x7fc12345
        T_SCMP 636, flt.s, 0, FF_NV, 0x3f800000, 0x7fc12345
        T_SCMP 637, fle.s, 0, FF_NV, 0x3f800000, 0x7fc12345
        T_SCMP 638, feq.s, 0, FF_NV, 0x7f800001, 0x3f800000
        T_SCMP 639, flt.s, 0, FF_NV, 0x7f800001, 0x3f800000
        T_SCMP 640, fle.s, 0, FF_NV, 0x7f800001, 0x3f800000
        T_SCMP 641, feq.s, 0, 0, 0x7fc00000, 0x7fc00000
        T_SCMP 642, flt.s, 0, FF_NV, 0x7fc00000, 0x7fc00000
        T_SCMP 643, fle.s, 0, FF_NV, 0x7fc00000, 0x7fc00000
        T_SCMP 644, feq.s, 0, 0, 0xff800000, 0xff7fffff
        T_SCMP 645, flt.s, 1, 0, 0xff800000, 0xff7fffff
        T_SCMP 646, fle.s, 1, 0, 0xff800000, 0xff7fffff
        T_SCMP 647, feq.s, 0, 0, 0x80000001, 0x80000000
        T_SCMP 648, flt.s, 1, 0, 0x80000001, 0x80000000
        T_SCMP 649, fle.s, 1, 0, 0x80000001, 0x80000000
        T_SCMP 650, feq.s, 1, 0, 0x7f800000, 0x7f800000
        T_SCMP 651, flt.s, 0, 0, 0x7f800000, 0x7f800000
        T_SCMP 652, fle.s, 1, 0, 0x7f800000, 0x7f800000
        # fclass.s
        T_SCLASS 653, 0x1, 0xff800000
        T_SCLASS 654, 0x2, 0xbf800000
        T_SCLASS 655, 0x4, 0x807fffff
        T_SCLASS 656, 0x8, 0x80000000
        T_SCLASS 657, 0x10, 0x00000000
        T_SCLASS 658, 0x20, 0x00000001
        T_SCLASS 659, 0x40, 0x3f800000
        T_SCLASS 660, 0x80, 0x7f800000
        T_SCLASS 661, 0x100, 0x7f800001
        T_SCLASS 662, 0x200, 0x7fc00000
        T_SCLASS 663, 0x100, 0xffa00000
        T_SCLASS 664, 0x200, 0xffc12345
        T_SCLASS 665, 0x2, 0xff7fffff
        T_SCLASS 666, 0x40, 0x00800000
        PASS
