package dev.lpm.api;

/** A device or loader touched guest-physical addresses that are not RAM. */
public final class GuestMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuestMemoryException(String message) {
        super(message);
    }
}
