package dev.lpm.devices.virtio;

/**
 * A virtio block device's state. The device keeps nothing between requests; the record carries what the
 * guest was shown about the disk, so that a restore onto a different disk (another size, or read-only
 * where the source was writable) is refused instead of surprising the guest.
 *
 * @param capacity disk size in 512-byte sectors
 * @param readOnly whether VIRTIO_BLK_F_RO was offered
 */
public record VirtioBlockState(long capacity, boolean readOnly) implements VirtioDeviceState {

    public VirtioBlockState {
        if (capacity < 0 || capacity > Long.MAX_VALUE >>> VirtioBlock.SECTOR_SHIFT) {
            throw new IllegalArgumentException("capacity " + capacity + " sectors out of range");
        }
    }

    @Override
    public int deviceId() {
        return Virtio.ID_BLOCK;
    }
}
