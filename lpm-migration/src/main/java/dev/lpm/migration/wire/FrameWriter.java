package dev.lpm.migration.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes a migration stream: the header ({@link Wire#MAGIC}, version) once, then frames of
 * {@code type u8, length u32 LE, payload, CRC32C u32 LE of type, length and payload}.
 *
 * <p>Small frames gather in an off-heap buffer until {@link #flush()}; a frame whose payload is already
 * off-heap ({@link #write(FrameType, ByteBuffer)}, the page sender's) goes out with what is buffered in one
 * gathering write, so its bytes are copied only by the kernel.
 */
public final class FrameWriter {
    private final WritableByteChannel out;
    private final GatheringByteChannel gathering;
    /** Flushed after the channel, when the writer was made from a stream. */
    private final OutputStream stream;
    private final ByteBuffer pending = ByteBuffer.allocateDirect(64 << 10).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer head = ByteBuffer.allocateDirect(5).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer tail = ByteBuffer.allocateDirect(4).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] gather = new ByteBuffer[4];
    private final CRC32C crc = new CRC32C();
    private long bytesWritten;

    public FrameWriter(WritableByteChannel out) {
        this(out, null);
    }

    /** A stream (a file or a test's buffer): written through a channel adapter and flushed by {@link #flush()}. */
    public FrameWriter(OutputStream out) {
        this(Channels.newChannel(out), out);
    }

    private FrameWriter(WritableByteChannel out, OutputStream stream) {
        this.out = out;
        this.gathering = out instanceof GatheringByteChannel g ? g : null;
        this.stream = stream;
    }

    /** Writes the stream header; once, first. */
    public void writeHeader() throws IOException {
        reserve(Wire.MAGIC.length + 2);
        pending.put(Wire.MAGIC).putShort((short) Wire.VERSION);
        bytesWritten += Wire.MAGIC.length + 2;
    }

    public void write(FrameType type, byte[] payload) throws IOException {
        write(type, payload, payload.length);
    }

    public void write(FrameType type, byte[] payload, int length) throws IOException {
        startFrame(type, length);
        crc.update(payload, 0, length);
        reserve(5);
        pending.put(head);
        for (int off = 0; off < length; ) { // a large payload (the state) passes through in buffer-sized pieces
            if (!pending.hasRemaining()) {
                drain();
            }
            int k = Math.min(length - off, pending.remaining());
            pending.put(payload, off, k);
            off += k;
        }
        reserve(4);
        pending.putInt((int) crc.getValue());
        bytesWritten += 9 + length;
    }

    /**
     * Writes a frame whose payload is off-heap (its position..limit), together with whatever is buffered, in
     * one gathering write; the payload buffer is left as it was.
     */
    public void write(FrameType type, ByteBuffer payload) throws IOException {
        int length = payload.remaining();
        startFrame(type, length);
        crc.update(payload.duplicate());
        tail.clear();
        tail.putInt((int) crc.getValue()).flip();
        pending.flip();
        gather[0] = pending;
        gather[1] = head;
        gather[2] = payload.duplicate();
        gather[3] = tail;
        if (gathering != null) {
            while (tail.hasRemaining()) {
                gathering.write(gather);
            }
        } else {
            for (ByteBuffer b : gather) {
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
        }
        pending.clear();
        bytesWritten += 9 + length;
    }

    /** Checks the length, fills {@link #head} (type, length) and starts the frame's checksum with it. */
    private void startFrame(FrameType type, int length) {
        if (length > type.maxPayload) {
            throw new IllegalArgumentException(type + " payload of " + length + " bytes exceeds " + type.maxPayload);
        }
        head.clear();
        head.put((byte) type.code).putInt(length).flip();
        crc.reset();
        crc.update(head.duplicate());
    }

    public void write(FrameType type) throws IOException {
        write(type, Wire.EMPTY, 0);
    }

    public void writeText(FrameType type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        write(type, b, Math.min(b.length, type.maxPayload));
    }

    /** Sends everything buffered. */
    public void flush() throws IOException {
        drain();
        if (stream != null) {
            stream.flush();
        }
    }

    private void reserve(int n) throws IOException {
        if (pending.remaining() < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            out.write(pending);
        }
        pending.clear();
    }

    /** Bytes written so far (what went on the wire). */
    public long bytesWritten() {
        return bytesWritten;
    }
}
