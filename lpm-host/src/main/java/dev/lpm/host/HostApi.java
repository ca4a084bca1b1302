package dev.lpm.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lpm.migration.mover.MigrationOptions;
import dev.lpm.migration.mover.MigrationReport;
import dev.lpm.migration.mover.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static dev.lpm.host.HostDaemon.JSON;

/**
 * The host's control API (JSON over HTTP):
 * <pre>
 * GET  /host                              the host: name, memory limit and use, partitions
 * GET  /partitions                        every partition and its state
 * POST /partitions                        create and boot a partition from a profile
 * GET  /partitions/NAME                   one partition
 * POST /partitions/NAME/stop              stop and forget it
 * GET  /partitions/NAME/console?offset=N  what its console printed from byte N (text)
 * POST /partitions/NAME/console           type the body into its console
 * POST /partitions/NAME/migrate           {"target": "ADDR:PORT", "downtimeMs": 300, "maxBandwidth": 0}:
 *                                         progress lines {"progress": ...}, then {"report": ...}
 * POST /partitions/NAME/cancel            cancel its migration
 * POST /partitions/NAME/suspend           {"file": PATH}: write it to a file and release it here
 * POST /partitions/NAME/recover           settle a migration left in doubt
 * POST /resume                            {"file": PATH}: resume a suspended partition here
 * GET  /migrations/ID                     this host's decision on an incoming migration
 * </pre>
 */
final class HostApi {
    private final HostDaemon host;

    HostApi(HostDaemon host) {
        this.host = host;
    }

    void serve(InputStream in, byte[] prefix, OutputStream out) throws IOException {
        Http.Request r;
        try {
            r = Http.read(in, prefix);
        } catch (Http.BadRequest e) {
            error(out, 400, e.getMessage());
            return;
        }
        try {
            route(r, out);
        } catch (HostDaemon.NotFound e) {
            error(out, 404, e.getMessage());
        } catch (HostDaemon.Conflict | IllegalStateException e) {
            error(out, 409, e.getMessage());
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            error(out, 400, e.getMessage());
        } catch (IOException | RuntimeException e) {
            error(out, 500, e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private void route(Http.Request r, OutputStream out) throws IOException {
        String[] seg = r.path().replaceAll("^/+|/+$", "").split("/");
        String m = r.method();
        if (m.equals("GET") && r.path().equals("/host")) {
            ObjectNode n = JSON.createObjectNode().put("name", host.config().name())
                    .put("memoryLimit", host.config().memoryLimit()).put("memoryUsed", host.memoryUsed());
            n.set("partitions", JSON.valueToTree(host.partitionNames()));
            ok(out, n);
        } else if (seg[0].equals("partitions") && seg.length == 1) {
            if (m.equals("GET")) {
                ArrayNode a = JSON.createArrayNode();
                host.partitions().forEach(p -> a.add(describe(p)));
                ok(out, a);
            } else if (m.equals("POST")) {
                Profile profile = JSON.readValue(r.body(), Profile.class);
                write(out, 201, describe(host.create(profile)));
            } else {
                error(out, 400, m + " " + r.path() + " is not part of the API");
            }
        } else if (seg[0].equals("partitions") && seg.length == 2 && m.equals("GET")) {
            ok(out, describe(host.partition(seg[1])));
        } else if (seg[0].equals("partitions") && seg.length == 3) {
            partitionAction(seg[1], seg[2], r, out);
        } else if (m.equals("POST") && r.path().equals("/resume")) {
            var result = host.resume(Path.of(body(r).path("file").asText()));
            if (!result.running()) {
                error(out, 409, "resume failed: " + result.message());
            } else {
                ok(out, describe(host.partition(result.partition())));
            }
        } else if (m.equals("GET") && seg[0].equals("migrations") && seg.length == 2) {
            UUID id;
            try {
                id = UUID.fromString(seg[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + seg[1] + "' is not a migration id");
            }
            ok(out, JSON.createObjectNode().put("id", id.toString()).put("outcome", host.migrationOutcome(id)));
        } else {
            error(out, 404, m + " " + r.path() + " is not part of the API");
        }
    }

    private void partitionAction(String name, String action, Http.Request r, OutputStream out) throws IOException {
        switch (r.method() + " " + action) {
            case "POST stop" -> {
                host.stop(name);
                ok(out, JSON.createObjectNode().put("name", name).put("state", "STOPPED"));
            }
            case "GET console" -> {
                long offset = r.param("offset") == null ? 0 : Long.parseLong(r.param("offset"));
                ConsoleLog.Chunk c = host.console(name).read(offset);
                Http.head(out, 200, "text/plain; charset=utf-8");
                out.write(c.bytes());
            }
            case "POST console" -> {
                host.partition(name).console.input(r.body());
                ok(out, JSON.createObjectNode().put("typed", r.body().length));
            }
            case "POST migrate" -> migrate(name, body(r), out);
            case "POST cancel" -> ok(out, JSON.createObjectNode().put("cancelled",
                    host.cancel(name, body(r).path("reason").asText("cancelled by the user"))));
            case "POST suspend" -> {
                var w = host.suspend(name, Path.of(body(r).path("file").asText()));
                ok(out, JSON.createObjectNode().put("file", w.file().toString()).put("bytes", w.bytes())
                        .put("pagesSent", w.pagesSent()).put("zeroPages", w.zeroPages()));
            }
            case "POST recover" -> ok(out, JSON.createObjectNode().put("name", name).put("state", host.recover(name)));
            default -> error(out, 404, r.method() + " /partitions/" + name + "/" + action + " is not part of the API");
        }
    }

    /** Streams progress lines while the migration runs; a client that goes away cancels it. */
    private void migrate(String name, JsonNode req, OutputStream out) throws IOException {
        String target = req.path("target").asText(null);
        if (target == null) {
            throw new IllegalArgumentException("migrate needs a target ADDR:PORT");
        }
        MigrationOptions options = MigrationOptions.defaults()
                .withDowntime(Duration.ofMillis(req.path("downtimeMs").asLong(MigrationOptions.DEFAULT_DOWNTIME.toMillis())))
                .withMaxBandwidth(req.path("maxBandwidth").asLong(0));
        var address = HostClient.parseAddress(target);
        host.partition(name); // 404 before the stream starts
        Http.head(out, 200, "application/x-ndjson");
        out.flush();
        MigrationReport report;
        ProgressLines lines = new ProgressLines(out, () -> {
            try {
                host.cancel(name, "the lpm migrate command went away");
            } catch (HostDaemon.NotFound ignored) {
                // already gone
            }
        });
        try {
            report = host.migrate(name, address, options, lines::offer);
        } catch (IOException | RuntimeException e) {
            lines.finish();
            // the answer's head is out already: the error travels as a line of the stream
            line(out, JSON.createObjectNode().put("error", e.getMessage() != null ? e.getMessage() : e.toString()));
            return;
        }
        lines.finish();
        line(out, JSON.createObjectNode().set("report", JSON.valueToTree(report)));
    }

    /**
     * Writes a migration's progress lines on a thread of their own: the migration thread only queues them,
     * because one of them is reported while the partition is paused, and encoding JSON and writing to the
     * client must not lengthen that pause.
     */
    private static final class ProgressLines {
        private static final Progress END = new Progress("end", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        private final java.util.concurrent.LinkedBlockingQueue<Progress> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        private final Thread writer;

        ProgressLines(OutputStream out, Runnable clientGone) {
            writer = Thread.ofVirtual().name("lpm-progress").start(() -> {
                boolean gone = false;
                try {
                    for (Progress p = queue.take(); p != END; p = queue.take()) {
                        if (!gone) {
                            try {
                                line(out, JSON.createObjectNode().set("progress", JSON.valueToTree(p)));
                            } catch (IOException e) {
                                gone = true;
                                clientGone.run();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void offer(Progress p) {
            queue.add(p);
        }

        /** Waits until every queued line is written. */
        void finish() {
            queue.add(END);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void line(OutputStream out, JsonNode n) throws IOException {
        out.write(JSON.writeValueAsBytes(n));
        out.write('\n');
        out.flush();
    }

    private static JsonNode body(Http.Request r) throws IOException {
        return r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static ObjectNode describe(Partition p) {
        ObjectNode n = JSON.createObjectNode().put("name", p.profile.name()).put("state", p.stateName())
                .put("memoryMiB", p.profile.memoryMiB()).put("harts", p.profile.harts())
                .put("throttlePercent", p.machine.throttlePercent());
        n.set("profile", JSON.valueToTree(p.profile));
        return n;
    }

    private static void ok(OutputStream out, JsonNode n) throws IOException {
        write(out, 200, n);
    }

    private static void write(OutputStream out, int status, JsonNode n) throws IOException {
        Http.head(out, status, "application/json");
        out.write(JSON.writeValueAsBytes(n));
        out.write('\n');
        out.flush();
    }

    private static void error(OutputStream out, int status, String message) {
        try {
            Http.head(out, status, "application/json");
            out.write(JSON.writeValueAsBytes(JSON.createObjectNode().put("error", message)));
            out.write('\n');
            out.flush();
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
