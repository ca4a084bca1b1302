package dev.lpm.bench;

import dev.lpm.cpu.Privilege;
import dev.lpm.memory.DirtyBitmap;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What dirty tracking costs a running guest. The store kernel ({@code store-loop.S}) rewrites a 1 MiB
 * buffer (256 pages) round-robin, 4 stores in every 7 instructions. Scores are MIPS, as in
 * {@link InterpreterBench}, with the thread's CPU time alongside ({@link CpuTime}).
 *
 * <ul>
 *   <li>{@code harvestEvery=0}: no harvest, the steady state with no migration running. Every store
 *       hits the store TLB, whose entries exist only for pages already marked, so the fast path does no
 *       dirty logging at all.</li>
 *   <li>{@code harvestEvery=N}: {@link DirtyBitmap#harvest} every N instructions, as migration rounds
 *       would, called from the hart's own thread between traces. Each harvest clears the bitmap and drops
 *       the store TLB, so the next store to each of the 256 pages takes the slow path (translate, mark,
 *       reinstall). The cost measured is that re-marking plus the harvest itself (which in a real migration
 *       runs on the migration thread, so this slightly overstates the hart's cost).</li>
 * </ul>
 *
 * <p>{@link #storeLoop} runs each variant in its own fork: the overhead is {@code 1 - MIPS(N) / MIPS(0)}
 * across forks, which on a shared 2-CPU host is often within the noise. {@link #paired} measures the same
 * overhead within one fork by alternating the two (see there). The {@code dirtyPages} and {@code harvests}
 * counters show how many pages each harvest found (256 when the whole buffer was rewritten in between).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class DirtyTrackingBench {
    static final int TRACES = InterpreterBench.TRACES;
    static final int INSTRUCTIONS = InterpreterBench.INSTRUCTIONS;
    /** The buffer the kernel rewrites: 1 MiB at 16 MiB into RAM. */
    static final long AREA = BenchHart.DRAM + (16L << 20);
    static final long AREA_BYTES = 1L << 20;
    /** Traces per half of a {@link #paired} invocation: 1 Mi instructions, about 20 ms. */
    static final int PAIRED_TRACES = TRACES;

    /** Instructions between harvests; 0 = never harvest. A multiple of the 4096-instruction trace. */
    @Param({"0", "1048576", "65536"})
    public int harvestEvery;

    /** The machine that harvests every {@link #harvestEvery} instructions. */
    private StoreMachine harvesting;
    /** A second machine that never harvests, for {@link #paired}. */
    private StoreMachine quiet;
    private Harvests pairedCounters;
    private Runnable runQuiet;
    private Runnable runHarvesting;

    /** Per-iteration totals reported next to the score: harvests done, and the dirty pages they returned. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Harvests {
        public long harvests;
        public long dirtyPages;

        @Setup(Level.Iteration)
        public void reset() {
            harvests = 0;
            dirtyPages = 0;
        }
    }

    /** A hart running the store kernel, harvesting its RAM's dirty bitmap every {@code tracesPerHarvest} traces. */
    static final class StoreMachine implements AutoCloseable {
        final BenchHart machine;
        final DirtyBitmap bitmap;
        final int tracesPerHarvest;
        int tracesSinceHarvest;
        long instructions;

        StoreMachine(byte[] image, int harvestEvery) {
            machine = new BenchHart(64L << 20, image);
            bitmap = machine.ram.dirtyBitmap();
            bitmap.harvest(); // forget the loader's writes
            tracesPerHarvest = harvestEvery == 0 ? -1 : harvestEvery / BenchHart.TRACE;
        }

        /** The same code for every variant: with harvestEvery=0 the counter never reaches tracesPerHarvest. */
        void run(int traces, Harvests counters) {
            for (int t = 0; t < traces; t++) {
                machine.runTraces(1);
                if (++tracesSinceHarvest == tracesPerHarvest) {
                    tracesSinceHarvest = 0;
                    counters.dirtyPages += DirtyBitmap.count(bitmap.harvest());
                    counters.harvests++;
                }
            }
            instructions += (long) traces * BenchHart.TRACE;
        }

        void startIteration() {
            instructions = 0;
            machine.mark();
        }

        void checkIteration() {
            machine.checkRetiredSinceMark(instructions, Privilege.M);
        }

        @Override
        public void close() {
            machine.close();
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        if (harvestEvery < 0 || harvestEvery % BenchHart.TRACE != 0) {
            throw new IllegalArgumentException("harvestEvery must be 0 or a multiple of " + BenchHart.TRACE);
        }
        byte[] image = GuestPrograms.assemble(GuestPrograms.STORE_LOOP,
                Map.of("AREA", AREA, "AREA_BYTES", AREA_BYTES));
        harvesting = new StoreMachine(image, harvestEvery);
        quiet = new StoreMachine(image, 0);
        runQuiet = () -> quiet.run(PAIRED_TRACES, pairedCounters);
        runHarvesting = () -> harvesting.run(PAIRED_TRACES, pairedCounters);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        harvesting.startIteration();
        quiet.startIteration();
    }

    @TearDown(Level.Iteration)
    public void checkIteration() {
        harvesting.checkIteration();
        quiet.checkIteration();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        harvesting.close();
        quiet.close();
    }

    /** Variant A ({@code harvestEvery=0}) and variant B (harvesting), each in its own fork. */
    @Benchmark
    @OperationsPerInvocation(INSTRUCTIONS)
    public long storeLoop(Harvests counters, CpuTime cpu) {
        long start = CpuTime.now();
        harvesting.run(TRACES, counters);
        cpu.add(start, INSTRUCTIONS);
        return harvesting.machine.hart.x[10];
    }

    /**
     * A and B in the same fork: the machine that never harvests (baseline) and the harvesting one
     * (variant) alternate blocks of 1 Mi instructions (see {@link PairTimes}); the overhead is the median
     * slowdown. With {@code harvestEvery=0} both halves are alike: an A/A control that shows the noise
     * floor. The score is wall-clock MIPS over both halves.
     */
    @Benchmark
    @OperationsPerInvocation(2 * PAIRED_TRACES * BenchHart.TRACE)
    public long paired(Harvests counters, PairTimes times) {
        pairedCounters = counters;
        times.runPair(runQuiet, runHarvesting, (long) PAIRED_TRACES * BenchHart.TRACE);
        return quiet.machine.hart.x[10] ^ harvesting.machine.hart.x[10];
    }
}
