package dev.lpm.devices.virtio;

/** A virtio entropy device's state: it has none beyond what the transport saves. */
public record VirtioRngState() implements VirtioDeviceState {

    @Override
    public int deviceId() {
        return Virtio.ID_ENTROPY;
    }
}
