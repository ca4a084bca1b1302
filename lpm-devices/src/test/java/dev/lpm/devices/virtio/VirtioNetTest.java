package dev.lpm.devices.virtio;

import dev.lpm.devices.ManualTimer;
import dev.lpm.devices.Waits;
import dev.lpm.devices.net.Ethernet;
import dev.lpm.devices.net.LoopbackBackend;
import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.virtio.GuestDriver.Buf;
import dev.lpm.devices.virtio.GuestDriver.TestQueue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static dev.lpm.devices.virtio.GuestDriver.RAM_BASE;
import static dev.lpm.devices.virtio.VirtioMmio.*;
import static dev.lpm.devices.virtio.VirtioNet.CONTROL_QUEUE;
import static dev.lpm.devices.virtio.VirtioNet.HEADER_SIZE;
import static dev.lpm.devices.virtio.VirtioNet.RECEIVE_QUEUE;
import static dev.lpm.devices.virtio.VirtioNet.TRANSMIT_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class VirtioNetTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");
    static final MacAddress PEER = MacAddress.parse("52:54:00:ab:cd:ef");
    static final long EVENT_IDX = Virtio.bit(Virtio.F_RING_EVENT_IDX);
    static final long GUEST_ANNOUNCE = Virtio.bit(VirtioNet.F_GUEST_ANNOUNCE);
    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    final RecordingNetBackend backend = new RecordingNetBackend();
    final ManualTimer timer = new ManualTimer();

    VirtioNet nic() {
        return new VirtioNet(MAC, backend, Ethernet.DEFAULT_MTU, timer);
    }

    /** An Ethernet frame of {@code length} bytes from {@code from} to {@code to}, IPv4, payload from {@code seed}. */
    static byte[] frame(MacAddress to, MacAddress from, int length, int seed) {
        byte[] f = new byte[length];
        if (length >= Ethernet.HEADER_LENGTH) {
            to.copyTo(f, 0);
            from.copyTo(f, 6);
            f[12] = 0x08;
        }
        Random r = new Random(seed);
        for (int i = Ethernet.HEADER_LENGTH; i < length; i++) {
            f[i] = (byte) r.nextInt(256);
        }
        return f;
    }

    static byte[] inbound(int length, int seed) {
        return frame(MAC, PEER, length, seed);
    }

    /** Puts {@code frame} behind a 12-byte header (garbage in it: the device ignores it) in guest memory. */
    static long stage(GuestDriver d, byte[] frame) {
        long at = d.alloc(HEADER_SIZE + frame.length);
        d.ram.write(at, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        d.ram.write(at + HEADER_SIZE, frame);
        return at;
    }

    static byte[] expectedHeader() {
        byte[] h = new byte[HEADER_SIZE];
        h[VirtioNet.HEADER_NUM_BUFFERS] = 1;
        return h;
    }

    /** Sends a control command; returns the ack byte. */
    static int command(GuestDriver d, TestQueue ctrl, int cls, int cmd, byte... data) {
        long at = d.alloc(64);
        byte[] request = new byte[2 + data.length];
        request[0] = (byte) cls;
        request[1] = (byte) cmd;
        System.arraycopy(data, 0, request, 2, data.length);
        d.ram.write(at, request);
        d.ram.store(at + 32, 0x77, 0);
        int used = ctrl.usedIdx();
        ctrl.post(Buf.readable(at, request.length), Buf.writable(at + 32, 1));
        ctrl.kick();
        assertThat(ctrl.usedIdx()).isEqualTo((used + 1) & 0xFFFF);
        assertThat(ctrl.usedLen(used)).isEqualTo(1);
        return (int) d.ram.load(at + 32, 0);
    }

    @Nested
    class Identity {

        @Test
        void offersMacStatusMtuAndAnnounceButNoOffloads() {
            try (GuestDriver d = new GuestDriver(nic())) {
                assertThat(d.read(DEVICE_ID)).isEqualTo(1);
                long f = d.offeredFeatures();
                for (int bit : new int[] {VirtioNet.F_MAC, VirtioNet.F_STATUS, VirtioNet.F_MTU, VirtioNet.F_CTRL_VQ,
                        VirtioNet.F_GUEST_ANNOUNCE, Virtio.F_VERSION_1}) {
                    assertThat(Virtio.has(f, bit)).as("feature %d", bit).isTrue();
                }
                for (int bit : new int[] {VirtioNet.F_CSUM, VirtioNet.F_GUEST_CSUM, VirtioNet.F_MRG_RXBUF,
                        VirtioNet.F_MQ, VirtioNet.F_CTRL_RX, VirtioNet.F_CTRL_MAC_ADDR}) {
                    assertThat(Virtio.has(f, bit)).as("feature %d", bit).isFalse();
                }
                for (int q = 0; q < 3; q++) {
                    d.write(QUEUE_SEL, q);
                    assertThat(d.read(QUEUE_NUM_MAX)).isEqualTo(1024);
                }
                d.write(QUEUE_SEL, 3);
                assertThat(d.read(QUEUE_NUM_MAX)).isZero();
            }
        }

        @Test
        void configSpaceHasMacStatusPairsAndMtuAndIsReadOnly() {
            try (GuestDriver d = new GuestDriver(nic())) {
                byte[] mac = new byte[6];
                for (int i = 0; i < 6; i++) {
                    mac[i] = (byte) d.dev.load(CONFIG + i, 0);
                }
                assertThat(MacAddress.of(mac, 0)).isEqualTo(MAC);
                assertThat(d.dev.load(CONFIG, 2)).isEqualTo(0x1200_5452L);
                assertThat(d.dev.load(CONFIG + 4, 1)).isEqualTo(0x5634);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_LINK_UP);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_MAX_VIRTQUEUE_PAIRS, 1)).isEqualTo(1);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_MTU, 1)).isEqualTo(1500);
                assertThat(d.dev.load(CONFIG + 12, 2)).isEqualTo(0xFFFF_FFFFL);
                d.dev.store(CONFIG, 0, 2);
                d.dev.store(CONFIG + VirtioNet.CONFIG_STATUS, 0, 1);
                assertThat(d.dev.load(CONFIG, 2)).isEqualTo(0x1200_5452L);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_LINK_UP);
            }
        }

        @Test
        void constructorRejectsMulticastAddressesAndMtusOutOfRange() {
            assertThatThrownBy(() -> new VirtioNet(MacAddress.parse("01:00:5e:00:00:01"), backend))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unicast");
            assertThatThrownBy(() -> new VirtioNet(MAC, backend, 67, timer)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNet(MAC, backend, 9001, timer)).isInstanceOf(IllegalArgumentException.class);
            VirtioNet jumbo = new VirtioNet(MAC, backend, 9000, timer);
            assertThat(jumbo.maxFrameLength()).isEqualTo(9018);
            assertThat(new VirtioNet(MAC, backend).mtu()).isEqualTo(1500);
        }

        @Test
        void aNicAttachesOnceAndAFeatureSetWithoutAnnounceIsAccepted() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                assertThatThrownBy(() -> new VirtioMmio(nic, d.irq, d.ram)).isInstanceOf(IllegalStateException.class);
                assertThat(d.negotiate(Virtio.bit(Virtio.F_VERSION_1) | Virtio.bit(VirtioNet.F_MAC))).isTrue();
            }
        }
    }

    @Nested
    class Transmit {

        @Test
        void eachChainIsOneFrameWithoutItsHeaderWhateverTheLayout() {
            try (GuestDriver d = new GuestDriver(nic())) {
                TestQueue tx = d.start(0, 8, 8, 8).get(TRANSMIT_QUEUE);
                byte[] a = frame(PEER, MAC, 60, 1);
                byte[] b = frame(PEER, MAC, 1514, 2);
                byte[] c = frame(PEER, MAC, 1518, 3);
                byte[] e = frame(MacAddress.BROADCAST, MAC, 42, 4);
                long pa = stage(d, a);
                long pb = stage(d, b);
                long pc = stage(d, c);
                long pe = stage(d, e);
                tx.post(Buf.readable(pa, HEADER_SIZE + 60)); // header and frame in one buffer
                tx.post(Buf.readable(pb, HEADER_SIZE), Buf.readable(pb + HEADER_SIZE, 1514)); // Linux's layout
                tx.post(Buf.readable(pc, 5), Buf.readable(pc + 5, 100), Buf.readable(pc + 105, HEADER_SIZE + 1518 - 105));
                tx.postIndirect(Buf.readable(pe, HEADER_SIZE), Buf.readable(pe + HEADER_SIZE, 42));
                d.dirtyPages();
                tx.kick();
                List<byte[]> sent = backend.sent();
                assertThat(sent).hasSize(4);
                assertThat(sent.get(0)).isEqualTo(a);
                assertThat(sent.get(1)).isEqualTo(b);
                assertThat(sent.get(2)).isEqualTo(c);
                assertThat(sent.get(3)).isEqualTo(e);
                assertThat(tx.usedIdx()).isEqualTo(4);
                for (int i = 0; i < 4; i++) {
                    assertThat(tx.usedLen(i)).isZero();
                }
                assertThat(d.irq.level()).isTrue();
                assertThat(d.acknowledge()).isEqualTo(Virtio.INTERRUPT_USED_BUFFER);
                // Only the used ring was written.
                assertThat(d.dirtyPages()).isEqualTo(GuestDriver.pagesOf(tx.used, 8));
            }
        }

        @Test
        void tooShortTooLongAndLinkDownFramesAreDroppedAndTheirBuffersReturned() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                TestQueue tx = d.start(0, 8, 8, 8).get(TRANSMIT_QUEUE);
                long runt = stage(d, frame(PEER, MAC, 13, 1));
                long giant = stage(d, frame(PEER, MAC, 1519, 2));
                long empty = stage(d, new byte[0]);
                tx.post(Buf.readable(runt, HEADER_SIZE + 13));
                tx.post(Buf.readable(giant, HEADER_SIZE + 1519));
                tx.post(Buf.readable(empty, HEADER_SIZE));
                tx.kick();
                assertThat(tx.usedIdx()).isEqualTo(3);
                assertThat(backend.sent()).isEmpty();
                assertThat(nic.droppedTransmitFrames()).isEqualTo(3);

                nic.setLinkUp(false);
                long ok = stage(d, frame(PEER, MAC, 100, 3));
                tx.post(Buf.readable(ok, HEADER_SIZE + 100));
                tx.kick();
                assertThat(tx.usedIdx()).isEqualTo(4);
                assertThat(backend.sent()).isEmpty();
                nic.setLinkUp(true);
                tx.post(Buf.readable(ok, HEADER_SIZE + 100));
                tx.kick();
                assertThat(backend.sent()).hasSize(1);
                assertThat(nic.droppedTransmitFrames()).isEqualTo(4);
                assertThat(nic.transmittedFrames()).isEqualTo(1);
            }
        }

        @Test
        void aBackendThatThrowsCostsTheFrameNotTheDevice() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                TestQueue tx = d.start(0, 8, 8, 8).get(TRANSMIT_QUEUE);
                backend.failSends = new IllegalStateException("backend bug");
                long p = stage(d, frame(PEER, MAC, 100, 1));
                tx.post(Buf.readable(p, HEADER_SIZE + 100));
                tx.kick();
                assertThat(tx.usedIdx()).isEqualTo(1);
                assertThat(d.needsReset()).isFalse();
                assertThat(nic.droppedTransmitFrames()).isEqualTo(1);
            }
        }

        @Test
        void writableDescriptorsInATransmitChainAreLeftAlone() {
            try (GuestDriver d = new GuestDriver(nic())) {
                TestQueue tx = d.start(0, 8, 8, 8).get(TRANSMIT_QUEUE);
                byte[] f = frame(PEER, MAC, 64, 1);
                long p = stage(d, f);
                long w = d.alloc(64);
                tx.post(Buf.readable(p, HEADER_SIZE + 64), Buf.writable(w, 64));
                d.dirtyPages();
                tx.kick();
                assertThat(backend.sent()).containsExactly(f);
                assertThat(tx.usedLen(0)).isZero();
                assertThat(d.dirtyPages()).isEqualTo(GuestDriver.pagesOf(tx.used, 8));
            }
        }
    }

    @Nested
    class Receive {

        @Test
        void framesGoIntoPostedBuffersBehindAZeroHeaderWithOneBuffer() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                TestQueue rx = d.start(EVENT_IDX, 8, 8, 8).get(RECEIVE_QUEUE);
                long a = d.alloc(HEADER_SIZE + 1518);
                long b = d.alloc(HEADER_SIZE + 1518);
                d.ram.write(a, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}); // stale bytes the header must replace
                int headA = rx.post(Buf.writable(a, HEADER_SIZE + 1518));
                int headB = rx.post(Buf.writable(b, HEADER_SIZE), Buf.writable(b + HEADER_SIZE, 1518)); // split
                rx.kick();
                assertThat(rx.usedIdx()).isZero();
                assertThat(d.irq.level()).isFalse();
                d.dirtyPages();

                byte[] f1 = inbound(60, 1);
                byte[] f2 = inbound(1518, 2);
                backend.inject(f1);
                assertThat(rx.usedIdx()).isEqualTo(1);
                assertThat(rx.usedId(0)).isEqualTo(headA);
                assertThat(rx.usedLen(0)).isEqualTo(HEADER_SIZE + 60);
                assertThat(d.bytes(a, HEADER_SIZE)).isEqualTo(expectedHeader());
                assertThat(d.bytes(a + HEADER_SIZE, 60)).isEqualTo(f1);
                assertThat(d.irq.level()).isTrue();
                TreeSet<Long> expected = GuestDriver.pagesOf(a, HEADER_SIZE + 60);
                expected.addAll(GuestDriver.pagesOf(rx.used, 8));
                assertThat(d.dirtyPages()).isEqualTo(expected);
                d.acknowledge();

                backend.inject(f2);
                assertThat(rx.usedIdx()).isEqualTo(2);
                assertThat(rx.usedId(1)).isEqualTo(headB);
                assertThat(rx.usedLen(1)).isEqualTo(HEADER_SIZE + 1518);
                assertThat(d.bytes(b, HEADER_SIZE)).isEqualTo(expectedHeader());
                assertThat(d.bytes(b + HEADER_SIZE, 1518)).isEqualTo(f2);
                assertThat(d.irq.level()).isTrue();
                assertThat(nic.receivedFrames()).isEqualTo(2);
                assertThat(nic.droppedReceiveFrames()).isZero();
            }
        }

        @Test
        void framesWithoutBuffersWaitAndAreDeliveredInOrderWhenBuffersArrive() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                TestQueue rx = d.start(EVENT_IDX, 8, 8, 8).get(RECEIVE_QUEUE);
                byte[][] frames = {inbound(100, 1), inbound(200, 2), inbound(300, 3)};
                for (byte[] f : frames) {
                    backend.inject(f);
                }
                assertThat(nic.pendingFrames()).isEqualTo(3);
                assertThat(d.irq.level()).isFalse();
                long[] bufs = new long[3];
                for (int i = 0; i < 2; i++) {
                    bufs[i] = d.alloc(2048);
                    rx.post(Buf.writable(bufs[i], 2048));
                }
                rx.kick();
                assertThat(rx.usedIdx()).isEqualTo(2);
                assertThat(nic.pendingFrames()).isEqualTo(1);
                assertThat(d.bytes(bufs[0] + HEADER_SIZE, 100)).isEqualTo(frames[0]);
                assertThat(d.bytes(bufs[1] + HEADER_SIZE, 200)).isEqualTo(frames[1]);
                bufs[2] = d.alloc(2048);
                rx.post(Buf.writable(bufs[2], 2048));
                rx.kick();
                assertThat(rx.usedIdx()).isEqualTo(3);
                assertThat(rx.usedLen(2)).isEqualTo(HEADER_SIZE + 300);
                assertThat(d.bytes(bufs[2] + HEADER_SIZE, 300)).isEqualTo(frames[2]);
                assertThat(nic.pendingFrames()).isZero();
            }
        }

        @Test
        void framesBeforeTheDriverIsReadyWaitAndTheDriversResetDiscardsThem() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                backend.inject(inbound(100, 1));
                assertThat(nic.pendingFrames()).isEqualTo(1);
                d.write(STATUS, 0); // what a driver does first
                assertThat(nic.pendingFrames()).isZero();
                assertThat(nic.droppedReceiveFrames()).isEqualTo(1);
                // Frames arriving between reset and DRIVER_OK are delivered once the driver is up.
                assertThat(d.negotiate(d.offeredFeatures())).isTrue();
                TestQueue rx = d.queue(RECEIVE_QUEUE, 8);
                d.queue(TRANSMIT_QUEUE, 8);
                long buf = d.alloc(2048);
                rx.post(Buf.writable(buf, 2048));
                byte[] f = inbound(70, 2);
                backend.inject(f);
                assertThat(rx.usedIdx()).isZero();
                d.driverOk();
                assertThat(rx.usedIdx()).isEqualTo(1);
                assertThat(d.bytes(buf + HEADER_SIZE, 70)).isEqualTo(f);
            }
        }

        @Test
        void theQueueIsBoundedAndDropsAreCounted() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                d.start(0, 8, 8, 8);
                for (int i = 0; i < VirtioNet.RX_QUEUE_CAPACITY + 10; i++) {
                    backend.inject(inbound(60, i));
                }
                assertThat(nic.pendingFrames()).isEqualTo(VirtioNet.RX_QUEUE_CAPACITY);
                assertThat(nic.droppedReceiveFrames()).isEqualTo(10);
                List<byte[]> kept = ((VirtioNetState) d.dev.save().device()).pendingFrames();
                assertThat(kept.getFirst()).isEqualTo(inbound(60, 0)); // the oldest stay, the newest are dropped
                assertThat(kept.getLast()).isEqualTo(inbound(60, VirtioNet.RX_QUEUE_CAPACITY - 1));
            }
        }

        @Test
        void runtsGiantsAndFramesForADownLinkAreDropped() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                d.start(0, 8, 8, 8);
                backend.inject(new byte[0]);
                backend.inject(inbound(13, 1));
                backend.inject(inbound(1519, 2));
                assertThat(nic.pendingFrames()).isZero();
                assertThat(nic.droppedReceiveFrames()).isEqualTo(3);
                backend.inject(inbound(1518, 3));
                backend.inject(inbound(14, 4));
                assertThat(nic.pendingFrames()).isEqualTo(2);
                nic.setLinkUp(false);
                assertThat(nic.pendingFrames()).isZero(); // a link going down loses what was on it
                backend.inject(inbound(100, 5));
                assertThat(nic.pendingFrames()).isZero();
                assertThat(nic.droppedReceiveFrames()).isEqualTo(6);
            }
        }

        @Test
        void aBufferTooSmallForItsFrameIsReturnedEmptyAndTheFrameDropped() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                TestQueue rx = d.start(0, 8, 8, 8).get(RECEIVE_QUEUE);
                long small = d.alloc(HEADER_SIZE + 100);
                long big = d.alloc(HEADER_SIZE + 1518);
                rx.post(Buf.writable(small, HEADER_SIZE + 100));
                rx.post(Buf.writable(big, HEADER_SIZE + 1518));
                rx.kick();
                backend.inject(inbound(101, 1));
                assertThat(rx.usedIdx()).isEqualTo(1);
                assertThat(rx.usedLen(0)).isZero();
                assertThat(d.needsReset()).isFalse();
                byte[] f = inbound(1000, 2);
                backend.inject(f);
                assertThat(rx.usedIdx()).isEqualTo(2);
                assertThat(d.bytes(big + HEADER_SIZE, 1000)).isEqualTo(f);
                assertThat(nic.droppedReceiveFrames()).isEqualTo(1);
            }
        }

        @Test
        void readableDescriptorsBeforeTheWritableOnesAreSkipped() {
            try (GuestDriver d = new GuestDriver(nic())) {
                TestQueue rx = d.start(0, 8, 8, 8).get(RECEIVE_QUEUE);
                long r = d.alloc(16);
                long w = d.alloc(2048);
                rx.post(Buf.readable(r, 16), Buf.writable(w, 2048));
                rx.kick();
                byte[] f = inbound(64, 1);
                backend.inject(f);
                assertThat(rx.usedLen(0)).isEqualTo(HEADER_SIZE + 64);
                assertThat(d.bytes(w + HEADER_SIZE, 64)).isEqualTo(f);
            }
        }
    }

    @Nested
    class Link {

        @Test
        void linkChangesShowInStatusAndRaiseAConfigurationChange() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                d.start(0, 8, 8, 8);
                int generation = d.read(CONFIG_GENERATION);
                nic.setLinkUp(false);
                assertThat(nic.linkUp()).isFalse();
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isZero();
                assertThat(d.read(CONFIG_GENERATION)).isEqualTo(generation + 1);
                assertThat(d.acknowledge()).isEqualTo(Virtio.INTERRUPT_CONFIG_CHANGE);
                nic.setLinkUp(false); // no change, no notification
                assertThat(d.irq.level()).isFalse();
                assertThat(d.read(CONFIG_GENERATION)).isEqualTo(generation + 1);
                nic.setLinkUp(true);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_LINK_UP);
                assertThat(d.acknowledge()).isEqualTo(Virtio.INTERRUPT_CONFIG_CHANGE);
            }
        }

        @Test
        void aDeviceResetKeepsTheLinkState() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                nic.setLinkUp(false);
                d.start(0, 8, 8, 8);
                d.write(STATUS, 0);
                assertThat(nic.linkUp()).isFalse();
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isZero();
            }
        }
    }

    @Nested
    class Control {

        @Test
        void onlyAnAnnounceAckForAPendingAnnouncementIsOk() {
            try (GuestDriver d = new GuestDriver(nic())) {
                TestQueue ctrl = d.start(0, 8, 8, 8).get(CONTROL_QUEUE);
                assertThat(command(d, ctrl, VirtioNet.CTRL_ANNOUNCE, VirtioNet.CTRL_ANNOUNCE_ACK)).isEqualTo(VirtioNet.ERR);
                assertThat(command(d, ctrl, 0, 0, (byte) 1)).isEqualTo(VirtioNet.ERR); // VIRTIO_NET_CTRL_RX_PROMISC
                assertThat(command(d, ctrl, 1, 1, MAC.bytes())).isEqualTo(VirtioNet.ERR); // MAC_ADDR_SET
                assertThat(command(d, ctrl, 4, 0, (byte) 1, (byte) 0)).isEqualTo(VirtioNet.ERR); // MQ_VQ_PAIRS_SET
                assertThat(command(d, ctrl, 0xFF, 0xFF)).isEqualTo(VirtioNet.ERR);
                assertThat(d.needsReset()).isFalse();
            }
        }
    }

    @Nested
    class Announce {

        @Test
        void withoutGuestAnnounceItSendsFiveRarpsAtQemusIntervals() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                d.start(GUEST_ANNOUNCE, 8, 8, 8);
                int generation = d.read(CONFIG_GENERATION);
                nic.announce();
                byte[] rarp = Ethernet.rarpAnnouncement(MAC);
                assertThat(backend.takeSent()).containsExactly(rarp);
                long[] gaps = {50, 150, 250, 350};
                for (long gap : gaps) {
                    assertThat(timer.nextDelay()).isEqualTo(gap * MS);
                    timer.advance(gap * MS - 1);
                    assertThat(backend.sent()).isEmpty();
                    timer.advance(1);
                    assertThat(backend.takeSent()).containsExactly(rarp);
                }
                assertThat(timer.pending()).isZero();
                assertThat(d.read(CONFIG_GENERATION)).isEqualTo(generation);
                assertThat(d.irq.level()).isFalse();
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_LINK_UP);
            }
        }

        @Test
        void withGuestAnnounceItAlsoAsksTheGuestUntilItAcks() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                TestQueue ctrl = d.start(0, 8, 8, 8).get(CONTROL_QUEUE);
                int generation = d.read(CONFIG_GENERATION);
                nic.announce();
                assertThat(backend.takeSent()).hasSize(1);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1))
                        .isEqualTo(VirtioNet.S_LINK_UP | VirtioNet.S_ANNOUNCE);
                assertThat(d.read(CONFIG_GENERATION)).isEqualTo(generation + 1);
                assertThat(d.acknowledge()).isEqualTo(Virtio.INTERRUPT_CONFIG_CHANGE);
                // What Linux's virtnet_config_changed_work does: notify peers, then ack.
                assertThat(command(d, ctrl, VirtioNet.CTRL_ANNOUNCE, VirtioNet.CTRL_ANNOUNCE_ACK)).isEqualTo(VirtioNet.OK);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_LINK_UP);
                assertThat(command(d, ctrl, VirtioNet.CTRL_ANNOUNCE, VirtioNet.CTRL_ANNOUNCE_ACK)).isEqualTo(VirtioNet.ERR);
                d.acknowledge();
                timer.advance(50 * MS);
                assertThat(backend.takeSent()).hasSize(1);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1) & VirtioNet.S_ANNOUNCE).isNotZero();
                assertThat(d.irq.level()).isTrue();
                // A device reset forgets the pending announcement but keeps the link.
                d.write(STATUS, 0);
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_LINK_UP);
                timer.advance(TimeUnit.SECONDS.toNanos(1));
                assertThat(backend.takeSent()).hasSize(3); // the RARP rounds go on
                assertThat(d.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_LINK_UP);
            }
        }

        @Test
        void announcingAgainRestartsTheRoundsAndALinkThatIsDownStaysQuiet() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                d.start(0, 8, 8, 8);
                nic.announce();
                timer.advance(50 * MS);
                nic.announce();
                assertThat(backend.takeSent()).hasSize(3);
                timer.advance(TimeUnit.SECONDS.toNanos(2));
                assertThat(backend.takeSent()).hasSize(4); // only the second series' remaining rounds
                nic.setLinkUp(false);
                nic.announce();
                timer.advance(TimeUnit.SECONDS.toNanos(2));
                assertThat(backend.sent()).isEmpty();
            }
        }

        @Test
        void theRarpIsQemusAnnounceSelfFrame() {
            byte[] f = Ethernet.rarpAnnouncement(MAC);
            byte[] expected = new byte[60];
            byte[] head = {
                    -1, -1, -1, -1, -1, -1, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56, (byte) 0x80, 0x35,
                    0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x03,
                    0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0, 0, 0, 0,
                    0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0, 0, 0, 0};
            System.arraycopy(head, 0, expected, 0, head.length);
            assertThat(f).isEqualTo(expected);
            assertThat(Ethernet.etherType(f)).isEqualTo(Ethernet.ETHERTYPE_RARP);
        }
    }

    /** A protocol violation on one of the NIC's queues: queue index and how to post it. */
    static Stream<Arguments> malformedChains() {
        return Stream.of(
                bad("transmit chain shorter than the header", TRANSMIT_QUEUE,
                        (q, buf) -> q.post(Buf.readable(buf, HEADER_SIZE - 1))),
                bad("transmit chain with only writable bytes", TRANSMIT_QUEUE,
                        (q, buf) -> q.post(Buf.writable(buf, 1600))),
                bad("receive chain with no writable bytes", RECEIVE_QUEUE,
                        (q, buf) -> q.post(Buf.readable(buf, 1600))),
                bad("control chain without ack byte", CONTROL_QUEUE,
                        (q, buf) -> q.post(Buf.readable(buf, 2))),
                bad("control chain with a one-byte header", CONTROL_QUEUE,
                        (q, buf) -> q.post(Buf.readable(buf, 1), Buf.writable(buf + 64, 1))),
                bad("transmit chain looping", TRANSMIT_QUEUE, (q, buf) -> {
                    q.descriptor(0, buf, 16, Virtio.VIRTQ_DESC_F_NEXT, 1);
                    q.descriptor(1, buf, 16, Virtio.VIRTQ_DESC_F_NEXT, 0);
                    q.publish(0);
                }),
                bad("receive buffer outside RAM", RECEIVE_QUEUE, (q, buf) -> q.post(Buf.writable(0x1000, 2048))));
    }

    private static Arguments bad(String name, int queue, BiConsumer<TestQueue, Long> setup) {
        return arguments(named(name, queue), setup);
    }

    @ParameterizedTest
    @MethodSource("malformedChains")
    void malformedChainsNeedResetAndAResetRecovers(int queue, BiConsumer<TestQueue, Long> setup) {
        VirtioNet nic = nic();
        try (GuestDriver d = new GuestDriver(nic)) {
            List<TestQueue> qs = d.start(0, 8, 8, 8);
            long buf = d.alloc(4096);
            backend.inject(inbound(100, 1)); // so that the receive queue has work
            setup.accept(qs.get(queue), buf);
            qs.get(queue).kick();
            assertThat(d.needsReset()).isTrue();
            assertThat(d.read(INTERRUPT_STATUS) & Virtio.INTERRUPT_CONFIG_CHANGE).isNotZero();
            assertThat(d.irq.level()).isTrue();
            assertThat(d.dev.inFlight()).isZero();
            assertThat(qs.get(queue).usedIdx()).isZero();
            // Broken until reset; then it works again.
            List<TestQueue> again = d.start(0, 8, 8, 8);
            assertThat(d.needsReset()).isFalse();
            byte[] f = frame(PEER, MAC, 80, 2);
            long p = stage(d, f);
            again.get(TRANSMIT_QUEUE).post(Buf.readable(p, HEADER_SIZE + 80));
            again.get(TRANSMIT_QUEUE).kick();
            assertThat(backend.sent()).last().isEqualTo(f);
            long rb = d.alloc(2048);
            again.get(RECEIVE_QUEUE).post(Buf.writable(rb, 2048));
            again.get(RECEIVE_QUEUE).kick();
            backend.inject(inbound(90, 3));
            assertThat(again.get(RECEIVE_QUEUE).usedIdx()).isEqualTo(1);
            assertThat(d.bytes(rb + HEADER_SIZE, 90)).isEqualTo(inbound(90, 3));
        }
    }

    @Nested
    class State {

        @Test
        void framesArrivingWhileQuiescedTravelInTheStateAndReachTheGuestAfterRestore() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                List<TestQueue> qs = d.start(0, 8, 8, 8);
                TestQueue rx = qs.get(RECEIVE_QUEUE);
                long a = d.alloc(2048);
                long b = d.alloc(2048);
                rx.post(Buf.writable(a, 2048));
                rx.kick();
                d.dev.quiesce();
                byte[] f1 = inbound(300, 1);
                byte[] f2 = inbound(400, 2);
                backend.inject(f1);
                backend.inject(f2);
                assertThat(rx.usedIdx()).isZero(); // quiesced: the posted buffer waits too
                rx.post(Buf.writable(b, 2048)); // the guest keeps running meanwhile
                VirtioMmioState state = d.dev.save();
                VirtioNetState expected = new VirtioNetState(MAC, 1500, VirtioNet.S_LINK_UP, List.of(f1, f2));
                assertThat(state.device()).isEqualTo(expected);
                assertThat(state.device().hashCode()).isEqualTo(expected.hashCode());
                assertThat(state.device().toString()).contains("52:54:00:12:34:56").contains("pendingFrames=2 (700 bytes)");

                RecordingNetBackend targetBackend = new RecordingNetBackend();
                VirtioNet target = new VirtioNet(MAC, targetBackend, 1500, timer);
                GuestDriver d2 = new GuestDriver(target, d.ram);
                d2.dev.restore(state);
                d2.dev.resyncInterrupts();
                assertThat(d2.dev.save()).isEqualTo(state);
                assertThat(target.pendingFrames()).isEqualTo(2);
                d2.dev.resume();
                assertThat(rx.usedIdx()).isEqualTo(2);
                assertThat(d.bytes(a + HEADER_SIZE, 300)).isEqualTo(f1);
                assertThat(d.bytes(b + HEADER_SIZE, 400)).isEqualTo(f2);
                assertThat(d2.irq.level()).isTrue();
                // The target announces the partition on its new port.
                target.announce();
                assertThat(targetBackend.takeSent()).containsExactly(Ethernet.rarpAnnouncement(MAC));
                assertThat(backend.sent()).isEmpty(); // the source sent nothing
                assertThat(((VirtioNetState) d.dev.save().device()).pendingFrames()).hasSize(2); // source untouched
            }
        }

        @Test
        void restoreCarriesLinkAndAnnounceStatus() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                d.start(0, 8, 8, 8);
                nic.announce();
                nic.setLinkUp(false);
                VirtioMmioState state = d.dev.save();
                assertThat(((VirtioNetState) state.device()).status()).isEqualTo(VirtioNet.S_ANNOUNCE);
                VirtioNet target = new VirtioNet(MAC, new RecordingNetBackend(), 1500, timer);
                GuestDriver d2 = new GuestDriver(target, d.ram);
                d2.dev.restore(state);
                assertThat(target.linkUp()).isFalse();
                assertThat(d2.dev.load(CONFIG + VirtioNet.CONFIG_STATUS, 1)).isEqualTo(VirtioNet.S_ANNOUNCE);
            }
        }

        @Test
        void restoreRefusesAnotherAddressAnotherMtuOrAnotherDevicesState() {
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                d.start(0, 8, 8, 8);
                backend.inject(inbound(100, 1));
                VirtioMmioState state = d.dev.save();
                VirtioNet other = new VirtioNet(PEER, new RecordingNetBackend(), 1500, timer);
                GuestDriver d2 = new GuestDriver(other, d.ram);
                VirtioMmioState before = d2.dev.save();
                assertThatThrownBy(() -> d2.dev.restore(state)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("52:54:00:12:34:56");
                assertThat(d2.dev.save()).isEqualTo(before);
                VirtioNet jumbo = new VirtioNet(MAC, new RecordingNetBackend(), 9000, timer);
                assertThatThrownBy(() -> jumbo.restore(state.device())).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("MTU");
                assertThatThrownBy(() -> nic.restore(new VirtioRngState())).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> new VirtioMmioState(Virtio.ID_BLOCK, state.deviceFeatures(), 0, 0, 0, 0, 0, 0, 0,
                        state.queues(), state.device())).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void theStateRecordRejectsHostileValuesAndCopiesItsFrames() {
            byte[] f = inbound(60, 1);
            assertThatThrownBy(() -> new VirtioNetState(MacAddress.BROADCAST, 1500, 1, List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNetState(null, 1500, 1, List.of())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 67, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 9001, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 1500, 4, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 1500, -1, List.of())).isInstanceOf(IllegalArgumentException.class);
            List<byte[]> tooMany = new ArrayList<>();
            for (int i = 0; i <= VirtioNet.RX_QUEUE_CAPACITY; i++) {
                tooMany.add(f);
            }
            assertThatThrownBy(() -> new VirtioNetState(MAC, 1500, 1, tooMany)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 1500, 1, List.of(new byte[13])))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 1500, 1, List.of(new byte[1519])))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 1500, 1, Arrays.asList(f, null)))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new VirtioNetState(MAC, 1500, 1, null)).isInstanceOf(NullPointerException.class);
            assertThat(new VirtioNetState(MAC, 9000, 3, List.of(new byte[9018])).pendingFrames()).hasSize(1);

            byte[] mine = f.clone();
            VirtioNetState s = new VirtioNetState(MAC, 1500, 1, List.of(mine));
            mine[20] ^= 1;
            s.pendingFrames().getFirst()[21] ^= 1;
            assertThat(s.pendingFrames().getFirst()).isEqualTo(f);
            assertThat(s).isEqualTo(new VirtioNetState(MAC, 1500, 1, List.of(f.clone())));
            assertThat(s).isNotEqualTo(new VirtioNetState(MAC, 1500, 1, List.of(inbound(60, 2))));
            assertThat(s).isNotEqualTo(new VirtioNetState(MAC, 1500, 3, List.of(f)));
            assertThat(s).isNotEqualTo(new VirtioNetState(MAC, 1500, 1, List.of()));
            assertThat(s.deviceId()).isEqualTo(Virtio.ID_NET);
        }
    }

    @Nested
    class BackToBack {

        @Test
        void twoNicsOnAnInMemoryCableTalkToEachOther() {
            try (LoopbackBackend.Pair cable = LoopbackBackend.pair();
                 GuestDriver left = new GuestDriver(new VirtioNet(MAC, cable.a(), 1500, timer));
                 GuestDriver right = new GuestDriver(new VirtioNet(PEER, cable.b(), 1500, timer))) {
                List<TestQueue> lq = left.start(0, 16, 16, 8);
                List<TestQueue> rq = right.start(0, 16, 16, 8);
                long[] rightBufs = new long[8];
                long[] leftBufs = new long[8];
                for (int i = 0; i < 8; i++) {
                    rightBufs[i] = right.alloc(2048);
                    rq.get(RECEIVE_QUEUE).post(Buf.writable(rightBufs[i], 2048));
                    leftBufs[i] = left.alloc(2048);
                    lq.get(RECEIVE_QUEUE).post(Buf.writable(leftBufs[i], 2048));
                }
                rq.get(RECEIVE_QUEUE).kick();
                lq.get(RECEIVE_QUEUE).kick();
                // Both transmit at once from two threads: the cable must not deadlock the two transports.
                Thread t = Thread.ofPlatform().start(() -> transmit(right, rq.get(TRANSMIT_QUEUE), PEER, MAC, 100));
                transmit(left, lq.get(TRANSMIT_QUEUE), MAC, PEER, 0);
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                assertThat(Waits.await(() -> rq.get(RECEIVE_QUEUE).usedIdx() == 8 && lq.get(RECEIVE_QUEUE).usedIdx() == 8,
                        Duration.ofSeconds(10))).isTrue();
                for (int i = 0; i < 8; i++) {
                    assertThat(right.bytes(rightBufs[i] + HEADER_SIZE, 200 + i)).isEqualTo(frame(PEER, MAC, 200 + i, i));
                    assertThat(left.bytes(leftBufs[i] + HEADER_SIZE, 200 + i)).isEqualTo(frame(MAC, PEER, 200 + i, 100 + i));
                }
            }
        }

        private static void transmit(GuestDriver d, TestQueue tx, MacAddress from, MacAddress to, int seed) {
            for (int i = 0; i < 8; i++) {
                long p = stage(d, frame(to, from, 200 + i, seed + i));
                tx.post(Buf.readable(p, HEADER_SIZE), Buf.readable(p + HEADER_SIZE, 200 + i));
                tx.kick();
            }
        }
    }

    @Nested
    class Concurrency {

        @Test
        void framesFromABackendThreadWhileTheGuestRecyclesBuffersArriveInOrderOrAreCounted() throws Exception {
            VirtioNet nic = nic();
            int total = 20_000;
            int size = 64;
            try (GuestDriver d = new GuestDriver(nic)) {
                TestQueue rx = d.start(0, size, 8, 8).get(RECEIVE_QUEUE);
                long[] bufs = new long[size];
                for (int i = 0; i < size; i++) {
                    bufs[i] = d.alloc(128);
                }
                Thread injector = Thread.ofPlatform().start(() -> {
                    for (int seq = 0; seq < total; seq++) {
                        byte[] f = inbound(60, 0);
                        f[14] = (byte) (seq >>> 24);
                        f[15] = (byte) (seq >>> 16);
                        f[16] = (byte) (seq >>> 8);
                        f[17] = (byte) seq;
                        backend.inject(f);
                    }
                });
                int posted = 0;
                int consumed = 0;
                int last = -1;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while ((injector.isAlive() || nic.pendingFrames() > 0) && System.nanoTime() < deadline) {
                    int used = rx.usedIdx();
                    for (; consumed != used; consumed = (consumed + 1) & 0xFFFF) {
                        int head = rx.usedId(consumed);
                        assertThat(rx.usedLen(consumed)).isEqualTo(HEADER_SIZE + 60);
                        byte[] f = d.bytes(bufs[head] + HEADER_SIZE + 14, 4);
                        int seq = (f[0] & 0xFF) << 24 | (f[1] & 0xFF) << 16 | (f[2] & 0xFF) << 8 | (f[3] & 0xFF);
                        assertThat(seq).isGreaterThan(last);
                        last = seq;
                    }
                    boolean any = false;
                    while (((posted - consumed) & 0xFFFF) < size) {
                        rx.post(Buf.writable(bufs[rx.nextDesc], 128));
                        posted = (posted + 1) & 0xFFFF;
                        any = true;
                    }
                    if (any) {
                        rx.kick();
                    }
                }
                injector.join();
                assertThat(nic.pendingFrames()).isZero();
                assertThat(nic.receivedFrames() + nic.droppedReceiveFrames()).isEqualTo(total);
                assertThat(nic.receivedFrames()).isPositive(); // how many depends on scheduling, not on the device
                assertThat(d.dev.inFlight()).isZero();
            }
        }
    }

    @Nested
    class Fuzz {

        private static final int[] REGISTERS = {DEVICE_FEATURES, DEVICE_FEATURES_SEL, DRIVER_FEATURES,
                DRIVER_FEATURES_SEL, QUEUE_SEL, QUEUE_NUM, QUEUE_READY, QUEUE_NOTIFY, INTERRUPT_ACK, STATUS,
                QUEUE_DESC_LOW, QUEUE_DESC_HIGH, QUEUE_DRIVER_LOW, QUEUE_DRIVER_HIGH, QUEUE_DEVICE_LOW,
                QUEUE_DEVICE_HIGH, CONFIG, CONFIG + 4, CONFIG + 6, CONFIG + 8, CONFIG + 10};

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5, 6})
        void randomRegisterRingAndNetworkTrafficNeverThrowsAndKeepsInvariants(long seed) {
            Random r = new Random(seed);
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                long window = RAM_BASE;
                int broken = 0;
                for (int step = 0; step < 20_000; step++) {
                    int op = r.nextInt(100);
                    if (op < 30) {
                        int offset = REGISTERS[r.nextInt(REGISTERS.length)];
                        d.dev.store(offset, value(r, window), offset >= CONFIG ? r.nextInt(3) : 2);
                    } else if (op < 40) {
                        int size = r.nextInt(3);
                        d.dev.load(r.nextInt(0x200) & -(1 << size), size);
                    } else if (op < 60) {
                        scribble(d, r, window);
                    } else if (op < 70) {
                        d.write(QUEUE_NOTIFY, r.nextInt(4));
                    } else if (op < 85) {
                        int length = r.nextInt(8) == 0 ? r.nextInt(1600) : 14 + r.nextInt(200);
                        backend.inject(inbound(Math.max(length, 0), r.nextInt()));
                    } else if (op < 88) {
                        nic.setLinkUp(r.nextInt(4) != 0);
                    } else if (op < 91) {
                        if (r.nextBoolean()) {
                            nic.announce();
                        }
                        timer.advance(r.nextInt(200) * MS);
                    } else {
                        d.negotiate(d.offeredFeatures() & r.nextLong());
                        for (int q = 0; q < 3; q++) {
                            d.write(QUEUE_SEL, q);
                            d.write(QUEUE_NUM, 1 << r.nextInt(5));
                            d.write(QUEUE_DESC_LOW, window + 16L * r.nextInt(256));
                            d.write(QUEUE_DRIVER_LOW, window + 0x4000 + 2L * r.nextInt(256));
                            d.write(QUEUE_DEVICE_LOW, window + 0x8000 + 4L * r.nextInt(256));
                            d.write(QUEUE_READY, 1);
                        }
                        d.driverOk();
                    }
                    assertThat(d.irq.level()).isEqualTo(d.read(INTERRUPT_STATUS) != 0);
                    assertThat(d.dev.inFlight()).isZero();
                    assertThat(nic.pendingFrames()).isBetween(0, VirtioNet.RX_QUEUE_CAPACITY);
                    broken += d.needsReset() ? 1 : 0;
                }
                assertThat(broken).as("steps that left the device broken").isPositive();
                assertThat(nic.droppedReceiveFrames()).as("frames dropped (runts, giants, full queue, resets)").isPositive();
                VirtioMmioState s = d.dev.save();
                GuestDriver twin = new GuestDriver(new VirtioNet(MAC, new RecordingNetBackend(), 1500, timer), d.ram);
                twin.dev.restore(s);
                assertThat(twin.dev.save()).isEqualTo(s);
                d.write(STATUS, 0);
                assertThat(d.status()).isZero();
                assertThat(d.irq.level()).isFalse();
                assertThat(nic.pendingFrames()).isZero();
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {11, 12, 13, 14})
        void mostlyValidTrafficIsServedAndMistakesBreakTheDeviceCleanly(long seed) {
            Random r = new Random(seed);
            VirtioNet nic = nic();
            try (GuestDriver d = new GuestDriver(nic)) {
                int size = 1 << (2 + r.nextInt(3));
                long rings = d.alloc(0x3000L * 3);
                long buffers = d.alloc(0x10000);
                List<TestQueue> qs = restart(d, r, size, rings);
                int broken = 0;
                for (int step = 0; step < 5_000; step++) {
                    int q = r.nextInt(3);
                    TestQueue queue = qs.get(q);
                    int op = r.nextInt(100);
                    if (op < 60) {
                        postRandomChain(d, queue, q, r, buffers);
                        queue.kick();
                    } else if (op < 85) {
                        backend.inject(inbound(14 + r.nextInt(1505), r.nextInt()));
                    } else if (op < 95) {
                        d.acknowledge();
                    } else {
                        scribble(d, r, buffers);
                    }
                    assertThat(d.irq.level()).isEqualTo(d.read(INTERRUPT_STATUS) != 0);
                    assertThat(d.dev.inFlight()).isZero();
                    if (d.needsReset() || (queue.nextDesc + 4) % size < queue.nextDesc % size) {
                        broken += d.needsReset() ? 1 : 0;
                        qs = restart(d, r, size, rings);
                    }
                }
                assertThat(nic.receivedFrames()).as("frames delivered").isGreaterThan(200);
                assertThat(nic.transmittedFrames()).as("frames sent").isGreaterThan(200);
                assertThat(broken).as("steps that broke the device").isPositive();
            }
        }

        private List<TestQueue> restart(GuestDriver d, Random r, int size, long rings) {
            d.ram.write(rings, new byte[0x3000 * 3]);
            if (!d.negotiate(d.offeredFeatures() & ~(r.nextBoolean() ? EVENT_IDX : 0))) {
                throw new AssertionError("FEATURES_OK refused");
            }
            List<TestQueue> qs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long base = rings + 0x3000L * i;
                qs.add(d.queue(i, size, base, base + 0x1000, base + 0x2000));
            }
            d.driverOk();
            return qs;
        }

        /** A chain shaped for its queue nine times out of ten. */
        private void postRandomChain(GuestDriver d, TestQueue q, int queue, Random r, long buffers) {
            List<Buf> bufs = new ArrayList<>();
            long at = buffers + r.nextInt(0x10000 - 0x800);
            switch (queue) {
                case RECEIVE_QUEUE -> {
                    int len = r.nextBoolean() ? HEADER_SIZE + 1518 : 1 + r.nextInt(0x7FF);
                    if (r.nextBoolean()) {
                        bufs.add(Buf.writable(at, len));
                    } else {
                        bufs.add(Buf.writable(at, Math.min(len, HEADER_SIZE)));
                        bufs.add(Buf.writable(at + HEADER_SIZE, Math.max(1, len - HEADER_SIZE)));
                    }
                }
                case TRANSMIT_QUEUE -> {
                    int len = r.nextInt(1600);
                    d.ram.write(at + HEADER_SIZE, frame(PEER, MAC, Math.min(len, 0x700), r.nextInt()));
                    bufs.add(Buf.readable(at, HEADER_SIZE));
                    bufs.add(Buf.readable(at + HEADER_SIZE, Math.max(1, len)));
                }
                default -> {
                    d.ram.store(at, r.nextInt(6) | (r.nextInt(2) << 8), 1);
                    bufs.add(Buf.readable(at, 2 + r.nextInt(8)));
                    bufs.add(Buf.writable(at + 0x100, 1));
                }
            }
            if (r.nextInt(10) == 0) {
                switch (r.nextInt(4)) {
                    case 0 -> bufs.set(0, new Buf(r.nextLong(), 16, bufs.getFirst().writable()));
                    case 1 -> bufs.set(0, new Buf(at, r.nextInt(3), !bufs.getFirst().writable()));
                    case 2 -> {
                        q.publish(q.size + r.nextInt(100));
                        return;
                    }
                    default -> bufs.add(0, Buf.writable(at, 4));
                }
            }
            Buf[] array = bufs.toArray(Buf[]::new);
            if (r.nextInt(4) == 0) {
                q.postIndirect(array);
            } else {
                q.post(array);
            }
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

        private static void scribble(GuestDriver d, Random r, long window) {
            long at = window + (r.nextInt(0x10000) & ~15);
            switch (r.nextInt(3)) {
                case 0 -> {
                    d.ram.store(at, r.nextBoolean() ? window + r.nextInt(0x10000) : r.nextLong(), 3);
                    d.ram.store(at + 8, r.nextBoolean() ? r.nextInt(2048) : r.nextInt(), 2);
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
