package dev.lpm.cli;

import dev.lpm.devices.uart.StdioSerial;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import dev.lpm.memory.Ram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code lpm run --firmware FILE}: boots a partition from a raw firmware image, console on stdio. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a partition with its console on this terminal and exits with the guest's exit code.",
                "The firmware is loaded at 0x80000000; hart 0 starts there in M-mode with a0 = hart id and "
                        + "a1 = the device tree's address, as qemu-system-riscv64 -machine virt -bios FILE does."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--firmware", required = true, paramLabel = "FILE", description = "raw firmware image (.bin)")
    Path firmware;

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", defaultValue = "128M",
            description = "guest RAM, 16M to 16G (default: ${DEFAULT-VALUE})")
    String memory;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "stop the partition after this many seconds (exit code 124)")
    Long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        long ramBytes = Sizes.parse(memory);
        if (ramBytes < Ram.MIN_SIZE || ramBytes > Ram.MAX_SIZE || ramBytes % 4096 != 0) {
            throw new Main.UsageError("--memory " + memory + " is out of range: give 16M to 16G");
        }
        byte[] image = readFirmware(firmware, ramBytes);
        try (StdioSerial console = new StdioSerial(System.in, System.out);
             Machine machine = new Machine(MachineConfig.of(ramBytes), console)) {
            try {
                machine.loadFirmware(image);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
            machine.start();
            Duration limit = timeoutSeconds == null ? Duration.ofDays(365 * 100L) : Duration.ofSeconds(timeoutSeconds);
            OptionalInt code = machine.awaitPowerOff(limit);
            machine.stop();
            console.flush();
            if (code.isEmpty()) {
                System.err.println("lpm: partition stopped after " + timeoutSeconds + " s without powering off");
                return 124;
            }
            return code.getAsInt();
        }
    }

    private static byte[] readFirmware(Path file, long ramBytes) {
        try {
            if (Files.isDirectory(file)) {
                throw new Main.UsageError("firmware " + file + " is a directory, not an image file");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new Main.UsageError("firmware " + file + " is empty");
            }
            if (size > ramBytes) {
                throw new Main.UsageError("firmware " + file + " (" + size + " bytes) is larger than the partition's "
                        + (ramBytes >> 20) + " MiB of RAM");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Main.UsageError("firmware " + file + " does not exist");
        } catch (IOException e) {
            throw new Main.UsageError("cannot read firmware " + file + ": " + e.getMessage());
        }
    }
}
