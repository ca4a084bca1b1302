package dev.lpm.bench;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs lpm's JMH benchmarks (both classes unless JMH options select others) and prints a markdown
 * summary: interpreter MIPS per paging mode, and store-loop MIPS per harvest interval with the overhead of
 * harvesting against never harvesting.
 *
 * <pre>java -cp lpm-bench/target/benchmarks.jar dev.lpm.bench.RunBenchmarks [--report FILE] [JMH options]</pre>
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path report = null;
        List<String> jmhArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--report") && i + 1 < args.length) {
                report = Path.of(args[++i]);
            } else {
                jmhArgs.add(args[i]);
            }
        }
        CommandLineOptions cmd = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cmd);
        if (cmd.getIncludes().isEmpty()) {
            options.include("InterpreterBench\\.").include("DirtyTrackingBench\\.");
        }
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options.build()).run();
        String markdown = summary(results, loadBefore, loadAverage());
        System.out.println();
        System.out.print(markdown);
        if (report != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, markdown);
            System.out.println("(written to " + report + ")");
        }
    }

    static String summary(Collection<RunResult> results, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append("## JMH: lpm interpreter and dirty tracking\n\n");
        out.append(host()).append(" Load average (1, 5, 15 min) before: ").append(loadBefore)
                .append("; after: ").append(loadAfter).append(".\n\n");
        List<RunResult> interpreter = of(results, "InterpreterBench.integerLoop");
        if (!interpreter.isEmpty()) {
            out.append("### InterpreterBench.integerLoop (integer kernel, each paging mode in its own fork)\n\n");
            out.append("MIPS = million guest instructions per second of wall-clock time (JMH's score); CPU MIPS ="
                    + " per second of the benchmark thread's CPU time, which other processes do not take away.\n\n");
            out.append("| paging | MIPS | ± (99.9% CI) | min – max of iterations | CPU MIPS | min – max of iterations |\n");
            out.append("|---|---:|---:|---:|---:|---:|\n");
            for (RunResult r : interpreter) {
                Statistics s = r.getPrimaryResult().getStatistics();
                ListStatistics cpu = cpuMips(r);
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f – %.1f | %s | %s |%n",
                        r.getParams().getParam("paging"), s.getMean(), error(r), s.getMin(), s.getMax(),
                        mean(cpu), range(cpu)));
            }
            out.append('\n');
        }
        List<RunResult> dirty = of(results, "DirtyTrackingBench.storeLoop");
        if (!dirty.isEmpty()) {
            dirty.sort(Comparator.comparingInt(r -> harvestOrder(r.getParams().getParam("harvestEvery"))));
            RunResult baseline = dirty.getFirst().getParams().getParam("harvestEvery").equals("0") ? dirty.getFirst()
                    : null;
            out.append("### DirtyTrackingBench.storeLoop (store loop over 1 MiB, each variant in its own fork)\n\n");
            out.append("Overhead = 1 - MIPS / MIPS of \"never\", from wall-clock and from CPU MIPS.\n\n");
            out.append("| harvest every | MIPS | ± (99.9% CI) | min – max of iterations | CPU MIPS | min – max"
                    + " | dirty pages per harvest | overhead (wall) | overhead (CPU) |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (RunResult r : dirty) {
                Statistics s = r.getPrimaryResult().getStatistics();
                ListStatistics cpu = cpuMips(r);
                String overhead = "(baseline)";
                String cpuOverhead = "(baseline)";
                if (r != baseline && baseline != null) {
                    double a = baseline.getPrimaryResult().getScore();
                    double b = r.getPrimaryResult().getScore();
                    double relError = Math.hypot(error(baseline) / a, error(r) / b) * (b / a);
                    overhead = String.format(Locale.ROOT, "%.1f %% ± %.1f", 100 * (1 - b / a), 100 * relError);
                    ListStatistics baseCpu = cpuMips(baseline);
                    cpuOverhead = baseCpu.getN() == 0 || cpu.getN() == 0 ? "–"
                            : String.format(Locale.ROOT, "%.1f %%", 100 * (1 - cpu.getMean() / baseCpu.getMean()));
                }
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f – %.1f | %s | %s | %s | %s | %s |%n",
                        every(r), s.getMean(), error(r), s.getMin(), s.getMax(), mean(cpu), range(cpu),
                        pagesPerHarvest(r), overhead, cpuOverhead));
            }
            out.append('\n');
        }
        List<RunResult> paging = of(results, "InterpreterBench.pagingPaired");
        if (!paging.isEmpty()) {
            out.append("### InterpreterBench.pagingPaired (unpaged and Sv39 harts alternating in one fork)\n\n");
            out.append("Slowdown per measurement iteration = median over its pairs of (Sv39 CPU time / unpaged CPU time"
                    + " - 1), each half of a pair 1 Mi instructions.\n\n");
            out.append("| Sv39 slowdown, mean | ± (99.9% CI) | min – max of iterations | unpaged CPU MIPS"
                    + " | Sv39 CPU MIPS |\n");
            out.append("|---:|---:|---:|---:|---:|\n");
            for (RunResult r : paging) {
                Paired p = paired(r);
                if (p != null) {
                    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f |%n", p.mean(), p.ci(),
                            p.range(), p.baselineMips(), p.variantMips()));
                }
            }
            out.append('\n');
        }
        List<RunResult> dirtyPaired = of(results, "DirtyTrackingBench.paired");
        if (!dirtyPaired.isEmpty()) {
            dirtyPaired.sort(Comparator.comparingInt(r -> harvestOrder(r.getParams().getParam("harvestEvery"))));
            out.append("### DirtyTrackingBench.paired (no-harvest and harvesting machines alternating in one fork)\n\n");
            out.append("Overhead per measurement iteration = median over its pairs of (CPU time of the harvesting machine"
                    + " / CPU time of the machine that never harvests - 1), each half of a pair 1 Mi instructions;"
                    + " \"never\" is the A/A control (both machines alike: the noise floor).\n\n");
            out.append("| harvest every | overhead, mean | ± (99.9% CI) | min – max of iterations | no-harvest CPU MIPS"
                    + " | harvesting CPU MIPS | dirty pages per harvest |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (RunResult r : dirtyPaired) {
                Paired p = paired(r);
                if (p != null) {
                    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %.1f | %s |%n", every(r),
                            p.mean(), p.ci(), p.range(), p.baselineMips(), p.variantMips(), pagesPerHarvest(r)));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A {@link PairTimes} benchmark's outcome: per-iteration median slowdowns (%) and MIPS of each half. */
    private record Paired(ListStatistics slowdown, double baselineMips, double variantMips) {
        String mean() {
            double m = slowdown.getMean();
            return String.format(Locale.ROOT, "%.2f %%", Math.abs(m) < 0.005 ? 0.0 : m); // no "-0.00"
        }

        String ci() {
            double e = slowdown.getN() > 1 ? slowdown.getMeanErrorAt(0.999) : Double.NaN;
            return Double.isNaN(e) ? "–" : String.format(Locale.ROOT, "%.2f", e);
        }

        String range() {
            return String.format(Locale.ROOT, "%.2f – %.2f %%", slowdown.getMin(), slowdown.getMax());
        }
    }

    private static Paired paired(RunResult r) {
        ListStatistics slowdown = new ListStatistics();
        double baselineNanos = 0;
        double variantNanos = 0;
        double halfInstructions = 0;
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult it : b.getIterationResults()) {
                Result<?> base = it.getSecondaryResults().get("baselineNanos");
                Result<?> variant = it.getSecondaryResults().get("variantNanos");
                Result<?> half = it.getSecondaryResults().get("halfInstructions");
                Result<?> median = it.getSecondaryResults().get("medianSlowdownPpm");
                if (base != null && variant != null && half != null && median != null && base.getScore() > 0) {
                    slowdown.addValue(median.getScore() / 1e4);
                    baselineNanos += base.getScore();
                    variantNanos += variant.getScore();
                    halfInstructions += half.getScore();
                }
            }
        }
        return slowdown.getN() == 0 ? null
                : new Paired(slowdown, halfInstructions / (baselineNanos / 1000), halfInstructions / (variantNanos / 1000));
    }

    /** Per measurement iteration: guest instructions per microsecond of the benchmark thread's CPU time. */
    private static ListStatistics cpuMips(RunResult r) {
        ListStatistics mips = new ListStatistics();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult it : b.getIterationResults()) {
                Result<?> nanos = it.getSecondaryResults().get("cpuNanos");
                Result<?> instructions = it.getSecondaryResults().get("cpuInstructions");
                if (nanos != null && instructions != null && nanos.getScore() > 0) {
                    mips.addValue(instructions.getScore() / (nanos.getScore() / 1000));
                }
            }
        }
        return mips;
    }

    private static String mean(ListStatistics s) {
        return s.getN() == 0 ? "–" : String.format(Locale.ROOT, "%.1f", s.getMean());
    }

    private static String range(ListStatistics s) {
        return s.getN() == 0 ? "–" : String.format(Locale.ROOT, "%.1f – %.1f", s.getMin(), s.getMax());
    }

    private static String every(RunResult r) {
        String every = r.getParams().getParam("harvestEvery");
        return every.equals("0") ? "never" : every + " instructions";
    }

    private static String pagesPerHarvest(RunResult r) {
        Result<?> harvests = r.getSecondaryResults().get("harvests");
        Result<?> dirtyPages = r.getSecondaryResults().get("dirtyPages");
        if (harvests != null && dirtyPages != null && harvests.getScore() > 0) {
            return String.format(Locale.ROOT, "%.0f", dirtyPages.getScore() / harvests.getScore());
        }
        return "–";
    }

    private static double error(RunResult r) {
        double e = r.getPrimaryResult().getScoreError();
        return Double.isNaN(e) ? 0 : e;
    }

    private static int harvestOrder(String every) {
        long n = Long.parseLong(every);
        return n == 0 ? Integer.MIN_VALUE : (int) -Math.min(n, Integer.MAX_VALUE); // never first, then rarest first
    }

    private static List<RunResult> of(Collection<RunResult> results, String benchClass) { // Class.method
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + benchClass)) {
                out.add(r);
            }
        }
        return out;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String host() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: leave the CPU unnamed
        }
        return String.format(Locale.ROOT, "%s, %s; %d CPUs; JDK %s; JMH defaults of the classes unless overridden"
                        + " (1 fork, 3 x 2 s warm-up, 5 x 2 s measurement); single-threaded, no harvesting thread.",
                LocalDate.now(), cpu, Runtime.getRuntime().availableProcessors(), Runtime.version());
    }
}
