package dev.lpm.cpu.fp;

import static dev.lpm.cpu.fp.FpFlags.DZ;
import static dev.lpm.cpu.fp.FpFlags.NV;
import static dev.lpm.cpu.fp.FpFlags.NX;
import static dev.lpm.cpu.fp.FpFlags.OF;
import static dev.lpm.cpu.fp.FpFlags.UF;

/**
 * IEEE 754-2008 binary32/binary64 arithmetic with RISC-V semantics (F and D extensions).
 *
 * <p>Values are raw bit patterns: binary32 in an {@code int}, binary64 in a {@code long}. Rounding modes
 * use the RISC-V {@code frm} encoding and must already be resolved (0..4; never DYN). Exception flags are
 * OR-ed into the supplied {@link FpFlags}. RISC-V specifics: every NaN result is the canonical NaN,
 * signaling NaN inputs raise NV, tininess is detected after rounding, and float-to-integer conversions
 * saturate as in the "Domains of float-to-integer conversions" table.
 *
 * <p>Design: every operation has an exact "generic" path that unpacks operands to sign / unbiased exponent /
 * significand (leading bit at bit 62 of a {@code long}), computes the exact result (or a truncated result
 * with a sticky bit) with integer arithmetic, and hands it to one rounding/packing routine per format
 * ({@link #roundPackS}, {@link #roundPackD}). Hot cases in round-to-nearest-even use the host's IEEE
 * arithmetic, with the inexact flag derived from exact error terms (TwoSum, {@link Math#fma}); those fast
 * paths are only taken where the result is provably normal and not overflowing, so they can never need
 * the UF or OF flags, and otherwise defer to the generic path.
 */
public final class SoftFloat {
    public static final int CANONICAL_NAN_S = 0x7fc00000;
    public static final long CANONICAL_NAN_D = 0x7ff8000000000000L;

    public static final int RNE = 0;
    public static final int RTZ = 1;
    public static final int RDN = 2;
    public static final int RUP = 3;
    public static final int RMM = 4;

    private static final int S_SIGN = 0x80000000;
    private static final int S_ABS = 0x7fffffff;
    private static final int S_INF = 0x7f800000;
    private static final int S_MAX = 0x7f7fffff;
    private static final int S_FRAC = 0x007fffff;
    private static final int S_QUIET = 0x00400000;

    private static final long D_SIGN = 0x8000000000000000L;
    private static final long D_ABS = 0x7fffffffffffffffL;
    private static final long D_INF = 0x7ff0000000000000L;
    private static final long D_MAX = 0x7fefffffffffffffL;
    private static final long D_FRAC = 0x000fffffffffffffL;
    private static final long D_QUIET = 0x0008000000000000L;

    private SoftFloat() {
    }

    // =====================================================================================================
    // Classification helpers
    // =====================================================================================================

    /** True for any NaN (quiet or signaling). */
    public static boolean isNaNS(int a) {
        return (a & S_ABS) > S_INF;
    }

    /** True for a signaling NaN. */
    public static boolean isSNaNS(int a) {
        return (a & S_ABS) > S_INF && (a & S_QUIET) == 0;
    }

    /** True for any NaN (quiet or signaling). */
    public static boolean isNaND(long a) {
        return (a & D_ABS) > D_INF;
    }

    /** True for a signaling NaN. */
    public static boolean isSNaND(long a) {
        return (a & D_ABS) > D_INF && (a & D_QUIET) == 0;
    }

    /** Unbiased exponent of the leading significand bit of a finite nonzero binary32. */
    private static int expS(int a) {
        int e = (a >>> 23) & 0xff;
        return e != 0 ? e - 127 : -86 - Long.numberOfLeadingZeros(a & S_FRAC);
    }

    /** Significand of a finite nonzero binary32, normalized so that its leading bit is bit 62. */
    private static long sigS(int a) {
        long m = a & S_FRAC;
        return (a & S_INF) != 0 ? (m | 0x800000L) << 39 : m << (Long.numberOfLeadingZeros(m) - 1);
    }

    /** Unbiased exponent of the leading significand bit of a finite nonzero binary64. */
    private static int expD(long a) {
        int e = (int) (a >>> 52) & 0x7ff;
        return e != 0 ? e - 1023 : -1011 - Long.numberOfLeadingZeros(a & D_FRAC);
    }

    /** Significand of a finite nonzero binary64, normalized so that its leading bit is bit 62. */
    private static long sigD(long a) {
        long m = a & D_FRAC;
        return (a & D_INF) != 0 ? (m | 0x10000000000000L) << 10 : m << (Long.numberOfLeadingZeros(m) - 1);
    }

    /** Shifts right by {@code d >= 0}, OR-ing every bit shifted out into bit 0 (the sticky bit). */
    private static long shiftRightJam(long x, int d) {
        if (d >= 63) {
            return x != 0 ? 1 : 0;
        }
        return (x >>> d) | ((x & ((1L << d) - 1)) != 0 ? 1 : 0);
    }

    // =====================================================================================================
    // Rounding and packing
    // =====================================================================================================

    /**
     * Whether a truncated magnitude {@code q} must be incremented, given the discarded bits {@code rem}
     * (nonzero) whose half-way value is {@code half}.
     */
    private static boolean roundUp(int rm, boolean neg, long q, long rem, long half) {
        return switch (rm) {
            case RNE -> rem > half || (rem == half && (q & 1) != 0);
            case RTZ -> false;
            case RDN -> neg;
            case RUP -> !neg;
            case RMM -> rem >= half;
            default -> throw new IllegalArgumentException("bad rounding mode " + rm);
        };
    }

    private static boolean overflowToInfinity(int rm, boolean neg) {
        return switch (rm) {
            case RTZ -> false;
            case RDN -> neg;
            case RUP -> !neg;
            default -> true;
        };
    }

    private static int overflowS(boolean neg, int rm, FpFlags f) {
        f.value |= OF | NX;
        return (neg ? S_SIGN : 0) | (overflowToInfinity(rm, neg) ? S_INF : S_MAX);
    }

    private static long overflowD(boolean neg, int rm, FpFlags f) {
        f.value |= OF | NX;
        return (neg ? D_SIGN : 0) | (overflowToInfinity(rm, neg) ? D_INF : D_MAX);
    }

    private static final long S_RMASK = (1L << 39) - 1;
    private static final long S_HALF = 1L << 38;

    /**
     * Rounds {@code (-1)^neg * sig * 2^(exp-62)} to binary32. {@code sig} must lie in [2^62, 2^63); bits
     * below the rounding position may carry a sticky bit in bit 0.
     */
    static int roundPackS(boolean neg, int exp, long sig, int rm, FpFlags f) {
        int signBit = neg ? S_SIGN : 0;
        int be = exp + 127;
        if (be >= 1) {
            long q = sig >>> 39;
            long rem = sig & S_RMASK;
            if (rem != 0) {
                f.value |= NX;
                if (roundUp(rm, neg, q, rem, S_HALF)) {
                    q++;
                    if (q == (1L << 24)) {
                        q = 1L << 23;
                        be++;
                    }
                }
            }
            if (be >= 0xff) {
                return overflowS(neg, rm, f);
            }
            return signBit | (be << 23) | ((int) q & S_FRAC);
        }
        int shift = 1 - be;
        long s = shiftRightJam(sig, shift);
        long q = s >>> 39;
        long rem = s & S_RMASK;
        if (rem != 0) {
            boolean tiny = true;
            if (be == 0) {
                // Tininess after rounding: would rounding to 24 bits with an unbounded exponent reach 2^-126?
                long qf = sig >>> 39;
                long rf = sig & S_RMASK;
                if (rf != 0 && qf == (1L << 24) - 1 && roundUp(rm, neg, qf, rf, S_HALF)) {
                    tiny = false;
                }
            }
            f.value |= tiny ? (NX | UF) : NX;
            if (roundUp(rm, neg, q, rem, S_HALF)) {
                q++; // may carry into the exponent field: that is exactly the smallest normal encoding
            }
        }
        return signBit | (int) q;
    }

    /**
     * Rounds {@code (-1)^neg * sig * 2^(exp-62)} to binary64. {@code sig} must lie in [2^62, 2^63); bits
     * below the rounding position may carry a sticky bit in bit 0.
     */
    static long roundPackD(boolean neg, int exp, long sig, int rm, FpFlags f) {
        long signBit = neg ? D_SIGN : 0;
        int be = exp + 1023;
        if (be >= 1) {
            long q = sig >>> 10;
            long rem = sig & 0x3ff;
            if (rem != 0) {
                f.value |= NX;
                if (roundUp(rm, neg, q, rem, 0x200)) {
                    q++;
                    if (q == (1L << 53)) {
                        q = 1L << 52;
                        be++;
                    }
                }
            }
            if (be >= 0x7ff) {
                return overflowD(neg, rm, f);
            }
            return signBit | ((long) be << 52) | (q & D_FRAC);
        }
        int shift = 1 - be;
        long s = shiftRightJam(sig, shift);
        long q = s >>> 10;
        long rem = s & 0x3ff;
        if (rem != 0) {
            boolean tiny = true;
            if (be == 0) {
                long qf = sig >>> 10;
                long rf = sig & 0x3ff;
                if (rf != 0 && qf == (1L << 53) - 1 && roundUp(rm, neg, qf, rf, 0x200)) {
                    tiny = false;
                }
            }
            f.value |= tiny ? (NX | UF) : NX;
            if (roundUp(rm, neg, q, rem, 0x200)) {
                q++;
            }
        }
        return signBit | q;
    }

    // =====================================================================================================
    // binary32 arithmetic
    // =====================================================================================================

    /** fadd.s: a + b. */
    public static int addS(int a, int b, int rm, FpFlags f) {
        if (rm == RNE && (a & S_INF) != S_INF && (b & S_INF) != S_INF) {
            // Double rounding binary32 -> binary64 -> binary32 is innocuous for + (53 >= 2*24+2).
            double x = Float.intBitsToFloat(a);
            double y = Float.intBitsToFloat(b);
            double s = x + y;
            float r = (float) s;
            if (Math.abs(r) <= Float.MAX_VALUE) {
                double bb = s - x;
                double err = (x - (s - bb)) + (y - bb); // TwoSum: exact error of s (inputs are tiny vs. range)
                if (err != 0 || (double) r != s) {
                    f.value |= NX; // sums never underflow (tiny sums are exact)
                }
                return Float.floatToRawIntBits(r);
            }
        }
        return addSlowS(a, b, rm, f);
    }

    /** fsub.s: a - b. */
    public static int subS(int a, int b, int rm, FpFlags f) {
        return addS(a, b ^ S_SIGN, rm, f);
    }

    private static int addSlowS(int a, int b, int rm, FpFlags f) {
        int aa = a & S_ABS;
        int ab = b & S_ABS;
        if (aa >= S_INF || ab >= S_INF) {
            if (aa > S_INF || ab > S_INF) {
                return nanS(a, b, f);
            }
            if (aa == S_INF) {
                if (ab == S_INF && a != b) {
                    f.value |= NV;
                    return CANONICAL_NAN_S;
                }
                return a;
            }
            return b;
        }
        if (aa == 0) {
            if (ab == 0) {
                return a == b ? a : (rm == RDN ? S_SIGN : 0);
            }
            return b;
        }
        if (ab == 0) {
            return a;
        }
        return addMagS(a < 0, expS(a), sigS(a) >>> 1, b < 0, expS(b), sigS(b) >>> 1, rm, f);
    }

    /**
     * Adds two finite nonzero values {@code (-1)^n * m * 2^(e-61)} whose significands have their leading
     * bit at bit 61 and whose low bits beyond what the sum needs are zero (at least 3 spare bits below the
     * binary32 rounding position).
     */
    private static int addMagS(boolean na, int ea, long ma, boolean nb, int eb, long mb, int rm, FpFlags f) {
        if (ea < eb || (ea == eb && ma < mb)) {
            boolean tn = na;
            na = nb;
            nb = tn;
            int te = ea;
            ea = eb;
            eb = te;
            long tm = ma;
            ma = mb;
            mb = tm;
        }
        mb = shiftRightJam(mb, ea - eb);
        long s;
        if (na == nb) {
            s = ma + mb;
        } else {
            s = ma - mb;
            if (s == 0) {
                return rm == RDN ? S_SIGN : 0;
            }
        }
        int lz = Long.numberOfLeadingZeros(s);
        return roundPackS(na, ea + 2 - lz, s << (lz - 1), rm, f);
    }

    /** fmul.s: a * b. */
    public static int mulS(int a, int b, int rm, FpFlags f) {
        if (rm == RNE) {
            double p = (double) Float.intBitsToFloat(a) * (double) Float.intBitsToFloat(b); // exact
            float r = (float) p;
            if ((double) r == p) {
                return Float.floatToRawIntBits(r); // exact (also zeros and inf*finite); NaNs fail the test
            }
            float ar = Math.abs(r);
            if (ar > Float.MIN_NORMAL && ar <= Float.MAX_VALUE) {
                f.value |= NX;
                return Float.floatToRawIntBits(r);
            }
        }
        return mulSlowS(a, b, rm, f);
    }

    private static int mulSlowS(int a, int b, int rm, FpFlags f) {
        int aa = a & S_ABS;
        int ab = b & S_ABS;
        int sign = (a ^ b) & S_SIGN;
        if (aa >= S_INF || ab >= S_INF) {
            if (aa > S_INF || ab > S_INF) {
                return nanS(a, b, f);
            }
            if (aa == 0 || ab == 0) {
                f.value |= NV;
                return CANONICAL_NAN_S;
            }
            return sign | S_INF;
        }
        if (aa == 0 || ab == 0) {
            return sign;
        }
        return mulFiniteS(a, b, rm, f);
    }

    /** a*b for finite nonzero a and b. */
    private static int mulFiniteS(int a, int b, int rm, FpFlags f) {
        int e = expS(a) + expS(b);
        long p = (sigS(a) >>> 39) * (sigS(b) >>> 39); // [2^46, 2^48)
        if (p < (1L << 47)) {
            p <<= 16;
        } else {
            p <<= 15;
            e++;
        }
        return roundPackS((a ^ b) < 0, e, p, rm, f);
    }

    /** fdiv.s: a / b (DZ for finite nonzero / 0). */
    public static int divS(int a, int b, int rm, FpFlags f) {
        if (rm == RNE) {
            double x = Float.intBitsToFloat(a);
            double y = Float.intBitsToFloat(b);
            float r = (float) (x / y); // double rounding innocuous for / (53 >= 2*24+2)
            if ((double) r * y == x) {
                return Float.floatToRawIntBits(r); // exact: r*y is exact in binary64
            }
            float ar = Math.abs(r);
            if (ar > Float.MIN_NORMAL && ar <= Float.MAX_VALUE && y != 0) {
                f.value |= NX;
                return Float.floatToRawIntBits(r);
            }
        }
        return divSlowS(a, b, rm, f);
    }

    private static int divSlowS(int a, int b, int rm, FpFlags f) {
        int aa = a & S_ABS;
        int ab = b & S_ABS;
        int sign = (a ^ b) & S_SIGN;
        if (aa >= S_INF || ab >= S_INF) {
            if (aa > S_INF || ab > S_INF) {
                return nanS(a, b, f);
            }
            if (aa == S_INF) {
                if (ab == S_INF) {
                    f.value |= NV;
                    return CANONICAL_NAN_S;
                }
                return sign | S_INF;
            }
            return sign; // finite / inf
        }
        if (ab == 0) {
            if (aa == 0) {
                f.value |= NV;
                return CANONICAL_NAN_S;
            }
            f.value |= DZ;
            return sign | S_INF;
        }
        if (aa == 0) {
            return sign;
        }
        int e = expS(a) - expS(b);
        long na = sigS(a) >>> 39;
        long nb = sigS(b) >>> 39;
        if (na < nb) {
            na <<= 1;
            e--;
        }
        long num = na << 38;
        long q = num / nb; // [2^38, 2^39)
        long r = num - q * nb;
        return roundPackS((a ^ b) < 0, e, (q << 24) | (r != 0 ? 1 : 0), rm, f);
    }

    /** fsqrt.s (NV for negative nonzero inputs; sqrt(-0) = -0). */
    public static int sqrtS(int a, int rm, FpFlags f) {
        if (a > 0 && a < S_INF) {
            // Positive finite nonzero: the binary64 square root rounded to binary32 is correctly rounded
            // (53 >= 2*24+2); r*r is exact in binary64, so it tells on which side the exact root lies.
            double x = Float.intBitsToFloat(a);
            float r = (float) Math.sqrt(x);
            double rr = (double) r * r;
            int bits = Float.floatToRawIntBits(r);
            if (rr != x) {
                f.value |= NX;
                if (rr > x) {
                    if (rm == RTZ || rm == RDN) {
                        bits--; // r is normal and positive: previous float
                    }
                } else if (rm == RUP) {
                    bits++;
                }
                // Square roots have no ties, so RMM and RNE agree.
            }
            return bits;
        }
        if ((a & S_ABS) == 0 || a == S_INF) {
            return a; // +-0, +inf
        }
        if (isSNaNS(a) || !isNaNS(a)) {
            f.value |= NV; // sNaN or negative
        }
        return CANONICAL_NAN_S;
    }

    /**
     * fmadd.s: a * b + c with a single rounding. fmsub/fnmsub/fnmadd are obtained by the caller by flipping sign bits
     * (fmsub = mulAdd(a, b, -c), fnmsub = mulAdd(-a, b, c), fnmadd = mulAdd(-a, b, -c)). inf * 0 raises NV even when c
     * is a quiet NaN.
     */
    public static int mulAddS(int a, int b, int c, int rm, FpFlags f) {
        if (rm == RNE && (a & S_INF) != S_INF && (b & S_INF) != S_INF && (c & S_INF) != S_INF) {
            double p = (double) Float.intBitsToFloat(a) * (double) Float.intBitsToFloat(b); // exact
            double z = Float.intBitsToFloat(c);
            double s = p + z;
            double bb = s - p;
            double err = (p - (s - bb)) + (z - bb); // exact sum = s + err
            float r = (float) s;
            if (err == 0 && (double) r == s) {
                return Float.floatToRawIntBits(r); // exact
            }
            float ar = Math.abs(r);
            if (ar > Float.MIN_NORMAL && ar <= Float.MAX_VALUE) {
                // s is in the binary32 normal range. Rounding s instead of s+err only differs when s is
                // exactly a binary32 midpoint (29 discarded bits = 100...0): then err decides.
                if (err != 0 && (Double.doubleToRawLongBits(s) & 0x1fffffffL) == 0x10000000L) {
                    r = (float) (err > 0 ? Math.nextUp(s) : Math.nextDown(s));
                }
                f.value |= NX;
                return Float.floatToRawIntBits(r);
            }
        }
        return mulAddSlowS(a, b, c, rm, f);
    }

    private static int mulAddSlowS(int a, int b, int c, int rm, FpFlags f) {
        int aa = a & S_ABS;
        int ab = b & S_ABS;
        int ac = c & S_ABS;
        boolean infZero = (aa == S_INF && ab == 0) || (aa == 0 && ab == S_INF);
        if (aa > S_INF || ab > S_INF || ac > S_INF) {
            if (isSNaNS(a) || isSNaNS(b) || isSNaNS(c) || infZero) {
                f.value |= NV; // RISC-V: inf*0 raises NV even when the addend is a quiet NaN
            }
            return CANONICAL_NAN_S;
        }
        if (infZero) {
            f.value |= NV;
            return CANONICAL_NAN_S;
        }
        boolean pn = (a ^ b) < 0;
        if (aa == S_INF || ab == S_INF) {
            if (ac == S_INF && (c < 0) != pn) {
                f.value |= NV;
                return CANONICAL_NAN_S;
            }
            return (pn ? S_SIGN : 0) | S_INF;
        }
        if (ac == S_INF) {
            return c;
        }
        if (aa == 0 || ab == 0) {
            if (ac == 0) {
                return pn == (c < 0) ? c : (rm == RDN ? S_SIGN : 0);
            }
            return c;
        }
        if (ac == 0) {
            return mulFiniteS(a, b, rm, f);
        }
        // Exact product (48 bits) with its leading bit at 61, addend likewise; then an ordinary addition.
        int ep = expS(a) + expS(b);
        long p = (sigS(a) >>> 39) * (sigS(b) >>> 39);
        if (p < (1L << 47)) {
            p <<= 15;
        } else {
            p <<= 14;
            ep++;
        }
        return addMagS(pn, ep, p, c < 0, expS(c), sigS(c) >>> 1, rm, f);
    }

    private static int nanS(int a, int b, FpFlags f) {
        if (isSNaNS(a) || isSNaNS(b)) {
            f.value |= NV;
        }
        return CANONICAL_NAN_S;
    }

    // =====================================================================================================
    // binary64 arithmetic
    // =====================================================================================================

    /** fadd.d: a + b. */
    public static long addD(long a, long b, int rm, FpFlags f) {
        // Fast path: both magnitudes below 2^1022 (so nothing in TwoSum can overflow); any subnormal sum
        // is exact, so only NX can arise.
        if (rm == RNE && (a & D_ABS) < 0x7fd0000000000000L && (b & D_ABS) < 0x7fd0000000000000L) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double s = x + y;
            double bb = s - x;
            if ((x - (s - bb)) + (y - bb) != 0) {
                f.value |= NX;
            }
            return Double.doubleToRawLongBits(s);
        }
        return addSlowD(a, b, rm, f);
    }

    /** fsub.d: a - b. */
    public static long subD(long a, long b, int rm, FpFlags f) {
        return addD(a, b ^ D_SIGN, rm, f);
    }

    private static long addSlowD(long a, long b, int rm, FpFlags f) {
        long aa = a & D_ABS;
        long ab = b & D_ABS;
        if (aa >= D_INF || ab >= D_INF) {
            if (aa > D_INF || ab > D_INF) {
                return nanD(a, b, f);
            }
            if (aa == D_INF) {
                if (ab == D_INF && a != b) {
                    f.value |= NV;
                    return CANONICAL_NAN_D;
                }
                return a;
            }
            return b;
        }
        if (aa == 0) {
            if (ab == 0) {
                return a == b ? a : (rm == RDN ? D_SIGN : 0);
            }
            return b;
        }
        if (ab == 0) {
            return a;
        }
        boolean na = a < 0;
        boolean nb = b < 0;
        int ea = expD(a);
        int eb = expD(b);
        long ma = sigD(a) >>> 1;
        long mb = sigD(b) >>> 1;
        if (ea < eb || (ea == eb && ma < mb)) {
            boolean tn = na;
            na = nb;
            nb = tn;
            int te = ea;
            ea = eb;
            eb = te;
            long tm = ma;
            ma = mb;
            mb = tm;
        }
        mb = shiftRightJam(mb, ea - eb);
        long s;
        if (na == nb) {
            s = ma + mb;
        } else {
            s = ma - mb;
            if (s == 0) {
                return rm == RDN ? D_SIGN : 0;
            }
        }
        int lz = Long.numberOfLeadingZeros(s);
        return roundPackD(na, ea + 2 - lz, s << (lz - 1), rm, f);
    }

    /** fmul.d: a * b. */
    public static long mulD(long a, long b, int rm, FpFlags f) {
        if (rm == RNE && (a & D_INF) != D_INF && (b & D_INF) != D_INF) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double p = x * y;
            long pb = Double.doubleToRawLongBits(p);
            long ap = pb & D_ABS;
            // |p| >= 2^-968 and finite: normal, no overflow, and the product's error is representable.
            if (ap >= (55L << 52) && ap < D_INF) {
                if (Math.fma(x, y, -p) != 0) {
                    f.value |= NX;
                }
                return pb;
            }
            if (p == 0 && (x == 0 || y == 0)) {
                return pb;
            }
        }
        return mulSlowD(a, b, rm, f);
    }

    private static long mulSlowD(long a, long b, int rm, FpFlags f) {
        long aa = a & D_ABS;
        long ab = b & D_ABS;
        long sign = (a ^ b) & D_SIGN;
        if (aa >= D_INF || ab >= D_INF) {
            if (aa > D_INF || ab > D_INF) {
                return nanD(a, b, f);
            }
            if (aa == 0 || ab == 0) {
                f.value |= NV;
                return CANONICAL_NAN_D;
            }
            return sign | D_INF;
        }
        if (aa == 0 || ab == 0) {
            return sign;
        }
        return mulFiniteD(a, b, rm, f);
    }

    /** a*b for finite nonzero a and b. */
    private static long mulFiniteD(long a, long b, int rm, FpFlags f) {
        int e = expD(a) + expD(b);
        long ma = sigD(a);
        long mb = sigD(b);
        long hi = Math.unsignedMultiplyHigh(ma, mb); // product in [2^124, 2^126)
        long lo = ma * mb;
        long sig;
        if (hi < (1L << 61)) {
            sig = (hi << 2) | (lo >>> 62) | ((lo << 2) != 0 ? 1 : 0);
        } else {
            sig = (hi << 1) | (lo >>> 63) | ((lo << 1) != 0 ? 1 : 0);
            e++;
        }
        return roundPackD((a ^ b) < 0, e, sig, rm, f);
    }

    /** fdiv.d: a / b (DZ for finite nonzero / 0). */
    public static long divD(long a, long b, int rm, FpFlags f) {
        // Fast path: |a| >= 2^-968, b finite nonzero, quotient normal (>= 2^-1021) and finite. Then
        // r*b - a is a multiple of >= 2^-1073, so fma(r, b, -a) is zero exactly when the quotient is.
        if (rm == RNE && (a & D_ABS) >= (55L << 52) && (a & D_INF) != D_INF && (b & D_INF) != D_INF
                && (b & D_ABS) != 0) {
            double x = Double.longBitsToDouble(a);
            double y = Double.longBitsToDouble(b);
            double r = x / y;
            long rb = Double.doubleToRawLongBits(r);
            long ar = rb & D_ABS;
            if (ar >= (2L << 52) && ar < D_INF) {
                if (Math.fma(r, y, -x) != 0) {
                    f.value |= NX;
                }
                return rb;
            }
        }
        return divSlowD(a, b, rm, f);
    }

    private static long divSlowD(long a, long b, int rm, FpFlags f) {
        long aa = a & D_ABS;
        long ab = b & D_ABS;
        long sign = (a ^ b) & D_SIGN;
        if (aa >= D_INF || ab >= D_INF) {
            if (aa > D_INF || ab > D_INF) {
                return nanD(a, b, f);
            }
            if (aa == D_INF) {
                if (ab == D_INF) {
                    f.value |= NV;
                    return CANONICAL_NAN_D;
                }
                return sign | D_INF;
            }
            return sign;
        }
        if (ab == 0) {
            if (aa == 0) {
                f.value |= NV;
                return CANONICAL_NAN_D;
            }
            f.value |= DZ;
            return sign | D_INF;
        }
        if (aa == 0) {
            return sign;
        }
        int e = expD(a) - expD(b);
        long na = sigD(a) >>> 10; // 53 bits
        long nb = sigD(b) >>> 10;
        if (na < nb) {
            na <<= 1;
            e--;
        }
        // Long division, 11 quotient bits per step: remainder < nb < 2^53, so r << 11 < 2^64.
        long q = 1;
        long r = na - nb;
        for (int i = 0; i < 5; i++) {
            r <<= 11;
            long d = Long.divideUnsigned(r, nb);
            r -= d * nb;
            q = (q << 11) | d;
        }
        // q in [2^55, 2^56)
        return roundPackD((a ^ b) < 0, e, (q << 7) | (r != 0 ? 1 : 0), rm, f);
    }

    /** fsqrt.d (NV for negative nonzero inputs; sqrt(-0) = -0). */
    public static long sqrtD(long a, int rm, FpFlags f) {
        if (a > 0 && a < D_INF) {
            // Positive finite nonzero. Math.sqrt is correctly rounded (RNE); the sign of the exact residual
            // r*r - x gives the side of the exact root. Small inputs are scaled by 2^968 first so that the
            // residual, a multiple of ulp(r)^2, cannot underflow.
            boolean scaled = a < (55L << 52);
            double x = Double.longBitsToDouble(a);
            if (scaled) {
                x *= 0x1p968;
            }
            double r = Math.sqrt(x);
            long bits = Double.doubleToRawLongBits(r);
            double res = Math.fma(r, r, -x);
            if (res != 0) {
                f.value |= NX;
                if (res > 0) {
                    if (rm == RTZ || rm == RDN) {
                        bits--;
                    }
                } else if (rm == RUP) {
                    bits++;
                }
            }
            if (scaled) {
                bits -= 484L << 52; // exact division by 2^484; the result stays normal
            }
            return bits;
        }
        if ((a & D_ABS) == 0 || a == D_INF) {
            return a;
        }
        if (isSNaND(a) || !isNaND(a)) {
            f.value |= NV;
        }
        return CANONICAL_NAN_D;
    }

    /** fmadd.d: a * b + c with a single rounding; see {@link #mulAddS} for the other three. */
    public static long mulAddD(long a, long b, long c, int rm, FpFlags f) {
        long aa = a & D_ABS;
        long ab = b & D_ABS;
        long ac = c & D_ABS;
        if (aa >= D_INF || ab >= D_INF || ac >= D_INF || aa == 0 || ab == 0 || ac == 0) {
            return mulAddSpecialD(a, b, c, rm, f);
        }
        if (rm == RNE) {
            long r = mulAddFastD(a, b, c, aa, ab, ac, f);
            if (r != 0) {
                return r;
            }
        }
        return mulAddGenericD(a, b, c, rm, f);
    }

    private static final long D_BIG = 0x7fd0000000000000L; // 2^1022

    /**
     * Round-to-nearest-even fma on nonzero finite operands via {@link Math#fma}, or 0 when it cannot
     * prove the inexact flag. Preconditions checked here: |a|,|b|,|c| < 2^1022 (no overflow inside the
     * TwoSums), the exact product is a multiple of at least 2^-1074 (so every exact residual below is a
     * multiple of 2^-1074 and cannot round to zero), and the result r satisfies 2^-1021 <= |r| < 2^1022
     * (normal, not tiny, no overflow). With delta = a*b + c - r:
     * <ul>
     * <li>if d = c - r is exact (TwoSum error 0), delta = a*b + d and fma(a, b, d) = RN(delta) is zero
     * exactly when delta is;
     * <li>else with p = RN(a*b), e = a*b - p (exact, via fma) and w = p - r exact: delta = (w + c) + e;
     * writing w + c = s + t (TwoSum), delta is zero iff t == 0 and s == -e (if t != 0, w + c is not a
     * double, so it cannot equal the double -e).
     * </ul>
     */
    private static long mulAddFastD(long a, long b, long c, long aa, long ab, long ac, FpFlags f) {
        if (aa >= D_BIG || ab >= D_BIG || ac >= D_BIG) {
            return 0;
        }
        int ea = Math.max((int) (aa >>> 52), 1);
        int eb = Math.max((int) (ab >>> 52), 1);
        if (ea + eb < 1076) { // quantum(a) * quantum(b) < 2^-1074
            return 0;
        }
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        double z = Double.longBitsToDouble(c);
        double r = Math.fma(x, y, z);
        long rb = Double.doubleToRawLongBits(r);
        long ar = rb & D_ABS;
        if (ar < (2L << 52) || ar >= D_BIG) {
            return 0;
        }
        double d = z - r;
        double bb = d - z;
        if ((z - (d - bb)) + (-r - bb) == 0) {
            if (Math.fma(x, y, d) != 0) {
                f.value |= NX;
            }
            return rb;
        }
        double p = x * y;
        if (Math.abs(p) >= 0x1p1022) {
            return 0;
        }
        double w = p - r;
        bb = w - p;
        if ((p - (w - bb)) + (-r - bb) != 0) {
            return 0; // p - r not exact
        }
        double e = Math.fma(x, y, -p);
        double s = w + z;
        bb = s - w;
        double t = (w - (s - bb)) + (z - bb);
        if (t != 0 || s != -e) {
            f.value |= NX;
        }
        return rb;
    }

    private static long mulAddGenericD(long a, long b, long c, int rm, FpFlags f) {
        boolean pn = (a ^ b) < 0;
        boolean cn = c < 0;
        int ep = expD(a) + expD(b);
        long ma = sigD(a);
        long mb = sigD(b);
        long phi = Math.unsignedMultiplyHigh(ma, mb); // product in [2^124, 2^126)
        long plo = ma * mb;
        if (phi < (1L << 61)) {
            phi = (phi << 1) | (plo >>> 63);
            plo <<= 1;
        } else {
            ep++;
        }
        // product = (phi:plo) * 2^(ep-125), leading bit at 125
        int ec = expD(c);
        long mc = sigD(c);
        long chi = mc >>> 1; // addend with its leading bit at 125 too
        long clo = mc << 63;
        // x = larger magnitude, y = smaller
        long xhi;
        long xlo;
        long yhi;
        long ylo;
        int ex;
        int d;
        boolean xn;
        boolean yn;
        if (ep > ec || (ep == ec && (phi > chi || (phi == chi && Long.compareUnsigned(plo, clo) >= 0)))) {
            xhi = phi;
            xlo = plo;
            yhi = chi;
            ylo = clo;
            ex = ep;
            d = ep - ec;
            xn = pn;
            yn = cn;
        } else {
            xhi = chi;
            xlo = clo;
            yhi = phi;
            ylo = plo;
            ex = ec;
            d = ec - ep;
            xn = cn;
            yn = pn;
        }
        // y >>= d with sticky
        if (d != 0) {
            if (d < 64) {
                long sticky = (ylo << (64 - d)) != 0 ? 1 : 0;
                ylo = (ylo >>> d) | (yhi << (64 - d)) | sticky;
                yhi >>>= d;
            } else if (d == 64) {
                ylo = yhi | (ylo != 0 ? 1 : 0);
                yhi = 0;
            } else if (d < 128) {
                long sticky = ((yhi << (128 - d)) | ylo) != 0 ? 1 : 0;
                ylo = (yhi >>> (d - 64)) | sticky;
                yhi = 0;
            } else {
                ylo = 1; // y is nonzero
                yhi = 0;
            }
        }
        long shi;
        long slo;
        if (xn == yn) {
            slo = xlo + ylo;
            shi = xhi + yhi + (Long.compareUnsigned(slo, xlo) < 0 ? 1 : 0);
        } else {
            slo = xlo - ylo;
            shi = xhi - yhi - (Long.compareUnsigned(xlo, ylo) < 0 ? 1 : 0);
            if ((shi | slo) == 0) {
                return rm == RDN ? D_SIGN : 0;
            }
        }
        long sig;
        int exp;
        if (shi != 0) {
            int lz = Long.numberOfLeadingZeros(shi); // >= 1
            int k = lz - 1;
            long top = k == 0 ? shi : (shi << k) | (slo >>> (64 - k));
            long rest = slo << k;
            sig = top | (rest != 0 ? 1 : 0);
            exp = ex + 2 - lz;
        } else {
            int lz = Long.numberOfLeadingZeros(slo);
            sig = lz >= 1 ? slo << (lz - 1) : (slo >>> 1) | (slo & 1);
            exp = ex - 62 - lz;
        }
        return roundPackD(xn, exp, sig, rm, f);
    }

    private static long mulAddSpecialD(long a, long b, long c, int rm, FpFlags f) {
        long aa = a & D_ABS;
        long ab = b & D_ABS;
        long ac = c & D_ABS;
        boolean infZero = (aa == D_INF && ab == 0) || (aa == 0 && ab == D_INF);
        if (aa > D_INF || ab > D_INF || ac > D_INF) {
            if (isSNaND(a) || isSNaND(b) || isSNaND(c) || infZero) {
                f.value |= NV;
            }
            return CANONICAL_NAN_D;
        }
        if (infZero) {
            f.value |= NV;
            return CANONICAL_NAN_D;
        }
        boolean pn = (a ^ b) < 0;
        if (aa == D_INF || ab == D_INF) {
            if (ac == D_INF && (c < 0) != pn) {
                f.value |= NV;
                return CANONICAL_NAN_D;
            }
            return (pn ? D_SIGN : 0) | D_INF;
        }
        if (ac == D_INF) {
            return c;
        }
        if (aa == 0 || ab == 0) {
            if (ac == 0) {
                return pn == (c < 0) ? c : (rm == RDN ? D_SIGN : 0);
            }
            return c;
        }
        // only c is zero: the exact result is the product
        return mulFiniteD(a, b, rm, f);
    }

    private static long nanD(long a, long b, FpFlags f) {
        if (isSNaND(a) || isSNaND(b)) {
            f.value |= NV;
        }
        return CANONICAL_NAN_D;
    }

    // =====================================================================================================
    // min / max / compare / classify
    // =====================================================================================================

    /** Maps bits to a signed key ordered like the values, with -0 below +0 (NaNs excluded). */
    private static int keyS(int x) {
        return x ^ ((x >> 31) & S_ABS);
    }

    private static long keyD(long x) {
        return x ^ ((x >> 63) & D_ABS);
    }

    /**
     * fmin.s (F 2.2 minimumNumber): -0 &lt; +0; one NaN operand gives the other; two NaNs give the canonical NaN; NV for
     * any sNaN.
     */
    public static int minS(int a, int b, FpFlags f) {
        if (isNaNS(a) || isNaNS(b)) {
            return minMaxNaNS(a, b, f);
        }
        return keyS(a) <= keyS(b) ? a : b;
    }

    /** fmax.s; see {@link #minS}. */
    public static int maxS(int a, int b, FpFlags f) {
        if (isNaNS(a) || isNaNS(b)) {
            return minMaxNaNS(a, b, f);
        }
        return keyS(a) >= keyS(b) ? a : b;
    }

    private static int minMaxNaNS(int a, int b, FpFlags f) {
        if (isSNaNS(a) || isSNaNS(b)) {
            f.value |= NV;
        }
        if (!isNaNS(a)) {
            return a;
        }
        if (!isNaNS(b)) {
            return b;
        }
        return CANONICAL_NAN_S;
    }

    /** fmin.d; see {@link #minS}. */
    public static long minD(long a, long b, FpFlags f) {
        if (isNaND(a) || isNaND(b)) {
            return minMaxNaND(a, b, f);
        }
        return keyD(a) <= keyD(b) ? a : b;
    }

    /** fmax.d; see {@link #minS}. */
    public static long maxD(long a, long b, FpFlags f) {
        if (isNaND(a) || isNaND(b)) {
            return minMaxNaND(a, b, f);
        }
        return keyD(a) >= keyD(b) ? a : b;
    }

    private static long minMaxNaND(long a, long b, FpFlags f) {
        if (isSNaND(a) || isSNaND(b)) {
            f.value |= NV;
        }
        if (!isNaND(a)) {
            return a;
        }
        if (!isNaND(b)) {
            return b;
        }
        return CANONICAL_NAN_D;
    }

    /** feq.s: quiet comparison (NV only for signaling NaNs). */
    public static boolean eqS(int a, int b, FpFlags f) {
        if (isNaNS(a) || isNaNS(b)) {
            if (isSNaNS(a) || isSNaNS(b)) {
                f.value |= NV;
            }
            return false;
        }
        return a == b || ((a | b) & S_ABS) == 0;
    }

    /** flt.s: signaling comparison (NV for any NaN). */
    public static boolean ltS(int a, int b, FpFlags f) {
        if (isNaNS(a) || isNaNS(b)) {
            f.value |= NV;
            return false;
        }
        return ((a | b) & S_ABS) != 0 && keyS(a) < keyS(b);
    }

    /** fle.s: signaling comparison (NV for any NaN). */
    public static boolean leS(int a, int b, FpFlags f) {
        if (isNaNS(a) || isNaNS(b)) {
            f.value |= NV;
            return false;
        }
        return ((a | b) & S_ABS) == 0 || keyS(a) <= keyS(b);
    }

    /** feq.d: quiet comparison (NV only for signaling NaNs). */
    public static boolean eqD(long a, long b, FpFlags f) {
        if (isNaND(a) || isNaND(b)) {
            if (isSNaND(a) || isSNaND(b)) {
                f.value |= NV;
            }
            return false;
        }
        return a == b || ((a | b) & D_ABS) == 0;
    }

    /** flt.d: signaling comparison (NV for any NaN). */
    public static boolean ltD(long a, long b, FpFlags f) {
        if (isNaND(a) || isNaND(b)) {
            f.value |= NV;
            return false;
        }
        return ((a | b) & D_ABS) != 0 && keyD(a) < keyD(b);
    }

    /** fle.d: signaling comparison (NV for any NaN). */
    public static boolean leD(long a, long b, FpFlags f) {
        if (isNaND(a) || isNaND(b)) {
            f.value |= NV;
            return false;
        }
        return ((a | b) & D_ABS) == 0 || keyD(a) <= keyD(b);
    }

    /**
     * fclass.s: bit 0 -inf, 1 negative normal, 2 negative subnormal, 3 -0, 4 +0, 5 positive subnormal,
     * 6 positive normal, 7 +inf, 8 signaling NaN, 9 quiet NaN.
     */
    public static int classS(int a) {
        int e = (a >>> 23) & 0xff;
        int m = a & S_FRAC;
        boolean neg = a < 0;
        if (e == 0xff) {
            if (m == 0) {
                return neg ? 1 : 1 << 7;
            }
            return (m & S_QUIET) != 0 ? 1 << 9 : 1 << 8;
        }
        if (e == 0) {
            if (m == 0) {
                return neg ? 1 << 3 : 1 << 4;
            }
            return neg ? 1 << 2 : 1 << 5;
        }
        return neg ? 1 << 1 : 1 << 6;
    }

    /** fclass.d; same bit assignment as {@link #classS}. */
    public static int classD(long a) {
        int e = (int) (a >>> 52) & 0x7ff;
        long m = a & D_FRAC;
        boolean neg = a < 0;
        if (e == 0x7ff) {
            if (m == 0) {
                return neg ? 1 : 1 << 7;
            }
            return (m & D_QUIET) != 0 ? 1 << 9 : 1 << 8;
        }
        if (e == 0) {
            if (m == 0) {
                return neg ? 1 << 3 : 1 << 4;
            }
            return neg ? 1 << 2 : 1 << 5;
        }
        return neg ? 1 << 1 : 1 << 6;
    }

    // =====================================================================================================
    // Float -> integer
    // =====================================================================================================

    private static final int K_W = 0;
    private static final int K_WU = 1;
    private static final int K_L = 2;
    private static final int K_LU = 3;

    /**
     * fcvt.w.s: signed 32-bit result, sign-extended; NaN and +inf give 2^31-1, -inf gives -2^31, out-of-range values
     * saturate, all with NV only; in-range inexact values raise NX.
     */
    public static long toIntS(int a, int rm, FpFlags f) {
        return toIntegerS(a, rm, f, K_W);
    }

    /**
     * fcvt.wu.s: unsigned 32-bit result sign-extended to 64 bits (as RV64 requires); NaN/+inf/too large give
     * 0xffffffff, values that round to a negative integer give 0 (NV); values in (-1, 0) that round to 0 only raise NX.
     */
    public static long toUIntS(int a, int rm, FpFlags f) {
        return toIntegerS(a, rm, f, K_WU);
    }

    /** fcvt.l.s; saturates to 2^63-1 / -2^63 like {@link #toIntS}. */
    public static long toLongS(int a, int rm, FpFlags f) {
        return toIntegerS(a, rm, f, K_L);
    }

    /** fcvt.lu.s; saturates to 2^64-1 / 0 like {@link #toUIntS}. */
    public static long toULongS(int a, int rm, FpFlags f) {
        return toIntegerS(a, rm, f, K_LU);
    }

    /** fcvt.w.d; see {@link #toIntS}. */
    public static long toIntD(long a, int rm, FpFlags f) {
        return toIntegerD(a, rm, f, K_W);
    }

    /** fcvt.wu.d; see {@link #toUIntS}. */
    public static long toUIntD(long a, int rm, FpFlags f) {
        return toIntegerD(a, rm, f, K_WU);
    }

    /** fcvt.l.d; see {@link #toLongS}. */
    public static long toLongD(long a, int rm, FpFlags f) {
        return toIntegerD(a, rm, f, K_L);
    }

    /** fcvt.lu.d; see {@link #toULongS}. */
    public static long toULongD(long a, int rm, FpFlags f) {
        return toIntegerD(a, rm, f, K_LU);
    }

    private static long toIntegerS(int a, int rm, FpFlags f, int kind) {
        int e = (a >>> 23) & 0xff;
        int m = a & S_FRAC;
        if (e == 0xff) {
            return saturate(m == 0 && a < 0, f, kind); // NaN saturates like +inf
        }
        if (e == 0) {
            return toIntegerCommon(a < 0, m, -149, rm, f, kind);
        }
        return toIntegerCommon(a < 0, m | 0x800000, e - 150, rm, f, kind);
    }

    private static long toIntegerD(long a, int rm, FpFlags f, int kind) {
        int e = (int) (a >>> 52) & 0x7ff;
        long m = a & D_FRAC;
        if (e == 0x7ff) {
            return saturate(m == 0 && a < 0, f, kind);
        }
        if (e == 0) {
            return toIntegerCommon(a < 0, m, -1074, rm, f, kind);
        }
        return toIntegerCommon(a < 0, m | 0x10000000000000L, e - 1075, rm, f, kind);
    }

    private static long saturate(boolean neg, FpFlags f, int kind) {
        f.value |= NV;
        return switch (kind) {
            case K_W -> neg ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            case K_WU -> neg ? 0 : -1L; // 0xffffffff sign-extended
            case K_L -> neg ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> neg ? 0 : -1L;
        };
    }

    /** Converts {@code (-1)^neg * m * 2^e} (0 <= m < 2^53) to the integer type {@code kind}. */
    private static long toIntegerCommon(boolean neg, long m, int e, int rm, FpFlags f, int kind) {
        if (m == 0) {
            return 0;
        }
        long q;
        boolean inexact = false;
        if (e >= 0) {
            if (64 - Long.numberOfLeadingZeros(m) + e > 64) {
                return saturate(neg, f, kind); // |value| >= 2^64
            }
            q = m << e;
        } else if (e > -64) {
            int s = -e;
            q = m >>> s;
            long rem = m & ((1L << s) - 1);
            if (rem != 0) {
                inexact = true;
                if (roundUp(rm, neg, q, rem, 1L << (s - 1))) {
                    q++;
                }
            }
        } else {
            // |value| < 2^-11: nonzero and below one half
            inexact = true;
            q = roundUp(rm, neg, 0, 1, 2) ? 1 : 0;
        }
        // q is the rounded magnitude, an unsigned value below 2^64
        long result;
        switch (kind) {
            case K_W -> {
                if (neg ? Long.compareUnsigned(q, 0x80000000L) > 0 : Long.compareUnsigned(q, 0x7fffffffL) > 0) {
                    return saturate(neg, f, kind);
                }
                result = neg ? -q : q;
            }
            case K_WU -> {
                if (neg ? q != 0 : Long.compareUnsigned(q, 0xffffffffL) > 0) {
                    return saturate(neg, f, kind);
                }
                result = (int) q;
            }
            case K_L -> {
                if (neg ? Long.compareUnsigned(q, Long.MIN_VALUE) > 0 : q < 0) {
                    return saturate(neg, f, kind);
                }
                result = neg ? -q : q;
            }
            default -> {
                if (neg && q != 0) {
                    return saturate(true, f, kind);
                }
                result = q;
            }
        }
        if (inexact) {
            f.value |= NX;
        }
        return result;
    }

    // =====================================================================================================
    // Integer -> float
    // =====================================================================================================

    /** fcvt.s.w: signed 32-bit integer to binary32 (zero gives +0). */
    public static int fromIntS(int v, int rm, FpFlags f) {
        if (v >= -(1 << 24) && v <= (1 << 24)) {
            return Float.floatToRawIntBits((float) v); // exact
        }
        return fromMagnitudeS(v < 0, Math.abs((long) v), rm, f);
    }

    /** fcvt.s.wu: unsigned 32-bit integer to binary32. */
    public static int fromUIntS(int v, int rm, FpFlags f) {
        return fromLongS(v & 0xffffffffL, rm, f);
    }

    /** fcvt.s.l: signed 64-bit integer to binary32. */
    public static int fromLongS(long v, int rm, FpFlags f) {
        if (v >= -(1L << 24) && v <= (1L << 24)) {
            return Float.floatToRawIntBits((float) v);
        }
        return fromMagnitudeS(v < 0, v < 0 ? -v : v, rm, f); // -Long.MIN_VALUE is 2^63 unsigned
    }

    /** fcvt.s.lu: unsigned 64-bit integer to binary32. */
    public static int fromULongS(long v, int rm, FpFlags f) {
        if (v >= 0 && v <= (1L << 24)) {
            return Float.floatToRawIntBits((float) v);
        }
        return fromMagnitudeS(false, v, rm, f);
    }

    /** fcvt.d.w: always exact. */
    public static long fromIntD(int v, int rm, FpFlags f) {
        return Double.doubleToRawLongBits(v); // always exact
    }

    /** fcvt.d.wu: always exact. */
    public static long fromUIntD(int v, int rm, FpFlags f) {
        return Double.doubleToRawLongBits(v & 0xffffffffL);
    }

    /** fcvt.d.l. */
    public static long fromLongD(long v, int rm, FpFlags f) {
        if (v >= -(1L << 53) && v <= (1L << 53)) {
            return Double.doubleToRawLongBits((double) v);
        }
        return fromMagnitudeD(v < 0, v < 0 ? -v : v, rm, f);
    }

    /** fcvt.d.lu. */
    public static long fromULongD(long v, int rm, FpFlags f) {
        if (v >= 0 && v <= (1L << 53)) {
            return Double.doubleToRawLongBits((double) v);
        }
        return fromMagnitudeD(false, v, rm, f);
    }

    /** Rounds the unsigned magnitude {@code u != 0} with the given sign. */
    private static int fromMagnitudeS(boolean neg, long u, int rm, FpFlags f) {
        int lz = Long.numberOfLeadingZeros(u);
        long sig = lz >= 1 ? u << (lz - 1) : (u >>> 1) | (u & 1);
        return roundPackS(neg, 63 - lz, sig, rm, f);
    }

    private static long fromMagnitudeD(boolean neg, long u, int rm, FpFlags f) {
        int lz = Long.numberOfLeadingZeros(u);
        long sig = lz >= 1 ? u << (lz - 1) : (u >>> 1) | (u & 1);
        return roundPackD(neg, 63 - lz, sig, rm, f);
    }

    // =====================================================================================================
    // Format conversions
    // =====================================================================================================

    /** fcvt.d.s: exact; NaN inputs give the canonical NaN (NV for sNaN). */
    public static long sToD(int a, FpFlags f) {
        int aa = a & S_ABS;
        long sign = (long) (a & S_SIGN) << 32;
        if (aa >= S_INF) {
            if (aa == S_INF) {
                return sign | D_INF;
            }
            if ((a & S_QUIET) == 0) {
                f.value |= NV;
            }
            return CANONICAL_NAN_D;
        }
        if (aa == 0) {
            return sign;
        }
        return sign | ((long) (expS(a) + 1023) << 52) | ((sigS(a) >>> 10) & D_FRAC);
    }

    /** fcvt.s.d. */
    public static int dToS(long a, int rm, FpFlags f) {
        if (rm == RNE) {
            double x = Double.longBitsToDouble(a);
            float r = (float) x;
            if ((double) r == x) {
                return Float.floatToRawIntBits(r); // exact, including zeros and infinities
            }
            float ar = Math.abs(r);
            if (ar > Float.MIN_NORMAL && ar <= Float.MAX_VALUE) {
                f.value |= NX;
                return Float.floatToRawIntBits(r);
            }
        }
        long aa = a & D_ABS;
        int sign = (int) ((a & D_SIGN) >>> 32);
        if (aa >= D_INF) {
            if (aa == D_INF) {
                return sign | S_INF;
            }
            if ((a & D_QUIET) == 0) {
                f.value |= NV;
            }
            return CANONICAL_NAN_S;
        }
        if (aa == 0) {
            return sign;
        }
        return roundPackS(a < 0, expD(a), sigD(a), rm, f);
    }
}
