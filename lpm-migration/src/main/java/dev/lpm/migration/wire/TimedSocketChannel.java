package dev.lpm.migration.wire;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A migration connection as a channel with a timeout on every read and write. A blocking {@link SocketChannel}
 * ignores SO_TIMEOUT, and a socket's streams copy every byte through a JDK buffer; this one keeps the socket
 * non-blocking and waits in a {@link Selector}, so pages move between guest memory and the socket without
 * an extra copy (scattering reads straight into guest RAM, gathering writes from an off-heap send buffer),
 * and a peer that stops reading or writing fails the step with {@link SocketTimeoutException} after
 * {@code timeout} instead of hanging it.
 */
public final class TimedSocketChannel implements ScatteringByteChannel, GatheringByteChannel, ByteChannel {
    private final SocketChannel channel;
    private final Selector selector;
    private final long timeoutMillis;
    /** Bytes already read from the socket by whoever accepted it (a sniffed stream magic), served first. */
    private final ByteBuffer pushedBack;

    /**
     * @param channel    a connected socket; it is switched to non-blocking mode
     * @param timeout    how long one read or write may wait for the peer
     * @param pushedBack bytes already taken from the socket, returned by the first reads (may be empty)
     */
    public TimedSocketChannel(SocketChannel channel, Duration timeout, byte[] pushedBack) throws IOException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        this.channel = channel;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.pushedBack = ByteBuffer.wrap(pushedBack.clone());
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, 0);
    }

    public TimedSocketChannel(SocketChannel channel, Duration timeout) throws IOException {
        this(channel, timeout, new byte[0]);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return (int) read(new ByteBuffer[]{dst}, 0, 1);
    }

    @Override
    public long read(ByteBuffer[] dsts) throws IOException {
        return read(dsts, 0, dsts.length);
    }

    /** Reads at least one byte unless every buffer is full or the stream ended (-1); waits up to the timeout. */
    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        if (pushedBack.hasRemaining()) {
            long n = 0;
            for (int i = offset; i < offset + length && pushedBack.hasRemaining(); i++) {
                int k = Math.min(dsts[i].remaining(), pushedBack.remaining());
                dsts[i].put(dsts[i].position(), pushedBack, pushedBack.position(), k);
                dsts[i].position(dsts[i].position() + k);
                pushedBack.position(pushedBack.position() + k);
                n += k;
            }
            return n;
        }
        while (true) {
            long n = channel.read(dsts, offset, length);
            if (n != 0 || !anyRemaining(dsts, offset, length)) {
                return n;
            }
            await(SelectionKey.OP_READ, "read");
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return (int) write(new ByteBuffer[]{src}, 0, 1);
    }

    @Override
    public long write(ByteBuffer[] srcs) throws IOException {
        return write(srcs, 0, srcs.length);
    }

    /** Writes everything in the buffers (a gathering write per wake-up), waiting up to the timeout each time. */
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        while (anyRemaining(srcs, offset, length)) {
            long n = channel.write(srcs, offset, length);
            if (n == 0) {
                await(SelectionKey.OP_WRITE, "write");
            }
            total += n;
        }
        return total;
    }

    private void await(int op, String what) throws IOException {
        if (!ready(op, timeoutMillis)) {
            if (!channel.isOpen()) {
                throw new java.nio.channels.ClosedChannelException();
            }
            throw new SocketTimeoutException("the peer did not let us " + what + " for " + timeoutMillis + " ms");
        }
    }

    /** Waits up to {@code millis} until the socket is ready for {@code op}; false when the time ran out. */
    private boolean ready(int op, long millis) throws IOException {
        SelectionKey key = channel.keyFor(selector);
        key.interestOps(op);
        int ready = selector.select(Math.max(1, millis));
        key.interestOps(0);
        selector.selectedKeys().clear();
        return ready > 0;
    }

    private static boolean anyRemaining(ByteBuffer[] buffers, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends a connection whose peer may still be sending (a refused stream) so that it reads our last frame:
     * closing a socket with unread bytes resets it, and a reset can destroy the reply in flight. Shuts our
     * side down, then reads and drops what arrives for up to {@code linger} or {@code maxBytes}.
     */
    public void shutdownAndDrain(Duration linger, long maxBytes) {
        long deadline = System.nanoTime() + linger.toNanos();
        ByteBuffer sink = ByteBuffer.allocate(64 << 10);
        try {
            channel.shutdownOutput();
            for (long total = 0; total < maxBytes && System.nanoTime() < deadline; ) {
                sink.clear();
                long n = channel.read(sink);
                if (n < 0) {
                    return;
                }
                if (n == 0) {
                    ready(SelectionKey.OP_READ, (deadline - System.nanoTime()) / 1_000_000);
                }
                total += n;
            }
        } catch (IOException e) {
            // the peer is gone: nothing left to protect
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /**
     * Closes the selector, then the socket. Closing only the socket is not enough: a channel registered with
     * a selector keeps its descriptor open until the selector lets it go, so the peer would never see the end.
     */
    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
