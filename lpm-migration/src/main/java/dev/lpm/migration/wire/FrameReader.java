package dev.lpm.migration.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads a migration stream from a hostile peer: the header is checked, every frame's type and length are
 * checked against {@link FrameType#maxPayload()} before anything is allocated, and its checksum before its
 * payload is used. A stream that ends inside a frame is reported as truncated.
 */
public final class FrameReader {
    private final InputStream in;
    private final byte[] head = new byte[5];
    private final byte[] tail = new byte[4];
    private final CRC32C crc = new CRC32C();
    private byte[] buffer = new byte[64 << 10];
    private long bytesRead;
    private long frames;

    public FrameReader(InputStream in) {
        this.in = in;
    }

    /** Reads and checks the stream header. */
    public void readHeader() throws IOException {
        byte[] h = new byte[Wire.MAGIC.length + 2];
        readFully(h, h.length, "the stream header");
        for (int i = 0; i < Wire.MAGIC.length; i++) {
            if (h[i] != Wire.MAGIC[i]) {
                throw new StreamFormatException("not an lpm migration stream or snapshot (bad magic)");
            }
        }
        int version = (h[4] & 0xFF) | (h[5] & 0xFF) << 8;
        if (version > Wire.VERSION) {
            throw new StreamFormatException("stream version " + version + " is not one this lpm reads (" + Wire.VERSION
                    + "): written by a newer lpm, or not an lpm stream");
        }
        if (version < 1) {
            throw new StreamFormatException("stream version " + version + " does not exist");
        }
    }

    /**
     * The next frame. Its bytes live in a buffer reused by the next call.
     *
     * @throws StreamFormatException for an unknown type, an oversized length, a checksum mismatch or a
     *                               truncated frame
     */
    public Frame read() throws IOException {
        readFully(head, 5, "a frame header");
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
        if (buffer.length < n) {
            buffer = new byte[Math.max(n, buffer.length * 2 > type.maxPayload ? n : buffer.length * 2)];
        }
        readFully(buffer, n, "the payload of frame " + frames + " (" + type + ", " + n + " bytes)");
        readFully(tail, 4, "the checksum of frame " + frames + " (" + type + ")");
        crc.reset();
        crc.update(head, 0, 5);
        crc.update(buffer, 0, n);
        if ((int) crc.getValue() != Wire.getInt(tail, 0)) {
            throw new StreamFormatException("frame " + frames + " (" + type + ", " + n + " bytes): checksum mismatch");
        }
        frames++;
        bytesRead += 9 + n;
        return new Frame(type, buffer, n);
    }

    private void readFully(byte[] b, int n, String what) throws IOException {
        int off = 0;
        while (off < n) {
            int r;
            try {
                r = in.read(b, off, n - off);
            } catch (EOFException e) {
                r = -1;
            }
            if (r < 0) {
                throw new StreamFormatException("stream truncated: it ended inside " + what + " after "
                        + (bytesRead + off) + " bytes");
            }
            off += r;
        }
    }

    public long bytesRead() {
        return bytesRead;
    }
}
