package dev.lpm.machine.fdt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dtc and QEMU for the device-tree tests. */
final class Tools {

    /** What a tool printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private Tools() {
    }

    static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    /** {@code dtc -I dtb -O dts} on {@code dtb}, with dtc's default checks (warnings) on. */
    static Run dtc(Path dir, byte[] dtb) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "tree", ".dtb");
        Files.write(file, dtb);
        return run(dir, List.of("dtc", "-I", "dtb", "-O", "dts", "-o", "-", file.toString()));
    }
}
