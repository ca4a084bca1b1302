package dev.lpm.cpu.fp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lpm.cpu.fp.FpOracle.Flags;
import dev.lpm.cpu.fp.FpOracle.Fmt;
import dev.lpm.cpu.fp.FpOracle.IntKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random operands (biased toward edge exponents, ties, cancellation and special values) in every
 * rounding mode, checking result bits and exception flags against the BigInteger reference model
 * {@link FpOracle}.
 */
class SoftFloatOracleTest {
    static final Fmt S = FpOracle.S;
    static final Fmt D = FpOracle.D;
    static final int N = 2500;
    static final int NCONV = 1500;

    interface Impl {
        long apply(long[] in, int rm, FpFlags f);
    }

    interface Ref {
        long apply(long[] in, int rm, Flags f);
    }

    private static void check(String name, int rm, int n, long seed, Supplier<long[]> gen, Impl impl, Ref ref) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < n; i++) {
            long[] in = gen.get();
            FpFlags f = new FpFlags();
            Flags fl = new Flags();
            long got = impl.apply(in, rm, f);
            long want = ref.apply(in, rm, fl);
            checked++;
            if (got != want || f.value != fl.v) {
                if (failures.size() < 15) {
                    StringBuilder sb = new StringBuilder(name).append(" rm=").append(rm).append(" in=");
                    for (long x : in) {
                        sb.append(Long.toHexString(x)).append(' ');
                    }
                    sb.append("got=").append(Long.toHexString(got)).append('/').append(FpFlags.toString(f.value));
                    sb.append(" want=").append(Long.toHexString(want)).append('/').append(FpFlags.toString(fl.v));
                    failures.add(sb.toString());
                }
            }
        }
        assertThat(checked).isEqualTo(n);
        assertThat(failures).as(name + " seed " + seed).isEmpty();
    }

    private static long u(int x) {
        return x & 0xffffffffL;
    }

    private static long seed(String op, int rm) {
        return op.hashCode() * 31L + rm;
    }

    // ---------------------------------------------------------------------------------------------------
    // binary32
    // ---------------------------------------------------------------------------------------------------

    private static long negProductS(long a, long b) {
        float p = Float.intBitsToFloat((int) a) * Float.intBitsToFloat((int) b);
        return u(Float.floatToRawIntBits(-p));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void addS(int rm) {
        FpGen g = new FpGen(S, seed("addS", rm));
        check("addS", rm, N, seed("addS", rm), g::addPair,
                (in, m, f) -> u(SoftFloat.addS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.add(S, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void subS(int rm) {
        FpGen g = new FpGen(S, seed("subS", rm));
        check("subS", rm, N / 2, seed("subS", rm), g::addPair,
                (in, m, f) -> u(SoftFloat.subS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.sub(S, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void mulS(int rm) {
        FpGen g = new FpGen(S, seed("mulS", rm));
        check("mulS", rm, N, seed("mulS", rm), () -> g.mulPair(false),
                (in, m, f) -> u(SoftFloat.mulS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.mul(S, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void divS(int rm) {
        FpGen g = new FpGen(S, seed("divS", rm));
        check("divS", rm, N, seed("divS", rm), () -> g.mulPair(true),
                (in, m, f) -> u(SoftFloat.divS((int) in[0], (int) in[1], m, f)),
                (in, m, f) -> FpOracle.div(S, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void sqrtS(int rm) {
        FpGen g = new FpGen(S, seed("sqrtS", rm));
        check("sqrtS", rm, N, seed("sqrtS", rm),
                () -> new long[] {g.r.nextInt(8) == 0 ? g.value() : g.value() & ~S.signBit()},
                (in, m, f) -> u(SoftFloat.sqrtS((int) in[0], m, f)),
                (in, m, f) -> FpOracle.sqrt(S, in[0], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void mulAddS(int rm) {
        FpGen g = new FpGen(S, seed("mulAddS", rm));
        check("mulAddS", rm, N, seed("mulAddS", rm), () -> g.triple(SoftFloatOracleTest::negProductS),
                (in, m, f) -> u(SoftFloat.mulAddS((int) in[0], (int) in[1], (int) in[2], m, f)),
                (in, m, f) -> FpOracle.fma(S, in[0], in[1], in[2], m, f));
    }

    /** fnmadd/fmsub/fnmsub are formed by the caller by sign flips, including on NaN operands. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void mulAddSignFlippedS(int rm) {
        FpGen g = new FpGen(S, seed("fnmaddS", rm));
        check("fnmaddS", rm, N / 2, seed("fnmaddS", rm), () -> g.triple(SoftFloatOracleTest::negProductS),
                (in, m, f) -> u(SoftFloat.mulAddS((int) in[0] ^ 0x80000000, (int) in[1],
                        (int) in[2] ^ 0x80000000, m, f)),
                (in, m, f) -> FpOracle.fma(S, in[0] ^ S.signBit(), in[1], in[2] ^ S.signBit(), m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void toIntegerS(int rm) {
        FpGen g = new FpGen(S, seed("toIntS", rm));
        Supplier<long[]> gen = () -> new long[] {
            g.r.nextInt(3) == 0 ? g.value() : g.near(S.bias() + g.r.nextInt(-3, 66), 2)};
        check("toIntS", rm, NCONV, 1, gen, (in, m, f) -> SoftFloat.toIntS((int) in[0], m, f),
                (in, m, f) -> FpOracle.toInt(S, in[0], IntKind.W, m, f));
        check("toUIntS", rm, NCONV, 2, gen, (in, m, f) -> SoftFloat.toUIntS((int) in[0], m, f),
                (in, m, f) -> FpOracle.toInt(S, in[0], IntKind.WU, m, f));
        check("toLongS", rm, NCONV, 3, gen, (in, m, f) -> SoftFloat.toLongS((int) in[0], m, f),
                (in, m, f) -> FpOracle.toInt(S, in[0], IntKind.L, m, f));
        check("toULongS", rm, NCONV, 4, gen, (in, m, f) -> SoftFloat.toULongS((int) in[0], m, f),
                (in, m, f) -> FpOracle.toInt(S, in[0], IntKind.LU, m, f));
    }

    private static long randomInt(FpGen g) {
        long v = g.r.nextLong();
        return switch (g.r.nextInt(4)) {
            case 0 -> v >> g.r.nextInt(64); // any magnitude
            case 1 -> v & ~((1L << g.r.nextInt(40)) - 1); // trailing zeros: exact or ties
            case 2 -> (1L << g.r.nextInt(64)) + g.r.nextInt(-2, 3); // powers of two +- a little
            default -> v;
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void fromIntegerS(int rm) {
        FpGen g = new FpGen(S, seed("fromIntS", rm));
        Supplier<long[]> gen = () -> new long[] {randomInt(g)};
        check("fromIntS", rm, NCONV, 1, gen, (in, m, f) -> u(SoftFloat.fromIntS((int) in[0], m, f)),
                (in, m, f) -> FpOracle.fromInt(S, in[0], IntKind.W, m, f));
        check("fromUIntS", rm, NCONV, 2, gen, (in, m, f) -> u(SoftFloat.fromUIntS((int) in[0], m, f)),
                (in, m, f) -> FpOracle.fromInt(S, in[0], IntKind.WU, m, f));
        check("fromLongS", rm, NCONV, 3, gen, (in, m, f) -> u(SoftFloat.fromLongS(in[0], m, f)),
                (in, m, f) -> FpOracle.fromInt(S, in[0], IntKind.L, m, f));
        check("fromULongS", rm, NCONV, 4, gen, (in, m, f) -> u(SoftFloat.fromULongS(in[0], m, f)),
                (in, m, f) -> FpOracle.fromInt(S, in[0], IntKind.LU, m, f));
    }

    // ---------------------------------------------------------------------------------------------------
    // binary64
    // ---------------------------------------------------------------------------------------------------

    private static long negProductD(long a, long b) {
        return Double.doubleToRawLongBits(-(Double.longBitsToDouble(a) * Double.longBitsToDouble(b)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void addD(int rm) {
        FpGen g = new FpGen(D, seed("addD", rm));
        check("addD", rm, N, seed("addD", rm), g::addPair,
                (in, m, f) -> SoftFloat.addD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.add(D, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void subD(int rm) {
        FpGen g = new FpGen(D, seed("subD", rm));
        check("subD", rm, N / 2, seed("subD", rm), g::addPair,
                (in, m, f) -> SoftFloat.subD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.sub(D, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void mulD(int rm) {
        FpGen g = new FpGen(D, seed("mulD", rm));
        check("mulD", rm, N, seed("mulD", rm), () -> g.mulPair(false),
                (in, m, f) -> SoftFloat.mulD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.mul(D, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void divD(int rm) {
        FpGen g = new FpGen(D, seed("divD", rm));
        check("divD", rm, N, seed("divD", rm), () -> g.mulPair(true),
                (in, m, f) -> SoftFloat.divD(in[0], in[1], m, f),
                (in, m, f) -> FpOracle.div(D, in[0], in[1], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void sqrtD(int rm) {
        FpGen g = new FpGen(D, seed("sqrtD", rm));
        check("sqrtD", rm, N, seed("sqrtD", rm),
                () -> new long[] {g.r.nextInt(8) == 0 ? g.value() : g.value() & ~D.signBit()},
                (in, m, f) -> SoftFloat.sqrtD(in[0], m, f),
                (in, m, f) -> FpOracle.sqrt(D, in[0], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void mulAddD(int rm) {
        FpGen g = new FpGen(D, seed("mulAddD", rm));
        check("mulAddD", rm, N, seed("mulAddD", rm), () -> g.triple(SoftFloatOracleTest::negProductD),
                (in, m, f) -> SoftFloat.mulAddD(in[0], in[1], in[2], m, f),
                (in, m, f) -> FpOracle.fma(D, in[0], in[1], in[2], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void mulAddSignFlippedD(int rm) {
        FpGen g = new FpGen(D, seed("fnmaddD", rm));
        check("fmsubD", rm, N / 2, seed("fmsubD", rm), () -> g.triple(SoftFloatOracleTest::negProductD),
                (in, m, f) -> SoftFloat.mulAddD(in[0], in[1], in[2] ^ Long.MIN_VALUE, m, f),
                (in, m, f) -> FpOracle.fma(D, in[0], in[1], in[2] ^ D.signBit(), m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void toIntegerD(int rm) {
        FpGen g = new FpGen(D, seed("toIntD", rm));
        Supplier<long[]> gen = () -> new long[] {
            g.r.nextInt(3) == 0 ? g.value() : g.near(D.bias() + g.r.nextInt(-3, 66), 2)};
        check("toIntD", rm, NCONV, 1, gen, (in, m, f) -> SoftFloat.toIntD(in[0], m, f),
                (in, m, f) -> FpOracle.toInt(D, in[0], IntKind.W, m, f));
        check("toUIntD", rm, NCONV, 2, gen, (in, m, f) -> SoftFloat.toUIntD(in[0], m, f),
                (in, m, f) -> FpOracle.toInt(D, in[0], IntKind.WU, m, f));
        check("toLongD", rm, NCONV, 3, gen, (in, m, f) -> SoftFloat.toLongD(in[0], m, f),
                (in, m, f) -> FpOracle.toInt(D, in[0], IntKind.L, m, f));
        check("toULongD", rm, NCONV, 4, gen, (in, m, f) -> SoftFloat.toULongD(in[0], m, f),
                (in, m, f) -> FpOracle.toInt(D, in[0], IntKind.LU, m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void fromIntegerD(int rm) {
        FpGen g = new FpGen(D, seed("fromIntD", rm));
        Supplier<long[]> gen = () -> new long[] {randomInt(g)};
        check("fromIntD", rm, NCONV, 1, gen, (in, m, f) -> SoftFloat.fromIntD((int) in[0], m, f),
                (in, m, f) -> FpOracle.fromInt(D, in[0], IntKind.W, m, f));
        check("fromUIntD", rm, NCONV, 2, gen, (in, m, f) -> SoftFloat.fromUIntD((int) in[0], m, f),
                (in, m, f) -> FpOracle.fromInt(D, in[0], IntKind.WU, m, f));
        check("fromLongD", rm, NCONV, 3, gen, (in, m, f) -> SoftFloat.fromLongD(in[0], m, f),
                (in, m, f) -> FpOracle.fromInt(D, in[0], IntKind.L, m, f));
        check("fromULongD", rm, NCONV, 4, gen, (in, m, f) -> SoftFloat.fromULongD(in[0], m, f),
                (in, m, f) -> FpOracle.fromInt(D, in[0], IntKind.LU, m, f));
    }

    // ---------------------------------------------------------------------------------------------------
    // Format conversions
    // ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void doubleToSingle(int rm) {
        FpGen g = new FpGen(D, seed("dToS", rm));
        Supplier<long[]> gen = () -> new long[] {switch (g.r.nextInt(4)) {
            case 0 -> g.value();
            case 1 -> g.near(D.bias() + S.emax() + 1, 2); // overflow threshold
            case 2 -> g.near(D.bias() + S.emin() - g.r.nextInt(S.p() + 2), 1); // subnormal range
            default -> g.near(D.bias() + g.r.nextInt(S.emin() - 2, S.emax() + 2), 0);
        }};
        check("dToS", rm, N, seed("dToS", rm), gen, (in, m, f) -> u(SoftFloat.dToS(in[0], m, f)),
                (in, m, f) -> FpOracle.convert(D, S, in[0], m, f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void singleToDouble(int rm) {
        FpGen g = new FpGen(S, seed("sToD", rm));
        check("sToD", rm, N, seed("sToD", rm), () -> new long[] {g.value()},
                (in, m, f) -> SoftFloat.sToD((int) in[0], f),
                (in, m, f) -> FpOracle.convert(S, D, in[0], FpOracle.RNE, f)); // widening is exact
    }
}
