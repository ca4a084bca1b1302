package dev.lpm.machine;

import dev.lpm.devices.uart.BufferSerial;

import java.time.Duration;
import java.util.OptionalInt;

/** Runs a raw firmware image the way {@code qemu-system-riscv64 -machine virt -bios FILE} does. */
public final class BareMetal {
    private BareMetal() {
    }

    /**
     * Loads {@code firmware} at 0x8000_0000 in a fresh machine with {@code ramBytes} of RAM, starts hart 0
     * there in M-mode with a0 = 0 and a1 = the device tree's address, and runs until the guest powers off
     * or {@code timeout} passes.
     */
    public static RunResult run(byte[] firmware, long ramBytes, Duration timeout) {
        return run(firmware, MachineConfig.of(ramBytes), timeout);
    }

    /** As {@link #run(byte[], long, Duration)}, on a machine configured as {@code config}. */
    public static RunResult run(byte[] firmware, MachineConfig config, Duration timeout) {
        BufferSerial console = new BufferSerial();
        try (Machine m = new Machine(config, console)) {
            m.loadFirmware(firmware);
            m.start();
            OptionalInt code = m.awaitPowerOff(timeout);
            m.stop();
            return new RunResult(code.orElse(-1), console.output(), code.isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running firmware", e);
        }
    }
}
