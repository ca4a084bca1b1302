package dev.lpm.cpu.fp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Round-to-nearest-even results against the JVM's own IEEE arithmetic (float, double, Math.sqrt,
 * Math.fma) for random operands, with the inexact flag checked by exact BigDecimal arithmetic.
 */
class SoftFloatNativeTest {
    static final int N = 20000;
    static final int RNE = SoftFloat.RNE;

    private static float randomFloat(SplittableRandom r, boolean normalOnly) {
        while (true) {
            int bits = r.nextInt();
            if (normalOnly) {
                // exponents in a band where sums, products and quotients stay normal
                bits = (bits & 0x807fffff) | ((127 + r.nextInt(-40, 41)) << 23);
            }
            if ((bits & 0x7fffffff) <= 0x7f800000) {
                return Float.intBitsToFloat(bits);
            }
        }
    }

    private static double randomDouble(SplittableRandom r, boolean normalOnly) {
        while (true) {
            long bits = r.nextLong();
            if (normalOnly) {
                bits = (bits & 0x800fffffffffffffL) | ((long) (1023 + r.nextInt(-300, 301)) << 52);
            }
            if ((bits & 0x7fffffffffffffffL) <= 0x7ff0000000000000L) {
                return Double.longBitsToDouble(bits);
            }
        }
    }

    private static boolean finite(double x) {
        return !Double.isNaN(x) && !Double.isInfinite(x);
    }

    private static BigDecimal bd(double x) {
        return new BigDecimal(x);
    }

    @Test
    void singlePrecisionMatchesJava() {
        SplittableRandom r = new SplittableRandom(42);
        List<String> bad = new ArrayList<>();
        int nxChecked = 0;
        for (int i = 0; i < N; i++) {
            boolean normal = i % 4 != 0;
            float x = randomFloat(r, normal);
            float y = randomFloat(r, normal);
            float z = randomFloat(r, normal);
            int a = Float.floatToRawIntBits(x);
            int b = Float.floatToRawIntBits(y);
            int c = Float.floatToRawIntBits(z);
            float[] want = {x + y, x - y, x * y, x / y, (float) Math.sqrt(Math.abs(x)), Math.fma(x, y, z)};
            FpFlags[] fl = new FpFlags[6];
            for (int k = 0; k < 6; k++) {
                fl[k] = new FpFlags();
            }
            int[] got = {
                SoftFloat.addS(a, b, RNE, fl[0]), SoftFloat.subS(a, b, RNE, fl[1]), SoftFloat.mulS(a, b, RNE, fl[2]),
                SoftFloat.divS(a, b, RNE, fl[3]), SoftFloat.sqrtS(a & 0x7fffffff, RNE, fl[4]),
                SoftFloat.mulAddS(a, b, c, RNE, fl[5])
            };
            for (int k = 0; k < 6; k++) {
                int w = Float.isNaN(want[k]) ? SoftFloat.CANONICAL_NAN_S : Float.floatToRawIntBits(want[k]);
                if (got[k] != w && bad.size() < 10) {
                    bad.add(String.format("op%d %08x %08x %08x got %08x want %08x", k, a, b, c, got[k], w));
                }
            }
            if (normal && finite(want[0]) && finite(want[2]) && finite(want[3]) && finite(want[5])) {
                nxChecked++;
                boolean[] exact = {
                    bd(x).add(bd(y)).compareTo(bd(want[0])) == 0,
                    bd(x).multiply(bd(y)).compareTo(bd(want[2])) == 0,
                    bd(want[3]).multiply(bd(y)).compareTo(bd(x)) == 0,
                    bd(want[4]).multiply(bd(want[4])).compareTo(bd(Math.abs(x))) == 0,
                    bd(x).multiply(bd(y)).add(bd(z)).compareTo(bd(want[5])) == 0
                };
                int[] which = {0, 2, 3, 4, 5};
                for (int k = 0; k < which.length; k++) {
                    boolean nx = (fl[which[k]].value & FpFlags.NX) != 0;
                    if (nx == exact[k] && bad.size() < 10) {
                        bad.add(String.format("NX op%d %08x %08x %08x flags %s", which[k], a, b, c,
                                FpFlags.toString(fl[which[k]].value)));
                    }
                }
            }
        }
        assertThat(nxChecked).isGreaterThan(N / 2);
        assertThat(bad).isEmpty();
    }

    @Test
    void doublePrecisionMatchesJava() {
        SplittableRandom r = new SplittableRandom(43);
        List<String> bad = new ArrayList<>();
        int nxChecked = 0;
        for (int i = 0; i < N; i++) {
            boolean normal = i % 4 != 0;
            double x = randomDouble(r, normal);
            double y = randomDouble(r, normal);
            double z = randomDouble(r, normal);
            long a = Double.doubleToRawLongBits(x);
            long b = Double.doubleToRawLongBits(y);
            long c = Double.doubleToRawLongBits(z);
            double[] want = {x + y, x - y, x * y, x / y, Math.sqrt(Math.abs(x)), Math.fma(x, y, z), (float) x};
            FpFlags[] fl = new FpFlags[7];
            for (int k = 0; k < 7; k++) {
                fl[k] = new FpFlags();
            }
            long[] got = {
                SoftFloat.addD(a, b, RNE, fl[0]), SoftFloat.subD(a, b, RNE, fl[1]), SoftFloat.mulD(a, b, RNE, fl[2]),
                SoftFloat.divD(a, b, RNE, fl[3]), SoftFloat.sqrtD(a & Long.MAX_VALUE, RNE, fl[4]),
                SoftFloat.mulAddD(a, b, c, RNE, fl[5]),
                Double.doubleToRawLongBits(Float.intBitsToFloat(SoftFloat.dToS(a, RNE, fl[6])))
            };
            for (int k = 0; k < 7; k++) {
                long w = Double.isNaN(want[k]) ? SoftFloat.CANONICAL_NAN_D : Double.doubleToRawLongBits(want[k]);
                if (got[k] != w && bad.size() < 10) {
                    bad.add(String.format("op%d %016x %016x %016x got %016x want %016x", k, a, b, c, got[k], w));
                }
            }
            if (normal && finite(want[0]) && finite(want[2]) && finite(want[3]) && finite(want[5])) {
                nxChecked++;
                boolean[] exact = {
                    bd(x).add(bd(y)).compareTo(bd(want[0])) == 0,
                    bd(x).multiply(bd(y)).compareTo(bd(want[2])) == 0,
                    bd(want[3]).multiply(bd(y)).compareTo(bd(x)) == 0,
                    bd(want[4]).multiply(bd(want[4])).compareTo(bd(Math.abs(x))) == 0,
                    bd(x).multiply(bd(y)).add(bd(z)).compareTo(bd(want[5])) == 0
                };
                int[] which = {0, 2, 3, 4, 5};
                for (int k = 0; k < which.length; k++) {
                    boolean nx = (fl[which[k]].value & FpFlags.NX) != 0;
                    if (nx == exact[k] && bad.size() < 10) {
                        bad.add(String.format("NX op%d %016x %016x %016x flags %s", which[k], a, b, c,
                                FpFlags.toString(fl[which[k]].value)));
                    }
                }
            }
        }
        assertThat(nxChecked).isGreaterThan(N / 2);
        assertThat(bad).isEmpty();
    }

    @Test
    void conversionsMatchJava() {
        SplittableRandom r = new SplittableRandom(44);
        for (int i = 0; i < N; i++) {
            long v = r.nextLong() >> r.nextInt(64);
            FpFlags f = new FpFlags();
            assertThat(SoftFloat.fromLongD(v, RNE, f)).as("fcvt.d.l %d", v)
                    .isEqualTo(Double.doubleToRawLongBits((double) v));
            assertThat((f.value & FpFlags.NX) != 0).as("fcvt.d.l NX %d", v)
                    .isEqualTo(bd((double) v).compareTo(BigDecimal.valueOf(v)) != 0);
            assertThat(SoftFloat.fromLongS(v, RNE, f)).as("fcvt.s.l %d", v)
                    .isEqualTo(Float.floatToRawIntBits((float) v));
            assertThat(SoftFloat.fromIntS((int) v, RNE, f)).isEqualTo(Float.floatToRawIntBits((float) (int) v));
            assertThat(SoftFloat.fromIntD((int) v, RNE, f)).isEqualTo(Double.doubleToRawLongBits((int) v));
            double d = randomDouble(r, false);
            float s = randomFloat(r, false);
            // Java's casts truncate and saturate like RTZ except that NaN gives 0
            if (!Double.isNaN(d)) {
                assertThat(SoftFloat.toLongD(Double.doubleToRawLongBits(d), SoftFloat.RTZ, f)).isEqualTo((long) d);
                assertThat(SoftFloat.toIntD(Double.doubleToRawLongBits(d), SoftFloat.RTZ, f)).isEqualTo((int) d);
            }
            if (!Float.isNaN(s)) {
                assertThat(SoftFloat.toLongS(Float.floatToRawIntBits(s), SoftFloat.RTZ, f)).isEqualTo((long) s);
                assertThat(SoftFloat.toIntS(Float.floatToRawIntBits(s), SoftFloat.RTZ, f)).isEqualTo((int) s);
                assertThat(SoftFloat.sToD(Float.floatToRawIntBits(s), f))
                        .isEqualTo(Double.doubleToRawLongBits((double) s));
            }
        }
    }
}
