package dev.lpm.cli.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts lpm as a child JVM the way {@code ./lpm} does: the options of {@code scripts/jvm-options} first. */
final class Launcher {
    private Launcher() {
    }

    /** {@code java @scripts/jvm-options [extra options] -cp <test class path> dev.lpm.cli.Main}, arguments to follow. */
    static List<String> lpmCommand(String... extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + jvmOptions());
        command.addAll(List.of(extraJvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.lpm.cli.Main");
        return command;
    }

    /** The options {@code ./lpm host} and {@code ./lpm demo} add. */
    static String hostOptions() {
        return "@" + jvmOptions().resolveSibling("jvm-options-host");
    }

    static Path jvmOptions() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path options = dir.resolve("scripts/jvm-options");
            if (Files.isRegularFile(options)) {
                return options;
            }
        }
        throw new AssertionError("no scripts/jvm-options above " + Path.of("").toAbsolutePath());
    }
}
