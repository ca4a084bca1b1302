package dev.lpm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** Inactive mobility and recovery: {@code lpm suspend}, {@code lpm resume}, {@code lpm recover}. */
final class SuspendCommands {
    private SuspendCommands() {
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Pauses a partition, writes it to a file (the migration stream's format) and releases it "
                    + "from its host; if writing fails it runs on.")
    static final class Suspend implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PARTITION")
        String partition;

        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--file", required = true, description = "where to write it (on the host)")
        Path file;

        @Override
        public Integer call() throws Exception {
            JsonNode w = Hosts.client(host).post("/partitions/" + partition + "/suspend",
                    Map.of("file", file.toAbsolutePath().toString()));
            System.out.println("partition " + partition + " suspended to " + w.path("file").asText() + " ("
                    + MigrationView.mb(w.path("bytes").asLong()) + ", " + w.path("zeroPages").asLong() + " zero pages skipped)");
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes a suspended partition from its file on a host (the same or another).")
    static final class Resume implements Callable<Integer> {
        @Option(names = "--host", required = true)
        String host;

        @Option(names = "--file", required = true)
        Path file;

        @Override
        public Integer call() throws Exception {
            JsonNode p = Hosts.client(host).post("/resume", Map.of("file", file.toAbsolutePath().toString()));
            System.out.println("partition " + p.path("name").asText() + " " + p.path("state").asText() + " on " + host);
            return 0;
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = "Settles a partition left in doubt by a lost confirmation: asks the target's host and resumes "
                    + "it here only if the target discarded it.")
    static final class Recover implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PARTITION")
        String partition;

        @Option(names = "--host", required = true)
        String host;

        @Override
        public Integer call() throws Exception {
            String state = Hosts.client(host).post("/partitions/" + partition + "/recover", null).path("state").asText();
            System.out.println("partition " + partition + ": " + state);
            return "IN_DOUBT".equals(state) ? 3 : 0;
        }
    }
}
