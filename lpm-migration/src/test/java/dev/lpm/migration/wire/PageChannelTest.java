package dev.lpm.migration.wire;

import dev.lpm.memory.Ram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pages over a real connection: the sender's off-heap frames and gathering writes, the receiver's
 * scattering reads straight into guest memory, and what a hostile or silent peer gets.
 */
class PageChannelTest {
    private static final long BASE = 0x8000_0000L;
    private static final int PAGE = Pages.PAGE_SIZE;

    /** A connected pair over loopback, each end wrapped with a timeout. */
    private record Pair(TimedSocketChannel a, TimedSocketChannel b) implements AutoCloseable {
        static Pair open(Duration timeout) throws IOException {
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                return new Pair(new TimedSocketChannel(client, timeout), new TimedSocketChannel(server.accept(), timeout));
            }
        }

        @Override
        public void close() throws IOException {
            a.close();
            b.close();
        }
    }

    @Test
    void pagesCrossASocketIntoGuestMemoryAndZeroRunsClearWhatWasWritten() throws Exception {
        Random random = new Random(3);
        try (Ram source = new Ram(BASE, 16L << 20); Ram target = new Ram(BASE, 16L << 20);
             Pair link = Pair.open(Duration.ofSeconds(10))) {
            byte[] page = new byte[PAGE];
            for (int p = 0; p < 4096; p += 1 + random.nextInt(7)) { // scattered data pages, some left zero
                random.nextBytes(page);
                source.write(BASE + (long) p * PAGE, page, 0, PAGE);
            }
            source.write(BASE + 4000L * PAGE, page, 0, PAGE); // sent with data, then again once it is zero
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
                try {
                    FrameReader in = new FrameReader(link.b());
                    in.readHeader();
                    Pages.Receiver pages = new Pages.Receiver(target);
                    while (true) {
                        Frame f = in.read(pages);
                        if (f.type() == FrameType.ZERO_PAGES) {
                            pages.zeroPages(f);
                        } else {
                            assertThat(f.type()).isEqualTo(FrameType.COMPLETE);
                            return pages.pagesReceived();
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            FrameWriter out = new FrameWriter(link.a());
            out.writeHeader();
            Pages.Counters counters = new Pages.Counters();
            Pages.Sender sender = new Pages.Sender(source, out, counters, n -> { });
            for (long p = 0; p < 4096; p++) {
                sender.page(p);
            }
            sender.flush();
            source.write(BASE + 4000L * PAGE, new byte[PAGE], 0, PAGE); // a later round: the page is zero now
            sender.page(4000);
            sender.flush();
            out.write(FrameType.COMPLETE, new byte[16]);
            out.flush();
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(counters.pagesSent);
            assertThat(counters.pagesSent + counters.zeroPages).isEqualTo(4097);
            byte[] a = new byte[PAGE];
            byte[] b = new byte[PAGE];
            for (long p = 0; p < 4096; p++) {
                source.read(BASE + p * PAGE, a, 0, PAGE);
                target.read(BASE + p * PAGE, b, 0, PAGE);
                assertThat(b).as("page " + p).isEqualTo(a);
                if (!java.util.Arrays.equals(a, new byte[PAGE])) {
                    assertThat(target.dirtyBitmap().everWritten(p)).as("page " + p + " marked written").isTrue();
                }
            }
        }
    }

    /** A PAGES frame with a good checksum whose second index lies outside memory. */
    private static byte[] pagesFrame(int... indices) throws IOException {
        ByteBuffer payload = ByteBuffer.allocate(8 + indices.length * (4 + PAGE)).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(indices.length).putInt(0);
        for (int index : indices) {
            payload.putInt(index);
        }
        for (int i = 0; i < indices.length; i++) {
            byte[] bytes = new byte[PAGE];
            java.util.Arrays.fill(bytes, (byte) 0x5A);
            payload.put(bytes);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        FrameWriter w = new FrameWriter(b);
        w.writeHeader();
        w.write(FrameType.PAGES, payload.array());
        w.flush();
        return b.toByteArray();
    }

    @Test
    void aBadIndexIsRefusedBeforeAnyPageOfItsFrameIsWritten() throws Exception {
        try (Ram target = new Ram(BASE, 16L << 20)) {
            FrameReader in = new FrameReader(new java.io.ByteArrayInputStream(pagesFrame(5, 4096)));
            in.readHeader();
            assertThatThrownBy(() -> in.read(new Pages.Receiver(target))).isInstanceOf(StreamFormatException.class)
                    .hasMessageContaining("page 4096 outside the partition's 4096 pages");
            assertThat(target.dirtyBitmap().everWritten(5)).isFalse();
            assertThat(target.load(BASE + 5L * PAGE, 3)).isZero();
        }
    }

    @Test
    void aCountThatDisagreesWithTheLengthOrAFlippedByteIsRefused() throws Exception {
        try (Ram target = new Ram(BASE, 16L << 20)) {
            byte[] frame = pagesFrame(1, 2);
            frame[6 + 5] = 3; // the count: 3 pages in a frame sized for 2
            FrameReader in = new FrameReader(new java.io.ByteArrayInputStream(frame));
            in.readHeader();
            assertThatThrownBy(() -> in.read(new Pages.Receiver(target))).hasMessageContaining("3 pages do not match");
            frame = pagesFrame(1, 2);
            frame[frame.length - 100] ^= 1; // inside the second page's bytes
            FrameReader in2 = new FrameReader(new java.io.ByteArrayInputStream(frame));
            in2.readHeader();
            assertThatThrownBy(() -> in2.read(new Pages.Receiver(target))).hasMessageContaining("checksum mismatch");
            FrameReader cut = new FrameReader(new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(frame, 3000)));
            cut.readHeader();
            assertThatThrownBy(() -> cut.read(new Pages.Receiver(target))).hasMessageContaining("truncated");
        }
    }

    @Test
    void aPeerThatSendsNothingTimesOutInsteadOfHangingTheReader() throws Exception {
        try (Pair link = Pair.open(Duration.ofMillis(300))) {
            FrameReader in = new FrameReader(link.b());
            long start = System.nanoTime();
            assertThatThrownBy(in::readHeader).isInstanceOf(SocketTimeoutException.class);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(250_000_000L);
        }
    }

    @Test
    void aPeerThatStopsReadingTimesOutTheWriter() throws Exception {
        try (Pair link = Pair.open(Duration.ofMillis(300))) {
            FrameWriter out = new FrameWriter(link.a());
            ByteBuffer big = ByteBuffer.allocateDirect(FrameType.PAGES.maxPayload());
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) { // far more than both sockets' buffers hold
                    out.write(FrameType.PAGES, big.duplicate());
                }
            }).isInstanceOf(SocketTimeoutException.class);
        }
    }
}
