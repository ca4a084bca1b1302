package dev.lpm.migration.mover;

/**
 * How a migration ended.
 *
 * @param outcome         COMPLETED (the target runs the partition), CANCELLED or FAILED (the source runs it,
 *                        nothing lost) or IN_DOUBT (the source could not learn whether the target runs it, so
 *                        it stays paused: never two copies; {@code lpm recover} settles it)
 * @param message         why, for anything but COMPLETED
 * @param totalMs         from the start to the end
 * @param downtimeMs      the guest's real pause: from pausing on the source until the target confirmed it runs
 * @param rounds          pre-copy rounds, including the final one
 * @param pagesSent       pages sent with their bytes
 * @param zeroPages       zero pages skipped (sent as ranges)
 * @param bytesOnWire     everything written to the target
 * @param throttlePercent the highest throttle applied
 * @param switchover      where the downtime went
 * @param setupMs         from the start until the target accepted the partition (connection, HELLO, the
 *                        target building the board and reserving memory)
 * @param precopyRounds   each pre-copy round while the partition ran
 */
public record MigrationReport(String migrationId, String partition, String outcome, String message, long totalMs,
                              long downtimeMs, int rounds, long pagesSent, long zeroPages, long bytesOnWire,
                              int throttlePercent, long ramBytes, Switchover switchover, long setupMs,
                              java.util.List<Round> precopyRounds) {

    public MigrationReport {
        precopyRounds = java.util.List.copyOf(precopyRounds);
    }

    /**
     * One pre-copy round.
     *
     * @param pages       pages it looked at (all of memory in round 0, the dirty ones after)
     * @param bytes       what it put on the wire
     * @param ms          from its first page until the target acknowledged it
     * @param ackMs       of that, from its last byte until the previous round's acknowledgement was read
     *                    (acknowledgements are collected one round late)
     * @param throttle    the throttle during the round, percent
     */
    public record Round(long pages, long bytes, long ms, long ackMs, int throttle) {
    }

    /**
     * The downtime's parts, in milliseconds.
     *
     * @param pauseMs     stopping the harts at a trace boundary and letting the devices finish in-flight work
     * @param finalPages  pages sent while paused
     * @param stopCopyMs  sending those pages and the state, until the target said READY (it restored them)
     * @param handoverMs  from COMMIT until the target said RUNNING
     */
    public record Switchover(long pauseMs, long finalPages, long stopCopyMs, long handoverMs) {
        static final Switchover NONE = new Switchover(0, 0, 0, 0);
    }
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";
    public static final String FAILED = "FAILED";
    public static final String IN_DOUBT = "IN_DOUBT";

    public boolean completed() {
        return COMPLETED.equals(outcome);
    }
}
