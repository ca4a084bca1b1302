package dev.lpm.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.Locale;

/** Shows a migration: a progress line redrawn on a terminal, then the final report. */
final class MigrationView {
    private final PrintStream out;
    private final boolean terminal;
    private boolean drawn;

    MigrationView(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void progress(JsonNode p) {
        long ram = Math.max(1, p.path("bytesOnWire").asLong());
        String line = String.format(Locale.ROOT, "%-10s round %3d | %9s sent | dirty %9s/s | link %9s/s | downtime ~%4d ms"
                        + " | throttle %2d%%", p.path("phase").asText(), p.path("round").asInt(), mb(ram),
                mb(p.path("dirtyRate").asLong()), mb(p.path("bandwidth").asLong()), p.path("expectedDowntimeMs").asLong(),
                p.path("throttlePercent").asInt());
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    void report(JsonNode r) {
        if (drawn) {
            out.println();
        }
        out.printf(Locale.ROOT, "migration of %s: %s%s%n", r.path("partition").asText(), r.path("outcome").asText(),
                r.path("message").asText().isEmpty() ? "" : " (" + r.path("message").asText() + ")");
        out.printf(Locale.ROOT, "  total time      %8d ms%n", r.path("totalMs").asLong());
        JsonNode sw = r.path("switchover");
        out.printf(Locale.ROOT, "  downtime        %8d ms   (the guest's real pause: %d ms to pause, %d ms for the last %d"
                        + " pages and the state, %d ms to hand over)%n", r.path("downtimeMs").asLong(),
                sw.path("pauseMs").asLong(), sw.path("stopCopyMs").asLong(), sw.path("finalPages").asLong(),
                sw.path("handoverMs").asLong());
        out.printf(Locale.ROOT, "  rounds          %8d   (setup %d ms%s)%n", r.path("rounds").asInt(), r.path("setupMs").asLong(),
                roundTimes(r.path("precopyRounds")));
        out.printf(Locale.ROOT, "  pages sent      %8d%n", r.path("pagesSent").asLong());
        out.printf(Locale.ROOT, "  zero pages      %8d   (skipped: sent as ranges)%n", r.path("zeroPages").asLong());
        out.printf(Locale.ROOT, "  bytes on wire   %8s%n", mb(r.path("bytesOnWire").asLong()));
        out.printf(Locale.ROOT, "  throttle        %8d %%%n", r.path("throttlePercent").asInt());
        out.flush();
    }

    /** ", then round 0: 25830 pages, 101 MB in 232 ms; round 1: ..." for the pre-copy rounds. */
    private static String roundTimes(JsonNode rounds) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rounds.size(); i++) {
            JsonNode round = rounds.get(i);
            b.append(i == 0 ? ", then " : "; ").append(String.format(Locale.ROOT, "round %d: %s in %d ms", i,
                    mb(round.path("bytes").asLong()), round.path("ms").asLong()));
            if (round.path("throttle").asInt() > 0) {
                b.append(" at throttle ").append(round.path("throttle").asInt()).append(" %");
            }
        }
        return b.toString();
    }

    /**
     * Reads a migrate call's streamed answer line by line: progress goes to {@code view} (when not null),
     * the report and any error are kept.
     */
    static final class Answer implements java.util.function.Consumer<String> {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();
        private final MigrationView view;
        JsonNode report;
        String error;

        Answer(MigrationView view) {
            this.view = view;
        }

        @Override
        public void accept(String line) {
            try {
                JsonNode n = JSON.readTree(line);
                if (n.has("progress") && view != null) {
                    view.progress(n.get("progress"));
                } else if (n.has("report")) {
                    report = n.get("report");
                } else if (n.has("error")) {
                    error = n.get("error").asText();
                }
            } catch (java.io.IOException e) {
                error = "unreadable answer from the host: " + line;
            }
        }

        /** The report, or the reason there is none. */
        JsonNode report(int status) {
            if (report == null) {
                throw new IllegalStateException(error != null ? error : "host answered " + status + " without a report");
            }
            return report;
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
