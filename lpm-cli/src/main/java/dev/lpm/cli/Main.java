package dev.lpm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lpm} command. */
@Command(name = "lpm", mixinStandardHelpOptions = true, version = "lpm 0.1.0",
        description = "Live partition mobility: RISC-V partitions on the JVM that move between hosts while they run.",
        subcommands = {RunCommand.class, ImageCommand.class, HostCommand.class, PartitionCommand.class,
                MigrateCommand.class, SuspendCommands.Suspend.class, SuspendCommands.Resume.class,
                SuspendCommands.Recover.class, DemoCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; errors are one clear line on stderr, no stack trace. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("lpm: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return e instanceof UsageError ? 2 : 1;
        });
        return cl.execute(args);
    }

    /** A wrong argument or unusable input file: exit code 2. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
