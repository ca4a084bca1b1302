package dev.lpm.devices.net;

/**
 * Ethernet II framing constants and the one frame the hypervisor itself sends: the RARP announcement with
 * which a migrated NIC tells the switches on its new port about its address.
 */
public final class Ethernet {

    private Ethernet() {
    }

    /** Destination, source, EtherType. */
    public static final int HEADER_LENGTH = 14;
    /** An 802.1Q tag between source address and EtherType. */
    public static final int VLAN_TAG_LENGTH = 4;
    /** The shortest frame on the wire without its FCS; shorter ones are padded. */
    public static final int MIN_FRAME_LENGTH = 60;
    /** The longest payload of a standard frame (ETH_DATA_LEN). */
    public static final int DEFAULT_MTU = 1500;

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_RARP = 0x8035;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_IPV6 = 0x86DD;

    /** ARP/RARP hardware type Ethernet. */
    public static final int ARP_HTYPE_ETHERNET = 1;
    public static final int ARP_OP_REQUEST = 1;
    public static final int ARP_OP_REPLY = 2;
    /** RARP "request reverse" (RFC 903). */
    public static final int ARP_OP_RARP_REQUEST = 3;

    /** The longest frame (without FCS) that carries {@code mtu} bytes of payload, with one VLAN tag. */
    public static int maxFrameLength(int mtu) {
        return mtu + HEADER_LENGTH + VLAN_TAG_LENGTH;
    }

    /** The EtherType at bytes 12..13 of {@code frame}, or -1 if the frame is shorter than a header. */
    public static int etherType(byte[] frame) {
        if (frame.length < HEADER_LENGTH) {
            return -1;
        }
        return (frame[12] & 0xFF) << 8 | (frame[13] & 0xFF);
    }

    /**
     * The gratuitous RARP that QEMU's announce-self sends for {@code mac} (net/announce.c,
     * {@code announce_self_create}): broadcast destination, source {@code mac}, EtherType 0x8035, a
     * "request reverse" with {@code mac} as sender and target hardware address and 0.0.0.0 for both
     * protocol addresses, zero-padded to 60 bytes. It carries no IP address, so every host ignores it; its
     * only effect is that learning bridges and switches move {@code mac} to the port it arrived on.
     */
    public static byte[] rarpAnnouncement(MacAddress mac) {
        byte[] f = new byte[MIN_FRAME_LENGTH];
        MacAddress.BROADCAST.copyTo(f, 0);
        mac.copyTo(f, 6);
        putShort(f, 12, ETHERTYPE_RARP);
        putShort(f, 14, ARP_HTYPE_ETHERNET);
        putShort(f, 16, ETHERTYPE_IPV4);
        f[18] = MacAddress.LENGTH;
        f[19] = 4;
        putShort(f, 20, ARP_OP_RARP_REQUEST);
        mac.copyTo(f, 22);
        mac.copyTo(f, 32);
        return f;
    }

    private static void putShort(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }
}
