package dev.lpm.devices.net;

import dev.lpm.devices.Waits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackBackendTest {

    @Test
    void whatOneEndSendsTheOtherReceivesInOrderOnItsOwnThread() {
        try (LoopbackBackend.Pair cable = LoopbackBackend.pair()) {
            List<byte[]> atB = new CopyOnWriteArrayList<>();
            List<Thread> threads = new CopyOnWriteArrayList<>();
            cable.b().connect((frame, offset, length) -> {
                atB.add(java.util.Arrays.copyOfRange(frame, offset, offset + length));
                threads.add(Thread.currentThread());
            });
            byte[] buffer = new byte[100];
            for (int i = 0; i < 50; i++) {
                buffer[10] = (byte) i;
                cable.a().send(buffer, 10, 20 + i);
            }
            buffer[10] = 99; // the cable copied the frames
            assertThat(Waits.await(() -> atB.size() == 50, Duration.ofSeconds(5))).isTrue();
            for (int i = 0; i < 50; i++) {
                assertThat(atB.get(i)).hasSize(20 + i).startsWith((byte) i);
            }
            assertThat(threads).doesNotContain(Thread.currentThread());
            assertThat(cable.a().sentFrames()).isEqualTo(50);
            assertThatThrownBy(() -> cable.b().connect((f, o, l) -> { })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> cable.a().send(buffer, 90, 20)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void aFullWireDropsAndAClosedEndDeliversNothingMore() throws InterruptedException {
        try (LoopbackBackend.Pair cable = LoopbackBackend.pair()) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch first = new CountDownLatch(1);
            List<byte[]> atB = new CopyOnWriteArrayList<>();
            cable.b().connect((frame, offset, length) -> {
                atB.add(frame);
                first.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            byte[] f = new byte[60];
            cable.a().send(f, 0, 60);
            assertThat(first.await(5, TimeUnit.SECONDS)).isTrue(); // the receiver now holds frame 1
            for (int i = 0; i < LoopbackBackend.WIRE_CAPACITY + 5; i++) {
                cable.a().send(f, 0, 60);
            }
            assertThat(cable.a().droppedFrames()).isEqualTo(5);
            release.countDown();
            cable.b().close();
            int seen = atB.size();
            cable.a().send(f, 0, 60);
            Thread.sleep(20);
            assertThat(atB).hasSize(seen);
            assertThat(cable.a().droppedFrames()).isEqualTo(6);
            cable.b().close(); // twice is harmless
        }
    }
}
