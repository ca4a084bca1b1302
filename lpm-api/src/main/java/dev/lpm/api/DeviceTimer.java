package dev.lpm.api;

/**
 * Host-side one-shot timers for devices that must act at a deadline (the CLINT's mtimecmp, a UART's
 * character time) instead of being polled by the hart.
 */
public interface DeviceTimer {

    /** Runs {@code action} on a timer thread after {@code delayNanos}; the handle cancels it. */
    Cancellable schedule(long delayNanos, Runnable action);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
