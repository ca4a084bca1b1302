package dev.lpm.migration.wire;

import java.io.IOException;

/**
 * A migration stream or snapshot file that is not what lpm writes: bad magic, a newer version, a frame
 * that is too long, fails its checksum, names a page outside memory, comes out of order, or the stream
 * ends early. The message says what and where.
 */
public final class StreamFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public StreamFormatException(String message) {
        super(message);
    }

    public StreamFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
