package dev.lpm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Assembles the benchmark kernels checked in next to this class ({@code dev/lpm/bench/*.S}) into flat
 * images linked at 0x8000_0000, with Debian's binutils-riscv64-linux-gnu (as, ld, objcopy).
 */
public final class GuestPrograms {
    /** The integer kernel (xorshift, multiply, table load/store, branch). */
    public static final String INTEGER_LOOP = "integer-loop.S";
    /** The store-heavy kernel that rewrites a buffer round-robin. */
    public static final String STORE_LOOP = "store-loop.S";

    private static final String LINK_SCRIPT = """
            OUTPUT_ARCH(riscv)
            ENTRY(_start)
            SECTIONS {
              . = 0x80000000;
              .text : { *(.text.init) *(.text .text.*) }
              .rodata : { *(.rodata .rodata.*) }
              . = ALIGN(4096);
              .data : { *(.data .data.*) }
            }
            """;

    private GuestPrograms() {
    }

    /** The flat binary of kernel {@code name}, each {@code symbols} entry passed as {@code --defsym}. */
    public static byte[] assemble(String name, Map<String, Long> symbols) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lpm-bench");
            try (InputStream in = GuestPrograms.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("no benchmark kernel " + name);
                }
                Files.write(dir.resolve("kernel.S"), in.readAllBytes());
            }
            Files.writeString(dir.resolve("link.ld"), LINK_SCRIPT, StandardCharsets.UTF_8);
            List<String> as = new ArrayList<>(List.of("riscv64-linux-gnu-as", "-march=rv64gc", "-mabi=lp64d"));
            symbols.forEach((k, v) -> as.add("--defsym=" + k + "=0x" + Long.toHexString(v)));
            as.addAll(List.of("-o", "kernel.o", "kernel.S"));
            run(dir, as);
            run(dir, List.of("riscv64-linux-gnu-ld", "--no-relax", "--no-warn-rwx-segments", "-T", "link.ld",
                    "-o", "kernel.elf", "kernel.o"));
            run(dir, List.of("riscv64-linux-gnu-objcopy", "-O", "binary", "kernel.elf", "kernel.bin"));
            return Files.readAllBytes(dir.resolve("kernel.bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.getFirst()
                    + " is missing: apt-get install binutils-riscv64-linux-gnu", e);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
