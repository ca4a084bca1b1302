package dev.lpm.migration.mover;

import dev.lpm.devices.uart.BufferSerial;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import dev.lpm.machine.TestGuests;
import dev.lpm.migration.wire.Hello;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test partitions running the bare-metal dirtier guest, and a receiving host that records what it did. */
final class Partitions {
    static final MachineConfig CONFIG = new MachineConfig(64L << 20, 1, null, MachineConfig.Execution.TRANSLATE_HOT);
    private static final Pattern HEARTBEAT = Pattern.compile("HB ([0-9a-f]{16})\n");

    private Partitions() {
    }

    /** A machine with its console. */
    record Running(Machine machine, BufferSerial console) implements AutoCloseable {
        @Override
        public void close() {
            machine.close();
        }

        /** Waits until the guest printed {@code count} more heartbeats than now; returns the last counter. */
        long awaitHeartbeats(int count, Duration timeout) throws InterruptedException {
            int start = heartbeats().size();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (heartbeats().size() < start + count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no heartbeats within " + timeout + "; console: " + console.outputText());
                }
                Thread.sleep(20);
            }
            List<Long> h = heartbeats();
            return h.get(h.size() - 1);
        }

        List<Long> heartbeats() {
            List<Long> out = new ArrayList<>();
            Matcher m = HEARTBEAT.matcher(console.outputText());
            while (m.find()) {
                out.add(Long.parseUnsignedLong(m.group(1), 16));
            }
            return out;
        }

        boolean sawLostWrite() {
            return console.outputText().contains("BAD");
        }
    }

    /** A new, not started machine of {@link #CONFIG}. */
    static Running build() {
        BufferSerial console = new BufferSerial();
        return new Running(new Machine(CONFIG, console), console);
    }

    /** The dirtier, booted and printing. */
    static Running started() throws InterruptedException {
        return started(TestGuests.dirtier());
    }

    /** {@code firmware} (a guest printing heartbeats), booted and printing. */
    static Running started(byte[] firmware) throws InterruptedException {
        Running r = build();
        r.machine().loadFirmware(firmware);
        r.machine().start();
        r.awaitHeartbeats(2, Duration.ofSeconds(60));
        return r;
    }

    static Hello hello(Hello.Mode mode) {
        return new Hello(UUID.randomUUID(), mode, "p1", CONFIG.ramBytes(), CONFIG.harts(), "{}".getBytes());
    }

    /** A receiving host that builds {@link #CONFIG} machines and records the outcome. */
    static final class Host implements IncomingMigration.Host {
        volatile Running built;
        volatile boolean committed;
        volatile String discarded;
        /** Start the machine on commit (false: leave it restored and paused, to compare memory). */
        boolean startOnCommit = true;
        String refuse;

        @Override
        public Machine prepare(Hello hello) throws IncomingMigration.Refused {
            if (refuse != null) {
                throw new IncomingMigration.Refused(refuse);
            }
            built = build();
            return built.machine();
        }

        @Override
        public void commit(Hello hello, Machine machine) {
            committed = true;
            if (startOnCommit) {
                machine.startRestoredPaused();
            }
        }

        @Override
        public void letRun(Hello hello, Machine machine) {
            if (startOnCommit) {
                machine.resume();
            }
        }

        @Override
        public void discard(Hello hello, Machine machine, String reason) {
            discarded = reason;
            if (built != null) {
                built.close();
            }
        }
    }
}
