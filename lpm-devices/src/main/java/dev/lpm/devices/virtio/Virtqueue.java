package dev.lpm.devices.virtio;

import dev.lpm.api.GuestMemory;
import dev.lpm.api.GuestMemoryException;

import java.lang.invoke.VarHandle;

/**
 * A split virtqueue (virtio 1.2, 2.7) as the device side sees it: the driver's descriptor table and
 * available ring, the device's used ring, and the device's two counters, {@code last_avail_idx} (next
 * available entry to take) and the used index it last published.
 *
 * <h2>Validation</h2>
 * Nothing the driver wrote is trusted. When the queue is enabled its size must be a power of two no larger
 * than QueueNumMax, and the three areas must be aligned (16, 2, 4) and lie in RAM. Each {@link #pop()}
 * checks that the available index moved by at most the queue size, that the head and every {@code next}
 * index lie inside their table, that the chain is not longer than its table (so loops end), that it has at
 * most {@link VirtioMmio#MAX_CHAIN_SEGMENTS} segments, that readable segments come before writable ones,
 * that indirect descriptors were negotiated, are not nested, have no NEXT flag and a table length that is a
 * non-zero multiple of 16, and that every buffer and table lies entirely in RAM. A violation puts the
 * transport into DEVICE_NEEDS_RESET and {@code pop} returns null; it never throws.
 *
 * <h2>Notifications</h2>
 * Without VIRTIO_F_RING_EVENT_IDX a used buffer raises the interrupt unless the driver set
 * VIRTQ_AVAIL_F_NO_INTERRUPT; with it, the interrupt follows {@code used_event} as the specification's
 * {@code vring_need_event} does, and the device publishes {@code avail_event} whenever it finds the ring
 * empty (then looks once more, so a buffer added concurrently is not missed). The device never sets
 * VIRTQ_USED_F_NO_NOTIFY.
 *
 * <p>All methods take the transport's lock; devices may call {@link #pop()} and {@link #push} from any
 * thread.
 */
public final class Virtqueue {

    private static final int AVAIL_FLAGS = 0;
    private static final int AVAIL_IDX = 2;
    private static final int AVAIL_RING = 4;
    private static final int USED_IDX = 2;
    private static final int USED_RING = 4;
    private static final int USED_ELEMENT_SIZE = 8;

    /** A broken ring: carries only a message, no stack trace. */
    private static final class RingException extends Exception {
        private static final long serialVersionUID = 1L;

        RingException(String message) {
            super(message, null, false, false);
        }
    }

    private final VirtioMmio transport;
    private final GuestMemory memory;
    private final int index;
    private final int maxSize;

    // Registers and progress (transport lock held).
    int size;
    boolean ready;
    long descAddr;
    long driverAddr;
    long deviceAddr;
    int lastAvailIdx;
    int usedIdx;

    Virtqueue(VirtioMmio transport, GuestMemory memory, int index, int maxSize) {
        this.transport = transport;
        this.memory = memory;
        this.index = index;
        this.maxSize = maxSize;
        reset();
    }

    public int index() {
        return index;
    }

    /** QueueNumMax. */
    public int maxSize() {
        return maxSize;
    }

    /** The queue size the driver configured (meaningful while {@link #ready()}). */
    public int size() {
        synchronized (transport.lock) {
            return size;
        }
    }

    public boolean ready() {
        synchronized (transport.lock) {
            return ready;
        }
    }

    /** Back to the reset state: disabled, size = QueueNumMax, addresses and counters 0. */
    void reset() {
        size = maxSize;
        ready = false;
        descAddr = 0;
        driverAddr = 0;
        deviceAddr = 0;
        lastAvailIdx = 0;
        usedIdx = 0;
    }

    /** Why a queue with this layout cannot be enabled, or null when it can. */
    static String layoutProblem(int size, int maxSize, long desc, long driver, long device, GuestMemory memory) {
        if (size <= 0 || size > maxSize || Integer.bitCount(size) != 1) {
            return "queue size " + Integer.toUnsignedString(size) + " is not a power of two in 1.." + maxSize;
        }
        if ((desc & 15) != 0 || (driver & 1) != 0 || (device & 3) != 0) {
            return String.format("misaligned rings: desc 0x%x, driver 0x%x, device 0x%x", desc, driver, device);
        }
        if (!memory.isRam(desc, (long) Virtio.DESCRIPTOR_SIZE * size)
                || !memory.isRam(driver, 6 + 2L * size)
                || !memory.isRam(device, 6 + 8L * size)) {
            return String.format("rings outside RAM: desc 0x%x, driver 0x%x, device 0x%x (size %d)",
                    desc, driver, device, size);
        }
        return null;
    }

    /**
     * Takes the next available buffer, or returns null when there is none, the queue is not ready, the
     * device is not live (DRIVER_OK, FEATURES_OK, no NEEDS_RESET), is quiesced, or the ring is broken (which
     * this call then reports by setting DEVICE_NEEDS_RESET). The chain counts as in flight until
     * {@link #push} or {@link #fail}.
     */
    public DescriptorChain pop() {
        synchronized (transport.lock) {
            if (!ready || !transport.canProcess()) {
                return null;
            }
            try {
                DescriptorChain chain = popLocked();
                if (chain != null) {
                    transport.chainPopped(chain);
                }
                return chain;
            } catch (RingException | GuestMemoryException e) {
                transport.needsReset("queue " + index + ": " + e.getMessage());
                return null;
            }
        }
    }

    /**
     * Returns {@code chain} to the driver through the used ring with {@code written} bytes written into its
     * writable part, and raises the used-buffer interrupt unless the driver suppressed it. A chain that was
     * already pushed or failed, or whose queue was disabled or whose device needs a reset meanwhile, is only
     * released.
     *
     * @throws IllegalArgumentException if {@code chain} is from another queue or {@code written} exceeds its
     *                                  writable length
     */
    public void push(DescriptorChain chain, long written) {
        synchronized (transport.lock) {
            if (chain.queue() != this) {
                throw new IllegalArgumentException(chain + " is not from queue " + index);
            }
            if (chain.released) {
                return;
            }
            transport.chainReleased(chain);
            if (written < 0 || written > chain.writableLength()) {
                transport.needsReset("queue " + index + ": device reported " + written + " bytes written to "
                        + chain);
                throw new IllegalArgumentException("written " + written + " outside 0.." + chain.writableLength());
            }
            if (!ready || transport.broken()) {
                return;
            }
            try {
                long element = deviceAddr + USED_RING + (long) USED_ELEMENT_SIZE * (usedIdx & (size - 1));
                memory.store(element, chain.head(), 2);
                memory.store(element + 4, Math.min(written, 0xFFFF_FFFFL), 2);
                int old = usedIdx;
                usedIdx = (usedIdx + 1) & 0xFFFF;
                VarHandle.releaseFence();
                memory.store(deviceAddr + USED_IDX, usedIdx, 1);
                VarHandle.fullFence();
                if (needsInterrupt(old, usedIdx)) {
                    transport.usedBufferNotification();
                }
            } catch (GuestMemoryException e) {
                transport.needsReset("queue " + index + ": " + e.getMessage());
            }
        }
    }

    /**
     * Gives up on {@code chain} because the driver broke the device's protocol in it: releases the chain
     * without using it and sets DEVICE_NEEDS_RESET.
     */
    public void fail(DescriptorChain chain, String reason) {
        synchronized (transport.lock) {
            if (chain.queue() != this || chain.released) {
                return;
            }
            transport.chainReleased(chain);
            transport.needsReset("queue " + index + ": " + reason);
        }
    }

    // ---- ring access (lock held) ----

    private boolean eventIdx() {
        return Virtio.has(transport.negotiated(), Virtio.F_RING_EVENT_IDX);
    }

    private int availIdx() {
        int idx = (int) memory.load(driverAddr + AVAIL_IDX, 1);
        VarHandle.acquireFence();
        return idx;
    }

    private DescriptorChain popLocked() throws RingException {
        int avail = availIdx();
        int pending = (avail - lastAvailIdx) & 0xFFFF;
        if (pending == 0) {
            if (!eventIdx()) {
                return null;
            }
            // avail_event: ask for a notification as soon as the driver adds anything, then look again.
            memory.store(deviceAddr + USED_RING + (long) USED_ELEMENT_SIZE * size, lastAvailIdx, 1);
            VarHandle.fullFence();
            avail = availIdx();
            pending = (avail - lastAvailIdx) & 0xFFFF;
            if (pending == 0) {
                return null;
            }
        }
        if (pending > size) {
            throw new RingException("available index moved from " + lastAvailIdx + " to " + avail
                    + ", more than the queue size " + size);
        }
        int head = (int) memory.load(driverAddr + AVAIL_RING + 2L * (lastAvailIdx & (size - 1)), 1);
        if (head >= size) {
            throw new RingException("available ring entry " + lastAvailIdx + " names descriptor " + head
                    + " of " + size);
        }
        DescriptorChain chain = walk(head);
        lastAvailIdx = (lastAvailIdx + 1) & 0xFFFF;
        return chain;
    }

    private DescriptorChain walk(int head) throws RingException {
        long[] addresses = new long[8];
        long[] lengths = new long[8];
        int count = 0;
        int readable = 0;
        boolean writableSeen = false;
        boolean indirect = false;
        boolean indirectAllowed = Virtio.has(transport.negotiated(), Virtio.F_RING_INDIRECT_DESC);
        long table = descAddr;
        long tableEntries = size;
        int idx = head;
        long steps = 0;
        while (true) {
            if (++steps > tableEntries) {
                throw new RingException("descriptor chain at head " + head + " loops or outgrows its table");
            }
            long d = table + (long) Virtio.DESCRIPTOR_SIZE * idx;
            long address = memory.load(d, 3);
            long length = memory.load(d + 8, 2);
            int flags = (int) memory.load(d + 12, 1);
            int next = (int) memory.load(d + 14, 1);
            if ((flags & Virtio.VIRTQ_DESC_F_INDIRECT) != 0) {
                if (indirect) {
                    throw new RingException("nested indirect descriptor in chain at head " + head);
                }
                if (!indirectAllowed) {
                    throw new RingException("indirect descriptor without VIRTIO_F_RING_INDIRECT_DESC");
                }
                if ((flags & Virtio.VIRTQ_DESC_F_NEXT) != 0) {
                    throw new RingException("indirect descriptor with VIRTQ_DESC_F_NEXT");
                }
                if (length == 0 || length % Virtio.DESCRIPTOR_SIZE != 0 || !memory.isRam(address, length)) {
                    throw new RingException(String.format("bad indirect table 0x%x+0x%x", address, length));
                }
                indirect = true;
                table = address;
                tableEntries = length / Virtio.DESCRIPTOR_SIZE;
                idx = 0;
                steps = 0;
                continue;
            }
            boolean writable = (flags & Virtio.VIRTQ_DESC_F_WRITE) != 0;
            if (writable) {
                writableSeen = true;
            } else if (writableSeen) {
                throw new RingException("device-readable descriptor after a writable one at head " + head);
            }
            if (!memory.isRam(address, length)) {
                throw new RingException(String.format("buffer 0x%x+0x%x is not RAM", address, length));
            }
            if (count == VirtioMmio.MAX_CHAIN_SEGMENTS) {
                throw new RingException("chain at head " + head + " has more than "
                        + VirtioMmio.MAX_CHAIN_SEGMENTS + " segments");
            }
            if (count == addresses.length) {
                addresses = java.util.Arrays.copyOf(addresses, count * 2);
                lengths = java.util.Arrays.copyOf(lengths, count * 2);
            }
            addresses[count] = address;
            lengths[count] = length;
            count++;
            if (!writable) {
                readable++;
            }
            if ((flags & Virtio.VIRTQ_DESC_F_NEXT) == 0) {
                break;
            }
            if (next >= tableEntries) {
                throw new RingException("descriptor " + idx + " links to " + next + " outside its table of "
                        + tableEntries);
            }
            idx = next;
        }
        return new DescriptorChain(this, memory, head, addresses, lengths, count, readable);
    }

    private boolean needsInterrupt(int oldIdx, int newIdx) {
        if (eventIdx()) {
            int usedEvent = (int) memory.load(driverAddr + AVAIL_RING + 2L * size, 1);
            return ((newIdx - usedEvent - 1) & 0xFFFF) < ((newIdx - oldIdx) & 0xFFFF);
        }
        return (memory.load(driverAddr + AVAIL_FLAGS, 1) & Virtio.VIRTQ_AVAIL_F_NO_INTERRUPT) == 0;
    }

    // ---- state ----

    VirtqueueState state() {
        return new VirtqueueState(size, ready, descAddr, driverAddr, deviceAddr, lastAvailIdx, usedIdx);
    }

    void load(VirtqueueState s) {
        size = s.size();
        ready = s.ready();
        descAddr = s.descAddr();
        driverAddr = s.driverAddr();
        deviceAddr = s.deviceAddr();
        lastAvailIdx = s.lastAvailIdx();
        usedIdx = s.usedIdx();
    }
}
