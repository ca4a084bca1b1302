package dev.lpm.devices.plic;

import java.util.Arrays;

/**
 * The PLIC's architectural state, laid out as its registers are (and as QEMU's {@code riscv_sifive_plic}
 * VMState holds it), plus the gateway's view of the input lines. Source {@code n}'s bit in a bitmap is bit
 * {@code n % 32} of word {@code n / 32}; there are {@link Plic#WORDS} words per bitmap, covering sources
 * 0..{@value Plic#NUM_SOURCES}-1, of which 0 is reserved and has no line.
 *
 * <p>The arrays are copied on the way in and on the way out, so an instance is immutable. The compact
 * constructor checks every field, since a state may come from a migration stream that must be treated as
 * hostile: anything a real PLIC could not be in is rejected with an {@link IllegalArgumentException} that
 * names the field. In particular the gateway invariant {@code pending == levels & ~claimed} must hold (a
 * source is pending exactly while its line is high and it is not in service; see {@link Plic}).
 *
 * @param priority  per source (index = source id, 0..95), 0..{@value Plic#MAX_PRIORITY}; entry 0 is the
 *                  reserved source's register, which QEMU stores like any other
 * @param pending   pending bitmap, {@link Plic#WORDS} words; bit 0 clear
 * @param enable    enable bitmaps, {@link Plic#WORDS} words per context, context {@code c} at
 *                  {@code [c * WORDS, (c + 1) * WORDS)}; any bit pattern (QEMU keeps bit 0 too)
 * @param threshold per context (2 per hart: M-mode then S-mode), 0..{@value Plic#MAX_PRIORITY}
 * @param claimed   in-service bitmap (claimed and not yet completed), {@link Plic#WORDS} words; bit 0 clear
 * @param levels    the last level each source's input line was driven to, {@link Plic#WORDS} words; bit 0 clear
 */
public record PlicState(int[] priority, int[] pending, int[] enable, int[] threshold, int[] claimed, int[] levels) {

    public PlicState {
        priority = copy(priority, "priority");
        pending = copy(pending, "pending");
        enable = copy(enable, "enable");
        threshold = copy(threshold, "threshold");
        claimed = copy(claimed, "claimed");
        levels = copy(levels, "levels");

        if (priority.length != Plic.NUM_SOURCES) {
            throw new IllegalArgumentException(
                    "priority has " + priority.length + " entries, expected " + Plic.NUM_SOURCES);
        }
        checkPriorities(priority, "priority");
        int contexts = threshold.length;
        if (contexts < 2 || contexts > Plic.MAX_CONTEXTS || contexts % 2 != 0) {
            throw new IllegalArgumentException("threshold has " + contexts
                    + " contexts, expected an even count within 2.." + Plic.MAX_CONTEXTS + " (two per hart)");
        }
        checkPriorities(threshold, "threshold");
        if (enable.length != contexts * Plic.WORDS) {
            throw new IllegalArgumentException("enable has " + enable.length + " words, expected "
                    + Plic.WORDS + " per context for " + contexts + " contexts = " + contexts * Plic.WORDS);
        }
        checkBitmap(pending, "pending");
        checkBitmap(claimed, "claimed");
        checkBitmap(levels, "levels");
        for (int w = 0; w < Plic.WORDS; w++) {
            int expected = levels[w] & ~claimed[w];
            if (pending[w] != expected) {
                throw new IllegalArgumentException(String.format(
                        "pending word %d is 0x%08x but levels & ~claimed is 0x%08x: a source must be pending"
                                + " exactly while its line is high and it is not in service", w, pending[w], expected));
            }
        }
    }

    private static int[] copy(int[] array, String name) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return array.clone();
    }

    private static void checkPriorities(int[] values, String name) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > Plic.MAX_PRIORITY) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + values[i] + ", outside 0.." + Plic.MAX_PRIORITY);
            }
        }
    }

    private static void checkBitmap(int[] words, String name) {
        if (words.length != Plic.WORDS) {
            throw new IllegalArgumentException(name + " has " + words.length + " words, expected " + Plic.WORDS);
        }
        if ((words[0] & 1) != 0) {
            throw new IllegalArgumentException(name + " has bit 0 set, but source 0 is reserved and has no line");
        }
    }

    /** Number of contexts (two per hart). */
    public int contexts() {
        return threshold.length;
    }

    public int harts() {
        return threshold.length / 2;
    }

    @Override
    public int[] priority() {
        return priority.clone();
    }

    @Override
    public int[] pending() {
        return pending.clone();
    }

    @Override
    public int[] enable() {
        return enable.clone();
    }

    @Override
    public int[] threshold() {
        return threshold.clone();
    }

    @Override
    public int[] claimed() {
        return claimed.clone();
    }

    @Override
    public int[] levels() {
        return levels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlicState other
                && Arrays.equals(priority, other.priority)
                && Arrays.equals(pending, other.pending)
                && Arrays.equals(enable, other.enable)
                && Arrays.equals(threshold, other.threshold)
                && Arrays.equals(claimed, other.claimed)
                && Arrays.equals(levels, other.levels);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(priority);
        h = 31 * h + Arrays.hashCode(pending);
        h = 31 * h + Arrays.hashCode(enable);
        h = 31 * h + Arrays.hashCode(threshold);
        h = 31 * h + Arrays.hashCode(claimed);
        return 31 * h + Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "PlicState[priority=" + Arrays.toString(priority)
                + ", pending=" + hex(pending)
                + ", enable=" + hex(enable)
                + ", threshold=" + Arrays.toString(threshold)
                + ", claimed=" + hex(claimed)
                + ", levels=" + hex(levels) + "]";
    }

    private static String hex(int[] words) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(String.format("0x%08x", words[i]));
        }
        return sb.append(']').toString();
    }
}
