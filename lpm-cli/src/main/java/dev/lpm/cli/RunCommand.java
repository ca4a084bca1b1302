package dev.lpm.cli;

import dev.lpm.cli.image.ImageBuildException;
import dev.lpm.cli.image.ImageBuilder;
import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.net.TapBackend;
import dev.lpm.devices.net.TapException;
import dev.lpm.devices.uart.StdioSerial;
import dev.lpm.devices.virtio.VirtioNet;
import dev.lpm.devices.virtio.FileBlockBackend;
import dev.lpm.devices.virtio.VirtioBlock;
import dev.lpm.devices.virtio.VirtioRng;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import dev.lpm.memory.Ram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code lpm run}: boots a partition with its console on this terminal. With {@code --firmware} alone it
 * runs a raw image as QEMU's {@code -bios} does; with {@code --kernel} (or nothing: the default guest image)
 * it boots Linux under OpenSBI with a virtio entropy device and the given disks.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a partition with its console on this terminal and exits with the guest's exit code.",
                "Without options it boots the default guest image (./lpm image build) to a shell; poweroff in the "
                        + "guest ends the run with exit code 0. On a terminal, Ctrl-A X stops the partition.",
                "With --firmware alone the image is loaded at 0x80000000 and hart 0 starts there in M-mode with "
                        + "a0 = hart id and a1 = the device tree's address, as qemu-system-riscv64 -machine virt "
                        + "-bios FILE does."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--firmware", paramLabel = "FILE",
            description = "raw firmware image (.bin); with --kernel the default is the image's OpenSBI fw_jump.bin")
    Path firmware;

    @Option(names = "--kernel", paramLabel = "FILE", description = "RISC-V Linux kernel Image")
    Path kernel;

    @Option(names = "--initrd", paramLabel = "FILE", description = "initramfs")
    Path initrd;

    @Option(names = "--disk", paramLabel = "FILE", description = "raw disk image for a virtio-blk disk (repeatable)")
    List<Path> disks = new ArrayList<>();

    @Option(names = "--append", paramLabel = "ARGS", description = "kernel command line (default: console=ttyS0)")
    String append;

    @Option(names = "--net", paramLabel = "tap:IFNAME",
            description = "a virtio-net NIC on an existing TAP interface (e.g. one on a bridge: ip tuntap add lpm0 "
                    + "mode tap; ip link set lpm0 master br0 up)")
    String net;

    @Option(names = "--mac", paramLabel = "MAC", defaultValue = "52:54:00:12:34:56",
            description = "the NIC's MAC address (default: ${DEFAULT-VALUE})")
    String mac;

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", defaultValue = "512M",
            description = "guest RAM, 16M to 16G (default: ${DEFAULT-VALUE})")
    String memory;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "1",
            description = "harts, 1 to " + MachineConfig.MAX_HARTS + " (default: ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "stop the partition after this many seconds (exit code 124)")
    Long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        long ramBytes = Sizes.parse(memory);
        if (ramBytes < Ram.MIN_SIZE || ramBytes > Ram.MAX_SIZE || ramBytes % 4096 != 0) {
            throw new Main.UsageError("--memory " + memory + " is out of range: give 16M to 16G");
        }
        if (cpus < 1 || cpus > MachineConfig.MAX_HARTS) {
            throw new Main.UsageError("--cpus " + cpus + " is out of range: give 1 to " + MachineConfig.MAX_HARTS);
        }
        boolean linux = kernel != null || firmware == null;
        if (!linux && (initrd != null || !disks.isEmpty() || append != null || net != null)) {
            throw new Main.UsageError("--initrd, --disk, --net and --append need --kernel (or no --firmware: the "
                    + "default image)");
        }
        MacAddress nicAddress = null;
        if (net != null) {
            if (!net.startsWith("tap:") || net.length() == 4) {
                throw new Main.UsageError("--net takes tap:IFNAME, not " + net);
            }
            try {
                nicAddress = MacAddress.parse(mac);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError("--mac " + mac + ": " + e.getMessage());
            }
        }
        if (linux && kernel == null) {
            if (initrd != null) {
                throw new Main.UsageError("--initrd needs --kernel");
            }
            ImageBuilder.GuestImage image;
            try {
                image = ImageBuilder.build(new ImageBuilder.Options(ImageBuilder.defaultCacheBase(), false, false),
                        System.err);
            } catch (ImageBuildException e) {
                throw new Main.UsageError("the default guest image is not available: " + e.getMessage());
            }
            kernel = image.kernel();
            initrd = image.initrd();
            if (firmware == null) {
                firmware = image.firmware();
            }
        }
        if (linux && firmware == null) {
            firmware = ImageBuilder.build(new ImageBuilder.Options(ImageBuilder.defaultCacheBase(), false, false),
                    System.err).firmware();
        }
        byte[] firmwareImage = readImage("firmware", firmware, ramBytes);
        byte[] kernelImage = linux ? readImage("kernel", kernel, ramBytes) : null;
        byte[] initrdImage = linux && initrd != null ? readImage("initrd", initrd, ramBytes) : null;
        String bootargs = linux ? (append != null ? append : "console=ttyS0") : null;
        List<FileBlockBackend> backends = new ArrayList<>();
        TapBackend tap = null;
        try (TerminalSession terminal = TerminalSession.open();
             StdioSerial console = new StdioSerial(terminal.input(), System.out);
             Machine machine = new Machine(new MachineConfig(ramBytes, cpus, bootargs), console)) {
            try {
                machine.loadFirmware(firmwareImage);
                if (linux) {
                    machine.loadKernel(kernelImage);
                    if (initrdImage != null) {
                        machine.loadInitrd(initrdImage);
                    }
                }
                // The images are in guest RAM now. This frame lives as long as the partition, and an
                // interpreted frame keeps its locals reachable: drop them (40 MiB of heap for Debian's).
                firmwareImage = null;
                kernelImage = null;
                initrdImage = null;
                if (linux) {
                    machine.attach(new VirtioRng());
                    if (nicAddress != null) {
                        try {
                            tap = TapBackend.open(net.substring(4));
                        } catch (TapException e) {
                            throw new Main.UsageError("--net " + net + ": " + e.getMessage());
                        }
                        machine.attach(new VirtioNet(nicAddress, tap));
                    }
                    for (Path disk : disks) {
                        FileBlockBackend backend = openDisk(disk);
                        backends.add(backend);
                        machine.attach(new VirtioBlock(backend));
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
            terminal.onQuit(() -> machine.stopFromOutside());
            machine.start();
            Duration limit = timeoutSeconds == null ? Duration.ofDays(365 * 100L) : Duration.ofSeconds(timeoutSeconds);
            OptionalInt code = machine.awaitPowerOff(limit);
            machine.stop();
            console.flush();
            if (code.isEmpty()) {
                System.err.println("\nlpm: partition stopped after " + timeoutSeconds + " s without powering off");
                return 124;
            }
            if (machine.stoppedFromOutside()) {
                System.err.println("\nlpm: partition stopped (Ctrl-A X)");
            }
            return code.getAsInt();
        } finally {
            for (FileBlockBackend b : backends) {
                b.close();
            }
            if (tap != null) {
                tap.close();
            }
        }
    }

    private static FileBlockBackend openDisk(Path disk) {
        if (!Files.exists(disk)) {
            throw new Main.UsageError("disk image " + disk + " does not exist");
        }
        if (!Files.isRegularFile(disk)) {
            throw new Main.UsageError("disk image " + disk + " is not a regular file");
        }
        if (!Files.isWritable(disk)) {
            throw new Main.UsageError("disk image " + disk + " is read-only: a partition's disk must be writable");
        }
        try {
            return new FileBlockBackend(disk, false);
        } catch (AccessDeniedException e) {
            throw new Main.UsageError("disk image " + disk + " cannot be opened for writing");
        } catch (IOException e) {
            throw new Main.UsageError("cannot open disk image " + disk + ": " + e.getMessage());
        }
    }

    private static byte[] readImage(String what, Path file, long ramBytes) {
        try {
            if (Files.isDirectory(file)) {
                throw new Main.UsageError(what + " " + file + " is a directory, not an image file");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new Main.UsageError(what + " " + file + " is empty");
            }
            if (size > ramBytes) {
                throw new Main.UsageError(what + " " + file + " (" + size + " bytes) is larger than the partition's "
                        + (ramBytes >> 20) + " MiB of RAM");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Main.UsageError(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new Main.UsageError("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
