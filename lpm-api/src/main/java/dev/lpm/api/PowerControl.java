package dev.lpm.api;

/** What the board's poweroff/reset device asks of the machine. */
public interface PowerControl {

    /** The guest asked to stop with an exit code (0 = poweroff, non-zero = failure). */
    void powerOff(int exitCode);

    /** The guest asked for a reset. */
    void reset();
}
