package dev.lpm.cpu.jit;

import dev.lpm.memory.Ram;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Translated blocks of one machine, shared by its harts and keyed by physical address (a decoded block
 * depends on its bytes alone; the virtual address it runs at is a parameter). Block starts are counted as
 * the interpreter reaches them; one reached {@code threshold} times is translated.
 *
 * <p>A page with translations is write-watched in RAM: its first write, by any hart, device or loader,
 * drops all of its blocks. Before a block is installed, the page is watched and every hart has dropped its
 * store permissions, so no store can bypass the watch; a page version detects a write that raced the
 * translation, whose result is then thrown away.
 */
public final class BlockCache implements Ram.WriteWatcher {
    private static final VarHandle PAGES = MethodHandles.arrayElementVarHandle(CodePage[].class);

    private final Ram ram;
    private final int threshold;
    private final CodePage[] pages;
    private final AtomicLong translated = new AtomicLong();
    private final AtomicLong invalidated = new AtomicLong();

    /** Translations and heat of one physical page; replaced wholesale when the page is written. */
    static final class CodePage {
        final CompiledBlock[] blocks = new CompiledBlock[2048];
        final short[] heat = new short[2048];
    }

    /**
     * @param threshold how often a block start must be reached before it is translated (1 translates at
     *                  once, which the tests use to run everything translated)
     */
    public BlockCache(Ram ram, int threshold) {
        if (threshold < 1 || threshold > Short.MAX_VALUE) {
            throw new IllegalArgumentException("translation threshold " + threshold + " outside 1.." + Short.MAX_VALUE);
        }
        this.ram = ram;
        this.threshold = threshold;
        this.pages = new CodePage[(int) ram.dirtyBitmap().pageCount()];
        ram.setWriteWatcher(this);
    }

    /**
     * The block starting at RAM offset {@code ramOffset}, translating it if it just became hot; null when
     * the interpreter should run the instruction there.
     */
    public CompiledBlock lookup(long ramOffset) {
        int page = (int) (ramOffset >>> 12);
        int slot = (int) (ramOffset & 0xFFF) >>> 1;
        CodePage cp = (CodePage) PAGES.getAcquire(pages, page);
        if (cp == null) {
            cp = new CodePage();
            if (!PAGES.compareAndSet(pages, page, (CodePage) null, cp)) {
                cp = (CodePage) PAGES.getAcquire(pages, page);
                if (cp == null) {
                    return null;
                }
            }
        }
        CompiledBlock b = cp.blocks[slot];
        if (b != null) {
            return b;
        }
        int h = cp.heat[slot];
        if (h < threshold - 1) {
            cp.heat[slot] = (short) (h + 1);
            return null;
        }
        if (h == Short.MAX_VALUE) {
            return null; // could not be translated: leave it to the interpreter
        }
        return translate(cp, page, slot, ramOffset);
    }

    private CompiledBlock translate(CodePage cp, int page, int slot, long ramOffset) {
        if (!ram.isWatched(page)) {
            ram.watch(page);
            // no hart may keep a store permission that would write this page without being seen
            ram.dirtyBitmap().dropAllStorePermissions();
        }
        CompiledBlock b = BlockCompiler.compile(ram, ramOffset);
        if (b == null) {
            cp.heat[slot] = Short.MAX_VALUE;
            return null;
        }
        // a write that landed while we decoded replaced (or dropped) the page's entry: discard the result
        if (PAGES.getAcquire(pages, page) != cp) {
            return null;
        }
        cp.blocks[slot] = b;
        translated.incrementAndGet();
        return b;
    }

    /** A write hit a page with translations: drop them all (the watch has already been lifted). */
    @Override
    public void watchedPageWritten(long page) {
        if (PAGES.getAndSetRelease(pages, (int) page, (CodePage) null) != null) {
            invalidated.incrementAndGet();
        }
    }

    /** Blocks translated so far. */
    public long translatedBlocks() {
        return translated.get();
    }

    /** Pages whose translations were dropped because they were written. */
    public long invalidatedPages() {
        return invalidated.get();
    }
}
