package dev.lpm.migration.mover;

import dev.lpm.api.SerialBackend;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import dev.lpm.migration.state.MachineStateCodec;
import dev.lpm.migration.state.StateFormatException;

/**
 * Runs the switch-over's code paths (save, encode, decode, restore) before the partition is paused: the
 * first run of that code in a JVM loads and links its classes, which cost tens of milliseconds of the
 * guest's pause when it happened inside it.
 */
final class WarmUp {
    private static volatile boolean done;

    private WarmUp() {
    }

    /** Once per JVM: a round trip through a small machine of the same hart count (the source side). */
    static void once(int harts) {
        if (done) {
            return;
        }
        SerialBackend quiet = new SerialBackend() {
            @Override
            public void transmit(byte value) {
            }

            @Override
            public void connect(Receiver receiver) {
            }
        };
        try (Machine m = new Machine(new MachineConfig(16L << 20, harts, null, MachineConfig.Execution.INTERPRET),
                quiet)) {
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
