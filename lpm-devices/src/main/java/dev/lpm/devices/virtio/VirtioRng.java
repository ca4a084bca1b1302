package dev.lpm.devices.virtio;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

/**
 * A virtio entropy device (virtio 1.2, 5.4; device ID 4): one request queue whose writable buffers it fills
 * with random bytes. No features, no configuration space. A buffer larger than {@link #MAX_FILL} bytes is
 * filled only that far (the specification lets the device use less than the whole buffer), which bounds the
 * work one notification can cause. Readable descriptors are ignored.
 */
public final class VirtioRng implements VirtioDevice {

    public static final int REQUEST_QUEUE = 0;
    /** The most bytes written into one buffer. */
    public static final int MAX_FILL = 64 * 1024;
    private static final int CHUNK = 4096;
    private static final byte[] NO_CONFIG = new byte[0];

    private final Random source;
    private VirtioContext context;

    /** Entropy from a {@link SecureRandom}. */
    public VirtioRng() {
        this(new SecureRandom());
    }

    /** Entropy from {@code source} (a {@link SecureRandom} in production; tests may seed a plain one). */
    public VirtioRng(Random source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public int deviceId() {
        return Virtio.ID_ENTROPY;
    }

    @Override
    public long deviceFeatures() {
        return 0;
    }

    @Override
    public int queueCount() {
        return 1;
    }

    @Override
    public byte[] config() {
        return NO_CONFIG;
    }

    @Override
    public void attach(VirtioContext context) {
        if (this.context != null) {
            throw new IllegalStateException("virtio-rng already attached");
        }
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public void queueNotified(int queue) {
        Virtqueue vq = context.queue(REQUEST_QUEUE);
        byte[] chunk = null;
        DescriptorChain chain;
        while ((chain = vq.pop()) != null) {
            long fill = Math.min(chain.writableLength(), MAX_FILL);
            if (chunk == null && fill > 0) {
                chunk = new byte[CHUNK];
            }
            for (long done = 0; done < fill; ) {
                int n = (int) Math.min(CHUNK, fill - done);
                source.nextBytes(chunk);
                chain.write(done, chunk, 0, n);
                done += n;
            }
            vq.push(chain, fill);
        }
    }

    @Override
    public void reset() {
    }

    @Override
    public VirtioRngState save() {
        return new VirtioRngState();
    }

    @Override
    public void restore(VirtioDeviceState state) {
        if (!(state instanceof VirtioRngState)) {
            throw new IllegalArgumentException("not a virtio-rng state: " + state);
        }
    }
}
