package dev.lpm.devices.virtio;

/**
 * A virtio device's own state record, embedded in {@link VirtioMmioState}. Implementations are records with
 * range-checking compact constructors; {@link #deviceId()} names the device type the record belongs to, so
 * that a migration stream reader knows which record to expect and the transport can reject a mismatch.
 */
public interface VirtioDeviceState {

    /** The virtio device ID of the device this state belongs to. */
    int deviceId();
}
