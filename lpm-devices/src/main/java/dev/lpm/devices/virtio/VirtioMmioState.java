package dev.lpm.devices.virtio;

import java.util.List;
import java.util.Objects;

/**
 * A virtio-mmio transport's state together with its device's: what a driver negotiated and programmed, the
 * interrupt status, and every queue's registers and ring counters. It is taken only when no request is in
 * flight ({@link VirtioMmio#quiesce()}), so a transport restored from it on another host continues exactly
 * where this one stopped. The interrupt line is derived from {@code interruptStatus}, not stored.
 *
 * <p>The compact constructor rejects values the registers cannot hold or that contradict each other (the
 * stream is untrusted); {@link VirtioMmio#restore} additionally checks the state against the device it is
 * loaded into (same device type, same offered features, same queue count, rings in RAM).
 *
 * @param deviceId          the device type (must match {@code device.deviceId()})
 * @param deviceFeatures    every feature bit the transport offered, transport bits included
 * @param status            the device status register (0..0xFF); DEVICE_NEEDS_RESET means "broken"
 * @param deviceFeaturesSel DeviceFeaturesSel as written
 * @param driverFeaturesSel DriverFeaturesSel as written
 * @param driverFeatures    the driver's feature bits; they are the negotiated set when FEATURES_OK is set
 * @param queueSel          QueueSel (0..{@link VirtioMmio#MAX_QUEUES} - 1)
 * @param interruptStatus   InterruptStatus (0..3)
 * @param configGeneration  ConfigGeneration
 * @param queues            one entry per device queue
 * @param device            the device's own state
 */
public record VirtioMmioState(int deviceId, long deviceFeatures, int status, int deviceFeaturesSel,
                             int driverFeaturesSel, long driverFeatures, int queueSel, int interruptStatus,
                             int configGeneration, List<VirtqueueState> queues, VirtioDeviceState device) {

    public VirtioMmioState {
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(device, "device");
        queues = List.copyOf(queues);
        if (deviceId <= 0) {
            throw new IllegalArgumentException("device id " + deviceId);
        }
        if (device.deviceId() != deviceId) {
            throw new IllegalArgumentException("device state for id " + device.deviceId() + " in a transport for id "
                    + deviceId);
        }
        if (!Virtio.has(deviceFeatures, Virtio.F_VERSION_1)) {
            throw new IllegalArgumentException("device features lack VIRTIO_F_VERSION_1");
        }
        if (status < 0 || status > 0xFF) {
            throw new IllegalArgumentException("status 0x" + Integer.toHexString(status) + " out of range");
        }
        if ((status & Virtio.STATUS_FEATURES_OK) != 0
                && ((driverFeatures & ~deviceFeatures) != 0 || !Virtio.has(driverFeatures, Virtio.F_VERSION_1))) {
            throw new IllegalArgumentException(String.format(
                    "FEATURES_OK with driver features 0x%x not a VERSION_1 subset of 0x%x", driverFeatures,
                    deviceFeatures));
        }
        if (queueSel < 0 || queueSel >= VirtioMmio.MAX_QUEUES) {
            throw new IllegalArgumentException("queue select " + queueSel + " out of range");
        }
        if ((interruptStatus & ~3) != 0) {
            throw new IllegalArgumentException("interrupt status 0x" + Integer.toHexString(interruptStatus));
        }
        if (queues.isEmpty() || queues.size() > VirtioMmio.MAX_QUEUES) {
            throw new IllegalArgumentException(queues.size() + " queues");
        }
    }

    /** The features in force: the driver's when FEATURES_OK is set, none otherwise. */
    public long negotiatedFeatures() {
        return (status & Virtio.STATUS_FEATURES_OK) != 0 ? driverFeatures : 0;
    }

    @Override
    public String toString() {
        return String.format("VirtioMmioState[deviceId=%d, deviceFeatures=0x%x, status=0x%x, deviceFeaturesSel=%d, "
                        + "driverFeaturesSel=%d, driverFeatures=0x%x, queueSel=%d, interruptStatus=%d, "
                        + "configGeneration=%d, queues=%s, device=%s]", deviceId, deviceFeatures, status,
                deviceFeaturesSel, driverFeaturesSel, driverFeatures, queueSel, interruptStatus, configGeneration,
                queues, device);
    }
}
