package dev.lpm.devices.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link NetBackend} on an existing Linux TAP interface, opened through {@code /dev/net/tun} with
 * {@code ioctl(TUNSETIFF, IFF_TAP | IFF_NO_PI)} by FFM downcalls into libc (no JNI). Frames go to and come
 * from the interface as plain Ethernet frames (no packet-information prefix, no virtio-net header).
 *
 * <h2>Opening</h2>
 * The interface must already exist and be persistent: the host creates it, typically in a bridge
 * ({@link TapInterfaces#create}). {@link #open} never creates one: it checks that the name exists, attaches,
 * and checks that what it attached to is persistent (so a name that disappeared in between does not leave
 * an accidental transient interface behind). Failures are {@link TapException}s naming the interface:
 * no such device, permission denied (needs CAP_NET_ADMIN, or to be the interface's owner), busy (another
 * file descriptor is attached; single-queue TAPs take one), or not a TAP.
 *
 * <p>A TUN/TAP file descriptor belongs to the network namespace of the thread that opened it, and
 * {@link #open} looks the name up in the calling thread's namespace.
 *
 * <h2>Data</h2>
 * {@link #send} writes one frame per {@code write(2)} on the non-blocking descriptor; a frame the kernel
 * does not take (queue full, interface down, gone) is dropped and counted. After {@link #connect}, a reader
 * thread ({@code lpm-tap-<name>}) polls the descriptor together with an eventfd that {@link #close} signals,
 * reads frames and hands each to the receiver. If the interface goes away underneath (deleted), the reader
 * stops, logs once and {@link #failure()} says why; sends are then dropped.
 */
public final class TapBackend implements NetBackend {

    /** The largest frame read or written: the kernel's limit for a TAP frame is 64 KiB. */
    public static final int MAX_FRAME = 65536;
    /** Frames read per poll wake-up before the reader looks at the close flag again. */
    private static final int READ_BURST = 64;

    private static final String TUN_DEVICE = "/dev/net/tun";
    /** _IOW('T', 202, int) */
    private static final long TUNSETIFF = 0x4004_54caL;
    /** _IOR('T', 210, unsigned int) */
    private static final long TUNGETIFF = 0x8004_54d2L;
    private static final short IFF_TAP = 0x0002;
    private static final short IFF_PERSIST = 0x0800;
    private static final short IFF_NO_PI = 0x1000;
    /** struct ifreq: char ifr_name[16] and a 24-byte union whose first member here is short ifr_flags. */
    private static final int IFREQ_SIZE = 40;
    private static final int IFR_FLAGS = 16;

    private static final System.Logger LOG = System.getLogger(TapBackend.class.getName());

    private final String name;
    private final int fd;
    private final int wakeFd;
    /** Sends hold the read lock; closing the descriptors takes the write lock, so no send uses a stale fd. */
    private final ReentrantReadWriteLock fdLock = new ReentrantReadWriteLock();
    private boolean fdsClosed;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private Thread reader;
    private volatile boolean closing;
    private volatile String failure;

    private TapBackend(String name, int fd, int wakeFd) {
        this.name = name;
        this.fd = fd;
        this.wakeFd = wakeFd;
    }

    /**
     * Attaches to the existing TAP interface {@code interfaceName}.
     *
     * @throws TapException             if it does not exist, may not be opened, is busy or is not a TAP
     * @throws IllegalArgumentException if {@code interfaceName} is not a valid interface name
     * @throws UnsupportedOperationException if the host is not Linux on x86-64, AArch64 or RISC-V
     */
    public static TapBackend open(String interfaceName) throws TapException {
        String name = TapInterfaces.checkName(interfaceName);
        Libc.checkPlatform();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.errnoState(arena);
            MemorySegment cName = arena.allocateFrom(name, StandardCharsets.US_ASCII);
            if (Libc.ifNameToIndex(state, cName) == 0) {
                throw new TapException(TapException.Reason.NO_SUCH_DEVICE, name, "TAP interface " + name
                        + " does not exist (create it first, e.g. ip tuntap add dev " + name + " mode tap)");
            }
            int fd = Libc.open(state, arena.allocateFrom(TUN_DEVICE, StandardCharsets.US_ASCII),
                    Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (fd < 0) {
                int errno = Libc.errno(state);
                throw switch (errno) {
                    case Libc.EACCES, Libc.EPERM -> new TapException(TapException.Reason.PERMISSION_DENIED, name,
                            "cannot open " + TUN_DEVICE + " for TAP interface " + name + ": permission denied");
                    case Libc.ENOENT, Libc.ENODEV -> new TapException(TapException.Reason.OTHER, name,
                            "cannot open " + TUN_DEVICE + " for TAP interface " + name + ": " + Libc.describe(errno)
                                    + " (is the tun module loaded?)");
                    default -> new TapException(TapException.Reason.OTHER, name, "cannot open " + TUN_DEVICE
                            + " for TAP interface " + name + ": " + Libc.describe(errno));
                };
            }
            int wakeFd = -1;
            try {
                attach(arena, state, fd, name);
                wakeFd = Libc.eventfd(state, 0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
                if (wakeFd < 0) {
                    throw new TapException(TapException.Reason.OTHER, name, "eventfd for TAP interface " + name
                            + " failed: " + Libc.describe(Libc.errno(state)));
                }
                return new TapBackend(name, fd, wakeFd);
            } catch (TapException | RuntimeException e) {
                Libc.close(state, fd);
                throw e;
            }
        }
    }

    private static void attach(Arena arena, MemorySegment state, int fd, String name) throws TapException {
        MemorySegment ifr = arena.allocate(IFREQ_SIZE);
        MemorySegment.copy(name.getBytes(StandardCharsets.US_ASCII), 0, ifr, ValueLayout.JAVA_BYTE, 0, name.length());
        ifr.set(ValueLayout.JAVA_SHORT, IFR_FLAGS, (short) (IFF_TAP | IFF_NO_PI));
        if (Libc.ioctl(state, fd, TUNSETIFF, ifr) < 0) {
            int errno = Libc.errno(state);
            throw switch (errno) {
                case Libc.EBUSY -> new TapException(TapException.Reason.BUSY, name, "TAP interface " + name
                        + " is busy: another file descriptor is attached to it (another partition or process?)");
                case Libc.EPERM, Libc.EACCES -> new TapException(TapException.Reason.PERMISSION_DENIED, name,
                        "not allowed to attach to TAP interface " + name + ": needs CAP_NET_ADMIN or to be the "
                                + "interface's owner (ip tuntap add ... user <uid>)");
                case Libc.EINVAL -> new TapException(TapException.Reason.NOT_A_TAP, name, "interface " + name
                        + " is not a single-queue TAP interface (a TUN, a multi-queue TAP or another kind of link)");
                default -> new TapException(TapException.Reason.OTHER, name, "cannot attach to TAP interface "
                        + name + ": " + Libc.describe(errno));
            };
        }
        MemorySegment got = arena.allocate(IFREQ_SIZE);
        if (Libc.ioctl(state, fd, TUNGETIFF, got) < 0) {
            throw new TapException(TapException.Reason.OTHER, name, "cannot query TAP interface " + name + ": "
                    + Libc.describe(Libc.errno(state)));
        }
        short flags = got.get(ValueLayout.JAVA_SHORT, IFR_FLAGS);
        if ((flags & IFF_PERSIST) == 0) {
            // The name vanished between the lookup and TUNSETIFF, which then created a transient interface;
            // closing the descriptor deletes it again.
            throw new TapException(TapException.Reason.NO_SUCH_DEVICE, name, "TAP interface " + name
                    + " disappeared while it was being opened");
        }
    }

    /** The interface's name. */
    public String interfaceName() {
        return name;
    }

    @Override
    public void send(byte[] frame, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, frame.length);
        if (length == 0 || length > MAX_FRAME) {
            dropped.incrementAndGet();
            return;
        }
        fdLock.readLock().lock();
        try {
            // closing, not just closed: once close() is called no frame goes out, even while the reader stops
            if (closing || fdsClosed || failure != null) {
                dropped.incrementAndGet();
                return;
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment buffer = arena.allocate(length);
                MemorySegment.copy(frame, offset, buffer, ValueLayout.JAVA_BYTE, 0, length);
                MemorySegment state = Libc.errnoState(arena);
                long n = Libc.write(state, fd, buffer, length);
                if (n == length) {
                    sent.incrementAndGet();
                } else {
                    dropped.incrementAndGet();
                    int errno = n < 0 ? Libc.errno(state) : 0;
                    LOG.log(System.Logger.Level.DEBUG, () -> "TAP " + name + ": frame of " + length + " bytes dropped: "
                            + (n < 0 ? Libc.describe(errno) : "short write of " + n));
                }
            }
        } finally {
            fdLock.readLock().unlock();
        }
    }

    @Override
    public synchronized void connect(Receiver receiver) {
        Objects.requireNonNull(receiver, "receiver");
        if (reader != null) {
            throw new IllegalStateException("TAP " + name + " already has a receiver");
        }
        reader = new Thread(() -> readLoop(receiver), "lpm-tap-" + name);
        reader.setDaemon(true);
        if (!closing) {
            reader.start();
        }
    }

    /** Frames written to the interface. */
    public long sentFrames() {
        return sent.get();
    }

    /** Frames read from the interface and handed to the receiver. */
    public long receivedFrames() {
        return received.get();
    }

    /** Frames {@link #send} could not write (kernel refused, interface gone, backend closed, bad length). */
    public long droppedFrames() {
        return dropped.get();
    }

    /** Why the reader stopped on its own (the interface went away), or null while it runs or after close. */
    public String failure() {
        return failure;
    }

    /** Whether {@link #close} has been called. */
    public boolean closed() {
        return closing;
    }

    /**
     * Stops the reader (waiting for a receiver call in progress unless called from it) and closes the
     * descriptor; the interface itself stays (the host deletes it).
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            t = reader != null && reader.isAlive() ? reader : null;
        }
        if (t == null) {
            closeDescriptors();
            return;
        }
        wake();
        if (t != Thread.currentThread()) {
            LoopbackBackend.joinUninterruptibly(t);
        }
        // Otherwise the reader closes the descriptors itself when the receiver returns.
    }

    private void wake() {
        fdLock.readLock().lock();
        try (Arena arena = Arena.ofConfined()) {
            if (fdsClosed) {
                return;
            }
            MemorySegment one = arena.allocate(ValueLayout.JAVA_LONG);
            one.set(ValueLayout.JAVA_LONG, 0, 1L);
            Libc.write(Libc.errnoState(arena), wakeFd, one, 8);
        } finally {
            fdLock.readLock().unlock();
        }
    }

    private void closeDescriptors() {
        fdLock.writeLock().lock();
        try (Arena arena = Arena.ofConfined()) {
            if (fdsClosed) {
                return;
            }
            fdsClosed = true;
            MemorySegment state = Libc.errnoState(arena);
            Libc.close(state, fd);
            Libc.close(state, wakeFd);
        } finally {
            fdLock.writeLock().unlock();
        }
    }

    private void readLoop(Receiver receiver) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.errnoState(arena);
            MemorySegment buffer = arena.allocate(MAX_FRAME);
            MemorySegment fds = arena.allocate(2L * Libc.POLLFD_SIZE, 8);
            fds.set(ValueLayout.JAVA_INT, 0, fd);
            fds.set(ValueLayout.JAVA_SHORT, 4, Libc.POLLIN);
            fds.set(ValueLayout.JAVA_INT, Libc.POLLFD_SIZE, wakeFd);
            fds.set(ValueLayout.JAVA_SHORT, Libc.POLLFD_SIZE + 4, Libc.POLLIN);
            byte[] frame = new byte[MAX_FRAME];
            while (!closing) {
                fds.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
                fds.set(ValueLayout.JAVA_SHORT, Libc.POLLFD_SIZE + 6, (short) 0);
                if (Libc.poll(state, fds, 2, -1) < 0) {
                    int errno = Libc.errno(state);
                    if (errno == Libc.EINTR) {
                        continue;
                    }
                    fail("poll failed: " + Libc.describe(errno));
                    return;
                }
                if (closing) {
                    return;
                }
                short events = fds.get(ValueLayout.JAVA_SHORT, 6);
                if ((events & Libc.POLLIN) != 0) {
                    if (!drain(state, buffer, frame, receiver)) {
                        return;
                    }
                } else if ((events & (Libc.POLLERR | Libc.POLLHUP | Libc.POLLNVAL)) != 0) {
                    fail("the interface reported an error (poll events 0x" + Integer.toHexString(events & 0xFFFF)
                            + "); was it deleted?");
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            fail("reader failed: " + e);
            throw e;
        } finally {
            closeDescriptors();
        }
    }

    /** Reads and delivers up to {@link #READ_BURST} frames; false when the reader must stop. */
    private boolean drain(MemorySegment state, MemorySegment buffer, byte[] frame, Receiver receiver) {
        for (int i = 0; i < READ_BURST && !closing; i++) {
            long n = Libc.read(state, fd, buffer, MAX_FRAME);
            if (n < 0) {
                int errno = Libc.errno(state);
                if (errno == Libc.EAGAIN) {
                    return true;
                }
                if (errno == Libc.EINTR) {
                    continue;
                }
                fail("read failed: " + Libc.describe(errno) + (errno == Libc.EBADFD ? "; was the interface deleted?" : ""));
                return false;
            }
            if (n == 0) {
                continue;
            }
            int length = (int) n;
            MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, frame, 0, length);
            received.incrementAndGet();
            try {
                receiver.receive(frame, 0, length);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "TAP " + name + ": receiver failed", e);
            }
        }
        return true;
    }

    private void fail(String why) {
        if (closing) {
            return;
        }
        failure = why;
        LOG.log(System.Logger.Level.WARNING, "TAP " + name + ": " + why + "; no more frames are received");
    }

    @Override
    public String toString() {
        return "TapBackend[" + name + "]";
    }
}
