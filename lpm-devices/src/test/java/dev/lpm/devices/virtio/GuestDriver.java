package dev.lpm.devices.virtio;

import dev.lpm.devices.RecordingLine;
import dev.lpm.memory.DirtyBitmap;
import dev.lpm.memory.Ram;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static dev.lpm.devices.virtio.VirtioMmio.*;

/**
 * A virtio-mmio driver written in Java, doing what Linux's virtio_mmio + virtio_ring do, against a transport
 * whose guest memory is a real {@link Ram} (16 MiB at 0x8000_0000). Allocations are page-granular so that
 * dirty-page assertions can name exact pages.
 */
final class GuestDriver implements AutoCloseable {
    static final long RAM_BASE = 0x8000_0000L;
    static final long RAM_SIZE = 16L << 20;
    static final long PAGE = DirtyBitmap.PAGE_SIZE;
    static final int LIVE = Virtio.STATUS_ACKNOWLEDGE | Virtio.STATUS_DRIVER | Virtio.STATUS_FEATURES_OK
            | Virtio.STATUS_DRIVER_OK;

    final Ram ram;
    final RecordingLine irq = new RecordingLine();
    final VirtioMmio dev;
    /** Next free guest address for {@link #alloc}; a driver taking over another's memory continues from it. */
    long next = RAM_BASE + (1 << 20);

    GuestDriver(VirtioDevice device) {
        this(device, new Ram(RAM_BASE, RAM_SIZE));
    }

    GuestDriver(VirtioDevice device, Ram ram) {
        this.ram = ram;
        this.dev = new VirtioMmio(device, irq, ram);
    }

    /** {@code bytes} of fresh guest memory, page-aligned. */
    long alloc(long bytes) {
        long at = next;
        next += (bytes + PAGE - 1) / PAGE * PAGE;
        return at;
    }

    int read(int offset) {
        return (int) dev.load(offset, 2);
    }

    void write(int offset, long value) {
        dev.store(offset, value, 2);
    }

    int status() {
        return read(STATUS);
    }

    boolean needsReset() {
        return (status() & Virtio.STATUS_DEVICE_NEEDS_RESET) != 0;
    }

    long offeredFeatures() {
        write(DEVICE_FEATURES_SEL, 0);
        long low = read(DEVICE_FEATURES) & 0xFFFF_FFFFL;
        write(DEVICE_FEATURES_SEL, 1);
        return low | (long) read(DEVICE_FEATURES) << 32;
    }

    /** Reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK; returns whether FEATURES_OK reads back set. */
    boolean negotiate(long features) {
        write(STATUS, 0);
        write(STATUS, Virtio.STATUS_ACKNOWLEDGE);
        write(STATUS, Virtio.STATUS_ACKNOWLEDGE | Virtio.STATUS_DRIVER);
        write(DRIVER_FEATURES_SEL, 1);
        write(DRIVER_FEATURES, features >>> 32);
        write(DRIVER_FEATURES_SEL, 0);
        write(DRIVER_FEATURES, features & 0xFFFF_FFFFL);
        write(STATUS, Virtio.STATUS_ACKNOWLEDGE | Virtio.STATUS_DRIVER | Virtio.STATUS_FEATURES_OK);
        return (status() & Virtio.STATUS_FEATURES_OK) != 0;
    }

    /** Lays out and enables queue {@code index} with {@code size} entries, each area on its own pages. */
    TestQueue queue(int index, int size) {
        long desc = alloc(16L * size);
        long avail = alloc(6 + 2L * size);
        long used = alloc(6 + 8L * size);
        return queue(index, size, desc, avail, used);
    }

    TestQueue queue(int index, int size, long desc, long avail, long used) {
        write(QUEUE_SEL, index);
        write(QUEUE_NUM, size);
        write(QUEUE_DESC_LOW, desc);
        write(QUEUE_DESC_HIGH, desc >>> 32);
        write(QUEUE_DRIVER_LOW, avail);
        write(QUEUE_DRIVER_HIGH, avail >>> 32);
        write(QUEUE_DEVICE_LOW, used);
        write(QUEUE_DEVICE_HIGH, used >>> 32);
        write(QUEUE_READY, 1);
        return new TestQueue(this, index, size, desc, avail, used);
    }

    void driverOk() {
        write(STATUS, status() | Virtio.STATUS_DRIVER_OK);
    }

    /** Negotiates everything offered except {@code without}, sets up the queues and sets DRIVER_OK. */
    List<TestQueue> start(long without, int... sizes) {
        if (!negotiate(offeredFeatures() & ~without)) {
            throw new AssertionError("FEATURES_OK refused");
        }
        List<TestQueue> queues = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            queues.add(queue(i, sizes[i]));
        }
        driverOk();
        return queues;
    }

    /** Reads and acknowledges InterruptStatus, as vm_interrupt does. */
    int acknowledge() {
        int isr = read(INTERRUPT_STATUS);
        write(INTERRUPT_ACK, isr);
        return isr;
    }

    /** Guest-physical addresses of the pages dirtied since the last call (or since RAM was created). */
    TreeSet<Long> dirtyPages() {
        long[] bits = ram.dirtyBitmap().harvest();
        TreeSet<Long> pages = new TreeSet<>();
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                int b = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                pages.add(RAM_BASE + ((long) w * 64 + b) * PAGE);
            }
        }
        return pages;
    }

    static TreeSet<Long> pagesOf(long address, long length) {
        TreeSet<Long> pages = new TreeSet<>();
        for (long p = address & -PAGE; p < address + length; p += PAGE) {
            pages.add(p);
        }
        return pages;
    }

    byte[] bytes(long address, int length) {
        return ram.read(address, length);
    }

    @Override
    public void close() {
        ram.close();
    }

    /** One descriptor of a chain: device-readable or device-writable guest memory. */
    record Buf(long address, long length, boolean writable) {
        static Buf readable(long address, long length) {
            return new Buf(address, length, false);
        }

        static Buf writable(long address, long length) {
            return new Buf(address, length, true);
        }
    }

    /** The driver's view of one split virtqueue. */
    static final class TestQueue {
        final GuestDriver d;
        final int index;
        final int size;
        final long desc;
        final long avail;
        final long used;
        int nextDesc;
        int availIdx;

        TestQueue(GuestDriver d, int index, int size, long desc, long avail, long used) {
            this.d = d;
            this.index = index;
            this.size = size;
            this.desc = desc;
            this.avail = avail;
            this.used = used;
        }

        void descriptor(int i, long address, long length, int flags, int next) {
            descriptorAt(desc + 16L * i, address, length, flags, next);
        }

        void descriptorAt(long entry, long address, long length, int flags, int next) {
            d.ram.store(entry, address, 3);
            d.ram.store(entry + 8, length, 2);
            d.ram.store(entry + 12, flags, 1);
            d.ram.store(entry + 14, next, 1);
        }

        /** Writes {@code bufs} as a direct chain into the next free descriptors; returns its head. */
        int chain(Buf... bufs) {
            int head = nextDesc % size;
            for (int i = 0; i < bufs.length; i++) {
                int idx = (nextDesc + i) % size;
                boolean last = i == bufs.length - 1;
                int flags = (bufs[i].writable() ? Virtio.VIRTQ_DESC_F_WRITE : 0) | (last ? 0 : Virtio.VIRTQ_DESC_F_NEXT);
                descriptor(idx, bufs[i].address(), bufs[i].length(), flags, last ? 0 : (idx + 1) % size);
            }
            nextDesc = (nextDesc + bufs.length) % size;
            return head;
        }

        /** Makes head available (ring entry, then index). */
        void publish(int head) {
            d.ram.store(avail + 4 + 2L * (availIdx % size), head, 1);
            availIdx = (availIdx + 1) & 0xFFFF;
            d.ram.store(avail + 2, availIdx, 1);
        }

        int post(Buf... bufs) {
            int head = chain(bufs);
            publish(head);
            return head;
        }

        /** Posts {@code bufs} through one indirect descriptor; returns the head. */
        int postIndirect(Buf... bufs) {
            long table = d.alloc(16L * bufs.length);
            for (int i = 0; i < bufs.length; i++) {
                boolean last = i == bufs.length - 1;
                int flags = (bufs[i].writable() ? Virtio.VIRTQ_DESC_F_WRITE : 0) | (last ? 0 : Virtio.VIRTQ_DESC_F_NEXT);
                descriptorAt(table + 16L * i, bufs[i].address(), bufs[i].length(), flags, last ? 0 : i + 1);
            }
            int head = nextDesc % size;
            descriptor(head, table, 16L * bufs.length, Virtio.VIRTQ_DESC_F_INDIRECT, 0);
            nextDesc = (nextDesc + 1) % size;
            publish(head);
            return head;
        }

        void kick() {
            d.write(QUEUE_NOTIFY, index);
        }

        int usedIdx() {
            return (int) d.ram.load(used + 2, 1);
        }

        int usedId(int i) {
            return (int) d.ram.load(used + 4 + 8L * (i % size), 2);
        }

        long usedLen(int i) {
            return d.ram.load(used + 8 + 8L * (i % size), 2);
        }

        void availFlags(int flags) {
            d.ram.store(avail, flags, 1);
        }

        void usedEvent(int value) {
            d.ram.store(avail + 4 + 2L * size, value, 1);
        }

        int availEvent() {
            return (int) d.ram.load(used + 4 + 8L * size, 1);
        }
    }
}
