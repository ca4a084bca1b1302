package dev.lpm.devices.net;

/**
 * The host end of a NIC: where frames the guest transmits go and where frames for the guest come from.
 * Frames are whole Ethernet frames without FCS (destination, source, EtherType, payload), no virtio header.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #send} may be called from any thread, concurrently, and with a device's lock held. It must
 *       not block for long, never throws because of network trouble (a frame it cannot pass on is dropped,
 *       as a wire would), and must not call any {@link Receiver} on the calling thread: two NICs wired
 *       back to back would otherwise take each other's locks in opposite orders.</li>
 *   <li>The receiver is called from one backend thread at a time. The array it is given is the backend's
 *       and is valid only during the call; a receiver that keeps the frame copies it.</li>
 *   <li>{@link #close} stops delivery: once it returns, the receiver is not called again (unless close is
 *       called by the receiver itself, in which case the current call is the last), so it waits for a call
 *       in progress: do not close a backend while holding a lock its receiver takes (a NIC's transport
 *       lock). Sends after close are dropped. Closing twice is harmless.</li>
 * </ul>
 */
public interface NetBackend extends AutoCloseable {

    /** Transmits {@code frame[offset .. offset + length)}; the backend neither keeps nor modifies the array. */
    void send(byte[] frame, int offset, int length);

    /**
     * Registers where incoming frames go and starts delivering them. Called once, by the NIC the backend
     * is attached to.
     *
     * @throws IllegalStateException if a receiver is already connected
     */
    void connect(Receiver receiver);

    @Override
    void close();

    /** Incoming frames. */
    @FunctionalInterface
    interface Receiver {
        /** One frame, {@code frame[offset .. offset + length)}; the array is only valid during the call. */
        void receive(byte[] frame, int offset, int length);
    }
}
