package dev.lpm.devices.virtio;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A disk in a byte array, for tests that need many fast requests (a file's flush is an fsync). */
final class ArrayBlockBackend implements BlockBackend {
    private final byte[] data;

    ArrayBlockBackend(int bytes) {
        data = new byte[bytes];
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public synchronized void read(long position, ByteBuffer destination) throws IOException {
        int n = destination.remaining();
        if (position < 0 || position + n > data.length) {
            throw new IOException("read past the end");
        }
        destination.put(data, (int) position, n);
    }

    @Override
    public synchronized void write(long position, ByteBuffer source) throws IOException {
        int n = source.remaining();
        if (position < 0 || position + n > data.length) {
            throw new IOException("write past the end");
        }
        source.get(data, (int) position, n);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
