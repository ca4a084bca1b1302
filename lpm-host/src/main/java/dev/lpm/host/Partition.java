package dev.lpm.host;

import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.net.TapBackend;
import dev.lpm.devices.net.TapException;
import dev.lpm.devices.virtio.FileBlockBackend;
import dev.lpm.devices.virtio.VirtioBlock;
import dev.lpm.devices.virtio.VirtioNet;
import dev.lpm.devices.virtio.VirtioRng;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import dev.lpm.migration.mover.OutgoingMigration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition on this host: its profile, machine, console and the host resources behind its devices. The
 * devices are attached in the profile's order (entropy, NICs, disks), so every host that builds the profile
 * builds the same board and a migrated state fits it.
 */
final class Partition implements AutoCloseable {
    enum State {
        /** Running (or powered off by its guest: see {@link Machine#poweredOff()}). */
        RUNNING,
        /** Running here while a migration copies it out. */
        MIGRATING,
        /** Paused after a lost confirmation: whether the target runs it is not known (lpm recover). */
        IN_DOUBT,
        /** Being received, not yet committed: not running anywhere visible to users. */
        INCOMING,
        STOPPED
    }

    final Profile profile;
    final Machine machine;
    final ConsoleLog console;
    private final List<AutoCloseable> resources;
    volatile State state;
    volatile OutgoingMigration migration;
    /** For IN_DOUBT: where it went and under which migration id. */
    volatile String lastTarget;
    volatile java.util.UUID lastMigration;

    private Partition(Profile profile, Machine machine, ConsoleLog console, List<AutoCloseable> resources, State state) {
        this.profile = profile;
        this.machine = machine;
        this.console = console;
        this.resources = resources;
        this.state = state;
    }

    /**
     * Builds the partition's machine and opens its devices' host resources; nothing is loaded or started.
     *
     * @throws IllegalArgumentException when this host cannot provide a device (a disk missing or read-only,
     *                                  a TAP interface it cannot open)
     */
    static Partition build(Profile profile, Path directory, State state) throws IOException {
        profile.validate();
        Files.createDirectories(directory);
        List<AutoCloseable> resources = new ArrayList<>();
        ConsoleLog console = new ConsoleLog(directory.resolve("console.log"));
        resources.add(console);
        Machine machine = null;
        try {
            machine = new Machine(new MachineConfig(profile.ramBytes(), profile.harts(),
                    profile.kernel() == null ? null : profile.append() == null ? "console=ttyS0" : profile.append(),
                    MachineConfig.Execution.fromSystemProperty()), console);
            if (profile.kernel() != null) {
                machine.attach(new VirtioRng());
                for (Profile.Nic nic : profile.networks()) {
                    TapBackend tap;
                    try {
                        tap = TapBackend.open(nic.tap());
                    } catch (TapException e) {
                        throw new IllegalArgumentException("network " + nic.tap() + ": " + e.getMessage());
                    }
                    resources.add(tap);
                    machine.attach(new VirtioNet(MacAddress.parse(nic.mac()), tap));
                }
                for (String disk : profile.disks()) {
                    FileBlockBackend backend = openDisk(Path.of(disk));
                    resources.add(backend);
                    machine.attach(new VirtioBlock(backend));
                }
            }
            return new Partition(profile, machine, console, resources, state);
        } catch (RuntimeException | IOException e) {
            if (machine != null) {
                machine.close();
            }
            closeAll(resources);
            throw e;
        }
    }

    private static FileBlockBackend openDisk(Path disk) throws IOException {
        if (!Files.isRegularFile(disk)) {
            throw new IllegalArgumentException("disk image " + disk + " does not exist on this host (or is not a file)");
        }
        if (!Files.isWritable(disk)) {
            throw new IllegalArgumentException("disk image " + disk + " is read-only on this host");
        }
        return new FileBlockBackend(disk, false);
    }

    /** Loads the profile's images and starts the machine from its firmware. */
    void boot() throws IOException {
        machine.loadFirmware(Files.readAllBytes(Path.of(profile.firmware())));
        if (profile.kernel() != null) {
            machine.loadKernel(Files.readAllBytes(Path.of(profile.kernel())));
            if (profile.initrd() != null) {
                machine.loadInitrd(Files.readAllBytes(Path.of(profile.initrd())));
            }
        }
        machine.start();
    }

    String stateName() {
        State s = state;
        return s == State.RUNNING && machine.poweredOff() ? "POWERED_OFF" : s.name();
    }

    @Override
    public void close() {
        state = State.STOPPED;
        machine.close();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // closing a device's host resource: nothing left to save
            }
        }
    }
}
