package dev.lpm.migration.mover;

import dev.lpm.migration.wire.FrameReader;
import dev.lpm.migration.wire.FrameWriter;
import dev.lpm.migration.wire.Hello;
import dev.lpm.memory.Ram;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Live migrations between two machines in this JVM over loopback TCP, and every way they can fail. */
class MoverTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Runs the target side on a loopback socket; {@code targetOut} may wrap what the target sends. */
    private static final class Link implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        final CompletableFuture<IncomingMigration.Result> result;
        volatile Socket accepted;

        Link(Partitions.Host host, int targetTimeoutMs, UnaryOperator<OutputStream> targetOut) throws IOException {
            result = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    accepted = s;
                    s.setSoTimeout(targetTimeoutMs);
                    return new IncomingMigration(host).receive(new FrameReader(new BufferedInputStream(s.getInputStream())),
                            new FrameWriter(targetOut.apply(new BufferedOutputStream(s.getOutputStream()))));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        MigrationReport migrate(OutgoingMigration m, UnaryOperator<OutputStream> sourceOut) throws IOException {
            try (Socket s = new Socket(server.getInetAddress(), server.getLocalPort())) {
                s.setSoTimeout(5000);
                return m.run(new BufferedInputStream(s.getInputStream()),
                        sourceOut.apply(new BufferedOutputStream(s.getOutputStream(), 1 << 20)));
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static OutgoingMigration outgoing(Partitions.Running source, OutgoingMigration.Listener listener,
                                              OutgoingMigration.OwnershipQuery query) {
        return new OutgoingMigration(source.machine(), Partitions.hello(Hello.Mode.LIVE),
                MigrationOptions.defaults().withPeerTimeout(Duration.ofSeconds(5)), listener, query);
    }

    @Test
    void aRunningGuestMovesWithEveryPageAndItsStateAndRunsOnFromWhereItWas() throws Exception {
        Partitions.Host host = new Partitions.Host();
        host.startOnCommit = false;
        try (Partitions.Running source = Partitions.started(); Link link = new Link(host, 5000, o -> o)) {
            MigrationReport report = link.migrate(outgoing(source, p -> { }, id -> OutgoingMigration.Ownership.UNDECIDED),
                    o -> o);
            assertThat(report.outcome()).as(report.message()).isEqualTo(MigrationReport.COMPLETED);
            assertThat(link.result.get(10, TimeUnit.SECONDS).running()).isTrue();
            assertThat(host.committed).isTrue();
            Partitions.Running target = host.built;
            // the source stays paused after handing over: its memory and state are exactly what the target got
            assertSameMemory(source.machine().ram(), target.machine().ram());
            assertThat(target.machine().save().harts()).isEqualTo(source.machine().save().harts());
            assertThat(target.machine().save().clint()).usingRecursiveComparison()
                    .isEqualTo(source.machine().save().clint());
            long lastOnSource = source.heartbeats().getLast();
            target.machine().startRestored();
            long firstOnTarget = target.awaitHeartbeats(3, WAIT);
            assertThat(firstOnTarget).isGreaterThan(lastOnSource);
            assertThat(target.sawLostWrite()).isFalse();
            assertThat(report.rounds()).isGreaterThanOrEqualTo(2);
            assertThat(report.pagesSent()).isGreaterThanOrEqualTo(512);
            // 64 MiB of which the guest touches ~3 MiB: most pages travel as zero runs
            assertThat(report.zeroPages()).isGreaterThan(14_000);
            assertThat(report.bytesOnWire()).isLessThan(report.pagesSent() * 4200 + (1 << 20));
            target.close();
        }
    }

    private static void assertSameMemory(Ram a, Ram b) {
        byte[] pa = new byte[4096];
        byte[] pb = new byte[4096];
        for (long p = 0; p < a.size() / 4096; p++) {
            a.read(a.base() + p * 4096, pa, 0, 4096);
            b.read(b.base() + p * 4096, pb, 0, 4096);
            if (!java.util.Arrays.equals(pa, pb)) {
                throw new AssertionError("page " + p + " differs after the migration");
            }
        }
    }

    @Test
    void cancelInThePrecopyLeavesTheSourceRunningAndTheTargetDiscards() throws Exception {
        Partitions.Host host = new Partitions.Host();
        try (Partitions.Running source = Partitions.started(); Link link = new Link(host, 5000, o -> o)) {
            OutgoingMigration[] m = new OutgoingMigration[1];
            m[0] = outgoing(source, p -> m[0].cancel("the user changed their mind"),
                    id -> OutgoingMigration.Ownership.UNDECIDED);
            MigrationReport report = link.migrate(m[0], o -> o);
            assertThat(report.outcome()).isEqualTo(MigrationReport.CANCELLED);
            assertThat(report.message()).contains("the user changed their mind");
            assertThat(link.result.get(10, TimeUnit.SECONDS).running()).isFalse();
            assertThat(host.committed).isFalse();
            assertThat(host.discarded).contains("cancelled");
            long before = source.heartbeats().getLast();
            assertThat(source.awaitHeartbeats(2, WAIT)).isGreaterThan(before);
            assertThat(source.sawLostWrite()).isFalse();
        }
    }

    @Test
    void aTargetThatRefusesLeavesTheSourceRunning() throws Exception {
        Partitions.Host host = new Partitions.Host();
        host.refuse = "host b lacks memory: it needs 64 MiB, 16 MiB are free";
        try (Partitions.Running source = Partitions.started(); Link link = new Link(host, 5000, o -> o)) {
            MigrationReport report = link.migrate(outgoing(source, p -> { }, id -> OutgoingMigration.Ownership.UNDECIDED),
                    o -> o);
            assertThat(report.outcome()).isEqualTo(MigrationReport.FAILED);
            assertThat(report.message()).contains("lacks memory").contains("runs on the source");
            long before = source.heartbeats().getLast();
            assertThat(source.awaitHeartbeats(2, WAIT)).isGreaterThan(before);
        }
    }

    @Test
    void aTargetThatDiesMidwayLeavesTheSourceRunning() throws Exception {
        Partitions.Host host = new Partitions.Host();
        try (Partitions.Running source = Partitions.started(); Link link = new Link(host, 5000, o -> o)) {
            OutgoingMigration m = outgoing(source, p -> {
                try {
                    link.accepted.close(); // the target's end of the connection vanishes during pre-copy
                } catch (IOException ignored) {
                    // closing
                }
            }, id -> OutgoingMigration.Ownership.UNDECIDED);
            MigrationReport report = link.migrate(m, o -> o);
            assertThat(report.outcome()).isEqualTo(MigrationReport.FAILED);
            assertThat(host.committed).isFalse();
            long before = source.heartbeats().getLast();
            assertThat(source.awaitHeartbeats(2, WAIT)).isGreaterThan(before);
            assertThat(source.sawLostWrite()).isFalse();
        }
    }

    /** Drops the first frame of {@code type} and everything after it that passes through. */
    private static final class CutAfter extends FilterOutputStream {
        private final int typeCode;
        private boolean cut;
        /** Where the stream is: frames of a 5-byte head, payload and checksum (after the source's stream header). */
        private long untilNextFrame;
        private final byte[] head = new byte[5];
        private int headBytes;

        CutAfter(OutputStream out, int typeCode, boolean streamHeader) {
            super(out);
            this.typeCode = typeCode;
            this.untilNextFrame = streamHeader ? 6 : 0;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.io.ByteArrayOutputStream pass = new java.io.ByteArrayOutputStream(len);
            for (int i = off; i < off + len && !cut; i++) {
                if (untilNextFrame > 0) {
                    untilNextFrame--;
                    pass.write(b[i]);
                    continue;
                }
                head[headBytes++] = b[i]; // a frame's head is held back until it is whole
                if (headBytes == 5) {
                    headBytes = 0;
                    cut = (head[0] & 0xFF) == typeCode;
                    if (!cut) {
                        pass.write(head);
                        untilNextFrame = (ByteBuffer.wrap(head, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()
                                & 0xFFFF_FFFFL) + 4;
                    }
                }
            }
            out.write(pass.toByteArray());
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    @Test
    void whenRunningIsLostTheSourceAsksTheTargetAndReleasesOnlyIfItRuns() throws Exception {
        Partitions.Host host = new Partitions.Host();
        try (Partitions.Running source = Partitions.started();
             Link link = new Link(host, 5000, o -> new CutAfter(o, 12 /* RUNNING */, false))) {
            MigrationReport report = link.migrate(outgoing(source, p -> { }, id -> host.committed
                    ? OutgoingMigration.Ownership.TARGET_RUNS : OutgoingMigration.Ownership.UNDECIDED), o -> o);
            assertThat(report.outcome()).as(report.message()).isEqualTo(MigrationReport.COMPLETED);
            assertThat(report.message()).contains("confirmation lost");
            assertThat(host.committed).isTrue();
            assertThat(source.machine().save()).isNotNull(); // still paused: never two running copies
            Partitions.Running target = host.built;
            long before = source.heartbeats().getLast();
            assertThat(target.awaitHeartbeats(2, WAIT)).isGreaterThan(before);
            Thread.sleep(300);
            assertThat(source.heartbeats().getLast()).as("the source must stay paused").isEqualTo(before);
            target.close();
        }
    }

    @Test
    void whenCommitIsLostTheTargetDiscardsAndTheSourceResumesOnlyAfterHearingSo() throws Exception {
        Partitions.Host host = new Partitions.Host();
        try (Partitions.Running source = Partitions.started(); Link link = new Link(host, 1500, o -> o)) {
            MigrationReport report = link.migrate(outgoing(source, p -> { }, id -> host.discarded != null
                    ? OutgoingMigration.Ownership.TARGET_DISCARDED : OutgoingMigration.Ownership.UNDECIDED),
                    o -> new CutAfter(o, 11 /* COMMIT */, true));
            assertThat(report.outcome()).as(report.message()).isEqualTo(MigrationReport.FAILED);
            assertThat(report.message()).contains("discarded");
            assertThat(host.committed).isFalse();
            long before = source.heartbeats().getLast();
            assertThat(source.awaitHeartbeats(2, WAIT)).isGreaterThan(before);
        }
    }

    @Test
    void aGuestThatDirtiesFasterThanTheLinkIsThrottledUntilItConverges() throws Exception {
        Partitions.Host host = new Partitions.Host();
        List<Progress> rounds = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Partitions.Running source = Partitions.started(dev.lpm.machine.TestGuests.sweeper());
             Link link = new Link(host, 10_000, o -> o)) {
            // 32 MiB/s with a 50 ms budget: at most ~1.6 MiB may remain, while the sweeper at full speed
            // dirties its whole 32 MiB faster than a round carries it
            OutgoingMigration m = new OutgoingMigration(source.machine(), Partitions.hello(Hello.Mode.LIVE),
                    MigrationOptions.defaults().withDowntime(Duration.ofMillis(50)).withMaxBandwidth(32L << 20)
                            .withPeerTimeout(Duration.ofSeconds(10)), rounds::add,
                    id -> OutgoingMigration.Ownership.UNDECIDED);
            MigrationReport report = link.migrate(m, o -> o);
            assertThat(report.outcome()).as(report.message()).isEqualTo(MigrationReport.COMPLETED);
            assertThat(report.throttlePercent()).isGreaterThanOrEqualTo(50);
            assertThat(rounds.stream().mapToInt(Progress::throttlePercent).max().orElse(0)).isEqualTo(report.throttlePercent());
            Partitions.Running target = host.built;
            long before = source.heartbeats().getLast();
            assertThat(target.awaitHeartbeats(1, WAIT)).isGreaterThan(before);
            assertThat(target.machine().throttlePercent()).as("the target runs at full speed").isZero();
            assertThat(target.sawLostWrite()).isFalse();
            target.close();
        }
    }

    @Test
    void aThrottledPartitionIsReleasedAtFullSpeedAfterARollback() throws Exception {
        try (Partitions.Running source = Partitions.started()) {
            source.machine().setThrottle(90);
            assertThat(source.machine().throttlePercent()).isEqualTo(90);
            long before = source.heartbeats().getLast();
            assertThat(source.awaitHeartbeats(1, WAIT)).isGreaterThan(before); // throttled, not stopped
            Partitions.Host host = new Partitions.Host();
            host.refuse = "no";
            try (Link link = new Link(host, 5000, o -> o)) {
                link.migrate(outgoing(source, p -> { }, id -> OutgoingMigration.Ownership.UNDECIDED), o -> o);
            }
            assertThat(source.machine().throttlePercent()).isZero();
        }
    }
}
