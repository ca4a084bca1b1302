package dev.lpm.devices.virtio;

/**
 * The device half of a virtio device (block, entropy, console, later net): what it offers and how it serves
 * its queues. The transport ({@link VirtioMmio}) owns everything the specification puts in the transport
 * and the basic facilities: status, feature negotiation, the virtqueues and their rings, interrupts,
 * reset and migration of all of that. A device sees its queues only through {@link Virtqueue#pop()} and
 * {@link Virtqueue#push}, which validate every guest-provided address, index and length.
 *
 * <h2>Threading and locking</h2>
 * Every method here is called with the transport's lock ({@link VirtioContext#lock()}) held. A device that
 * has its own sources of work (host input for a console, received packets for a net device) takes that same
 * lock before touching its queues, and a device that completes requests on another thread (a block device
 * with an I/O thread) calls {@link Virtqueue#push} from there, which takes the lock itself. A device must
 * not keep a popped chain beyond the request that uses it: the transport counts popped chains that have not
 * been pushed, and {@link VirtioMmio#quiesce()} waits for that count to reach zero.
 *
 * <h2>State</h2>
 * {@link #save()} and {@link #restore} cover the device's own state only (for example a console's buffered
 * host input); the transport saves queues and negotiation and embeds the device's record in its own.
 */
public interface VirtioDevice {

    /** The virtio device ID (5): 1 net, 2 block, 3 console, 4 entropy. */
    int deviceId();

    /**
     * Device-type feature bits offered (bits 0..23 and, if any, device-specific bits above 41). The
     * transport adds {@code VIRTIO_F_VERSION_1}, {@code VIRTIO_F_RING_INDIRECT_DESC} and
     * {@code VIRTIO_F_RING_EVENT_IDX}. Must not change after the device is attached.
     */
    long deviceFeatures();

    /** Number of virtqueues, at least 1. */
    int queueCount();

    /** The largest size queue {@code queue} accepts (QueueNumMax): a power of two, 1..32768. */
    default int maxQueueSize(int queue) {
        return VirtioMmio.MAX_QUEUE_SIZE;
    }

    /**
     * The device configuration space as it reads now, little-endian, at most 0xF00 bytes. The transport
     * reads bytes out of the returned array and never modifies it; reads past its end return all ones.
     */
    byte[] config();

    /** A driver write of {@code 1 << sizeLog2} bytes inside {@link #config()}; read-only fields ignore it. */
    default void writeConfig(int offset, long value, int sizeLog2) {
    }

    /** Called once, by the transport's constructor, before any other call except the ones above. */
    void attach(VirtioContext context);

    /**
     * Whether the device can work with {@code features} (already a subset of the offered features that
     * includes VERSION_1). Returning false makes FEATURES_OK read back as clear.
     */
    default boolean acceptFeatures(long features) {
        return true;
    }

    /**
     * Queue {@code queue} may have new available buffers: pop and serve them. Called on a driver
     * notification, when DRIVER_OK is set and on {@link VirtioMmio#resume()}; spurious calls are harmless.
     */
    void queueNotified(int queue);

    /** The device part of a virtio reset. No chain is outstanding when this is called. */
    void reset();

    /** The device's own state (never wiring or backends). */
    VirtioDeviceState save();

    /**
     * Loads a state produced by {@link #save()} of an identically configured device.
     *
     * @throws IllegalArgumentException if the state is of another device type or does not fit this device
     *                                  (for example a different disk capacity); nothing is changed then
     */
    void restore(VirtioDeviceState state);
}
