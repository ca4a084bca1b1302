package dev.lpm.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Arrays;

/**
 * Paired A/B timing inside one fork, for differences smaller than the run-to-run noise of a shared host:
 * each benchmark invocation runs a block of the baseline and a block of the variant back to back (order
 * swapped every time) and records variant time / baseline time. Times are the thread's CPU time
 * ({@link CpuTime#now}), so other processes taking the CPU away do not count; what noise remains
 * (caches, frequency) and anything slower than a pair (a different JIT outcome per fork) hits both halves
 * alike, and both run the same compiled code. The reported slowdown is the median over an iteration's
 * pairs, so a burst that hits one half of a pair does not move it.
 *
 * <p>JMH reports these counters per iteration (its own table sums them over iterations);
 * {@link RunBenchmarks} turns them into per-iteration slowdowns.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PairTimes {
    /** Thread CPU time spent in the baseline's blocks and in the variant's. */
    public long baselineNanos;
    public long variantNanos;
    /** Guest instructions each of the two ran. */
    public long halfInstructions;
    /** Median over this iteration's pairs of (variant time / baseline time - 1), parts per million. */
    public long medianSlowdownPpm;

    private double[] ratios = new double[256];
    private int pairs;
    private boolean baselineFirst;

    @Setup(Level.Iteration)
    public void reset() {
        baselineNanos = 0;
        variantNanos = 0;
        halfInstructions = 0;
        medianSlowdownPpm = 0;
        pairs = 0;
    }

    /** Runs one pair: {@code baseline} and {@code variant}, each {@code instructions} long. */
    void runPair(Runnable baseline, Runnable variant, long instructions) {
        baselineFirst = !baselineFirst;
        long t0 = CpuTime.now();
        (baselineFirst ? baseline : variant).run();
        long t1 = CpuTime.now();
        (baselineFirst ? variant : baseline).run();
        long t2 = CpuTime.now();
        long b = baselineFirst ? t1 - t0 : t2 - t1;
        long v = baselineFirst ? t2 - t1 : t1 - t0;
        baselineNanos += b;
        variantNanos += v;
        halfInstructions += instructions;
        if (pairs == ratios.length) {
            ratios = Arrays.copyOf(ratios, 2 * pairs);
        }
        ratios[pairs++] = (double) v / b;
        double[] sorted = Arrays.copyOf(ratios, pairs);
        Arrays.sort(sorted);
        double median = pairs % 2 == 1 ? sorted[pairs / 2] : (sorted[pairs / 2 - 1] + sorted[pairs / 2]) / 2;
        medianSlowdownPpm = Math.round(1e6 * (median - 1));
    }
}
