package dev.lpm.bench;

import dev.lpm.cpu.Csr;
import dev.lpm.cpu.Hart;
import dev.lpm.cpu.HartRunner;
import dev.lpm.cpu.Interpreter;
import dev.lpm.cpu.Privilege;
import dev.lpm.cpu.Traps;
import dev.lpm.machine.VirtBoard;
import dev.lpm.memory.PhysicalBus;
import dev.lpm.memory.Ram;

/**
 * One hart on guest RAM and a bus with no devices, driven from the calling thread the way
 * {@link HartRunner} drives it: traces of {@link HartRunner#TRACE_BUDGET} instructions, the dirty-log drop
 * request and the interrupt check serviced between traces. No threads, no clock (time reads 0).
 */
final class BenchHart implements AutoCloseable {
    static final long DRAM = VirtBoard.DRAM;
    static final int TRACE = HartRunner.TRACE_BUDGET;

    /** Where {@link #enterSv39} maps the image: a virtual address unlike its physical one. */
    static final long SV39_BASE = 0x4000_0000L;
    private static final long SV39_BYTES = 1L << 20;
    private static final long PAGE_TABLES = DRAM + (8L << 20);

    final Ram ram;
    final Hart hart;
    private long retiredAtMark;
    /** Virtual address the image runs at. */
    private long imageBase = DRAM;

    BenchHart(long ramBytes, byte[] image) {
        ram = new Ram(DRAM, ramBytes);
        PhysicalBus bus = new PhysicalBus(ram);
        hart = new Hart(0, bus, () -> 0L);
        ram.write(DRAM, image);
        hart.reset(DRAM);
    }

    /**
     * Maps the first MiB of RAM at {@link #SV39_BASE} with 4 KiB Sv39 pages (A and D preset, so the walk
     * writes nothing), opens PMP for S-mode, and MRETs to S-mode at the image's first instruction.
     */
    void enterSv39() {
        long root = PAGE_TABLES;
        long l1 = root + 4096;
        long l0 = l1 + 4096;
        long v = 1;
        long rwxad = 2 | 4 | 8 | 64 | 128;
        ram.store(root + ((SV39_BASE >>> 30) & 511) * 8, (l1 >>> 12) << 10 | v, 3);
        ram.store(l1 + ((SV39_BASE >>> 21) & 511) * 8, (l0 >>> 12) << 10 | v, 3);
        for (long page = 0; page < SV39_BYTES >>> 12; page++) {
            long va = SV39_BASE + (page << 12);
            ram.store(l0 + ((va >>> 12) & 511) * 8, ((DRAM >>> 12) + page) << 10 | rwxad | v, 3);
        }
        var csr = hart.csr;
        csr.write(Csr.PMPADDR0, (1L << 54) - 1); // NAPOT over all of physical memory
        csr.write(Csr.PMPCFG0, 0x1F);            // R, W, X, NAPOT
        csr.write(Csr.SATP, 8L << 60 | root >>> 12);
        csr.write(Csr.MSTATUS, csr.mstatus & ~Csr.MSTATUS_MPP | (long) Privilege.S << Csr.MSTATUS_MPP_SHIFT);
        csr.mepc = SV39_BASE;
        Traps.mret(hart);
        imageBase = SV39_BASE;
        if (hart.priv != Privilege.S || hart.pc != SV39_BASE) {
            throw new IllegalStateException("could not enter S-mode at 0x" + Long.toHexString(SV39_BASE));
        }
    }

    /** Runs {@code traces} traces, exactly as {@link HartRunner}'s loop does between its checks. */
    void runTraces(int traces) {
        Hart h = hart;
        for (int i = 0; i < traces; i++) {
            h.mmu.serviceDropRequest();
            int irq = Traps.pendingInterrupt(h);
            if (irq >= 0) {
                Traps.interrupt(h, irq);
            }
            Interpreter.runTrace(h, TRACE);
        }
    }

    /**
     * Remembers the retired-instruction count for {@link #checkRetiredSinceMark}, and makes the calling
     * thread the hart's thread for the dirty-log handshake (a harvest from it then drops the store TLB itself
     * instead of waiting for another thread to).
     */
    void mark() {
        hart.mmu.enterExecution();
        retiredAtMark = hart.retired();
    }

    /**
     * Fails unless exactly {@code expected} instructions retired since {@link #mark}, the hart never
     * trapped and it is still in the image's code page: the benchmark then ran the kernel and nothing else,
     * so its operation count is exact.
     */
    void checkRetiredSinceMark(long expected, int privilege) {
        long retired = hart.retired() - retiredAtMark;
        var csr = hart.csr;
        if (retired != expected || csr.mcause != 0 || csr.scause != 0 || hart.priv != privilege
                || hart.pc - imageBase < 0 || hart.pc - imageBase >= 4096) {
            throw new IllegalStateException(String.format(
                    "guest went wrong: retired %d instructions, expected %d; mcause=%d mepc=0x%x mtval=0x%x"
                            + " scause=%d priv=%d pc=0x%x",
                    retired, expected, csr.mcause, csr.mepc, csr.mtval, csr.scause, hart.priv, hart.pc));
        }
    }

    @Override
    public void close() {
        hart.mmu.leaveExecution();
        ram.close();
    }
}
