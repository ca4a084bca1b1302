package dev.lpm.devices.net;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Random;

/**
 * Host interfaces for tests that need a real TAP: a bridge standing in for the host's {@code br0}, with an
 * address in 198.18.0.0/15 (the benchmarking range, never routed anywhere), and TAPs in it. Names are random
 * ({@code lpmb…}, {@code lpmt…}) so that parallel runs do not collide; {@link #close()} deletes everything the
 * fixture made. Tests using it are skipped unless they run as root on a host with /dev/net/tun.
 */
public final class HostNetwork implements AutoCloseable {

    private static final Random RANDOM = new Random();

    public final String suffix;
    public final String bridge;
    /** 198.18.x or 198.19.x: the /24 the bridge is in. */
    public final byte[] subnet;
    private final Deque<String> created = new ArrayDeque<>();

    private HostNetwork() {
        suffix = HexFormat.of().toHexDigits(RANDOM.nextInt(1 << 24)).substring(2);
        bridge = "lpmb" + suffix;
        subnet = new byte[] {(byte) 198, (byte) (18 + RANDOM.nextInt(2)), (byte) (1 + RANDOM.nextInt(254))};
    }

    /** Fails the calling test, with the reason, unless it can create interfaces. */
    public static void assumeRoot() {
        // never skipped: the TAP path is what carries users' sessions, so CI (root) must run it
        if (!isRoot()) {
            throw new AssertionError("TAP tests need root (CAP_NET_ADMIN) to create TAP interfaces and bridges: run"
                    + " the tests as root, as CI does");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            throw new AssertionError("TAP tests need /dev/net/tun (the tun kernel module)");
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** A bridge with address {@link #host()}/24 and nothing in it yet. */
    public static HostNetwork withBridge() throws IOException {
        assumeRoot();
        HostNetwork n = new HostNetwork();
        TapInterfaces.createBridge(n.bridge);
        n.created.push(n.bridge);
        quietIpv6(n.bridge);
        TapInterfaces.addAddress(n.bridge, n.dotted(1) + "/24");
        return n;
    }

    /** A new TAP in the bridge, named {@code lpmt<suffix><tag>}. */
    public String tap(String tag) throws IOException {
        String name = "lpmt" + suffix + tag;
        TapInterfaces.create(name, bridge);
        created.push(name);
        quietIpv6(name);
        return name;
    }

    /** Best effort: no IPv6 router solicitations and MLD reports from this interface to fill a test's buffers. */
    private static void quietIpv6(String name) {
        try {
            Files.writeString(Path.of("/proc/sys/net/ipv6/conf", name, "disable_ipv6"), "1");
        } catch (IOException | RuntimeException e) {
            // Tests filter what they look for anyway.
        }
    }

    /** Address {@code .host} in the subnet. */
    public byte[] ip(int host) {
        return new byte[] {subnet[0], subnet[1], subnet[2], (byte) host};
    }

    /** The bridge's (the host stack's) address: .1 */
    public byte[] host() {
        return ip(1);
    }

    public String dotted(int host) {
        return (subnet[0] & 0xFF) + "." + (subnet[1] & 0xFF) + "." + (subnet[2] & 0xFF) + "." + host;
    }

    /** Forgets an interface a test deleted itself. */
    public void forget(String name) {
        created.remove(name);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        while (!created.isEmpty()) {
            String name = created.pop();
            try {
                if (TapInterfaces.exists(name)) {
                    TapInterfaces.ip("link", "delete", "dev", name);
                }
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- frames ----

    /** "Who has {@code target}? Tell {@code sender}" from {@code mac}, broadcast, padded to 60 bytes. */
    public static byte[] arpRequest(MacAddress mac, byte[] sender, byte[] target) {
        byte[] f = new byte[60];
        MacAddress.BROADCAST.copyTo(f, 0);
        mac.copyTo(f, 6);
        f[12] = 0x08;
        f[13] = 0x06;
        f[15] = 1;
        f[16] = 0x08;
        f[18] = 6;
        f[19] = 4;
        f[21] = (byte) Ethernet.ARP_OP_REQUEST;
        mac.copyTo(f, 22);
        System.arraycopy(sender, 0, f, 28, 4);
        System.arraycopy(target, 0, f, 38, 4);
        return f;
    }

    /** Whether {@code f} is an ARP reply to {@code mac} saying where {@code ip} is. */
    public static boolean isArpReply(byte[] f, MacAddress mac, byte[] ip) {
        return f.length >= 42 && Ethernet.etherType(f) == Ethernet.ETHERTYPE_ARP && MacAddress.of(f, 0).equals(mac)
                && f[21] == Ethernet.ARP_OP_REPLY && java.util.Arrays.equals(f, 28, 32, ip, 0, 4)
                && MacAddress.of(f, 32).equals(mac);
    }

    /** An ICMP echo request from {@code mac}/{@code src} to {@code dstMac}/{@code dst}. */
    public static byte[] echoRequest(MacAddress mac, MacAddress dstMac, byte[] src, byte[] dst, int id, int seq,
                                     byte[] payload) {
        int ipLength = 20 + 8 + payload.length;
        byte[] f = new byte[14 + ipLength];
        dstMac.copyTo(f, 0);
        mac.copyTo(f, 6);
        f[12] = 0x08;
        int ip = 14;
        f[ip] = 0x45;
        f[ip + 2] = (byte) (ipLength >>> 8);
        f[ip + 3] = (byte) ipLength;
        f[ip + 4] = (byte) (id >>> 8);
        f[ip + 5] = (byte) id;
        f[ip + 6] = 0x40; // DF
        f[ip + 8] = 64;
        f[ip + 9] = 1; // ICMP
        System.arraycopy(src, 0, f, ip + 12, 4);
        System.arraycopy(dst, 0, f, ip + 16, 4);
        putChecksum(f, ip, 20, ip + 10);
        int icmp = ip + 20;
        f[icmp] = 8;
        f[icmp + 4] = (byte) (id >>> 8);
        f[icmp + 5] = (byte) id;
        f[icmp + 6] = (byte) (seq >>> 8);
        f[icmp + 7] = (byte) seq;
        System.arraycopy(payload, 0, f, icmp + 8, payload.length);
        putChecksum(f, icmp, 8 + payload.length, icmp + 2);
        return f;
    }

    /** Whether {@code f} is the echo reply to {@link #echoRequest} with these values. */
    public static boolean isEchoReply(byte[] f, MacAddress mac, byte[] from, int id, int seq, byte[] payload) {
        int icmp = 34;
        return f.length >= icmp + 8 + payload.length && Ethernet.etherType(f) == Ethernet.ETHERTYPE_IPV4
                && MacAddress.of(f, 0).equals(mac) && f[23] == 1 && java.util.Arrays.equals(f, 26, 30, from, 0, 4)
                && f[icmp] == 0 && ((f[icmp + 4] & 0xFF) << 8 | (f[icmp + 5] & 0xFF)) == id
                && ((f[icmp + 6] & 0xFF) << 8 | (f[icmp + 7] & 0xFF)) == seq
                && java.util.Arrays.equals(f, icmp + 8, icmp + 8 + payload.length, payload, 0, payload.length);
    }

    private static void putChecksum(byte[] b, int from, int length, int at) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int hi = b[from + i] & 0xFF;
            int lo = i + 1 < length ? b[from + i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        int c = (int) ~sum & 0xFFFF;
        b[at] = (byte) (c >>> 8);
        b[at + 1] = (byte) c;
    }
}
