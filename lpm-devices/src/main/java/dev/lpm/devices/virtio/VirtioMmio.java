package dev.lpm.devices.virtio;

import dev.lpm.api.GuestMemory;
import dev.lpm.api.InterruptLine;
import dev.lpm.api.MemoryMappedDevice;
import dev.lpm.api.Snapshottable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The virtio-mmio transport, modern interface only (virtio 1.2, 4.2; Version 2), as QEMU 7.2's
 * {@code virtio-mmio} presents it on the {@code virt} board: eight transports of 0x200 bytes (here a
 * 0x1000-byte window) at {@link #BASE} + n * {@link #STRIDE}, PLIC sources 1..8. One transport carries one
 * {@link VirtioDevice}; it owns status and feature negotiation, the split virtqueues ({@link Virtqueue}),
 * the interrupt and migration of all of that.
 *
 * <h2>Registers (32-bit accesses; config space also 8- and 16-bit)</h2>
 * <pre>
 * 0x000 MagicValue R  0x74726976     0x004 Version R  2            0x008 DeviceID R   0x00c VendorID R "QEMU"
 * 0x010 DeviceFeatures R (by Sel)    0x014 DeviceFeaturesSel W
 * 0x020 DriverFeatures W (by Sel)    0x024 DriverFeaturesSel W
 * 0x030 QueueSel W   0x034 QueueNumMax R   0x038 QueueNum W   0x044 QueueReady RW   0x050 QueueNotify W
 * 0x060 InterruptStatus R            0x064 InterruptACK W           0x070 Status RW (write 0 = reset)
 * 0x080/0x084 QueueDescLow/High W    0x090/0x094 QueueDriverLow/High W   0x0a0/0x0a4 QueueDeviceLow/High W
 * 0x0ac SHMSel W   0x0b0/0x0b4 SHMLenLow/High R (all ones: no region)   0x0b8/0x0bc SHMBaseLow/High R (0)
 * 0x0c0 QueueReset RW (VIRTIO_F_RING_RESET is not offered: reads 0)     0x0fc ConfigGeneration R
 * 0x100.. device configuration space
 * </pre>
 * Reads of write-only or unknown registers return 0 and writes to read-only or unknown ones are ignored,
 * as in QEMU; so is any register access that is not 32 bits wide. Config-space reads past the device's
 * configuration return all ones (QEMU's {@code virtio_config_read*}); 64-bit accesses fault on the bus, as
 * in QEMU (the specification requires 32-bit halves for 64-bit fields).
 *
 * <h2>Negotiation and status</h2>
 * The transport offers the device's features plus VIRTIO_F_VERSION_1, VIRTIO_F_RING_INDIRECT_DESC and
 * VIRTIO_F_RING_EVENT_IDX. Setting FEATURES_OK checks the driver's features: they must be a subset of the
 * offer, include VERSION_1 and satisfy {@link VirtioDevice#acceptFeatures}; otherwise FEATURES_OK reads back
 * clear (3.1.1). DriverFeatures is ignored once FEATURES_OK is set. Queues are served only while DRIVER_OK
 * and FEATURES_OK are set and DEVICE_NEEDS_RESET is not; setting DRIVER_OK serves every ready queue once,
 * catching notifications sent earlier. Writing 0 resets transport, queues and device, after waiting for
 * requests in flight.
 *
 * <h2>Errors</h2>
 * A driver that breaks the protocol (bad ring layout at QueueReady, malformed chains, a device-level
 * framing error) makes the device set DEVICE_NEEDS_RESET, bump ConfigGeneration and, once DRIVER_OK, raise
 * a configuration-change interrupt (2.1.2); all queue processing stops until a reset. Nothing a guest does
 * makes {@link #load} or {@link #store} throw or loop without bound.
 *
 * <h2>Interrupts</h2>
 * The line is high exactly while InterruptStatus is non-zero (bit 0 used buffer, bit 1 configuration
 * change); InterruptACK clears bits.
 *
 * <h2>Migration</h2>
 * {@link #quiesce()} stops taking new buffers and returns once no popped chain is outstanding;
 * {@link #save()} then captures negotiation, registers, every queue's layout and counters, and the
 * device's own state. {@link #restore} loads such a state into an identically configured transport, and
 * {@link #resume()} serves every ready queue again, picking up buffers the guest made available meanwhile.
 *
 * <h2>Differences from QEMU 7.2</h2>
 * <ul>
 *   <li>QueueNumMax is the device's maximum (1024 unless the device says otherwise; QEMU always reports
 *       1024).</li>
 *   <li>QueueNum and the ring addresses ignore writes while the queue is ready (QEMU latches some and
 *       applies QueueNum at once); the specification forbids such writes.</li>
 *   <li>QueueReady = 1 validates the layout and sets DEVICE_NEEDS_RESET if it is unusable; QEMU accepts
 *       anything and fails on first use.</li>
 *   <li>A configuration-change notification sets only InterruptStatus bit 1 (QEMU sets bits 0 and 1).</li>
 *   <li>Indirect descriptors without the negotiated feature, readable-after-writable descriptors and other
 *       protocol violations are errors even where QEMU is lenient; zero-length descriptors are accepted
 *       (QEMU rejects them).</li>
 *   <li>DeviceFeatures with a selector above 1 reads 0.</li>
 *   <li>QEMU's region is 0x200 bytes, so an access at 0x200..0xFFF of a transport's 4 KiB slot is an access
 *       fault there; here it is config space past the device's configuration (reads all ones).</li>
 * </ul>
 *
 * <p>Thread safety: one lock guards the transport, its queues and its device. Guest accesses take it;
 * devices take it for host-initiated work and completions. The interrupt line is driven with the lock held,
 * so its last level always matches InterruptStatus.
 */
public final class VirtioMmio implements MemoryMappedDevice, Snapshottable<VirtioMmioState> {

    /** QEMU virt: first transport's base; transport n is at {@code BASE + n * STRIDE}, PLIC source 1 + n. */
    public static final long BASE = 0x1000_1000L;
    public static final long STRIDE = 0x1000;
    public static final int COUNT = 8;
    public static final int FIRST_IRQ = 1;
    public static final int LENGTH = 0x1000;
    /** Byte accesses, half-words and words; 64-bit accesses fault, as in QEMU. */
    public static final int SIZES_8_16_32 = 0b0111;

    public static final int MAGIC = 0x7472_6976; // "virt"
    public static final int VERSION = 2;
    public static final int VENDOR_ID = 0x554D_4551; // "QEMU"
    /** Default QueueNumMax (QEMU's VIRTQUEUE_MAX_SIZE). */
    public static final int MAX_QUEUE_SIZE = 1024;
    /** QueueSel ignores values from here on (QEMU's VIRTIO_QUEUE_MAX). */
    public static final int MAX_QUEUES = 1024;
    /** The most buffers one chain may have, indirect ones included (QEMU's VIRTQUEUE_MAX_SIZE). */
    public static final int MAX_CHAIN_SEGMENTS = 1024;
    /** Feature bits the transport itself offers in addition to the device's. */
    public static final long TRANSPORT_FEATURES = Virtio.bit(Virtio.F_VERSION_1)
            | Virtio.bit(Virtio.F_RING_INDIRECT_DESC) | Virtio.bit(Virtio.F_RING_EVENT_IDX);

    public static final int MAGIC_VALUE = 0x000; // R
    public static final int VERSION_REG = 0x004; // R
    public static final int DEVICE_ID = 0x008; // R
    public static final int VENDOR_ID_REG = 0x00c; // R
    public static final int DEVICE_FEATURES = 0x010; // R
    public static final int DEVICE_FEATURES_SEL = 0x014; // W
    public static final int DRIVER_FEATURES = 0x020; // W
    public static final int DRIVER_FEATURES_SEL = 0x024; // W
    public static final int QUEUE_SEL = 0x030; // W
    public static final int QUEUE_NUM_MAX = 0x034; // R
    public static final int QUEUE_NUM = 0x038; // W
    public static final int QUEUE_READY = 0x044; // RW
    public static final int QUEUE_NOTIFY = 0x050; // W
    public static final int INTERRUPT_STATUS = 0x060; // R
    public static final int INTERRUPT_ACK = 0x064; // W
    public static final int STATUS = 0x070; // RW
    public static final int QUEUE_DESC_LOW = 0x080; // W
    public static final int QUEUE_DESC_HIGH = 0x084; // W
    public static final int QUEUE_DRIVER_LOW = 0x090; // W
    public static final int QUEUE_DRIVER_HIGH = 0x094; // W
    public static final int QUEUE_DEVICE_LOW = 0x0a0; // W
    public static final int QUEUE_DEVICE_HIGH = 0x0a4; // W
    public static final int SHM_SEL = 0x0ac; // W
    public static final int SHM_LEN_LOW = 0x0b0; // R
    public static final int SHM_LEN_HIGH = 0x0b4; // R
    public static final int SHM_BASE_LOW = 0x0b8; // R
    public static final int SHM_BASE_HIGH = 0x0bc; // R
    public static final int QUEUE_RESET = 0x0c0; // RW
    public static final int CONFIG_GENERATION = 0x0fc; // R
    public static final int CONFIG = 0x100; // RW, device-specific

    private static final long LOW_WORD = 0xFFFF_FFFFL;
    private static final System.Logger LOG = System.getLogger(VirtioMmio.class.getName());

    private final VirtioDevice device;
    private final InterruptLine irq;
    private final GuestMemory memory;
    private final long deviceFeatures;
    private final Virtqueue[] queues;
    final Object lock = new Object();

    // Registers (lock held).
    private int status;
    private int deviceFeaturesSel;
    private int driverFeaturesSel;
    private long driverFeatures;
    private int queueSel;
    private int interruptStatus;
    private int configGeneration;

    // Host-side (not in the state).
    private boolean lineLevel;
    private boolean quiesced;
    /** Threads waiting in {@link #awaitIdle()}; no new chain is handed out while any waits. */
    private int drainers;
    /** Chains popped and not yet pushed or failed. */
    private int inFlight;
    /** Chains popped during the current device callback, released if the callback throws. */
    private List<DescriptorChain> callbackPops;
    private Thread callbackThread;
    private boolean needsResetLogged;

    /**
     * A transport for {@code device}, in the reset state, with its line lowered. The device is attached
     * (its {@link VirtioDevice#attach} is called) last.
     *
     * @param device the device behind the transport; attached to this transport only
     * @param irq    the interrupt output (PLIC source 1 + n for transport n on virt), level-triggered
     * @param memory guest memory, for the rings and the device's DMA
     */
    public VirtioMmio(VirtioDevice device, InterruptLine irq, GuestMemory memory) {
        this.device = Objects.requireNonNull(device, "device");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.memory = Objects.requireNonNull(memory, "memory");
        int count = device.queueCount();
        if (count < 1 || count > MAX_QUEUES) {
            throw new IllegalArgumentException("queue count " + count + " outside 1.." + MAX_QUEUES);
        }
        this.queues = new Virtqueue[count];
        for (int i = 0; i < count; i++) {
            int max = device.maxQueueSize(i);
            if (max < 1 || max > Virtio.MAX_SPLIT_QUEUE_SIZE || Integer.bitCount(max) != 1) {
                throw new IllegalArgumentException("queue " + i + " maximum size " + max);
            }
            queues[i] = new Virtqueue(this, memory, i, max);
        }
        this.deviceFeatures = device.deviceFeatures() | TRANSPORT_FEATURES;
        synchronized (lock) {
            lineLevel = false;
            irq.set(false);
        }
        device.attach(new Context());
    }

    public VirtioDevice device() {
        return device;
    }

    /** Every feature bit offered to the driver. */
    public long offeredFeatures() {
        return deviceFeatures;
    }

    /** Whether the interrupt line is currently high. */
    public boolean interruptPending() {
        synchronized (lock) {
            return lineLevel;
        }
    }

    /** Chains handed to the device and not yet returned. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** A system reset: as the driver writing 0 to Status (waits for requests in flight). */
    public void reset() {
        synchronized (lock) {
            resetLocked();
        }
    }

    /**
     * Stops handing out buffers (notifications are ignored; host-initiated work is held back) and returns
     * once no request is in flight. Idempotent. The guest keeps running and may queue more buffers; they are
     * served after {@link #resume()}.
     */
    public void quiesce() {
        synchronized (lock) {
            quiesced = true;
            awaitIdle();
        }
    }

    /** Ends {@link #quiesce()} (if in force) and serves every ready queue, as after a notification. */
    public void resume() {
        synchronized (lock) {
            quiesced = false;
            serveAllQueues();
        }
    }

    public boolean quiesced() {
        synchronized (lock) {
            return quiesced;
        }
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int supportedSizes() {
        return SIZES_8_16_32;
    }

    @Override
    public long load(int offset, int sizeLog2) {
        synchronized (lock) {
            if (offset >= CONFIG) {
                return readConfig(offset - CONFIG, sizeLog2);
            }
            if (sizeLog2 != 2) {
                return ignored("read of size " + (1 << sizeLog2), offset);
            }
            Virtqueue q = selectedQueue();
            long value = switch (offset) {
                case MAGIC_VALUE -> MAGIC;
                case VERSION_REG -> VERSION;
                case DEVICE_ID -> device.deviceId();
                case VENDOR_ID_REG -> VENDOR_ID;
                case DEVICE_FEATURES -> switch (deviceFeaturesSel) {
                    case 0 -> deviceFeatures & LOW_WORD;
                    case 1 -> deviceFeatures >>> 32;
                    default -> 0;
                };
                case QUEUE_NUM_MAX -> q == null ? 0 : q.maxSize();
                case QUEUE_READY -> q != null && q.ready ? 1 : 0;
                case INTERRUPT_STATUS -> interruptStatus;
                case STATUS -> status;
                case SHM_LEN_LOW, SHM_LEN_HIGH -> LOW_WORD;
                case CONFIG_GENERATION -> configGeneration;
                default -> ignored("read", offset);
            };
            return value & LOW_WORD;
        }
    }

    @Override
    public void store(int offset, long value, int sizeLog2) {
        synchronized (lock) {
            if (offset >= CONFIG) {
                writeConfig(offset - CONFIG, value, sizeLog2);
                return;
            }
            if (sizeLog2 != 2) {
                ignored("write of size " + (1 << sizeLog2), offset);
                return;
            }
            int v = (int) value;
            Virtqueue q = selectedQueue();
            switch (offset) {
                case DEVICE_FEATURES_SEL -> deviceFeaturesSel = v;
                case DRIVER_FEATURES -> writeDriverFeatures(v);
                case DRIVER_FEATURES_SEL -> driverFeaturesSel = v;
                case QUEUE_SEL -> {
                    if (Integer.compareUnsigned(v, MAX_QUEUES) < 0) {
                        queueSel = v;
                    }
                }
                case QUEUE_NUM -> {
                    if (writable(q)) {
                        q.size = v;
                    }
                }
                case QUEUE_READY -> writeQueueReady(q, v);
                case QUEUE_NOTIFY -> notifyQueue(v);
                case INTERRUPT_ACK -> {
                    interruptStatus &= ~v;
                    updateLine();
                }
                case STATUS -> writeStatus(v & 0xFF);
                case QUEUE_DESC_LOW -> {
                    if (writable(q)) {
                        q.descAddr = low(q.descAddr, v);
                    }
                }
                case QUEUE_DESC_HIGH -> {
                    if (writable(q)) {
                        q.descAddr = high(q.descAddr, v);
                    }
                }
                case QUEUE_DRIVER_LOW -> {
                    if (writable(q)) {
                        q.driverAddr = low(q.driverAddr, v);
                    }
                }
                case QUEUE_DRIVER_HIGH -> {
                    if (writable(q)) {
                        q.driverAddr = high(q.driverAddr, v);
                    }
                }
                case QUEUE_DEVICE_LOW -> {
                    if (writable(q)) {
                        q.deviceAddr = low(q.deviceAddr, v);
                    }
                }
                case QUEUE_DEVICE_HIGH -> {
                    if (writable(q)) {
                        q.deviceAddr = high(q.deviceAddr, v);
                    }
                }
                default -> ignored("write", offset);
            }
        }
    }

    /**
     * The transport's and device's state.
     *
     * @throws IllegalStateException if a request is in flight (call {@link #quiesce()} first)
     */
    @Override
    public VirtioMmioState save() {
        synchronized (lock) {
            if (inFlight > 0) {
                throw new IllegalStateException(inFlight + " virtio request(s) in flight: quiesce first");
            }
            List<VirtqueueState> qs = new ArrayList<>(queues.length);
            for (Virtqueue q : queues) {
                qs.add(q.state());
            }
            return new VirtioMmioState(device.deviceId(), deviceFeatures, status, deviceFeaturesSel,
                    driverFeaturesSel, driverFeatures, queueSel, interruptStatus, configGeneration, qs,
                    device.save());
        }
    }

    /**
     * Loads {@code state} into this transport and its device. The line is not driven until
     * {@link #resyncInterrupts()}, and no queue is served until {@link #resume()} (or a notification).
     *
     * @throws IllegalArgumentException if the state is for another device type, another feature offer
     *                                  (for example a read-only disk where the source was writable), another
     *                                  queue count, or has a ready queue this device or RAM cannot hold;
     *                                  nothing is changed then
     * @throws IllegalStateException    if a request is in flight here
     */
    @Override
    public void restore(VirtioMmioState state) {
        synchronized (lock) {
            if (inFlight > 0) {
                throw new IllegalStateException(inFlight + " virtio request(s) in flight");
            }
            if (state.deviceId() != device.deviceId()) {
                throw new IllegalArgumentException("state is for device id " + state.deviceId() + ", this is "
                        + device.deviceId());
            }
            if (state.deviceFeatures() != deviceFeatures) {
                throw new IllegalArgumentException(String.format(
                        "state offered features 0x%x, this device offers 0x%x", state.deviceFeatures(),
                        deviceFeatures));
            }
            List<VirtqueueState> qs = state.queues();
            if (qs.size() != queues.length) {
                throw new IllegalArgumentException("state has " + qs.size() + " queues, this device "
                        + queues.length);
            }
            for (int i = 0; i < queues.length; i++) {
                VirtqueueState s = qs.get(i);
                if (s.ready()) {
                    String problem = Virtqueue.layoutProblem(s.size(), queues[i].maxSize(), s.descAddr(),
                            s.driverAddr(), s.deviceAddr(), memory);
                    if (problem != null) {
                        throw new IllegalArgumentException("queue " + i + ": " + problem);
                    }
                }
            }
            device.restore(state.device());
            status = state.status();
            deviceFeaturesSel = state.deviceFeaturesSel();
            driverFeaturesSel = state.driverFeaturesSel();
            driverFeatures = state.driverFeatures();
            queueSel = state.queueSel();
            interruptStatus = state.interruptStatus();
            configGeneration = state.configGeneration();
            for (int i = 0; i < queues.length; i++) {
                queues[i].load(qs.get(i));
            }
        }
    }

    @Override
    public void resyncInterrupts() {
        synchronized (lock) {
            lineLevel = interruptStatus != 0;
            irq.set(lineLevel);
        }
    }

    // ---- registers (lock held) ----

    private Virtqueue selectedQueue() {
        return queueSel < queues.length ? queues[queueSel] : null;
    }

    private static boolean writable(Virtqueue q) {
        return q != null && !q.ready;
    }

    private static long low(long old, int value) {
        return (old & ~LOW_WORD) | (value & LOW_WORD);
    }

    private static long high(long old, int value) {
        return (old & LOW_WORD) | ((long) value << 32);
    }

    private void writeDriverFeatures(int value) {
        if ((status & Virtio.STATUS_FEATURES_OK) != 0) {
            return;
        }
        switch (driverFeaturesSel) {
            case 0 -> driverFeatures = low(driverFeatures, value);
            case 1 -> driverFeatures = high(driverFeatures, value);
            default -> ignored("DriverFeatures write with selector " + driverFeaturesSel + " at", DRIVER_FEATURES);
        }
    }

    private void writeQueueReady(Virtqueue q, int value) {
        if (q == null) {
            return;
        }
        if (value == 0) {
            q.ready = false;
            return;
        }
        if (q.ready) {
            return;
        }
        String problem = Virtqueue.layoutProblem(q.size, q.maxSize(), q.descAddr, q.driverAddr, q.deviceAddr,
                memory);
        if (problem != null) {
            needsReset("queue " + q.index() + ": " + problem);
            return;
        }
        q.ready = true;
    }

    private void notifyQueue(int index) {
        if (Integer.compareUnsigned(index, queues.length) >= 0 || !queues[index].ready || !canProcess()) {
            return;
        }
        callDevice("queue " + index + " notification", () -> device.queueNotified(index));
    }

    private void writeStatus(int value) {
        if (value == 0) {
            resetLocked();
            return;
        }
        int old = status;
        int next = (value & ~Virtio.STATUS_DEVICE_NEEDS_RESET) | (old & Virtio.STATUS_DEVICE_NEEDS_RESET);
        if ((next & Virtio.STATUS_FEATURES_OK) != 0 && (old & Virtio.STATUS_FEATURES_OK) == 0
                && !acceptable(driverFeatures)) {
            LOG.log(System.Logger.Level.DEBUG, () -> String.format(
                    "virtio-mmio: refusing driver features 0x%x (offered 0x%x)", driverFeatures, deviceFeatures));
            next &= ~Virtio.STATUS_FEATURES_OK;
        }
        status = next;
        if ((next & Virtio.STATUS_DRIVER_OK) != 0 && (old & Virtio.STATUS_DRIVER_OK) == 0) {
            serveAllQueues();
        }
    }

    private boolean acceptable(long features) {
        if ((features & ~deviceFeatures) != 0 || !Virtio.has(features, Virtio.F_VERSION_1)) {
            return false;
        }
        try {
            return device.acceptFeatures(features);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "virtio-mmio: device failed to check features", e);
            return false;
        }
    }

    private long readConfig(int offset, int sizeLog2) {
        int n = 1 << sizeLog2;
        long allOnes = n == 8 ? -1L : (1L << (8 * n)) - 1;
        byte[] config;
        try {
            config = device.config();
        } catch (RuntimeException e) {
            needsReset("device configuration read failed: " + e);
            return allOnes;
        }
        if (offset + n > config.length) {
            return allOnes;
        }
        long value = 0;
        for (int i = n - 1; i >= 0; i--) {
            value = value << 8 | (config[offset + i] & 0xFF);
        }
        return value;
    }

    private void writeConfig(int offset, long value, int sizeLog2) {
        int n = 1 << sizeLog2;
        long mask = n == 8 ? -1L : (1L << (8 * n)) - 1;
        callDevice("configuration write", () -> {
            if (offset + n <= device.config().length) {
                device.writeConfig(offset, value & mask, sizeLog2);
            }
        });
    }

    private static long ignored(String what, int offset) {
        LOG.log(System.Logger.Level.DEBUG, () -> "virtio-mmio: ignored " + what + " at 0x" + Integer.toHexString(offset));
        return 0;
    }

    // ---- processing (lock held) ----

    boolean broken() {
        return (status & Virtio.STATUS_DEVICE_NEEDS_RESET) != 0;
    }

    long negotiated() {
        return (status & Virtio.STATUS_FEATURES_OK) != 0 ? driverFeatures : 0;
    }

    /** Whether queues may hand out buffers now. */
    boolean canProcess() {
        int live = Virtio.STATUS_DRIVER_OK | Virtio.STATUS_FEATURES_OK;
        return (status & live) == live && !broken() && !quiesced && drainers == 0;
    }

    private void serveAllQueues() {
        for (Virtqueue q : queues) {
            if (!canProcess()) {
                return;
            }
            if (q.ready) {
                int index = q.index();
                callDevice("queue " + index + " service", () -> device.queueNotified(index));
            }
        }
    }

    /**
     * Runs a device callback; if it throws, the device is marked as needing a reset and chains it popped in
     * this call and still holds are released, so that {@link #quiesce()} cannot hang on them.
     */
    private void callDevice(String what, Runnable call) {
        List<DescriptorChain> outerPops = callbackPops;
        Thread outerThread = callbackThread;
        List<DescriptorChain> pops = new ArrayList<>(4);
        callbackPops = pops;
        callbackThread = Thread.currentThread();
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "virtio-mmio: device " + device.deviceId() + " failed in " + what, e);
            for (DescriptorChain chain : pops) {
                if (!chain.released) {
                    chainReleased(chain);
                }
            }
            needsReset("device failed in " + what + ": " + e);
        } finally {
            callbackPops = outerPops;
            callbackThread = outerThread;
        }
    }

    void chainPopped(DescriptorChain chain) {
        inFlight++;
        if (callbackPops != null && callbackThread == Thread.currentThread()) {
            callbackPops.add(chain);
        }
    }

    void chainReleased(DescriptorChain chain) {
        chain.released = true;
        inFlight--;
        if (inFlight == 0) {
            lock.notifyAll();
        }
    }

    /** Waits, releasing the lock, until no chain is in flight; no chain is handed out meanwhile. */
    private void awaitIdle() {
        drainers++;
        boolean interrupted = false;
        try {
            while (inFlight > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            drainers--;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void usedBufferNotification() {
        interruptStatus |= Virtio.INTERRUPT_USED_BUFFER;
        updateLine();
    }

    private void configChangeNotification() {
        configGeneration++;
        if ((status & Virtio.STATUS_DRIVER_OK) != 0) {
            interruptStatus |= Virtio.INTERRUPT_CONFIG_CHANGE;
            updateLine();
        }
    }

    /** DEVICE_NEEDS_RESET (2.1.2): processing stops until the driver resets the device. */
    void needsReset(String reason) {
        if (broken()) {
            return;
        }
        // The first time at WARNING; a guest that keeps breaking its device must not flood the log.
        LOG.log(needsResetLogged ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                () -> "virtio-mmio: device " + device.deviceId() + " needs reset: " + reason);
        needsResetLogged = true;
        status |= Virtio.STATUS_DEVICE_NEEDS_RESET;
        configChangeNotification();
    }

    private void resetLocked() {
        awaitIdle();
        try {
            device.reset();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "virtio-mmio: device " + device.deviceId() + " failed to reset", e);
        }
        status = 0;
        deviceFeaturesSel = 0;
        driverFeaturesSel = 0;
        driverFeatures = 0;
        queueSel = 0;
        interruptStatus = 0;
        for (Virtqueue q : queues) {
            q.reset();
        }
        updateLine();
    }

    private void updateLine() {
        boolean level = interruptStatus != 0;
        if (level != lineLevel) {
            lineLevel = level;
            irq.set(level);
        }
    }

    /** The transport as its device sees it. */
    private final class Context implements VirtioContext {
        @Override
        public GuestMemory memory() {
            return memory;
        }

        @Override
        public Virtqueue queue(int index) {
            return queues[index];
        }

        @Override
        public long negotiatedFeatures() {
            synchronized (lock) {
                return negotiated();
            }
        }

        @Override
        public void configChanged() {
            synchronized (lock) {
                configChangeNotification();
            }
        }

        @Override
        public void deviceError(String reason) {
            synchronized (lock) {
                needsReset(reason);
            }
        }

        @Override
        public Object lock() {
            return lock;
        }
    }
}
