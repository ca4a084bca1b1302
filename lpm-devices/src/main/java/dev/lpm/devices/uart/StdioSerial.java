package dev.lpm.devices.uart;

import dev.lpm.api.SerialBackend;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A serial line on host streams: transmitted bytes go to an {@link OutputStream}, and a daemon thread reads
 * an {@link InputStream} and hands each byte to the UART.
 *
 * <p>Output is buffered so that bulk output (a booting kernel) costs one write per line or per buffer, not
 * one per byte, while interactive output (a prompt, an echoed keystroke) still appears promptly: the buffer is
 * flushed on every newline, when it is full, and otherwise {@code flushDelay} after the first byte that went
 * unflushed. A failing output stream (a closed pipe) is reported once and the output dropped from then on, so
 * the guest never stalls or crashes because of the host's terminal.
 *
 * <p>The reader thread starts on the first {@link #connect}. It ends at end of input, on a read error, or
 * (after its current blocking read returns) on {@link #close()}. {@code close()} flushes but does not close
 * the streams, which belong to the caller.
 */
public final class StdioSerial implements SerialBackend, AutoCloseable {

    public static final Duration DEFAULT_FLUSH_DELAY = Duration.ofMillis(5);
    private static final int BUFFER_SIZE = 8192;
    private static final System.Logger LOG = System.getLogger(StdioSerial.class.getName());

    private final InputStream in;
    private final OutputStream out;
    private final long flushDelayNanos;
    private final ScheduledThreadPoolExecutor flusher;

    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int buffered; // guarded by this
    private boolean flushScheduled; // guarded by this
    private boolean outputFailed; // guarded by this
    private volatile boolean closed;
    private volatile Receiver receiver;
    private Thread reader; // guarded by this

    /** The process's own standard input and output. */
    public static StdioSerial console() {
        return new StdioSerial(System.in, new FileOutputStream(FileDescriptor.out), DEFAULT_FLUSH_DELAY);
    }

    /**
     * @param in  where input comes from, or null for none
     * @param out where output goes
     */
    public StdioSerial(InputStream in, OutputStream out) {
        this(in, out, DEFAULT_FLUSH_DELAY);
    }

    /**
     * @param in         where input comes from, or null for none
     * @param out        where output goes
     * @param flushDelay how long a byte without a following newline may wait in the buffer
     */
    public StdioSerial(InputStream in, OutputStream out, Duration flushDelay) {
        this.in = in;
        this.out = Objects.requireNonNull(out, "out");
        this.flushDelayNanos = Math.max(0, flushDelay.toNanos());
        this.flusher = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "lpm-serial-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public synchronized void transmit(byte value) {
        if (outputFailed) {
            return;
        }
        buffer[buffered++] = value;
        if (value == '\n' || buffered == buffer.length || closed) {
            flushLocked();
        } else if (!flushScheduled) {
            flushScheduled = true;
            try {
                flusher.schedule(this::flush, flushDelayNanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                flushLocked();
            }
        }
    }

    /** Writes out whatever is buffered. */
    public synchronized void flush() {
        flushLocked();
    }

    private void flushLocked() {
        flushScheduled = false;
        if (buffered == 0 || outputFailed) {
            buffered = 0;
            return;
        }
        try {
            out.write(buffer, 0, buffered);
            out.flush();
        } catch (IOException e) {
            outputFailed = true;
            LOG.log(System.Logger.Level.WARNING, "serial output failed; further output is dropped", e);
        } finally {
            buffered = 0;
        }
    }

    @Override
    public void connect(Receiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        synchronized (this) {
            if (in != null && reader == null && !closed) {
                reader = new Thread(this::readLoop, "lpm-serial-input");
                reader.setDaemon(true);
                reader.start();
            }
        }
    }

    private void readLoop() {
        byte[] chunk = new byte[256];
        try {
            while (!closed) {
                int n = in.read(chunk);
                if (n < 0) {
                    return;
                }
                Receiver r = receiver;
                for (int i = 0; i < n && !closed; i++) {
                    r.receive(chunk[i]);
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "serial input failed; no further input", e);
            }
        }
    }

    /** Flushes, stops the flusher and stops delivering input. The streams stay open. */
    @Override
    public void close() {
        closed = true;
        flush();
        flusher.shutdownNow();
    }
}
