package dev.lpm.machine.isa;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the ISA test programs under the {@code isa} test resource directory and turns each one into a raw
 * firmware image with the Debian cross binutils. The steps are {@code riscv64-linux-gnu-as}, then
 * {@code -ld -T link.ld}, then {@code -objcopy -O binary}, all in a temporary directory.
 *
 * <p>A missing tool is a test failure, never a skip: the message names the Debian package to install.
 */
public final class RiscvToolchain {
    /** Debian package providing the cross assembler, linker and objcopy. */
    public static final String BINUTILS_PACKAGE = "binutils-riscv64-linux-gnu";
    public static final String AS = "riscv64-linux-gnu-as";
    public static final String LD = "riscv64-linux-gnu-ld";
    public static final String OBJCOPY = "riscv64-linux-gnu-objcopy";
    /** Guest RAM the programs run with: QEMU virt's default, 128 MiB. */
    public static final long RAM_BYTES = 128L << 20;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final String DEFAULT_MARCH = "rv64gc";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*#\\s*@(\\w+)\\s*(.*?)\\s*$", Pattern.MULTILINE);
    private static final Pattern TEST_NAME = Pattern.compile("^\\s*TEST_NAME\\s+\"([^\"]*)\"", Pattern.MULTILINE);

    private static final Map<Path, byte[]> BUILT = new ConcurrentHashMap<>();
    private static volatile Path workDir;

    private RiscvToolchain() {
    }

    /**
     * One test program.
     *
     * @param name         the file name without {@code .S}, which is also the name it prints in {@code PASS <name>}
     * @param source       the {@code .S} file
     * @param timeout      per-run timeout ({@code # @timeout <seconds>})
     * @param march        assembler {@code -march} ({@code # @march <isa>})
     * @param differential whether the console output must match QEMU's ({@code # @differential})
     */
    public record Program(String name, Path source, Duration timeout, String march, boolean differential) {
        /** The line a passing run prints. */
        public String passLine() {
            return "PASS " + name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The directory holding {@code harness.S}, {@code link.ld} and the programs. */
    public static Path sourceDir() {
        URL url = RiscvToolchain.class.getClassLoader().getResource("isa/harness.S");
        if (url == null) {
            throw new IllegalStateException("test resource isa/harness.S is not on the class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every program ({@code *.S} except {@code harness.S}), sorted by name. */
    public static List<Program> programs() {
        Path dir = sourceDir();
        try (Stream<Path> files = Files.list(dir)) {
            List<Program> result = new ArrayList<>();
            for (Path p : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                String file = p.getFileName().toString();
                if (!file.endsWith(".S") || file.equals("harness.S")) {
                    continue;
                }
                result.add(describe(p));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Programs marked {@code # @differential}. */
    public static List<Program> differentialPrograms() {
        return programs().stream().filter(Program::differential).toList();
    }

    /** Looks a program up by name (file name without {@code .S}). */
    public static Program program(String name) {
        return programs().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ISA program " + name + ".S in " + sourceDir()));
    }

    static Program describe(Path source) {
        String file = source.getFileName().toString();
        String name = file.substring(0, file.length() - 2);
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String march = DEFAULT_MARCH;
        boolean differential = false;
        Matcher m = DIRECTIVE.matcher(text);
        while (m.find()) {
            switch (m.group(1)) {
                case "differential" -> differential = true;
                case "timeout" -> timeout = Duration.ofSeconds(Long.parseLong(m.group(2)));
                case "march" -> march = m.group(2);
                default -> throw new IllegalStateException(file + ": unknown directive # @" + m.group(1));
            }
        }
        Matcher n = TEST_NAME.matcher(text);
        if (!n.find() || !n.group(1).equals(name)) {
            throw new IllegalStateException(file + ": must declare TEST_NAME \"" + name + "\" (the file name without .S)");
        }
        return new Program(name, source, timeout, march, differential);
    }

    /** Assembles, links and flattens {@code program}; cached per JVM. */
    public static byte[] build(Program program) {
        return BUILT.computeIfAbsent(program.source(), s -> assemble(program)).clone();
    }

    private static byte[] assemble(Program program) {
        Path dir = sourceDir();
        Path out = workDir().resolve(program.name());
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path obj = out.resolve(program.name() + ".o");
        Path elf = out.resolve(program.name() + ".elf");
        Path bin = out.resolve(program.name() + ".bin");
        run(List.of(AS, "-march=" + program.march(), "-mabi=lp64d", "-I", dir.toString(),
                "-o", obj.toString(), program.source().toString()), program);
        run(List.of(LD, "--no-warn-rwx-segments", "-T", dir.resolve("link.ld").toString(),
                "-o", elf.toString(), obj.toString()), program);
        run(List.of(OBJCOPY, "-O", "binary", elf.toString(), bin.toString()), program);
        try {
            return Files.readAllBytes(bin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path of the linked ELF of an already built program (for disassembly when debugging). */
    public static Path elf(Program program) {
        build(program);
        return workDir().resolve(program.name()).resolve(program.name() + ".elf");
    }

    private static void run(List<String> command, Program program) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError(command.getFirst() + " is not installed (or not on PATH): "
                    + "install the Debian package " + BINUTILS_PACKAGE + " (apt-get install " + BINUTILS_PACKAGE + ")", e);
        }
        try (InputStream in = process.getInputStream()) {
            byte[] output = in.readAllBytes();
            if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.getFirst() + " timed out building " + program.source());
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("building " + program.source() + " failed: " + String.join(" ", command)
                        + "\n" + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Path workDir() {
        Path dir = workDir;
        if (dir == null) {
            synchronized (RiscvToolchain.class) {
                dir = workDir;
                if (dir == null) {
                    try {
                        dir = Files.createTempDirectory("lpm-isa-");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Path toDelete = dir;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(toDelete)));
                    workDir = dir;
                }
            }
        }
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
