package dev.lpm.devices.virtio;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The host storage behind a {@link VirtioBlock}: a fixed-size array of bytes. Positions are byte offsets;
 * the block device only asks for whole sectors inside {@link #size()}. Implementations must allow
 * concurrent calls from different threads (an I/O thread may serve several requests at once).
 */
public interface BlockBackend extends AutoCloseable {

    /** Size in bytes, fixed for the backend's life. */
    long size();

    /** Whether writes are refused (the device then offers VIRTIO_BLK_F_RO). */
    boolean readOnly();

    /** Fills {@code destination}'s remaining bytes from {@code position}, or throws. */
    void read(long position, ByteBuffer destination) throws IOException;

    /** Writes all of {@code source}'s remaining bytes at {@code position}, or throws. */
    void write(long position, ByteBuffer source) throws IOException;

    /** Makes every completed write durable. */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
