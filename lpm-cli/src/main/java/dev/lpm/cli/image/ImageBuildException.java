package dev.lpm.cli.image;

/** An image cannot be built; the message is one line meant for the user (no stack trace). */
public final class ImageBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageBuildException(String message) {
        super(message);
    }

    public ImageBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
