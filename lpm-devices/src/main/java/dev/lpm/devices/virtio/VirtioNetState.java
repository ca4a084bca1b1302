package dev.lpm.devices.virtio;

import dev.lpm.devices.net.Ethernet;
import dev.lpm.devices.net.MacAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A virtio network device's state: what the guest was shown (address, MTU, status) and the frames that
 * arrived for the guest but found no receive buffer yet, oldest first. Frames are copied on the way in and
 * out; equality compares their bytes.
 *
 * <p>The compact constructor checks what the record alone can check (the stream is untrusted); restoring
 * into a NIC with another address or MTU is refused by {@link VirtioNet#restore}.
 *
 * @param mac           the NIC's address (unicast)
 * @param mtu           the MTU offered ({@link VirtioNet#MIN_MTU}..{@link VirtioNet#MAX_MTU})
 * @param status        the configuration-space status: VIRTIO_NET_S_LINK_UP and VIRTIO_NET_S_ANNOUNCE only
 * @param pendingFrames at most {@link VirtioNet#RX_QUEUE_CAPACITY} frames, each an Ethernet header up to
 *                      mtu + 18 bytes long
 */
public record VirtioNetState(MacAddress mac, int mtu, int status, List<byte[]> pendingFrames)
        implements VirtioDeviceState {

    public VirtioNetState {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(pendingFrames, "pendingFrames");
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("NIC address " + mac + " is multicast");
        }
        if (mtu < VirtioNet.MIN_MTU || mtu > VirtioNet.MAX_MTU) {
            throw new IllegalArgumentException("MTU " + mtu + " outside " + VirtioNet.MIN_MTU + ".." + VirtioNet.MAX_MTU);
        }
        if ((status & ~(VirtioNet.S_LINK_UP | VirtioNet.S_ANNOUNCE)) != 0) {
            throw new IllegalArgumentException("status 0x" + Integer.toHexString(status));
        }
        if (pendingFrames.size() > VirtioNet.RX_QUEUE_CAPACITY) {
            throw new IllegalArgumentException(pendingFrames.size() + " pending frames, at most "
                    + VirtioNet.RX_QUEUE_CAPACITY);
        }
        int max = Ethernet.maxFrameLength(mtu);
        List<byte[]> copies = new ArrayList<>(pendingFrames.size());
        for (byte[] frame : pendingFrames) {
            Objects.requireNonNull(frame, "pending frame");
            if (frame.length < Ethernet.HEADER_LENGTH || frame.length > max) {
                throw new IllegalArgumentException("pending frame of " + frame.length + " bytes outside "
                        + Ethernet.HEADER_LENGTH + ".." + max);
            }
            copies.add(frame.clone());
        }
        pendingFrames = List.copyOf(copies);
    }

    /** Copies of the pending frames. */
    @Override
    public List<byte[]> pendingFrames() {
        List<byte[]> copies = new ArrayList<>(pendingFrames.size());
        for (byte[] frame : pendingFrames) {
            copies.add(frame.clone());
        }
        return copies;
    }

    @Override
    public int deviceId() {
        return Virtio.ID_NET;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VirtioNetState s) || !mac.equals(s.mac) || mtu != s.mtu || status != s.status
                || pendingFrames.size() != s.pendingFrames.size()) {
            return false;
        }
        for (int i = 0; i < pendingFrames.size(); i++) {
            if (!Arrays.equals(pendingFrames.get(i), s.pendingFrames.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(mac, mtu, status);
        for (byte[] frame : pendingFrames) {
            h = 31 * h + Arrays.hashCode(frame);
        }
        return h;
    }

    @Override
    public String toString() {
        int bytes = 0;
        for (byte[] frame : pendingFrames) {
            bytes += frame.length;
        }
        return "VirtioNetState[mac=" + mac + ", mtu=" + mtu + ", status=" + status + ", pendingFrames="
                + pendingFrames.size() + " (" + bytes + " bytes)]";
    }
}
