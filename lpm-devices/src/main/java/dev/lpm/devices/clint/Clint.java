package dev.lpm.devices.clint;

import dev.lpm.api.DeviceTimer;
import dev.lpm.api.InterruptLine;
import dev.lpm.api.MemoryMappedDevice;
import dev.lpm.api.Snapshottable;
import dev.lpm.api.Timebase;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The SiFive CLINT as QEMU 7.2's {@code virt} board lays it out (an ACLINT MSWI at +0x0000 and an ACLINT
 * MTIMER at +0x4000): {@code msip[h]} at {@code 4*h}, {@code mtimecmp[h]} at {@code 0x4000 + 8*h} and
 * {@code mtime} at {@code 0xBFF8}. {@code mtime} counts at {@link #FREQUENCY_HZ} from the host's monotonic
 * clock; it stands still while the clock is paused ({@link #pauseClock()}), like QEMU's virtual clock.
 *
 * <p>The CLINT is never polled. Every write of {@code mtimecmp} or {@code mtime} re-evaluates the affected
 * harts: MTIP is raised when {@code mtime >= mtimecmp} (unsigned), otherwise it is lowered and a
 * {@link DeviceTimer} deadline re-checks the comparison when {@code mtime} reaches {@code mtimecmp}. At most
 * one deadline per hart is outstanding; a newer write cancels the older one. This mirrors QEMU's
 * {@code riscv_aclint_mtimer_write_timecmp}, which raises at once for a compare value in the past and
 * otherwise lowers the line and arms a QEMU timer.
 *
 * <p>Register behaviour follows QEMU 7.2 ({@code hw/intc/riscv_aclint.c}):
 * <ul>
 *   <li>{@code msip[h]} reads 0 or 1; a write sets it to bit 0 of the value. A word that is not 4-aligned, or
 *       belongs to a hart that does not exist, reads 0 and ignores writes.</li>
 *   <li>{@code mtimecmp[h]} is 64-bit; its low and high words can be accessed as 32-bit halves (the other half
 *       keeps its value). A 64-bit read at the high word returns the high word; a 64-bit write there is
 *       ignored (QEMU: guest error).</li>
 *   <li>{@code mtime} likewise: 64-bit, or 32-bit halves; writable, and every write re-evaluates all harts.</li>
 *   <li>Offsets that decode to nothing read 0 and ignore writes.</li>
 * </ul>
 *
 * <p>Deliberate differences from QEMU, none of which Linux or OpenSBI exercise: QEMU's MSWI accepts only
 * 32-bit accesses (a 64-bit one is an access fault) where this device treats a 64-bit access to the msip
 * block as two 32-bit ones, low word first; QEMU's two regions cover {@code 0x0000-0xBFFF} and an access to
 * {@code 0xC000-0xFFFF} faults, where this device reads 0 and ignores writes there.
 *
 * <p>Thread safety: registers, deadlines and the clock are guarded by one lock; {@link #timebase()} reads a
 * single volatile reference and takes no lock. Interrupt lines are driven while the lock is held, so their
 * last level always matches the state.
 */
public final class Clint implements MemoryMappedDevice, Snapshottable<ClintState> {

    public static final long BASE = 0x0200_0000L;
    public static final int LENGTH = 0x1_0000;
    /** Rate of {@code mtime}; QEMU's {@code RISCV_ACLINT_DEFAULT_TIMEBASE_FREQ}. */
    public static final long FREQUENCY_HZ = 10_000_000L;
    /** The largest hart count the layout has room for (mtimecmp[4094] ends where mtime starts). */
    public static final int MAX_HARTS = 4095;

    public static final int MSIP_BASE = 0x0000; // RW, 32-bit per hart
    public static final int MTIMECMP_BASE = 0x4000; // RW, 64-bit per hart
    public static final int MTIME = 0xBFF8; // RW, 64-bit

    private static final long NANOS_PER_TICK = 1_000_000_000L / FREQUENCY_HZ;
    /** Deadlines further away than this (about 29 years) are never armed. */
    private static final long MAX_DELAY_TICKS = Long.MAX_VALUE / NANOS_PER_TICK;
    private static final long LOW_WORD = 0xFFFF_FFFFL;
    private static final System.Logger LOG = System.getLogger(Clint.class.getName());

    /**
     * The guest clock as one immutable value, so that {@link #mtime()} needs a single volatile read. While
     * running, {@code mtime = baseTicks + (hostNanos - originNanos) / NANOS_PER_TICK}; while paused,
     * {@code mtime = baseTicks}.
     */
    private record Clock(boolean running, long originNanos, long baseTicks) {
    }

    private final int harts;
    private final InterruptLine[] msipLines;
    private final InterruptLine[] mtipLines;
    private final DeviceTimer timer;
    private final LongSupplier hostNanos;
    private final Timebase timebase = this::mtime;

    private final Object lock = new Object();
    private volatile Clock clock;
    private final long[] mtimecmp;
    private final boolean[] msip;
    private final DeviceTimer.Cancellable[] deadlines;
    /** Bumped whenever a hart's deadline is armed or cancelled; a firing deadline with an older value is stale. */
    private final long[] deadlineGeneration;

    /**
     * A CLINT for {@code harts} harts whose {@code mtime} follows {@link System#nanoTime()}.
     *
     * @param harts     number of harts, 1..{@link #MAX_HARTS}
     * @param msipLines per hart, the line to the hart's {@code mip.MSIP}
     * @param mtipLines per hart, the line to the hart's {@code mip.MTIP}
     * @param timer     where the {@code mtimecmp} deadlines are scheduled
     */
    public Clint(int harts, InterruptLine[] msipLines, InterruptLine[] mtipLines, DeviceTimer timer) {
        this(harts, msipLines, mtipLines, timer, System::nanoTime);
    }

    /**
     * As {@link #Clint(int, InterruptLine[], InterruptLine[], DeviceTimer)}, with the host's monotonic clock
     * supplied by {@code hostNanos} (tests and deterministic replay pair it with a manual timer).
     *
     * <p>The new CLINT is in QEMU's reset state, and its lines are driven accordingly: {@code mtime} = 0 and
     * running, {@code mtimecmp} = 0 (so MTIP is raised, as on QEMU), {@code msip} = 0.
     */
    public Clint(int harts, InterruptLine[] msipLines, InterruptLine[] mtipLines, DeviceTimer timer,
                 LongSupplier hostNanos) {
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("hart count " + harts + " outside 1.." + MAX_HARTS);
        }
        if (msipLines.length != harts || mtipLines.length != harts) {
            throw new IllegalArgumentException("need one MSIP and one MTIP line per hart");
        }
        this.harts = harts;
        this.msipLines = msipLines.clone();
        this.mtipLines = mtipLines.clone();
        for (int h = 0; h < harts; h++) {
            Objects.requireNonNull(this.msipLines[h], "msip line");
            Objects.requireNonNull(this.mtipLines[h], "mtip line");
        }
        this.timer = Objects.requireNonNull(timer, "timer");
        this.hostNanos = Objects.requireNonNull(hostNanos, "hostNanos");
        this.mtimecmp = new long[harts];
        this.msip = new boolean[harts];
        this.deadlines = new DeviceTimer.Cancellable[harts];
        this.deadlineGeneration = new long[harts];
        this.clock = new Clock(true, hostNanos.getAsLong(), 0);
        reset();
    }

    public int harts() {
        return harts;
    }

    /** The guest's real-time counter for the harts' {@code time} CSR: one volatile read, no lock. */
    public Timebase timebase() {
        return timebase;
    }

    /** The current value of {@code mtime} (unsigned). */
    public long mtime() {
        Clock c = clock;
        return c.running ? c.baseTicks + (hostNanos.getAsLong() - c.originNanos) / NANOS_PER_TICK : c.baseTicks;
    }

    /** Stops guest time; outstanding deadlines are cancelled until {@link #resumeClock()}. Idempotent. */
    public void pauseClock() {
        synchronized (lock) {
            if (!clock.running) {
                return;
            }
            clock = new Clock(false, 0, mtime());
            for (int h = 0; h < harts; h++) {
                cancelDeadline(h);
            }
        }
    }

    /** Lets guest time run on from where it stopped and re-arms every hart's deadline. Idempotent. */
    public void resumeClock() {
        synchronized (lock) {
            if (clock.running) {
                return;
            }
            clock = new Clock(true, hostNanos.getAsLong(), clock.baseTicks);
            long now = mtime();
            for (int h = 0; h < harts; h++) {
                evaluate(h, now);
            }
        }
    }

    public boolean clockRunning() {
        return clock.running;
    }

    /**
     * QEMU's reset: {@code mtime} becomes 0 (the clock keeps its running/paused state), every {@code msip} is
     * cleared, {@code mtimecmp} keeps its value and MTIP is re-evaluated against the new {@code mtime}.
     */
    public void reset() {
        synchronized (lock) {
            for (int h = 0; h < harts; h++) {
                msip[h] = false;
                msipLines[h].set(false);
            }
            setMtime(0);
        }
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int supportedSizes() {
        return SIZES_32_64;
    }

    @Override
    public long load(int offset, int sizeLog2) {
        synchronized (lock) {
            if (offset < MTIMECMP_BASE) {
                if (sizeLog2 == 3) {
                    return loadMsip(offset) | loadMsip(offset + 4) << 32;
                }
                return loadMsip(offset);
            }
            if (offset < MTIMECMP_BASE + 8 * harts) {
                long value = mtimecmp[(offset - MTIMECMP_BASE) >>> 3];
                return switch (offset & 7) {
                    case 0 -> sizeLog2 == 3 ? value : value & LOW_WORD;
                    case 4 -> value >>> 32;
                    default -> unimplemented("read", offset);
                };
            }
            if (offset == MTIME) {
                long now = mtime();
                return sizeLog2 == 3 ? now : now & LOW_WORD;
            }
            if (offset == MTIME + 4) {
                return mtime() >>> 32;
            }
            return unimplemented("read", offset);
        }
    }

    @Override
    public void store(int offset, long value, int sizeLog2) {
        synchronized (lock) {
            if (offset < MTIMECMP_BASE) {
                storeMsip(offset, value);
                if (sizeLog2 == 3) {
                    storeMsip(offset + 4, value >>> 32);
                }
            } else if (offset < MTIMECMP_BASE + 8 * harts) {
                storeMtimecmp(offset, value, sizeLog2);
            } else if (offset == MTIME || offset == MTIME + 4) {
                storeMtime(offset, value, sizeLog2);
            } else {
                unimplemented("write", offset);
            }
        }
    }

    @Override
    public ClintState save() {
        synchronized (lock) {
            return new ClintState(mtime(), mtimecmp, msip);
        }
    }

    /**
     * Loads {@code state}: guest time continues from its {@code mtime} (running or paused, as this CLINT's
     * clock is). Lines are not touched and no deadline is armed until {@link #resyncInterrupts()}.
     *
     * @throws IllegalArgumentException if the state is for a different number of harts
     */
    @Override
    public void restore(ClintState state) {
        if (state.harts() != harts) {
            throw new IllegalArgumentException("state has " + state.harts() + " harts, this CLINT " + harts);
        }
        synchronized (lock) {
            for (int h = 0; h < harts; h++) {
                cancelDeadline(h);
            }
            long[] cmp = state.mtimecmp();
            boolean[] sip = state.msip();
            System.arraycopy(cmp, 0, mtimecmp, 0, harts);
            System.arraycopy(sip, 0, msip, 0, harts);
            clock = clock.running
                    ? new Clock(true, hostNanos.getAsLong(), state.mtime())
                    : new Clock(false, 0, state.mtime());
        }
    }

    /** Drives every MSIP and MTIP line from the state and re-arms the deadlines (if the clock runs). */
    @Override
    public void resyncInterrupts() {
        synchronized (lock) {
            long now = mtime();
            for (int h = 0; h < harts; h++) {
                msipLines[h].set(msip[h]);
                evaluate(h, now);
            }
        }
    }

    // ---- registers (lock held) ----

    private long loadMsip(int offset) {
        int hart = offset >>> 2;
        if ((offset & 3) != 0 || hart >= harts) {
            return unimplemented("read", offset);
        }
        return msip[hart] ? 1 : 0;
    }

    private void storeMsip(int offset, long value) {
        int hart = offset >>> 2;
        if ((offset & 3) != 0 || hart >= harts) {
            unimplemented("write", offset);
            return;
        }
        boolean level = (value & 1) != 0;
        msip[hart] = level;
        msipLines[hart].set(level);
    }

    private void storeMtimecmp(int offset, long value, int sizeLog2) {
        int hart = (offset - MTIMECMP_BASE) >>> 3;
        long old = mtimecmp[hart];
        long next;
        switch (offset & 7) {
            case 0 -> next = sizeLog2 == 3 ? value : (old & ~LOW_WORD) | (value & LOW_WORD);
            case 4 -> {
                if (sizeLog2 == 3) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "clint: 64-bit write to mtimecmp_hi ignored");
                    return;
                }
                next = (value << 32) | (old & LOW_WORD);
            }
            default -> {
                unimplemented("write", offset);
                return;
            }
        }
        mtimecmp[hart] = next;
        evaluate(hart, mtime());
    }

    private void storeMtime(int offset, long value, int sizeLog2) {
        long now = mtime();
        long next;
        if (offset == MTIME) {
            next = sizeLog2 == 3 ? value : (now & ~LOW_WORD) | (value & LOW_WORD);
        } else if (sizeLog2 == 3) {
            LOG.log(System.Logger.Level.DEBUG, () -> "clint: 64-bit write to mtime_hi ignored");
            return;
        } else {
            next = (value << 32) | (now & LOW_WORD);
        }
        setMtime(next);
    }

    /** Sets {@code mtime} (keeping the clock's running/paused state) and re-evaluates every hart. */
    private void setMtime(long value) {
        clock = clock.running ? new Clock(true, hostNanos.getAsLong(), value) : new Clock(false, 0, value);
        for (int h = 0; h < harts; h++) {
            evaluate(h, value);
        }
    }

    // ---- deadlines (lock held) ----

    /** Drives MTIP for {@code hart} from {@code now}, arming a deadline when the compare value lies ahead. */
    private void evaluate(int hart, long now) {
        cancelDeadline(hart);
        long cmp = mtimecmp[hart];
        if (Long.compareUnsigned(now, cmp) >= 0) {
            mtipLines[hart].set(true);
            return;
        }
        mtipLines[hart].set(false);
        long ticks = cmp - now; // > 0 as an unsigned difference
        if (!clock.running || Long.compareUnsigned(ticks, MAX_DELAY_TICKS) > 0) {
            return;
        }
        long generation = ++deadlineGeneration[hart];
        deadlines[hart] = timer.schedule(ticks * NANOS_PER_TICK, () -> deadline(hart, generation));
    }

    private void cancelDeadline(int hart) {
        DeviceTimer.Cancellable pending = deadlines[hart];
        if (pending != null) {
            deadlines[hart] = null;
            deadlineGeneration[hart]++;
            pending.cancel();
        }
    }

    /** Runs on the timer thread. A stale deadline (cancelled after it started to fire) does nothing. */
    private void deadline(int hart, long generation) {
        synchronized (lock) {
            if (deadlineGeneration[hart] != generation || deadlines[hart] == null) {
                return;
            }
            deadlines[hart] = null;
            // Re-check rather than raise blindly: a host timer may fire a little early, and then this re-arms.
            evaluate(hart, mtime());
        }
    }

    private static long unimplemented(String what, int offset) {
        LOG.log(System.Logger.Level.DEBUG, () -> "clint: invalid " + what + " at offset 0x" + Integer.toHexString(offset));
        return 0;
    }
}
