package dev.lpm.migration.wire;

import dev.lpm.memory.DirtyBitmap;
import dev.lpm.memory.Ram;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongConsumer;

/**
 * Memory in a migration stream. {@link Sender} turns a set of pages into PAGES frames (their indices, then
 * the pages' bytes, so that a receiver knows where each page goes before its bytes arrive) and ZERO_PAGES frames (runs of all-zero pages as start/length pairs, so an idle guest's
 * untouched memory costs 8 bytes per run instead of 4 KiB per page); {@link Receiver} checks every index
 * against the target's memory and writes the pages.
 */
public final class Pages {
    public static final int PAGE_SIZE = (int) DirtyBitmap.PAGE_SIZE;
    public static final int MAX_PAGES_PER_FRAME = 128;
    public static final int MAX_RANGES_PER_FRAME = 8192;

    private Pages() {
    }

    /** What a {@link Sender} put on the wire. */
    public static final class Counters {
        public long pagesSent;
        public long zeroPages;
    }

    /** Writes pages of a source's RAM; reads RAM only (an outgoing migration never changes the source). */
    public static final class Sender {
        /** Where the first page sits in {@link #frame}: after the largest count-and-indices prefix. */
        private static final int PAGES_AT = 8 + 4 * MAX_PAGES_PER_FRAME;

        private final Ram ram;
        private final FrameWriter out;
        private final Counters counters;
        private final LongConsumer paceBytes;
        /**
         * A PAGES frame being filled, off-heap so that the socket takes it without another copy: pages are
         * copied in from {@link #PAGES_AT} on (a copy, not guest memory itself, because the guest may write a
         * page between its checksum and the send); at the flush the count and indices go right before them.
         */
        private final ByteBuffer frame = ByteBuffer.allocateDirect(PAGES_AT + MAX_PAGES_PER_FRAME * PAGE_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        private final MemorySegment frameSegment = MemorySegment.ofBuffer(frame);
        private final int[] indices = new int[MAX_PAGES_PER_FRAME];
        private int batched;
        private final byte[] ranges = new byte[FrameType.ZERO_PAGES.maxPayload];
        private final ByteBuffer rangeBuf = ByteBuffer.wrap(ranges).order(ByteOrder.LITTLE_ENDIAN);
        private int rangeCount;
        private long runStart = -1;
        private long runLength;

        /** @param paceBytes told the size of each frame before it is written (bandwidth limiting) */
        public Sender(Ram ram, FrameWriter out, Counters counters, LongConsumer paceBytes) {
            this.ram = ram;
            this.out = out;
            this.counters = counters;
            this.paceBytes = paceBytes;
        }

        /** Queues one page: a zero page joins the current zero run, any other page the current batch. */
        public void page(long page) throws IOException {
            // a page never written is zero without a look; one written is checked in place (a zero page is
            // read once, never copied). A store racing the check or the copy dirties the page again, so the
            // next round resends it.
            if (!ram.dirtyBitmap().everWritten(page) || ram.isZeroPage(page)) {
                if (runStart >= 0 && runStart + runLength == page && runLength < 0xFFFF_FFFFL) {
                    runLength++;
                } else {
                    endRun();
                    runStart = page;
                    runLength = 1;
                }
                counters.zeroPages++;
                return;
            }
            ram.copyPage(page, frameSegment, PAGES_AT + (long) batched * PAGE_SIZE);
            indices[batched] = (int) page;
            batched++;
            counters.pagesSent++;
            if (batched == MAX_PAGES_PER_FRAME) {
                flushPages();
            }
        }

        /** Queues every page whose bit is set in a harvested dirty bitmap; returns how many. */
        public long bitmap(long[] bits) throws IOException {
            long n = 0;
            for (int w = 0; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    int b = Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    page(((long) w << 6) + b);
                    n++;
                }
            }
            return n;
        }

        /** Writes whatever is batched. */
        public void flush() throws IOException {
            flushPages();
            endRun();
            flushRanges();
        }

        private void flushPages() throws IOException {
            if (batched == 0) {
                return;
            }
            // layout: count u32, reserved u32, count indices u32, then the count pages' bytes
            int start = PAGES_AT - 8 - 4 * batched;
            frame.putInt(start, batched);
            frame.putInt(start + 4, 0);
            for (int i = 0; i < batched; i++) {
                frame.putInt(start + 8 + i * 4, indices[i]);
            }
            int length = PAGES_AT - start + batched * PAGE_SIZE;
            paceBytes.accept(length);
            out.write(FrameType.PAGES, frame.slice(start, length));
            batched = 0;
        }

        private void endRun() throws IOException {
            if (runStart < 0) {
                return;
            }
            rangeBuf.putInt(8 + rangeCount * 8, (int) runStart);
            rangeBuf.putInt(12 + rangeCount * 8, (int) runLength);
            rangeCount++;
            runStart = -1;
            if (rangeCount == MAX_RANGES_PER_FRAME) {
                flushRanges();
            }
        }

        private void flushRanges() throws IOException {
            if (rangeCount == 0) {
                return;
            }
            rangeBuf.putInt(0, rangeCount);
            rangeBuf.putInt(4, 0);
            int length = 8 + rangeCount * 8;
            paceBytes.accept(length);
            out.write(FrameType.ZERO_PAGES, ranges, length);
            rangeCount = 0;
        }
    }

    /**
     * The number of pages a PAGES frame of {@code length} bytes says it holds ({@code count} is its first
     * word), checked against the length before anything of the frame is used.
     */
    static int checkFrame(int count, long length) throws StreamFormatException {
        if (count < 1 || count > MAX_PAGES_PER_FRAME || length != 8 + (long) count * (4 + PAGE_SIZE)) {
            throw new StreamFormatException("PAGES frame: " + Integer.toUnsignedString(count) + " pages do not match its "
                    + length + " bytes");
        }
        return count;
    }

    /** Applies PAGES and ZERO_PAGES frames to a target's RAM, checking every index and count. */
    public static final class Receiver {
        private final Ram ram;
        private final long pageCount;
        /** Pages this receiver wrote non-zero data to: only those need zeroing (fresh RAM reads as zero). */
        private final long[] written;
        private long pagesReceived;
        private long zeroPagesReceived;

        public Receiver(Ram ram) {
            this.ram = ram;
            this.pageCount = ram.size() / PAGE_SIZE;
            this.written = new long[(int) ((pageCount + 63) >>> 6)];
        }

        /**
         * Where each page of a PAGES frame goes: every index is checked before any page is touched, then each
         * page is marked written and its place in guest memory returned for the reader to fill.
         *
         * @param indices the frame's {@code count} page indices, little-endian u32
         */
        ByteBuffer[] destinations(ByteBuffer indices, int count) throws StreamFormatException {
            for (int i = 0; i < count; i++) {
                checkPage(indices.getInt(i * 4) & 0xFFFF_FFFFL, 1, "PAGES");
            }
            ByteBuffer[] to = new ByteBuffer[count];
            for (int i = 0; i < count; i++) {
                long page = indices.getInt(i * 4) & 0xFFFF_FFFFL;
                to[i] = ram.writablePage(page);
                written[(int) (page >>> 6)] |= 1L << page;
            }
            pagesReceived += count;
            return to;
        }

        public void zeroPages(Frame f) throws StreamFormatException {
            ByteBuffer b = f.payload();
            if (f.length() < 8) {
                throw new StreamFormatException("ZERO_PAGES frame of " + f.length() + " bytes has no header");
            }
            int count = b.getInt(0);
            if (count < 1 || count > MAX_RANGES_PER_FRAME || f.length() != 8 + count * 8L) {
                throw new StreamFormatException("ZERO_PAGES frame: " + Integer.toUnsignedString(count)
                        + " ranges do not match its " + f.length() + " bytes");
            }
            byte[] zero = null;
            for (int i = 0; i < count; i++) {
                long start = b.getInt(8 + i * 8) & 0xFFFF_FFFFL;
                long length = b.getInt(12 + i * 8) & 0xFFFF_FFFFL;
                checkPage(start, length, "ZERO_PAGES");
                for (long p = start; p < start + length; p++) {
                    if ((written[(int) (p >>> 6)] & 1L << p) != 0) {
                        if (zero == null) {
                            zero = new byte[PAGE_SIZE];
                        }
                        ram.write(ram.base() + p * PAGE_SIZE, zero, 0, PAGE_SIZE);
                        written[(int) (p >>> 6)] &= ~(1L << p);
                    }
                }
                zeroPagesReceived += length;
            }
        }

        private void checkPage(long start, long length, String frame) throws StreamFormatException {
            if (length < 1 || start >= pageCount || length > pageCount - start) {
                throw new StreamFormatException(frame + " frame names page" + (length == 1 ? " " + start
                        : "s " + start + ".." + (start + length - 1)) + " outside the partition's " + pageCount
                        + " pages");
            }
        }

        public long pagesReceived() {
            return pagesReceived;
        }

        public long zeroPagesReceived() {
            return zeroPagesReceived;
        }
    }
}
