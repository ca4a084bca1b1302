package dev.lpm.devices.virtio;

import dev.lpm.devices.net.NetBackend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A backend that records what the NIC sends and lets a test inject frames on the test's own thread. */
final class RecordingNetBackend implements NetBackend {
    private final List<byte[]> sent = new ArrayList<>();
    private Receiver receiver;
    boolean closed;
    /** When set, {@link #send} throws it (a backend bug). */
    RuntimeException failSends;

    @Override
    public synchronized void send(byte[] frame, int offset, int length) {
        if (failSends != null) {
            throw failSends;
        }
        sent.add(Arrays.copyOfRange(frame, offset, offset + length));
    }

    @Override
    public synchronized void connect(Receiver receiver) {
        if (this.receiver != null) {
            throw new IllegalStateException("already connected");
        }
        this.receiver = receiver;
    }

    /** Delivers {@code frame} to the NIC now, then scribbles over the array (the NIC must have copied it). */
    void inject(byte[] frame) {
        byte[] copy = frame.clone();
        receiver.receive(copy, 0, copy.length);
        Arrays.fill(copy, (byte) 0xDD);
    }

    synchronized List<byte[]> sent() {
        return new ArrayList<>(sent);
    }

    synchronized List<byte[]> takeSent() {
        List<byte[]> s = new ArrayList<>(sent);
        sent.clear();
        return s;
    }

    @Override
    public void close() {
        closed = true;
    }
}
