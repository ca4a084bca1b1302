package dev.lpm.devices;

import dev.lpm.api.DeviceTimer;

import java.util.PriorityQueue;

/**
 * A fake host clock with a {@link DeviceTimer} on it: nothing happens until a test calls {@link #advance},
 * which moves the clock and runs every due action at its deadline, in order.
 */
public final class ManualTimer implements DeviceTimer {

    private final class Task implements Cancellable, Comparable<Task> {
        final long due;
        final long seq;
        final Runnable action;
        boolean cancelled;

        Task(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
            cancels++;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private long lastDelay = -1;
    private int scheduled;
    private int cancels;

    public ManualTimer() {
        this(1_000_000_000L);
    }

    public ManualTimer(long startNanos) {
        now = startNanos;
    }

    /** The fake host clock, for a device's {@code LongSupplier hostNanos}. */
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable action) {
        lastDelay = delayNanos;
        scheduled++;
        Task t = new Task(now + Math.max(0, delayNanos), seq++, action);
        queue.add(t);
        return t;
    }

    /** Moves the clock by {@code nanos}, running each due action with the clock at its deadline. */
    public void advance(long nanos) {
        long target = now + nanos;
        while (true) {
            Task t = queue.peek();
            if (t == null || t.due > target) {
                break;
            }
            queue.poll();
            if (t.cancelled) {
                continue;
            }
            now = Math.max(now, t.due);
            t.action.run();
        }
        now = target;
    }

    /** Actions scheduled and not cancelled or run. */
    public int pending() {
        int n = 0;
        for (Task t : queue) {
            if (!t.cancelled) {
                n++;
            }
        }
        return n;
    }

    /** Nanoseconds from now to the earliest live deadline, or -1. */
    public long nextDelay() {
        long best = Long.MAX_VALUE;
        for (Task t : queue) {
            if (!t.cancelled) {
                best = Math.min(best, t.due);
            }
        }
        return best == Long.MAX_VALUE ? -1 : best - now;
    }

    public long lastDelay() {
        return lastDelay;
    }

    public int scheduledCount() {
        return scheduled;
    }

    public int cancelCount() {
        return cancels;
    }
}
