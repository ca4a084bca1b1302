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
 */
public record MigrationReport(String migrationId, String partition, String outcome, String message, long totalMs,
                              long downtimeMs, int rounds, long pagesSent, long zeroPages, long bytesOnWire,
                              int throttlePercent, long ramBytes) {
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";
    public static final String FAILED = "FAILED";
    public static final String IN_DOUBT = "IN_DOUBT";

    public boolean completed() {
        return COMPLETED.equals(outcome);
    }
}
