package dev.lpm.migration.mover;

import dev.lpm.migration.wire.FrameReader;
import dev.lpm.migration.wire.FrameType;
import dev.lpm.migration.wire.FrameWriter;
import dev.lpm.migration.wire.Hello;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suspend to a file and resume from it; and the receiver against truncated, corrupted, reordered and
 * random streams: every one is refused with a clear reason, nothing runs, nothing is thrown.
 */
class SnapshotStreamTest {
    @TempDir
    static Path dir;
    private static byte[] snapshot;
    private static long lastHeartbeat;

    @BeforeAll
    static void suspendARunningGuest() throws Exception {
        try (Partitions.Running source = Partitions.started()) {
            source.machine().pause();
            lastHeartbeat = source.heartbeats().getLast();
            Path file = dir.resolve("p1.lpm");
            Snapshots.Written w = Snapshots.write(source.machine(), Partitions.hello(Hello.Mode.SNAPSHOT), file);
            assertThat(w.bytes()).isEqualTo(Files.size(file));
            assertThat(w.pagesSent() + w.zeroPages()).isEqualTo(Partitions.CONFIG.ramBytes() / 4096);
            snapshot = Files.readAllBytes(file);
        }
    }

    private static IncomingMigration.Result receive(byte[] stream, Partitions.Host host) {
        host.startOnCommit = false;
        IncomingMigration.Result r = new IncomingMigration(host).receive(new FrameReader(new ByteArrayInputStream(stream)),
                null);
        if (r.running() && host.built != null) {
            host.built.close();
        }
        return r;
    }

    @Test
    void aSuspendedPartitionResumesFromItsFileWhereItStopped() throws Exception {
        Partitions.Host host = new Partitions.Host();
        IncomingMigration.Result r = Snapshots.read(dir.resolve("p1.lpm"), host);
        assertThat(r.running()).as(r.message()).isTrue();
        try (Partitions.Running resumed = host.built) {
            assertThat(resumed.awaitHeartbeats(2, Duration.ofSeconds(60))).isGreaterThan(lastHeartbeat);
            assertThat(resumed.sawLostWrite()).isFalse();
        }
    }

    @Test
    void aTruncatedSnapshotIsRefusedAtEveryLength() {
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            int length = i < 20 ? i * 3 : random.nextInt(snapshot.length);
            Partitions.Host host = new Partitions.Host();
            IncomingMigration.Result r = receive(java.util.Arrays.copyOf(snapshot, length), host);
            assertThat(r.running()).isFalse();
            assertThat(host.committed).isFalse();
            assertThat(r.message()).as("cut at " + length).contains("truncated");
        }
    }

    @Test
    void aCorruptedByteIsCaughtByTheChecksum() {
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            byte[] s = snapshot.clone();
            int at = 6 + random.nextInt(s.length - 6); // past the header: frames carry checksums
            s[at] ^= (byte) (1 + random.nextInt(255));
            Partitions.Host host = new Partitions.Host();
            IncomingMigration.Result r = receive(s, host);
            assertThat(r.running()).as("byte " + at).isFalse();
            assertThat(r.message()).as("byte " + at).containsAnyOf("checksum", "length", "unknown frame type",
                    "truncated");
        }
        byte[] s = snapshot.clone();
        s[0] = 'X';
        assertThat(receive(s, new Partitions.Host()).message()).contains("bad magic");
        s = snapshot.clone();
        s[4] = 9;
        assertThat(receive(s, new Partitions.Host()).message()).contains("newer lpm");
    }

    /** A stream of well-formed frames (valid checksums) whose content is hostile. */
    private static byte[] stream(Hello hello, FrameType type, byte[] payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(b);
        w.writeHeader();
        w.write(FrameType.HELLO, hello.encode());
        w.write(type, payload);
        w.flush();
        return b.toByteArray();
    }

    private static byte[] le(int... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    @Test
    void wellFormedButHostileFramesAreRefusedWithTheReason() throws IOException {
        Hello hello = Partitions.hello(Hello.Mode.SNAPSHOT);
        long pages = Partitions.CONFIG.ramBytes() / 4096;
        assertThat(receive(stream(hello, FrameType.ZERO_PAGES, le(1, 0, (int) pages - 1, 2)), new Partitions.Host())
                .message()).contains("outside the partition's " + pages + " pages");
        assertThat(receive(stream(hello, FrameType.ZERO_PAGES, le(5, 0, 0, 1)), new Partitions.Host()).message())
                .contains("ranges do not match");
        byte[] onePage = ByteBuffer.allocate(8 + 4 + 4096).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0)
                .putInt((int) pages).put(new byte[4096]).array();
        assertThat(receive(stream(hello, FrameType.PAGES, onePage), new Partitions.Host()).message())
                .contains("page " + pages + " outside");
        assertThat(receive(stream(hello, FrameType.ROUND_END, new byte[12]), new Partitions.Host()).running()).isFalse();
        assertThat(receive(stream(hello, FrameType.ROUND_END, le(3, 0, 0)), new Partitions.Host()).message())
                .contains("round 3 where round 0 was due");
        assertThat(receive(stream(hello, FrameType.COMPLETE, new byte[16]), new Partitions.Host()).message())
                .contains("COMPLETE before the partition's state");
        assertThat(receive(stream(hello, FrameType.STATE, new byte[100]), new Partitions.Host()).message())
                .contains("bad partition state");
        assertThat(receive(stream(hello, FrameType.COMMIT, new byte[0]), new Partitions.Host()).message())
                .contains("COMMIT is not expected");
        Hello live = Partitions.hello(Hello.Mode.LIVE);
        assertThat(receive(stream(live, FrameType.COMPLETE, new byte[16]), new Partitions.Host()).message())
                .contains("LIVE stream where a SNAPSHOT stream was due");
        Hello huge = new Hello(hello.migrationId(), Hello.Mode.SNAPSHOT, "p1", 1L << 40, 1, new byte[0]);
        Partitions.Host host = new Partitions.Host();
        host.refuse = "host lacks memory";
        assertThat(receive(stream(huge, FrameType.COMPLETE, new byte[16]), host).message()).contains("lacks memory");
    }

    @Test
    void anOversizedLengthIsRefusedBeforeAnythingIsAllocated() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(b);
        w.writeHeader();
        w.write(FrameType.HELLO, Partitions.hello(Hello.Mode.SNAPSHOT).encode());
        w.flush();
        b.write(new byte[]{8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}); // STATE claiming 2 GiB
        IncomingMigration.Result r = receive(b.toByteArray(), new Partitions.Host());
        assertThat(r.message()).contains("length 2147483647 exceeds");
    }

    @Test
    void seededRandomAndMutatedStreamsAreRefusedWithoutCrashOrHang() {
        Random random = new Random(20261122);
        for (int i = 0; i < 300; i++) {
            byte[] s;
            switch (i % 4) {
                case 0 -> {
                    s = new byte[random.nextInt(4096)];
                    random.nextBytes(s);
                    if (i % 8 == 0 && s.length > 6) {
                        System.arraycopy(snapshot, 0, s, 0, 6); // a valid header, then noise
                    }
                }
                case 1 -> { // splice: a piece of the stream moved elsewhere
                    s = snapshot.clone();
                    int from = random.nextInt(s.length);
                    int to = random.nextInt(s.length);
                    int n = Math.min(random.nextInt(64) + 1, Math.min(s.length - from, s.length - to));
                    System.arraycopy(snapshot, from, s, to, n);
                    if (java.util.Arrays.equals(s, snapshot)) {
                        continue;
                    }
                }
                case 2 -> { // a run of bytes deleted
                    int at = random.nextInt(snapshot.length - 1);
                    int n = 1 + random.nextInt(Math.min(100, snapshot.length - at - 1));
                    s = new byte[snapshot.length - n];
                    System.arraycopy(snapshot, 0, s, 0, at);
                    System.arraycopy(snapshot, at + n, s, at, snapshot.length - at - n);
                }
                default -> { // random bytes inserted
                    int at = random.nextInt(snapshot.length);
                    byte[] junk = new byte[1 + random.nextInt(32)];
                    random.nextBytes(junk);
                    s = new byte[snapshot.length + junk.length];
                    System.arraycopy(snapshot, 0, s, 0, at);
                    System.arraycopy(junk, 0, s, at, junk.length);
                    System.arraycopy(snapshot, at, s, at + junk.length, snapshot.length - at);
                }
            }
            Partitions.Host host = new Partitions.Host();
            IncomingMigration.Result r = receive(s, host);
            assertThat(r.running()).as("mutation " + i).isFalse();
            assertThat(host.committed).isFalse();
            assertThat(r.message()).as("mutation " + i).isNotBlank();
        }
    }
}
