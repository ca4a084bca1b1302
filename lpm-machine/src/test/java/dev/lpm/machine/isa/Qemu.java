package dev.lpm.machine.isa;

import dev.lpm.machine.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a firmware image under {@code qemu-system-riscv64 -machine virt -bios}, the reference lpm is compared
 * with. QEMU is killed when the timeout passes. A missing QEMU is a test failure that names the Debian package.
 */
public final class Qemu {
    public static final String BINARY = "qemu-system-riscv64";
    public static final String PACKAGE = "qemu-system-misc";
    /**
     * The reference hart: QEMU 7.2's default {@code rv64} CPU without the extensions lpm does not implement, so
     * that CSR WARL read-backs, misa and illegal-instruction behaviour match. Those extensions are the hypervisor
     * (H, which also forces VS bits in mideleg/mip and adds mstatus.MPV/GVA), Sstc (stimecmp, menvcfg.STCE) and
     * the bit-manipulation extensions Zba/Zbb/Zbc/Zbs. Everything else (PMP with 16 entries, Sv39/Sv48/Sv57,
     * debug triggers, 16 HPM counters) is QEMU's default.
     */
    public static final String CPU = "rv64,h=false,sstc=false,zba=false,zbb=false,zbc=false,zbs=false";

    private Qemu() {
    }

    /** Runs {@code firmware} with {@code ramBytes} of RAM; console is what the guest wrote to its UART. */
    public static RunResult run(byte[] firmware, long ramBytes, Duration timeout) {
        Path image;
        try {
            image = Files.createTempFile("lpm-qemu-", ".bin");
            Files.write(image, firmware);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(image, ramBytes, timeout);
        } finally {
            try {
                Files.deleteIfExists(image);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private static RunResult run(Path image, long ramBytes, Duration timeout) {
        List<String> command = List.of(BINARY, "-machine", "virt", "-cpu", CPU, "-smp", "1", "-m", (ramBytes >> 20) + "M",
                "-nographic", "-monitor", "none", "-serial", "stdio", "-bios", image.toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError(BINARY + " is not installed (or not on PATH): install the Debian package "
                    + PACKAGE + " (apt-get install " + PACKAGE + ")", e);
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(console);
            } catch (IOException ignored) {
                // process killed
            }
        });
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(Duration.ofSeconds(10));
            byte[] out;
            synchronized (console) {
                out = console.toByteArray();
            }
            return new RunResult(finished ? process.exitValue() : -1, out, !finished);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running QEMU", e);
        }
    }
}
