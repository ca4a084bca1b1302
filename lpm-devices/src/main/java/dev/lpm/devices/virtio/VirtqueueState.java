package dev.lpm.devices.virtio;

/**
 * One split virtqueue's transport state: the driver-programmed registers and the device's two ring
 * counters. Saved only when no chain is in flight, so {@code lastAvailIdx == usedIdx} in practice; both are
 * kept so that a device that completes out of order later needs no format change.
 *
 * <p>The compact constructor checks what the record alone can check (counter ranges; for a ready queue a
 * power-of-two size and aligned rings); {@link VirtioMmio#restore} checks the rest against the device and
 * guest RAM.
 *
 * @param size         QueueNum as written (an unsigned 32-bit register; only a ready queue's is validated)
 * @param ready        QueueReady
 * @param descAddr     QueueDesc, the descriptor table's guest-physical address
 * @param driverAddr   QueueDriver, the available ring's address
 * @param deviceAddr   QueueDevice, the used ring's address
 * @param lastAvailIdx the next available-ring entry the device will take (0..0xFFFF)
 * @param usedIdx      the used index the device last published (0..0xFFFF)
 */
public record VirtqueueState(int size, boolean ready, long descAddr, long driverAddr, long deviceAddr,
                             int lastAvailIdx, int usedIdx) {

    public VirtqueueState {
        if (lastAvailIdx < 0 || lastAvailIdx > 0xFFFF) {
            throw new IllegalArgumentException("last_avail_idx " + lastAvailIdx + " outside 0..0xFFFF");
        }
        if (usedIdx < 0 || usedIdx > 0xFFFF) {
            throw new IllegalArgumentException("used idx " + usedIdx + " outside 0..0xFFFF");
        }
        if (ready) {
            if (size <= 0 || size > Virtio.MAX_SPLIT_QUEUE_SIZE || Integer.bitCount(size) != 1) {
                throw new IllegalArgumentException("ready queue has size " + Integer.toUnsignedString(size));
            }
            if ((descAddr & 15) != 0 || (driverAddr & 1) != 0 || (deviceAddr & 3) != 0) {
                throw new IllegalArgumentException(String.format(
                        "ready queue has misaligned rings: desc 0x%x, driver 0x%x, device 0x%x",
                        descAddr, driverAddr, deviceAddr));
            }
        }
    }

    @Override
    public String toString() {
        return String.format("VirtqueueState[size=%s, ready=%b, desc=0x%x, driver=0x%x, device=0x%x, "
                        + "lastAvailIdx=%d, usedIdx=%d]", Integer.toUnsignedString(size), ready, descAddr,
                driverAddr, deviceAddr, lastAvailIdx, usedIdx);
    }
}
