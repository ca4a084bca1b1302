package dev.lpm.devices;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class HostDeviceTimerTest {

    @Test
    void runsActionsInDeadlineOrderOnADaemonThread() throws InterruptedException {
        try (HostDeviceTimer timer = new HostDeviceTimer("timer-test")) {
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            AtomicBoolean daemon = new AtomicBoolean();
            timer.schedule(30_000_000, () -> {
                order.add("late");
                done.countDown();
            });
            timer.schedule(0, () -> {
                daemon.set(Thread.currentThread().isDaemon());
                order.add("now");
                done.countDown();
            });
            timer.schedule(-5, () -> {
                order.add("negative delay runs at once");
                done.countDown();
            });
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("now", "negative delay runs at once", "late");
            assertThat(daemon).isTrue();
        }
    }

    @Test
    void cancelledActionsNeverRun() throws InterruptedException {
        try (HostDeviceTimer timer = new HostDeviceTimer("timer-test")) {
            AtomicBoolean ran = new AtomicBoolean();
            timer.schedule(Duration.ofMillis(500).toNanos(), () -> ran.set(true)).cancel();
            timer.schedule(Duration.ofMillis(600).toNanos(), () -> ran.set(true)).cancel();
            CountDownLatch after = new CountDownLatch(1);
            timer.schedule(Duration.ofMillis(700).toNanos(), after::countDown);
            assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isFalse();
        }
    }

    @Test
    void aThrowingActionDoesNotStopTheTimer() throws InterruptedException {
        try (HostDeviceTimer timer = new HostDeviceTimer("timer-test")) {
            timer.schedule(0, () -> {
                throw new IllegalStateException("boom (expected by the test)");
            });
            CountDownLatch next = new CountDownLatch(1);
            timer.schedule(1_000_000, next::countDown);
            assertThat(next.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void afterCloseSchedulingIsANoOp() {
        HostDeviceTimer timer = new HostDeviceTimer();
        timer.close();
        AtomicBoolean ran = new AtomicBoolean();
        timer.schedule(0, () -> ran.set(true)).cancel();
        assertThat(ran).isFalse();
    }
}
