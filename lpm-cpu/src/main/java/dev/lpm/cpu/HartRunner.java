package dev.lpm.cpu;

import java.util.concurrent.locks.LockSupport;

/**
 * Drives one hart on its own thread: services dirty-log and pause requests, delivers interrupts between
 * traces, and parks the thread while the hart waits in WFI (an idle guest costs no host CPU).
 */
public final class HartRunner implements Runnable {
    /** Instructions per trace: short enough that interrupts and harvests are serviced within microseconds. */
    public static final int TRACE_BUDGET = 4096;

    private final Hart hart;
    private final java.util.function.Consumer<RuntimeException> onFailure;
    private volatile boolean stopRequested;
    private volatile boolean pauseRequested;
    private volatile boolean paused;
    private volatile Thread thread;
    /** Share of host time the hart is held back, 0..99 (a migration forcing convergence sets it). */
    private volatile int throttlePercent;
    private long sliceStartNanos;

    /**
     * @param onFailure told when the emulator itself fails on this hart (a host exception that is not a guest
     *                  trap); the hart has stopped by then
     */
    public HartRunner(Hart hart, java.util.function.Consumer<RuntimeException> onFailure) {
        this.hart = hart;
        this.onFailure = onFailure;
        hart.setWakeup(this::wake);
    }

    public Hart hart() {
        return hart;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        hart.mmu.enterExecution();
        try {
            while (!stopRequested) {
                if (pauseRequested) {
                    parkPaused();
                    continue;
                }
                hart.mmu.serviceDropRequest();
                int irq = Traps.pendingInterrupt(hart);
                if (irq >= 0) {
                    Traps.interrupt(hart, irq);
                } else if (hart.waitingForInterrupt) {
                    if ((hart.csr.mip() & hart.csr.mie) != 0) {
                        hart.waitingForInterrupt = false; // WFI resumes on any pending-and-enabled bit
                    } else {
                        parkIdle();
                        continue;
                    }
                }
                Interpreter.runTrace(hart, TRACE_BUDGET);
                if (throttlePercent != 0) {
                    holdBack();
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            stopRequested = true;
            onFailure.accept(new IllegalStateException(String.format("hart %d stopped by an emulator error at pc"
                    + " 0x%x (%s mode): %s", hart.hartId, hart.pc, Privilege.name(hart.priv), e), e));
        } finally {
            hart.mmu.leaveExecution();
            thread = null;
        }
    }

    private void parkIdle() {
        hart.mmu.leaveExecution();
        // re-check after publishing that we sleep: a line raised before this point already set mip
        if ((hart.csr.mip() & hart.csr.mie) == 0 && !stopRequested && !pauseRequested) {
            LockSupport.park(this);
        }
        hart.mmu.enterExecution();
    }

    private void parkPaused() {
        hart.mmu.leaveExecution();
        paused = true;
        synchronized (this) {
            notifyAll();
        }
        while (pauseRequested && !stopRequested) {
            LockSupport.park(this);
        }
        paused = false;
        hart.mmu.enterExecution();
    }

    /**
     * Holds the hart back for {@code throttlePercent} of host time, the way QEMU's auto-converge does: after
     * each slice of running it sleeps so that running / (running + sleeping) = 1 - throttle. The sleep is
     * outside execution (a dirty-log harvest does not wait for it) and ends early for pause and stop.
     */
    private void holdBack() {
        long now = System.nanoTime();
        long ran = now - sliceStartNanos;
        if (ran < THROTTLE_SLICE_NANOS) {
            return;
        }
        int p = throttlePercent;
        long sleepUntil = now + Math.min(ran, 4 * THROTTLE_SLICE_NANOS) * p / (100 - p);
        hart.mmu.leaveExecution();
        for (long left; (left = sleepUntil - System.nanoTime()) > 0 && !pauseRequested && !stopRequested; ) {
            LockSupport.parkNanos(this, left);
        }
        hart.mmu.enterExecution();
        sliceStartNanos = System.nanoTime();
    }

    private static final long THROTTLE_SLICE_NANOS = 10_000_000L;

    /** Sets the share of host time (0..99 %) the hart is held back; 0 lets it run freely. */
    public void setThrottle(int percent) {
        if (percent < 0 || percent > 99) {
            throw new IllegalArgumentException("throttle must be 0..99 %, not " + percent);
        }
        if (throttlePercent == 0 && percent != 0) {
            sliceStartNanos = System.nanoTime(); // benign race: at worst the first slice is cut short
        }
        throttlePercent = percent;
    }

    public int throttlePercent() {
        return throttlePercent;
    }

    /** Wakes the hart's thread (an interrupt line rose, or a request is waiting). */
    public void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Asks the hart to stop at the next trace boundary and waits until it is parked. */
    public void pause() throws InterruptedException {
        pauseRequested = true;
        wake();
        synchronized (this) {
            while (!paused && thread != null) {
                wait(10);
                wake();
            }
        }
    }

    public void resume() {
        pauseRequested = false;
        wake();
    }

    public void stop() {
        stopRequested = true;
        wake();
    }

    /** True from {@link #pause()} until {@link #resume()}, whether or not the thread has parked yet. */
    public boolean pauseRequested() {
        return pauseRequested;
    }

    public boolean isPaused() {
        return paused;
    }
}
