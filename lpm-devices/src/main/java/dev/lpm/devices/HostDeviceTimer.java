package dev.lpm.devices;

import dev.lpm.api.DeviceTimer;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link DeviceTimer} on one daemon thread of a {@link ScheduledThreadPoolExecutor}. Actions run one at a time,
 * in deadline order; cancelled actions are removed from the queue at once (the CLINT re-arms on every
 * {@code mtimecmp} write, so cancelled entries would otherwise pile up). An action that throws is logged and
 * does not stop the timer. After {@link #close()}, {@link #schedule} accepts and drops actions.
 */
public final class HostDeviceTimer implements DeviceTimer, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HostDeviceTimer.class.getName());
    private static final Cancellable NOTHING = () -> { };

    private final ScheduledThreadPoolExecutor executor;

    public HostDeviceTimer() {
        this("lpm-device-timer");
    }

    /** @param threadName name of the timer thread, for thread dumps */
    public HostDeviceTimer(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable action) {
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "device timer action failed", e);
            }
        };
        try {
            ScheduledFuture<?> future = executor.schedule(guarded, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return NOTHING;
        }
    }

    /** Stops the thread; pending actions never run. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
