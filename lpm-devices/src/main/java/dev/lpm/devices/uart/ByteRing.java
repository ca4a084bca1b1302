package dev.lpm.devices.uart;

/** A fixed-capacity FIFO of bytes. Not thread-safe: its owner guards it. */
final class ByteRing {
    private final byte[] data;
    private int head;
    private int size;

    ByteRing(int capacity) {
        data = new byte[capacity];
    }

    int capacity() {
        return data.length;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == data.length;
    }

    /** Appends {@code b}; the caller checks {@link #isFull()} first. */
    void push(byte b) {
        if (size == data.length) {
            throw new IllegalStateException("ring full");
        }
        data[(head + size) % data.length] = b;
        size++;
    }

    /** Removes and returns the oldest byte; the caller checks {@link #isEmpty()} first. */
    byte pop() {
        if (size == 0) {
            throw new IllegalStateException("ring empty");
        }
        byte b = data[head];
        head = (head + 1) % data.length;
        size--;
        return b;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    /** The contents, oldest first. */
    byte[] toArray() {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = data[(head + i) % data.length];
        }
        return out;
    }

    /** Replaces the contents with {@code bytes} (at most {@link #capacity()} of them). */
    void load(byte[] bytes) {
        if (bytes.length > data.length) {
            throw new IllegalArgumentException(bytes.length + " bytes do not fit in " + data.length);
        }
        clear();
        System.arraycopy(bytes, 0, data, 0, bytes.length);
        size = bytes.length;
    }
}
