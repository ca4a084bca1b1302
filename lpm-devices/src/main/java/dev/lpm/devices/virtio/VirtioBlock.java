package dev.lpm.devices.virtio;

import dev.lpm.api.GuestMemory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

/**
 * A virtio block device (virtio 1.2, 5.2; device ID 2) over a {@link BlockBackend}, with one request queue.
 *
 * <h2>Features and configuration</h2>
 * Offers VIRTIO_BLK_F_SEG_MAX (254, as QEMU with its default queue size of 256), VIRTIO_BLK_F_BLK_SIZE
 * (512), VIRTIO_BLK_F_FLUSH, and VIRTIO_BLK_F_RO when the backend is read-only. The configuration space is
 * the specification's layout up to {@code num_queues} (36 bytes, as QEMU without discard and write-zeroes):
 * {@code capacity} in 512-byte sectors (the backend's size rounded down), {@code seg_max}, {@code blk_size},
 * {@code num_queues} = 1, the rest 0. It is read-only.
 *
 * <h2>Requests</h2>
 * A request is a 16-byte header (le32 type, le32 reserved, le64 sector) at the start of the readable
 * bytes, data, and a status byte as the last writable byte; how the driver splits that into descriptors
 * does not matter. A chain with fewer than 16 readable bytes or no writable byte breaks the protocol and
 * sets DEVICE_NEEDS_RESET (QEMU: "virtio-blk missing headers"). Otherwise:
 * <ul>
 *   <li>IN (0): reads the writable bytes but the last from the disk; OUT (1): writes the readable bytes after
 *       the header. The length must be a multiple of 512 and the range inside the disk, else IOERR; OUT on a
 *       read-only disk is IOERR.</li>
 *   <li>FLUSH (4): makes earlier writes durable.</li>
 *   <li>GET_ID (8): writes the serial number, zero-padded to 20 bytes (or as much as fits).</li>
 *   <li>anything else: UNSUPP. Bit 31 (the legacy barrier flag) is ignored, as in QEMU.</li>
 * </ul>
 * A backend failure reports IOERR; it never reaches the guest as anything else. The used length is the
 * whole writable length, as QEMU reports it.
 *
 * <h2>Processing</h2>
 * Each popped request is handed to a {@link RequestExecutor}: {@link RequestExecutor#DIRECT} serves it at
 * once on the notifying hart's thread; an I/O-thread executor serves it later, and the transport counts
 * it as in flight until it completes, which is what {@link VirtioMmio#quiesce()} waits for.
 */
public final class VirtioBlock implements VirtioDevice {

    public static final int SECTOR_SIZE = 512;
    public static final int SECTOR_SHIFT = 9;
    public static final int ID_BYTES = 20;
    public static final int SEG_MAX = 254;
    public static final int CONFIG_LENGTH = 36;
    public static final int REQUEST_QUEUE = 0;

    // Feature bits (5.2.3).
    public static final int F_SIZE_MAX = 1;
    public static final int F_SEG_MAX = 2;
    public static final int F_GEOMETRY = 4;
    public static final int F_RO = 5;
    public static final int F_BLK_SIZE = 6;
    public static final int F_FLUSH = 9;

    // Request types (5.2.6).
    public static final int T_IN = 0;
    public static final int T_OUT = 1;
    public static final int T_FLUSH = 4;
    public static final int T_GET_ID = 8;
    public static final int T_DISCARD = 11;
    public static final int T_WRITE_ZEROES = 13;
    private static final int T_BARRIER = 0x8000_0000;

    // Status values.
    public static final int S_OK = 0;
    public static final int S_IOERR = 1;
    public static final int S_UNSUPP = 2;

    public static final int HEADER_SIZE = 16;
    private static final int IO_CHUNK = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(VirtioBlock.class.getName());

    private final BlockBackend backend;
    private final byte[] id;
    private final RequestExecutor executor;
    private final long capacity;
    private final byte[] config;
    private VirtioContext context;

    /** A block device with an empty serial number that serves requests on the notifying thread. */
    public VirtioBlock(BlockBackend backend) {
        this(backend, "", RequestExecutor.DIRECT);
    }

    /**
     * @param backend  the disk; its size is fixed for the device's life
     * @param serial   what GET_ID reports: at most 20 bytes of UTF-8
     * @param executor where requests are served
     */
    public VirtioBlock(BlockBackend backend, String serial, RequestExecutor executor) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.executor = Objects.requireNonNull(executor, "executor");
        byte[] s = serial.getBytes(StandardCharsets.UTF_8);
        if (s.length > ID_BYTES) {
            throw new IllegalArgumentException("serial longer than " + ID_BYTES + " bytes: " + serial);
        }
        this.id = java.util.Arrays.copyOf(s, ID_BYTES);
        this.capacity = backend.size() >>> SECTOR_SHIFT;
        ByteBuffer c = ByteBuffer.allocate(CONFIG_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        c.putLong(0, capacity);
        c.putInt(12, SEG_MAX);
        c.putInt(20, SECTOR_SIZE);
        c.putShort(34, (short) 1);
        this.config = c.array();
    }

    /** Capacity in 512-byte sectors. */
    public long capacity() {
        return capacity;
    }

    public boolean readOnly() {
        return backend.readOnly();
    }

    @Override
    public int deviceId() {
        return Virtio.ID_BLOCK;
    }

    @Override
    public long deviceFeatures() {
        long f = Virtio.bit(F_SEG_MAX) | Virtio.bit(F_BLK_SIZE) | Virtio.bit(F_FLUSH);
        return backend.readOnly() ? f | Virtio.bit(F_RO) : f;
    }

    @Override
    public int queueCount() {
        return 1;
    }

    @Override
    public byte[] config() {
        return config;
    }

    @Override
    public void attach(VirtioContext context) {
        if (this.context != null) {
            throw new IllegalStateException("virtio-blk already attached");
        }
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public void queueNotified(int queue) {
        Virtqueue vq = context.queue(REQUEST_QUEUE);
        DescriptorChain chain;
        while ((chain = vq.pop()) != null) {
            DescriptorChain request = chain;
            Runnable task = () -> serve(request);
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        }
    }

    @Override
    public void reset() {
        // No device state: the transport waited for requests in flight.
    }

    @Override
    public VirtioBlockState save() {
        return new VirtioBlockState(capacity, backend.readOnly());
    }

    @Override
    public void restore(VirtioDeviceState state) {
        if (!(state instanceof VirtioBlockState s)) {
            throw new IllegalArgumentException("not a virtio-blk state: " + state);
        }
        if (s.capacity() != capacity || s.readOnly() != backend.readOnly()) {
            throw new IllegalArgumentException("state is for a disk of " + s.capacity() + " sectors"
                    + (s.readOnly() ? " (read-only)" : "") + ", this one has " + capacity
                    + (backend.readOnly() ? " (read-only)" : ""));
        }
    }

    // ---- requests (any thread) ----

    private void serve(DescriptorChain chain) {
        Virtqueue vq = chain.queue();
        try {
            long writable = chain.writableLength();
            if (chain.readableLength() < HEADER_SIZE || writable < 1) {
                vq.fail(chain, "virtio-blk request without header or status byte: " + chain);
                return;
            }
            ByteBuffer header = ByteBuffer.wrap(chain.readBytes(0, HEADER_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
            int type = header.getInt(0) & ~T_BARRIER;
            long sector = header.getLong(8);
            int status = switch (type) {
                case T_IN -> read(chain, sector, writable - 1);
                case T_OUT -> write(chain, sector, chain.readableLength() - HEADER_SIZE);
                case T_FLUSH -> flush();
                case T_GET_ID -> {
                    chain.write(0, id, 0, (int) Math.min(ID_BYTES, writable - 1));
                    yield S_OK;
                }
                default -> S_UNSUPP;
            };
            chain.write(writable - 1, new byte[] {(byte) status}, 0, 1);
            vq.push(chain, writable);
        } catch (RuntimeException e) {
            vq.fail(chain, "virtio-blk request failed: " + e);
        }
    }

    private boolean inRange(long sector, long bytes) {
        return (bytes & (SECTOR_SIZE - 1)) == 0
                && Long.compareUnsigned(sector, capacity) <= 0
                && (bytes >>> SECTOR_SHIFT) <= capacity - sector;
    }

    private int read(DescriptorChain chain, long sector, long bytes) {
        if (!inRange(sector, bytes)) {
            return S_IOERR;
        }
        GuestMemory memory = context.memory();
        long base = sector << SECTOR_SHIFT;
        byte[] buffer = new byte[(int) Math.min(bytes, IO_CHUNK)];
        try {
            chain.forEachSegment(true, 0, bytes, (address, length, offset) -> {
                for (long k = 0; k < length; ) {
                    int n = (int) Math.min(length - k, buffer.length);
                    backend.read(base + offset + k, ByteBuffer.wrap(buffer, 0, n));
                    memory.write(address + k, buffer, 0, n);
                    k += n;
                }
            });
            return S_OK;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "virtio-blk: read of sector " + sector + " failed: " + e);
            return S_IOERR;
        }
    }

    private int write(DescriptorChain chain, long sector, long bytes) {
        if (backend.readOnly() || !inRange(sector, bytes)) {
            return S_IOERR;
        }
        GuestMemory memory = context.memory();
        long base = sector << SECTOR_SHIFT;
        byte[] buffer = new byte[(int) Math.min(bytes, IO_CHUNK)];
        try {
            chain.forEachSegment(false, HEADER_SIZE, bytes, (address, length, offset) -> {
                for (long k = 0; k < length; ) {
                    int n = (int) Math.min(length - k, buffer.length);
                    memory.read(address + k, buffer, 0, n);
                    backend.write(base + (offset - HEADER_SIZE) + k, ByteBuffer.wrap(buffer, 0, n));
                    k += n;
                }
            });
            return S_OK;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "virtio-blk: write of sector " + sector + " failed: " + e);
            return S_IOERR;
        }
    }

    private int flush() {
        try {
            backend.flush();
            return S_OK;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "virtio-blk: flush failed: " + e);
            return S_IOERR;
        }
    }
}
