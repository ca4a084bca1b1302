package dev.lpm.devices.virtio;

import dev.lpm.devices.ManualTimer;
import dev.lpm.devices.Waits;
import dev.lpm.devices.net.Ethernet;
import dev.lpm.devices.net.HostNetwork;
import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.net.TapBackend;
import dev.lpm.devices.virtio.GuestDriver.Buf;
import dev.lpm.devices.virtio.GuestDriver.TestQueue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static dev.lpm.devices.virtio.VirtioNet.HEADER_SIZE;
import static dev.lpm.devices.virtio.VirtioNet.RECEIVE_QUEUE;
import static dev.lpm.devices.virtio.VirtioNet.TRANSMIT_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest driver talking to the host's network stack through VirtioNet over a real TAP in a bridge, and a
 * migration between two TAPs of that bridge (root only; skipped otherwise).
 */
class VirtioNetTapTest {

    static final MacAddress MAC = MacAddress.parse("52:54:00:4c:50:4d");
    static final int RX_BUFFERS = 64;

    /** A guest with a NIC on {@code backend}: rings up, {@link #RX_BUFFERS} receive buffers posted. */
    static final class Guest {
        final GuestDriver d;
        final VirtioNet nic;
        TestQueue rx;
        TestQueue tx;
        final long[] buffers = new long[RX_BUFFERS];

        Guest(VirtioNet nic, GuestDriver d) {
            this.nic = nic;
            this.d = d;
        }

        static Guest start(VirtioNet nic) {
            Guest g = new Guest(nic, new GuestDriver(nic));
            List<TestQueue> qs = g.d.start(0, RX_BUFFERS, 16, 8);
            g.rx = qs.get(RECEIVE_QUEUE);
            g.tx = qs.get(TRANSMIT_QUEUE);
            for (int i = 0; i < RX_BUFFERS; i++) {
                g.buffers[i] = g.d.alloc(HEADER_SIZE + 1518);
                g.rx.post(Buf.writable(g.buffers[i], HEADER_SIZE + 1518));
            }
            g.rx.kick();
            return g;
        }

        void send(byte[] frame) {
            long p = d.alloc(HEADER_SIZE + frame.length);
            d.ram.write(p + HEADER_SIZE, frame);
            tx.post(Buf.readable(p, HEADER_SIZE), Buf.readable(p + HEADER_SIZE, frame.length));
            tx.kick();
        }

        /** Frames the guest has received so far, in order. */
        List<byte[]> received() {
            List<byte[]> frames = new ArrayList<>();
            int n = rx.usedIdx();
            for (int i = 0; i < n; i++) {
                long len = rx.usedLen(i);
                if (len > HEADER_SIZE) {
                    frames.add(d.bytes(buffers[rx.usedId(i)] + HEADER_SIZE, (int) len - HEADER_SIZE));
                }
            }
            return frames;
        }

        byte[] await(Predicate<byte[]> wanted) {
            byte[][] found = new byte[1][];
            Waits.await(() -> {
                for (byte[] f : received()) {
                    if (wanted.test(f)) {
                        found[0] = f;
                        return true;
                    }
                }
                return false;
            }, Duration.ofSeconds(5));
            return found[0];
        }
    }

    @Test
    void aGuestResolvesAndPingsTheHostThroughItsNic() throws Exception {
        try (HostNetwork net = HostNetwork.withBridge();
             TapBackend tap = TapBackend.open(net.tap("g"))) {
            Guest g = Guest.start(new VirtioNet(MAC, tap, 1500, new ManualTimer()));
            byte[] reply = resolve(g, net);
            assertThat(reply).as("ARP reply in a guest buffer").isNotNull();
            MacAddress hostMac = MacAddress.of(reply, 22);
            byte[] payload = "ping from the guest".getBytes(StandardCharsets.US_ASCII);
            g.send(HostNetwork.echoRequest(MAC, hostMac, net.ip(2), net.host(), 7, 1, payload));
            assertThat(g.await(f -> HostNetwork.isEchoReply(f, MAC, net.host(), 7, 1, payload))).as("echo reply").isNotNull();
            assertThat(g.d.needsReset()).isFalse();
            assertThat(g.nic.transmittedFrames()).isEqualTo(2);
            g.d.close();
        }
    }

    @Test
    void afterAMoveTheAnnouncementTeachesTheBridgeTheNewPortAndTrafficFollows() throws Exception {
        try (HostNetwork net = HostNetwork.withBridge()) {
            String sourcePort = net.tap("s");
            String targetPort = net.tap("t");
            try (TapBackend sourceTap = TapBackend.open(sourcePort);
                 TapBackend targetTap = TapBackend.open(targetPort)) {
                Guest source = Guest.start(new VirtioNet(MAC, sourceTap, 1500, new ManualTimer()));
                // The partition talks from the source port: the bridge learns its MAC there, the host its IP.
                assertThat(resolve(source, net)).isNotNull();
                assertThat(Waits.await(() -> portOf(net.bridge, MAC).equals(sourcePort), Duration.ofSeconds(5))).isTrue();

                // Move: quiesce and save on the source, restore on a NIC behind the target port, resume.
                source.d.dev.quiesce();
                VirtioMmioState state = source.d.dev.save();
                ManualTimer timer = new ManualTimer();
                VirtioNet targetNic = new VirtioNet(MAC, targetTap, 1500, timer);
                GuestDriver targetDriver = new GuestDriver(targetNic, source.d.ram);
                targetDriver.dev.restore(state);
                targetDriver.dev.resyncInterrupts();
                targetDriver.dev.resume();
                Guest target = new Guest(targetNic, targetDriver);
                target.rx = new TestQueue(targetDriver, RECEIVE_QUEUE, RX_BUFFERS, source.rx.desc, source.rx.avail,
                        source.rx.used);
                System.arraycopy(source.buffers, 0, target.buffers, 0, RX_BUFFERS);

                targetNic.announce();
                assertThat(Waits.await(() -> portOf(net.bridge, MAC).equals(targetPort), Duration.ofSeconds(5)))
                        .as("bridge port of " + MAC + " after the RARP").isTrue();

                // Traffic the host starts towards the partition now reaches it on the target.
                int before = target.rx.usedIdx();
                byte[] payload = "after the move".getBytes(StandardCharsets.US_ASCII);
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.send(new DatagramPacket(payload, payload.length, InetAddress.getByAddress(net.ip(2)), 9));
                }
                Predicate<byte[]> datagram = f -> Ethernet.etherType(f) == Ethernet.ETHERTYPE_IPV4 && f[23] == 17
                        && MacAddress.of(f, 0).equals(MAC) && Arrays.equals(f, f.length - payload.length, f.length,
                        payload, 0, payload.length);
                assertThat(target.await(datagram)).as("UDP datagram from the host on the target").isNotNull();
                assertThat(target.rx.usedIdx()).isGreaterThan(before);
                // The quiesced source got only broadcasts (the target's RARP among them), not the datagram.
                List<byte[]> atSource = ((VirtioNetState) source.d.dev.save().device()).pendingFrames();
                assertThat(atSource).noneMatch(datagram);
                assertThat(atSource).anyMatch(f -> Arrays.equals(f, Ethernet.rarpAnnouncement(MAC)));
                source.d.close();
            }
        }
    }

    /**
     * Asks the host for its MAC as a guest's stack would, repeating the request (as ARP does) when a fresh
     * bridge port dropped it; the reply, or null after three tries.
     */
    private static byte[] resolve(Guest g, HostNetwork net) {
        for (int attempt = 0; attempt < 3; attempt++) {
            g.send(HostNetwork.arpRequest(MAC, net.ip(2), net.host()));
            byte[] reply = g.await(f -> HostNetwork.isArpReply(f, MAC, net.host()));
            if (reply != null) {
                return reply;
            }
        }
        return null;
    }

    /** The bridge port {@code mac} was last seen on, or "" (from {@code bridge fdb show br <bridge>}). */
    static String portOf(String bridge, MacAddress mac) {
        try {
            Process p = new ProcessBuilder("bridge", "fdb", "show", "br", bridge).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String line : out.split("\n")) {
                String[] w = line.trim().split("\\s+");
                if (w.length >= 3 && w[0].equalsIgnoreCase(mac.toString()) && w[1].equals("dev")) {
                    return w[2];
                }
            }
            return "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
