package dev.lpm.cpu;

import dev.lpm.cpu.decode.Decoder;
import dev.lpm.cpu.jit.BlockCache;
import dev.lpm.cpu.jit.CompiledBlock;
import dev.lpm.cpu.mmu.Mmu;
import dev.lpm.memory.Ram;

/**
 * Runs one trace: up to a budget of instructions, fetching straight from guest RAM through a one-page
 * fetch window. Decoding goes through a small direct-mapped cache keyed by the instruction bits themselves:
 * a decoded instruction depends on nothing else, so the cache never needs invalidating. At each block start
 * (a trace's first instruction, and the one after a control transfer or a serializing instruction) a
 * translated block is run instead when the hart's {@link BlockCache} has one, or makes one once the start is
 * hot. The trace ends early when an instruction calls {@link Hart#endTrace} (CSR writes that change
 * translation or interrupt enables, xRET, WFI) or traps; interrupts are only sampled between traces.
 */
public final class Interpreter {
    private static final int DECODE_CACHE_BITS = 13;

    /** Per-hart decode cache (the {@code keys} slot of an entry holds the instruction bits). */
    static final class DecodeCache {
        final int[] keys = new int[1 << DECODE_CACHE_BITS];
        final long[] decoded = new long[1 << DECODE_CACHE_BITS];
        // key 0 is instruction 0, which decodes to ILLEGAL (0): the zeroed arrays are already consistent
    }

    private Interpreter() {
    }

    public static void runTrace(Hart h, int budget) {
        Mmu mmu = h.mmu;
        Ram ram = mmu.ram();
        DecodeCache cache = h.decodeCache;
        int[] keys = cache.keys;
        long[] decoded = cache.decoded;
        BlockCache blocks = h.blockCache;
        h.traceLength = budget;
        h.remaining = budget;
        int inst = 0;
        boolean atBlockStart = true; // a trace starts after an interrupt check, a trap or a serializing op
        boolean inBlock = false;
        try {
            while (h.remaining > 0) {
                h.remaining--;
                long pc = h.pc;
                // (pc + 2) leaves the page exactly when a 32-bit read at pc could: offset 0xFFE
                if (((pc + 2) & ~0xFFFL) == mmu.fetchPage
                        || (((pc + 2) & ~0xFFFL) == (pc & ~0xFFFL) && mmu.refillFetchPage(pc))) {
                    long ramOffset = mmu.fetchPageAddend + pc;
                    if (atBlockStart && blocks != null) {
                        CompiledBlock block = blocks.lookup(ramOffset);
                        if (block != null) {
                            h.remaining -= block.length - 1;
                            inBlock = true;
                            block.run(h, pc);
                            inBlock = false;
                            continue; // a block ends where the next one starts
                        }
                    }
                    inst = (int) ram.getIntSigned(ramOffset);
                    if ((inst & 3) != 3) {
                        inst &= 0xFFFF;
                    }
                } else {
                    inst = mmu.fetchSlow(pc);
                }
                int slot = (inst * 0x9E3779B1) >>> (32 - DECODE_CACHE_BITS);
                long d;
                if (keys[slot] == inst) {
                    d = decoded[slot];
                } else {
                    d = Decoder.decode(inst);
                    keys[slot] = inst;
                    decoded[slot] = d;
                }
                Decoder.execute(h, d);
                atBlockStart = (Decoder.flags((int) d & 0xff) & (Decoder.SETS_PC | Decoder.SERIALIZING)) != 0;
            }
        } catch (Trap t) {
            h.remaining++; // the trapping instruction did not retire
            long tval = t.tval;
            if (tval == Trap.TVAL_CURRENT_INSTRUCTION) {
                tval = (inBlock ? instructionAt(h) : inst) & 0xFFFF_FFFFL;
            }
            Traps.exception(h, t.cause, tval);
        }
        h.retiredBeforeTrace += h.traceLength - h.remaining;
        h.traceLength = 0;
        h.remaining = 0;
    }

    /** The bits of the instruction at h.pc, which a translated block was executing when it trapped. */
    private static int instructionAt(Hart h) {
        try {
            return h.mmu.fetchSlow(h.pc);
        } catch (Trap unreachable) {
            return 0; // it was just fetched to be translated; it cannot fault now
        }
    }
}
