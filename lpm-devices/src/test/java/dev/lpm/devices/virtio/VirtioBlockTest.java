package dev.lpm.devices.virtio;

import dev.lpm.devices.Waits;
import dev.lpm.devices.virtio.GuestDriver.Buf;
import dev.lpm.devices.virtio.GuestDriver.TestQueue;
import dev.lpm.memory.Ram;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.lpm.devices.virtio.GuestDriver.RAM_BASE;
import static dev.lpm.devices.virtio.GuestDriver.RAM_SIZE;
import static dev.lpm.devices.virtio.VirtioBlock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtioBlockTest {

    static final int SECTORS = 64;
    static final long NO_EVENT_IDX = Virtio.bit(Virtio.F_RING_EVENT_IDX);

    @TempDir
    Path dir;
    Path image;
    byte[] disk;

    @BeforeEach
    void createImage() throws IOException {
        disk = new byte[SECTORS * SECTOR_SIZE];
        for (int i = 0; i < disk.length; i++) {
            disk[i] = (byte) (i * 31 + i / SECTOR_SIZE);
        }
        image = dir.resolve("disk.img");
        Files.write(image, disk);
    }

    /** Posts header + data + status and notifies; returns the status byte's address. */
    static long request(TestQueue q, int type, long sector, Buf... data) {
        GuestDriver d = q.d;
        long header = d.alloc(16);
        d.ram.store(header, type, 2);
        d.ram.store(header + 8, sector, 3);
        long status = d.alloc(1);
        d.ram.store(status, 0xFF, 0);
        Buf[] bufs = new Buf[data.length + 2];
        bufs[0] = Buf.readable(header, 16);
        System.arraycopy(data, 0, bufs, 1, data.length);
        bufs[bufs.length - 1] = Buf.writable(status, 1);
        q.post(bufs);
        q.kick();
        return status;
    }

    static int status(GuestDriver d, long address) {
        return (int) d.ram.load(address, 0);
    }

    @Test
    void offersFlushSegMaxAndBlockSizeAndReportsCapacity() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend))) {
            long f = d.offeredFeatures();
            assertThat(d.read(VirtioMmio.DEVICE_ID)).isEqualTo(2);
            assertThat(Virtio.has(f, F_FLUSH)).isTrue();
            assertThat(Virtio.has(f, F_SEG_MAX)).isTrue();
            assertThat(Virtio.has(f, F_BLK_SIZE)).isTrue();
            assertThat(Virtio.has(f, F_RO)).isFalse();
            assertThat(d.dev.load(VirtioMmio.CONFIG, 2) | d.dev.load(VirtioMmio.CONFIG + 4, 2) << 32).isEqualTo(SECTORS);
        }
    }

    @Test
    void readFillsTheBuffersAndMarksExactlyTheirPagesDirty() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend))) {
            TestQueue q = d.start(0, 16).get(0);
            long area = d.alloc(3 * GuestDriver.PAGE);
            long first = area + GuestDriver.PAGE - 512; // 1 KiB straddling a page boundary
            long second = area + 2 * GuestDriver.PAGE + 1024; // 2 KiB inside the third page
            long header = d.alloc(16);
            long status = d.alloc(1);
            d.ram.store(header, T_IN, 2);
            d.ram.store(header + 8, 5, 3);
            q.post(Buf.readable(header, 16), Buf.writable(first, 1024), Buf.writable(second, 2048), Buf.writable(status, 1));
            d.dirtyPages(); // forget the driver's own writes

            q.kick();

            assertThat(status(d, status)).isEqualTo(S_OK);
            assertThat(q.usedIdx()).isEqualTo(1);
            assertThat(q.usedLen(0)).isEqualTo(1024 + 2048 + 1);
            assertThat(d.irq.level()).isTrue();
            byte[] expected = Arrays.copyOfRange(disk, 5 * 512, 5 * 512 + 3072);
            byte[] got = new byte[3072];
            d.ram.read(first, got, 0, 1024);
            d.ram.read(second, got, 1024, 2048);
            assertThat(got).isEqualTo(expected);
            TreeSet<Long> pages = new TreeSet<>();
            pages.addAll(GuestDriver.pagesOf(first, 1024));
            pages.addAll(GuestDriver.pagesOf(second, 2048));
            pages.addAll(GuestDriver.pagesOf(status, 1));
            pages.addAll(GuestDriver.pagesOf(q.used, 6 + 8L * 16));
            assertThat(pages).hasSize(5);
            assertThat(d.dirtyPages()).isEqualTo(pages);
        }
    }

    @Test
    void writeReachesTheFileAndDirtiesOnlyStatusAndUsedRing() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend))) {
            TestQueue q = d.start(0, 16).get(0);
            long data = d.alloc(1024);
            byte[] payload = new byte[1024];
            Arrays.fill(payload, 0, 512, (byte) 0xAB);
            Arrays.fill(payload, 512, 1024, (byte) 0xCD);
            d.ram.write(data, payload);
            long header = d.alloc(16);
            long status = d.alloc(1);
            d.ram.store(header, T_OUT, 2);
            d.ram.store(header + 8, SECTORS - 2, 3);
            // The data is split unevenly across descriptors, and the header with it (any layout).
            q.post(Buf.readable(header, 10), Buf.readable(header + 10, 6), Buf.readable(data, 100),
                    Buf.readable(data + 100, 924), Buf.writable(status, 1));
            d.dirtyPages();
            q.kick();
            assertThat(status(d, status)).isEqualTo(S_OK);
            assertThat(q.usedLen(0)).isEqualTo(1);
            assertThat(d.dirtyPages()).containsExactlyElementsOf(concat(GuestDriver.pagesOf(status, 1),
                    GuestDriver.pagesOf(q.used, 8)));
            byte[] file = Files.readAllBytes(image);
            assertThat(Arrays.copyOfRange(file, (SECTORS - 2) * 512, SECTORS * 512)).isEqualTo(payload);
            assertThat(Arrays.copyOf(file, (SECTORS - 2) * 512)).isEqualTo(Arrays.copyOf(disk, (SECTORS - 2) * 512));

            long readBack = d.alloc(1024);
            long st = request(q, T_IN, SECTORS - 2, Buf.writable(readBack, 1024));
            assertThat(status(d, st)).isEqualTo(S_OK);
            assertThat(d.bytes(readBack, 1024)).isEqualTo(payload);
        }
    }

    private static TreeSet<Long> concat(TreeSet<Long> a, TreeSet<Long> b) {
        TreeSet<Long> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void flushAndGetIdAndUnsupportedTypes() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend, "lpm-disk-0", RequestExecutor.DIRECT))) {
            TestQueue q = d.start(0, 16).get(0);
            assertThat(status(d, request(q, T_FLUSH, 0))).isEqualTo(S_OK);
            long id = d.alloc(20);
            d.ram.write(id, new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
            assertThat(status(d, request(q, T_GET_ID, 0, Buf.writable(id, 20)))).isEqualTo(S_OK);
            assertThat(d.bytes(id, 20)).isEqualTo(Arrays.copyOf("lpm-disk-0".getBytes(StandardCharsets.US_ASCII), 20));
            long shortId = d.alloc(4);
            assertThat(status(d, request(q, T_GET_ID, 0, Buf.writable(shortId, 4)))).isEqualTo(S_OK);
            assertThat(d.bytes(shortId, 4)).isEqualTo("lpm-".getBytes(StandardCharsets.US_ASCII));
            long buf = d.alloc(512);
            assertThat(status(d, request(q, T_DISCARD, 0, Buf.readable(buf, 16)))).isEqualTo(S_UNSUPP);
            assertThat(status(d, request(q, T_WRITE_ZEROES, 0, Buf.readable(buf, 16)))).isEqualTo(S_UNSUPP);
            assertThat(status(d, request(q, 0x7777, 0))).isEqualTo(S_UNSUPP);
            assertThat(status(d, request(q, T_IN | 0x8000_0000, 0, Buf.writable(buf, 512)))).isEqualTo(S_OK);
            assertThat(q.usedIdx()).isEqualTo(7);
            assertThat(d.needsReset()).isFalse();
        }
        assertThatThrownBy(() -> new VirtioBlock(new FileBlockBackend(image, true), "123456789012345678901",
                RequestExecutor.DIRECT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readOnlyDiskOffersRoAndFailsWritesWithIoerr() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, true);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend))) {
            assertThat(Virtio.has(d.offeredFeatures(), F_RO)).isTrue();
            TestQueue q = d.start(0, 16).get(0);
            long data = d.alloc(512);
            d.ram.write(data, new byte[512]);
            assertThat(status(d, request(q, T_OUT, 0, Buf.readable(data, 512)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_IN, 1, Buf.writable(data, 512)))).isEqualTo(S_OK);
            assertThat(d.bytes(data, 512)).isEqualTo(Arrays.copyOfRange(disk, 512, 1024));
            assertThat(status(d, request(q, T_FLUSH, 0))).isEqualTo(S_OK);
            assertThat(Files.readAllBytes(image)).isEqualTo(disk);
        }
    }

    @Test
    void requestsOutsideTheDiskOrNotInWholeSectorsAreIoerr() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend))) {
            TestQueue q = d.start(0, 32).get(0);
            long buf = d.alloc(1024);
            d.ram.write(buf, new byte[1024]);
            assertThat(status(d, request(q, T_IN, SECTORS - 1, Buf.writable(buf, 1024)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_IN, SECTORS, Buf.writable(buf, 512)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_IN, SECTORS))).isEqualTo(S_OK); // empty read at the end
            assertThat(status(d, request(q, T_IN, SECTORS + 1))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_IN, -1L, Buf.writable(buf, 512)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_IN, Long.MAX_VALUE >>> 8, Buf.writable(buf, 512)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_IN, 0, Buf.writable(buf, 100)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_OUT, SECTORS - 1, Buf.readable(buf, 1024)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_OUT, 0, Buf.readable(buf, 513)))).isEqualTo(S_IOERR);
            assertThat(d.needsReset()).isFalse();
            assertThat(Files.readAllBytes(image)).isEqualTo(disk);
        }
    }

    @Test
    void backendFailuresBecomeIoerr() {
        BlockBackend failing = new BlockBackend() {
            @Override
            public long size() {
                return SECTORS * SECTOR_SIZE;
            }

            @Override
            public boolean readOnly() {
                return false;
            }

            @Override
            public void read(long position, ByteBuffer destination) throws IOException {
                throw new IOException("media error");
            }

            @Override
            public void write(long position, ByteBuffer source) {
                throw new IllegalStateException("backend bug");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("flush failed");
            }

            @Override
            public void close() {
            }
        };
        try (GuestDriver d = new GuestDriver(new VirtioBlock(failing))) {
            TestQueue q = d.start(0, 16).get(0);
            long buf = d.alloc(512);
            assertThat(status(d, request(q, T_IN, 0, Buf.writable(buf, 512)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_OUT, 0, Buf.readable(buf, 512)))).isEqualTo(S_IOERR);
            assertThat(status(d, request(q, T_FLUSH, 0))).isEqualTo(S_IOERR);
            assertThat(d.needsReset()).isFalse();
            assertThat(q.usedIdx()).isEqualTo(3);
        }
    }

    @Test
    void requestsWithoutHeaderOrStatusNeedReset() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend))) {
            TestQueue q = d.start(0, 16).get(0);
            long buf = d.alloc(512);
            q.post(Buf.readable(buf, 8), Buf.writable(buf + 64, 1));
            q.kick();
            assertThat(d.needsReset()).isTrue();
            assertThat(d.irq.level()).isTrue();
            assertThat(q.usedIdx()).isZero();

            q = d.start(0, 16).get(0);
            q.post(Buf.readable(buf, 16));
            q.kick();
            assertThat(d.needsReset()).isTrue();
            assertThat(d.dev.inFlight()).isZero();
        }
    }

    @Test
    void migrationMidStreamContinuesOnAFreshDeviceWithCopiedMemory() throws IOException {
        try (FileBlockBackend source = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(source))) {
            TestQueue q = d.start(NO_EVENT_IDX, 8).get(0);
            long buf = d.alloc(4096);
            for (int i = 0; i < 3; i++) { // 3 requests, wrapping nothing yet
                assertThat(status(d, request(q, T_IN, i, Buf.writable(buf + 512L * i, 512)))).isEqualTo(S_OK);
            }
            d.dev.quiesce();
            // The guest keeps running: it queues a write and a read and notifies; nothing is served.
            long payload = d.alloc(512);
            byte[] bytes = new byte[512];
            Arrays.fill(bytes, (byte) 0x5A);
            d.ram.write(payload, bytes);
            long writeStatus = request(q, T_OUT, 9, Buf.readable(payload, 512));
            long readBack = d.alloc(512);
            long readStatus = request(q, T_IN, 9, Buf.writable(readBack, 512));
            assertThat(q.usedIdx()).isEqualTo(3);
            VirtioMmioState state = d.dev.save();
            assertThat(state.queues().get(0).lastAvailIdx()).isEqualTo(3);
            assertThat(state.interruptStatus()).isEqualTo(1);

            // Destination: memory copied page by page, a new device on the same disk.
            Ram copy = new Ram(RAM_BASE, RAM_SIZE);
            byte[] chunk = new byte[1 << 20];
            for (long a = RAM_BASE; a < RAM_BASE + RAM_SIZE; a += chunk.length) {
                d.ram.read(a, chunk, 0, chunk.length);
                copy.write(a, chunk);
            }
            try (FileBlockBackend target = new FileBlockBackend(image, false);
                 GuestDriver d2 = new GuestDriver(new VirtioBlock(target), copy)) {
                d2.next = d.next;
                d2.dev.restore(state);
                d2.dev.resyncInterrupts();
                assertThat(d2.irq.level()).isTrue();
                assertThat(d2.dev.save()).isEqualTo(state);
                d2.acknowledge();
                d2.dev.resume(); // serves what the guest queued while the source was paused
                TestQueue q2 = new TestQueue(d2, 0, 8, q.desc, q.avail, q.used);
                q2.nextDesc = q.nextDesc;
                q2.availIdx = q.availIdx;
                assertThat(q2.usedIdx()).isEqualTo(5);
                assertThat(q2.usedId(3)).isEqualTo(3 * 3 % 8);
                assertThat(status(d2, writeStatus)).isEqualTo(S_OK);
                assertThat(status(d2, readStatus)).isEqualTo(S_OK);
                assertThat(d2.bytes(readBack, 512)).isEqualTo(bytes);
                assertThat(d2.irq.level()).isTrue();
                // And the guest goes on past the ring's wrap.
                for (int i = 0; i < 6; i++) {
                    assertThat(status(d2, request(q2, T_IN, 9, Buf.writable(buf, 512)))).isEqualTo(S_OK);
                }
                assertThat(q2.usedIdx()).isEqualTo(11);
                // The source never touched its memory after quiescing.
                assertThat(q.usedIdx()).isEqualTo(3);
                assertThat(status(d, writeStatus)).isEqualTo(0xFF);
            }
        }
    }

    @Test
    void restoreRefusesADifferentDisk() throws IOException {
        try (FileBlockBackend backend = new FileBlockBackend(image, false);
             GuestDriver d = new GuestDriver(new VirtioBlock(backend))) {
            d.start(0, 8);
            VirtioMmioState state = d.dev.save();
            assertThat(state.device()).isEqualTo(new VirtioBlockState(SECTORS, false));
            try (FileBlockBackend readOnly = new FileBlockBackend(image, true);
                 GuestDriver ro = new GuestDriver(new VirtioBlock(readOnly), new Ram(RAM_BASE, RAM_SIZE))) {
                assertThatThrownBy(() -> ro.dev.restore(state)).isInstanceOf(IllegalArgumentException.class);
            }
            Path small = dir.resolve("small.img");
            Files.write(small, new byte[8 * 512]);
            try (FileBlockBackend other = new FileBlockBackend(small, false);
                 GuestDriver smaller = new GuestDriver(new VirtioBlock(other), new Ram(RAM_BASE, RAM_SIZE))) {
                assertThatThrownBy(() -> smaller.dev.restore(state)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("sectors");
                assertThat(smaller.dev.save().status()).isZero();
            }
        }
    }

    @Test
    void quiesceWaitsForARequestOnAnIoThreadAndResumeServesWhatArrivedMeanwhile() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService io = Executors.newSingleThreadExecutor();
        ExecutorService pauser = Executors.newSingleThreadExecutor();
        try (FileBlockBackend file = new FileBlockBackend(image, false)) {
            BlockBackend slow = new BlockBackend() {
                @Override
                public long size() {
                    return file.size();
                }

                @Override
                public boolean readOnly() {
                    return false;
                }

                @Override
                public void read(long position, ByteBuffer destination) throws IOException {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    file.read(position, destination);
                }

                @Override
                public void write(long position, ByteBuffer source) throws IOException {
                    file.write(position, source);
                }

                @Override
                public void flush() throws IOException {
                    file.flush();
                }

                @Override
                public void close() {
                }
            };
            try (GuestDriver d = new GuestDriver(new VirtioBlock(slow, "", io::execute))) {
                TestQueue q = d.start(0, 8).get(0);
                long buf = d.alloc(1024);
                long first = request(q, T_IN, 2, Buf.writable(buf, 512)); // returns at once
                assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(d.dev.inFlight()).isEqualTo(1);
                assertThatThrownBy(d.dev::save).isInstanceOf(IllegalStateException.class);

                Future<?> pause = pauser.submit(d.dev::quiesce);
                assertThatThrownBy(() -> pause.get(100, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
                long second = request(q, T_FLUSH, 0); // the hart is not blocked; the request waits
                release.countDown();
                pause.get(5, TimeUnit.SECONDS);

                assertThat(d.dev.inFlight()).isZero();
                assertThat(status(d, first)).isEqualTo(S_OK);
                assertThat(d.bytes(buf, 512)).isEqualTo(Arrays.copyOfRange(disk, 1024, 1536));
                VirtioMmioState state = d.dev.save();
                assertThat(state.queues().get(0).lastAvailIdx()).isEqualTo(1);
                assertThat(state.queues().get(0).usedIdx()).isEqualTo(1);

                d.dev.resume();
                assertThat(Waits.await(() -> q.usedIdx() == 2, Duration.ofSeconds(5))).isTrue();
                assertThat(status(d, second)).isEqualTo(S_OK);
                assertThat(d.irq.level()).isTrue();
            }
        } finally {
            release.countDown();
            io.shutdownNow();
            pauser.shutdownNow();
        }
    }

    @Test
    void resetWaitsForTheRequestInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService io = Executors.newSingleThreadExecutor();
        ExecutorService hart = Executors.newSingleThreadExecutor();
        try (FileBlockBackend file = new FileBlockBackend(image, false)) {
            RequestExecutor delayed = task -> io.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            });
            try (GuestDriver d = new GuestDriver(new VirtioBlock(file, "", delayed))) {
                TestQueue q = d.start(0, 8).get(0);
                long status = request(q, T_FLUSH, 0);
                Future<?> reset = hart.submit(() -> d.write(VirtioMmio.STATUS, 0));
                assertThatThrownBy(() -> reset.get(100, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
                release.countDown();
                reset.get(5, TimeUnit.SECONDS);
                assertThat(status(d, status)).isEqualTo(S_OK);
                assertThat(d.status()).isZero();
                assertThat(d.dev.inFlight()).isZero();
            }
        } finally {
            release.countDown();
            io.shutdownNow();
            hart.shutdownNow();
        }
    }
}
