# rv64m: MUL/MULH/MULHSU/MULHU/DIV/DIVU/REM/REMU and the W forms, including
# division by zero (quotient all ones, remainder = dividend) and signed overflow
# (MIN / -1 = MIN, remainder 0), and W-form sign extension.
        .include "harness.S"
        TEST_NAME "rv64m"
        .option norvc

        .equ MIN64, 0x8000000000000000
        .equ MAX64, 0x7fffffffffffffff

main:
        TEST_RR 1,  mul,    0x0000000000000006, 2, 3
        TEST_RR 2,  mul,    0xfffffffffffffffa, -2, 3
        TEST_RR 3,  mul,    0x0000000000000001, -1, -1
        TEST_RR 4,  mul,    MIN64, MIN64, -1                       # low half wraps
        TEST_RR 5,  mul,    0x2236d88fe5618cf0, 0x0123456789abcdef, 0xfedcba9876543210
        TEST_RR 6,  mulh,   0xffffffffffffffff, -1, 1
        TEST_RR 7,  mulh,   0x0000000000000000, -1, -1
        TEST_RR 8,  mulh,   0x4000000000000000, MIN64, MIN64
        TEST_RR 9,  mulh,   0xc000000000000000, MIN64, MAX64
        TEST_RR 10, mulh,   0xfffeb49923cc0953, 0x0123456789abcdef, 0xfedcba9876543210
        TEST_RR 11, mulhu,  0xfffffffffffffffe, -1, -1
        TEST_RR 12, mulhu,  0x0000000000000000, -1, 1
        TEST_RR 13, mulhu,  0x4000000000000000, MIN64, MIN64
        TEST_RR 14, mulhu,  0x0121fa00ad77d742, 0x0123456789abcdef, 0xfedcba9876543210
        TEST_RR 15, mulhsu, 0xffffffffffffffff, -1, 1                # rs1 signed, rs2 unsigned
        TEST_RR 16, mulhsu, 0xffffffffffffffff, -1, -1
        TEST_RR 17, mulhsu, 0xc000000000000000, MIN64, MIN64
        TEST_RR 18, mulhsu, 0x0000000000000000, 1, -1
        TEST_RR 19, mulhsu, 0x0121fa00ad77d742, 0x0123456789abcdef, 0xfedcba9876543210
        TEST_RR 20, mulhsu, 0xfffeb49923cc0953, 0xfedcba9876543210, 0x0123456789abcdef

        TEST_RR 30, div,    0xfffffffffffffffd, 20, -6              # truncates toward zero
        TEST_RR 31, div,    0xfffffffffffffffd, -20, 6
        TEST_RR 32, div,    0x0000000000000003, -20, -6
        TEST_RR 33, div,    MIN64, MIN64, -1                        # overflow
        TEST_RR 34, div,    0xffffffffffffffff, 5, 0                # by zero: -1
        TEST_RR 35, div,    0xffffffffffffffff, MIN64, 0
        TEST_RR 36, divu,   0x0000000000000003, 20, 6
        TEST_RR 37, divu,   0x2aaaaaaaaaaaaaa7, -20, 6
        TEST_RR 38, divu,   0xffffffffffffffff, 5, 0                # by zero: all ones
        TEST_RR 39, divu,   0x0000000000000000, MIN64, -1
        TEST_RR 40, rem,    0x0000000000000002, 20, -6              # sign of dividend
        TEST_RR 41, rem,    0xfffffffffffffffe, -20, 6
        TEST_RR 42, rem,    0xfffffffffffffffe, -20, -6
        TEST_RR 43, rem,    0x0000000000000000, MIN64, -1           # overflow: 0
        TEST_RR 44, rem,    0xfffffffffffffffb, -5, 0               # by zero: dividend
        TEST_RR 45, remu,   0x0000000000000002, 20, 6
        TEST_RR 46, remu,   0x0000000000000002, -20, 6
        TEST_RR 47, remu,   0xfffffffffffffffb, -5, 0               # by zero: dividend
        TEST_RR 48, remu,   MIN64, MIN64, -1

        TEST_RR 60, mulw,   0xffffffff80000000, 0x10000, 0x8000    # sign-extended 32-bit result
        TEST_RR 61, mulw,   0x0000000000000001, -1, -1
        TEST_RR 62, mulw,   0x0000000000000006, 0x1234567800000002, 0x8765432100000003
        TEST_RR 63, mulw,   0xffffffff80000000, 0x80000000, 0xffffffff   # MIN32 * -1
        TEST_RR 64, divw,   0xfffffffffffffffd, 20, -6
        TEST_RR 65, divw,   0xffffffff80000000, 0x80000000, -1        # overflow
        TEST_RR 66, divw,   0xffffffffffffffff, 0x12345678, 0x100000000  # divisor's low 32 bits are 0
        TEST_RR 67, divw,   0xfffffffffffffffd, 0xffffffff00000014, 0x00000000fffffffa  # operands are low 32 bits
        TEST_RR 68, divuw,  0x000000002aaaaaa7, -20, 6
        TEST_RR 69, divuw,  0xffffffffffffffff, 5, 0                # by zero: all ones (sign-extended)
        TEST_RR 70, divuw,  0xffffffff80000000, 0x80000000, 1        # result bit 31 sign-extends
        TEST_RR 71, remw,   0x0000000000000002, 20, -6
        TEST_RR 72, remw,   0x0000000000000000, 0x80000000, -1        # overflow: 0
        TEST_RR 73, remw,   0xfffffffffffffffb, 0xfffffffb, 0         # by zero: sext(dividend)
        TEST_RR 74, remw,   0x0000000000000005, 0xffffffff00000005, 0
        TEST_RR 75, remuw,  0x0000000000000002, -20, 6
        TEST_RR 76, remuw,  0xffffffff80000005, 0x80000005, 0         # by zero: sext(dividend)
        TEST_RR 77, remuw,  0xffffffff80000000, 0x80000000, 0x80000001

        TEST 90                                         # rd aliasing
        li a0, 7
        mul a0, a0, a0
        CHECK a0, 49
        TEST 91
        li a0, -7
        li a1, 2
        div a1, a0, a1
        CHECK a1, -3
        TEST 92
        li a0, 1
        mulh x0, a0, a0
        CHECK x0, 0
        ret
