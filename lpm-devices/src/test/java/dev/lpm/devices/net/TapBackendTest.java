package dev.lpm.devices.net;

import dev.lpm.devices.Waits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Real TAP interfaces in a bridge on this host (root only; skipped otherwise). */
class TapBackendTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:98:76:54");

    /** Receives frames into a queue. */
    static BlockingQueue<byte[]> listen(NetBackend backend) {
        BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        backend.connect((frame, offset, length) -> frames.add(Arrays.copyOfRange(frame, offset, offset + length)));
        return frames;
    }

    /** The first frame matching {@code wanted} within 5 s (others, such as IPv6 chatter, are skipped), or null. */
    static byte[] await(BlockingQueue<byte[]> frames, Predicate<byte[]> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            byte[] f = frames.poll(50, TimeUnit.MILLISECONDS);
            if (f != null && wanted.test(f)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void arpAndPingThroughABridgeReachTheHostAndComeBack() throws Exception {
        try (HostNetwork net = HostNetwork.withBridge()) {
            String tap = net.tap("a");
            assertThat(TapInterfaces.exists(tap)).isTrue();
            assertThat(TapInterfaces.isTap(tap)).isTrue();
            assertThat(TapInterfaces.bridgeOf(tap)).isEqualTo(net.bridge);
            try (TapBackend backend = TapBackend.open(tap)) {
                assertThat(backend.interfaceName()).isEqualTo(tap);
                BlockingQueue<byte[]> frames = listen(backend);
                byte[] me = net.ip(2);
                backend.send(HostNetwork.arpRequest(MAC, me, net.host()), 0, 60);
                byte[] reply = await(frames, f -> HostNetwork.isArpReply(f, MAC, net.host()));
                assertThat(reply).as("ARP reply from the bridge's address").isNotNull();
                MacAddress bridgeMac = MacAddress.of(reply, 22);

                byte[] payload = "lpm tap test".getBytes();
                byte[] echo = HostNetwork.echoRequest(MAC, bridgeMac, me, net.host(), 0x4C50, 1, payload);
                backend.send(echo, 0, echo.length);
                assertThat(await(frames, f -> HostNetwork.isEchoReply(f, MAC, net.host(), 0x4C50, 1, payload)))
                        .as("echo reply").isNotNull();
                assertThat(backend.sentFrames()).isEqualTo(2);
                assertThat(backend.receivedFrames()).isGreaterThanOrEqualTo(2);
                assertThat(backend.droppedFrames()).isZero();
                assertThat(backend.failure()).isNull();
                assertThatThrownBy(() -> backend.connect((f, o, l) -> { })).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void openingFailsClearlyForMissingBusyAndNonTapInterfaces() throws Exception {
        try (HostNetwork net = HostNetwork.withBridge()) {
            String missing = "lpmt" + net.suffix + "x";
            TapException e = catchThrowableOfType(TapException.class, () -> TapBackend.open(missing));
            assertThat(e.reason()).isEqualTo(TapException.Reason.NO_SUCH_DEVICE);
            assertThat(e.interfaceName()).isEqualTo(missing);
            assertThat(e).hasMessageContaining(missing).hasMessageContaining("does not exist");
            assertThat(TapInterfaces.exists(missing)).isFalse(); // opening did not create it

            String tap = net.tap("b");
            try (TapBackend first = TapBackend.open(tap)) {
                e = catchThrowableOfType(TapException.class, () -> TapBackend.open(tap));
                assertThat(e.reason()).isEqualTo(TapException.Reason.BUSY);
                assertThat(e).hasMessageContaining(tap).hasMessageContaining("busy");
                assertThat(first.failure()).isNull();
            }
            // Closed: it can be opened again.
            try (TapBackend again = TapBackend.open(tap)) {
                assertThat(again.closed()).isFalse();
            }

            e = catchThrowableOfType(TapException.class, () -> TapBackend.open(net.bridge));
            assertThat(e.reason()).isEqualTo(TapException.Reason.NOT_A_TAP);
            assertThat(e).hasMessageContaining(net.bridge);

            String tun = "lpmt" + net.suffix + "u";
            TapInterfaces.ip("tuntap", "add", "dev", tun, "mode", "tun");
            try {
                e = catchThrowableOfType(TapException.class, () -> TapBackend.open(tun));
                assertThat(e.reason()).isEqualTo(TapException.Reason.NOT_A_TAP);
                assertThat(TapInterfaces.isTap(tun)).isFalse();
                assertThatThrownBy(() -> TapInterfaces.delete(tun)).isInstanceOf(IOException.class)
                        .hasMessageContaining("not a TAP");
            } finally {
                TapInterfaces.ip("link", "delete", "dev", tun);
            }
            assertThatThrownBy(() -> TapBackend.open("bad/name")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TapBackend.open("a-name-far-too-long")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void deletingTheInterfaceUnderneathStopsTheReaderAndDropsSends() throws Exception {
        try (HostNetwork net = HostNetwork.withBridge()) {
            String tap = net.tap("c");
            try (TapBackend backend = TapBackend.open(tap)) {
                listen(backend);
                TapInterfaces.delete(tap);
                net.forget(tap);
                assertThat(TapInterfaces.exists(tap)).isFalse();
                assertThat(Waits.await(() -> backend.failure() != null, Duration.ofSeconds(5))).isTrue();
                assertThat(backend.failure()).contains("deleted");
                backend.send(new byte[60], 0, 60);
                assertThat(backend.droppedFrames()).isEqualTo(1);
            }
        }
    }

    @Test
    void closeFromTheReceiverAndSendsAfterCloseAreHarmless() throws Exception {
        try (HostNetwork net = HostNetwork.withBridge()) {
            String tap = net.tap("d");
            TapBackend backend = TapBackend.open(tap);
            backend.connect((frame, offset, length) -> backend.close());
            backend.send(HostNetwork.arpRequest(MAC, net.ip(3), net.host()), 0, 60); // the reply closes it
            assertThat(Waits.await(backend::closed, Duration.ofSeconds(5))).isTrue();
            backend.close();
            backend.send(new byte[60], 0, 60);
            assertThat(backend.droppedFrames()).isEqualTo(1);
            // The descriptor is released: the interface can be opened again.
            assertThat(Waits.await(() -> {
                try (TapBackend again = TapBackend.open(tap)) {
                    return again.interfaceName().equals(tap);
                } catch (TapException e) {
                    return false;
                }
            }, Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void tapInterfacesChecksNamesAndReportsCommandFailures() throws Exception {
        assertThatThrownBy(() -> TapInterfaces.checkName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapInterfaces.checkName("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapInterfaces.checkName("tap 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapInterfaces.checkName("-x;rm")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapInterfaces.checkName("0123456789abcdef")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TapInterfaces.checkName("0123456789abcde")).isEqualTo("0123456789abcde");
        assertThatThrownBy(() -> TapInterfaces.addAddress("lo", "10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapInterfaces.addAddress("lo", "198.18.0.256/24")).isInstanceOf(IllegalArgumentException.class);
        try (HostNetwork net = HostNetwork.withBridge()) {
            String tap = net.tap("e");
            assertThatThrownBy(() -> TapInterfaces.create(tap, net.bridge)).isInstanceOf(IOException.class)
                    .hasMessageContaining(tap);
            String orphan = "lpmt" + net.suffix + "f";
            assertThatThrownBy(() -> TapInterfaces.create(orphan, "lpmb" + net.suffix + "z"))
                    .isInstanceOf(IOException.class);
            assertThat(TapInterfaces.exists(orphan)).as("rolled back").isFalse();
            assertThatThrownBy(() -> TapInterfaces.delete("lo")).isInstanceOf(IOException.class)
                    .hasMessageContaining("not a TAP");
            TapInterfaces.delete(tap);
            net.forget(tap);
            assertThat(TapInterfaces.exists(tap)).isFalse();
        }
    }
}
