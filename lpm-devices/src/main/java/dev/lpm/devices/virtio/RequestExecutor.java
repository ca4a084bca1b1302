package dev.lpm.devices.virtio;

/**
 * Where a device runs the slow part of a request (block I/O). {@link #DIRECT} runs it at once on the
 * calling thread, which is the notifying hart's, with the transport's lock held; an executor backed by an
 * I/O thread lets the hart go on, and the request completes later with {@link Virtqueue#push}, which
 * takes the lock itself. Either way the transport counts the request as in flight until it is pushed, so
 * {@link VirtioMmio#quiesce()} waits for it.
 *
 * <p>An implementation must run every request it accepts exactly once. If it cannot accept one it throws
 * {@link java.util.concurrent.RejectedExecutionException}, and the device runs the request inline.
 */
@FunctionalInterface
public interface RequestExecutor {

    void execute(Runnable request);

    /** Runs each request immediately on the caller's thread. */
    RequestExecutor DIRECT = Runnable::run;
}
