package dev.lpm.bench;

import dev.lpm.cpu.Privilege;
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
 * Interpretation speed on the integer kernel ({@code integer-loop.S}): one operation is one retired guest
 * instruction and the time unit is the microsecond, so scores read directly as MIPS (wall-clock; the
 * thread's CPU time is recorded alongside, see {@link CpuTime}).
 *
 * <p>{@code paging=bare} runs the kernel in M-mode at its physical address; {@code paging=sv39} runs it in
 * S-mode at a different virtual address through 4 KiB Sv39 pages, so every fetch and data access goes
 * through a translated TLB entry (after the first touch of each page they all hit).
 * {@link #pagingPaired} compares the two within one fork.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC"})
public class InterpreterBench {
    /** Traces per benchmark invocation: 256 x 4096 = 1 Mi instructions. */
    static final int TRACES = 256;
    static final int INSTRUCTIONS = TRACES * BenchHart.TRACE;

    /** A hart running the integer kernel, unpaged or under Sv39, checked after every iteration. */
    static final class KernelHart implements AutoCloseable {
        final BenchHart machine;
        final int privilege;
        long instructions;

        KernelHart(byte[] image, boolean sv39) {
            machine = new BenchHart(64L << 20, image);
            if (sv39) {
                machine.enterSv39();
            }
            privilege = sv39 ? Privilege.S : Privilege.M;
        }

        void run() {
            machine.runTraces(TRACES);
            instructions += INSTRUCTIONS;
        }

        void startIteration() {
            instructions = 0;
            machine.mark();
        }

        void checkIteration() {
            machine.checkRetiredSinceMark(instructions, privilege);
        }

        @Override
        public void close() {
            machine.close();
        }
    }

    /** The kernel, never finishing: an iteration count the benchmark does not reach. */
    static byte[] kernel() {
        return GuestPrograms.assemble(GuestPrograms.INTEGER_LOOP, Map.of("ITERATIONS", Long.MAX_VALUE));
    }

    @State(Scope.Thread)
    public static class Single {
        @Param({"bare", "sv39"})
        public String paging;

        KernelHart hart;

        @Setup(Level.Trial)
        public void setUp() {
            if (!paging.equals("bare") && !paging.equals("sv39")) {
                throw new IllegalArgumentException("paging must be bare or sv39, not " + paging);
            }
            hart = new KernelHart(kernel(), paging.equals("sv39"));
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            hart.startIteration();
        }

        @TearDown(Level.Iteration)
        public void checkIteration() {
            hart.checkIteration();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            hart.close();
        }
    }

    @State(Scope.Thread)
    public static class Pair {
        KernelHart bare;
        KernelHart sv39;
        Runnable runBare;
        Runnable runSv39;

        @Setup(Level.Trial)
        public void setUp() {
            byte[] image = kernel();
            bare = new KernelHart(image, false);
            sv39 = new KernelHart(image, true);
            runBare = bare::run;
            runSv39 = sv39::run;
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            bare.startIteration();
            sv39.startIteration();
        }

        @TearDown(Level.Iteration)
        public void checkIteration() {
            bare.checkIteration();
            sv39.checkIteration();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            bare.close();
            sv39.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(INSTRUCTIONS)
    public long integerLoop(Single state, CpuTime cpu) {
        long start = CpuTime.now();
        state.hart.run();
        cpu.add(start, INSTRUCTIONS);
        return state.hart.machine.hart.x[10]; // the checksum register: keeps the result observable
    }

    /**
     * The kernel unpaged (baseline) and under Sv39 (variant) on two harts, alternating blocks of 1 Mi
     * instructions (see {@link PairTimes}); the score is wall-clock MIPS over both.
     */
    @Benchmark
    @OperationsPerInvocation(2 * INSTRUCTIONS)
    public long pagingPaired(Pair pair, PairTimes times) {
        times.runPair(pair.runBare, pair.runSv39, INSTRUCTIONS);
        return pair.bare.machine.hart.x[10] ^ pair.sv39.machine.hart.x[10];
    }
}
