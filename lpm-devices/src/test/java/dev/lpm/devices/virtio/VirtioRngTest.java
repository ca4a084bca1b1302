package dev.lpm.devices.virtio;

import dev.lpm.devices.virtio.GuestDriver.Buf;
import dev.lpm.devices.virtio.GuestDriver.TestQueue;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtioRngTest {

    @Test
    void isAnEntropyDeviceWithOneQueueAndNoConfiguration() {
        try (GuestDriver d = new GuestDriver(new VirtioRng())) {
            assertThat(d.read(VirtioMmio.DEVICE_ID)).isEqualTo(4);
            assertThat(d.offeredFeatures()).isEqualTo(VirtioMmio.TRANSPORT_FEATURES);
            assertThat(d.dev.load(VirtioMmio.CONFIG, 0)).isEqualTo(0xFF);
        }
    }

    @Test
    void fillsEveryWritableBufferFromTheSource() {
        try (GuestDriver d = new GuestDriver(new VirtioRng(new Random(42)))) {
            TestQueue q = d.start(0, 8).get(0);
            long a = d.alloc(64);
            long b = d.alloc(5000);
            q.post(Buf.writable(a, 64));
            q.postIndirect(Buf.writable(b, 1000), Buf.writable(b + 1000, 4000));
            d.dirtyPages();
            q.kick();
            assertThat(q.usedIdx()).isEqualTo(2);
            assertThat(q.usedLen(0)).isEqualTo(64);
            assertThat(q.usedLen(1)).isEqualTo(5000);
            assertThat(d.irq.level()).isTrue();
            Random expected = new Random(42);
            byte[] chunk = new byte[4096];
            expected.nextBytes(chunk);
            assertThat(d.bytes(a, 64)).isEqualTo(Arrays.copyOf(chunk, 64));
            expected.nextBytes(chunk);
            assertThat(d.bytes(b, 4096)).isEqualTo(chunk);
            assertThat(d.dirtyPages()).containsAll(GuestDriver.pagesOf(b, 5000)).containsAll(GuestDriver.pagesOf(a, 64));
        }
    }

    @Test
    void fillsAtMostMaxFillBytesOfAHugeBuffer() {
        try (GuestDriver d = new GuestDriver(new VirtioRng(new Random(1)))) {
            TestQueue q = d.start(0, 8).get(0);
            long big = d.alloc(2L * VirtioRng.MAX_FILL);
            q.post(Buf.writable(big, 2L * VirtioRng.MAX_FILL));
            q.kick();
            assertThat(q.usedLen(0)).isEqualTo(VirtioRng.MAX_FILL);
            assertThat(d.bytes(big + VirtioRng.MAX_FILL, 4096)).isEqualTo(new byte[4096]);
        }
    }

    @Test
    void readableBuffersAreReturnedEmpty() {
        try (GuestDriver d = new GuestDriver(new VirtioRng(new Random(1)))) {
            TestQueue q = d.start(0, 8).get(0);
            long buf = d.alloc(16);
            q.post(Buf.readable(buf, 16));
            q.kick();
            assertThat(q.usedLen(0)).isZero();
            assertThat(d.bytes(buf, 16)).isEqualTo(new byte[16]);
            assertThat(d.needsReset()).isFalse();
        }
    }

    @Test
    void stateIsEmptyAndRejectsOtherDevices() {
        VirtioRng rng = new VirtioRng(new Random(1));
        try (GuestDriver d = new GuestDriver(rng)) {
            assertThat(d.dev.save().device()).isEqualTo(new VirtioRngState());
            assertThatThrownBy(() -> rng.restore(new VirtioBlockState(1, false)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rng.attach(null)).isInstanceOf(IllegalStateException.class);
        }
    }
}
