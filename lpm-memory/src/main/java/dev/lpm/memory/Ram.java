package dev.lpm.memory;

import dev.lpm.api.GuestMemory;
import dev.lpm.api.GuestMemoryException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Guest RAM: one off-heap segment addressed by {@code long} offsets, little-endian. Not a device: the CPU
 * reaches it through its TLBs with {@link #getLong}-style accessors, devices and loaders through the
 * {@link GuestMemory} methods, which mark pages dirty.
 */
public final class Ram implements GuestMemory, AutoCloseable {
    public static final long MIN_SIZE = 16L << 20;
    public static final long MAX_SIZE = 16L << 30;

    static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final long base;
    private final long size;
    private final Arena arena;
    private final MemorySegment segment;
    private final DirtyBitmap dirty;
    /** One bit per page whose writes must be reported (pages holding translated code). */
    private final long[] watched;
    private volatile WriteWatcher watcher;

    /** Told after a write to a watched page has landed; the page is no longer watched by then. */
    @FunctionalInterface
    public interface WriteWatcher {
        void watchedPageWritten(long page);
    }

    public Ram(long base, long size) {
        if (size < MIN_SIZE || size > MAX_SIZE || (size & (DirtyBitmap.PAGE_SIZE - 1)) != 0) {
            throw new IllegalArgumentException("RAM size must be a multiple of 4 KiB between 16 MiB and 16 GiB, not "
                    + size);
        }
        this.base = base;
        this.size = size;
        this.arena = Arena.ofShared();
        this.segment = AnonymousMapping.map(size, arena);
        this.dirty = new DirtyBitmap(size);
        this.watched = new long[(int) ((dirty.pageCount() + 63) >>> 6)];
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }

    public DirtyBitmap dirtyBitmap() {
        return dirty;
    }

    /** RAM offset of guest-physical {@code address}, or -1 when {@code [address, address+length)} is not all RAM. */
    public long offsetOf(long address, long length) {
        long offset = address - base;
        return Long.compareUnsigned(offset, size) < 0 && Long.compareUnsigned(length, size - offset) <= 0 ? offset : -1;
    }

    // ---- CPU fast path: offsets, no bounds beyond the segment's own, no dirty marking on stores ----

    public long getLong(long offset) {
        return segment.get(LONG, offset);
    }

    public long getIntSigned(long offset) {
        return segment.get(INT, offset);
    }

    public long getIntUnsigned(long offset) {
        return segment.get(INT, offset) & 0xFFFF_FFFFL;
    }

    public long getShortSigned(long offset) {
        return segment.get(SHORT, offset);
    }

    public long getShortUnsigned(long offset) {
        return segment.get(SHORT, offset) & 0xFFFFL;
    }

    public long getByteSigned(long offset) {
        return segment.get(BYTE, offset);
    }

    public long getByteUnsigned(long offset) {
        return segment.get(BYTE, offset) & 0xFFL;
    }

    /** Loads {@code 1 << sizeLog2} bytes, zero-extended. */
    public long getUnsigned(long offset, int sizeLog2) {
        return switch (sizeLog2) {
            case 0 -> getByteUnsigned(offset);
            case 1 -> getShortUnsigned(offset);
            case 2 -> getIntUnsigned(offset);
            default -> getLong(offset);
        };
    }

    /**
     * Stores without marking the page: only for callers that marked it already (a hart's store-TLB hit,
     * installed after {@link DirtyBitmap#markPage}).
     */
    public void putPreMarked(long offset, long value, int sizeLog2) {
        switch (sizeLog2) {
            case 0 -> segment.set(BYTE, offset, (byte) value);
            case 1 -> segment.set(SHORT, offset, (short) value);
            case 2 -> segment.set(INT, offset, (int) value);
            default -> segment.set(LONG, offset, value);
        }
    }

    public void putLongPreMarked(long offset, long value) {
        segment.set(LONG, offset, value);
    }

    public void putIntPreMarked(long offset, int value) {
        segment.set(INT, offset, value);
    }

    /** Stores and marks the page dirty: the slow path of every writer. */
    public void putMarking(long offset, long value, int sizeLog2) {
        dirty.markOffset(offset);
        boolean crosses = (offset & (DirtyBitmap.PAGE_SIZE - 1)) + (1L << sizeLog2) > DirtyBitmap.PAGE_SIZE;
        if (crosses) {
            dirty.markOffset(offset + (1L << sizeLog2) - 1);
        }
        putPreMarked(offset, value, sizeLog2);
        reportWatched(offset >>> DirtyBitmap.PAGE_SHIFT);
        if (crosses) {
            reportWatched((offset + (1L << sizeLog2) - 1) >>> DirtyBitmap.PAGE_SHIFT);
        }
    }

    // ---- write watching: pages whose writes must be reported (translated code) ----

    public void setWriteWatcher(WriteWatcher watcher) {
        this.watcher = watcher;
    }

    /**
     * Starts watching writes to {@code page}. The caller must then make every hart drop store permissions for
     * it (so no store bypasses the report) before it relies on the page's contents staying as they are.
     */
    public void watch(long page) {
        WATCHED.getAndBitwiseOr(watched, (int) (page >>> 6), 1L << page);
    }

    public boolean isWatched(long page) {
        return ((long) WATCHED.getOpaque(watched, (int) (page >>> 6)) & (1L << page)) != 0;
    }

    /** After a write landed: if the page was watched, stop watching it and tell the watcher. */
    private void reportWatched(long page) {
        int w = (int) (page >>> 6);
        long bit = 1L << page;
        if (((long) WATCHED.getOpaque(watched, w) & bit) != 0
                && ((long) WATCHED.getAndBitwiseAnd(watched, w, ~bit) & bit) != 0) {
            WriteWatcher ww = watcher;
            if (ww != null) {
                ww.watchedPageWritten(page);
            }
        }
    }

    private void reportWatchedRange(long offset, long length) {
        if (length <= 0) {
            return;
        }
        long last = (offset + length - 1) >>> DirtyBitmap.PAGE_SHIFT;
        for (long p = offset >>> DirtyBitmap.PAGE_SHIFT; p <= last; p++) {
            reportWatched(p);
        }
    }

    private static final java.lang.invoke.VarHandle WATCHED =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);

    /** Atomic compare-and-set of a 32- or 64-bit aligned word (page tables' A/D bits, AMOs). Marks on success. */
    public boolean compareAndSet(long offset, long expected, long value, int sizeLog2) {
        boolean done = sizeLog2 == 3
                ? LONG_HANDLE.compareAndSet(segment, offset, expected, value)
                : INT_HANDLE.compareAndSet(segment, offset, (int) expected, (int) value);
        if (done) {
            dirty.markOffset(offset);
            reportWatched(offset >>> DirtyBitmap.PAGE_SHIFT);
        }
        return done;
    }

    private static final java.lang.invoke.VarHandle LONG_HANDLE =
            ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final java.lang.invoke.VarHandle INT_HANDLE =
            ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    /** Volatile read of an aligned 32- or 64-bit word, sign-extended for 32 bits (LR, AMO old values). */
    public long getVolatile(long offset, int sizeLog2) {
        return sizeLog2 == 3 ? (long) LONG_HANDLE.getVolatile(segment, offset)
                : (long) (int) INT_HANDLE.getVolatile(segment, offset);
    }

    /** True when every byte of the page at {@code page} is zero (migration skips such pages). */
    public boolean isZeroPage(long page) {
        long off = page << DirtyBitmap.PAGE_SHIFT;
        return MemorySegment.mismatch(segment, off, off + DirtyBitmap.PAGE_SIZE, ZERO_PAGE, 0, DirtyBitmap.PAGE_SIZE) < 0;
    }

    private static final MemorySegment ZERO_PAGE = MemorySegment.ofArray(new byte[(int) DirtyBitmap.PAGE_SIZE]);

    /** Copies the page's bytes into {@code destination} at {@code destinationOffset} (an off-heap send buffer). */
    public void copyPage(long page, MemorySegment destination, long destinationOffset) {
        MemorySegment.copy(segment, page << DirtyBitmap.PAGE_SHIFT, destination, destinationOffset, DirtyBitmap.PAGE_SIZE);
    }

    /**
     * A writable view of one whole page for a bulk reader that fills it straight from a channel (an incoming
     * migration's receiver, which reads pages from the socket into guest memory without a copy). The page is
     * marked written first, like every write to RAM. Only for a machine that does not run: watched pages
     * (translated code) are not reported, and the machine's restore drops its translations anyway.
     */
    public java.nio.ByteBuffer writablePage(long page) {
        if (page < 0 || page >= dirty.pageCount()) {
            throw new IndexOutOfBoundsException("page " + page + " of " + dirty.pageCount());
        }
        dirty.markPage(page);
        return segment.asSlice(page << DirtyBitmap.PAGE_SHIFT, DirtyBitmap.PAGE_SIZE).asByteBuffer();
    }

    // ---- GuestMemory: DMA and loaders; guest-physical addresses, bounds-checked, marking ----

    @Override
    public boolean isRam(long address, long length) {
        return offsetOf(address, length) >= 0;
    }

    private long checkedOffset(long address, long length) {
        long offset = offsetOf(address, length);
        if (offset < 0 || length < 0) {
            throw new GuestMemoryException(String.format("guest address range 0x%x+0x%x is not RAM", address, length));
        }
        return offset;
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        long from = checkedOffset(address, length);
        MemorySegment.copy(segment, BYTE, from, destination, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        long to = checkedOffset(address, length);
        dirty.markRange(to, length);
        MemorySegment.copy(source, offset, segment, BYTE, to, length);
        reportWatchedRange(to, length);
    }

    @Override
    public long load(long address, int sizeLog2) {
        return getUnsigned(checkedOffset(address, 1L << sizeLog2), sizeLog2);
    }

    @Override
    public void store(long address, long value, int sizeLog2) {
        putMarking(checkedOffset(address, 1L << sizeLog2), value, sizeLog2);
    }

    @Override
    public void close() {
        arena.close();
    }
}
