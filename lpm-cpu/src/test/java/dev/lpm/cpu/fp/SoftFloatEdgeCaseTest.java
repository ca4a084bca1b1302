package dev.lpm.cpu.fp;

import static dev.lpm.cpu.fp.FpFlags.DZ;
import static dev.lpm.cpu.fp.FpFlags.NV;
import static dev.lpm.cpu.fp.FpFlags.NX;
import static dev.lpm.cpu.fp.FpFlags.OF;
import static dev.lpm.cpu.fp.FpFlags.UF;
import static dev.lpm.cpu.fp.SoftFloat.RDN;
import static dev.lpm.cpu.fp.SoftFloat.RMM;
import static dev.lpm.cpu.fp.SoftFloat.RNE;
import static dev.lpm.cpu.fp.SoftFloat.RTZ;
import static dev.lpm.cpu.fp.SoftFloat.RUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lpm.cpu.fp.FpOracle.Flags;
import dev.lpm.cpu.fp.FpOracle.Fmt;
import dev.lpm.cpu.fp.FpOracle.IntKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-picked edge cases with explicitly stated expected results, plus special-value cross products. */
class SoftFloatEdgeCaseTest {
    // binary32 constants
    static final int P0 = 0x00000000, N0 = 0x80000000, PINF = 0x7f800000, NINF = 0xff800000;
    static final int QNAN = 0x7fc00000, QNAN_PAYLOAD = 0xffc12345, SNAN = 0x7f800001, NSNAN = 0xffa00000;
    static final int MAXS = 0x7f7fffff, MINNORM = 0x00800000, MINSUB = 0x00000001, MAXSUB = 0x007fffff;
    static final int ONE = 0x3f800000, TWO = 0x40000000, HALF = 0x3f000000, NEG_ONE = 0xbf800000;
    // binary64 constants
    static final long DP0 = 0L, DN0 = 0x8000000000000000L, DPINF = 0x7ff0000000000000L, DNINF = 0xfff0000000000000L;
    static final long DQNAN = 0x7ff8000000000000L, DSNAN = 0x7ff0000000000001L, DNQNAN = 0xfff8000000000123L;
    static final long DMAX = 0x7fefffffffffffffL, DMINNORM = 0x0010000000000000L, DMINSUB = 1L;
    static final long DONE = 0x3ff0000000000000L, DTWO = 0x4000000000000000L;

    private static void is(String what, int got, FpFlags f, int want, int flags) {
        assertThat(Integer.toHexString(got)).as(what + " result").isEqualTo(Integer.toHexString(want));
        assertThat(FpFlags.toString(f.value)).as(what + " flags").isEqualTo(FpFlags.toString(flags));
    }

    private static void is(String what, long got, FpFlags f, long want, int flags) {
        assertThat(Long.toHexString(got)).as(what + " result").isEqualTo(Long.toHexString(want));
        assertThat(FpFlags.toString(f.value)).as(what + " flags").isEqualTo(FpFlags.toString(flags));
    }

    private static int fb(float x) {
        return Float.floatToRawIntBits(x);
    }

    private static long db(double x) {
        return Double.doubleToRawLongBits(x);
    }

    // ---------------------------------------------------------------------------------------------------
    // Overflow per rounding mode
    // ---------------------------------------------------------------------------------------------------

    @Test
    void overflowThresholdSingle() {
        int halfUlpOfMax = 0x73000000; // 2^103: MAX + 2^103 is the midpoint between MAX and 2^128
        int[] wantPos = {PINF, MAXS, MAXS, PINF, PINF};
        int[] flagsPos = {OF | NX, NX, NX, OF | NX, OF | NX}; // RTZ/RDN: rounded value (unbounded) is MAX
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("MAX+halfulp rm" + rm, SoftFloat.addS(MAXS, halfUlpOfMax, rm, f), f, wantPos[rm], flagsPos[rm]);
        }
        int[] wantNeg = {NINF, 0xff7fffff, NINF, 0xff7fffff, NINF};
        int[] flagsNeg = {OF | NX, NX, OF | NX, NX, OF | NX};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("-MAX-halfulp rm" + rm, SoftFloat.subS(0xff7fffff, halfUlpOfMax, rm, f), f, wantNeg[rm],
                    flagsNeg[rm]);
        }
        // Just below the midpoint: RNE stays at MAX without overflow.
        FpFlags f = new FpFlags();
        is("MAX+0.99halfulp", SoftFloat.addS(MAXS, 0x72ffffff, RNE, f), f, MAXS, NX);
        // Far above: every mode overflows, RTZ/RDN give MAX.
        int[] want2 = {PINF, MAXS, MAXS, PINF, PINF};
        for (int rm = 0; rm < 5; rm++) {
            f = new FpFlags();
            is("MAX*2 rm" + rm, SoftFloat.mulS(MAXS, TWO, rm, f), f, want2[rm], OF | NX);
        }
        // Exact infinity arithmetic raises nothing.
        f = new FpFlags();
        is("inf*2", SoftFloat.mulS(PINF, TWO, RNE, f), f, PINF, 0);
    }

    @Test
    void overflowThresholdDouble() {
        long halfUlpOfMax = 0x7c90000000000000L; // 2^970
        long[] want = {DPINF, DMAX, DMAX, DPINF, DPINF};
        int[] flags = {OF | NX, NX, NX, OF | NX, OF | NX};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("MAX+halfulp rm" + rm, SoftFloat.addD(DMAX, halfUlpOfMax, rm, f), f, want[rm], flags[rm]);
        }
        long[] want2 = {DNINF, DMAX | DN0, DNINF, DMAX | DN0, DNINF};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("-MAX*2 rm" + rm, SoftFloat.mulD(DMAX, db(-2.0), rm, f), f, want2[rm], OF | NX);
            f = new FpFlags();
            is("MAX/0.5 rm" + rm, SoftFloat.divD(DMAX | DN0, db(0.5), rm, f), f, want2[rm], OF | NX);
        }
        FpFlags f = new FpFlags();
        is("fma overflow", SoftFloat.mulAddD(DMAX, db(1.5), DMAX, RTZ, f), f, DMAX, OF | NX);
        f = new FpFlags();
        is("dToS overflow", SoftFloat.dToS(db(1e39), RNE, f), f, PINF, OF | NX);
        f = new FpFlags();
        is("dToS overflow RTZ", SoftFloat.dToS(db(-1e39), RTZ, f), f, 0xff7fffff, OF | NX);
        f = new FpFlags();
        is("fcvt.s.l huge RUP", SoftFloat.fromULongS(-1L, RUP, f), f, 0x5f800000, NX); // 2^64 fits
    }

    // ---------------------------------------------------------------------------------------------------
    // Underflow and tininess after rounding
    // ---------------------------------------------------------------------------------------------------

    @Test
    void tininessIsDetectedAfterRounding() {
        // x = (2^25 - 1) * 2^-151 = 2^-126 - 2^-151, from 18631*2^-11 times 1801*2^-140.
        int a = 0x41118e00;
        int b = 0x000e1200;
        // RNE: 24-bit rounding with unbounded exponent is a tie that goes to even 2^-126: not tiny.
        int[] want = {MINNORM, MAXSUB, MAXSUB, MINNORM, MINNORM};
        int[] flags = {NX, NX | UF, NX | UF, NX, NX};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("(2^25-1)*2^-151 rm" + rm, SoftFloat.mulS(a, b, rm, f), f, want[rm], flags[rm]);
        }
        // y = (2^24 - 1) * 2^-150: representable with 24 bits (so tiny whatever the mode) but not as a
        // subnormal; it rounds to 2^-126 in RNE (tie, even) and still raises UF.
        int c = 0x3f7ff000; // 4095 * 2^-12
        int d = 0x00800800; // 4097 * 2^-138
        int[] want2 = {MINNORM, MAXSUB, MAXSUB, MINNORM, MINNORM};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("(2^24-1)*2^-150 rm" + rm, SoftFloat.mulS(c, d, rm, f), f, want2[rm], NX | UF);
        }
    }

    @Test
    void underflowToZeroAndMinSubnormal() {
        // min subnormal * 0.5: a tie between 0 and the minimum subnormal
        int[] want = {P0, P0, P0, MINSUB, MINSUB};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("minsub*0.5 rm" + rm, SoftFloat.mulS(MINSUB, HALF, rm, f), f, want[rm], UF | NX);
        }
        int[] wantNeg = {N0, N0, 0x80000001, N0, 0x80000001};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("-minsub*0.5 rm" + rm, SoftFloat.mulS(MINSUB | N0, HALF, rm, f), f, wantNeg[rm], UF | NX);
        }
        long[] wantD = {DP0, DP0, DP0, DMINSUB, DP0};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            // min subnormal / 3: below the half-way point
            is("dminsub/3 rm" + rm, SoftFloat.divD(DMINSUB, db(3.0), rm, f), f, wantD[rm], UF | NX);
        }
        // Exact subnormal results raise nothing.
        FpFlags f = new FpFlags();
        is("exact subnormal", SoftFloat.mulS(0x00000002, HALF, RNE, f), f, MINSUB, 0);
        f = new FpFlags();
        is("exact subnormal D", SoftFloat.mulD(0x0000000000000004L, db(0.25), RDN, f), f, DMINSUB, 0);
        f = new FpFlags();
        is("subnormal sum exact", SoftFloat.addS(MAXSUB, MINSUB, RNE, f), f, MINNORM, 0);
        f = new FpFlags();
        is("min normal - min sub", SoftFloat.subD(DMINNORM, DMINSUB, RNE, f), f, 0x000fffffffffffffL, 0);
        f = new FpFlags();
        is("dToS to subnormal", SoftFloat.dToS(db(0x1p-149 * 1.5), RNE, f), f, 0x00000002, UF | NX);
        f = new FpFlags();
        is("sqrt min subnormal (exact 2^-537)", SoftFloat.sqrtD(DMINSUB, RNE, f), f, db(0x1p-537), 0);
        f = new FpFlags();
        // sqrt(2) = 1.41421356237309504..., and binary64 0x3ff6a09e667f3bcd is above it
        is("sqrt 2*min subnormal RUP", SoftFloat.sqrtD(2L, RUP, f), f, 0x1e66a09e667f3bcdL, NX);
        f = new FpFlags();
        is("sqrt 2*min subnormal RDN", SoftFloat.sqrtD(2L, RDN, f), f, 0x1e66a09e667f3bccL, NX);
    }

    // ---------------------------------------------------------------------------------------------------
    // Ties and RMM
    // ---------------------------------------------------------------------------------------------------

    @Test
    void halfwayCases() {
        int tiny = 0x33800000; // 2^-24: half an ulp of 1.0
        int[] want = {ONE, ONE, ONE, ONE + 1, ONE + 1};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("1+2^-24 rm" + rm, SoftFloat.addS(ONE, tiny, rm, f), f, want[rm], NX);
        }
        int[] want2 = {ONE + 2, ONE + 1, ONE + 1, ONE + 2, ONE + 2}; // odd significand: RNE rounds up
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("(1+2^-23)+2^-24 rm" + rm, SoftFloat.addS(ONE + 1, tiny, rm, f), f, want2[rm], NX);
        }
        int[] want3 = {NEG_ONE, NEG_ONE, NEG_ONE + 1, NEG_ONE, NEG_ONE + 1};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("-1-2^-24 rm" + rm, SoftFloat.subS(NEG_ONE, tiny, rm, f), f, want3[rm], NX);
        }
        long dtiny = 0x3ca0000000000000L; // 2^-53
        long[] wantD = {DONE, DONE, DONE, DONE + 1, DONE + 1};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("1+2^-53 rm" + rm, SoftFloat.addD(DONE, dtiny, rm, f), f, wantD[rm], NX);
        }
        // 2.5 and -2.5 to integer
        long[] wantI = {2, 2, 2, 3, 3};
        long[] wantNegI = {-2, -2, -3, -2, -3};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("fcvt.w.s 2.5 rm" + rm, SoftFloat.toIntS(fb(2.5f), rm, f), f, wantI[rm], NX);
            f = new FpFlags();
            is("fcvt.l.d -2.5 rm" + rm, SoftFloat.toLongD(db(-2.5), rm, f), f, wantNegI[rm], NX);
        }
        // 2^24 + 1 and 2^53 + 1 from integers: ties
        int[] wantF = {0x4b800000, 0x4b800000, 0x4b800000, 0x4b800001, 0x4b800001};
        for (int rm = 0; rm < 5; rm++) {
            FpFlags f = new FpFlags();
            is("fcvt.s.w 2^24+1 rm" + rm, SoftFloat.fromIntS((1 << 24) + 1, rm, f), f, wantF[rm], NX);
        }
        FpFlags f = new FpFlags();
        is("fcvt.d.l 2^53+1", SoftFloat.fromLongD((1L << 53) + 1, RMM, f), f, 0x4340000000000001L, NX);
        f = new FpFlags();
        is("fcvt.d.l MIN", SoftFloat.fromLongD(Long.MIN_VALUE, RNE, f), f, 0xc3e0000000000000L, 0);
        f = new FpFlags();
        is("fcvt.s.wu max", SoftFloat.fromUIntS(-1, RTZ, f), f, 0x4f7fffff, NX);
    }

    // ---------------------------------------------------------------------------------------------------
    // Special values
    // ---------------------------------------------------------------------------------------------------

    @Test
    void nanResultsAreCanonicalAndSignalingRaisesInvalid() {
        FpFlags f = new FpFlags();
        is("qnan+1", SoftFloat.addS(QNAN_PAYLOAD, ONE, RNE, f), f, QNAN, 0);
        f = new FpFlags();
        is("1+snan", SoftFloat.addS(ONE, SNAN, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("snan*qnan", SoftFloat.mulS(NSNAN, QNAN, RTZ, f), f, QNAN, NV);
        f = new FpFlags();
        is("inf-inf", SoftFloat.subS(PINF, PINF, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("inf*0", SoftFloat.mulS(NINF, P0, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("0/0", SoftFloat.divS(N0, P0, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("inf/inf", SoftFloat.divD(DPINF, DNINF, RNE, f), f, DQNAN, NV);
        f = new FpFlags();
        is("sqrt(-1)", SoftFloat.sqrtS(NEG_ONE, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("sqrt(-inf)", SoftFloat.sqrtD(DNINF, RNE, f), f, DQNAN, NV);
        f = new FpFlags();
        is("sqrt(-qnan)", SoftFloat.sqrtD(DNQNAN, RNE, f), f, DQNAN, 0);
        f = new FpFlags();
        is("sqrt(snan)", SoftFloat.sqrtS(SNAN, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("qnan-qnan D", SoftFloat.subD(DNQNAN, DQNAN, RNE, f), f, DQNAN, 0);
        f = new FpFlags();
        is("sToD qnan", SoftFloat.sToD(QNAN_PAYLOAD, f), f, DQNAN, 0);
        f = new FpFlags();
        is("sToD snan", SoftFloat.sToD(SNAN, f), f, DQNAN, NV);
        f = new FpFlags();
        is("dToS snan", SoftFloat.dToS(DSNAN, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("dToS -qnan", SoftFloat.dToS(DNQNAN, RUP, f), f, QNAN, 0);
    }

    @Test
    void divideByZero() {
        FpFlags f = new FpFlags();
        is("1/0", SoftFloat.divS(ONE, P0, RNE, f), f, PINF, DZ);
        f = new FpFlags();
        is("1/-0", SoftFloat.divS(ONE, N0, RNE, f), f, NINF, DZ);
        f = new FpFlags();
        is("-minsub/+0 D", SoftFloat.divD(DMINSUB | DN0, DP0, RTZ, f), f, DNINF, DZ);
        f = new FpFlags();
        is("inf/0", SoftFloat.divD(DPINF, DP0, RNE, f), f, DPINF, 0);
        f = new FpFlags();
        is("1/inf", SoftFloat.divS(NEG_ONE, PINF, RNE, f), f, N0, 0);
    }

    @Test
    void signedZeros() {
        for (int rm = 0; rm < 5; rm++) {
            int z = rm == RDN ? N0 : P0;
            long dz = rm == RDN ? DN0 : DP0;
            FpFlags f = new FpFlags();
            is("1-1 rm" + rm, SoftFloat.subS(ONE, ONE, rm, f), f, z, 0);
            f = new FpFlags();
            is("+0+-0 rm" + rm, SoftFloat.addS(P0, N0, rm, f), f, z, 0);
            f = new FpFlags();
            is("-0+-0 rm" + rm, SoftFloat.addS(N0, N0, rm, f), f, N0, 0);
            f = new FpFlags();
            is("-0-+0 D rm" + rm, SoftFloat.subD(DN0, DP0, rm, f), f, DN0, 0);
            f = new FpFlags();
            is("x-x D rm" + rm, SoftFloat.subD(0x0123456789abcdefL, 0x0123456789abcdefL, rm, f), f, dz, 0);
            f = new FpFlags();
            is("fma 1*1-1 rm" + rm, SoftFloat.mulAddS(ONE, ONE, NEG_ONE, rm, f), f, z, 0);
            f = new FpFlags();
            is("fma D 2*3-6 rm" + rm, SoftFloat.mulAddD(DTWO, db(3), db(-6), rm, f), f, dz, 0);
            f = new FpFlags();
            is("fma -0*1+-0 rm" + rm, SoftFloat.mulAddS(N0, ONE, N0, rm, f), f, N0, 0);
            f = new FpFlags();
            is("fma 0*-1+0 rm" + rm, SoftFloat.mulAddD(DP0, db(-1), DP0, rm, f), f, dz, 0);
            f = new FpFlags();
            is("-0*5 rm" + rm, SoftFloat.mulS(N0, 0x40a00000, rm, f), f, N0, 0);
            f = new FpFlags();
            is("sqrt(-0) rm" + rm, SoftFloat.sqrtS(N0, rm, f), f, N0, 0);
            f = new FpFlags();
            is("sqrt(-0) D rm" + rm, SoftFloat.sqrtD(DN0, rm, f), f, DN0, 0);
            f = new FpFlags();
            is("fcvt.s.w 0 rm" + rm, SoftFloat.fromIntS(0, rm, f), f, P0, 0);
        }
        // a tiny product plus -0 keeps the product's sign even when it rounds to zero
        FpFlags f = new FpFlags();
        is("tiny*tiny + -0", SoftFloat.mulAddS(MINSUB, MINSUB, N0, RNE, f), f, P0, UF | NX);
        f = new FpFlags();
        is("-tiny*tiny + +0", SoftFloat.mulAddD(DMINSUB | DN0, DMINSUB, DP0, RNE, f), f, DN0, UF | NX);
    }

    @Test
    void fusedMultiplyAddInvalidCases() {
        // RISC-V: inf*0 raises NV even when the addend is a quiet NaN; the result is the canonical NaN.
        FpFlags f = new FpFlags();
        is("inf*0+qnan", SoftFloat.mulAddS(PINF, P0, QNAN, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("0*inf+qnan D", SoftFloat.mulAddD(DN0, DPINF, DNQNAN, RNE, f), f, DQNAN, NV);
        f = new FpFlags();
        is("inf*0+1", SoftFloat.mulAddS(NINF, N0, ONE, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("qnan*0+1", SoftFloat.mulAddS(QNAN, P0, ONE, RNE, f), f, QNAN, 0);
        f = new FpFlags();
        is("1*1+snan", SoftFloat.mulAddD(DONE, DONE, DSNAN, RNE, f), f, DQNAN, NV);
        f = new FpFlags();
        is("inf*1-inf", SoftFloat.mulAddS(PINF, ONE, NINF, RNE, f), f, QNAN, NV);
        f = new FpFlags();
        is("inf*-1-inf", SoftFloat.mulAddD(DPINF, db(-1), DNINF, RNE, f), f, DNINF, 0);
        f = new FpFlags();
        is("1*1+inf", SoftFloat.mulAddS(ONE, MAXS, PINF, RNE, f), f, PINF, 0);
        f = new FpFlags();
        // sign flips done by the caller keep a NaN a NaN: fnmadd(snan, 1, 1)
        is("fnmadd snan", SoftFloat.mulAddS(SNAN ^ N0, ONE, ONE ^ N0, RNE, f), f, QNAN, NV);
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        // (1+2^-23)(1-2^-23) = 1 - 2^-46; - 1 -> -2^-46 exactly (a separate multiply would give 0)
        FpFlags f = new FpFlags();
        is("fma single rounding", SoftFloat.mulAddS(ONE + 1, 0x3f7ffffe, NEG_ONE, RNE, f), f, 0xa8800000, 0);
        f = new FpFlags();
        is("fma D single rounding", SoftFloat.mulAddD(DONE + 1, 0x3fefffffffffffffL - 1, db(-1), RNE, f), f,
                db(-0x1p-104), 0);
        // 1 + 2^-24 * (1 + 2^-23): just above the tie, rounds up in RNE
        f = new FpFlags();
        is("fma above tie", SoftFloat.mulAddS(0x33800000, ONE + 1, ONE, RNE, f), f, ONE + 1, NX);
        f = new FpFlags();
        is("fma exactly tie", SoftFloat.mulAddS(0x33800000, ONE, ONE, RNE, f), f, ONE, NX);
        // 0x1404b25a15c2bb * 0x19939800033273 = 2^105 + 1, so a*b = 2 + 2^-104: added to 2^54 this is a
        // tie (half an ulp is 2) plus a sticky bit that lies 158 bits below the addend's leading bit.
        long a = 0x3ff404b25a15c2bbL;
        long b = 0x3ff9939800033273L;
        long c = 0x4350000000000000L; // 2^54
        long[] want = {c + 1, c, c, c + 1, c + 1};
        for (int rm = 0; rm < 5; rm++) {
            f = new FpFlags();
            is("fma tie+sticky rm" + rm, SoftFloat.mulAddD(a, b, c, rm, f), f, want[rm], NX);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Conversions
    // ---------------------------------------------------------------------------------------------------

    @Test
    void floatToIntegerDomains() {
        int maxW = Integer.MAX_VALUE;
        int minW = Integer.MIN_VALUE;
        record C(String what, long got, FpFlags f, long want, int flags) {
        }
        List<C> cs = new ArrayList<>();
        FpFlags f;
        // NaN and +inf -> max, -inf -> min (signed) / 0 (unsigned)
        int[] nans = {QNAN, SNAN, QNAN_PAYLOAD, NSNAN};
        for (int n : nans) {
            cs.add(new C("w nan", SoftFloat.toIntS(n, RNE, f = new FpFlags()), f, maxW, NV));
            cs.add(new C("wu nan", SoftFloat.toUIntS(n, RNE, f = new FpFlags()), f, -1L, NV));
            cs.add(new C("l nan", SoftFloat.toLongS(n, RNE, f = new FpFlags()), f, Long.MAX_VALUE, NV));
            cs.add(new C("lu nan", SoftFloat.toULongS(n, RNE, f = new FpFlags()), f, -1L, NV));
        }
        cs.add(new C("w +inf", SoftFloat.toIntD(DPINF, RTZ, f = new FpFlags()), f, maxW, NV));
        cs.add(new C("w -inf", SoftFloat.toIntD(DNINF, RTZ, f = new FpFlags()), f, minW, NV));
        cs.add(new C("wu -inf", SoftFloat.toUIntD(DNINF, RTZ, f = new FpFlags()), f, 0, NV));
        cs.add(new C("l -inf", SoftFloat.toLongS(NINF, RTZ, f = new FpFlags()), f, Long.MIN_VALUE, NV));
        cs.add(new C("lu +inf", SoftFloat.toULongS(PINF, RTZ, f = new FpFlags()), f, -1L, NV));
        cs.add(new C("lu -inf", SoftFloat.toULongD(DNINF, RTZ, f = new FpFlags()), f, 0, NV));
        // boundaries of fcvt.w
        cs.add(new C("w 2^31", SoftFloat.toIntS(0x4f000000, RNE, f = new FpFlags()), f, maxW, NV));
        cs.add(new C("w -2^31", SoftFloat.toIntS(0xcf000000, RNE, f = new FpFlags()), f, minW, 0));
        cs.add(new C("w 2^31-0.5", SoftFloat.toIntD(db(2147483647.5), RTZ, f = new FpFlags()), f, maxW, NX));
        cs.add(new C("w 2^31-0.5 RNE", SoftFloat.toIntD(db(2147483647.5), RNE, f = new FpFlags()), f, maxW, NV));
        cs.add(new C("w -2^31-0.5", SoftFloat.toIntD(db(-2147483648.5), RNE, f = new FpFlags()), f, minW, NX));
        cs.add(new C("w -2^31-0.5 RDN", SoftFloat.toIntD(db(-2147483648.5), RDN, f = new FpFlags()), f, minW, NV));
        // fcvt.wu: negative values that round to zero are in range (NX only); 32-bit results sign-extend
        cs.add(new C("wu -0.3 RTZ", SoftFloat.toUIntS(fb(-0.3f), RTZ, f = new FpFlags()), f, 0, NX));
        cs.add(new C("wu -0.5 RNE", SoftFloat.toUIntS(fb(-0.5f), RNE, f = new FpFlags()), f, 0, NX));
        cs.add(new C("wu -0.5 RMM", SoftFloat.toUIntS(fb(-0.5f), RMM, f = new FpFlags()), f, 0, NV));
        cs.add(new C("wu -0.75 RNE", SoftFloat.toUIntS(fb(-0.75f), RNE, f = new FpFlags()), f, 0, NV));
        cs.add(new C("wu -0.3 RDN", SoftFloat.toUIntD(db(-0.3), RDN, f = new FpFlags()), f, 0, NV));
        cs.add(new C("wu -0", SoftFloat.toUIntD(DN0, RDN, f = new FpFlags()), f, 0, 0));
        cs.add(new C("wu -1", SoftFloat.toUIntS(NEG_ONE, RNE, f = new FpFlags()), f, 0, NV));
        cs.add(new C("wu 2^32-1", SoftFloat.toUIntD(db(4294967295.0), RNE, f = new FpFlags()), f, -1L, 0));
        cs.add(new C("wu 2^31", SoftFloat.toUIntD(db(2147483648.0), RNE, f = new FpFlags()), f,
                0xffffffff80000000L, 0));
        cs.add(new C("wu 2^32", SoftFloat.toUIntS(0x4f800000, RNE, f = new FpFlags()), f, -1L, NV));
        cs.add(new C("wu 2^32-0.5", SoftFloat.toUIntD(db(4294967295.5), RUP, f = new FpFlags()), f, -1L, NV));
        // fcvt.l / fcvt.lu
        cs.add(new C("l 2^63", SoftFloat.toLongD(0x43e0000000000000L, RNE, f = new FpFlags()), f,
                Long.MAX_VALUE, NV));
        cs.add(new C("l -2^63", SoftFloat.toLongD(0xc3e0000000000000L, RNE, f = new FpFlags()), f,
                Long.MIN_VALUE, 0));
        cs.add(new C("l max below 2^63", SoftFloat.toLongD(0x43dfffffffffffffL, RNE, f = new FpFlags()), f,
                0x7ffffffffffffc00L, 0));
        cs.add(new C("lu 2^64", SoftFloat.toULongD(0x43f0000000000000L, RNE, f = new FpFlags()), f, -1L, NV));
        cs.add(new C("lu below 2^64", SoftFloat.toULongD(0x43efffffffffffffL, RNE, f = new FpFlags()), f,
                0xfffffffffffff800L, 0));
        cs.add(new C("lu 2^63 S", SoftFloat.toULongS(0x5f000000, RNE, f = new FpFlags()), f,
                0x8000000000000000L, 0));
        cs.add(new C("l minsub RUP", SoftFloat.toLongD(DMINSUB, RUP, f = new FpFlags()), f, 1, NX));
        cs.add(new C("l -minsub RDN", SoftFloat.toLongS(MINSUB | N0, RDN, f = new FpFlags()), f, -1, NX));
        cs.add(new C("w -minsub RNE", SoftFloat.toIntS(MINSUB | N0, RNE, f = new FpFlags()), f, 0, NX));
        cs.add(new C("w 1e10", SoftFloat.toIntS(fb(1e10f), RNE, f = new FpFlags()), f, maxW, NV));
        cs.add(new C("w -1e10", SoftFloat.toIntS(fb(-1e10f), RNE, f = new FpFlags()), f, minW, NV));
        cs.add(new C("w 1e300", SoftFloat.toIntD(db(-1e300), RNE, f = new FpFlags()), f, minW, NV));
        cs.add(new C("w 123.75", SoftFloat.toIntS(fb(-123.75f), RTZ, f = new FpFlags()), f, -123, NX));
        for (C c : cs) {
            is(c.what(), c.got(), c.f(), c.want(), c.flags());
        }
    }

    @Test
    void singleDoubleConversions() {
        FpFlags f = new FpFlags();
        is("sToD minsub", SoftFloat.sToD(MINSUB, f), f, db(0x1p-149), 0);
        f = new FpFlags();
        is("sToD -maxsub", SoftFloat.sToD(MAXSUB | N0, f), f, db(-(double) Float.intBitsToFloat(MAXSUB)), 0);
        f = new FpFlags();
        is("sToD -inf", SoftFloat.sToD(NINF, f), f, DNINF, 0);
        f = new FpFlags();
        is("sToD -0", SoftFloat.sToD(N0, f), f, DN0, 0);
        f = new FpFlags();
        is("sToD max", SoftFloat.sToD(MAXS, f), f, db(Float.MAX_VALUE), 0);
        f = new FpFlags();
        is("dToS 1/3 RUP", SoftFloat.dToS(db(1.0 / 3), RUP, f), f, 0x3eaaaaab, NX);
        f = new FpFlags();
        is("dToS 1/3 RDN", SoftFloat.dToS(db(1.0 / 3), RDN, f), f, 0x3eaaaaaa, NX);
        f = new FpFlags();
        is("dToS dminsub RUP", SoftFloat.dToS(DMINSUB, RUP, f), f, MINSUB, UF | NX);
        f = new FpFlags();
        is("dToS -dminsub RNE", SoftFloat.dToS(DMINSUB | DN0, RNE, f), f, N0, UF | NX);
        f = new FpFlags();
        is("dToS DMAX RTZ", SoftFloat.dToS(DMAX, RTZ, f), f, MAXS, OF | NX);
    }

    // ---------------------------------------------------------------------------------------------------
    // min / max / compare / classify
    // ---------------------------------------------------------------------------------------------------

    @Test
    void minMax() {
        FpFlags f = new FpFlags();
        is("min(-0,+0)", SoftFloat.minS(P0, N0, f), f, N0, 0);
        f = new FpFlags();
        is("max(-0,+0)", SoftFloat.maxS(N0, P0, f), f, P0, 0);
        f = new FpFlags();
        is("min(+0,-0) D", SoftFloat.minD(DP0, DN0, f), f, DN0, 0);
        f = new FpFlags();
        is("max(-0,+0) D", SoftFloat.maxD(DN0, DP0, f), f, DP0, 0);
        f = new FpFlags();
        is("min(qnan,1)", SoftFloat.minS(QNAN_PAYLOAD, ONE, f), f, ONE, 0);
        f = new FpFlags();
        is("max(1,snan)", SoftFloat.maxS(ONE, SNAN, f), f, ONE, NV);
        f = new FpFlags();
        is("min(qnan,qnan)", SoftFloat.minS(QNAN_PAYLOAD, QNAN_PAYLOAD, f), f, QNAN, 0);
        f = new FpFlags();
        is("max(snan,qnan) D", SoftFloat.maxD(DSNAN, DNQNAN, f), f, DQNAN, NV);
        f = new FpFlags();
        is("min(-inf,maxsub)", SoftFloat.minS(NINF, MAXSUB, f), f, NINF, 0);
        f = new FpFlags();
        is("max(-1,-2) D", SoftFloat.maxD(db(-1), db(-2), f), f, db(-1), 0);
        f = new FpFlags();
        is("min(-1,-2) D", SoftFloat.minD(db(-1), db(-2), f), f, db(-2), 0);
        f = new FpFlags();
        is("max(snan, -0) D", SoftFloat.maxD(DSNAN, DN0, f), f, DN0, NV);
    }

    @Test
    void comparisons() {
        FpFlags f = new FpFlags();
        assertThat(SoftFloat.eqS(P0, N0, f)).isTrue();
        assertThat(SoftFloat.leS(N0, P0, f)).isTrue();
        assertThat(SoftFloat.ltS(N0, P0, f)).isFalse();
        assertThat(SoftFloat.ltD(db(-1), db(1), f)).isTrue();
        assertThat(SoftFloat.ltD(DMINSUB | DN0, DN0, f)).isTrue();
        assertThat(SoftFloat.leD(DPINF, DMAX, f)).isFalse();
        assertThat(f.value).isZero();
        assertThat(SoftFloat.eqS(QNAN, QNAN, f)).isFalse();
        assertThat(f.value).as("feq quiet NaN").isZero();
        assertThat(SoftFloat.eqD(DSNAN, DONE, f)).isFalse();
        assertThat(f.value).as("feq sNaN").isEqualTo(NV);
        f.value = 0;
        assertThat(SoftFloat.ltS(QNAN, ONE, f)).isFalse();
        assertThat(f.value).as("flt qNaN").isEqualTo(NV);
        f.value = 0;
        assertThat(SoftFloat.leD(DONE, DQNAN, f)).isFalse();
        assertThat(f.value).as("fle qNaN").isEqualTo(NV);
        f.value = 0;
        assertThat(SoftFloat.leS(QNAN, QNAN, f)).isFalse();
        assertThat(SoftFloat.ltD(DQNAN, DQNAN, f)).isFalse();
        assertThat(f.value).isEqualTo(NV);
    }

    @Test
    void classify() {
        int[] s = {NINF, NEG_ONE, MAXSUB | N0, N0, P0, MINSUB, ONE, PINF, SNAN, QNAN};
        long[] d = {DNINF, db(-1), DMINSUB | DN0, DN0, DP0, DMINSUB, DONE, DPINF, DSNAN, DQNAN};
        for (int i = 0; i < 10; i++) {
            assertThat(SoftFloat.classS(s[i])).as("classS %x", s[i]).isEqualTo(1 << i);
            assertThat(SoftFloat.classD(d[i])).as("classD %x", d[i]).isEqualTo(1 << i);
        }
        assertThat(SoftFloat.classS(NSNAN)).isEqualTo(1 << 8);
        assertThat(SoftFloat.classS(QNAN_PAYLOAD)).isEqualTo(1 << 9);
        assertThat(SoftFloat.classD(DNQNAN)).isEqualTo(1 << 9);
        assertThat(SoftFloat.classS(0xff7fffff)).isEqualTo(1 << 1);
        assertThat(SoftFloat.classD(DMINNORM)).isEqualTo(1 << 6);
        assertThat(SoftFloat.classD(0x000fffffffffffffL)).isEqualTo(1 << 5);
    }

    // ---------------------------------------------------------------------------------------------------
    // Cross products of special values against the oracle, in every mode
    // ---------------------------------------------------------------------------------------------------

    private static long[] specials(Fmt fmt) {
        return new FpGen(fmt, 0).specials;
    }

    private static void cross(Fmt fmt, int arity, String name, SoftFloatOracleTest.Impl impl,
            SoftFloatOracleTest.Ref ref) {
        long[] sp = specials(fmt);
        List<String> failures = new ArrayList<>();
        int n = 0;
        int[] idx = new int[arity];
        int total = (int) Math.pow(sp.length, arity);
        for (int k = 0; k < total; k++) {
            int t = k;
            long[] in = new long[arity];
            for (int j = 0; j < arity; j++) {
                idx[j] = t % sp.length;
                t /= sp.length;
                in[j] = sp[idx[j]];
            }
            for (int rm = 0; rm < 5; rm++) {
                FpFlags f = new FpFlags();
                Flags fl = new Flags();
                long got = impl.apply(in, rm, f);
                long want = ref.apply(in, rm, fl);
                n++;
                if ((got != want || f.value != fl.v) && failures.size() < 10) {
                    failures.add(String.format("%s rm=%d in=%s got=%x/%s want=%x/%s", name, rm,
                            java.util.Arrays.toString(java.util.Arrays.stream(in).mapToObj(Long::toHexString)
                                    .toArray()), got, FpFlags.toString(f.value), want, FpFlags.toString(fl.v)));
                }
            }
        }
        assertThat(n).isEqualTo(total * 5);
        assertThat(failures).as(name).isEmpty();
    }

    private static long u(int x) {
        return x & 0xffffffffL;
    }

    @Test
    void specialCrossProductsSingle() {
        Fmt s = FpOracle.S;
        cross(s, 2, "addS", (in, m, f) -> u(SoftFloat.addS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.add(s, in[0], in[1], m, f));
        cross(s, 2, "subS", (in, m, f) -> u(SoftFloat.subS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.sub(s, in[0], in[1], m, f));
        cross(s, 2, "mulS", (in, m, f) -> u(SoftFloat.mulS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.mul(s, in[0], in[1], m, f));
        cross(s, 2, "divS", (in, m, f) -> u(SoftFloat.divS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.div(s, in[0], in[1], m, f));
        cross(s, 1, "sqrtS", (in, m, f) -> u(SoftFloat.sqrtS((int) in[0], m, f)),
                (in, m, f) -> FpOracle.sqrt(s, in[0], m, f));
        cross(s, 3, "mulAddS", (in, m, f) -> u(SoftFloat.mulAddS((int) in[0], (int) in[1], (int) in[2], m, f)),
                (in, m, f) -> FpOracle.fma(s, in[0], in[1], in[2], m, f));
        cross(s, 1, "sToD", (in, m, f) -> SoftFloat.sToD((int) in[0], f),
                (in, m, f) -> FpOracle.convert(s, FpOracle.D, in[0], m, f));
        for (IntKind k : IntKind.values()) {
            cross(s, 1, "to" + k, (in, m, f) -> switch (k) {
                case W -> SoftFloat.toIntS((int) in[0], m, f);
                case WU -> SoftFloat.toUIntS((int) in[0], m, f);
                case L -> SoftFloat.toLongS((int) in[0], m, f);
                case LU -> SoftFloat.toULongS((int) in[0], m, f);
            }, (in, m, f) -> FpOracle.toInt(s, in[0], k, m, f));
        }
    }

    @Test
    void specialCrossProductsDouble() {
        Fmt d = FpOracle.D;
        cross(d, 2, "addD", (in, m, f) -> SoftFloat.addD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.add(d, in[0], in[1], m, f));
        cross(d, 2, "subD", (in, m, f) -> SoftFloat.subD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.sub(d, in[0], in[1], m, f));
        cross(d, 2, "mulD", (in, m, f) -> SoftFloat.mulD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.mul(d, in[0], in[1], m, f));
        cross(d, 2, "divD", (in, m, f) -> SoftFloat.divD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.div(d, in[0], in[1], m, f));
        cross(d, 1, "sqrtD", (in, m, f) -> SoftFloat.sqrtD(in[0], m, f),
                (in, m, f) -> FpOracle.sqrt(d, in[0], m, f));
        cross(d, 3, "mulAddD", (in, m, f) -> SoftFloat.mulAddD(in[0], in[1], in[2], m, f),
                (in, m, f) -> FpOracle.fma(d, in[0], in[1], in[2], m, f));
        cross(d, 1, "dToS", (in, m, f) -> u(SoftFloat.dToS(in[0], m, f)),
                (in, m, f) -> FpOracle.convert(d, FpOracle.S, in[0], m, f));
        for (IntKind k : IntKind.values()) {
            cross(d, 1, "to" + k, (in, m, f) -> switch (k) {
                case W -> SoftFloat.toIntD(in[0], m, f);
                case WU -> SoftFloat.toUIntD(in[0], m, f);
                case L -> SoftFloat.toLongD(in[0], m, f);
                case LU -> SoftFloat.toULongD(in[0], m, f);
            }, (in, m, f) -> FpOracle.toInt(d, in[0], k, m, f));
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // min/max/compare against an independent exact-value model
    // ---------------------------------------------------------------------------------------------------

    /** Exact comparison of two non-NaN values: -1, 0, 1 (zeros compare equal). */
    private static int cmp(Fmt f, long a, long b) {
        return value(f, a).compareTo(value(f, b));
    }

    private static BigInteger value(Fmt f, long a) {
        // infinities as +-2^(emax+2) scaled, finite values as integers at the smallest quantum
        int e0 = f.emin() - (f.p() - 1);
        if (FpOracle.isInf(f, a)) {
            BigInteger big = BigInteger.ONE.shiftLeft(f.emax() + 2 - e0);
            return FpOracle.neg(f, a) ? big.negate() : big;
        }
        if (FpOracle.isZero(f, a)) {
            return BigInteger.ZERO;
        }
        return FpOracle.signedAt(f, a, e0);
    }

    private static void checkMinMaxCompare(Fmt fmt, long a, long b) {
        boolean an = FpOracle.isNaN(fmt, a);
        boolean bn = FpOracle.isNaN(fmt, b);
        boolean anySNaN = FpOracle.isSNaN(fmt, a) || FpOracle.isSNaN(fmt, b);
        long wantMin;
        long wantMax;
        if (an && bn) {
            wantMin = wantMax = fmt.canonicalNaN();
        } else if (an || bn) {
            wantMin = wantMax = an ? b : a;
        } else {
            int c = cmp(fmt, a, b);
            boolean aNegZero = FpOracle.isZero(fmt, a) && FpOracle.neg(fmt, a);
            boolean bNegZero = FpOracle.isZero(fmt, b) && FpOracle.neg(fmt, b);
            if (c == 0 && FpOracle.isZero(fmt, a)) {
                wantMin = aNegZero || bNegZero ? fmt.signBit() : 0;
                wantMax = aNegZero && bNegZero ? fmt.signBit() : 0;
            } else {
                wantMin = c <= 0 ? a : b;
                wantMax = c >= 0 ? a : b;
            }
        }
        int minMaxFlags = anySNaN ? NV : 0;
        boolean unordered = an || bn;
        int c = unordered ? 2 : cmp(fmt, a, b);
        String tag = Long.toHexString(a) + "," + Long.toHexString(b);
        FpFlags f = new FpFlags();
        if (fmt == FpOracle.S) {
            is("minS " + tag, u(SoftFloat.minS((int) a, (int) b, f)), f, wantMin, minMaxFlags);
            f = new FpFlags();
            is("maxS " + tag, u(SoftFloat.maxS((int) a, (int) b, f)), f, wantMax, minMaxFlags);
            f = new FpFlags();
            assertThat(SoftFloat.eqS((int) a, (int) b, f)).as("eqS " + tag).isEqualTo(c == 0);
            assertThat(f.value).as("eqS flags " + tag).isEqualTo(anySNaN ? NV : 0);
            f = new FpFlags();
            assertThat(SoftFloat.ltS((int) a, (int) b, f)).as("ltS " + tag).isEqualTo(c == -1);
            assertThat(f.value).as("ltS flags " + tag).isEqualTo(unordered ? NV : 0);
            f = new FpFlags();
            assertThat(SoftFloat.leS((int) a, (int) b, f)).as("leS " + tag).isEqualTo(c <= 0);
            assertThat(f.value).as("leS flags " + tag).isEqualTo(unordered ? NV : 0);
        } else {
            is("minD " + tag, SoftFloat.minD(a, b, f), f, wantMin, minMaxFlags);
            f = new FpFlags();
            is("maxD " + tag, SoftFloat.maxD(a, b, f), f, wantMax, minMaxFlags);
            f = new FpFlags();
            assertThat(SoftFloat.eqD(a, b, f)).as("eqD " + tag).isEqualTo(c == 0);
            assertThat(f.value).as("eqD flags " + tag).isEqualTo(anySNaN ? NV : 0);
            f = new FpFlags();
            assertThat(SoftFloat.ltD(a, b, f)).as("ltD " + tag).isEqualTo(c == -1);
            assertThat(f.value).as("ltD flags " + tag).isEqualTo(unordered ? NV : 0);
            f = new FpFlags();
            assertThat(SoftFloat.leD(a, b, f)).as("leD " + tag).isEqualTo(c <= 0);
            assertThat(f.value).as("leD flags " + tag).isEqualTo(unordered ? NV : 0);
        }
    }

    @Test
    void minMaxCompareAgainstModel() {
        for (Fmt fmt : new Fmt[] {FpOracle.S, FpOracle.D}) {
            long[] sp = specials(fmt);
            for (long a : sp) {
                for (long b : sp) {
                    checkMinMaxCompare(fmt, a, b);
                }
            }
            FpGen g = new FpGen(fmt, 77);
            for (int i = 0; i < 3000; i++) {
                long[] p = g.addPair();
                checkMinMaxCompare(fmt, p[0], p[1]);
            }
        }
    }
}
