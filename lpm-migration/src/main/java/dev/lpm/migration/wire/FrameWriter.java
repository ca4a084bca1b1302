package dev.lpm.migration.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes a migration stream: the header ({@link Wire#MAGIC}, version) once, then frames of
 * {@code type u8, length u32 LE, payload, CRC32C u32 LE of type, length and payload}.
 */
public final class FrameWriter {
    private final OutputStream out;
    private final byte[] head = new byte[5];
    private final byte[] tail = new byte[4];
    private final CRC32C crc = new CRC32C();
    private long bytesWritten;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the stream header; once, first. */
    public void writeHeader() throws IOException {
        out.write(Wire.MAGIC);
        byte[] v = {(byte) Wire.VERSION, (byte) (Wire.VERSION >>> 8)};
        out.write(v);
        bytesWritten += Wire.MAGIC.length + 2;
    }

    public void write(FrameType type, byte[] payload) throws IOException {
        write(type, payload, payload.length);
    }

    public void write(FrameType type, byte[] payload, int length) throws IOException {
        if (length > type.maxPayload) {
            throw new IllegalArgumentException(type + " payload of " + length + " bytes exceeds " + type.maxPayload);
        }
        head[0] = (byte) type.code;
        Wire.putInt(head, 1, length);
        crc.reset();
        crc.update(head, 0, 5);
        crc.update(payload, 0, length);
        Wire.putInt(tail, 0, (int) crc.getValue());
        out.write(head);
        out.write(payload, 0, length);
        out.write(tail);
        bytesWritten += 9 + length;
    }

    public void write(FrameType type) throws IOException {
        write(type, Wire.EMPTY, 0);
    }

    public void writeText(FrameType type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        write(type, b, Math.min(b.length, type.maxPayload));
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Bytes written so far (what went on the wire). */
    public long bytesWritten() {
        return bytesWritten;
    }
}
