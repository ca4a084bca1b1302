package dev.lpm.machine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Assembles a small bare-metal guest from source text with Debian's binutils-riscv64-linux-gnu. */
public final class GuestAssembler {
    private GuestAssembler() {
    }

    /** Flat binary of {@code source} linked at 0x8000_0000 (text first, then data). */
    public static byte[] assemble(String source) {
        try {
            Path dir = Files.createTempDirectory("lpm-guest");
            Path src = dir.resolve("guest.S");
            Files.writeString(src, source, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("link.ld"),
                    "SECTIONS { . = 0x80000000; .text : { *(.text*) } .data : { *(.data*) *(.rodata*) *(.bss*) } }\n");
            tool(dir, "riscv64-linux-gnu-as", "-march=rv64gc", "-o", "guest.o", "guest.S");
            tool(dir, "riscv64-linux-gnu-ld", "--no-warn-rwx-segments", "-T", "link.ld", "-o", "guest.elf", "guest.o");
            tool(dir, "riscv64-linux-gnu-objcopy", "-O", "binary", "guest.elf", "guest.bin");
            return Files.readAllBytes(dir.resolve("guest.bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void tool(Path dir, String... command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: apt-get install binutils-riscv64-linux-gnu", e);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
