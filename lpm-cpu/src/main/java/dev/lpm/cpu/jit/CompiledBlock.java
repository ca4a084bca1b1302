package dev.lpm.cpu.jit;

import dev.lpm.cpu.Hart;

/**
 * A translated basic block: straight-line guest instructions of one page, ending with a control transfer,
 * a serializing instruction, the page's end or the length limit. {@link #run} executes them all and leaves
 * {@code h.pc} at the next instruction; a trap part-way leaves {@code h.pc} at the trapping instruction.
 */
public abstract class CompiledBlock {
    /** Guest instructions in the block. */
    public final int length;

    protected CompiledBlock(int length) {
        this.length = length;
    }

    /**
     * Runs the block.
     *
     * @param pc the virtual address the block is being executed at (a physical page can be mapped at several)
     */
    public abstract void run(Hart h, long pc);
}
