package dev.lpm.devices.virtio;

import dev.lpm.api.GuestMemory;

/** What the transport gives its {@link VirtioDevice}: queues, guest memory, negotiation results and signals. */
public interface VirtioContext {

    /** Guest memory for the device's DMA; every write marks the pages it touches dirty. */
    GuestMemory memory();

    /** Queue {@code index}, 0 &le; index &lt; {@link VirtioDevice#queueCount()}. */
    Virtqueue queue(int index);

    /** The features the driver accepted (valid once FEATURES_OK is set; 0 before). */
    long negotiatedFeatures();

    /** The device configuration changed: bumps ConfigGeneration and, once DRIVER_OK, raises the interrupt. */
    void configChanged();

    /**
     * The device cannot go on (the driver broke the device's protocol): sets DEVICE_NEEDS_RESET, raises a
     * configuration-change interrupt once DRIVER_OK, and stops all queue processing until the driver resets.
     */
    void deviceError(String reason);

    /** The transport's lock, for devices with work that does not start on a transport call. */
    Object lock();
}
