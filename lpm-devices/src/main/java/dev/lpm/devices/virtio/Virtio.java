package dev.lpm.devices.virtio;

/**
 * Constants of the virtio 1.2 specification shared by the transport and the devices: device status bits
 * (2.1), reserved feature bits (6), split-virtqueue flags (2.7) and device IDs (5).
 */
public final class Virtio {

    private Virtio() {
    }

    // ---- device status (2.1) ----
    public static final int STATUS_ACKNOWLEDGE = 1;
    public static final int STATUS_DRIVER = 2;
    public static final int STATUS_DRIVER_OK = 4;
    public static final int STATUS_FEATURES_OK = 8;
    public static final int STATUS_DEVICE_NEEDS_RESET = 64;
    public static final int STATUS_FAILED = 128;

    // ---- reserved feature bits (6) ----
    public static final int F_RING_INDIRECT_DESC = 28;
    public static final int F_RING_EVENT_IDX = 29;
    public static final int F_VERSION_1 = 32;
    public static final int F_ACCESS_PLATFORM = 33;
    public static final int F_RING_PACKED = 34;

    // ---- split virtqueue (2.7) ----
    public static final int VIRTQ_DESC_F_NEXT = 1;
    public static final int VIRTQ_DESC_F_WRITE = 2;
    public static final int VIRTQ_DESC_F_INDIRECT = 4;
    public static final int VIRTQ_AVAIL_F_NO_INTERRUPT = 1;
    public static final int VIRTQ_USED_F_NO_NOTIFY = 1;
    /** Bytes per descriptor table entry: le64 addr, le32 len, le16 flags, le16 next. */
    public static final int DESCRIPTOR_SIZE = 16;
    /** The largest queue size a split virtqueue can have. */
    public static final int MAX_SPLIT_QUEUE_SIZE = 32768;

    // ---- interrupt status bits (4.2.2, InterruptStatus) ----
    public static final int INTERRUPT_USED_BUFFER = 1;
    public static final int INTERRUPT_CONFIG_CHANGE = 2;

    // ---- device IDs (5) ----
    public static final int ID_NET = 1;
    public static final int ID_BLOCK = 2;
    public static final int ID_CONSOLE = 3;
    public static final int ID_ENTROPY = 4;

    /** The feature mask for bit {@code feature}. */
    public static long bit(int feature) {
        return 1L << feature;
    }

    /** Whether {@code features} has bit {@code feature} set. */
    public static boolean has(long features, int feature) {
        return (features & bit(feature)) != 0;
    }
}
