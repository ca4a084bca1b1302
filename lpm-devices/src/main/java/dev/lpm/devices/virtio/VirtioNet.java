package dev.lpm.devices.virtio;

import dev.lpm.api.DeviceTimer;
import dev.lpm.devices.HostDeviceTimer;
import dev.lpm.devices.net.Ethernet;
import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.net.NetBackend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A virtio network device (virtio 1.2, 5.1; device ID 1) with one queue pair and a control queue, over a
 * {@link NetBackend} (a host TAP interface, or an in-memory cable). Queue 0 receives, queue 1 transmits,
 * queue 2 is the control queue (5.1.2, without VIRTIO_NET_F_MQ).
 *
 * <h2>Features and configuration</h2>
 * Offers VIRTIO_NET_F_MAC, VIRTIO_NET_F_STATUS, VIRTIO_NET_F_MTU, VIRTIO_NET_F_CTRL_VQ and
 * VIRTIO_NET_F_GUEST_ANNOUNCE; no checksum or segmentation offloads and no mergeable receive buffers, so every
 * frame is whole in one buffer and needs no fix-up. The configuration space is read-only, 12 bytes, QEMU's
 * layout: {@code mac[6]}, {@code status} (VIRTIO_NET_S_LINK_UP, VIRTIO_NET_S_ANNOUNCE),
 * {@code max_virtqueue_pairs} = 1, {@code mtu}.
 *
 * <h2>Data</h2>
 * Every buffer starts with the 12-byte {@code virtio_net_hdr} of VIRTIO_F_VERSION_1 (5.1.6). How the driver
 * splits header and frame into descriptors does not matter.
 * <ul>
 *   <li>Transmit: the readable bytes after the header are one frame, sent to the backend; the header is
 *       ignored (no offloads were offered) and the buffer is returned with nothing written. A chain with
 *       fewer readable bytes than the header breaks the protocol and sets DEVICE_NEEDS_RESET (QEMU:
 *       "virtio-net header incorrect"). Frames shorter than an Ethernet header, longer than
 *       {@link #maxFrameLength()}, or sent while the link is down are dropped and counted.</li>
 *   <li>Receive: frames from the backend are queued device-side (at most {@link #RX_QUEUE_CAPACITY}; more
 *       are dropped and counted) and each is written into the next receive buffer as a header (all zero but
 *       {@code num_buffers} = 1, as 5.1.6.4 requires without VIRTIO_NET_F_MRG_RXBUF) followed by the frame;
 *       the used length is 12 + frame length. A buffer too small for its frame gets used length 0 and the
 *       frame is dropped (Linux counts it as a length error and recycles the buffer; QEMU instead drops the
 *       frame and leaves the buffer available). A receive chain without writable bytes breaks the protocol
 *       (QEMU: "receive queue contains no in buffers"). Frames arriving while the link is down, shorter than
 *       an Ethernet header or longer than {@link #maxFrameLength()} are dropped and counted.</li>
 *   <li>Control: {@code {u8 class, u8 command}} then data in the readable bytes and an ack byte as the first
 *       writable byte (QEMU's placement); VIRTIO_NET_CTRL_ANNOUNCE_ACK while VIRTIO_NET_S_ANNOUNCE is set clears
 *       it and acks VIRTIO_NET_OK, anything else is VIRTIO_NET_ERR (no class besides ANNOUNCE was offered).
 *       A chain with fewer than 2 readable or no writable bytes breaks the protocol.</li>
 * </ul>
 * Frames queued for the guest travel in {@link VirtioNetState}; a device reset discards them (as QEMU
 * purges its queue on reset) and clears VIRTIO_NET_S_ANNOUNCE, keeping the link state.
 *
 * <h2>Announcing after a move</h2>
 * {@link #announce()} does what QEMU's announce-self does after an incoming migration: it sends a
 * gratuitous RARP from the NIC's address ({@link Ethernet#rarpAnnouncement}) so that the bridges between
 * here and the partition's peers learn its new port, and, when the driver negotiated
 * VIRTIO_NET_F_GUEST_ANNOUNCE (with VIRTIO_NET_F_CTRL_VQ), sets VIRTIO_NET_S_ANNOUNCE with a configuration
 * change so that the guest sends its own gratuitous ARPs and neighbour advertisements (Linux's
 * {@code netdev_notify_peers}) and acknowledges through the control queue. It does so in
 * {@link #ANNOUNCE_ROUNDS} rounds, 50, 150, 250 and 350 ms apart (QEMU's defaults: initial 50 ms, step
 * 100 ms, 5 rounds), on the {@link DeviceTimer}.
 *
 * <h2>Threading</h2>
 * The backend's receiver runs on the backend's thread and takes the transport's lock, as every other entry
 * point does; the backend's {@link NetBackend#send} is called with the lock held (it must not block or call
 * back). Announce rounds run on the timer's thread.
 */
public final class VirtioNet implements VirtioDevice {

    public static final int RECEIVE_QUEUE = 0;
    public static final int TRANSMIT_QUEUE = 1;
    public static final int CONTROL_QUEUE = 2;

    // Feature bits (5.1.3).
    public static final int F_CSUM = 0;
    public static final int F_GUEST_CSUM = 1;
    public static final int F_MTU = 3;
    public static final int F_MAC = 5;
    public static final int F_MRG_RXBUF = 15;
    public static final int F_STATUS = 16;
    public static final int F_CTRL_VQ = 17;
    public static final int F_CTRL_RX = 18;
    public static final int F_GUEST_ANNOUNCE = 21;
    public static final int F_MQ = 22;
    public static final int F_CTRL_MAC_ADDR = 23;

    // Configuration space (5.1.4).
    public static final int CONFIG_MAC = 0;
    public static final int CONFIG_STATUS = 6;
    public static final int CONFIG_MAX_VIRTQUEUE_PAIRS = 8;
    public static final int CONFIG_MTU = 10;
    public static final int CONFIG_LENGTH = 12;
    public static final int S_LINK_UP = 1;
    public static final int S_ANNOUNCE = 2;

    // Control queue (5.1.6.5).
    public static final int CTRL_ANNOUNCE = 3;
    public static final int CTRL_ANNOUNCE_ACK = 0;
    public static final int OK = 0;
    public static final int ERR = 1;

    /** {@code virtio_net_hdr} with VIRTIO_F_VERSION_1 (num_buffers included). */
    public static final int HEADER_SIZE = 12;
    /** Offset of {@code num_buffers} in the header. */
    public static final int HEADER_NUM_BUFFERS = 10;
    public static final int MIN_MTU = 68;
    public static final int MAX_MTU = 9000;
    /** Frames waiting for receive buffers beyond this many are dropped. */
    public static final int RX_QUEUE_CAPACITY = 256;
    public static final int ANNOUNCE_ROUNDS = 5;
    public static final long ANNOUNCE_INITIAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    public static final long ANNOUNCE_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final System.Logger LOG = System.getLogger(VirtioNet.class.getName());

    /** A timer for announce rounds when the machine gives none: one daemon thread, created on first use. */
    private static final class SharedTimer {
        static final HostDeviceTimer INSTANCE = new HostDeviceTimer("lpm-net-announce");
    }

    private final MacAddress mac;
    private final NetBackend backend;
    private final int mtu;
    private final int maxFrame;
    private final DeviceTimer timer;
    private final byte[] config = new byte[CONFIG_LENGTH];
    private final byte[] rarp;
    private VirtioContext context;

    // Device state (transport lock held once attached).
    private int status = S_LINK_UP;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();

    // Host-side (not in the state).
    private byte[] txBuffer;
    private long rxFrames;
    private long rxDropped;
    private long txFrames;
    private long txDropped;
    private int announceEpoch;
    private DeviceTimer.Cancellable announceTask;

    /** A NIC with MTU 1500 whose announce rounds run on a shared daemon timer thread. */
    public VirtioNet(MacAddress mac, NetBackend backend) {
        this(mac, backend, Ethernet.DEFAULT_MTU, null);
    }

    /**
     * @param mac     the NIC's address (unicast), shown in the configuration space
     * @param backend where frames go and come from; the NIC connects itself as its receiver when attached
     *                to a transport. The NIC does not close it.
     * @param mtu     the MTU offered with VIRTIO_NET_F_MTU ({@link #MIN_MTU}..{@link #MAX_MTU}); frames of up
     *                to mtu + 18 bytes (Ethernet header and one VLAN tag) pass
     * @param timer   runs the later announce rounds; null for a shared daemon timer
     */
    public VirtioNet(MacAddress mac, NetBackend backend, int mtu, DeviceTimer timer) {
        this.mac = Objects.requireNonNull(mac, "mac");
        this.backend = Objects.requireNonNull(backend, "backend");
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("a NIC's address must be unicast: " + mac);
        }
        if (mtu < MIN_MTU || mtu > MAX_MTU) {
            throw new IllegalArgumentException("MTU " + mtu + " outside " + MIN_MTU + ".." + MAX_MTU);
        }
        this.mtu = mtu;
        this.maxFrame = Ethernet.maxFrameLength(mtu);
        this.timer = timer;
        this.rarp = Ethernet.rarpAnnouncement(mac);
        mac.copyTo(config, CONFIG_MAC);
        config[CONFIG_MAX_VIRTQUEUE_PAIRS] = 1;
        config[CONFIG_MTU] = (byte) mtu;
        config[CONFIG_MTU + 1] = (byte) (mtu >>> 8);
        updateConfigStatus();
    }

    public MacAddress mac() {
        return mac;
    }

    public int mtu() {
        return mtu;
    }

    /** The longest frame carried in either direction: MTU plus Ethernet header plus one VLAN tag. */
    public int maxFrameLength() {
        return maxFrame;
    }

    /** Whether the link is up (VIRTIO_NET_S_LINK_UP). */
    public boolean linkUp() {
        synchronized (lock()) {
            return (status & S_LINK_UP) != 0;
        }
    }

    /**
     * Sets the link state the guest sees (as QEMU's {@code set_link}); a change raises a configuration
     * change. While the link is down, frames are dropped in both directions, and frames waiting for the
     * guest are discarded when it goes down.
     */
    public void setLinkUp(boolean up) {
        synchronized (lock()) {
            int next = up ? status | S_LINK_UP : status & ~S_LINK_UP;
            if (next == status) {
                return;
            }
            status = next;
            if (!up) {
                rxDropped += pending.size();
                pending.clear();
            }
            updateConfigStatus();
            if (context != null) {
                context.configChanged();
            }
        }
    }

    /** Frames written into receive buffers. */
    public long receivedFrames() {
        synchronized (lock()) {
            return rxFrames;
        }
    }

    /** Frames from the backend that never reached the guest (queue full, link down, bad size, reset). */
    public long droppedReceiveFrames() {
        synchronized (lock()) {
            return rxDropped;
        }
    }

    /** Frames passed to the backend. */
    public long transmittedFrames() {
        synchronized (lock()) {
            return txFrames;
        }
    }

    /** Frames the guest sent that were not passed to the backend (link down, bad size, backend failure). */
    public long droppedTransmitFrames() {
        synchronized (lock()) {
            return txDropped;
        }
    }

    /** Frames waiting for receive buffers. */
    public int pendingFrames() {
        synchronized (lock()) {
            return pending.size();
        }
    }

    /**
     * Announces the NIC's address, now and in {@link #ANNOUNCE_ROUNDS} - 1 later rounds: a gratuitous RARP
     * each round (if the link is up) and, if the driver negotiated VIRTIO_NET_F_GUEST_ANNOUNCE and
     * VIRTIO_NET_F_CTRL_VQ, VIRTIO_NET_S_ANNOUNCE with a configuration change. Called by the host after the
     * partition resumed on a new host. Calling it again restarts the rounds.
     */
    public void announce() {
        int epoch;
        synchronized (lock()) {
            epoch = ++announceEpoch;
            if (announceTask != null) {
                announceTask.cancel();
                announceTask = null;
            }
        }
        announceRound(epoch, 0);
    }

    @Override
    public int deviceId() {
        return Virtio.ID_NET;
    }

    @Override
    public long deviceFeatures() {
        return Virtio.bit(F_MTU) | Virtio.bit(F_MAC) | Virtio.bit(F_STATUS) | Virtio.bit(F_CTRL_VQ)
                | Virtio.bit(F_GUEST_ANNOUNCE);
    }

    @Override
    public int queueCount() {
        return 3;
    }

    @Override
    public byte[] config() {
        return config;
    }

    @Override
    public void attach(VirtioContext context) {
        if (this.context != null) {
            throw new IllegalStateException("virtio-net already attached");
        }
        this.context = Objects.requireNonNull(context, "context");
        backend.connect(this::hostReceive);
    }

    @Override
    public void queueNotified(int queue) {
        switch (queue) {
            case RECEIVE_QUEUE -> deliver();
            case TRANSMIT_QUEUE -> transmit();
            case CONTROL_QUEUE -> control();
            default -> {
            }
        }
    }

    @Override
    public void reset() {
        rxDropped += pending.size();
        pending.clear();
        status &= ~S_ANNOUNCE;
        updateConfigStatus();
    }

    @Override
    public VirtioNetState save() {
        synchronized (lock()) {
            return new VirtioNetState(mac, mtu, status, new ArrayList<>(pending));
        }
    }

    @Override
    public void restore(VirtioDeviceState state) {
        if (!(state instanceof VirtioNetState s)) {
            throw new IllegalArgumentException("not a virtio-net state: " + state);
        }
        if (!s.mac().equals(mac) || s.mtu() != mtu) {
            throw new IllegalArgumentException("state is for a NIC " + s.mac() + " with MTU " + s.mtu() + ", this one is "
                    + mac + " with MTU " + mtu);
        }
        List<byte[]> frames = s.pendingFrames();
        synchronized (lock()) {
            status = s.status();
            updateConfigStatus();
            pending.clear();
            pending.addAll(frames);
        }
    }

    /** The transport's lock once attached (all state changes happen under it then), else this object. */
    private Object lock() {
        VirtioContext c = context;
        return c != null ? c.lock() : this;
    }

    private void updateConfigStatus() {
        config[CONFIG_STATUS] = (byte) status;
        config[CONFIG_STATUS + 1] = (byte) (status >>> 8);
    }

    private boolean negotiated(int feature) {
        return Virtio.has(context.negotiatedFeatures(), feature);
    }

    // ---- receive (transport lock held) ----

    private void hostReceive(byte[] frame, int offset, int length) {
        synchronized (context.lock()) {
            if ((status & S_LINK_UP) == 0 || length < Ethernet.HEADER_LENGTH || length > maxFrame
                    || pending.size() >= RX_QUEUE_CAPACITY) {
                rxDropped++;
                return;
            }
            pending.add(java.util.Arrays.copyOfRange(frame, offset, offset + length));
            deliver();
        }
    }

    private void deliver() {
        Virtqueue rx = context.queue(RECEIVE_QUEUE);
        byte[] header = null;
        while (!pending.isEmpty()) {
            DescriptorChain chain = rx.pop();
            if (chain == null) {
                return;
            }
            long room = chain.writableLength();
            if (room == 0) {
                rx.fail(chain, "virtio-net receive buffer without writable bytes: " + chain);
                return;
            }
            byte[] frame = pending.poll();
            if (room < HEADER_SIZE + frame.length) {
                rxDropped++;
                rx.push(chain, 0);
                continue;
            }
            if (header == null) {
                header = new byte[HEADER_SIZE];
                header[HEADER_NUM_BUFFERS] = 1;
            }
            chain.write(0, header, 0, HEADER_SIZE);
            chain.write(HEADER_SIZE, frame, 0, frame.length);
            rxFrames++;
            rx.push(chain, HEADER_SIZE + frame.length);
        }
    }

    // ---- transmit (transport lock held) ----

    private void transmit() {
        Virtqueue tx = context.queue(TRANSMIT_QUEUE);
        DescriptorChain chain;
        while ((chain = tx.pop()) != null) {
            long readable = chain.readableLength();
            if (readable < HEADER_SIZE) {
                tx.fail(chain, "virtio-net transmit buffer shorter than its header: " + chain);
                return;
            }
            long length = readable - HEADER_SIZE;
            if ((status & S_LINK_UP) == 0 || length < Ethernet.HEADER_LENGTH || length > maxFrame) {
                txDropped++;
            } else {
                if (txBuffer == null) {
                    txBuffer = new byte[maxFrame];
                }
                int n = chain.read(HEADER_SIZE, txBuffer, 0, (int) length);
                send(txBuffer, n);
            }
            tx.push(chain, 0);
        }
    }

    private void send(byte[] frame, int length) {
        try {
            backend.send(frame, 0, length);
            txFrames++;
        } catch (RuntimeException e) {
            txDropped++;
            LOG.log(System.Logger.Level.DEBUG, () -> "virtio-net " + mac + ": backend failed to send: " + e);
        }
    }

    // ---- control (transport lock held) ----

    private void control() {
        Virtqueue ctrl = context.queue(CONTROL_QUEUE);
        DescriptorChain chain;
        while ((chain = ctrl.pop()) != null) {
            if (chain.readableLength() < 2 || chain.writableLength() < 1) {
                ctrl.fail(chain, "virtio-net control request without header or ack byte: " + chain);
                return;
            }
            byte[] command = chain.readBytes(0, 2);
            int ack = command(command[0] & 0xFF, command[1] & 0xFF);
            chain.write(0, new byte[] {(byte) ack}, 0, 1);
            ctrl.push(chain, 1);
        }
    }

    private int command(int cls, int cmd) {
        if (cls == CTRL_ANNOUNCE && cmd == CTRL_ANNOUNCE_ACK && (status & S_ANNOUNCE) != 0) {
            status &= ~S_ANNOUNCE;
            updateConfigStatus();
            return OK;
        }
        return ERR;
    }

    // ---- announce ----

    private void announceRound(int epoch, int round) {
        synchronized (lock()) {
            if (epoch != announceEpoch) {
                return;
            }
            if ((status & S_LINK_UP) != 0) {
                send(rarp, rarp.length);
            }
            if (context != null && negotiated(F_GUEST_ANNOUNCE) && negotiated(F_CTRL_VQ)) {
                status |= S_ANNOUNCE;
                updateConfigStatus();
                context.configChanged();
            }
            if (round + 1 >= ANNOUNCE_ROUNDS) {
                announceTask = null;
                return;
            }
            long delay = ANNOUNCE_INITIAL_NANOS + round * ANNOUNCE_STEP_NANOS;
            DeviceTimer t = timer != null ? timer : SharedTimer.INSTANCE;
            announceTask = t.schedule(delay, () -> announceRound(epoch, round + 1));
        }
    }
}
