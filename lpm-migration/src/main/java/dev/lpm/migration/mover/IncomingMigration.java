package dev.lpm.migration.mover;

import dev.lpm.machine.Machine;
import dev.lpm.machine.Machine.MachineState;
import dev.lpm.migration.state.MachineStateCodec;
import dev.lpm.migration.state.StateFormatException;
import dev.lpm.migration.wire.Frame;
import dev.lpm.migration.wire.FrameReader;
import dev.lpm.migration.wire.FrameType;
import dev.lpm.migration.wire.FrameWriter;
import dev.lpm.migration.wire.Hello;
import dev.lpm.migration.wire.Pages;
import dev.lpm.migration.wire.StreamFormatException;
import dev.lpm.migration.wire.TimedSocketChannel;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The receiving side of a migration stream or snapshot file. The stream is hostile: every frame is checked
 * by the reader, every page index by {@link Pages.Receiver}, the state by its codec and against the HELLO,
 * and the order of steps is enforced:
 * {@code HELLO (PAGES | ZERO_PAGES)* ROUND_END ... (PAGES | ZERO_PAGES)* STATE COMPLETE}, then, live, COMMIT.
 * Nothing runs until the last step: a stream that fails anywhere leaves only a discarded, never-started
 * machine behind, and the host's other partitions are untouched.
 */
public final class IncomingMigration {

    /** What the receiving host does at each step. */
    public interface Host {
        /**
         * Checks that this host can take the partition (name free, memory, devices reachable) and builds its
         * machine, not started.
         *
         * @throws Refused with the reason the source's user will read
         */
        Machine prepare(Hello hello) throws Refused;

        /**
         * Ownership has passed to this host: record that durably, then start the restored machine's harts
         * paused ({@link Machine#startRestoredPaused()}), ready for {@link #letRun}. After a failure here the
         * host must record the migration as discarded.
         */
        void commit(Hello hello, Machine machine) throws Exception;

        /**
         * The source has been told the partition runs here (or is gone; the commit stands either way): let the
         * committed machine run ({@link Machine#resume()}). Called after the reply, so that the new harts do not
         * compete with it for the host's cores.
         */
        void letRun(Hello hello, Machine machine);

        /** The migration failed or was cancelled before its commit: forget the machine. */
        void discard(Hello hello, Machine machine, String reason);
    }

    /** The host cannot take the partition. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }
    }

    /** How a receive ended: the partition's name (once known), whether it runs here, and why not. */
    public record Result(String partition, boolean running, String message) {
    }

    private final Host host;

    public IncomingMigration(Host host) {
        this.host = host;
    }

    /** Receives a live migration on a connection to the source (its timeout bounds every wait for the source). */
    public Result receive(TimedSocketChannel link) {
        return receive(new FrameReader(link), new FrameWriter(link));
    }

    /**
     * Receives one partition.
     *
     * @param out the connection back to the source for a live migration, or null for a snapshot file
     */
    public Result receive(FrameReader in, FrameWriter out) {
        Hello hello = null;
        Machine machine = null;
        try {
            in.readHeader();
            hello = Hello.decode(in.read());
            Hello.Mode expected = out == null ? Hello.Mode.SNAPSHOT : Hello.Mode.LIVE;
            if (hello.mode() != expected) {
                throw new StreamFormatException("a " + hello.mode() + " stream where a " + expected + " stream was due");
            }
            try {
                machine = host.prepare(hello);
            } catch (Refused r) {
                reply(out, FrameType.ERROR, r.getMessage());
                return new Result(hello.partition(), false, r.getMessage());
            }
            machine.pause(); // guest time stands still until the partition starts here
            WarmUp.roundTrip(machine); // the switch-over's code, run now rather than inside the guest's pause
            reply(out, FrameType.ACCEPT, null);
            receiveMemoryAndState(in, out, hello, machine);
            if (out != null) {
                reply(out, FrameType.READY, null);
                Frame f = in.read();
                if (f.type() == FrameType.CANCEL) {
                    throw new Discard("cancelled by the source: " + f.text());
                }
                if (f.type() != FrameType.COMMIT) {
                    throw new StreamFormatException(f.type() + " where COMMIT was due");
                }
            }
            Machine started = machine;
            machine = null; // from here the host owns it, whatever happens
            try {
                host.commit(hello, started);
            } catch (Exception e) {
                reply(out, FrameType.ERROR, "the target could not start the partition: " + e.getMessage());
                return new Result(hello.partition(), false, "could not start: " + e.getMessage());
            }
            try {
                reply(out, FrameType.RUNNING, null);
            } finally {
                host.letRun(hello, started);
            }
            return new Result(hello.partition(), true, "");
        } catch (Discard d) {
            discard(hello, machine, d.getMessage());
            return new Result(hello == null ? null : hello.partition(), false, d.getMessage());
        } catch (IOException | RuntimeException | InterruptedException e) {
            String why = e instanceof StreamFormatException ? "refused the stream: " + e.getMessage()
                    : e instanceof IOException ? "the stream from the source failed: " + e.getMessage()
                    : "receiving failed: " + e;
            if (!(e instanceof StreamFormatException && e.getMessage().startsWith("stream truncated"))) {
                try {
                    reply(out, FrameType.ERROR, why);
                } catch (IOException ignored) {
                    // the source is gone; it rolls back on its own
                }
            }
            discard(hello, machine, why);
            return new Result(hello == null ? null : hello.partition(), false, why);
        }
    }

    private void receiveMemoryAndState(FrameReader in, FrameWriter out, Hello hello, Machine machine)
            throws IOException {
        Pages.Receiver pages = new Pages.Receiver(machine.ram());
        int round = 0;
        MachineState state = null;
        while (true) {
            // until the state arrives, PAGES frames go straight into guest memory inside the reader
            Frame f = in.read(state == null ? pages : null);
            switch (f.type()) {
                case PAGES -> requireNoState(state, f);
                case ZERO_PAGES -> {
                    requireNoState(state, f);
                    pages.zeroPages(f);
                }
                case ROUND_END -> {
                    requireNoState(state, f);
                    ByteBuffer b = f.payload();
                    if (f.length() != 12 || b.getInt(0) != round) {
                        throw new StreamFormatException("ROUND_END for round " + (f.length() >= 4 ? b.getInt(0) : -1)
                                + " where round " + round + " was due");
                    }
                    reply(out, FrameType.ROUND_ACK, ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .putInt(round).array());
                    round++;
                }
                case STATE -> {
                    requireNoState(state, f);
                    state = decodeState(f, hello);
                }
                case COMPLETE -> {
                    if (state == null) {
                        throw new StreamFormatException("COMPLETE before the partition's state");
                    }
                    try {
                        machine.restore(state);
                    } catch (IllegalArgumentException e) {
                        throw new StreamFormatException("the state does not fit the partition: " + e.getMessage());
                    }
                    return;
                }
                case CANCEL -> throw new Discard("cancelled by the source: " + f.text());
                case ERROR -> throw new Discard("the source gave up: " + f.text());
                default -> throw new StreamFormatException(f.type() + " is not expected while memory arrives");
            }
        }
    }

    private static void requireNoState(MachineState state, Frame f) throws StreamFormatException {
        if (state != null) {
            throw new StreamFormatException(f.type() + " after the partition's state (only COMPLETE may follow it)");
        }
    }

    private static MachineState decodeState(Frame f, Hello hello) throws StreamFormatException {
        MachineState state;
        try {
            state = MachineStateCodec.decode(java.util.Arrays.copyOf(f.bytes(), f.length()));
        } catch (StateFormatException e) {
            throw new StreamFormatException("bad partition state: " + e.getMessage(), e);
        }
        if (state.config().ramBytes() != hello.ramBytes() || state.config().harts() != hello.harts()) {
            throw new StreamFormatException("the state describes " + (state.config().ramBytes() >> 20) + " MiB and "
                    + state.config().harts() + " harts, the HELLO " + (hello.ramBytes() >> 20) + " MiB and "
                    + hello.harts());
        }
        return state;
    }

    private void discard(Hello hello, Machine machine, String why) {
        if (hello != null) {
            host.discard(hello, machine, why);
        }
    }

    private static void reply(FrameWriter out, FrameType type, Object payload) throws IOException {
        if (out == null) {
            return;
        }
        if (payload instanceof String s) {
            out.writeText(type, s);
        } else if (payload instanceof byte[] b) {
            out.write(type, b);
        } else {
            out.write(type);
        }
        out.flush();
    }

    private static final class Discard extends IOException {
        private static final long serialVersionUID = 1L;

        Discard(String why) {
            super(why);
        }
    }
}
