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

    public boolean isPaused() {
        return paused;
    }
}
