package dev.lpm.migration.state;

/**
 * A machine state's bytes are not a state this lpm can load: corrupt, truncated, written by a newer lpm, or
 * describing a machine that cannot exist. The message says what is wrong and in which section.
 */
public final class StateFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateFormatException(String message) {
        super(message);
    }

    public StateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
