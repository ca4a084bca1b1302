package dev.lpm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lpm.cli.image.ImageBuilder;
import dev.lpm.host.HostClient;
import dev.lpm.host.HostConfig;
import dev.lpm.host.HostDaemon;
import dev.lpm.host.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lpm demo}: two hosts on this machine, a partition booted with a workload that keeps rewriting
 * memory and printing a counter, moved while it runs; the counter is shown continuing on the target.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Live partition mobility on this machine: starts hosts alpha and beta (embedded, loopback), "
                + "boots a Debian partition on alpha whose workload rewrites memory and prints a counter, migrates "
                + "it to beta while it runs, and shows the counter continuing there, then the report.",
                "Exit code 0 when the counter continued without reset and no write was lost."})
final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEARTBEAT = Pattern.compile("LPM_HB n=(\\d+) bad=(\\d+)");

    @Option(names = "--memory", defaultValue = "256M", description = "the partition's RAM (default: ${DEFAULT-VALUE})")
    String memory;

    @Option(names = "--working-set", defaultValue = "64", description = "MiB the workload rewrites (default: ${DEFAULT-VALUE})")
    int workingSet;

    @Option(names = "--rate", defaultValue = "50", description = "MiB/s it dirties (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--downtime-ms", defaultValue = "300", description = "downtime budget (default: ${DEFAULT-VALUE})")
    long downtimeMs;

    @Option(names = "--json", description = "end with the migration report as one JSON line")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long ram = Sizes.parse(memory);
        ImageBuilder.GuestImage image = ImageBuilder.build(new ImageBuilder.Options(ImageBuilder.defaultCacheBase(),
                false, false), System.err);
        Path data = Files.createTempDirectory("lpm-demo");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        long limit = Math.max(ram, HostConfig.defaultMemoryLimit());
        try (HostDaemon alpha = HostDaemon.start(new HostConfig("alpha", loopback, data.resolve("alpha"), limit));
             HostDaemon beta = HostDaemon.start(new HostConfig("beta", loopback, data.resolve("beta"), limit))) {
            HostClient a = new HostClient(alpha.address());
            HostClient b = new HostClient(beta.address());
            say("hosts alpha (" + alpha.address().getPort() + ") and beta (" + beta.address().getPort()
                    + ") on this machine, data in " + data);
            String append = "console=ttyS0 quiet lpm.workload=memstress lpm.mem=" + workingSet + " lpm.rate=" + rate;
            Profile profile = new Profile("demo", (int) (ram >> 20), 1, image.firmware().toString(),
                    image.kernel().toString(), image.initrd().toString(), append, List.of(), List.of(), null);
            a.post("/partitions", profile);
            say("partition demo booting on alpha: " + (ram >> 20) + " MiB, Debian " + image.kernelVersion()
                    + ", workload rewriting " + workingSet + " MiB at " + rate + " MiB/s");
            Console onAlpha = new Console(a, "alpha");
            List<Long> before = onAlpha.awaitHeartbeats(20, 240);
            say("migrating demo from alpha to beta while it runs ...");
            MigrationView view = new MigrationView(System.out, System.console() != null);
            MigrationView.Answer answer = new MigrationView.Answer(view);
            JsonNode report = answer.report(a.stream("/partitions/demo/migrate", Map.of("target",
                    beta.address().getAddress().getHostAddress() + ":" + beta.address().getPort(), "downtimeMs",
                    downtimeMs), answer));
            view.report(report);
            if (!"COMPLETED".equals(report.path("outcome").asText())) {
                say("the partition stayed on alpha: " + report.path("message").asText());
                return 1;
            }
            onAlpha.drain();
            Console onBeta = new Console(b, "beta");
            List<Long> after = onBeta.awaitHeartbeats(10, 120);
            long last = Math.max(before.getLast(), onAlpha.last);
            long first = after.getFirst();
            // a heartbeat half-printed at the pause finishes on beta and matches neither side: allow one missing
            boolean continued = first > last && first - last <= 2 && onAlpha.lost + onBeta.lost == 0;
            say(continued ? "the counter continued on beta: last on alpha n=" + onAlpha.last + ", first on beta n=" + first
                    + ", no write lost" : "COUNTER DID NOT CONTINUE: last on alpha n=" + onAlpha.last + ", first on beta n="
                    + first + ", lost writes " + (onAlpha.lost + onBeta.lost));
            b.post("/partitions/demo/stop", null);
            if (json) {
                System.out.println(JSON.writeValueAsString(report));
            }
            return continued ? 0 : 1;
        }
    }

    private static void say(String line) {
        System.out.println("lpm demo: " + line);
        System.out.flush();
    }

    /** Follows a partition's console on one host, echoing the workload's heartbeats. */
    private static final class Console {
        private final HostClient host;
        private final String name;
        private long offset;
        private final StringBuilder pending = new StringBuilder();
        long last = -1;
        long lost;

        Console(HostClient host, String name) {
            this.host = host;
            this.name = name;
        }

        /** Polls until {@code count} heartbeats were seen; returns their counters. */
        List<Long> awaitHeartbeats(int count, int timeoutSeconds) throws Exception {
            List<Long> seen = new ArrayList<>();
            long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            while (seen.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no workload heartbeat on " + name + " within " + timeoutSeconds + " s");
                }
                seen.addAll(poll());
                Thread.sleep(100);
            }
            return seen;
        }

        void drain() throws Exception {
            poll();
        }

        private List<Long> poll() throws Exception {
            byte[] b = host.bytes("/partitions/demo/console?offset=" + offset);
            offset += b.length;
            pending.append(new String(b, StandardCharsets.UTF_8));
            List<Long> counters = new ArrayList<>();
            for (int nl; (nl = pending.indexOf("\n")) >= 0; ) {
                String line = pending.substring(0, nl).strip();
                pending.delete(0, nl + 1);
                Matcher m = HEARTBEAT.matcher(line);
                if (m.find()) {
                    last = Long.parseLong(m.group(1));
                    lost += Long.parseLong(m.group(2));
                    counters.add(last);
                    if (last % 10 == 0 || counters.size() == 1) {
                        System.out.println("[" + name + "] " + line);
                    }
                } else if (line.startsWith("LPM_")) {
                    System.out.println("[" + name + "] " + line);
                }
            }
            return counters;
        }
    }
}
