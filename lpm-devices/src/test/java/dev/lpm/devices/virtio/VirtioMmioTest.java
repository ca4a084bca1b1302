package dev.lpm.devices.virtio;

import dev.lpm.devices.virtio.GuestDriver.Buf;
import dev.lpm.devices.virtio.GuestDriver.TestQueue;
import dev.lpm.devices.uart.BufferSerial;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static dev.lpm.devices.virtio.GuestDriver.RAM_BASE;
import static dev.lpm.devices.virtio.GuestDriver.RAM_SIZE;
import static dev.lpm.devices.virtio.VirtioMmio.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class VirtioMmioTest {

    static final long INDIRECT = Virtio.bit(Virtio.F_RING_INDIRECT_DESC);
    static final long EVENT_IDX = Virtio.bit(Virtio.F_RING_EVENT_IDX);

    static GuestDriver rng() {
        return new GuestDriver(new VirtioRng(new Random(1)));
    }

    @Nested
    class Registers {

        @Test
        void identificationMatchesQemuModernMmio() {
            try (GuestDriver d = rng()) {
                assertThat(d.read(MAGIC_VALUE)).isEqualTo(0x74726976);
                assertThat(d.read(VERSION_REG)).isEqualTo(2);
                assertThat(d.read(DEVICE_ID)).isEqualTo(4);
                assertThat(d.read(VENDOR_ID_REG)).isEqualTo(0x554D4551);
                assertThat(d.read(QUEUE_NUM_MAX)).isEqualTo(1024);
                assertThat(d.read(QUEUE_READY)).isZero();
                assertThat(d.read(STATUS)).isZero();
                assertThat(d.read(INTERRUPT_STATUS)).isZero();
                assertThat(d.read(CONFIG_GENERATION)).isZero();
                assertThat(d.read(SHM_LEN_LOW)).isEqualTo(-1);
                assertThat(d.read(SHM_LEN_HIGH)).isEqualTo(-1);
                assertThat(d.read(SHM_BASE_LOW)).isZero();
                assertThat(d.read(QUEUE_RESET)).isZero();
                assertThat(d.dev.length()).isEqualTo(0x1000);
                assertThat(d.dev.supportedSizes()).isEqualTo(0b0111);
                assertThat(d.irq.level()).isFalse();
            }
        }

        @Test
        void queueRegistersOfMissingQueuesReadZero() {
            try (GuestDriver d = rng()) {
                d.write(QUEUE_SEL, 1);
                assertThat(d.read(QUEUE_NUM_MAX)).isZero();
                d.write(QUEUE_READY, 1);
                assertThat(d.read(QUEUE_READY)).isZero();
                d.write(QUEUE_SEL, 5000); // beyond QEMU's VIRTIO_QUEUE_MAX: ignored
                assertThat(d.dev.save().queueSel()).isEqualTo(1);
            }
        }

        @Test
        void deviceFeaturesAreSelectedBy32BitWindow() {
            try (GuestDriver d = new GuestDriver(new VirtioConsole(new BufferSerial()))) {
                d.write(DEVICE_FEATURES_SEL, 0);
                assertThat(d.read(DEVICE_FEATURES)).isEqualTo((1 << VirtioConsole.F_EMERG_WRITE) | (1 << 28) | (1 << 29));
                d.write(DEVICE_FEATURES_SEL, 1);
                assertThat(d.read(DEVICE_FEATURES)).isEqualTo(1); // VIRTIO_F_VERSION_1
                d.write(DEVICE_FEATURES_SEL, 2);
                assertThat(d.read(DEVICE_FEATURES)).isZero();
            }
        }

        @Test
        void writeOnlyRegistersReadZeroAndReadOnlyOnesIgnoreWrites() {
            try (GuestDriver d = rng()) {
                d.write(QUEUE_DESC_LOW, 0x8000_1000L);
                assertThat(d.read(QUEUE_DESC_LOW)).isZero();
                assertThat(d.read(QUEUE_NOTIFY)).isZero();
                d.write(MAGIC_VALUE, 0);
                d.write(INTERRUPT_STATUS, 3);
                d.write(CONFIG_GENERATION, 7);
                assertThat(d.read(MAGIC_VALUE)).isEqualTo(MAGIC);
                assertThat(d.read(INTERRUPT_STATUS)).isZero();
                assertThat(d.read(CONFIG_GENERATION)).isZero();
                assertThat(d.read(0x0f0)).isZero();
            }
        }

        @Test
        void registerAccessesThatAreNotWordsAreIgnored() {
            try (GuestDriver d = rng()) {
                assertThat(d.dev.load(MAGIC_VALUE, 0)).isZero();
                assertThat(d.dev.load(MAGIC_VALUE, 1)).isZero();
                d.dev.store(STATUS, Virtio.STATUS_ACKNOWLEDGE, 0);
                d.dev.store(STATUS, Virtio.STATUS_ACKNOWLEDGE, 1);
                assertThat(d.status()).isZero();
            }
        }

        @Test
        void configSpaceReadsByteHalfAndWordAndAllOnesPastTheEnd(@TempDir Path dir) throws IOException {
            Path image = dir.resolve("disk.img");
            Files.write(image, new byte[0x1234 * 512]);
            try (FileBlockBackend disk = new FileBlockBackend(image, false);
                 GuestDriver d = new GuestDriver(new VirtioBlock(disk))) {
                assertThat(d.dev.load(CONFIG, 2)).isEqualTo(0x1234);
                assertThat(d.dev.load(CONFIG + 4, 2)).isZero();
                assertThat(d.dev.load(CONFIG, 1)).isEqualTo(0x1234);
                assertThat(d.dev.load(CONFIG + 1, 0)).isEqualTo(0x12);
                assertThat(d.dev.load(CONFIG + 12, 2)).isEqualTo(VirtioBlock.SEG_MAX);
                assertThat(d.dev.load(CONFIG + 20, 2)).isEqualTo(512);
                assertThat(d.dev.load(CONFIG + 34, 1)).isEqualTo(1);
                assertThat(d.dev.load(CONFIG + 36, 2)).isEqualTo(0xFFFF_FFFFL);
                assertThat(d.dev.load(CONFIG + 35, 1)).isEqualTo(0xFFFF);
                assertThat(d.dev.load(0xFFC, 2)).isEqualTo(0xFFFF_FFFFL);
                d.dev.store(CONFIG, 0, 2); // read-only
                assertThat(d.dev.load(CONFIG, 2)).isEqualTo(0x1234);
            }
        }

        @Test
        void configGenerationCountsConfigurationChanges() {
            StubDevice stub = new StubDevice();
            try (GuestDriver d = new GuestDriver(stub)) {
                stub.context.configChanged();
                assertThat(d.read(CONFIG_GENERATION)).isEqualTo(1);
                assertThat(d.irq.level()).isFalse(); // before DRIVER_OK no notification
                d.start(0, 8);
                stub.context.configChanged();
                assertThat(d.read(CONFIG_GENERATION)).isEqualTo(2);
                assertThat(d.read(INTERRUPT_STATUS)).isEqualTo(Virtio.INTERRUPT_CONFIG_CHANGE);
                assertThat(d.irq.level()).isTrue();
            }
        }
    }

    @Nested
    class Negotiation {

        @Test
        void featuresOkNeedsVersion1() {
            try (GuestDriver d = rng()) {
                assertThat(d.negotiate(INDIRECT)).isFalse();
                assertThat(d.dev.save().negotiatedFeatures()).isZero();
                assertThat(d.negotiate(Virtio.bit(Virtio.F_VERSION_1))).isTrue();
            }
        }

        @Test
        void featuresOkRefusesBitsThatWereNotOffered() {
            try (GuestDriver d = rng()) {
                long offered = d.offeredFeatures();
                assertThat(d.negotiate(offered | Virtio.bit(Virtio.F_RING_PACKED))).isFalse();
                assertThat(d.negotiate(offered)).isTrue();
                assertThat(d.dev.save().negotiatedFeatures()).isEqualTo(offered);
            }
        }

        @Test
        void driverFeaturesAreFrozenOnceFeaturesOkIsSet() {
            try (GuestDriver d = rng()) {
                long v1 = Virtio.bit(Virtio.F_VERSION_1);
                assertThat(d.negotiate(v1)).isTrue();
                d.write(DRIVER_FEATURES_SEL, 0);
                d.write(DRIVER_FEATURES, INDIRECT);
                assertThat(d.dev.save().negotiatedFeatures()).isEqualTo(v1);
            }
        }

        @Test
        void noQueueIsServedWithoutDriverOk() {
            try (GuestDriver d = rng()) {
                assertThat(d.negotiate(d.offeredFeatures())).isTrue();
                TestQueue q = d.queue(0, 8);
                long buf = d.alloc(64);
                q.post(Buf.writable(buf, 64));
                q.kick();
                assertThat(q.usedIdx()).isZero();
                assertThat(d.irq.level()).isFalse();
                // Setting DRIVER_OK serves what the driver queued before (Linux may kick early).
                d.driverOk();
                assertThat(q.usedIdx()).isEqualTo(1);
                assertThat(d.irq.level()).isTrue();
            }
        }

        @Test
        void writingZeroToStatusResetsEverything() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(0, 8).get(0);
                q.post(Buf.writable(d.alloc(16), 16));
                q.kick();
                assertThat(d.irq.level()).isTrue();
                d.write(STATUS, 0);
                assertThat(d.status()).isZero();
                assertThat(d.read(QUEUE_READY)).isZero();
                assertThat(d.read(INTERRUPT_STATUS)).isZero();
                assertThat(d.irq.level()).isFalse();
                VirtqueueState s = d.dev.save().queues().get(0);
                assertThat(s).isEqualTo(new VirtqueueState(1024, false, 0, 0, 0, 0, 0));
                // A fresh start works again from index 0.
                TestQueue again = d.start(0, 8).get(0);
                again.post(Buf.writable(d.alloc(16), 16));
                again.kick();
                assertThat(again.usedIdx()).isEqualTo(1);
            }
        }

        @Test
        void interruptAckClearsOnlyTheAcknowledgedBits() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(0, 8).get(0);
                q.post(Buf.writable(d.alloc(16), 16));
                q.kick();
                assertThat(d.read(INTERRUPT_STATUS)).isEqualTo(1);
                d.write(INTERRUPT_ACK, 2);
                assertThat(d.irq.level()).isTrue();
                assertThat(d.acknowledge()).isEqualTo(1);
                assertThat(d.irq.level()).isFalse();
            }
        }
    }

    @Nested
    class QueueSetup {

        @ParameterizedTest
        @ValueSource(ints = {0, 3, 2048, -1})
        void queueSizesThatAreNotPowersOfTwoUpToTheMaximumNeedReset(int size) {
            try (GuestDriver d = rng()) {
                assertThat(d.negotiate(d.offeredFeatures())).isTrue();
                d.queue(0, 8);
                d.write(QUEUE_READY, 0);
                d.write(QUEUE_NUM, size);
                d.write(QUEUE_READY, 1);
                assertThat(d.read(QUEUE_READY)).isZero();
                assertThat(d.needsReset()).isTrue();
                assertThat(d.irq.level()).isFalse(); // no DRIVER_OK yet: no notification (2.1.2)
                assertThat(d.read(CONFIG_GENERATION)).isEqualTo(1);
            }
        }

        @Test
        void misalignedRingsNeedReset() {
            try (GuestDriver d = rng()) {
                assertThat(d.negotiate(d.offeredFeatures())).isTrue();
                long area = d.alloc(0x3000);
                d.queue(0, 8, area + 8, area + 0x1000, area + 0x2000);
                assertThat(d.needsReset()).isTrue();
                assertThat(d.read(QUEUE_READY)).isZero();
            }
        }

        @Test
        void ringsOutsideRamNeedReset() {
            try (GuestDriver d = rng()) {
                assertThat(d.negotiate(d.offeredFeatures())).isTrue();
                long last = RAM_BASE + RAM_SIZE - 0x40;
                d.queue(0, 8, last, RAM_BASE + 0x1000, RAM_BASE + 0x2000); // table runs past the end of RAM
                assertThat(d.needsReset()).isTrue();
            }
        }

        @Test
        void ringRegistersIgnoreWritesWhileTheQueueIsReady() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(0, 8).get(0);
                d.write(QUEUE_NUM, 4);
                d.write(QUEUE_DESC_LOW, 0);
                d.write(QUEUE_DRIVER_HIGH, 1);
                VirtqueueState s = d.dev.save().queues().get(0);
                assertThat(s.size()).isEqualTo(8);
                assertThat(s.descAddr()).isEqualTo(q.desc);
                assertThat(s.driverAddr()).isEqualTo(q.avail);
            }
        }
    }

    @Nested
    class Rings {

        @Test
        void usedRingCarriesHeadAndLengthAndRaisesTheLine() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(EVENT_IDX, 4).get(0);
                for (int i = 0; i < 10; i++) { // wraps the 4-entry rings
                    long buf = d.alloc(32);
                    int head = q.post(Buf.writable(buf, 32));
                    q.kick();
                    assertThat(q.usedIdx()).isEqualTo(i + 1);
                    assertThat(q.usedId(i)).isEqualTo(head);
                    assertThat(q.usedLen(i)).isEqualTo(32);
                    assertThat(d.irq.level()).isTrue();
                    assertThat(d.acknowledge()).isEqualTo(1);
                }
                assertThat(d.dev.save().queues().get(0).lastAvailIdx()).isEqualTo(10);
            }
        }

        @Test
        void noInterruptFlagSuppressesTheUsedBufferInterrupt() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(EVENT_IDX, 8).get(0);
                q.availFlags(Virtio.VIRTQ_AVAIL_F_NO_INTERRUPT);
                q.post(Buf.writable(d.alloc(8), 8));
                q.kick();
                assertThat(q.usedIdx()).isEqualTo(1);
                assertThat(d.irq.level()).isFalse();
                q.availFlags(0);
                q.post(Buf.writable(d.alloc(8), 8));
                q.kick();
                assertThat(d.irq.level()).isTrue();
            }
        }

        @Test
        void eventIdxFollowsUsedEventAndPublishesAvailEvent() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(0, 8).get(0);
                q.usedEvent(1); // interrupt only once used idx passes 1, i.e. for the second buffer
                q.availFlags(Virtio.VIRTQ_AVAIL_F_NO_INTERRUPT); // ignored with EVENT_IDX
                q.post(Buf.writable(d.alloc(8), 8));
                q.kick();
                assertThat(q.usedIdx()).isEqualTo(1);
                assertThat(d.irq.level()).isFalse();
                assertThat(q.availEvent()).isEqualTo(1);
                q.post(Buf.writable(d.alloc(8), 8));
                q.post(Buf.writable(d.alloc(8), 8));
                q.kick();
                assertThat(q.usedIdx()).isEqualTo(3);
                assertThat(d.irq.level()).isTrue();
                assertThat(q.availEvent()).isEqualTo(3);
            }
        }

        @Test
        void indirectDescriptorsAreFlattened() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(0, 8).get(0);
                long a = d.alloc(100);
                long b = d.alloc(200);
                int head = q.postIndirect(Buf.writable(a, 100), Buf.writable(b, 200));
                q.kick();
                assertThat(q.usedId(0)).isEqualTo(head);
                assertThat(q.usedLen(0)).isEqualTo(300);
                assertThat(d.bytes(b + 150, 50)).isNotEqualTo(new byte[50]);
            }
        }

        @Test
        void directChainMayEndInAnIndirectTable() {
            BufferSerial serial = new BufferSerial();
            try (GuestDriver d = new GuestDriver(new VirtioConsole(serial))) {
                TestQueue tx = d.start(0, 8, 8).get(1);
                long a = d.alloc(4);
                long b = d.alloc(4);
                d.ram.write(a, "ab".getBytes());
                d.ram.write(b, "cd".getBytes());
                long table = d.alloc(16);
                tx.descriptorAt(table, b, 2, 0, 0);
                tx.descriptor(0, a, 2, Virtio.VIRTQ_DESC_F_NEXT, 1);
                tx.descriptor(1, table, 16, Virtio.VIRTQ_DESC_F_INDIRECT, 0);
                tx.publish(0);
                tx.kick();
                assertThat(tx.usedIdx()).isEqualTo(1);
                assertThat(serial.outputText()).isEqualTo("abcd");
            }
        }
    }

    /** A ring mistake and what it does to the queue of an entropy device with 8 entries. */
    static Stream<Arguments> malformedRings() {
        int w = Virtio.VIRTQ_DESC_F_WRITE;
        int n = Virtio.VIRTQ_DESC_F_NEXT;
        int ind = Virtio.VIRTQ_DESC_F_INDIRECT;
        return Stream.of(
                bad("buffer outside RAM", (q, buf) -> q.post(Buf.writable(0x1000, 16))),
                bad("buffer running past the end of RAM", (q, buf) -> q.post(Buf.writable(RAM_BASE + RAM_SIZE - 8, 16))),
                bad("two-descriptor loop", (q, buf) -> {
                    q.descriptor(0, buf, 16, w | n, 1);
                    q.descriptor(1, buf, 16, w | n, 0);
                    q.publish(0);
                }),
                bad("self loop", (q, buf) -> {
                    q.descriptor(3, buf, 16, w | n, 3);
                    q.publish(3);
                }),
                bad("next index out of the table", (q, buf) -> {
                    q.descriptor(0, buf, 16, w | n, 8);
                    q.publish(0);
                }),
                bad("head index out of the table", (q, buf) -> q.publish(8)),
                bad("available index moved by more than the queue size", (q, buf) -> q.d.ram.store(q.avail + 2, 9, 1)),
                bad("readable after writable", (q, buf) -> q.post(Buf.writable(buf, 8), Buf.readable(buf + 8, 8))),
                bad("nested indirect", (q, buf) -> {
                    long inner = q.d.alloc(16);
                    q.descriptorAt(inner, buf, 16, w, 0);
                    long outer = q.d.alloc(16);
                    q.descriptorAt(outer, inner, 16, ind, 0);
                    q.descriptor(0, outer, 16, ind, 0);
                    q.publish(0);
                }),
                bad("indirect with NEXT", (q, buf) -> {
                    long table = q.d.alloc(16);
                    q.descriptorAt(table, buf, 16, w, 0);
                    q.descriptor(0, table, 16, ind | n, 1);
                    q.descriptor(1, buf, 16, w, 0);
                    q.publish(0);
                }),
                bad("indirect table length not a multiple of 16", (q, buf) -> {
                    long table = q.d.alloc(32);
                    q.descriptorAt(table, buf, 16, w, 0);
                    q.descriptor(0, table, 24, ind, 0);
                    q.publish(0);
                }),
                bad("empty indirect table", (q, buf) -> {
                    q.descriptor(0, buf, 0, ind, 0);
                    q.publish(0);
                }),
                bad("indirect table outside RAM", (q, buf) -> {
                    q.descriptor(0, 0x2000_0000L, 64, ind, 0);
                    q.publish(0);
                }),
                bad("loop inside an indirect table", (q, buf) -> {
                    long table = q.d.alloc(32);
                    q.descriptorAt(table, buf, 16, w | n, 1);
                    q.descriptorAt(table + 16, buf, 16, w | n, 0);
                    q.descriptor(0, table, 32, ind, 0);
                    q.publish(0);
                }),
                bad("indirect next out of its table", (q, buf) -> {
                    long table = q.d.alloc(32);
                    q.descriptorAt(table, buf, 16, w | n, 2);
                    q.descriptorAt(table + 16, buf, 16, w, 0);
                    q.descriptor(0, table, 32, ind, 0);
                    q.publish(0);
                }),
                bad("chain of 1025 segments", (q, buf) -> {
                    int count = MAX_CHAIN_SEGMENTS + 1;
                    long table = q.d.alloc(16L * count);
                    for (int i = 0; i < count; i++) {
                        q.descriptorAt(table + 16L * i, buf, 1, w | (i + 1 < count ? n : 0), i + 1);
                    }
                    q.descriptor(0, table, 16L * count, ind, 0);
                    q.publish(0);
                }));
    }

    private static Arguments bad(String name, BiConsumer<TestQueue, Long> setup) {
        return arguments(named(name, setup));
    }

    @ParameterizedTest
    @MethodSource("malformedRings")
    void malformedRingsNeedResetWithoutExceptionAndResetRecovers(BiConsumer<TestQueue, Long> setup) {
        try (GuestDriver d = rng()) {
            TestQueue q = d.start(0, 8).get(0);
            long buf = d.alloc(4096);
            setup.accept(q, buf);
            q.kick();
            assertThat(d.needsReset()).isTrue();
            assertThat(d.read(INTERRUPT_STATUS)).isEqualTo(Virtio.INTERRUPT_CONFIG_CHANGE);
            assertThat(d.irq.level()).isTrue();
            assertThat(d.read(CONFIG_GENERATION)).isEqualTo(1);
            assertThat(q.usedIdx()).isZero();
            assertThat(d.dev.inFlight()).isZero();
            // The device stays broken: further notifications do nothing.
            q.kick();
            assertThat(q.usedIdx()).isZero();
            // Driver writes that keep the bit do not clear it; only a reset does.
            d.write(STATUS, GuestDriver.LIVE);
            assertThat(d.needsReset()).isTrue();
            TestQueue again = d.start(0, 8).get(0);
            assertThat(d.needsReset()).isFalse();
            again.post(Buf.writable(buf, 16));
            again.kick();
            assertThat(again.usedIdx()).isEqualTo(1);
        }
    }

    @Test
    void indirectDescriptorWithoutTheFeatureNeedsReset() {
        try (GuestDriver d = rng()) {
            TestQueue q = d.start(INDIRECT, 8).get(0);
            q.postIndirect(Buf.writable(d.alloc(16), 16));
            q.kick();
            assertThat(d.needsReset()).isTrue();
        }
    }

    @Test
    void aDeviceThatThrowsNeedsResetAndLeavesNothingInFlight() {
        // A device that pops and then fails before pushing.
        VirtioDevice broken = new StubDevice() {
            @Override
            public void queueNotified(int queue) {
                if (context.queue(0).pop() != null) {
                    throw new IllegalStateException("device bug");
                }
            }
        };
        try (GuestDriver d = new GuestDriver(broken)) {
            TestQueue q = d.start(0, 8).get(0);
            assertThat(d.needsReset()).isFalse();
            q.post(Buf.writable(d.alloc(16), 16));
            q.kick();
            assertThat(d.needsReset()).isTrue();
            assertThat(d.irq.level()).isTrue();
            assertThat(d.dev.inFlight()).isZero();
            d.dev.quiesce(); // returns
        }
    }

    record StubState() implements VirtioDeviceState {
        @Override
        public int deviceId() {
            return 42;
        }
    }

    /** A minimal device for transport tests. */
    static class StubDevice implements VirtioDevice {
        VirtioContext context;

        @Override
        public int deviceId() {
            return 42;
        }

        @Override
        public long deviceFeatures() {
            return 0;
        }

        @Override
        public int queueCount() {
            return 1;
        }

        @Override
        public byte[] config() {
            return new byte[0];
        }

        @Override
        public void attach(VirtioContext context) {
            this.context = context;
        }

        @Override
        public void queueNotified(int queue) {
        }

        @Override
        public void reset() {
        }

        @Override
        public VirtioDeviceState save() {
            return new StubState();
        }

        @Override
        public void restore(VirtioDeviceState state) {
        }
    }

    @Nested
    class State {

        @Test
        void saveRestoreRoundTripsIntoAFreshTransport() {
            try (GuestDriver d = rng()) {
                TestQueue q = d.start(EVENT_IDX, 16).get(0);
                for (int i = 0; i < 5; i++) {
                    q.post(Buf.writable(d.alloc(8), 8));
                }
                q.kick();
                d.write(QUEUE_SEL, 0);
                VirtioMmioState s = d.dev.save();
                assertThat(s.status()).isEqualTo(GuestDriver.LIVE);
                assertThat(s.interruptStatus()).isEqualTo(1);
                assertThat(s.queues().get(0)).isEqualTo(new VirtqueueState(16, true, q.desc, q.avail, q.used, 5, 5));

                GuestDriver other = new GuestDriver(new VirtioRng(new Random(2)), d.ram);
                assertThat(other.irq.level()).isFalse();
                other.dev.restore(s);
                assertThat(other.irq.level()).isFalse(); // until the machine's resync pass
                other.dev.resyncInterrupts();
                assertThat(other.irq.level()).isTrue();
                assertThat(other.dev.save()).isEqualTo(s);
                assertThat(other.dev.save().hashCode()).isEqualTo(s.hashCode());
                // The guest goes on with the same ring on the new transport.
                other.acknowledge();
                q.post(Buf.writable(d.alloc(8), 8));
                other.write(QUEUE_NOTIFY, 0);
                assertThat(q.usedIdx()).isEqualTo(6);
                assertThat(other.irq.level()).isTrue();
                assertThat(d.dev.save().queues().get(0).usedIdx()).isEqualTo(5); // the source never moved
            }
        }

        @Test
        void restoreRejectsStatesThatDoNotFitAndChangesNothing() {
            try (GuestDriver d = rng()) {
                d.start(0, 8);
                VirtioMmioState good = d.dev.save();
                try (GuestDriver other = rng()) {
                    VirtioMmioState before = other.dev.save();
                    VirtqueueState q = good.queues().get(0);
                    assertThatThrownBy(() -> other.dev.restore(with(good, good.deviceFeatures() | 1, good.queues())))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features");
                    assertThatThrownBy(() -> other.dev.restore(with(good, good.deviceFeatures(), List.of(q, q))))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queues");
                    VirtqueueState outside = new VirtqueueState(8, true, 0x1000, q.driverAddr(), q.deviceAddr(), 0, 0);
                    assertThatThrownBy(() -> other.dev.restore(with(good, good.deviceFeatures(), List.of(outside))))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RAM");
                    VirtqueueState tooBig = new VirtqueueState(2048, true, q.descAddr(), q.driverAddr(), q.deviceAddr(), 0, 0);
                    assertThatThrownBy(() -> other.dev.restore(with(good, good.deviceFeatures(), List.of(tooBig))))
                            .isInstanceOf(IllegalArgumentException.class);
                    try (GuestDriver console = new GuestDriver(new VirtioConsole(new BufferSerial()))) {
                        assertThatThrownBy(() -> console.dev.restore(good)).isInstanceOf(IllegalArgumentException.class);
                    }
                    assertThat(other.dev.save()).isEqualTo(before);
                }
            }
        }

        private VirtioMmioState with(VirtioMmioState s, long features, List<VirtqueueState> queues) {
            return new VirtioMmioState(s.deviceId(), features, s.status(), s.deviceFeaturesSel(),
                    s.driverFeaturesSel(), s.driverFeatures(), s.queueSel(), s.interruptStatus(),
                    s.configGeneration(), queues, s.device());
        }

        @Test
        void stateRecordsRejectValuesNoRegisterCanHold() {
            VirtqueueState q = new VirtqueueState(8, true, 0x8000_0000L, 0x8000_1000L, 0x8000_2000L, 0, 0);
            long v1 = Virtio.bit(Virtio.F_VERSION_1);
            VirtioRngState rng = new VirtioRngState();
            assertThatThrownBy(() -> new VirtioMmioState(4, v1, 0x100, 0, 0, 0, 0, 0, 0, List.of(q), rng))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioMmioState(4, v1, 0, 0, 0, 0, 0, 4, 0, List.of(q), rng))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioMmioState(4, v1, 0, 0, 0, 0, MAX_QUEUES, 0, 0, List.of(q), rng))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioMmioState(4, 0, 0, 0, 0, 0, 0, 0, 0, List.of(q), rng))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioMmioState(2, v1, 0, 0, 0, 0, 0, 0, 0, List.of(q), rng))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device state");
            assertThatThrownBy(() -> new VirtioMmioState(4, v1, Virtio.STATUS_FEATURES_OK, 0, 0, v1 | 2, 0, 0, 0,
                    List.of(q), rng)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioMmioState(4, v1, Virtio.STATUS_FEATURES_OK, 0, 0, 0, 0, 0, 0,
                    List.of(q), rng)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioMmioState(4, v1, 0, 0, 0, 0, 0, 0, 0, List.of(), rng))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtqueueState(8, true, 0x8000_0008L, 0, 0, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtqueueState(6, true, 0, 0, 0, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtqueueState(8, false, 0, 0, 0, 0x10000, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtqueueState(8, false, 0, 0, 0, 0, -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new VirtqueueState(3, false, 1, 1, 1, 0, 0).size()).isEqualTo(3); // raw register, not ready
            assertThatThrownBy(() -> new VirtioBlockState(-1, false)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioConsoleState(new byte[VirtioConsole.HOST_INPUT_CAPACITY + 1]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Fuzz {

        private static final int[] REGISTERS = {MAGIC_VALUE, VERSION_REG, DEVICE_ID, VENDOR_ID_REG, DEVICE_FEATURES,
                DEVICE_FEATURES_SEL, DRIVER_FEATURES, DRIVER_FEATURES_SEL, QUEUE_SEL, QUEUE_NUM_MAX, QUEUE_NUM,
                QUEUE_READY, QUEUE_NOTIFY, INTERRUPT_STATUS, INTERRUPT_ACK, STATUS, QUEUE_DESC_LOW, QUEUE_DESC_HIGH,
                QUEUE_DRIVER_LOW, QUEUE_DRIVER_HIGH, QUEUE_DEVICE_LOW, QUEUE_DEVICE_HIGH, SHM_SEL, SHM_LEN_LOW,
                QUEUE_RESET, CONFIG_GENERATION, CONFIG, CONFIG + 4, CONFIG + 8};

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5, 6})
        void randomRegisterAndRingTrafficNeverThrowsAndKeepsTheLineConsistent(long seed) {
            Random r = new Random(seed);
            try (ArrayBlockBackend disk = new ArrayBlockBackend(64 * 512)) {
                VirtioDevice device = switch ((int) (seed % 3)) {
                    case 0 -> new VirtioBlock(disk);
                    case 1 -> new VirtioRng(new Random(seed));
                    default -> new VirtioConsole(new BufferSerial());
                };
                try (GuestDriver d = new GuestDriver(device)) {
                    long window = RAM_BASE; // rings and buffers mostly point into the first 64 KiB
                    int broken = 0;
                    for (int step = 0; step < 20_000; step++) {
                        int op = r.nextInt(100);
                        if (op < 40) {
                            int offset = r.nextInt(8) == 0 ? r.nextInt(0x1000) & ~3 : REGISTERS[r.nextInt(REGISTERS.length)];
                            d.dev.store(offset, value(r, window), offset >= CONFIG ? r.nextInt(3) : 2);
                        } else if (op < 60) {
                            int offset = r.nextInt(8) == 0 ? r.nextInt(0x1000) : REGISTERS[r.nextInt(REGISTERS.length)];
                            int size = r.nextInt(3);
                            d.dev.load(offset & -(1 << size), size);
                        } else if (op < 85) {
                            scribble(d, r, window);
                        } else if (op < 95) {
                            d.write(QUEUE_NOTIFY, r.nextInt(3));
                        } else {
                            // Sometimes bring the device up properly so that rings actually get walked.
                            d.negotiate(d.offeredFeatures() & r.nextLong());
                            d.write(QUEUE_SEL, r.nextInt(2));
                            d.write(QUEUE_NUM, 1 << r.nextInt(5));
                            d.write(QUEUE_DESC_LOW, window + 16L * r.nextInt(256));
                            d.write(QUEUE_DRIVER_LOW, window + 0x4000 + 2L * r.nextInt(256));
                            d.write(QUEUE_DEVICE_LOW, window + 0x8000 + 4L * r.nextInt(256));
                            d.write(QUEUE_READY, 1);
                            d.driverOk();
                        }
                        int isr = d.read(INTERRUPT_STATUS);
                        assertThat(d.irq.level()).isEqualTo(isr != 0);
                        assertThat(d.dev.inFlight()).isZero();
                        if (d.needsReset()) {
                            broken++;
                        }
                    }
                    assertThat(broken).as("steps that left the device broken").isPositive();
                    // Whatever happened, a reset brings the device back into a usable state.
                    d.write(STATUS, 0);
                    assertThat(d.status()).isZero();
                    assertThat(d.irq.level()).isFalse();
                    VirtioMmioState s = d.dev.save();
                    GuestDriver twin = new GuestDriver(device instanceof VirtioBlock ? new VirtioBlock(disk)
                            : device instanceof VirtioRng ? new VirtioRng() : new VirtioConsole(new BufferSerial()), d.ram);
                    twin.dev.restore(s);
                    assertThat(twin.dev.save()).isEqualTo(s);
                }
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {11, 12, 13, 14, 15, 16})
        void mostlyValidChainsWithRandomMistakesAreServedOrBreakTheDeviceCleanly(long seed) {
            Random r = new Random(seed);
            BufferSerial serial = new BufferSerial();
            try (ArrayBlockBackend disk = new ArrayBlockBackend(64 * 512)) {
                VirtioDevice device = switch ((int) (seed % 3)) {
                    case 0 -> new VirtioBlock(disk);
                    case 1 -> new VirtioRng(new Random(seed));
                    default -> new VirtioConsole(serial);
                };
                try (GuestDriver d = new GuestDriver(device)) {
                    int queues = device.queueCount();
                    int size = 1 << (2 + r.nextInt(3));
                    long rings = d.alloc(0x3000L * queues);
                    long buffers = d.alloc(0x10000);
                    List<TestQueue> qs = restart(d, r, queues, size, rings);
                    int served = 0;
                    int broken = 0;
                    for (int step = 0; step < 5_000; step++) {
                        int usedBefore = usedSum(d);
                        int op = r.nextInt(100);
                        TestQueue q = qs.get(r.nextInt(queues));
                        if (op < 70) {
                            postRandomChain(d, q, r, buffers, device instanceof VirtioBlock);
                            q.kick();
                        } else if (op < 75) {
                            serial.inject((byte) r.nextInt(256));
                        } else if (op < 85) {
                            d.acknowledge();
                        } else if (op < 90) {
                            scribble(d, r, buffers);
                        } else {
                            int offset = REGISTERS[r.nextInt(REGISTERS.length)];
                            if (offset != STATUS || r.nextInt(4) == 0) {
                                d.dev.store(offset, value(r, rings), 2);
                            }
                        }
                        assertThat(d.irq.level()).isEqualTo(d.read(INTERRUPT_STATUS) != 0);
                        assertThat(d.dev.inFlight()).isZero();
                        if (usedSum(d) != usedBefore) {
                            served++;
                        }
                        if ((d.status() & GuestDriver.LIVE) != GuestDriver.LIVE || d.needsReset()
                                || (q.nextDesc + 4) % size < q.nextDesc % size) {
                            broken += d.needsReset() ? 1 : 0;
                            qs = restart(d, r, queues, size, rings);
                        }
                    }
                    assertThat(served).as("steps that completed buffers").isGreaterThan(500);
                    assertThat(broken).as("steps that broke the device").isPositive();
                }
            }
        }

        /** Resets and brings the device up again on zeroed rings. */
        private static List<TestQueue> restart(GuestDriver d, Random r, int queues, int size, long rings) {
            d.ram.write(rings, new byte[(int) (0x3000L * queues)]);
            if (!d.negotiate(d.offeredFeatures() & ~(r.nextBoolean() ? EVENT_IDX : 0))) {
                throw new AssertionError("FEATURES_OK refused");
            }
            List<TestQueue> qs = new ArrayList<>();
            for (int i = 0; i < queues; i++) {
                long base = rings + 0x3000L * i;
                qs.add(d.queue(i, size, base, base + 0x1000, base + 0x2000));
            }
            d.driverOk();
            return qs;
        }

        /** A chain that is valid nine times out of ten: block-shaped requests for the block device. */
        private static void postRandomChain(GuestDriver d, TestQueue q, Random r, long buffers, boolean block) {
            int n = 1 + r.nextInt(4);
            Buf[] bufs = new Buf[n];
            for (int i = 0; i < n; i++) {
                boolean writable = block ? i == n - 1 || (i > 0 && r.nextBoolean() && bufs[i - 1].writable())
                        : r.nextInt(3) != 0 && (i == 0 || bufs[i - 1].writable() || r.nextBoolean());
                long len = block && i == 0 ? 16 : 1 + r.nextInt(r.nextBoolean() ? 32 : 1024);
                if (block && i > 0 && i < n - 1) {
                    len = 512L * (1 + r.nextInt(2));
                }
                bufs[i] = new Buf(buffers + r.nextInt(0x10000 - 1100), len, writable);
            }
            if (block) {
                long header = bufs[0].address();
                int[] types = {VirtioBlock.T_IN, VirtioBlock.T_OUT, VirtioBlock.T_FLUSH, VirtioBlock.T_GET_ID, 99};
                d.ram.store(header, types[r.nextInt(types.length)], 2);
                d.ram.store(header + 8, r.nextInt(70), 3);
            }
            int mistake = r.nextInt(10) == 0 ? r.nextInt(5) : -1;
            switch (mistake) {
                case 0 -> bufs[r.nextInt(n)] = new Buf(r.nextLong(), 16, true);
                case 1 -> {
                    int head = q.chain(bufs);
                    q.descriptor((head + n - 1) % q.size, bufs[n - 1].address(), 8,
                            Virtio.VIRTQ_DESC_F_NEXT | Virtio.VIRTQ_DESC_F_WRITE, head);
                    q.publish(head);
                    return;
                }
                case 2 -> {
                    q.publish(q.size + r.nextInt(100));
                    return;
                }
                default -> {
                }
            }
            if (mistake == 3 || r.nextInt(4) == 0) {
                q.postIndirect(bufs);
            } else {
                q.post(bufs);
            }
            if (mistake == 4) {
                q.d.ram.store(q.avail + 2, q.availIdx + q.size + 1, 1);
            }
        }

        private static int usedSum(GuestDriver d) {
            int sum = 0;
            for (VirtqueueState q : d.dev.save().queues()) {
                sum += q.usedIdx();
            }
            return sum;
        }

        private static long value(Random r, long window) {
            return switch (r.nextInt(5)) {
                case 0 -> r.nextInt(4);
                case 1 -> 1L << r.nextInt(12);
                case 2 -> window + r.nextInt(0x10000);
                case 3 -> r.nextInt(0x100);
                default -> r.nextLong();
            };
        }

        /** Random descriptors, ring entries and indices in the window, biased towards plausible values. */
        private static void scribble(GuestDriver d, Random r, long window) {
            long at = window + (r.nextInt(0x10000) & ~15);
            switch (r.nextInt(3)) {
                case 0 -> {
                    d.ram.store(at, r.nextBoolean() ? window + r.nextInt(0x10000) : r.nextLong(), 3);
                    d.ram.store(at + 8, r.nextBoolean() ? r.nextInt(64) : r.nextInt(), 2);
                    d.ram.store(at + 12, r.nextInt(8), 1);
                    d.ram.store(at + 14, r.nextInt(r.nextBoolean() ? 16 : 65536), 1);
                }
                case 1 -> d.ram.store(at + (r.nextInt(8) & ~1), r.nextInt(r.nextBoolean() ? 16 : 65536), 1);
                default -> {
                    byte[] junk = new byte[r.nextInt(64)];
                    r.nextBytes(junk);
                    d.ram.write(at, junk);
                }
            }
        }
    }
}
