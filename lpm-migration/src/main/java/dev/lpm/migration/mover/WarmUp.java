package dev.lpm.migration.mover;

import dev.lpm.api.SerialBackend;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import dev.lpm.migration.state.MachineStateCodec;
import dev.lpm.migration.state.StateFormatException;
import dev.lpm.migration.wire.Hello;
import dev.lpm.migration.wire.TimedSocketChannel;
import dev.lpm.devices.virtio.VirtioRng;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Runs the mover's code before a partition depends on it. The first run of code in a JVM loads and links
 * its classes and then interprets it until the JIT compiles it: measured, that made a host's first
 * migration send pages at a fifth of the speed of later ones, and the switch-over's save, encode, decode
 * and restore cost tens of milliseconds of the guest's pause.
 */
public final class WarmUp {
    private static volatile boolean done;
    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private WarmUp() {
    }

    /**
     * In the background (a host daemon calls it as it starts): a small running partition moved live a few
     * times over a loopback connection, through the same sockets, page sender, frame writer and reader,
     * rounds, state codec and receiver a real migration uses, so they are compiled before the first one.
     */
    public static void inBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().name("lpm-mover-warm-up").daemon().priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                liveLoopback(10);
                harts(java.time.Duration.ofMillis(1500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                System.getLogger(WarmUp.class.getName()).log(System.Logger.Level.WARNING,
                        "mover warm-up failed: " + e);
            }
        });
    }

    /**
     * Moves a 64 MiB machine running {@link #loop()} (36 MiB of data, zero runs between) to a fresh machine
     * {@code passes} times over a loopback TCP connection; returns the last report.
     */
    static MigrationReport liveLoopback(int passes) throws IOException, InterruptedException {
        MachineConfig config = new MachineConfig(64L << 20, 1, null, MachineConfig.Execution.TRANSLATE_HOT);
        MigrationReport report = null;
        try (Machine source = new Machine(config, QUIET)) {
            source.attach(new VirtioRng());
            byte[] noise = new byte[1 << 20];
            new java.util.Random(1).nextBytes(noise);
            for (int mib = 2; mib < 50; mib++) { // three MiB of data pages in every four, zero runs between
                if (mib % 4 != 3) {
                    source.ram().write(source.ram().base() + ((long) mib << 20), noise, 0, noise.length);
                }
            }
            source.loadFirmware(loop());
            source.start();
            for (int i = 0; i < passes; i++) {
                report = moveOnce(source, config);
                if (!report.completed()) {
                    throw new IOException("warm-up migration " + report.outcome() + ": " + report.message());
                }
                source.resume(); // a host would release it; here it is the next pass's source
            }
            done = true;
        }
        return report;
    }

    private static MigrationReport moveOnce(Machine source, MachineConfig config) throws IOException,
            InterruptedException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 1);
            java.util.concurrent.FutureTask<IncomingMigration.Result> target = new java.util.concurrent.FutureTask<>(() -> {
                DiscardingHost host = new DiscardingHost(config);
                try (TimedSocketChannel link = new TimedSocketChannel(server.accept(), LINK_TIMEOUT)) {
                    return new IncomingMigration(host).receive(link);
                } finally {
                    host.close();
                }
            });
            Thread.ofPlatform().name("lpm-mover-warm-up-target").daemon().start(target);
            try (SocketChannel channel = SocketChannel.open(server.getLocalAddress());
                 TimedSocketChannel link = new TimedSocketChannel(channel, LINK_TIMEOUT)) {
                channel.socket().setTcpNoDelay(true);
                Hello hello = new Hello(java.util.UUID.randomUUID(), Hello.Mode.LIVE, "warm-up", config.ramBytes(), 1,
                        new byte[0]);
                MigrationReport r = new OutgoingMigration(source, hello, MigrationOptions.defaults(), p -> {
                }, id -> OutgoingMigration.Ownership.TARGET_RUNS).run(link);
                target.get(30, java.util.concurrent.TimeUnit.SECONDS);
                return r;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IOException("the warm-up target failed: " + e, e);
            }
        }
    }

    private static final java.time.Duration LINK_TIMEOUT = java.time.Duration.ofSeconds(30);

    /** A target host that builds a machine like the source's and never runs it; closed after the receive. */
    private static final class DiscardingHost implements IncomingMigration.Host, AutoCloseable {
        private final MachineConfig config;
        private Machine built;

        DiscardingHost(MachineConfig config) {
            this.config = config;
        }

        @Override
        public Machine prepare(Hello h) {
            built = new Machine(config, QUIET);
            built.attach(new VirtioRng());
            return built;
        }

        @Override
        public void commit(Hello h, Machine m) {
        }

        @Override
        public void letRun(Hello h, Machine m) {
        }

        @Override
        public void discard(Hello h, Machine m, String reason) {
        }

        @Override
        public void close() {
            if (built != null) {
                built.close();
            }
        }
    }

    /**
     * Runs {@link #loop()} on a hart with the block translator for {@code time} and returns the hart's state:
     * a partition that arrives here then starts on compiled emulator code, instead of the hand-over sharing
     * the host's cores with the JIT compiling the interpreter, decoder and MMU.
     */
    static dev.lpm.cpu.HartState harts(java.time.Duration time) throws InterruptedException {
        try (Machine m = new Machine(new MachineConfig(16L << 20, 1, null, MachineConfig.Execution.TRANSLATE_HOT),
                QUIET)) {
            m.loadFirmware(loop());
            m.start();
            Thread.sleep(time.toMillis());
            m.pause();
            return m.save().harts().getFirst();
        }
    }

    /** The warm-up guest: an endless loop of loads, stores, ALU, multiply and jumps over 8 KiB 1 MiB up. */
    private static byte[] loop() {
        final int t0 = 5, t1 = 6, t3 = 28, t4 = 29, t5 = 30;
        int[] loop = {
            0x0010_0000 | t0 << 7 | 0x17,                                  // auipc t0, 0x100: data 1 MiB above
            t3 << 7 | 0x13,                                                // addi t3, x0, 0
            1023 << 20 | t3 << 15 | 7 << 12 | t4 << 7 | 0x13,              // loop: andi t4, t3, 1023
            3 << 20 | t4 << 15 | 1 << 12 | t4 << 7 | 0x13,                 // slli t4, t4, 3
            t4 << 20 | t0 << 15 | t5 << 7 | 0x33,                          // add t5, t0, t4
            t5 << 15 | 3 << 12 | t1 << 7 | 0x03,                           // ld t1, 0(t5)
            t3 << 20 | t1 << 15 | t1 << 7 | 0x33,                          // add t1, t1, t3
            1 << 25 | t3 << 20 | t1 << 15 | t1 << 7 | 0x33,                // mul t1, t1, t3
            t4 << 20 | t1 << 15 | 4 << 12 | t1 << 7 | 0x33,                // xor t1, t1, t4
            t1 << 20 | t5 << 15 | 3 << 12 | 0x23,                          // sd t1, 0(t5)
            1 << 20 | t3 << 15 | t3 << 7 | 0x13,                           // addi t3, t3, 1
            jal(-36),                                                      // j loop
        };
        java.nio.ByteBuffer code = java.nio.ByteBuffer.allocate(loop.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int insn : loop) {
            code.putInt(insn);
        }
        return code.array();
    }

    /** {@code jal x0, offset}. */
    private static int jal(int offset) {
        return ((offset >> 20) & 1) << 31 | ((offset >> 1) & 0x3FF) << 21 | ((offset >> 11) & 1) << 20
                | ((offset >> 12) & 0xFF) << 12 | 0x6F;
    }

    private static final SerialBackend QUIET = new SerialBackend() {
        @Override
        public void transmit(byte value) {
        }

        @Override
        public void connect(Receiver receiver) {
        }
    };

    /** Once per JVM: a round trip through a small machine of the same hart count (the source side). */
    static void once(int harts) {
        if (done) {
            return;
        }
        try (Machine m = new Machine(new MachineConfig(16L << 20, harts, null, MachineConfig.Execution.INTERPRET),
                QUIET)) {
            roundTrip(m);
        }
        done = true;
    }

    /** A round trip through {@code machine}'s own state: it must be paused and not started (the target side). */
    static void roundTrip(Machine machine) {
        try {
            machine.restore(MachineStateCodec.decode(MachineStateCodec.encode(machine.save())));
        } catch (StateFormatException e) {
            throw new IllegalStateException("the state codec cannot read what it wrote", e);
        }
    }
}
