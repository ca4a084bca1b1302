package dev.lpm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lpm.host.HostConfig;
import dev.lpm.host.HostDaemon;
import dev.lpm.machine.TestGuests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** lpm partition / migrate / suspend / resume / recover against two host daemons in this JVM. */
class MoverCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private HostDaemon alpha;
    private HostDaemon beta;
    private String a;
    private String b;
    private Path firmware;

    @BeforeEach
    void hosts() throws Exception {
        alpha = HostDaemon.start(new HostConfig("alpha", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                dir.resolve("alpha"), 1L << 30));
        beta = HostDaemon.start(new HostConfig("beta", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                dir.resolve("beta"), 1L << 30));
        a = "127.0.0.1:" + alpha.address().getPort();
        b = "127.0.0.1:" + beta.address().getPort();
        firmware = dir.resolve("dirtier.bin");
        Files.write(firmware, TestGuests.dirtier());
    }

    @AfterEach
    void stop() {
        alpha.close();
        beta.close();
    }

    private static void assertCleanError(CliRun.Outcome o, int code, String message) {
        assertThat(o.exitCode()).as(o.err()).isEqualTo(code);
        assertThat(o.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String consoleOnceItShows(String host, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String out;
        do {
            out = CliRun.lpm("partition", "console", "p1", "--host", host).out();
            if (out.contains(text)) {
                return out;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return out;
    }

    @Test
    void createMigrateWithJsonListSuspendAndResume() throws Exception {
        CliRun.Outcome created = CliRun.lpm("partition", "create", "p1", "--host", a, "--firmware", firmware.toString(),
                "--memory", "64M");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("partition p1 RUNNING");
        Thread.sleep(300);
        CliRun.Outcome moved = CliRun.lpm("migrate", "p1", "--from", a, "--to", b, "--json", "--downtime-ms", "200");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        JsonNode report = JSON.readTree(moved.out().strip()); // exactly one JSON line
        assertThat(moved.out().strip().lines()).hasSize(1);
        assertThat(report.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("zeroPages").asLong()).isPositive();
        assertThat(report.path("bytesOnWire").asLong()).isPositive();
        assertThat(report.path("downtimeMs").asLong()).isNotNegative();
        JsonNode onBeta = JSON.readTree(CliRun.lpm("partition", "list", "--host", b, "--json").out());
        assertThat(onBeta.get(0).path("name").asText()).isEqualTo("p1");
        assertThat(CliRun.lpm("partition", "list", "--host", a).out()).doesNotContain("p1");
        // The target's console starts with the move; the guest prints a heartbeat every 1024 generations,
        // which takes a few seconds on a loaded machine.
        assertThat(consoleOnceItShows(b, "HB ")).contains("HB ");

        CliRun.Outcome plain = CliRun.lpm("migrate", "p1", "--from", b, "--to", a);
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out()).contains("migration of p1: COMPLETED").contains("downtime").contains("zero pages");

        Path file = dir.resolve("p1.lpm");
        assertThat(CliRun.lpm("suspend", "p1", "--host", a, "--file", file.toString()).out()).contains("suspended to");
        assertThat(CliRun.lpm("resume", "--host", b, "--file", file.toString()).out()).contains("partition p1 RUNNING");
        assertThat(CliRun.lpm("recover", "p1", "--host", b).out()).contains("RUNNING");
        assertThat(CliRun.lpm("migrate", "p1", "--from", b, "--cancel").exitCode()).isEqualTo(1); // nothing to cancel
        assertThat(CliRun.lpm("partition", "stop", "p1", "--host", b).exitCode()).isZero();
    }

    @Test
    void badArgumentsAndUnreachableHostsGiveOneClearLine() {
        assertCleanError(CliRun.lpm("migrate", "p1", "--from", a), 2, "migrate needs --to HOST");
        assertCleanError(CliRun.lpm("migrate", "p1", "--from", a, "--to", b, "--downtime-ms", "0"), 2,
                "--downtime-ms must be 1 to 60000");
        assertCleanError(CliRun.lpm("migrate", "p1", "--from", "127.0.0.1:99999", "--to", b), 2, "outside 1..65535");
        assertCleanError(CliRun.lpm("migrate", "nope", "--from", a, "--to", b), 1, "no partition nope on host alpha");
        assertCleanError(CliRun.lpm("migrate", "p1", "--from", "127.0.0.1:1", "--to", b), 1, "is not reachable");
        assertThat(CliRun.lpm("partition", "create", "p1", "--host", a, "--firmware", firmware.toString(), "--memory",
                "16M").exitCode()).isZero();
        assertCleanError(CliRun.lpm("migrate", "p1", "--from", a, "--to", "127.0.0.1:1"), 1, "is not reachable");
        assertThat(CliRun.lpm("partition", "list", "--host", a).out()).contains("RUNNING");
        assertCleanError(CliRun.lpm("host", "serve", "--name", "bad name", "--listen", "127.0.0.1:0", "--data",
                dir.toString()), 2, "host name");
        assertCleanError(CliRun.lpm("partition", "create", "p2", "--host", a, "--firmware", firmware.toString(),
                "--memory", "2G"), 1, "lacks memory");
        assertCleanError(CliRun.lpm("resume", "--host", a, "--file", dir.resolve("none.lpm").toString()), 1,
                "does not exist");
    }
}
