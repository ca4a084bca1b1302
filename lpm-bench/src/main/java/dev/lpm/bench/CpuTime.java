package dev.lpm.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The benchmark thread's CPU time next to JMH's wall-clock score: guest instructions per CPU-microsecond
 * does not drop when other processes take the CPU away (a shared 2-CPU host), wall-clock MIPS does. It
 * still moves with cache and memory-bandwidth contention. JMH reports the counters per iteration (its
 * table sums them); {@link RunBenchmarks} divides them.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of this thread spent running guest code, and the guest instructions it ran. */
    public long cpuNanos;
    public long cpuInstructions;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        cpuInstructions = 0;
    }

    /** CPU time of the calling thread, nanoseconds. */
    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void add(long startCpuNanos, long instructions) {
        cpuNanos += now() - startCpuNanos;
        cpuInstructions += instructions;
    }
}
