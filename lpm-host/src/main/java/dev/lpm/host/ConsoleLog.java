package dev.lpm.host;

import dev.lpm.api.SerialBackend;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A partition's console on a host: what the guest prints is kept (the last {@link #KEPT} bytes, readable by
 * offset through the API) and appended to {@code console.log} in the partition's directory; input comes
 * from the API.
 */
final class ConsoleLog implements SerialBackend, AutoCloseable {
    static final int KEPT = 4 << 20;
    private byte[] buffer = new byte[64 << 10];
    private int length;
    /** Total bytes ever printed; buffer[0] is byte number {@code total - length}. */
    private long total;
    private final OutputStream file;
    private volatile Receiver receiver;

    ConsoleLog(Path logFile) throws IOException {
        this.file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void transmit(byte value) {
        if (length == buffer.length) {
            if (buffer.length < KEPT) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            } else {
                System.arraycopy(buffer, KEPT / 2, buffer, 0, length - KEPT / 2);
                length -= KEPT / 2;
            }
        }
        buffer[length++] = value;
        total++;
        try {
            file.write(value);
            if (value == '\n') {
                file.flush();
            }
        } catch (IOException e) {
            // the log file is a copy; the API still serves the console
        }
        notifyAll();
    }

    @Override
    public void connect(Receiver receiver) {
        this.receiver = receiver;
    }

    /** Types {@code bytes} into the guest's console. */
    void input(byte[] bytes) {
        Receiver r = receiver;
        if (r != null) {
            for (byte b : bytes) {
                r.receive(b);
            }
        }
    }

    /** Bytes printed from {@code offset} on (from the oldest kept byte if that is later). */
    synchronized Chunk read(long offset) {
        long first = total - length;
        long from = Math.max(first, Math.min(offset, total));
        int start = (int) (from - first);
        return new Chunk(from, Arrays.copyOfRange(buffer, start, length), total);
    }

    record Chunk(long offset, byte[] bytes, long next) {
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
    }
}
