package dev.lpm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lpm.host.HostClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code lpm migrate}: moves a running partition between hosts while it runs. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Moves a running partition from one host to another while it runs (pre-copy live migration).",
                "Shows progress on a terminal and a report at the end; --json prints the report as one JSON line. "
                        + "Exit code 0 when the partition runs on the target; 1 when it runs on the source (cancelled "
                        + "or failed: nothing lost); 3 when it is in doubt (paused on the source: lpm recover).",
                "Ctrl-C during the pre-copy cancels the migration."})
final class MigrateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "PARTITION")
    String partition;

    @Option(names = "--from", required = true, paramLabel = "HOST", description = "the host it runs on")
    String from;

    @Option(names = "--to", paramLabel = "HOST", description = "the host to move it to")
    String to;

    @Option(names = "--downtime-ms", paramLabel = "N", defaultValue = "300",
            description = "the longest pause the guest may see (default: ${DEFAULT-VALUE})")
    long downtimeMs;

    @Option(names = "--max-bandwidth", paramLabel = "RATE", description = "limit the stream, e.g. 100M (bytes/s)")
    String maxBandwidth;

    @Option(names = "--json", description = "print only the final report, as one JSON line")
    boolean json;

    @Option(names = "--cancel", description = "cancel the partition's migration in progress instead")
    boolean cancel;

    @Override
    public Integer call() throws Exception {
        HostClient source = Hosts.client(from);
        if (cancel) {
            boolean done = source.post("/partitions/" + partition + "/cancel", Map.of("reason", "cancelled by lpm migrate --cancel"))
                    .path("cancelled").asBoolean();
            System.out.println(done ? "cancelling the migration of " + partition
                    : "no migration of " + partition + " can be cancelled now");
            return done ? 0 : 1;
        }
        if (to == null) {
            throw new Main.UsageError("migrate needs --to HOST");
        }
        if (downtimeMs < 1 || downtimeMs > 60_000) {
            throw new Main.UsageError("--downtime-ms must be 1 to 60000");
        }
        var target = Hosts.resolve(to);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("target", target.getAddress().getHostAddress() + ":" + target.getPort());
        request.put("downtimeMs", downtimeMs);
        request.put("maxBandwidth", maxBandwidth == null ? 0 : Sizes.parse(maxBandwidth));
        MigrationView view = new MigrationView(System.out, System.console() != null && !json);
        MigrationView.Answer answer = new MigrationView.Answer(json ? null : view);
        JsonNode report = answer.report(source.stream("/partitions/" + partition + "/migrate", request, answer));
        if (json) {
            System.out.println(JSON.writeValueAsString(report));
        } else {
            view.report(report);
        }
        return switch (report.path("outcome").asText()) {
            case "COMPLETED" -> 0;
            case "IN_DOUBT" -> 3;
            default -> 1;
        };
    }
}
