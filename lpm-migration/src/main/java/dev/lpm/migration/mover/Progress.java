package dev.lpm.migration.mover;

/**
 * Where a migration stands, after each pre-copy round and at switch-over.
 *
 * @param phase               "precopy", "switchover" or "done"
 * @param round               pre-copy rounds completed (round 0 sends all of memory)
 * @param bytesOnWire         bytes written to the target so far
 * @param pagesSent           pages sent with their bytes so far
 * @param zeroPages           zero pages sent as ranges so far
 * @param dirtyPages          pages dirtied since the last round (what the next round sends)
 * @param dirtyRate           bytes per second the guest dirtied during the last round
 * @param bandwidth           measured bytes per second of the stream
 * @param expectedDowntimeMs  the pause if the switch-over happened now
 * @param throttlePercent     how much the harts are held back
 * @param elapsedMs           since the migration began
 */
public record Progress(String phase, int round, long bytesOnWire, long pagesSent, long zeroPages, long dirtyPages,
                       long dirtyRate, long bandwidth, long expectedDowntimeMs, int throttlePercent,
                       long elapsedMs) {
}
