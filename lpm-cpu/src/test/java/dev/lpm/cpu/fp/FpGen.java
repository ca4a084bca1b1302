package dev.lpm.cpu.fp;

import dev.lpm.cpu.fp.FpOracle.Fmt;
import java.util.SplittableRandom;

/**
 * Seeded operand generator biased toward the interesting parts of a format: special values, subnormals,
 * the smallest and largest exponents, values near 1, significands that are all ones or have few bits
 * (which produce exact results, ties and carries), and operand pairs whose result lands near the
 * overflow / underflow thresholds or cancels.
 */
final class FpGen {
    final SplittableRandom r;
    final Fmt f;
    final int maxE; // all-ones exponent field
    final long[] specials;

    FpGen(Fmt f, long seed) {
        this.f = f;
        this.r = new SplittableRandom(seed);
        this.maxE = (1 << f.expBits()) - 1;
        long sign = f.signBit();
        long inf = f.infBits();
        long quiet = 1L << (f.p() - 2);
        long fracMask = (1L << f.fracBits()) - 1;
        long one = (long) f.bias() << f.fracBits();
        long minNormal = 1L << f.fracBits();
        specials = new long[] {
            0, sign, inf, sign | inf, inf | quiet, sign | inf | quiet, inf | quiet | 1, inf | 1, sign | inf | 1,
            inf | (quiet >>> 1), 1, sign | 1, fracMask, sign | fracMask, minNormal, sign | minNormal,
            minNormal | 1, f.maxBits(), sign | f.maxBits(), f.maxBits() - 1, one, sign | one, one | 1,
            one | fracMask, one - 1, 2, minNormal >>> 1, (minNormal >>> 1) | 1, (one + minNormal)
        };
    }

    long special() {
        return specials[r.nextInt(specials.length)];
    }

    long frac() {
        int fb = f.fracBits();
        long mask = (1L << fb) - 1;
        long x = r.nextLong() & mask;
        return switch (r.nextInt(8)) {
            case 0 -> mask; // all ones
            case 1 -> mask - r.nextInt(4);
            case 2 -> x & ~((1L << r.nextInt(fb)) - 1); // few low bits: exact results and ties
            case 3 -> x & ((1L << r.nextInt(fb)) - 1); // leading zeros
            case 4 -> r.nextInt(4) == 0 ? 0 : 1L << r.nextInt(fb);
            case 5 -> (x & ~0xffL) | 0x80; // pattern near a half-way point
            default -> x;
        };
    }

    long withExp(long sign, int e) {
        return sign | ((long) e << f.fracBits()) | frac();
    }

    long sign() {
        return r.nextBoolean() ? f.signBit() : 0;
    }

    /** A finite exponent field biased toward the edges. */
    int expField() {
        int b = f.bias();
        return switch (r.nextInt(7)) {
            case 0 -> r.nextInt(4); // subnormal, smallest normals
            case 1 -> maxE - 1 - r.nextInt(4); // largest
            case 2 -> b - 3 + r.nextInt(7); // near 1
            case 3 -> clampE(b + r.nextInt(-f.p() - 8, f.p() + 8));
            default -> r.nextInt(maxE); // uniform finite
        };
    }

    int clampE(int e) {
        return Math.max(0, Math.min(maxE - 1, e));
    }

    /** Any value, mostly finite. */
    long value() {
        if (r.nextInt(16) == 0) {
            return special();
        }
        return withExp(sign(), expField());
    }

    /** A finite value with an exponent field close to {@code e}. */
    long near(int e, int spread) {
        return withExp(sign(), clampE(e + r.nextInt(-spread, spread + 1)));
    }

    int expOf(long x) {
        return (int) ((x & f.absMask()) >>> f.fracBits());
    }

    /** A pair for addition: random, or exponents close together (cancellation, ties, carries). */
    long[] addPair() {
        long a = value();
        long b = switch (r.nextInt(4)) {
            case 0 -> value();
            case 1 -> near(expOf(a), 2);
            case 2 -> near(expOf(a), f.p() + 3);
            default -> (a ^ (r.nextBoolean() ? f.signBit() : 0)) ^ (r.nextInt(8)); // near +-a
        };
        return new long[] {a, b};
    }

    /** A pair whose product (or quotient when {@code div}) has an exponent near a threshold. */
    long[] mulPair(boolean div) {
        if (r.nextInt(3) == 0) {
            return new long[] {value(), value()};
        }
        int b = f.bias();
        // target unbiased exponent of the result
        int t = switch (r.nextInt(3)) {
            case 0 -> f.emax() - 1 + r.nextInt(3);
            case 1 -> f.emin() - r.nextInt(f.p() + 3);
            default -> f.emin() - 1 + r.nextInt(3);
        };
        int ea = r.nextInt(1, maxE) - b; // unbiased, normal
        int eb = div ? ea - t : t - ea;
        int fb = eb + b;
        if (fb < 1 || fb >= maxE) {
            return new long[] {value(), value()};
        }
        return new long[] {withExp(sign(), ea + b), withExp(sign(), fb)};
    }

    long[] triple(java.util.function.LongBinaryOperator negProduct) {
        long[] ab = r.nextBoolean() ? mulPair(false) : new long[] {value(), value()};
        long c = switch (r.nextInt(4)) {
            case 0 -> value();
            case 1 -> negProduct.applyAsLong(ab[0], ab[1]) ^ r.nextInt(4); // near -(a*b): cancellation
            case 2 -> {
                long p = negProduct.applyAsLong(ab[0], ab[1]);
                yield near(expOf(p), f.p() + 2);
            }
            default -> near(expOf(ab[0]) + expOf(ab[1]) - f.bias(), 3);
        };
        return new long[] {ab[0], ab[1], c};
    }
}
