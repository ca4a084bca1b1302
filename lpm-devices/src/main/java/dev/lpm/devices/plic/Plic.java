package dev.lpm.devices.plic;

import dev.lpm.api.InterruptLine;
import dev.lpm.api.MemoryMappedDevice;
import dev.lpm.api.Snapshottable;

import java.util.Arrays;
import java.util.Objects;

/**
 * The RISC-V Platform-Level Interrupt Controller (riscv-plic-spec 1.0.0) as QEMU 7.2's {@code virt} board
 * instantiates it ({@code hw/intc/sifive_plic.c}): {@value #NUM_SOURCES} sources counting the reserved source 0
 * (so devices use 1..{@value #MAX_SOURCE}), 3-bit priorities (0..{@value #MAX_PRIORITY}) and the "MS" hart
 * configuration, i.e. two contexts per hart: context {@code 2h} is hart {@code h}'s M-mode (it drives the hart's
 * MEIP) and {@code 2h + 1} its S-mode (SEIP). Register map, offsets from {@link #BASE}, 32-bit accesses only:
 * <ul>
 *   <li>{@code 0x000000 + 4*n}: priority of source {@code n}, WARL: a write keeps the low 3 bits
 *       (QEMU: {@code value % (num_priorities + 1)}).</li>
 *   <li>{@code 0x001000 + 4*w}: pending bits of sources {@code 32w..32w+31}; read-only (writes are ignored, as
 *       QEMU ignores them).</li>
 *   <li>{@code 0x002000 + 0x80*c + 4*w}: context {@code c}'s enable bits, all 32 bits stored.</li>
 *   <li>{@code 0x200000 + 0x1000*c}: context {@code c}'s priority threshold, WARL like the priorities;
 *       {@code +4}: claim (read) / complete (write).</li>
 * </ul>
 * A context's output is high exactly while some source is pending, enabled for it and of priority greater than
 * its threshold. A claim returns the highest-priority such source (ties: the lowest id), or 0 if there is none.
 *
 * <p>Gateway (level-triggered, as QEMU models it). Each source's line level is remembered. The source is
 * pending exactly while its line is high and it is not claimed, so the invariant
 * {@code pending == level & ~claimed} always holds:
 * <ul>
 *   <li>raising the line makes the source pending unless it is claimed (in service);</li>
 *   <li>lowering the line withdraws a pending request (QEMU's {@code sifive_plic_irq_request} sets the pending
 *       bit to the line level; the spec would keep it latched until claimed, and leaves the handler to find
 *       the device quiet);</li>
 *   <li>a claim clears the source's pending bit and marks it claimed, for every context;</li>
 *   <li>a complete releases it, and if the line is still high the source is pending again at once. QEMU only
 *       re-pends when a device re-drives its line after the claim; this PLIC re-evaluates the remembered
 *       level, so a level-triggered device that stays high across claim and complete is not lost (the spec's
 *       gateway behaviour). While claimed, the pending bit reads 0 even if the
 *       line goes high (QEMU would show it); the request is delivered after the complete either way.</li>
 * </ul>
 *
 * <p>Completion. A complete writes a source id to a context's claim/complete register. An id of 0 or of
 * {@value #NUM_SOURCES} and above is ignored (QEMU: {@code value < num_sources}; source 0 is never claimed). An
 * id whose source is not enabled for that context is ignored, as the spec requires ("If the completion ID does
 * not match an interrupt source that is currently enabled for the target, the completion is silently
 * ignored"); QEMU 7.2 does not check the enable bit. Linux copes with the spec's rule ({@code plic_irq_eoi}
 * briefly re-enables a disabled source to complete it). Where the spec leaves room this follows QEMU: the
 * claimed bit belongs to the source, not the context, so any context that has the source enabled may complete
 * it, and completing a source that is not claimed does nothing.
 *
 * <p>Further QEMU 7.2 details matched: priority and enable bit of the reserved source 0 are plain storage; a
 * claim with nothing eligible returns 0 and changes nothing; threshold and priority writes re-evaluate the
 * outputs at once (so raising a threshold lowers an output, which OpenBSD relies on). Accesses that decode to
 * no register read 0 and ignore writes, QEMU's "invalid register" guest errors: the priority of source 96 at
 * {@code 0x180} and enable word 3 ({@code +0xC}), both of which Linux touches because QEMU 7.2's device tree
 * says {@code riscv,ndev = 96}; offsets past the last context; context offsets other than 0 and 4; misaligned
 * offsets (QEMU's bus faults those before the device sees them). The pending word at {@code 0x100C} reads 0
 * (QEMU 7.2 reads past its array there; later QEMU returns 0).
 *
 * <p>Deliberate difference from QEMU: an enable write re-evaluates that context's output at once. QEMU 7.2
 * stores the enable word without updating its outputs, so a newly enabled pending source is signalled only at
 * the next PLIC event; here the outputs always equal what the state implies.
 *
 * <p>Reset ({@link #reset()}, as QEMU's {@code sifive_plic_reset}) zeroes priorities, thresholds, enables and
 * claims, and lowers every output. Sources whose line is high stay pending (QEMU clears its pending bits, but
 * its devices re-drive their lines; here the gateway keeps agreeing with the remembered line levels).
 *
 * <p>Thread safety: all state is guarded by one lock. Device lines ({@link #source}) may be driven from any
 * thread; registers are accessed by the harts. Context outputs are driven while the lock is held, so the last
 * level driven on each output always matches the state; an output is driven only when its level changes,
 * except by {@link #resyncInterrupts()} and {@link #reset()}, which drive every output. The output lines must
 * not call back into this PLIC.
 */
public final class Plic implements MemoryMappedDevice, Snapshottable<PlicState> {

    public static final long BASE = 0x0C00_0000L;
    /** QEMU virt's {@code VIRT_PLIC_SIZE(VIRT_CPUS_MAX * 2)} with 512 harts. */
    public static final int LENGTH = 0x60_0000;
    /** Sources including the reserved source 0: QEMU virt's {@code VIRT_IRQCHIP_NUM_SOURCES}. */
    public static final int NUM_SOURCES = 96;
    /** The highest source id a device can be wired to. */
    public static final int MAX_SOURCE = NUM_SOURCES - 1;
    /** Priorities and thresholds are 3 bits wide ({@code VIRT_IRQCHIP_NUM_PRIO_BITS}). */
    public static final int MAX_PRIORITY = 7;
    /** 32-bit words per source bitmap (pending, claimed, one context's enables). */
    public static final int WORDS = NUM_SOURCES / 32;
    /** The most harts whose contexts fit in {@link #LENGTH} (QEMU's {@code VIRT_CPUS_MAX}). */
    public static final int MAX_HARTS = 512;
    public static final int MAX_CONTEXTS = 2 * MAX_HARTS;

    public static final int PRIORITY_BASE = 0x00_0000; // RW, 32-bit per source, WARL 3 bits
    public static final int PENDING_BASE = 0x00_1000; // R, 1 bit per source
    public static final int ENABLE_BASE = 0x00_2000; // RW, 1 bit per source per context
    public static final int ENABLE_STRIDE = 0x80;
    public static final int CONTEXT_BASE = 0x20_0000;
    public static final int CONTEXT_STRIDE = 0x1000;
    public static final int CONTEXT_THRESHOLD = 0x0; // RW, WARL 3 bits
    public static final int CONTEXT_CLAIM = 0x4; // R: claim, W: complete

    private static final long WORD_MASK = 0xFFFF_FFFFL;
    private static final byte UNKNOWN = -1;
    private static final System.Logger LOG = System.getLogger(Plic.class.getName());

    private final int harts;
    private final int contexts;
    private final InterruptLine[] outputs;
    private final InterruptLine[] sources;

    private final Object lock = new Object();
    private final int[] priority = new int[NUM_SOURCES];
    private final int[] pending = new int[WORDS];
    private final int[] enable;
    private final int[] threshold;
    private final int[] claimed = new int[WORDS];
    private final int[] levels = new int[WORDS];
    /** Per context, the level last driven on its output (0 or 1), or {@link #UNKNOWN} after a restore. */
    private final byte[] driven;

    /**
     * A PLIC for {@code harts} harts in QEMU's reset state, with every output driven low.
     *
     * @param harts          number of harts, 1..{@link #MAX_HARTS}
     * @param contextOutputs per context ({@code 2 * harts} of them), the line it drives: {@code [2h]} to hart
     *                       {@code h}'s {@code mip.MEIP}, {@code [2h + 1]} to its {@code mip.SEIP}
     */
    public Plic(int harts, InterruptLine[] contextOutputs) {
        if (harts < 1 || harts > MAX_HARTS) {
            throw new IllegalArgumentException("hart count " + harts + " outside 1.." + MAX_HARTS);
        }
        if (contextOutputs.length != 2 * harts) {
            throw new IllegalArgumentException("need two context outputs (MEIP, SEIP) per hart: "
                    + 2 * harts + ", got " + contextOutputs.length);
        }
        this.harts = harts;
        this.contexts = 2 * harts;
        this.outputs = contextOutputs.clone();
        for (InterruptLine line : outputs) {
            Objects.requireNonNull(line, "context output");
        }
        this.enable = new int[contexts * WORDS];
        this.threshold = new int[contexts];
        this.driven = new byte[contexts];
        this.sources = new InterruptLine[NUM_SOURCES];
        for (int id = 1; id < NUM_SOURCES; id++) {
            int source = id;
            sources[id] = level -> setLevel(source, level);
        }
        reset();
    }

    public int harts() {
        return harts;
    }

    public int contexts() {
        return contexts;
    }

    /**
     * The input line of source {@code id}, for the device wired to it. The device holds it high while it needs
     * service; it may be driven from any thread. The same line is returned on every call.
     *
     * @param id 1..{@link #MAX_SOURCE}
     */
    public InterruptLine source(int id) {
        if (id < 1 || id > MAX_SOURCE) {
            throw new IllegalArgumentException("PLIC source " + id + " outside 1.." + MAX_SOURCE);
        }
        return sources[id];
    }

    /** QEMU's reset; see the class comment. Drives every output (low). */
    public void reset() {
        synchronized (lock) {
            Arrays.fill(priority, 0);
            Arrays.fill(enable, 0);
            Arrays.fill(threshold, 0);
            Arrays.fill(claimed, 0);
            System.arraycopy(levels, 0, pending, 0, WORDS);
            driveAll();
        }
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int supportedSizes() {
        return SIZES_32;
    }

    @Override
    public long load(int offset, int sizeLog2) {
        synchronized (lock) {
            if ((offset & 3) != 0) {
                return invalid("read", offset);
            }
            if (offset < PRIORITY_BASE + 4 * NUM_SOURCES) {
                return priority[(offset - PRIORITY_BASE) >>> 2];
            }
            if (offset >= PENDING_BASE && offset < PENDING_BASE + 4 * WORDS) {
                return pending[(offset - PENDING_BASE) >>> 2] & WORD_MASK;
            }
            if (offset >= ENABLE_BASE && offset < ENABLE_BASE + contexts * ENABLE_STRIDE) {
                int ctx = (offset - ENABLE_BASE) / ENABLE_STRIDE;
                int word = (offset & (ENABLE_STRIDE - 1)) >>> 2;
                if (word < WORDS) {
                    return enable[ctx * WORDS + word] & WORD_MASK;
                }
                return invalid("read", offset);
            }
            if (offset >= CONTEXT_BASE && offset < CONTEXT_BASE + contexts * CONTEXT_STRIDE) {
                int ctx = (offset - CONTEXT_BASE) / CONTEXT_STRIDE;
                return switch (offset & (CONTEXT_STRIDE - 1)) {
                    case CONTEXT_THRESHOLD -> threshold[ctx];
                    case CONTEXT_CLAIM -> claim(ctx);
                    default -> invalid("read", offset);
                };
            }
            return invalid("read", offset);
        }
    }

    @Override
    public void store(int offset, long value, int sizeLog2) {
        long word32 = value & WORD_MASK;
        synchronized (lock) {
            if ((offset & 3) != 0) {
                invalid("write", offset);
            } else if (offset < PRIORITY_BASE + 4 * NUM_SOURCES) {
                int id = (offset - PRIORITY_BASE) >>> 2;
                priority[id] = (int) (word32 & MAX_PRIORITY);
                refreshContextsEnabling(id);
            } else if (offset >= PENDING_BASE && offset < PENDING_BASE + 4 * WORDS) {
                invalid("write (pending bits are read-only)", offset);
            } else if (offset >= ENABLE_BASE && offset < ENABLE_BASE + contexts * ENABLE_STRIDE) {
                int ctx = (offset - ENABLE_BASE) / ENABLE_STRIDE;
                int word = (offset & (ENABLE_STRIDE - 1)) >>> 2;
                if (word < WORDS) {
                    enable[ctx * WORDS + word] = (int) word32;
                    refresh(ctx); // QEMU 7.2 does not re-evaluate here; see the class comment
                } else {
                    invalid("write", offset);
                }
            } else if (offset >= CONTEXT_BASE && offset < CONTEXT_BASE + contexts * CONTEXT_STRIDE) {
                int ctx = (offset - CONTEXT_BASE) / CONTEXT_STRIDE;
                switch (offset & (CONTEXT_STRIDE - 1)) {
                    case CONTEXT_THRESHOLD -> {
                        threshold[ctx] = (int) (word32 & MAX_PRIORITY);
                        refresh(ctx);
                    }
                    case CONTEXT_CLAIM -> complete(ctx, word32);
                    default -> invalid("write", offset);
                }
            } else {
                invalid("write", offset);
            }
        }
    }

    @Override
    public PlicState save() {
        synchronized (lock) {
            return new PlicState(priority, pending, enable, threshold, claimed, levels);
        }
    }

    /**
     * Loads {@code state}, including the remembered line levels. No line is touched until
     * {@link #resyncInterrupts()}.
     *
     * @throws IllegalArgumentException if the state is for a different number of harts
     */
    @Override
    public void restore(PlicState state) {
        if (state.contexts() != contexts) {
            throw new IllegalArgumentException(
                    "state has " + state.harts() + " harts (" + state.contexts() + " contexts), this PLIC " + harts);
        }
        int[] statePriority = state.priority();
        int[] statePending = state.pending();
        int[] stateEnable = state.enable();
        int[] stateThreshold = state.threshold();
        int[] stateClaimed = state.claimed();
        int[] stateLevels = state.levels();
        synchronized (lock) {
            System.arraycopy(statePriority, 0, priority, 0, NUM_SOURCES);
            System.arraycopy(statePending, 0, pending, 0, WORDS);
            System.arraycopy(stateEnable, 0, enable, 0, enable.length);
            System.arraycopy(stateThreshold, 0, threshold, 0, contexts);
            System.arraycopy(stateClaimed, 0, claimed, 0, WORDS);
            System.arraycopy(stateLevels, 0, levels, 0, WORDS);
            Arrays.fill(driven, UNKNOWN);
        }
    }

    /** Drives every context output to the level the state implies. */
    @Override
    public void resyncInterrupts() {
        synchronized (lock) {
            driveAll();
        }
    }

    // ---- gateway and core (lock held) ----

    private void setLevel(int id, boolean level) {
        int word = id >>> 5;
        int bit = 1 << (id & 31);
        synchronized (lock) {
            if (((levels[word] & bit) != 0) == level) {
                return; // nothing changes: pending == level & ~claimed already
            }
            if (level) {
                levels[word] |= bit;
                if ((claimed[word] & bit) == 0) {
                    pending[word] |= bit;
                }
            } else {
                levels[word] &= ~bit;
                pending[word] &= ~bit;
            }
            refreshContextsEnabling(id);
        }
    }

    /** Claim for {@code ctx}: the best eligible source becomes claimed and stops being pending; 0 if none. */
    private int claim(int ctx) {
        int id = best(ctx);
        if (id != 0) {
            int word = id >>> 5;
            int bit = 1 << (id & 31);
            pending[word] &= ~bit;
            claimed[word] |= bit;
            refreshContextsEnabling(id);
        }
        return id;
    }

    private void complete(int ctx, long value) {
        if (value == 0 || value >= NUM_SOURCES) {
            LOG.log(System.Logger.Level.DEBUG, () -> "plic: complete of source " + value + " at context " + ctx
                    + " ignored");
            return;
        }
        int id = (int) value;
        int word = id >>> 5;
        int bit = 1 << (id & 31);
        if ((enable[ctx * WORDS + word] & bit) == 0) {
            // The spec: a completion for a source not enabled for the target is silently ignored.
            LOG.log(System.Logger.Level.DEBUG, () -> "plic: complete of disabled source " + id + " at context "
                    + ctx + " ignored");
            return;
        }
        if ((claimed[word] & bit) == 0) {
            return;
        }
        claimed[word] &= ~bit;
        pending[word] |= levels[word] & bit; // a line still high is a new request
        refreshContextsEnabling(id);
    }

    /**
     * The source a claim by {@code ctx} would return: the pending, unclaimed, enabled source of the highest
     * priority above the context's threshold, the lowest id among equals; 0 if there is none.
     */
    private int best(int ctx) {
        int bestId = 0;
        int bestPriority = threshold[ctx];
        int base = ctx * WORDS;
        for (int w = 0; w < WORDS; w++) {
            int candidates = pending[w] & ~claimed[w] & enable[base + w];
            while (candidates != 0) {
                int bit = Integer.numberOfTrailingZeros(candidates);
                candidates &= candidates - 1;
                int id = (w << 5) | bit;
                if (priority[id] > bestPriority) {
                    bestId = id;
                    bestPriority = priority[id];
                }
            }
        }
        return bestId;
    }

    /** Re-evaluates every context that has source {@code id} enabled (the only ones it can affect). */
    private void refreshContextsEnabling(int id) {
        int word = id >>> 5;
        int bit = 1 << (id & 31);
        for (int ctx = 0; ctx < contexts; ctx++) {
            if ((enable[ctx * WORDS + word] & bit) != 0) {
                refresh(ctx);
            }
        }
    }

    private void refresh(int ctx) {
        boolean level = best(ctx) != 0;
        byte value = (byte) (level ? 1 : 0);
        if (driven[ctx] != value) {
            driven[ctx] = value;
            outputs[ctx].set(level);
        }
    }

    private void driveAll() {
        for (int ctx = 0; ctx < contexts; ctx++) {
            boolean level = best(ctx) != 0;
            driven[ctx] = (byte) (level ? 1 : 0);
            outputs[ctx].set(level);
        }
    }

    private static long invalid(String what, int offset) {
        LOG.log(System.Logger.Level.DEBUG, () -> "plic: invalid " + what + " at offset 0x" + Integer.toHexString(offset));
        return 0;
    }
}
