package dev.lpm.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lpm.machine.Machine;
import dev.lpm.migration.mover.IncomingMigration;
import dev.lpm.migration.mover.MigrationOptions;
import dev.lpm.migration.mover.MigrationReport;
import dev.lpm.migration.mover.OutgoingMigration;
import dev.lpm.migration.mover.Progress;
import dev.lpm.migration.mover.Snapshots;
import dev.lpm.migration.wire.Hello;
import dev.lpm.migration.wire.TimedSocketChannel;
import dev.lpm.migration.wire.Wire;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A host: runs partitions created from profiles and this host's mover service, both on one port (a
 * connection that begins with the migration stream's magic is an incoming migration, anything else an
 * HTTP request to the control API, {@link HostApi}).
 */
public final class HostDaemon implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(HostDaemon.class.getName());

    private final HostConfig config;
    private final MigrationLedger ledger;
    private final ServerSocket server;
    private final Map<String, Partition> partitions = new ConcurrentHashMap<>();
    /** Names and memory promised to partitions being created or received, and to those running. */
    private final Map<String, Long> reserved = new HashMap<>();
    private final HostApi api = new HostApi(this);
    private volatile boolean closed;

    private HostDaemon(HostConfig config) throws IOException {
        this.config = config;
        Files.createDirectories(config.data().resolve("partitions"));
        this.ledger = new MigrationLedger(config.data().resolve("migrations"));
        this.server = java.nio.channels.ServerSocketChannel.open().socket(); // its sockets have channels: pages move without a copy
        server.setReuseAddress(true);
        server.bind(config.listen(), 64);
    }

    /** Binds the port and starts serving. */
    public static HostDaemon start(HostConfig config) throws IOException {
        HostDaemon d = new HostDaemon(config);
        dev.lpm.migration.mover.WarmUp.inBackground(); // the mover's code compiled before the first migration
        Thread.ofPlatform().name("lpm-host-warm-up").daemon().start(HostDaemon::warmIncomingPath);
        Thread.ofPlatform().name("lpm-host-" + config.name()).daemon().start(d::acceptLoop);
        return d;
    }

    public HostConfig config() {
        return config;
    }

    /**
     * Runs what a first incoming migration runs before it can accept: reading a profile (the first read in a
     * JVM builds Jackson's deserializers, ~240 ms), writing it, building a partition's board with its
     * devices and console, closing it. Measured: without it a fresh host's first migration spent 25-100 ms
     * more in setup than later ones.
     */
    private static void warmIncomingPath() {
        Path scratch = null;
        try {
            Profile sample = new Profile("warm-up", 16, 1, "fw.bin", "Image", "initrd", "console=ttyS0",
                    List.of("disk.img"), List.of(new Profile.Nic("tap0", "52:54:00:12:34:56")), null);
            JSON.readValue(JSON.writeValueAsBytes(sample), Profile.class).validate();
            // what a migration writes to its client: progress lines (one of them during the pause) and the report
            JSON.writeValueAsBytes(JSON.createObjectNode().set("progress", JSON.valueToTree(
                    new Progress("switchover", 1, 1, 1, 1, 1, 1, 1, 1, 0, 1))));
            JSON.writeValueAsBytes(JSON.createObjectNode().set("report", JSON.valueToTree(new MigrationReport(
                    "id", "warm-up", MigrationReport.COMPLETED, "", 1, 1, 1, 1, 1, 1, 0, 1,
                    new MigrationReport.Switchover(0, 0, 0, 0), 1, List.of(new MigrationReport.Round(1, 1, 1, 1, 0))))));
            Profile board = new Profile("warm-up", 16, 1, "fw.bin", "Image", "initrd", "console=ttyS0", List.of(),
                    List.of(), null);
            scratch = Files.createTempDirectory("lpm-warm-up");
            JSON.writerWithDefaultPrettyPrinter().writeValue(scratch.resolve("profile.json").toFile(), board);
            Partition.build(board, scratch, Partition.State.INCOMING).close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "incoming path warm-up failed: " + e);
        } finally {
            if (scratch != null) {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a scratch folder in the temporary directory
                }
            }
        }
    }

    /** The bound address (the listen port may have been 0). */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().name("lpm-conn").start(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: " + e.getMessage());
                }
            }
        }
    }

    /** How long a connection to this host may keep it waiting for its next bytes. */
    private static final java.time.Duration INCOMING_TIMEOUT = java.time.Duration.ofSeconds(60);

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) INCOMING_TIMEOUT.toMillis());
            InputStream raw = s.getInputStream();
            byte[] magic = raw.readNBytes(Wire.MAGIC.length); // exactly these: a migration reads on from the channel
            if (java.util.Arrays.equals(magic, Wire.MAGIC)) {
                // closed before the socket: a channel registered with a selector stays open until deregistered
                try (TimedSocketChannel channel = new TimedSocketChannel(s.getChannel(), INCOMING_TIMEOUT, magic)) {
                    onPlatformThread("lpm-mover-in", () -> {
                        receive(channel);
                        return null;
                    });
                    channel.shutdownAndDrain(java.time.Duration.ofSeconds(2), 64L << 20); // the source reads why
                }
            } else {
                api.serve(new BufferedInputStream(raw, 64 << 10), magic, s.getOutputStream());
            }
        } catch (IOException e) {
            // the peer went away; nothing was changed on its behalf
        }
    }

    // ---- partitions ----

    Collection<Partition> partitions() {
        return partitions.values();
    }

    Partition partition(String name) throws NotFound {
        Partition p = partitions.get(name);
        if (p == null) {
            throw new NotFound("no partition " + name + " on host " + config.name());
        }
        return p;
    }

    /** Creates a partition from its profile and boots it. */
    Partition create(Profile profile) throws IOException {
        profile.validate();
        reserve(profile.name(), profile.ramBytes());
        Partition p = null;
        try {
            p = Partition.build(profile, partitionDirectory(profile.name()), Partition.State.RUNNING);
            p.boot();
            saveProfile(profile);
            partitions.put(profile.name(), p);
            departed.remove(profile.name());
            return p;
        } catch (IOException | RuntimeException e) {
            if (p != null) {
                p.close();
            }
            release(profile.name());
            throw e;
        }
    }

    void stop(String name) throws NotFound {
        Partition p = partition(name);
        if (p.state == Partition.State.MIGRATING) {
            throw new IllegalStateException("partition " + name + " is migrating; cancel the migration first");
        }
        remove(p);
    }

    private void remove(Partition p) {
        partitions.remove(p.profile.name(), p);
        p.close();
        deleteProfile(p.profile.name());
        release(p.profile.name());
    }

    private void deleteProfile(String name) {
        try {
            Files.deleteIfExists(partitionDirectory(name).resolve("profile.json"));
        } catch (IOException ignored) {
            // a stale profile is listed by nothing
        }
    }

    /** Releases a partition that now lives elsewhere; what its console printed here stays readable. */
    private void depart(Partition p) {
        departed.put(p.profile.name(), p.console); // first: a reader never falls back to an older departure's
        remove(p);
    }

    /** The console of a partition running here, or of one that left this host. */
    ConsoleLog console(String name) throws NotFound {
        Partition p = partitions.get(name);
        if (p != null) {
            return p.console;
        }
        ConsoleLog left = departed.get(name);
        if (left == null) {
            throw new NotFound("no partition " + name + " on host " + config.name());
        }
        return left;
    }

    private synchronized void reserve(String name, long bytes) throws Conflict {
        if (reserved.containsKey(name)) {
            throw new Conflict("host " + config.name() + " already has a partition named " + name);
        }
        long used = reserved.values().stream().mapToLong(Long::longValue).sum();
        if (used + bytes > config.memoryLimit()) {
            throw new Conflict("host " + config.name() + " lacks memory for " + name + ": it needs " + (bytes >> 20)
                    + " MiB, " + ((config.memoryLimit() - used) >> 20) + " MiB of " + (config.memoryLimit() >> 20)
                    + " MiB are free");
        }
        reserved.put(name, bytes);
    }

    private synchronized void release(String name) {
        reserved.remove(name);
    }

    synchronized long memoryUsed() {
        return reserved.values().stream().mapToLong(Long::longValue).sum();
    }

    private Path partitionDirectory(String name) {
        return config.data().resolve("partitions").resolve(name);
    }

    private void saveProfile(Profile profile) throws IOException {
        Path dir = Files.createDirectories(partitionDirectory(profile.name()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("profile.json").toFile(), profile);
    }

    // ---- outgoing: live migration, suspend ----

    /**
     * Moves a running partition to the host at {@code target}. Returns when it ended; the report's outcome
     * says who runs the partition.
     */
    MigrationReport migrate(String name, InetSocketAddress target, MigrationOptions options,
                            Consumer<Progress> progress) throws IOException {
        Partition p = partition(name);
        synchronized (p) {
            if (p.state != Partition.State.RUNNING || p.machine.poweredOff()) {
                throw new Conflict("partition " + name + " is " + p.stateName() + ", not RUNNING");
            }
            p.state = Partition.State.MIGRATING;
        }
        Hello hello = new Hello(UUID.randomUUID(), Hello.Mode.LIVE, name, p.profile.ramBytes(), p.profile.harts(),
                JSON.writeValueAsBytes(p.profile));
        OutgoingMigration migration = new OutgoingMigration(p.machine, hello, options, progress::accept,
                id -> askTarget(target, id));
        p.migration = migration;
        p.lastTarget = target.getHostString() + ":" + target.getPort();
        p.lastMigration = hello.migrationId();
        MigrationReport report;
        try (SocketChannel channel = SocketChannel.open()) {
            try {
                channel.socket().connect(target, 10_000);
            } catch (IOException e) {
                p.state = Partition.State.RUNNING;
                throw new Conflict("target host " + p.lastTarget + " is not reachable: " + e.getMessage());
            }
            channel.socket().setTcpNoDelay(true);
            channel.socket().setSendBufferSize(4 << 20);
            try (TimedSocketChannel link = new TimedSocketChannel(channel, options.peerTimeout())) {
                report = onPlatformThread("lpm-mover-out-" + name, () -> migration.run(link));
            }
        } finally {
            p.migration = null;
        }
        switch (report.outcome()) {
            case MigrationReport.COMPLETED -> depart(p);
            case MigrationReport.IN_DOUBT -> p.state = Partition.State.IN_DOUBT;
            default -> p.state = Partition.State.RUNNING;
        }
        return report;
    }

    private OutgoingMigration.Ownership askTarget(InetSocketAddress target, UUID id) {
        try {
            String outcome = new HostClient(target, 3000).get("/migrations/" + id).path("outcome").asText();
            return switch (outcome) {
                case MigrationLedger.COMMITTED -> OutgoingMigration.Ownership.TARGET_RUNS;
                case MigrationLedger.DISCARDED -> OutgoingMigration.Ownership.TARGET_DISCARDED;
                default -> OutgoingMigration.Ownership.UNDECIDED;
            };
        } catch (IOException e) {
            return OutgoingMigration.Ownership.UNDECIDED;
        }
    }

    boolean cancel(String name, String reason) throws NotFound {
        OutgoingMigration m = partition(name).migration;
        return m != null && m.cancel(reason);
    }

    /** Settles a partition left IN_DOUBT by asking the target again; returns its state afterwards. */
    String recover(String name) throws IOException {
        Partition p = partition(name);
        if (p.state != Partition.State.IN_DOUBT) {
            return p.stateName();
        }
        OutgoingMigration.Ownership o = askTarget(HostClient.parseAddress(p.lastTarget), p.lastMigration);
        switch (o) {
            case TARGET_RUNS -> {
                depart(p);
                return "MOVED";
            }
            case TARGET_DISCARDED -> {
                p.machine.resume();
                p.state = Partition.State.RUNNING;
                return "RUNNING";
            }
            default -> {
                return "IN_DOUBT";
            }
        }
    }

    /** Pauses the partition, writes it to {@code file} and releases it here; on failure it runs on. */
    Snapshots.Written suspend(String name, Path file) throws IOException {
        Partition p = partition(name);
        synchronized (p) {
            if (p.state != Partition.State.RUNNING) {
                throw new Conflict("partition " + name + " is " + p.stateName() + ", not RUNNING");
            }
            p.state = Partition.State.MIGRATING;
        }
        try {
            p.machine.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.state = Partition.State.RUNNING;
            throw new IOException("interrupted");
        }
        Snapshots.Written w;
        try {
            w = Snapshots.write(p.machine, new Hello(UUID.randomUUID(), Hello.Mode.SNAPSHOT, name,
                    p.profile.ramBytes(), p.profile.harts(), JSON.writeValueAsBytes(p.profile)), file);
        } catch (IOException | RuntimeException e) {
            p.machine.resume();
            p.state = Partition.State.RUNNING;
            throw new IOException("suspend failed, the partition runs on: " + e.getMessage(), e);
        }
        depart(p);
        return w;
    }

    /** Resumes a suspended partition from its file on this host. */
    IncomingMigration.Result resume(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NotFound("snapshot " + file + " does not exist on host " + config.name());
        }
        return Snapshots.read(file, incomingHost);
    }

    /**
     * Runs a migration stream on a platform thread of its own and waits for it: a stream is one long burst
     * of blocking socket I/O, which a virtual thread would turn into a park and a poller wake-up per read.
     */
    private static <T> T onPlatformThread(String name, java.util.concurrent.Callable<T> work) throws IOException {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Thread t = Thread.ofPlatform().name(name).daemon().start(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while a migration stream ran");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    // ---- incoming ----

    private void receive(TimedSocketChannel channel) {
        IncomingMigration.Result r = new IncomingMigration(incomingHost).receive(channel);
        if (!r.running()) {
            LOG.log(System.Logger.Level.INFO, "incoming migration of " + r.partition() + " ended: " + r.message());
        }
    }

    private final IncomingMigration.Host incomingHost = new IncomingMigration.Host() {
        @Override
        public Machine prepare(Hello hello) throws IncomingMigration.Refused {
            Profile profile;
            try {
                profile = JSON.readValue(hello.profile(), Profile.class);
                profile.validate();
            } catch (IOException | RuntimeException e) {
                throw new IncomingMigration.Refused("the partition's profile is not valid: " + e.getMessage());
            }
            if (!profile.name().equals(hello.partition()) || profile.ramBytes() != hello.ramBytes()
                    || profile.harts() != hello.harts()) {
                throw new IncomingMigration.Refused("the profile does not match the HELLO (name, memory, harts)");
            }
            try {
                reserve(profile.name(), profile.ramBytes());
            } catch (Conflict c) {
                throw new IncomingMigration.Refused(c.getMessage());
            }
            try {
                saveProfile(profile); // now, not inside the guest's pause at the commit
                Partition p = Partition.build(profile, partitionDirectory(profile.name()), Partition.State.INCOMING);
                incoming.put(hello.migrationId(), p);
                ledger.begin(hello.migrationId());
                return p.machine;
            } catch (IOException | RuntimeException e) {
                deleteProfile(profile.name());
                release(profile.name());
                throw new IncomingMigration.Refused("host " + config.name() + " cannot build " + profile.name() + ": "
                        + e.getMessage());
            }
        }

        @Override
        public void commit(Hello hello, Machine machine) throws IOException {
            Partition p = incoming.remove(hello.migrationId());
            ledger.commit(hello.migrationId()); // recorded before the partition runs
            try {
                p.machine.startRestoredPaused(); // the receiver resumes it once RUNNING is out
                p.state = Partition.State.RUNNING;
                partitions.put(p.profile.name(), p);
                departed.remove(p.profile.name()); // back again: an earlier stay's console is not this one
            } catch (RuntimeException e) {
                ledger.revoke(hello.migrationId());
                p.close();
                deleteProfile(p.profile.name());
                release(p.profile.name());
                throw e;
            }
        }

        @Override
        public void letRun(Hello hello, Machine machine) {
            machine.resume();
        }

        @Override
        public void discard(Hello hello, Machine machine, String reason) {
            Partition p = incoming.remove(hello.migrationId());
            ledger.discard(hello.migrationId());
            if (p != null) {
                p.close();
                deleteProfile(p.profile.name());
                release(p.profile.name());
            }
        }
    };

    private final Map<UUID, Partition> incoming = new ConcurrentHashMap<>();
    /** Consoles of partitions that migrated or were suspended away (their output up to the move). */
    private final Map<String, ConsoleLog> departed = new ConcurrentHashMap<>();

    String migrationOutcome(UUID id) {
        return ledger.outcome(id);
    }

    List<String> partitionNames() {
        return new ArrayList<>(partitions.keySet());
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Partition p : partitions.values()) {
            p.close();
        }
        partitions.clear();
    }

    /** The named thing does not exist (HTTP 404). */
    static final class NotFound extends IOException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** The request conflicts with the host's state (HTTP 409). */
    static final class Conflict extends IOException {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }
}
