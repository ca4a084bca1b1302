package dev.lpm.devices.virtio;

import dev.lpm.api.SerialBackend;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A virtio console (virtio 1.2, 5.3; device ID 3) with a single port and no multiport support: queue 0
 * receives (host to guest), queue 1 transmits (guest to host), like a console without
 * VIRTIO_CONSOLE_F_MULTIPORT (Linux's hvc over virtio_console, kvmtool's and Firecracker's consoles).
 *
 * <h2>Features and configuration</h2>
 * Offers VIRTIO_CONSOLE_F_EMERG_WRITE: a write to {@code emerg_wr} (offset 8) transmits its low byte at
 * once. The configuration is {@code cols}, {@code rows} (0: VIRTIO_CONSOLE_F_SIZE is not offered),
 * {@code max_nr_ports} (1) and {@code emerg_wr}, 12 bytes.
 *
 * <h2>Data</h2>
 * Every transmit buffer's readable bytes go to the {@link SerialBackend} in order, and the buffer is
 * returned with nothing written. Host input is queued device-side (up to {@link #HOST_INPUT_CAPACITY} bytes;
 * more is dropped and counted) and copied into receive buffers as they become available, as many bytes per
 * buffer as fit. Queued input survives a device reset and travels in {@link VirtioConsoleState}.
 *
 * <p>The backend's receive callback may come from any thread; it takes the transport's lock.
 */
public final class VirtioConsole implements VirtioDevice {

    public static final int RECEIVE_QUEUE = 0;
    public static final int TRANSMIT_QUEUE = 1;
    public static final int F_SIZE = 0;
    public static final int F_MULTIPORT = 1;
    public static final int F_EMERG_WRITE = 2;
    public static final int CONFIG_LENGTH = 12;
    /** Offset of {@code emerg_wr} in the configuration space. */
    public static final int EMERG_WR = 8;
    /** Host input waiting for receive buffers beyond this many bytes is dropped. */
    public static final int HOST_INPUT_CAPACITY = 64 * 1024;
    private static final int CHUNK = 4096;

    private final SerialBackend backend;
    private final byte[] config;
    private VirtioContext context;

    // Host input ring (transport lock held).
    private final byte[] input = new byte[HOST_INPUT_CAPACITY];
    private int inputHead;
    private int inputSize;
    private long droppedHostBytes;

    /**
     * @param backend where transmitted bytes go and received bytes come from; the console registers itself
     *                as its receiver when it is attached to a transport
     */
    public VirtioConsole(SerialBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        ByteBuffer c = ByteBuffer.allocate(CONFIG_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        c.putInt(4, 1);
        this.config = c.array();
    }

    /** Host input bytes dropped because the device-side queue was full. */
    public long droppedHostBytes() {
        synchronized (lock()) {
            return droppedHostBytes;
        }
    }

    @Override
    public int deviceId() {
        return Virtio.ID_CONSOLE;
    }

    @Override
    public long deviceFeatures() {
        return Virtio.bit(F_EMERG_WRITE);
    }

    @Override
    public int queueCount() {
        return 2;
    }

    @Override
    public byte[] config() {
        return config;
    }

    @Override
    public void writeConfig(int offset, long value, int sizeLog2) {
        if (offset == EMERG_WR) {
            backend.transmit((byte) value);
        }
    }

    @Override
    public void attach(VirtioContext context) {
        if (this.context != null) {
            throw new IllegalStateException("virtio-console already attached");
        }
        this.context = Objects.requireNonNull(context, "context");
        backend.connect(this::hostReceive);
    }

    @Override
    public void queueNotified(int queue) {
        if (queue == RECEIVE_QUEUE) {
            deliver();
        } else if (queue == TRANSMIT_QUEUE) {
            transmit();
        }
    }

    @Override
    public void reset() {
        // Queued host input stays, as a UART's does.
    }

    @Override
    public VirtioConsoleState save() {
        synchronized (lock()) {
            return new VirtioConsoleState(peek(inputSize));
        }
    }

    @Override
    public void restore(VirtioDeviceState state) {
        if (!(state instanceof VirtioConsoleState s)) {
            throw new IllegalArgumentException("not a virtio-console state: " + state);
        }
        byte[] bytes = s.hostInput();
        synchronized (lock()) {
            System.arraycopy(bytes, 0, input, 0, bytes.length);
            inputHead = 0;
            inputSize = bytes.length;
        }
    }

    /** The transport's lock once attached (all state changes happen under it then), else this object. */
    private Object lock() {
        VirtioContext c = context;
        return c != null ? c.lock() : this;
    }

    // ---- data (transport lock held) ----

    private void hostReceive(byte value) {
        synchronized (context.lock()) {
            if (inputSize == input.length) {
                droppedHostBytes++;
                return;
            }
            input[(inputHead + inputSize) % input.length] = value;
            inputSize++;
            deliver();
        }
    }

    private byte[] peek(int n) {
        byte[] bytes = new byte[n];
        int first = Math.min(n, input.length - inputHead);
        System.arraycopy(input, inputHead, bytes, 0, first);
        System.arraycopy(input, 0, bytes, first, n - first);
        return bytes;
    }

    private void deliver() {
        Virtqueue rx = context.queue(RECEIVE_QUEUE);
        while (inputSize > 0) {
            DescriptorChain chain = rx.pop();
            if (chain == null) {
                return;
            }
            int n = (int) Math.min(chain.writableLength(), inputSize);
            chain.write(0, peek(n), 0, n);
            inputHead = (inputHead + n) % input.length;
            inputSize -= n;
            rx.push(chain, n);
        }
    }

    private void transmit() {
        Virtqueue tx = context.queue(TRANSMIT_QUEUE);
        byte[] chunk = new byte[CHUNK];
        DescriptorChain chain;
        while ((chain = tx.pop()) != null) {
            long length = chain.readableLength();
            for (long done = 0; done < length; ) {
                int n = chain.read(done, chunk, 0, (int) Math.min(CHUNK, length - done));
                for (int i = 0; i < n; i++) {
                    backend.transmit(chunk[i]);
                }
                done += n;
            }
            tx.push(chain, 0);
        }
    }
}
