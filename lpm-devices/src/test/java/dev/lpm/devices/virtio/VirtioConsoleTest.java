package dev.lpm.devices.virtio;

import dev.lpm.devices.uart.BufferSerial;
import dev.lpm.devices.virtio.GuestDriver.Buf;
import dev.lpm.devices.virtio.GuestDriver.TestQueue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.lpm.devices.virtio.VirtioConsole.RECEIVE_QUEUE;
import static dev.lpm.devices.virtio.VirtioConsole.TRANSMIT_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtioConsoleTest {

    final BufferSerial serial = new BufferSerial();

    static String text(GuestDriver d, long address, int length) {
        return new String(d.bytes(address, length), StandardCharsets.ISO_8859_1);
    }

    @Test
    void singlePortConsoleWithEmergencyWrite() {
        try (GuestDriver d = new GuestDriver(new VirtioConsole(serial))) {
            assertThat(d.read(VirtioMmio.DEVICE_ID)).isEqualTo(3);
            long f = d.offeredFeatures();
            assertThat(Virtio.has(f, VirtioConsole.F_EMERG_WRITE)).isTrue();
            assertThat(Virtio.has(f, VirtioConsole.F_MULTIPORT)).isFalse();
            assertThat(Virtio.has(f, VirtioConsole.F_SIZE)).isFalse();
            assertThat(d.dev.load(VirtioMmio.CONFIG + 4, 2)).isEqualTo(1); // max_nr_ports
            d.write(VirtioMmio.QUEUE_SEL, 1);
            assertThat(d.read(VirtioMmio.QUEUE_NUM_MAX)).isEqualTo(1024);
            d.write(VirtioMmio.QUEUE_SEL, 2);
            assertThat(d.read(VirtioMmio.QUEUE_NUM_MAX)).isZero();
            d.dev.store(VirtioMmio.CONFIG + VirtioConsole.EMERG_WR, '!', 2);
            assertThat(serial.outputText()).isEqualTo("!");
        }
    }

    @Test
    void transmitBuffersGoToTheBackendInOrder() {
        try (GuestDriver d = new GuestDriver(new VirtioConsole(serial))) {
            TestQueue tx = d.start(0, 8, 8).get(TRANSMIT_QUEUE);
            long a = d.alloc(16);
            d.ram.write(a, "hello, ".getBytes(StandardCharsets.US_ASCII));
            long b = d.alloc(16);
            d.ram.write(b, "world\n".getBytes(StandardCharsets.US_ASCII));
            tx.post(Buf.readable(a, 3), Buf.readable(a + 3, 4));
            tx.postIndirect(Buf.readable(b, 6));
            d.dirtyPages();
            tx.kick();
            assertThat(serial.outputText()).isEqualTo("hello, world\n");
            assertThat(tx.usedIdx()).isEqualTo(2);
            assertThat(tx.usedLen(0)).isZero();
            assertThat(d.dirtyPages()).isEqualTo(GuestDriver.pagesOf(tx.used, 8));
        }
    }

    @Test
    void inputWaitsForReceiveBuffersAndFillsThemInOrder() {
        try (GuestDriver d = new GuestDriver(new VirtioConsole(serial))) {
            serial.inject("early"); // before the driver exists
            List<TestQueue> qs = d.start(Virtio.bit(Virtio.F_RING_EVENT_IDX), 8, 8);
            TestQueue rx = qs.get(RECEIVE_QUEUE);
            assertThat(d.irq.level()).isFalse();
            long a = d.alloc(3);
            long b = d.alloc(64);
            rx.post(Buf.writable(a, 3));
            rx.post(Buf.writable(b, 64));
            rx.kick();
            assertThat(rx.usedIdx()).isEqualTo(2);
            assertThat(rx.usedLen(0)).isEqualTo(3);
            assertThat(rx.usedLen(1)).isEqualTo(2);
            assertThat(text(d, a, 3)).isEqualTo("ear");
            assertThat(text(d, b, 2)).isEqualTo("ly");
            assertThat(d.irq.level()).isTrue();
            d.acknowledge();

            long c = d.alloc(64);
            rx.post(Buf.writable(c, 64));
            rx.kick();
            assertThat(rx.usedIdx()).isEqualTo(2); // buffer waits for input
            serial.inject("x");
            assertThat(rx.usedIdx()).isEqualTo(3);
            assertThat(text(d, c, 1)).isEqualTo("x");
            assertThat(d.irq.level()).isTrue();
        }
    }

    @Test
    void inputBeyondTheCapacityIsDropped() {
        VirtioConsole console = new VirtioConsole(serial);
        try (GuestDriver d = new GuestDriver(console)) {
            serial.inject(new byte[VirtioConsole.HOST_INPUT_CAPACITY + 10]);
            assertThat(d.dev.device()).isSameAs(console);
            assertThat(console.droppedHostBytes()).isEqualTo(10);
            assertThat(console.save().hostInput()).hasSize(VirtioConsole.HOST_INPUT_CAPACITY);
        }
    }

    @Test
    void inputArrivingWhileQuiescedTravelsInTheStateAndIsDeliveredAfterRestore() {
        try (GuestDriver d = new GuestDriver(new VirtioConsole(serial))) {
            TestQueue rx = d.start(0, 8, 8).get(RECEIVE_QUEUE);
            long a = d.alloc(64);
            rx.post(Buf.writable(a, 64));
            rx.kick();
            d.dev.quiesce();
            serial.inject("typed during migration");
            assertThat(rx.usedIdx()).isZero();
            VirtioMmioState state = d.dev.save();
            assertThat(state.device()).isEqualTo(new VirtioConsoleState(
                    "typed during migration".getBytes(StandardCharsets.US_ASCII)));
            assertThat(state.device().toString()).contains("VirtioConsoleState");

            BufferSerial otherSerial = new BufferSerial();
            GuestDriver d2 = new GuestDriver(new VirtioConsole(otherSerial), d.ram);
            d2.dev.restore(state);
            d2.dev.resyncInterrupts();
            d2.dev.resume();
            assertThat(rx.usedIdx()).isEqualTo(1);
            assertThat(text(d, a, 22)).isEqualTo("typed during migration");
            otherSerial.inject("!");
            TestQueue rx2 = new TestQueue(d2, RECEIVE_QUEUE, 8, rx.desc, rx.avail, rx.used);
            rx2.nextDesc = rx.nextDesc;
            rx2.availIdx = rx.availIdx;
            long b = d.alloc(8);
            rx2.post(Buf.writable(b, 8));
            rx2.kick();
            assertThat(text(d, b, 1)).isEqualTo("!");
            assertThat(serial.outputSize()).isZero();
        }
    }

    @Test
    void resetKeepsQueuedInputAndRestoreRejectsForeignState() {
        VirtioConsole console = new VirtioConsole(serial);
        try (GuestDriver d = new GuestDriver(console)) {
            serial.inject("abc");
            d.start(0, 8, 8);
            d.write(VirtioMmio.STATUS, 0);
            assertThat(console.save()).isEqualTo(new VirtioConsoleState("abc".getBytes(StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> console.restore(new VirtioRngState())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
