package dev.lpm.api;

/**
 * A level-triggered interrupt wire from a device to a controller (PLIC source, or a hart's mip bit).
 * A source keeps the line at the level its state implies; the sink never latches edges.
 */
@FunctionalInterface
public interface InterruptLine {

    void set(boolean level);

    default void raise() {
        set(true);
    }

    default void lower() {
        set(false);
    }

    /** A line connected to nothing, for devices whose interrupt is not wired. */
    InterruptLine NONE = level -> { };
}
