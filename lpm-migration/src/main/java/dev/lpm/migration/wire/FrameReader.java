package dev.lpm.migration.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.ScatteringByteChannel;
import java.util.zip.CRC32C;

/**
 * Reads a migration stream from a hostile peer: the header is checked, every frame's type and length are
 * checked against {@link FrameType#maxPayload()} before anything is allocated, and its checksum before its
 * payload is used. A stream that ends inside a frame is reported as truncated.
 *
 * <p>Pages do not pass through a frame buffer: {@link #read(Pages.Receiver)} checks a PAGES frame's indices
 * and reads its page bytes from the channel straight into guest memory (one scattering read per frame on a
 * socket or file). Their checksum is verified after they landed; a mismatch refuses the stream, and a refused
 * stream's machine is discarded unstarted, so the bytes never run.
 */
public final class FrameReader {
    /** Bytes read ahead of what a frame needs: enough for the small frames, little of a PAGES frame's data. */
    private static final int READ_AHEAD = 2048;

    private final ReadableByteChannel in;
    private final ScatteringByteChannel scattering;
    /** Read-ahead, in read mode: position..limit is what was read and not yet consumed. */
    private final ByteBuffer ahead = ByteBuffer.allocateDirect(64 << 10).order(ByteOrder.LITTLE_ENDIAN).limit(0);
    private final byte[] head = new byte[5];
    private final CRC32C crc = new CRC32C();
    private byte[] buffer = new byte[64 << 10];
    private long bytesRead;
    private long frames;

    public FrameReader(ReadableByteChannel in) {
        this.in = in;
        this.scattering = in instanceof ScatteringByteChannel s ? s : null;
    }

    /** A stream (a test's bytes): read through a channel adapter. */
    public FrameReader(InputStream in) {
        this(Channels.newChannel(in));
    }

    /** Reads and checks the stream header. */
    public void readHeader() throws IOException {
        int n = Wire.MAGIC.length + 2;
        fill(n, "the stream header");
        for (int i = 0; i < Wire.MAGIC.length; i++) {
            if (ahead.get() != Wire.MAGIC[i]) {
                throw new StreamFormatException("not an lpm migration stream or snapshot (bad magic)");
            }
        }
        int version = ahead.getShort() & 0xFFFF;
        bytesRead += n;
        if (version > Wire.VERSION) {
            throw new StreamFormatException("stream version " + version + " is not one this lpm reads (" + Wire.VERSION
                    + "): written by a newer lpm, or not an lpm stream");
        }
        if (version < Wire.VERSION) {
            throw new StreamFormatException("stream version " + version + " is not one this lpm reads (" + Wire.VERSION
                    + "): written by an older lpm, or not an lpm stream");
        }
    }

    /**
     * The next frame. Its bytes live in a buffer reused by the next call.
     *
     * @throws StreamFormatException for an unknown type, an oversized length, a checksum mismatch or a
     *                               truncated frame
     */
    public Frame read() throws IOException {
        return read(null);
    }

    /**
     * The next frame that is not PAGES, when {@code pages} is given: every PAGES frame before it is checked and
     * its pages are read straight into guest memory through {@code pages}. Without a receiver a PAGES frame is
     * returned like any other.
     */
    public Frame read(Pages.Receiver pages) throws IOException {
        while (true) {
            fill(5, "a frame header");
            ahead.get(head);
            FrameType type = FrameType.ofCode(head[0] & 0xFF);
            if (type == null) {
                throw new StreamFormatException("frame " + frames + ": unknown frame type " + (head[0] & 0xFF));
            }
            long length = Wire.getInt(head, 1) & 0xFFFF_FFFFL;
            if (length > type.maxPayload) {
                throw new StreamFormatException("frame " + frames + " (" + type + "): length " + length
                        + " exceeds the " + type.maxPayload + " bytes such a frame may carry");
            }
            int n = (int) length;
            crc.reset();
            crc.update(head, 0, 5);
            if (type == FrameType.PAGES && pages != null) {
                readPagesInto(pages, n);
                endFrame(type, n);
                continue;
            }
            if (buffer.length < n) {
                buffer = new byte[Math.max(n, buffer.length * 2 > type.maxPayload ? n : buffer.length * 2)];
            }
            readPayload(buffer, n, type);
            crc.update(buffer, 0, n);
            endFrame(type, n);
            return new Frame(type, buffer, n);
        }
    }

    /** Reads the payload of an ordinary frame through the read-ahead buffer (no large temporary buffers). */
    private void readPayload(byte[] to, int n, FrameType type) throws IOException {
        int off = 0;
        while (off < n) {
            if (!ahead.hasRemaining()) {
                fill(1, "the payload of frame " + frames + " (" + type + ", " + n + " bytes)", n - off);
            }
            int k = Math.min(n - off, ahead.remaining());
            ahead.get(to, off, k);
            off += k;
        }
    }

    /** A PAGES frame: count and indices into the read-ahead buffer, the pages' bytes into guest memory. */
    private void readPagesInto(Pages.Receiver pages, int n) throws IOException {
        String what = "the payload of frame " + frames + " (PAGES, " + n + " bytes)";
        fill(8, what);
        int count = Pages.checkFrame(ahead.getInt(ahead.position()), n);
        int prefix = 8 + 4 * count;
        fill(prefix, what);
        ByteBuffer indices = ahead.slice(ahead.position() + 8, 4 * count).order(ByteOrder.LITTLE_ENDIAN);
        crc.update(ahead.slice(ahead.position(), prefix));
        ByteBuffer[] destinations = pages.destinations(indices, count);
        ahead.position(ahead.position() + prefix);
        for (ByteBuffer d : destinations) { // what the read-ahead already holds
            if (!ahead.hasRemaining()) {
                break;
            }
            int k = Math.min(d.remaining(), ahead.remaining());
            d.put(d.position(), ahead, ahead.position(), k).position(d.position() + k);
            ahead.position(ahead.position() + k);
        }
        int first = 0;
        while (first < count) {
            if (!destinations[first].hasRemaining()) {
                first++;
                continue;
            }
            long r = scattering != null ? scattering.read(destinations, first, count - first)
                    : in.read(destinations[first]);
            if (r < 0) {
                throw truncated(what);
            }
        }
        for (ByteBuffer d : destinations) {
            crc.update(d.flip());
        }
    }

    private void endFrame(FrameType type, int n) throws IOException {
        fill(4, "the checksum of frame " + frames + " (" + type + ")");
        if ((int) crc.getValue() != ahead.getInt()) {
            throw new StreamFormatException("frame " + frames + " (" + type + ", " + n + " bytes): checksum mismatch");
        }
        frames++;
        bytesRead += 9 + n;
    }

    private void fill(int n, String what) throws IOException {
        fill(n, what, READ_AHEAD);
    }

    /** Makes at least {@code n} bytes readable, reading up to {@code want} (both at most the buffer's size). */
    private void fill(int n, String what, int want) throws IOException {
        if (ahead.remaining() >= n) {
            return;
        }
        ahead.compact();
        ahead.limit(Math.min(ahead.capacity(), Math.max(ahead.position() + Math.max(want, 1), n)));
        try {
            while (ahead.position() < n) {
                if (in.read(ahead) < 0) {
                    throw truncated(what);
                }
            }
        } finally {
            ahead.flip();
        }
    }

    private StreamFormatException truncated(String what) {
        return new StreamFormatException("stream truncated: it ended inside " + what + " after about "
                + bytesRead + " bytes of whole frames");
    }

    public long bytesRead() {
        return bytesRead;
    }
}
