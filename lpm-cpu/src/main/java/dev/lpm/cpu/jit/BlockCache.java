package dev.lpm.cpu.jit;

import dev.lpm.cpu.Hart;
import dev.lpm.memory.Ram;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Translated blocks of one machine, shared by its harts and keyed by physical address (a decoded block
 * depends on its bytes alone; the virtual address it runs at is a parameter). Block starts are counted as
 * the interpreter reaches them; one reached {@code threshold} times is translated.
 *
 * <p>A page with translations is write-watched in RAM: its first write, by any hart, device or loader,
 * drops all of its blocks. Before a block is installed, the page is watched and every hart has dropped its
 * store permissions, so no store can bypass the watch; a write that raced the translation replaced the
 * page's table, and the result is then thrown away.
 *
 * <p>The cache is bounded. Blocks are translated into generations of {@code capacity / GENERATIONS} classes,
 * each with a class loader of its own ({@link BlockGeneration}); when a new generation begins and there are
 * more than {@link #GENERATIONS}, the oldest one is dropped: its blocks leave the tables (hot ones are soon
 * translated again, into the newest generation) and the JVM unloads its classes and their compiled code at
 * its next class-unloading collection. So the classes, metaspace and compiled code that translation costs
 * stay bounded however much code the guest runs, and blocks of pages that were written, which stay
 * defined until their generation goes, cannot pile up.
 *
 * <p>Memory: a page with translations has a table of 64 chunks, each with the blocks of 32 halfwords (64
 * bytes of code), made as blocks arrive: a page with one block costs about 0.4 KiB, not a 2048-entry table.
 * Dropping a generation lets go of tables left without blocks, so the tables too are bounded by the
 * capacity. Heat is counted in one fixed table of counters hashed by address (a collision only makes a
 * start hot sooner; a counter restarts when its start is translated, and all restart with each
 * generation).
 */
public final class BlockCache implements Ram.WriteWatcher {
    /** Generations kept; the bound on blocks is {@code capacity}, each generation holds a quarter of it. */
    static final int GENERATIONS = 4;
    /** Default bound on translated blocks kept ({@code -Dlpm.translate.capacity} overrides it). */
    public static final int DEFAULT_CAPACITY = 16384;
    private static final int CHUNKS = 64;
    private static final int CHUNK_SHIFT = 5;
    private static final int CHUNK_SLOTS = 1 << CHUNK_SHIFT;
    private static final int HEAT_BITS = 17;
    private static final VarHandle PAGES = MethodHandles.arrayElementVarHandle(CompiledBlock[][][].class);
    private static final VarHandle CHUNK = MethodHandles.arrayElementVarHandle(CompiledBlock[][].class);
    private static final VarHandle BLOCKS = MethodHandles.arrayElementVarHandle(CompiledBlock[].class);
    /** In a page's table where translation failed: the interpreter runs that start. */
    private static final CompiledBlock UNTRANSLATABLE = new CompiledBlock(0) {
        @Override
        public void run(Hart h, long pc) {
            throw new IllegalStateException("not a translated block");
        }
    };

    private final Ram ram;
    private final int threshold;
    private final int generationSize;
    /** Per RAM page: its blocks by halfword offset, in chunks of 32, or null while it has none. */
    private final CompiledBlock[][][] pages;
    private final short[] heat = new short[1 << HEAT_BITS];
    private final ArrayDeque<BlockGeneration> generations = new ArrayDeque<>(); // guarded by itself
    private volatile BlockGeneration current;
    private final AtomicLong translated = new AtomicLong();
    private final AtomicLong invalidated = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param threshold how often a block start must be reached before it is translated (1 translates at
     *                  once, which the tests use to run everything translated)
     */
    public BlockCache(Ram ram, int threshold) {
        this(ram, threshold, Integer.getInteger("lpm.translate.capacity", DEFAULT_CAPACITY));
    }

    /** @param capacity how many translated blocks may be kept (at least {@link #GENERATIONS}) */
    public BlockCache(Ram ram, int threshold, int capacity) {
        if (threshold < 1 || threshold > Short.MAX_VALUE) {
            throw new IllegalArgumentException("translation threshold " + threshold + " outside 1.." + Short.MAX_VALUE);
        }
        if (capacity < GENERATIONS) {
            throw new IllegalArgumentException("translation cache capacity " + capacity + " below " + GENERATIONS);
        }
        this.ram = ram;
        this.threshold = threshold;
        this.generationSize = capacity / GENERATIONS;
        this.pages = new CompiledBlock[(int) ram.dirtyBitmap().pageCount()][][];
        this.current = new BlockGeneration();
        generations.add(current);
        ram.setWriteWatcher(this);
    }

    /**
     * The block starting at RAM offset {@code ramOffset}, translating it if it just became hot; null when
     * the interpreter should run the instruction there.
     */
    public CompiledBlock lookup(long ramOffset) {
        int page = (int) (ramOffset >>> 12);
        int slot = (int) (ramOffset & 0xFFF) >>> 1;
        CompiledBlock[][] table = (CompiledBlock[][]) PAGES.getAcquire(pages, page);
        if (table != null) {
            CompiledBlock[] chunk = table[slot >>> CHUNK_SHIFT];
            if (chunk != null) {
                CompiledBlock b = chunk[slot & (CHUNK_SLOTS - 1)];
                if (b != null) {
                    return b == UNTRANSLATABLE ? null : b;
                }
            }
        }
        int counter = (int) ((ramOffset >>> 1) * 0x9E3779B97F4A7C15L >>> (64 - HEAT_BITS));
        int h = heat[counter];
        if (h < threshold - 1) {
            heat[counter] = (short) (h + 1);
            return null;
        }
        heat[counter] = 0;
        return translate(page, slot, ramOffset);
    }

    private CompiledBlock translate(int page, int slot, long ramOffset) {
        // the table exists before the page is watched: a write from then on replaces it, and we notice
        CompiledBlock[][] table = (CompiledBlock[][]) PAGES.getAcquire(pages, page);
        if (table == null) {
            table = new CompiledBlock[CHUNKS][];
            if (!PAGES.compareAndSet(pages, page, (CompiledBlock[][]) null, table)) {
                table = (CompiledBlock[][]) PAGES.getAcquire(pages, page);
                if (table == null) {
                    return null;
                }
            }
        }
        int c = slot >>> CHUNK_SHIFT;
        CompiledBlock[] blocks = (CompiledBlock[]) CHUNK.getAcquire(table, c);
        if (blocks == null) {
            blocks = new CompiledBlock[CHUNK_SLOTS];
            if (!CHUNK.compareAndSet(table, c, (CompiledBlock[]) null, blocks)) {
                blocks = (CompiledBlock[]) CHUNK.getAcquire(table, c);
            }
        }
        slot &= CHUNK_SLOTS - 1;
        if (!ram.isWatched(page)) {
            ram.watch(page);
            // no hart may keep a store permission that would write this page without being seen
            ram.dirtyBitmap().dropAllStorePermissions();
        }
        BlockGeneration generation = current;
        CompiledBlock b = BlockCompiler.compile(ram, ramOffset, generation);
        if (generation.defined.get() >= generationSize) {
            nextGeneration(generation);
        }
        // a write that landed while we decoded replaced (or dropped) the page's table: discard the result
        if (PAGES.getAcquire(pages, page) != table) {
            return null;
        }
        if (b == null) {
            BLOCKS.setVolatile(blocks, slot, UNTRANSLATABLE);
            return null;
        }
        BLOCKS.setVolatile(blocks, slot, b);
        if (generation.dropped) {
            // dropped while we translated, and its sweep may have missed this slot: keep nothing of it
            BLOCKS.compareAndSet(blocks, slot, b, (CompiledBlock) null);
        }
        translated.incrementAndGet();
        return b;
    }

    /** Starts a new generation once {@code full} is full, dropping the oldest beyond {@link #GENERATIONS}. */
    private void nextGeneration(BlockGeneration full) {
        BlockGeneration oldest = null;
        synchronized (generations) {
            if (current != full) {
                return; // another hart got here first
            }
            BlockGeneration next = new BlockGeneration();
            generations.addLast(next);
            current = next;
            if (generations.size() > GENERATIONS) {
                oldest = generations.removeFirst();
            }
            Arrays.fill(heat, (short) 0); // heat ages with each generation
        }
        if (oldest != null) {
            drop(oldest);
        }
    }

    /**
     * Takes every block of {@code generation} out of the tables, so its classes become unreachable, and lets
     * go of tables left without blocks.
     */
    private void drop(BlockGeneration generation) {
        generation.dropped = true;
        long n = 0;
        for (int p = 0; p < pages.length; p++) {
            CompiledBlock[][] table = (CompiledBlock[][]) PAGES.getAcquire(pages, p);
            if (table == null) {
                continue;
            }
            boolean empty = true;
            for (int c = 0; c < CHUNKS; c++) {
                CompiledBlock[] blocks = (CompiledBlock[]) CHUNK.getAcquire(table, c);
                for (int s = 0; blocks != null && s < CHUNK_SLOTS; s++) {
                    CompiledBlock b = (CompiledBlock) BLOCKS.getVolatile(blocks, s);
                    if (b == null || b == UNTRANSLATABLE) {
                        continue;
                    }
                    if (generation.owns(b) && BLOCKS.compareAndSet(blocks, s, b, (CompiledBlock) null)) {
                        n++;
                    } else {
                        empty = false;
                    }
                }
            }
            if (empty) {
                // a block installed meanwhile is lost with the table: it is translated again when it is hot
                PAGES.compareAndSet(pages, p, table, (CompiledBlock[][]) null);
            }
        }
        dropped.addAndGet(n);
    }

    /** A write hit a page with translations: drop them all (the watch has already been lifted). */
    @Override
    public void watchedPageWritten(long page) {
        if (PAGES.getAndSetRelease(pages, (int) page, (CompiledBlock[][]) null) != null) {
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

    /** Blocks taken out of the tables because their generation was dropped. */
    public long droppedBlocks() {
        return dropped.get();
    }

    /** Pages that have a table of blocks. */
    int pagesWithTables() {
        int n = 0;
        for (int p = 0; p < pages.length; p++) {
            if (PAGES.getAcquire(pages, p) != null) {
                n++;
            }
        }
        return n;
    }

    /** Generations of translated classes in use (each is a class loader). */
    public int generations() {
        synchronized (generations) {
            return generations.size();
        }
    }
}
