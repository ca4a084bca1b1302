package dev.lpm.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lpm.cli.Main;
import dev.lpm.cli.image.MemstressTest;
import dev.lpm.host.HostClient;
import dev.lpm.machine.TestGuests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live migration between two host daemons in their own processes ({@code lpm host serve}), driven through
 * the {@code lpm} command line: a Debian Linux partition running memstress moves while it rewrites memory,
 * moves back and forth, survives a cancelled migration and a target host killed mid-way, is suspended to a
 * file on one host and resumed on the other; and a host refuses truncated, corrupted and hostile streams
 * without harm to itself or to the partitions elsewhere.
 *
 * <p>Booting Linux takes a minute or more, so one partition is booted once and moved around by the tests in
 * their order; each test starts from wherever the partition runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MigrationE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINUX = "mover";
    private static final String APPEND = "console=ttyS0 quiet lpm.workload=memstress lpm.mem=32 lpm.rate=20";
    private static final Pattern HB = Pattern.compile("LPM_HB n=(\\d+) bad=(\\d+) dirtied_mib=(\\d+)\r?\n");
    private static final Pattern SUM = Pattern.compile("LPM_SUM n=(\\d+) frozen=([0-9a-f]{16})\r?\n");
    private static final Pattern DIRTIER_HB = Pattern.compile("HB ([0-9a-f]{16})\n");
    /** How far the first heartbeat on the target may lie past the last seen on the source (100 ms guest time each). */
    private static final long CLOSE = 20;
    private static final Duration BOOT = Duration.ofMinutes(5);

    @TempDir
    static Path dir;
    private static Host alpha;
    private static Host beta;
    private static final ThreadRouted OUT = new ThreadRouted(System.out);
    private static final ThreadRouted ERR = new ThreadRouted(System.err);
    private static PrintStream savedOut;
    private static PrintStream savedErr;
    private static Thread reaper;

    // ---- host processes ----

    /** One {@code lpm host serve} child process; restartable on a new port with the same data directory. */
    private static final class Host {
        final String name;
        final Path data;
        Process process;
        Path log;
        String address;
        HostClient client;
        private int starts;

        Host(String name) {
            this.name = name;
            this.data = dir.resolve(name);
        }

        void start() throws Exception {
            starts++;
            int port = freePort();
            log = dir.resolve(name + "-" + starts + ".log");
            // as ./lpm starts a host daemon: scripts/jvm-options and scripts/jvm-options-host
            List<String> cmd = new java.util.ArrayList<>(Launcher.lpmCommand(Launcher.hostOptions()));
            cmd.addAll(List.of("host", "serve", "--name", name, "--listen", "127.0.0.1:" + port, "--data", data.toString(),
                    "--memory-limit", "1G"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("LPM_HOSTS", dir.resolve("hosts").toString());
            process = pb.start();
            address = "127.0.0.1:" + port;
            client = new HostClient(HostClient.parseAddress(address));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!logText().contains("lpm host " + name + " serving on " + address)) {
                assertThat(process.isAlive()).as("host %s exited (%s):%n%s", name,
                        process.isAlive() ? "" : process.exitValue(), logText()).isTrue();
                assertThat(System.nanoTime()).as("host %s did not start in 90 s:%n%s", name, logText())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }

        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        /** SIGTERM (the daemon stops its partitions), then SIGKILL if it lingers. */
        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }

        String logText() {
            try {
                return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(log unreadable: " + e + ")";
            }
        }

        String console(String partition) throws IOException {
            return new String(client.bytes("/partitions/" + partition + "/console"), StandardCharsets.UTF_8);
        }

        /** The partition's state here, or null when this host does not list it. */
        String state(String partition) throws IOException {
            for (JsonNode p : client.get("/partitions")) {
                if (p.path("name").asText().equals(partition)) {
                    return p.path("state").asText();
                }
            }
            return null;
        }

        long memoryUsed() throws IOException {
            return client.get("/host").path("memoryUsed").asLong();
        }

        @Override
        public String toString() {
            return name + "@" + address;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The end of both hosts' logs, for failure messages. */
    private static String logs() {
        StringBuilder b = new StringBuilder();
        for (Host h : new Host[] {alpha, beta}) {
            String t = h.logText();
            b.append("\n--- log of host ").append(h).append(" ---\n")
                    .append(t, Math.max(0, t.length() - 4000), t.length());
        }
        return b.toString();
    }

    @BeforeAll
    static void hostsAndALinuxPartition() throws Exception {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
        alpha = new Host("alpha");
        beta = new Host("beta");
        reaper = new Thread(() -> {
            for (Host h : new Host[] {alpha, beta}) {
                if (h.process != null) {
                    h.process.destroyForcibly();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(reaper); // never leave a host behind, even if the JVM is stopped
        alpha.start();
        beta.start();
        Cli c = lpm("partition", "create", LINUX, "--host", alpha.address, "--memory", "256M", "--cpus", "1",
                "--append", APPEND);
        assertThat(c.exit()).as("partition create: %s", c).isZero();
        assertThat(c.out()).contains("partition " + LINUX + " RUNNING on " + alpha.address);
        String console = awaitConsole(alpha, LINUX, t -> sums(t).size() >= 1 && beats(t).size() >= 10, BOOT,
                "memstress's heartbeats and a frozen checksum after boot");
        assertThat(console).contains("LPM_MEMSTRESS mem_mib=32 rate=20 mode=page");
    }

    @AfterAll
    static void stopHosts() throws Exception {
        try {
            if (alpha != null) {
                alpha.stop();
            }
            if (beta != null) {
                beta.stop();
            }
            if (reaper != null) {
                Runtime.getRuntime().removeShutdownHook(reaper);
            }
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    // ---- the CLI, in this JVM ----

    private record Cli(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    /** Runs {@code lpm args} here, capturing what this thread prints. */
    private static Cli lpm(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OUT.route(out);
        ERR.route(err);
        try {
            int exit = Main.execute(args);
            System.out.flush();
            System.err.flush();
            return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            OUT.route(null);
            ERR.route(null);
        }
    }

    /** An output stream that sends each thread's bytes to its own capture, or to the original stream. */
    private static final class ThreadRouted extends OutputStream {
        private final PrintStream fallback;
        private final ThreadLocal<OutputStream> capture = new ThreadLocal<>();

        ThreadRouted(PrintStream fallback) {
            this.fallback = fallback;
        }

        void route(OutputStream to) {
            if (to == null) {
                capture.remove();
            } else {
                capture.set(to);
            }
        }

        private OutputStream target() {
            OutputStream o = capture.get();
            return o != null ? o : fallback;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }

    /** {@code lpm migrate NAME --from --to --json ...}: the exit code and the report. */
    private record Migration(int exit, JsonNode report, Cli cli) {
    }

    private static Migration migrate(String partition, Host from, Host to, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("migrate", partition, "--from", from.address, "--to", to.address,
                "--json"));
        args.addAll(List.of(options));
        Cli c = lpm(args.toArray(String[]::new));
        assertThat(c.out()).as("migrate printed a report: %s%s", c, logs()).contains("\"outcome\"");
        return new Migration(c.exit(), c.json(), c);
    }

    /** A migration and the last of the source's console seen while it ran. */
    private record Watched(Migration migration, String sourceConsole) {
    }

    /** Migrates while reading the source's console every 25 ms, to see its last heartbeats before it went away. */
    private static Watched migrateWatchingTheSource(Host from, Host to, String... options) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>(from.console(LINUX));
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().name("source-console").daemon().start(() -> {
            while (watching.get()) {
                try {
                    seen.set(from.console(LINUX));
                } catch (IOException e) {
                    // the source released it
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Migration m;
        try {
            m = migrate(LINUX, from, to, options);
        } finally {
            watching.set(false);
            watcher.join();
        }
        return new Watched(m, seen.get());
    }

    // ---- consoles ----

    private record Beat(long n, long bad) {
    }

    private static List<Beat> beats(String console) {
        List<Beat> out = new ArrayList<>();
        for (Matcher m = HB.matcher(console); m.find(); ) {
            out.add(new Beat(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        }
        return out;
    }

    private static List<String> sums(String console) {
        List<String> out = new ArrayList<>();
        for (Matcher m = SUM.matcher(console); m.find(); ) {
            out.add(m.group(2));
        }
        return out;
    }

    private static List<Long> dirtierBeats(String console) {
        List<Long> out = new ArrayList<>();
        for (Matcher m = DIRTIER_HB.matcher(console); m.find(); ) {
            out.add(Long.parseUnsignedLong(m.group(1), 16));
        }
        return out;
    }

    /** Polls {@code partition}'s console on {@code host} until {@code done} holds; returns the console. */
    private static String awaitConsole(Host host, String partition, Predicate<String> done, Duration timeout,
                                       String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (true) {
            try {
                last = host.console(partition);
                if (done.test(last)) {
                    return last;
                }
            } catch (HostClient.HostError e) {
                last = "(console unreadable: " + e.getMessage() + ")";
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " on " + host + " within " + timeout.toSeconds()
                        + " s; console of " + partition + ":\n" + tail(last) + logs());
            }
            Thread.sleep(200);
        }
    }

    private static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 6000));
    }

    /** A sound memstress console: heartbeats strictly increase, no page is ever bad, the frozen region is intact. */
    private static void assertHealthy(String console, Host where) {
        List<Beat> b = beats(console);
        assertThat(b).as("heartbeats on %s", where).isNotEmpty();
        for (int i = 1; i < b.size(); i++) {
            assertThat(b.get(i).n()).as("heartbeat counter on %s; console:%n%s", where, tail(console))
                    .isGreaterThan(b.get(i - 1).n());
        }
        assertThat(b).as("bad= on %s; console:%n%s", where, tail(console))
                .allSatisfy(x -> assertThat(x.bad()).isZero());
        assertThat(sums(console)).as("frozen checksums on %s", where).allSatisfy(s ->
                assertThat(s).isEqualTo(MemstressTest.FROZEN_SUM));
    }

    private static long lastBeat(Host host, String partition) throws IOException {
        List<Beat> b = beats(host.console(partition));
        assertThat(b).as("heartbeats of %s on %s", partition, host).isNotEmpty();
        return b.getLast().n();
    }

    /** Waits for heartbeats past {@code after} on {@code host}: the partition runs there. */
    private static String awaitRunningPast(Host host, long after) throws Exception {
        return awaitConsole(host, LINUX, t -> !beats(t).isEmpty() && beats(t).getLast().n() > after,
                Duration.ofSeconds(60), "heartbeat past n=" + after);
    }

    /** The host the Linux partition runs on (it runs on exactly one). */
    private static Host linuxHost() throws IOException {
        String a = alpha.state(LINUX);
        String b = beta.state(LINUX);
        boolean onA = "RUNNING".equals(a);
        boolean onB = "RUNNING".equals(b);
        assertThat(onA ^ onB).as("%s runs on exactly one host: alpha says %s, beta says %s%s", LINUX, a, b, logs())
                .isTrue();
        return onA ? alpha : beta;
    }

    private static Host other(Host h) {
        return h == alpha ? beta : alpha;
    }

    /** After a completed move: the target runs it, the source neither runs it nor holds its memory. */
    private static void assertMoved(Host from, Host to, JsonNode report) throws IOException {
        assertThat(to.state(LINUX)).isEqualTo("RUNNING");
        assertThat(from.state(LINUX)).as("state on the source after the move")
                .isNotIn("RUNNING", "MIGRATING", "IN_DOUBT");
        assertThat(from.memoryUsed()).as("memory still held by the source").isZero();
        assertThat(to.memoryUsed()).isEqualTo(256L << 20);
        assertThat(to.client.get("/migrations/" + report.path("migrationId").asText()).path("outcome").asText())
                .isEqualTo("committed");
    }

    // ---- the scenarios ----

    @Test
    @Order(1)
    void linuxMovesWhileMemstressRewritesMemoryAndItsCounterAndFrozenRegionCarryOn() throws Exception {
        Host from = linuxHost();
        Host to = other(from);
        String before = awaitConsole(from, LINUX, t -> sums(t).size() >= 2, Duration.ofSeconds(60),
                "two frozen checksums");
        assertHealthy(before, from);
        String sumBefore = sums(before).getLast();
        assertThat(lpm("partition", "console", LINUX, "--host", from.address).out()).contains("LPM_HB n=");

        Watched w = migrateWatchingTheSource(from, to, "--downtime-ms", "300");
        Migration m = w.migration();
        assertThat(m.exit()).as("%s%s", m.cli(), logs()).isZero();
        JsonNode r = m.report();
        assertThat(r.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(r.path("partition").asText()).isEqualTo(LINUX);
        assertThat(r.path("rounds").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(r.path("pagesSent").asLong()).isPositive();
        assertThat(r.path("downtimeMs").asLong()).isPositive();
        assertThat(r.path("ramBytes").asLong()).isEqualTo(256L << 20);
        assertMoved(from, to, r);

        String sourceSide = w.sourceConsole();
        assertHealthy(sourceSide, from);
        long lastOnSource = beats(sourceSide).getLast().n();
        String after = awaitConsole(to, LINUX, t -> !sums(t).isEmpty() && beats(t).size() >= 5, Duration.ofSeconds(60),
                "heartbeats and a frozen checksum after the move");
        assertHealthy(after, to);
        long firstOnTarget = beats(after).getFirst().n();
        assertThat(firstOnTarget).as("first heartbeat on the target vs the last seen on the source (%d)", lastOnSource)
                .isGreaterThan(lastOnSource).isLessThanOrEqualTo(lastOnSource + CLOSE);
        assertThat(sums(after).getFirst()).as("frozen checksum after the move").isEqualTo(sumBefore);
        savedOut.printf("[e2e] move %s -> %s: last n on source %d, first n on target %d, downtime %d ms, %d rounds, "
                        + "total %d ms%n", from.name, to.name, lastOnSource, firstOnTarget,
                r.path("downtimeMs").asLong(), r.path("rounds").asInt(), r.path("totalMs").asLong());
    }

    @Test
    @Order(2)
    void fiveMovesBackAndForthEachCompleteAndTheCounterKeepsIncreasing() throws Exception {
        Host from = linuxHost();
        long counter = lastBeat(from, LINUX);
        for (int move = 1; move <= 5; move++) {
            Host to = other(from);
            Watched w = migrateWatchingTheSource(from, to);
            Migration m = w.migration();
            assertThat(m.exit()).as("move %d %s -> %s: %s%s", move, from, to, m.cli(), logs()).isZero();
            assertThat(m.report().path("outcome").asText()).isEqualTo("COMPLETED");
            assertMoved(from, to, m.report());
            assertHealthy(w.sourceConsole(), from);
            long lastOnSource = beats(w.sourceConsole()).getLast().n();
            assertThat(lastOnSource).as("move %d: the counter before it", move).isGreaterThanOrEqualTo(counter);
            String after = awaitRunningPast(to, lastOnSource);
            assertHealthy(after, to);
            assertThat(beats(after).getFirst().n())
                    .as("move %d: first heartbeat on %s after n=%d", move, to, lastOnSource)
                    .isGreaterThan(lastOnSource).isLessThanOrEqualTo(lastOnSource + CLOSE);
            counter = beats(after).getLast().n();
            savedOut.printf("[e2e] move %d %s -> %s: last n on source %d, first n on target %d, downtime %d ms, "
                            + "total %d ms%n", move, from.name, to.name, lastOnSource, beats(after).getFirst().n(),
                    m.report().path("downtimeMs").asLong(), m.report().path("totalMs").asLong());
            from = to;
        }
        String last = awaitConsole(from, LINUX, t -> !sums(t).isEmpty(), Duration.ofSeconds(30), "a frozen checksum");
        assertHealthy(last, from);
    }

    /** Starts a bandwidth-limited migration in another thread and waits until the target has accepted it. */
    private static CompletableFuture<Migration> slowMigration(Host from, Host to) throws Exception {
        CompletableFuture<Migration> f = CompletableFuture.supplyAsync(() -> {
            try {
                return migrate(LINUX, from, to, "--max-bandwidth", "5M");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, task -> Thread.ofPlatform().name("slow-migration").daemon().start(task));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // the target reserves the partition's memory when it accepts the HELLO
        while (!("MIGRATING".equals(from.state(LINUX)) && to.memoryUsed() == 256L << 20)) {
            assertThat(f).as("the migration ended early: %s", f.isDone() ? f.join() : "").isNotDone();
            assertThat(System.nanoTime()).as("migration to %s did not start%s", to, logs()).isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(1500); // well into the first round (it lasts many seconds at 5 MiB/s)
        assertThat(f).as("the migration is still copying").isNotDone();
        return f;
    }

    @Test
    @Order(3)
    void aMigrationCancelledMidWayLeavesThePartitionRunningOnTheSource() throws Exception {
        Host from = linuxHost();
        Host to = other(from);
        CompletableFuture<Migration> f = slowMigration(from, to);
        long atCancel = lastBeat(from, LINUX);
        Cli cancel = lpm("migrate", LINUX, "--from", from.address, "--cancel");
        assertThat(cancel.exit()).as("%s", cancel).isZero();
        assertThat(cancel.out()).contains("cancelling the migration of " + LINUX);
        Migration m = f.get(60, TimeUnit.SECONDS);
        assertThat(m.exit()).as("%s", m.cli()).isEqualTo(1);
        assertThat(m.report().path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(m.report().path("message").asText()).contains("cancelled by lpm migrate --cancel")
                .contains("runs on the source");
        assertThat(m.report().path("bytesOnWire").asLong()).as("cut short").isLessThan(256L << 20);
        savedOut.printf("[e2e] cancelled: %s%n", m.report().path("message").asText());

        assertThat(from.state(LINUX)).isEqualTo("RUNNING");
        assertHealthy(awaitRunningPast(from, atCancel + 20), from);
        awaitNothingOn(to, LINUX);
        assertThat(to.client.get("/migrations/" + m.report().path("migrationId").asText()).path("outcome").asText())
                .isEqualTo("discarded");
        assertThat(lpm("migrate", LINUX, "--from", from.address, "--cancel").exit())
                .as("nothing left to cancel").isEqualTo(1);
    }

    /** The host lists no such partition and has released all memory (it may take a moment after a stream ends). */
    private static void awaitNothingOn(Host host, String partition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (host.state(partition) != null || host.memoryUsed() != 0) {
            assertThat(System.nanoTime()).as("%s still has %s (%s) or memory (%d bytes)%s", host, partition,
                    host.state(partition), host.memoryUsed(), logs()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    @Order(4)
    void killingTheTargetHostMidWayLeavesThePartitionRunningOnTheSource() throws Exception {
        Host from = linuxHost();
        Host to = other(from);
        CompletableFuture<Migration> f = slowMigration(from, to);
        long atKill = lastBeat(from, LINUX);
        to.kill();
        assertThat(to.process.isAlive()).isFalse();
        Migration m = f.get(90, TimeUnit.SECONDS);
        assertThat(m.exit()).as("%s", m.cli()).isEqualTo(1);
        assertThat(m.report().path("outcome").asText()).isEqualTo("FAILED");
        assertThat(m.report().path("message").asText()).contains("runs on the source");
        savedOut.printf("[e2e] target killed: %s%n", m.report().path("message").asText());
        assertThat(from.state(LINUX)).isEqualTo("RUNNING");
        assertHealthy(awaitRunningPast(from, atKill + 20), from);
        assertThat(from.memoryUsed()).isEqualTo(256L << 20);

        // the target comes back knowing nothing of the partition, and says so when asked about the migration
        to.start();
        assertThat(to.state(LINUX)).isNull();
        assertThat(to.memoryUsed()).isZero();
        assertThat(to.client.get("/migrations/" + m.report().path("migrationId").asText()).path("outcome").asText())
                .isEqualTo("discarded");
    }

    @Test
    @Order(5)
    void truncatedCorruptedAndHostileStreamsAreRefusedWhileThePartitionRunsOn() throws Exception {
        Host linux = linuxHost();
        Host target = other(linux);
        long start = lastBeat(linux, LINUX);

        // a second, bare-metal partition on the target, suspended to a file there
        Path firmware = Files.write(dir.resolve("dirtier.bin"), TestGuests.dirtier());
        Cli created = lpm("partition", "create", "scratch", "--host", target.address, "--memory", "64M",
                "--firmware", firmware.toString());
        assertThat(created.exit()).as("%s", created).isZero();
        String scratchConsole = awaitConsole(target, "scratch", t -> dirtierBeats(t).size() >= 2,
                Duration.ofSeconds(60), "dirtier heartbeats");
        Path snapshot = dir.resolve("scratch.lpm");
        Cli suspended = lpm("suspend", "scratch", "--host", target.address, "--file", snapshot.toString());
        assertThat(suspended.exit()).as("%s", suspended).isZero();
        long scratchCounter = dirtierBeats(scratchConsole).getLast();
        awaitNothingOn(target, "scratch");
        byte[] good = Files.readAllBytes(snapshot);

        // truncated: half the file
        Path truncated = Files.write(dir.resolve("truncated.lpm"), Arrays.copyOf(good, good.length / 2));
        Cli r1 = lpm("resume", "--host", target.address, "--file", truncated.toString());
        assertThat(r1.exit()).as("%s", r1).isEqualTo(1);
        savedOut.printf("[e2e] %s", r1.err());
        assertThat(r1.err()).contains("resume failed").contains("stream truncated");
        awaitNothingOn(target, "scratch");

        // truncated at a frame boundary: everything but the final COMPLETE frame
        Path noEnd = Files.write(dir.resolve("no-complete.lpm"), Arrays.copyOf(good, good.length - (9 + 16)));
        Cli r2 = lpm("resume", "--host", target.address, "--file", noEnd.toString());
        assertThat(r2.exit()).as("%s", r2).isEqualTo(1);
        savedOut.printf("[e2e] %s", r2.err());
        assertThat(r2.err()).contains("resume failed").contains("stream truncated");
        awaitNothingOn(target, "scratch");

        // corrupted: one bit flipped in a page's bytes, in the last frame of pages
        byte[] bad = good.clone();
        int at = payloadOffsetOfLastFrame(bad, 4 /* PAGES */);
        bad[at] ^= 0x10;
        Path corrupted = Files.write(dir.resolve("corrupted.lpm"), bad);
        Cli r3 = lpm("resume", "--host", target.address, "--file", corrupted.toString());
        assertThat(r3.exit()).as("%s", r3).isEqualTo(1);
        savedOut.printf("[e2e] %s", r3.err());
        assertThat(r3.err()).contains("resume failed").contains("checksum mismatch");
        awaitNothingOn(target, "scratch");

        // a corrupted partition state (its frame's checksum catches it too)
        byte[] badState = good.clone();
        int st = payloadOffsetOfLastFrame(badState, 8 /* STATE */);
        badState[st] ^= 0x01;
        Path corruptedState = Files.write(dir.resolve("corrupted-state.lpm"), badState);
        Cli r4 = lpm("resume", "--host", target.address, "--file", corruptedState.toString());
        assertThat(r4.exit()).as("%s", r4).isEqualTo(1);
        savedOut.printf("[e2e] %s", r4.err());
        assertThat(r4.err()).contains("resume failed").contains("STATE").contains("checksum mismatch");
        awaitNothingOn(target, "scratch");

        // hostile connections to the mover service on the host's one port
        byte[] header = {'L', 'P', 'M', 'M', (byte) dev.lpm.migration.wire.Wire.VERSION, 0};
        assertThat(sendToMover(target, concat(header, new byte[] {0x7f, 0, 0, 0, 0, 0, 0, 0, 0})))
                .contains("refused the stream").contains("unknown frame type 127");
        assertThat(sendToMover(target, concat(header, helloWithBadChecksum())))
                .contains("refused the stream").contains("checksum mismatch");
        assertThat(sendToMover(target, new byte[] {'L', 'P', 'M', 'M', (byte) 0x99, 0x09, 1, 2, 3}))
                .contains("refused the stream").contains("newer lpm");
        assertThat(sendToMover(target, new byte[] {'L', 'P', 'M', 'M', 1, 0, 1, 2, 3}))
                .contains("refused the stream").contains("older lpm");
        assertThat(sendToMover(target, Arrays.copyOf(good, 64 << 10)))
                .as("a snapshot file sent as a live migration").contains("SNAPSHOT stream where a LIVE stream was due");

        // live streams by hand (the snapshot's frames behind a LIVE HELLO): broken off, corrupted, never committed
        UUID brokenOff = UUID.randomUUID();
        byte[] live = asLiveStream(good, brokenOff);
        assertThat(sendToMover(target, Arrays.copyOf(live, live.length / 2))).isEqualTo("ACCEPT");
        assertDiscarded(target, brokenOff);
        UUID corruptedLive = UUID.randomUUID();
        live = asLiveStream(good, corruptedLive);
        live[payloadOffsetOfLastFrame(live, 4 /* PAGES */)] ^= 0x10;
        assertThat(sendToMover(target, live)).startsWith("ACCEPT, ERROR: refused the stream")
                .contains("PAGES").contains("checksum mismatch");
        assertDiscarded(target, corruptedLive);
        UUID uncommitted = UUID.randomUUID();
        assertThat(sendToMover(target, asLiveStream(good, uncommitted))).as("everything but COMMIT")
                .isEqualTo("ACCEPT, READY");
        assertDiscarded(target, uncommitted);

        // noise: after the magic, after a version, and after a valid LIVE HELLO the host accepted
        Random random = new Random(5);
        for (int i = 0; i < 24; i++) {
            byte[] junk = new byte[random.nextInt(30_000)];
            random.nextBytes(junk);
            byte[] lead = switch (i % 3) {
                case 0 -> new byte[] {'L', 'P', 'M', 'M'};
                case 1 -> header;
                default -> Arrays.copyOf(asLiveStream(good, UUID.randomUUID()), helloEnd(good));
            };
            String refused = "ERROR: refused the stream: .+";
            assertThat(sendToMover(target, concat(lead, junk), false)).as("answer to noise %d", i)
                    .matches(i % 3 == 2 ? "ACCEPT(, " + refused + ")?" : "(" + refused + ")?");
        }
        awaitNothingOn(target, "scratch");
        assertThat(target.process.isAlive()).isTrue();
        assertThat(target.client.get("/host").path("name").asText()).isEqualTo(target.name);
        assertThat(target.client.get("/partitions")).isEmpty();

        // the source ran on throughout
        assertThat(linux.state(LINUX)).isEqualTo("RUNNING");
        assertHealthy(awaitRunningPast(linux, start + 20), linux);

        // and the intact snapshot resumes on the target, counting on from where it was suspended
        Cli resumed = lpm("resume", "--host", target.address, "--file", snapshot.toString());
        assertThat(resumed.exit()).as("%s%s", resumed, logs()).isZero();
        assertThat(resumed.out()).contains("partition scratch RUNNING");
        String after = awaitConsole(target, "scratch", t -> !dirtierBeats(t).isEmpty(), Duration.ofSeconds(60),
                "dirtier heartbeats after resume");
        assertThat(after).doesNotContain("BAD");
        assertThat(dirtierBeats(after).getFirst()).isGreaterThan(scratchCounter);
        assertThat(lpm("partition", "stop", "scratch", "--host", target.address).exit()).isZero();
        awaitNothingOn(target, "scratch");
    }

    /** The offset of the middle of the payload of the last frame of {@code type} in a snapshot. */
    private static int payloadOffsetOfLastFrame(byte[] stream, int type) {
        ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
        int found = -1;
        int pos = 6; // magic and version
        while (pos + 5 <= stream.length) {
            int length = b.getInt(pos + 1);
            if ((stream[pos] & 0xFF) == type && length > 0) {
                found = pos + 5 + length / 2;
            }
            pos += 5 + length + 4;
        }
        assertThat(pos).as("frames end with the file").isEqualTo(stream.length);
        assertThat(found).as("a frame of type %d", type).isNotNegative();
        return found;
    }

    /** A HELLO frame header and payload whose checksum does not match. */
    private static byte[] helloWithBadChecksum() {
        byte[] payload = new byte[40];
        ByteBuffer b = ByteBuffer.allocate(5 + payload.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).putInt(payload.length).put(payload).putInt(0xdeadbeef);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Sends {@code bytes} to the host's port, then ends the connection's sending side; returns the frames the
     * host answered, e.g. "ACCEPT, ERROR: why" ("" when it answered nothing).
     */
    private static String sendToMover(Host host, byte[] bytes) throws IOException {
        return sendToMover(host, bytes, true);
    }

    private static String sendToMover(Host host, byte[] bytes, boolean log) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), HostClient.parseAddress(host.address).getPort())) {
            s.setSoTimeout(30_000);
            try {
                OutputStream out = s.getOutputStream();
                out.write(bytes);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the host refused early and closed: its answer is still there to read
            }
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException e) {
                // reset after its answer
            }
        }
        byte[] a = answer.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        List<String> frames = new ArrayList<>();
        int pos = 0;
        while (pos < a.length) {
            int length = pos + 9 <= a.length ? b.getInt(pos + 1) : -1;
            if (length < 0 || pos + 9 + length > a.length) {
                frames.add("(" + (a.length - pos) + " bytes that are not a frame)");
                break;
            }
            frames.add(switch (a[pos]) {
                case 2 -> "ACCEPT";
                case 3 -> "ERROR: " + new String(a, pos + 5, length, StandardCharsets.UTF_8);
                case 7 -> "ROUND_ACK";
                case 10 -> "READY";
                case 12 -> "RUNNING";
                default -> "frame type " + a[pos];
            });
            pos += 9 + length;
        }
        String text = String.join(", ", frames);
        if (log) {
            savedOut.printf("[e2e] %d bytes to the mover: %s%n", bytes.length, text.isEmpty() ? "(closed)" : text);
        }
        return text;
    }

    /** A snapshot's frames as a live migration's stream: its HELLO in LIVE mode, under migration id {@code id}. */
    private static byte[] asLiveStream(byte[] snapshot, UUID id) {
        byte[] s = snapshot.clone();
        ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        int hello = 6; // after the magic and version
        assertThat(s[hello]).as("HELLO first").isEqualTo((byte) 1);
        int length = b.getInt(hello + 1);
        int payload = hello + 5;
        b.putLong(payload, id.getMostSignificantBits()).putLong(payload + 8, id.getLeastSignificantBits());
        assertThat(s[payload + 16]).as("SNAPSHOT mode").isEqualTo((byte) 2);
        s[payload + 16] = 1; // LIVE
        CRC32C crc = new CRC32C();
        crc.update(s, hello, 5 + length);
        b.putInt(payload + length, (int) crc.getValue());
        return s;
    }

    /** Where a stream's HELLO frame ends. */
    private static int helloEnd(byte[] stream) {
        return 6 + 5 + ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).getInt(7) + 4;
    }

    private static void assertDiscarded(Host host, UUID migration) throws Exception {
        awaitNothingOn(host, "scratch");
        assertThat(host.client.get("/migrations/" + migration).path("outcome").asText()).isEqualTo("discarded");
    }

    @Test
    @Order(6)
    void linuxSuspendedToAFileOnOneHostResumesOnTheOther() throws Exception {
        Host from = linuxHost();
        Host to = other(from);
        awaitConsole(from, LINUX, t -> !sums(t).isEmpty(), Duration.ofSeconds(60), "a frozen checksum");
        Path file = dir.resolve(LINUX + ".lpm");
        String before = from.console(LINUX);
        Cli s = lpm("suspend", LINUX, "--host", from.address, "--file", file.toString());
        assertThat(s.exit()).as("%s%s", s, logs()).isZero();
        assertThat(s.out()).contains("partition " + LINUX + " suspended to " + file);
        assertThat(Files.size(file)).isPositive();
        assertThat(from.state(LINUX)).isNotIn("RUNNING", "MIGRATING");
        assertThat(from.memoryUsed()).isZero();
        assertHealthy(before, from);
        long lastBefore = beats(before).getLast().n();

        Cli r = lpm("resume", "--host", to.address, "--file", file.toString());
        assertThat(r.exit()).as("%s%s", r, logs()).isZero();
        assertThat(r.out()).contains("partition " + LINUX + " RUNNING on " + to.address);
        String after = awaitConsole(to, LINUX, t -> !sums(t).isEmpty() && beats(t).size() >= 5, Duration.ofSeconds(60),
                "heartbeats and a frozen checksum after resume");
        assertHealthy(after, to);
        assertThat(beats(after).getFirst().n()).as("first heartbeat after resume vs last before suspend")
                .isGreaterThan(lastBefore).isLessThanOrEqualTo(lastBefore + CLOSE);
        assertThat(sums(after).getFirst()).isEqualTo(sums(before).getLast());
        assertThat(linuxHost()).isSameAs(to);
    }
}
