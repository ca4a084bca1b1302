package dev.lpm.devices.virtio;

import dev.lpm.api.GuestMemory;

/**
 * One available buffer as popped from a {@link Virtqueue}: the device-readable segments followed by the
 * device-writable ones, with any indirect table already flattened. The transport has checked every segment
 * to lie entirely in guest RAM, so the copy helpers here cannot fault.
 *
 * <p>The readable segments form one byte stream (offsets 0 .. {@link #readableLength()}) and the writable
 * ones another (0 .. {@link #writableLength()}); devices address requests by stream offset and never depend
 * on how the driver split the buffer into descriptors (VIRTIO_F_VERSION_1 implies any layout).
 *
 * <p>Immutable apart from the transport's bookkeeping; safe to hand to another thread.
 */
public final class DescriptorChain {

    /** Visits a piece of guest memory that a stream range covers. */
    @FunctionalInterface
    public interface SegmentVisitor<E extends Exception> {
        /**
         * @param address      guest-physical address of the piece
         * @param length       bytes in the piece, at least 1
         * @param streamOffset where the piece starts in the stream
         */
        void visit(long address, long length, long streamOffset) throws E;
    }

    private final Virtqueue queue;
    private final GuestMemory memory;
    private final int head;
    private final long[] addresses;
    private final long[] lengths;
    private final int readableCount;
    private final long readableLength;
    private final long writableLength;
    /** Pushed or failed (guarded by the transport's lock). */
    boolean released;

    DescriptorChain(Virtqueue queue, GuestMemory memory, int head, long[] addresses, long[] lengths, int count,
                    int readableCount) {
        this.queue = queue;
        this.memory = memory;
        this.head = head;
        this.addresses = java.util.Arrays.copyOf(addresses, count);
        this.lengths = java.util.Arrays.copyOf(lengths, count);
        this.readableCount = readableCount;
        long r = 0;
        long w = 0;
        for (int i = 0; i < count; i++) {
            if (i < readableCount) {
                r += lengths[i];
            } else {
                w += lengths[i];
            }
        }
        this.readableLength = r;
        this.writableLength = w;
    }

    /** The queue the chain came from. */
    public Virtqueue queue() {
        return queue;
    }

    /** Index of the head descriptor in the queue's descriptor table (the used element's id). */
    public int head() {
        return head;
    }

    public int segmentCount() {
        return addresses.length;
    }

    public long segmentAddress(int i) {
        return addresses[i];
    }

    public long segmentLength(int i) {
        return lengths[i];
    }

    public boolean segmentWritable(int i) {
        return i >= readableCount;
    }

    public int readableSegments() {
        return readableCount;
    }

    /** Total bytes of the device-readable segments. */
    public long readableLength() {
        return readableLength;
    }

    /** Total bytes of the device-writable segments. */
    public long writableLength() {
        return writableLength;
    }

    /**
     * Visits the guest memory behind {@code [offset, offset + length)} of the readable ({@code writable}
     * false) or writable stream, clipped to the stream's end, in stream order.
     */
    public <E extends Exception> void forEachSegment(boolean writable, long offset, long length,
                                                      SegmentVisitor<E> visitor) throws E {
        if (offset < 0 || length <= 0) {
            return;
        }
        int from = writable ? readableCount : 0;
        int to = writable ? addresses.length : readableCount;
        long streamPos = 0;
        long end = offset + length;
        for (int i = from; i < to && streamPos < end; i++) {
            long segStart = streamPos;
            long segEnd = streamPos + lengths[i];
            streamPos = segEnd;
            long lo = Math.max(segStart, offset);
            long hi = Math.min(segEnd, end);
            if (lo < hi) {
                visitor.visit(addresses[i] + (lo - segStart), hi - lo, lo);
            }
        }
    }

    /**
     * Copies up to {@code length} bytes of the readable stream from {@code offset} into {@code destination}.
     *
     * @return the number of bytes copied (less than asked at the end of the stream)
     */
    public int read(long offset, byte[] destination, int destinationOffset, int length) {
        int[] copied = {0};
        forEachSegment(false, offset, length, (address, n, streamOffset) -> {
            memory.read(address, destination, destinationOffset + (int) (streamOffset - offset), (int) n);
            copied[0] += (int) n;
        });
        return copied[0];
    }

    /** The readable bytes from {@code offset}: {@code length} of them, fewer at the end of the stream. */
    public byte[] readBytes(long offset, int length) {
        long available = Math.max(0, Math.min(length, readableLength - offset));
        byte[] bytes = new byte[(int) available];
        read(offset, bytes, 0, bytes.length);
        return bytes;
    }

    /**
     * Copies up to {@code length} bytes from {@code source} into the writable stream at {@code offset};
     * marks the pages dirty.
     *
     * @return the number of bytes copied (less than asked at the end of the stream)
     */
    public int write(long offset, byte[] source, int sourceOffset, int length) {
        int[] copied = {0};
        forEachSegment(true, offset, length, (address, n, streamOffset) -> {
            memory.write(address, source, sourceOffset + (int) (streamOffset - offset), (int) n);
            copied[0] += (int) n;
        });
        return copied[0];
    }

    @Override
    public String toString() {
        return "DescriptorChain[queue=" + queue.index() + ", head=" + head + ", segments=" + addresses.length
                + ", readable=" + readableLength + ", writable=" + writableLength + "]";
    }
}
