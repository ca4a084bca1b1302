package dev.lpm.migration.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** One received frame; {@link #payload()} reads its bytes little-endian. */
public record Frame(FrameType type, byte[] bytes, int length) {

    public ByteBuffer payload() {
        return ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The payload as UTF-8 text (ERROR and CANCEL reasons). */
    public String text() {
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
