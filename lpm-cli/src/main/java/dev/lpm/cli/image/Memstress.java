package dev.lpm.cli.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code memstress}, lpm's own memory-dirtying guest workload: its C source ({@code lpm-cli/src/main/guest/
 * memstress.c}, shipped in the jar) and its cross-compilation into a static RISC-V program for the image.
 */
public final class Memstress {
    /** Debian's cross compiler (package gcc-riscv64-linux-gnu). */
    public static final String COMPILER = "riscv64-linux-gnu-gcc";
    /** Static: the image has glibc's loader for redis, but memstress should not depend on it. */
    public static final List<String> FLAGS = List.of("-O2", "-static");
    static final String RESOURCE = "guest/memstress.c";

    /** The compiled program and what made it (for image.json). */
    public record Compiled(byte[] program, String compiler) {
    }

    private Memstress() {
    }

    /** The C source as shipped (part of the image cache key). */
    public static String source() {
        try (InputStream in = Memstress.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the lpm jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the source with {@code compiler} and {@link #FLAGS}; the result is a static RISC-V ELF file. */
    public static Compiled compile(String compiler) {
        Path work = null;
        try {
            work = Files.createTempDirectory("lpm-memstress-");
            Path src = Files.writeString(work.resolve("memstress.c"), source());
            Path out = work.resolve("memstress");
            List<String> cmd = new ArrayList<>(List.of(compiler));
            cmd.addAll(FLAGS);
            cmd.addAll(List.of("-o", out.toString(), src.toString()));
            String version = run(List.of(compiler, "-dumpfullversion"), work).strip();
            run(cmd, work);
            byte[] program = Files.readAllBytes(out);
            ElfFile elf = ElfFile.parse(program);
            if (elf.machine() != ElfFile.EM_RISCV || elf.interpreter().isPresent()) {
                throw new ImageBuildException(compiler + " did not make a static RISC-V program of memstress.c");
            }
            return new Compiled(program, compiler + " " + version + " " + String.join(" ", FLAGS));
        } catch (IOException e) {
            throw new ImageBuildException("cannot compile memstress.c: " + e.getMessage(), e);
        } finally {
            if (work != null) {
                ImageBuilder.deleteTree(work);
            }
        }
    }

    /** Runs a compiler command; its output, or a one-line error naming what is missing. */
    private static String run(List<String> cmd, Path dir) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ImageBuildException(cmd.getFirst() + " is missing: the image's memstress is compiled with it "
                    + "(Debian package gcc-riscv64-linux-gnu; scripts/setup.sh installs it)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImageBuildException("interrupted while compiling memstress.c");
        }
        if (p.exitValue() != 0) {
            throw new ImageBuildException(String.join(" ", cmd) + " failed (exit code " + p.exitValue() + "): "
                    + out.strip());
        }
        return out;
    }
}
