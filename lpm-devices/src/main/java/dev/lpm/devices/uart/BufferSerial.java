package dev.lpm.devices.uart;

import dev.lpm.api.SerialBackend;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A serial line in memory, for tests and headless runs: every transmitted byte is kept, and input is injected
 * by {@link #inject}. Input injected before a receiver is connected is delivered on {@link #connect}. The
 * receiver is called on the injecting thread, never while this object's lock is held (the UART calls
 * {@link #transmit} while holding its own lock).
 */
public final class BufferSerial implements SerialBackend {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<Byte> early = new ArrayList<>();
    private Receiver receiver;

    @Override
    public synchronized void transmit(byte value) {
        output.write(value);
        notifyAll();
    }

    @Override
    public void connect(Receiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        List<Byte> pending;
        synchronized (this) {
            this.receiver = receiver;
            pending = List.copyOf(early);
            early.clear();
        }
        for (byte b : pending) {
            receiver.receive(b);
        }
    }

    /** Sends {@code bytes} to the connected UART, one {@code receive} call per byte. */
    public void inject(byte... bytes) {
        Receiver r;
        synchronized (this) {
            r = receiver;
            if (r == null) {
                for (byte b : bytes) {
                    early.add(b);
                }
                return;
            }
        }
        for (byte b : bytes) {
            r.receive(b);
        }
    }

    /** Sends {@code text} as UTF-8. */
    public void inject(String text) {
        inject(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything transmitted so far. */
    public synchronized byte[] output() {
        return output.toByteArray();
    }

    /** Everything transmitted so far, one char per byte (ISO-8859-1). */
    public synchronized String outputText() {
        return output.toString(StandardCharsets.ISO_8859_1);
    }

    public synchronized int outputSize() {
        return output.size();
    }

    public synchronized void clearOutput() {
        output.reset();
    }

    /**
     * Waits until the output contains {@code text} (ISO-8859-1) or {@code timeout} passes.
     *
     * @return whether the text appeared
     */
    public synchronized boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!outputText().contains(text)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
