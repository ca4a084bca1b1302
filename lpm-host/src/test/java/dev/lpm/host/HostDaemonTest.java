package dev.lpm.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lpm.machine.TestGuests;
import dev.lpm.migration.wire.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two host daemons in this JVM moving a bare-metal partition through the control API. */
class HostDaemonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEARTBEAT = Pattern.compile("HB ([0-9a-f]{16})\n");

    @TempDir
    Path dir;
    private HostDaemon alpha;
    private HostDaemon beta;
    private HostClient a;
    private HostClient b;
    private Profile profile;

    @BeforeEach
    void twoHosts() throws IOException {
        alpha = start("alpha", 1L << 30);
        beta = start("beta", 1L << 30);
        a = new HostClient(alpha.address());
        b = new HostClient(beta.address());
        Path firmware = dir.resolve("dirtier.bin");
        Files.write(firmware, TestGuests.dirtier());
        profile = new Profile("p1", 64, 1, firmware.toString(), null, null, null, null, null, null);
    }

    private HostDaemon start(String name, long memory) throws IOException {
        return HostDaemon.start(new HostConfig(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                dir.resolve(name), memory));
    }

    @AfterEach
    void stop() {
        alpha.close();
        beta.close();
    }

    private static String target(HostDaemon h) {
        return h.address().getAddress().getHostAddress() + ":" + h.address().getPort();
    }

    private static List<Long> heartbeats(HostClient host) throws IOException {
        String text = new String(host.bytes("/partitions/p1/console"), StandardCharsets.UTF_8);
        List<Long> out = new ArrayList<>();
        Matcher m = HEARTBEAT.matcher(text);
        while (m.find()) {
            out.add(Long.parseUnsignedLong(m.group(1), 16));
        }
        assertThat(text).doesNotContain("BAD");
        return out;
    }

    private static long awaitHeartbeat(HostClient host, long after) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Long> h = heartbeats(host);
            if (!h.isEmpty() && h.getLast() > after) {
                return h.getLast();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no heartbeat after " + after);
    }

    private static JsonNode migrate(HostClient from, HostDaemon to, List<JsonNode> progress) throws IOException {
        JsonNode[] report = new JsonNode[1];
        from.stream("/partitions/p1/migrate", Map.of("target", target(to), "downtimeMs", 300), line -> {
            try {
                JsonNode n = JSON.readTree(line);
                if (n.has("report")) {
                    report[0] = n.get("report");
                } else {
                    progress.add(n.get("progress"));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return report[0];
    }

    @Test
    void aPartitionMovesBackAndForthFiveTimesAndItsCounterNeverResets() throws Exception {
        a.post("/partitions", profile);
        long counter = awaitHeartbeat(a, 0);
        HostClient[] hosts = {a, b};
        HostDaemon[] daemons = {alpha, beta};
        for (int move = 0; move < 5; move++) {
            HostClient from = hosts[move % 2];
            HostClient to = hosts[(move + 1) % 2];
            List<JsonNode> progress = new ArrayList<>();
            JsonNode report = migrate(from, daemons[(move + 1) % 2], progress);
            assertThat(report.path("outcome").asText()).as(report.toString()).isEqualTo("COMPLETED");
            assertThat(progress).isNotEmpty();
            assertThat(progress.getLast().path("phase").asText()).isEqualTo("done");
            assertThat(from.get("/partitions")).isEmpty();
            assertThat(to.get("/partitions/p1").path("state").asText()).isEqualTo("RUNNING");
            assertThat(to.get("/migrations/" + report.path("migrationId").asText()).path("outcome").asText())
                    .isEqualTo("committed");
            long next = awaitHeartbeat(to, counter);
            assertThat(next).isGreaterThan(counter);
            counter = next;
        }
        assertThat(b.get("/host").path("memoryUsed").asLong()).isEqualTo(64L << 20);
        assertThat(a.get("/host").path("memoryUsed").asLong()).isZero();
    }

    @Test
    void aTargetWithoutMemoryRefusesAndTheSourceRunsOn() throws Exception {
        try (HostDaemon small = start("small", 32L << 20)) {
            a.post("/partitions", profile);
            long counter = awaitHeartbeat(a, 0);
            JsonNode report = migrate(a, small, new ArrayList<>());
            assertThat(report.path("outcome").asText()).isEqualTo("FAILED");
            assertThat(report.path("message").asText()).contains("lacks memory").contains("runs on the source");
            assertThat(a.get("/partitions/p1").path("state").asText()).isEqualTo("RUNNING");
            assertThat(awaitHeartbeat(a, counter)).isGreaterThan(counter);
            assertThat(new HostClient(small.address()).get("/partitions")).isEmpty();
        }
    }

    @Test
    void suspendedToAFileAndResumedOnTheOtherHost() throws Exception {
        a.post("/partitions", profile);
        long counter = awaitHeartbeat(a, 0);
        Path file = dir.resolve("p1.lpm");
        JsonNode w = a.post("/partitions/p1/suspend", Map.of("file", file.toString()));
        assertThat(Files.size(file)).isEqualTo(w.path("bytes").asLong());
        assertThat(a.get("/partitions")).isEmpty();
        assertThat(b.post("/resume", Map.of("file", file.toString())).path("state").asText()).isEqualTo("RUNNING");
        assertThat(awaitHeartbeat(b, counter)).isGreaterThan(counter);
    }

    @Test
    void hostileStreamsToTheMoverLeaveTheHostAndItsPartitionsAlone() throws Exception {
        b.post("/partitions", profile);
        long counter = awaitHeartbeat(b, 0);
        Random random = new Random(4);
        for (int i = 0; i < 30; i++) {
            try (Socket s = new Socket(beta.address().getAddress(), beta.address().getPort())) {
                OutputStream out = s.getOutputStream();
                byte[] junk = new byte[random.nextInt(20_000)];
                random.nextBytes(junk);
                out.write(Wire.MAGIC);
                if (i % 2 == 0) {
                    out.write(new byte[]{(byte) Wire.VERSION, 0}); // a valid version, then noise
                }
                out.write(junk);
                s.shutdownOutput();
                s.getInputStream().readAllBytes(); // the host answers (an ERROR frame) and closes
            }
        }
        assertThat(b.get("/partitions").size()).isEqualTo(1);
        assertThat(awaitHeartbeat(b, counter)).isGreaterThan(counter);
        assertThat(b.get("/host").path("memoryUsed").asLong()).isEqualTo(64L << 20);
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        assertThatThrownBy(() -> a.get("/partitions/nope")).hasMessageContaining("no partition nope on host alpha");
        assertThatThrownBy(() -> a.post("/partitions", new Profile("bad name", 64, 1, "x", null, null, null, null, null, null)))
                .hasMessageContaining("partition name");
        a.post("/partitions", profile);
        assertThatThrownBy(() -> a.post("/partitions", profile)).hasMessageContaining("already has a partition named p1");
        assertThatThrownBy(() -> a.post("/partitions", new Profile("p2", 64, 1, "/no/such/firmware", null, null, null,
                null, null, null))).hasMessageContaining("/no/such/firmware");
        assertThat(a.get("/host").path("memoryUsed").asLong()).isEqualTo(64L << 20); // the failed create released its memory
        assertThatThrownBy(() -> a.get("/migrations/not-a-uuid")).hasMessageContaining("not a migration id");
        assertThatThrownBy(() -> a.post("/partitions/p1/migrate", Map.of("target", "nowhere"))).isInstanceOf(IOException.class);
    }
}
