package dev.lpm.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lpm.machine.TestGuests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of a receiving host with real migration streams, mutated: the host refuses each one, never
 * crashes or hangs, releases what it reserved, and its own partition runs on untouched.
 */
class ReceivingHostFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private HostDaemon source;
    private HostDaemon target;

    @BeforeEach
    void hosts() throws IOException {
        source = HostDaemon.start(new HostConfig("src", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                dir.resolve("src"), 1L << 30));
        target = HostDaemon.start(new HostConfig("dst", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                dir.resolve("dst"), 1L << 30));
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
    }

    /**
     * Records what a source host sends in a live migration, through a relay that forwards both ways, and
     * cancels the migration just before it could commit (so the recording never contains a COMMIT).
     */
    private byte[] recordStream(Profile profile) throws Exception {
        HostClient src = new HostClient(source.address());
        src.post("/partitions", profile);
        Thread.sleep(300);
        ByteArrayOutputStream recording = new ByteArrayOutputStream();
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> pump = CompletableFuture.runAsync(() -> {
                try (Socket in = relay.accept(); Socket out = new Socket(target.address().getAddress(),
                        target.address().getPort())) {
                    Thread back = Thread.ofVirtual().start(() -> copy(out, in, null));
                    copy(in, out, recording);
                    back.join();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            String[] outcome = new String[1];
            // a 1 ms budget the dirtier never fits: the migration keeps going round after round until the
            // cancel (sent when progress reaches round 2, which arrives a little later than the round) lands
            src.stream("/partitions/p1/migrate", Map.of("target", "127.0.0.1:" + relay.getLocalPort(),
                    "downtimeMs", 1), line -> {
                try {
                    var n = JSON.readTree(line);
                    if (n.has("progress") && n.get("progress").path("round").asInt() >= 2) {
                        src.post("/partitions/p1/cancel", Map.of("reason", "recording done"));
                    } else if (n.has("report")) {
                        outcome[0] = n.get("report").path("outcome").asText();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(outcome[0]).isEqualTo("CANCELLED");
            pump.get(30, TimeUnit.SECONDS);
        }
        return recording.toByteArray();
    }

    private static void copy(Socket from, Socket to, ByteArrayOutputStream tee) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] b = new byte[64 << 10];
            for (int n; (n = in.read(b)) > 0; ) {
                if (tee != null) {
                    synchronized (tee) {
                        tee.write(b, 0, n);
                    }
                }
                out.write(b, 0, n);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: the relay ends
        }
    }

    @Test
    void mutatedLiveStreamsAreRefusedAndTheHostsOwnPartitionRunsOn() throws Exception {
        Path firmware = dir.resolve("dirtier.bin");
        Files.write(firmware, TestGuests.dirtier());
        byte[] stream = recordStream(new Profile("p1", 64, 1, firmware.toString(), null, null, null, null, null, null));
        HostClient dst = new HostClient(target.address());
        dst.post("/partitions", new Profile("resident", 32, 1, firmware.toString(), null, null, null, null, null, null));
        long baseline = dst.get("/host").path("memoryUsed").asLong();
        Random random = new Random(1122);
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 40; i++) {
            byte[] s = stream.clone();
            switch (i % 4) {
                case 0 -> s[6 + random.nextInt(s.length - 6)] ^= (byte) (1 + random.nextInt(255));
                case 1 -> s = java.util.Arrays.copyOf(s, 6 + random.nextInt(s.length - 6));
                case 2 -> {
                    for (int k = 0; k < 8; k++) {
                        s[random.nextInt(s.length)] = (byte) random.nextInt(256);
                    }
                }
                default -> { // a frame's length field claims far more than follows
                    s = java.util.Arrays.copyOf(s, 64);
                    s[7] = (byte) 0xFF;
                    s[8] = (byte) 0xFF;
                }
            }
            try (Socket sock = new Socket(target.address().getAddress(), target.address().getPort())) {
                sock.setSoTimeout(30_000); // a hang fails the test
                OutputStream out = sock.getOutputStream();
                try {
                    out.write(s);
                    sock.shutdownOutput();
                } catch (IOException e) {
                    // the host may refuse and close before the whole stream is written
                }
                sock.getInputStream().readAllBytes();
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (dst.get("/host").path("memoryUsed").asLong() != baseline && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(dst.get("/host").path("memoryUsed").asLong()).isEqualTo(baseline);
        assertThat(dst.get("/partitions")).hasSize(1);
        assertThat(dst.get("/partitions/resident").path("state").asText()).isEqualTo("RUNNING");
        String console = new String(dst.bytes("/partitions/resident/console"));
        Thread.sleep(200);
        assertThat(new String(dst.bytes("/partitions/resident/console")).length()).isGreaterThan(console.length());
        assertThat(console).doesNotContain("BAD");
        // bounded memory: 40 refused streams leave the heap where a few megabytes of garbage would
        System.gc();
        assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(256L << 20);
        // the source ran on after the cancelled recording
        assertThat(new HostClient(source.address()).get("/partitions/p1").path("state").asText()).isEqualTo("RUNNING");
    }
}
