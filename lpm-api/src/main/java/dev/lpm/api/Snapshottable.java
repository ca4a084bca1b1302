package dev.lpm.api;

/**
 * A stateful component. {@link #save()} returns an immutable record of the device's architectural state
 * (never caches, never wiring); {@link #restore} loads such a record into an identically wired instance,
 * touching nothing but the component itself. Interrupt lines are re-derived afterwards in one pass by
 * the machine through {@link #resyncInterrupts()}.
 *
 * @param <S> the state record
 */
public interface Snapshottable<S extends Record> {

    S save();

    void restore(S state);

    /** Drives every output line to the level the current state implies. Called once after all restores. */
    default void resyncInterrupts() {
    }
}
