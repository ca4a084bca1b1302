package dev.lpm.devices.net;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One end of an in-memory Ethernet cable: two {@link NetBackend}s wired back to back ({@link #pair()}).
 * What one end sends, the other end's receiver gets, in order, on that end's own delivery thread (never on
 * the sender's thread, as {@link NetBackend} requires). Each end buffers up to {@link #WIRE_CAPACITY}
 * frames not yet delivered; more are dropped and counted, like a full queue on a real link.
 *
 * <p>Useful for two NICs in one process, or for a test that plays "the network" on one end: it connects a
 * receiver to see what the guest sent and calls {@link #send} to inject frames.
 */
public final class LoopbackBackend implements NetBackend {

    /** Frames an end holds for its receiver before further frames to it are dropped. */
    public static final int WIRE_CAPACITY = 1024;
    private static final System.Logger LOG = System.getLogger(LoopbackBackend.class.getName());

    /** Both ends of one cable; closing the pair closes both. */
    public record Pair(LoopbackBackend a, LoopbackBackend b) implements AutoCloseable {
        public Pair {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }

        @Override
        public void close() {
            a.close();
            b.close();
        }
    }

    private final String name;
    private final LinkedBlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>(WIRE_CAPACITY);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private LoopbackBackend peer;
    private Thread deliverer;
    private volatile boolean closed;

    private LoopbackBackend(String name) {
        this.name = name;
    }

    /** A new cable; its ends are named "a" and "b" in thread names. */
    public static Pair pair() {
        LoopbackBackend a = new LoopbackBackend("a");
        LoopbackBackend b = new LoopbackBackend("b");
        a.peer = b;
        b.peer = a;
        return new Pair(a, b);
    }

    @Override
    public void send(byte[] frame, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, frame.length);
        if (closed || peer.closed || !peer.inbound.offer(Arrays.copyOfRange(frame, offset, offset + length))) {
            dropped.incrementAndGet();
            return;
        }
        sent.incrementAndGet();
    }

    @Override
    public synchronized void connect(Receiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        if (deliverer != null) {
            throw new IllegalStateException("loopback end " + name + " already has a receiver");
        }
        deliverer = new Thread(() -> deliver(receiver), "lpm-loopback-" + name);
        deliverer.setDaemon(true);
        if (!closed) {
            deliverer.start();
        }
    }

    /** Frames this end passed to the other end's buffer. */
    public long sentFrames() {
        return sent.get();
    }

    /** Frames this end could not pass on (the other end's buffer was full, or either end was closed). */
    public long droppedFrames() {
        return dropped.get();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = deliverer;
        }
        inbound.clear();
        if (t != null && t.isAlive()) {
            t.interrupt();
            if (t != Thread.currentThread()) {
                joinUninterruptibly(t);
            }
        }
    }

    private void deliver(Receiver receiver) {
        while (!closed) {
            byte[] frame;
            try {
                frame = inbound.take();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                receiver.receive(frame, 0, frame.length);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "loopback end " + name + ": receiver failed", e);
            }
        }
    }

    static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LoopbackBackend[" + name + "]";
    }
}
