package dev.lpm.cpu.fp;

import java.math.BigInteger;

/**
 * Reference model for {@link SoftFloat}, written independently of it: exact values are BigInteger
 * dyadics, rationals or square roots of dyadics, and rounding follows IEEE 754 literally (round to p bits
 * at the quantum max(e, emin) - p + 1, tininess after rounding computed by a second rounding with an
 * unbounded exponent). Special-value rules follow the RISC-V F/D chapters.
 */
final class FpOracle {
    static final int NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16;
    static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;

    /** An IEEE binary interchange format. */
    record Fmt(int p, int expBits) {
        int fracBits() {
            return p - 1;
        }

        int bias() {
            return (1 << (expBits - 1)) - 1;
        }

        int emin() {
            return 1 - bias();
        }

        int emax() {
            return bias();
        }

        long signBit() {
            return 1L << (expBits + p - 1);
        }

        long infBits() {
            return ((1L << expBits) - 1) << (p - 1);
        }

        long maxBits() {
            return infBits() - 1;
        }

        long canonicalNaN() {
            return infBits() | (1L << (p - 2));
        }

        long absMask() {
            return signBit() - 1;
        }
    }

    static final Fmt S = new Fmt(24, 8);
    static final Fmt D = new Fmt(53, 11);

    /** Mutable flag accumulator for the oracle (kept separate from FpFlags on purpose). */
    static final class Flags {
        int v;
    }

    // ---------------------------------------------------------------------------------------------------
    // Exact positive reals
    // ---------------------------------------------------------------------------------------------------

    interface Real {
        /** floor(log2 x). */
        int log2Floor();

        /** floor(x * 2^k). */
        BigInteger floorScaled(int k);

        /** Whether x * 2^k is an integer. */
        boolean integerAt(int k);
    }

    /** m * 2^e, m > 0. */
    record Dyadic(BigInteger m, int e) implements Real {
        public int log2Floor() {
            return m.bitLength() - 1 + e;
        }

        public BigInteger floorScaled(int k) {
            int s = e + k;
            return s >= 0 ? m.shiftLeft(s) : m.shiftRight(-s);
        }

        public boolean integerAt(int k) {
            int s = e + k;
            return s >= 0 || m.getLowestSetBit() >= -s;
        }
    }

    /** num / den, both > 0. */
    record Rational(BigInteger num, BigInteger den) implements Real {
        public int log2Floor() {
            int t = num.bitLength() - den.bitLength();
            // x >= 2^t ?
            boolean ge = t >= 0 ? num.compareTo(den.shiftLeft(t)) >= 0 : num.shiftLeft(-t).compareTo(den) >= 0;
            return ge ? t : t - 1;
        }

        public BigInteger floorScaled(int k) {
            return k >= 0 ? num.shiftLeft(k).divide(den) : num.divide(den.shiftLeft(-k));
        }

        public boolean integerAt(int k) {
            return k >= 0 ? num.shiftLeft(k).mod(den).signum() == 0 : num.mod(den.shiftLeft(-k)).signum() == 0;
        }
    }

    /** sqrt(m * 2^e), m > 0. */
    record Sqrt(BigInteger m, int e) implements Real {
        public int log2Floor() {
            return Math.floorDiv(m.bitLength() - 1 + e, 2);
        }

        private BigInteger scaledSquare(int k) {
            int s = e + 2 * k;
            return s >= 0 ? m.shiftLeft(s) : m.shiftRight(-s); // floor(x^2 * 2^2k)
        }

        public BigInteger floorScaled(int k) {
            return scaledSquare(k).sqrt(); // floor(sqrt(floor(y))) == floor(sqrt(y))
        }

        public boolean integerAt(int k) {
            int s = e + 2 * k;
            if (s < 0 && m.getLowestSetBit() < -s) {
                return false;
            }
            BigInteger n = scaledSquare(k);
            BigInteger r = n.sqrt();
            return r.multiply(r).equals(n);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Rounding
    // ---------------------------------------------------------------------------------------------------

    private static boolean up(int rm, boolean neg, BigInteger q, boolean halfBit, boolean below) {
        // below: bits strictly below the half bit are nonzero
        return switch (rm) {
            case RNE -> halfBit && (below || q.testBit(0));
            case RTZ -> false;
            case RDN -> neg;
            case RUP -> !neg;
            case RMM -> halfBit;
            default -> throw new IllegalArgumentException();
        };
    }

    /** Rounds (-1)^neg * x (x > 0) to fmt. */
    static long round(Fmt fmt, boolean neg, Real x, int rm, Flags fl) {
        int p = fmt.p();
        int e = x.log2Floor();
        int qe = Math.max(e, fmt.emin()) - (p - 1);
        BigInteger q = x.floorScaled(-qe);
        boolean exact = x.integerAt(-qe);
        BigInteger q2 = x.floorScaled(-qe + 1);
        boolean halfBit = q2.testBit(0);
        boolean below = !x.integerAt(-qe + 1);
        BigInteger qq = q;
        if (!exact && up(rm, neg, q, halfBit, below)) {
            qq = q.add(BigInteger.ONE);
        }
        long sign = neg ? fmt.signBit() : 0;
        if (!exact) {
            fl.v |= NX;
            if (e < fmt.emin()) {
                // tininess after rounding: round to p bits with an unbounded exponent
                int qeu = e - (p - 1);
                BigInteger qu = x.floorScaled(-qeu);
                boolean hb = x.floorScaled(-qeu + 1).testBit(0);
                boolean bl = !x.integerAt(-qeu + 1);
                boolean ex = x.integerAt(-qeu);
                if (!ex && up(rm, neg, qu, hb, bl)) {
                    qu = qu.add(BigInteger.ONE);
                }
                int lead = qu.bitLength() - 1 + qeu;
                if (lead < fmt.emin()) {
                    fl.v |= UF;
                }
            }
        }
        if (qq.bitLength() > p) { // carried to 2^p
            qq = qq.shiftRight(1);
            qe++;
        }
        if (qq.bitLength() < p) {
            return sign | qq.longValueExact(); // subnormal (or zero)
        }
        int exp = qe + p - 1;
        if (exp > fmt.emax()) {
            fl.v |= OF | NX;
            boolean inf = switch (rm) {
                case RTZ -> false;
                case RDN -> neg;
                case RUP -> !neg;
                default -> true;
            };
            return sign | (inf ? fmt.infBits() : fmt.maxBits());
        }
        long frac = qq.longValueExact() - (1L << (p - 1));
        return sign | ((long) (exp + fmt.bias()) << (p - 1)) | frac;
    }

    // ---------------------------------------------------------------------------------------------------
    // Decoding
    // ---------------------------------------------------------------------------------------------------

    static boolean isNaN(Fmt f, long x) {
        return (x & f.absMask()) > f.infBits();
    }

    static boolean isSNaN(Fmt f, long x) {
        return isNaN(f, x) && (x & (1L << (f.p() - 2))) == 0;
    }

    static boolean isInf(Fmt f, long x) {
        return (x & f.absMask()) == f.infBits();
    }

    static boolean isZero(Fmt f, long x) {
        return (x & f.absMask()) == 0;
    }

    static boolean neg(Fmt f, long x) {
        return (x & f.signBit()) != 0;
    }

    /** |x| as a dyadic for finite nonzero x. */
    static Dyadic mag(Fmt f, long x) {
        long bits = x & f.absMask();
        long ef = bits >>> (f.p() - 1);
        long frac = bits & ((1L << (f.p() - 1)) - 1);
        if (ef == 0) {
            return new Dyadic(BigInteger.valueOf(frac), f.emin() - (f.p() - 1));
        }
        return new Dyadic(BigInteger.valueOf(frac | (1L << (f.p() - 1))), (int) ef - f.bias() - (f.p() - 1));
    }

    /** Signed exact value as m * 2^e with a common exponent e0 (m may be negative). */
    static BigInteger signedAt(Fmt f, long x, int e0) {
        Dyadic d = mag(f, x);
        BigInteger m = d.m().shiftLeft(d.e() - e0);
        return neg(f, x) ? m.negate() : m;
    }

    // ---------------------------------------------------------------------------------------------------
    // Operations
    // ---------------------------------------------------------------------------------------------------

    private static long nan2(Fmt f, long a, long b, Flags fl) {
        if (isSNaN(f, a) || isSNaN(f, b)) {
            fl.v |= NV;
        }
        return f.canonicalNaN();
    }

    /** Rounds a signed dyadic sum value m * 2^e; zero gets the given sign. */
    private static long roundSigned(Fmt f, BigInteger m, int e, int rm, Flags fl, long zeroResult) {
        if (m.signum() == 0) {
            return zeroResult;
        }
        return round(f, m.signum() < 0, new Dyadic(m.abs(), e), rm, fl);
    }

    static long add(Fmt f, long a, long b, int rm, Flags fl) {
        if (isNaN(f, a) || isNaN(f, b)) {
            return nan2(f, a, b, fl);
        }
        if (isInf(f, a) && isInf(f, b)) {
            if (neg(f, a) != neg(f, b)) {
                fl.v |= NV;
                return f.canonicalNaN();
            }
            return a;
        }
        if (isInf(f, a)) {
            return a;
        }
        if (isInf(f, b)) {
            return b;
        }
        long exactZero = rm == RDN ? f.signBit() : 0;
        if (isZero(f, a) && isZero(f, b)) {
            return neg(f, a) && neg(f, b) ? f.signBit() : (!neg(f, a) && !neg(f, b) ? 0 : exactZero);
        }
        int e0 = f.emin() - (f.p() - 1);
        BigInteger sa = isZero(f, a) ? BigInteger.ZERO : signedAt(f, a, e0);
        BigInteger sb = isZero(f, b) ? BigInteger.ZERO : signedAt(f, b, e0);
        return roundSigned(f, sa.add(sb), e0, rm, fl, exactZero);
    }

    static long sub(Fmt f, long a, long b, int rm, Flags fl) {
        return add(f, a, b ^ f.signBit(), rm, fl);
    }

    static long mul(Fmt f, long a, long b, int rm, Flags fl) {
        if (isNaN(f, a) || isNaN(f, b)) {
            return nan2(f, a, b, fl);
        }
        long sign = (neg(f, a) != neg(f, b)) ? f.signBit() : 0;
        if (isInf(f, a) || isInf(f, b)) {
            if (isZero(f, a) || isZero(f, b)) {
                fl.v |= NV;
                return f.canonicalNaN();
            }
            return sign | f.infBits();
        }
        if (isZero(f, a) || isZero(f, b)) {
            return sign;
        }
        Dyadic x = mag(f, a);
        Dyadic y = mag(f, b);
        return round(f, sign != 0, new Dyadic(x.m().multiply(y.m()), x.e() + y.e()), rm, fl);
    }

    static long div(Fmt f, long a, long b, int rm, Flags fl) {
        if (isNaN(f, a) || isNaN(f, b)) {
            return nan2(f, a, b, fl);
        }
        long sign = (neg(f, a) != neg(f, b)) ? f.signBit() : 0;
        if (isInf(f, a)) {
            if (isInf(f, b)) {
                fl.v |= NV;
                return f.canonicalNaN();
            }
            return sign | f.infBits();
        }
        if (isInf(f, b)) {
            return sign;
        }
        if (isZero(f, b)) {
            if (isZero(f, a)) {
                fl.v |= NV;
                return f.canonicalNaN();
            }
            fl.v |= DZ;
            return sign | f.infBits();
        }
        if (isZero(f, a)) {
            return sign;
        }
        Dyadic x = mag(f, a);
        Dyadic y = mag(f, b);
        int d = x.e() - y.e();
        BigInteger num = d >= 0 ? x.m().shiftLeft(d) : x.m();
        BigInteger den = d >= 0 ? y.m() : y.m().shiftLeft(-d);
        return round(f, sign != 0, new Rational(num, den), rm, fl);
    }

    static long sqrt(Fmt f, long a, int rm, Flags fl) {
        if (isNaN(f, a)) {
            return nan2(f, a, a, fl);
        }
        if (isZero(f, a)) {
            return a;
        }
        if (neg(f, a)) {
            fl.v |= NV;
            return f.canonicalNaN();
        }
        if (isInf(f, a)) {
            return a;
        }
        Dyadic x = mag(f, a);
        return round(f, false, new Sqrt(x.m(), x.e()), rm, fl);
    }

    static long fma(Fmt f, long a, long b, long c, int rm, Flags fl) {
        boolean infZero = (isInf(f, a) && isZero(f, b)) || (isZero(f, a) && isInf(f, b));
        if (isNaN(f, a) || isNaN(f, b) || isNaN(f, c)) {
            if (isSNaN(f, a) || isSNaN(f, b) || isSNaN(f, c) || infZero) {
                fl.v |= NV;
            }
            return f.canonicalNaN();
        }
        if (infZero) {
            fl.v |= NV;
            return f.canonicalNaN();
        }
        boolean pn = neg(f, a) != neg(f, b);
        if (isInf(f, a) || isInf(f, b)) {
            if (isInf(f, c) && neg(f, c) != pn) {
                fl.v |= NV;
                return f.canonicalNaN();
            }
            return (pn ? f.signBit() : 0) | f.infBits();
        }
        if (isInf(f, c)) {
            return c;
        }
        long exactZero = rm == RDN ? f.signBit() : 0;
        boolean pZero = isZero(f, a) || isZero(f, b);
        if (pZero && isZero(f, c)) {
            return pn == neg(f, c) ? c : exactZero;
        }
        int e0 = 2 * (f.emin() - (f.p() - 1));
        BigInteger prod = BigInteger.ZERO;
        if (!pZero) {
            Dyadic x = mag(f, a);
            Dyadic y = mag(f, b);
            prod = x.m().multiply(y.m()).shiftLeft(x.e() + y.e() - e0);
            if (pn) {
                prod = prod.negate();
            }
        }
        BigInteger cc = isZero(f, c) ? BigInteger.ZERO : signedAt(f, c, e0);
        return roundSigned(f, prod.add(cc), e0, rm, fl, exactZero);
    }

    /** Converts between formats (exact widening or rounding narrowing). */
    static long convert(Fmt from, Fmt to, long a, int rm, Flags fl) {
        if (isNaN(from, a)) {
            if (isSNaN(from, a)) {
                fl.v |= NV;
            }
            return to.canonicalNaN();
        }
        long sign = neg(from, a) ? to.signBit() : 0;
        if (isInf(from, a)) {
            return sign | to.infBits();
        }
        if (isZero(from, a)) {
            return sign;
        }
        return round(to, sign != 0, mag(from, a), rm, fl);
    }

    /** Integer kinds: signed/unsigned, 32/64 bits. */
    enum IntKind {
        W(32, true), WU(32, false), L(64, true), LU(64, false);

        final int bits;
        final boolean signed;

        IntKind(int bits, boolean signed) {
            this.bits = bits;
            this.signed = signed;
        }

        BigInteger min() {
            return signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        }

        BigInteger max() {
            return signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        }

        /** The 64-bit register value: 32-bit results are sign-extended, as RV64 requires. */
        long register(BigInteger v) {
            long x = v.longValue();
            return bits == 32 ? (long) (int) x : x;
        }
    }

    static long toInt(Fmt f, long a, IntKind k, int rm, Flags fl) {
        if (isNaN(f, a) || (isInf(f, a) && !neg(f, a))) {
            fl.v |= NV;
            return k.register(k.max());
        }
        if (isInf(f, a)) {
            fl.v |= NV;
            return k.register(k.min());
        }
        if (isZero(f, a)) {
            return 0;
        }
        boolean n = neg(f, a);
        Dyadic x = mag(f, a);
        BigInteger q = x.floorScaled(0);
        boolean exact = x.integerAt(0);
        if (!exact) {
            boolean halfBit = x.floorScaled(1).testBit(0);
            boolean below = !x.integerAt(1);
            if (up(rm, n, q, halfBit, below)) {
                q = q.add(BigInteger.ONE);
            }
        }
        BigInteger v = n ? q.negate() : q;
        if (v.compareTo(k.min()) < 0) {
            fl.v |= NV;
            return k.register(k.min());
        }
        if (v.compareTo(k.max()) > 0) {
            fl.v |= NV;
            return k.register(k.max());
        }
        if (!exact) {
            fl.v |= NX;
        }
        return k.register(v);
    }

    /** Integer to float; v is interpreted per the kind (unsigned kinds read the low bits as unsigned). */
    static long fromInt(Fmt f, long v, IntKind k, int rm, Flags fl) {
        BigInteger x;
        if (k.bits == 32) {
            x = k.signed ? BigInteger.valueOf((int) v) : BigInteger.valueOf(v & 0xffffffffL);
        } else {
            x = k.signed ? BigInteger.valueOf(v) : new BigInteger(Long.toUnsignedString(v));
        }
        if (x.signum() == 0) {
            return 0;
        }
        return round(f, x.signum() < 0, new Dyadic(x.abs(), 0), rm, fl);
    }

    private FpOracle() {
    }
}
