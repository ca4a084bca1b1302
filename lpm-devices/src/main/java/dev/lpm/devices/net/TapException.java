package dev.lpm.devices.net;

import java.io.IOException;

/**
 * A TAP interface could not be opened. The message names the interface and says what to do; {@link #reason()}
 * lets a caller tell the common cases apart.
 */
public final class TapException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why opening failed. */
    public enum Reason {
        /** No interface of that name exists (in the opening thread's network namespace). */
        NO_SUCH_DEVICE,
        /** The process may not open /dev/net/tun or attach to the interface. */
        PERMISSION_DENIED,
        /** Another file descriptor (another process, or another backend) is attached to the interface. */
        BUSY,
        /** The interface exists but is not a single-queue TAP (a TUN, a multi-queue TAP, a bridge, ...). */
        NOT_A_TAP,
        /** Anything else: the message has the details. */
        OTHER
    }

    private final Reason reason;
    private final String interfaceName;

    public TapException(Reason reason, String interfaceName, String message) {
        super(message);
        this.reason = reason;
        this.interfaceName = interfaceName;
    }

    public Reason reason() {
        return reason;
    }

    public String interfaceName() {
        return interfaceName;
    }
}
