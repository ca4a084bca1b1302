package dev.lpm.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One bit per 4 KiB page of a RAM region, set by every writer and harvested (read and cleared) by the
 * migration engine while harts run.
 *
 * <p>The CPU keeps the store fast path free of dirty logging: a hart installs a store-TLB entry only after
 * marking the page here, and {@link #harvest} makes every registered {@link StoreCache} drop its entries
 * after clearing the bits. Any entry that survives until then was installed after the previous harvest,
 * so its page is in the current harvest; the caller copies pages after {@code harvest} returns, so a
 * store through such an entry before the drop lands in the copy, and every store after the drop re-marks.
 */
public final class DirtyBitmap {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] words;
    /** Pages harvested dirty at least once: with the current bits, every page ever written since RAM was mapped. */
    private final long[] everHarvested;
    private final long pages;
    private final List<StoreCache> storeCaches = new CopyOnWriteArrayList<>();

    /** Something that caches permission to store to RAM without marking pages (a hart's store TLB). */
    public interface StoreCache {
        /**
         * Drops every cached store permission. Returns only once the owner can no longer store through a
         * permission installed before this call.
         */
        void dropStorePermissions();
    }

    DirtyBitmap(long bytes) {
        this.pages = (bytes + PAGE_SIZE - 1) >>> PAGE_SHIFT;
        this.words = new long[(int) ((pages + 63) >>> 6)];
        this.everHarvested = new long[words.length];
    }

    /**
     * False only for a page nothing ever wrote since the RAM was mapped, which therefore still reads as zero:
     * a migration sends such pages as zero runs without reading them. Call from the harvesting thread.
     */
    public boolean everWritten(long page) {
        int w = (int) (page >>> 6);
        long bit = 1L << page;
        return ((everHarvested[w] | (long) WORDS.getVolatile(words, w)) & bit) != 0;
    }

    public long pageCount() {
        return pages;
    }

    public void register(StoreCache cache) {
        storeCaches.add(cache);
    }

    public void unregister(StoreCache cache) {
        storeCaches.remove(cache);
    }

    /** Marks the page holding RAM offset {@code offset}. Cheap when already marked (a plain read). */
    public void markOffset(long offset) {
        markPage(offset >>> PAGE_SHIFT);
    }

    public void markPage(long page) {
        int w = (int) (page >>> 6);
        long bit = 1L << page;
        if (((long) WORDS.getOpaque(words, w) & bit) == 0) {
            WORDS.getAndBitwiseOr(words, w, bit);
        }
    }

    /** Marks every page overlapping {@code [offset, offset + length)}. */
    public void markRange(long offset, long length) {
        if (length <= 0) {
            return;
        }
        long last = (offset + length - 1) >>> PAGE_SHIFT;
        for (long p = offset >>> PAGE_SHIFT; p <= last; p++) {
            markPage(p);
        }
    }

    public boolean isDirty(long page) {
        return ((long) WORDS.getVolatile(words, (int) (page >>> 6)) & (1L << page)) != 0;
    }

    /** Marks every page: the first round of a migration sends all of memory. */
    public void markAll() {
        for (long p = 0; p < pages; p++) {
            markPage(p);
        }
    }

    /**
     * Atomically takes the set of pages dirtied since the previous harvest and clears it, then drops all
     * store permissions so that later stores mark again. The result has one bit per page.
     */
    public long[] harvest() {
        long[] taken = new long[words.length];
        for (int w = 0; w < words.length; w++) {
            if ((long) WORDS.getOpaque(words, w) != 0) {
                taken[w] = (long) WORDS.getAndSet(words, w, 0L);
                everHarvested[w] |= taken[w];
            }
        }
        for (StoreCache cache : storeCaches) {
            cache.dropStorePermissions();
        }
        return taken;
    }

    /** Makes every registered store cache drop its permissions, without touching the dirty bits. */
    public void dropAllStorePermissions() {
        for (StoreCache cache : storeCaches) {
            cache.dropStorePermissions();
        }
    }

    /** Number of set bits in a harvested bitmap. */
    public static long count(long[] harvested) {
        long n = 0;
        for (long w : harvested) {
            n += Long.bitCount(w);
        }
        return n;
    }
}
