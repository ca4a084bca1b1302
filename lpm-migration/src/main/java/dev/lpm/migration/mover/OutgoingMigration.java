package dev.lpm.migration.mover;

import dev.lpm.machine.Machine;
import dev.lpm.memory.DirtyBitmap;
import dev.lpm.migration.state.MachineStateCodec;
import dev.lpm.migration.wire.Frame;
import dev.lpm.migration.wire.FrameReader;
import dev.lpm.migration.wire.FrameType;
import dev.lpm.migration.wire.FrameWriter;
import dev.lpm.migration.wire.Hello;
import dev.lpm.migration.wire.Pages;
import dev.lpm.migration.wire.TimedSocketChannel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The source side of a pre-copy live migration. Round 0 sends all of memory while the partition runs; each
 * later round re-sends the pages dirtied since the previous harvest. When the estimated rest (dirty bytes ÷
 * measured bandwidth) fits the downtime budget, the partition is paused, the rest goes with the CPU and
 * device state, and ownership passes in three steps:
 * <ol>
 *   <li>the target restores everything, paused, and answers READY;</li>
 *   <li>the source sends COMMIT, the point of no return: before it, any failure resumes the source;</li>
 *   <li>the target records the commit durably, starts the partition and answers RUNNING; the source then
 *       releases its copy.</li>
 * </ol>
 * The target runs the partition only after reading COMMIT, and decides exactly once, on that one connection,
 * between running (COMMIT read) and discarding (the connection failed first). If RUNNING does not arrive,
 * the source cannot know which happened, so it stays paused and asks the target's host for its decision:
 * it resumes only when told the target discarded the partition. So there are never two running copies; if
 * the target's host stays unreachable the partition waits, paused, in doubt ({@code lpm recover}).
 *
 * <p>An outgoing migration never changes the source's memory or state; harvesting dirty bits only restarts
 * the tracking.
 */
public final class OutgoingMigration {
    /** What the target's host says about a migration after the source lost the confirmation. */
    public enum Ownership {
        TARGET_RUNS, TARGET_DISCARDED, UNDECIDED
    }

    /** Asks the target's host out of band (a fresh connection); UNDECIDED when it cannot be reached. */
    public interface OwnershipQuery {
        Ownership ask(UUID migrationId);
    }

    public interface Listener {
        void progress(Progress progress);
    }

    private static final long PAGE = Pages.PAGE_SIZE;
    /** Below this expected pause a switch-over happens at once, shrinking or not. */
    private static final long SMALL_DOWNTIME_MS = 10;
    private static final int MAX_ROUNDS = 1000;

    private final Machine machine;
    private final Hello hello;
    private final MigrationOptions options;
    private final Listener listener;
    private final OwnershipQuery ownership;
    private volatile String cancelReason;
    private volatile boolean committed;

    private final Pages.Counters counters = new Pages.Counters();
    private FrameWriter out;
    private FrameReader in;
    private long startNanos;
    private int round;
    private int maxThrottle;
    private long pauseNanos = -1;
    private boolean paused;
    private MigrationReport.Switchover switchover = MigrationReport.Switchover.NONE;
    // bandwidth: bytes and time of all rounds so far
    private long roundBytes;
    private long roundNanos;
    private long lastRoundNanos = 1;
    private long lastRoundSent;
    private long lastAckNanos;
    private int unacknowledgedRound = -1;
    private int highDirtyRounds;
    private long setupNanos = -1;
    private final java.util.List<MigrationReport.Round> rounds = new java.util.ArrayList<>();
    // pacing (--max-bandwidth)
    private long paceStartNanos;
    private long pacedBytes;

    public OutgoingMigration(Machine machine, Hello hello, MigrationOptions options, Listener listener,
                             OwnershipQuery ownership) {
        this.machine = machine;
        this.hello = hello;
        this.options = options;
        this.listener = listener;
        this.ownership = ownership;
    }

    public UUID id() {
        return hello.migrationId();
    }

    /**
     * Asks the migration to stop; it rolls back (the source runs on) unless COMMIT was already sent.
     *
     * @return false when it is too late: ownership is passing to the target
     */
    public boolean cancel(String reason) {
        cancelReason = reason;
        return !committed;
    }

    /**
     * Runs the migration over a connection to the target's mover service (its timeout bounds every wait for
     * the target); never throws.
     */
    public MigrationReport run(TimedSocketChannel link) {
        return run(new FrameReader(link), new FrameWriter(link));
    }

    /** Runs the migration over a connection to the target's mover service; never throws. */
    public MigrationReport run(InputStream input, OutputStream output) {
        return run(new FrameReader(input), new FrameWriter(output));
    }

    private MigrationReport run(FrameReader reader, FrameWriter writer) {
        startNanos = System.nanoTime();
        out = writer;
        in = reader;
        try {
            WarmUp.once(hello.harts());
            out.writeHeader();
            out.write(FrameType.HELLO, hello.encode());
            out.flush();
            expect(FrameType.ACCEPT, "the target refused the partition");
            setupNanos = System.nanoTime() - startNanos;
            long[] rest = precopy();
            return switchOver(rest);
        } catch (Cancelled c) {
            rollback();
            try {
                out.writeText(FrameType.CANCEL, c.getMessage());
                out.flush();
            } catch (IOException ignored) {
                // the target discards on a broken connection just as on CANCEL
            }
            return report(MigrationReport.CANCELLED, "cancelled: " + c.getMessage() + "; the partition runs on the source");
        } catch (IOException | RuntimeException e) {
            if (committed) {
                return resolveOwnership(describe(e));
            }
            rollback();
            return report(MigrationReport.FAILED, describe(e) + "; the partition runs on the source");
        }
    }

    private long[] precopy() throws IOException {
        DirtyBitmap dirty = machine.ram().dirtyBitmap();
        dirty.harvest(); // round 0 sends everything; from here every store marks its page for the next round
        long pageCount = dirty.pageCount();
        Pages.Sender sender = new Pages.Sender(machine.ram(), out, counters, this::pace);
        long roundStart = System.nanoTime();
        long wire0 = out.bytesWritten();
        for (long p = 0; p < pageCount; p++) {
            if ((p & 255) == 0) {
                checkCancel();
            }
            sender.page(p);
        }
        endRound(sender, roundStart, wire0, pageCount);
        long previousDirty = Long.MAX_VALUE;
        while (true) {
            checkCancel();
            if (System.nanoTime() - startNanos > options.maxDuration().toNanos() || round >= MAX_ROUNDS) {
                throw new IOException("pre-copy did not converge within " + options.maxDuration().toSeconds()
                        + " s and " + round + " rounds");
            }
            long[] bits = dirty.harvest();
            long n = DirtyBitmap.count(bits);
            long dirtyRate = n * PAGE * 1_000_000_000L / lastRoundNanos;
            long expected = expectedDowntimeMs(n);
            listener.progress(progress("precopy", n, dirtyRate, expected));
            boolean shrinking = n < previousDirty * 7 / 10;
            if (expected <= options.downtimeBudget().toMillis()
                    && (expected <= SMALL_DOWNTIME_MS || !shrinking || round >= 30)) {
                return bits;
            }
            previousDirty = n;
            if (options.autoConverge()) {
                converge(n * PAGE);
            }
            roundStart = System.nanoTime();
            wire0 = out.bytesWritten();
            sender.bitmap(bits);
            endRound(sender, roundStart, wire0, n);
        }
    }

    /**
     * Auto-converge. When the guest dirtied more than half of what the last round carried two rounds
     * running (as QEMU's auto-converge waits for), or more than the link carries, the harts are held back
     * 50 %; every later round that is still high halves the share they run (75, 88, 94, 97, 99 %), so that
     * every migration converges within a few rounds. A dirty set that fills the whole working set measures
     * only a lower bound of the guest's rate, hence halving rather than a computed share.
     */
    private void converge(long dirtiedBytes) {
        boolean high = dirtiedBytes > lastRoundSent / 2;
        highDirtyRounds = high ? highDirtyRounds + 1 : 0;
        boolean overrun = dirtiedBytes * 1_000_000_000L / lastRoundNanos > bandwidth();
        int t = machine.throttlePercent();
        if (high && (t > 0 || highDirtyRounds >= 2 || overrun)) {
            int next = Math.min(99, t == 0 ? 50 : 100 - (100 - t) / 2);
            machine.setThrottle(next);
            maxThrottle = Math.max(maxThrottle, next);
        }
    }

    /**
     * Ends a round: ROUND_END goes out, and the acknowledgement of the round before it is collected. Each
     * acknowledgement is read one round late (the last one before the pause), so the sender never idles
     * while the target catches up: the next harvest and round start while this one is still in flight.
     */
    private void endRound(Pages.Sender sender, long roundStart, long wire0, long pages) throws IOException {
        sender.flush();
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(round)
                .putLong(counters.pagesSent);
        out.write(FrameType.ROUND_END, b.array());
        out.flush();
        long sentAt = System.nanoTime();
        awaitPendingAck();
        unacknowledgedRound = round;
        long now = System.nanoTime();
        lastAckNanos = now - sentAt;
        lastRoundNanos = Math.max(1, now - roundStart);
        lastRoundSent = out.bytesWritten() - wire0;
        roundBytes += lastRoundSent;
        roundNanos += lastRoundNanos;
        rounds.add(new MigrationReport.Round(pages, lastRoundSent, lastRoundNanos / 1_000_000, lastAckNanos / 1_000_000,
                machine.throttlePercent()));
        round++;
    }

    /** Reads the acknowledgement still due, if any: the target has every page of that round. */
    private void awaitPendingAck() throws IOException {
        if (unacknowledgedRound < 0) {
            return;
        }
        Frame ack = expect(FrameType.ROUND_ACK, "the target failed during round " + unacknowledgedRound);
        if (ack.length() != 4 || ack.payload().getInt(0) != unacknowledgedRound) {
            throw new IOException("the target acknowledged the wrong round");
        }
        unacknowledgedRound = -1;
    }

    private long bandwidth() {
        return roundNanos == 0 ? 100L << 20 : Math.max(1, roundBytes * 1_000_000_000L / roundNanos);
    }

    private long expectedDowntimeMs(long dirtyPages) {
        long transfer = dirtyPages * (PAGE + 4) * 1000 / bandwidth();
        // the state and the READY/COMMIT/RUNNING exchange: about two acknowledgement round trips
        return transfer + 2 * lastAckNanos / 1_000_000 + 1;
    }

    private MigrationReport switchOver(long[] rest) throws IOException {
        awaitPendingAck(); // before the pause: the target is not behind when the guest stops
        checkCancel();
        pauseNanos = System.nanoTime();
        try {
            machine.pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pausing the partition");
        }
        paused = true;
        long pausedAt = System.nanoTime();
        machine.setThrottle(0); // whoever runs it next runs it at full speed
        long[] last = machine.ram().dirtyBitmap().harvest();
        for (int w = 0; w < rest.length; w++) {
            rest[w] |= last[w];
        }
        Pages.Sender sender = new Pages.Sender(machine.ram(), out, counters, this::pace);
        long n = sender.bitmap(rest);
        sender.flush();
        listener.progress(progress("switchover", n, 0, expectedDowntimeMs(0)));
        byte[] state = MachineStateCodec.encode(machine.save());
        out.write(FrameType.STATE, state);
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(counters.pagesSent)
                .putLong(counters.zeroPages);
        out.write(FrameType.COMPLETE, b.array());
        out.flush();
        round++;
        expect(FrameType.READY, "the target could not restore the partition");
        long readyAt = System.nanoTime();
        switchover = new MigrationReport.Switchover((pausedAt - pauseNanos) / 1_000_000, n,
                (readyAt - pausedAt) / 1_000_000, 0);
        checkCancel();
        committed = true; // from the next byte on, the source never resumes on its own
        out.write(FrameType.COMMIT);
        out.flush();
        expect(FrameType.RUNNING, "the target did not confirm it runs the partition");
        switchover = new MigrationReport.Switchover(switchover.pauseMs(), n, switchover.stopCopyMs(),
                (System.nanoTime() - readyAt) / 1_000_000);
        MigrationReport r = report(MigrationReport.COMPLETED, "");
        listener.progress(progress("done", 0, 0, r.downtimeMs()));
        return r;
    }

    private MigrationReport resolveOwnership(String why) {
        long deadline = System.nanoTime() + options.ownershipResolution().toNanos();
        while (true) {
            Ownership o = ownership.ask(hello.migrationId());
            if (o == Ownership.TARGET_RUNS) {
                return report(MigrationReport.COMPLETED, "confirmation lost (" + why + "); the target's host says it runs"
                        + " the partition");
            }
            if (o == Ownership.TARGET_DISCARDED) {
                rollback();
                return report(MigrationReport.FAILED, "the target discarded the partition after the commit was lost ("
                        + why + "); the partition runs on the source");
            }
            if (System.nanoTime() > deadline) {
                return report(MigrationReport.IN_DOUBT, "confirmation lost (" + why + ") and the target's host cannot say"
                        + " whether it runs the partition; it stays paused here so that it never runs twice (lpm recover)");
            }
            LockSupport.parkNanos(500_000_000L);
        }
    }

    private void rollback() {
        machine.setThrottle(0);
        if (paused) {
            paused = false;
            machine.resume();
        }
    }

    private Frame expect(FrameType type, String failure) throws IOException {
        Frame f = in.read();
        if (f.type() == FrameType.ERROR) {
            throw new IOException(failure + ": " + f.text());
        }
        if (f.type() != type) {
            throw new IOException("protocol error: the target sent " + f.type() + " where " + type + " was due");
        }
        return f;
    }

    private void checkCancel() throws Cancelled {
        String r = cancelReason;
        if (r != null && !committed) {
            throw new Cancelled(r);
        }
    }

    /** Holds the stream to {@code --max-bandwidth}: sleeps until the frame's bytes are within the budget. */
    private void pace(long bytes) {
        if (options.maxBandwidth() == 0) {
            return;
        }
        long now = System.nanoTime();
        if (paceStartNanos == 0) {
            paceStartNanos = now;
        }
        pacedBytes += bytes;
        long due = paceStartNanos + pacedBytes * 1_000_000_000L / options.maxBandwidth();
        if (due > now) {
            LockSupport.parkNanos(due - now);
        }
    }

    private Progress progress(String phase, long dirtyPages, long dirtyRate, long expected) {
        return new Progress(phase, round, out.bytesWritten(), counters.pagesSent, counters.zeroPages, dirtyPages,
                dirtyRate, bandwidth(), expected, machine.throttlePercent(), elapsedMs());
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private MigrationReport report(String outcome, String message) {
        long downtime = pauseNanos < 0 || !MigrationReport.COMPLETED.equals(outcome) && !MigrationReport.IN_DOUBT.equals(outcome)
                ? 0 : (System.nanoTime() - pauseNanos) / 1_000_000;
        return new MigrationReport(hello.migrationId().toString(), hello.partition(), outcome, message, elapsedMs(),
                downtime, round, counters.pagesSent, counters.zeroPages, out.bytesWritten(), maxThrottle,
                hello.ramBytes(), switchover, setupNanos < 0 ? 0 : setupNanos / 1_000_000, rounds);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof java.net.SocketTimeoutException) {
            return "the target stopped answering";
        }
        if (e instanceof java.net.SocketException && m != null) {
            return "the connection to the target failed (" + m + ")";
        }
        return m != null ? m : e.toString();
    }

    private static final class Cancelled extends IOException {
        private static final long serialVersionUID = 1L;

        Cancelled(String reason) {
            super(reason, null);
        }
    }
}
