package dev.lpm.migration.mover;

import java.time.Duration;

/**
 * How a live migration runs.
 *
 * @param downtimeBudget      the longest pause the guest may see; switch-over waits until the rest fits
 * @param maxBandwidth        bytes per second the stream may use, 0 for no limit
 * @param autoConverge        hold the harts back when the guest dirties memory faster than the link carries it
 * @param maxDuration         give up (the source keeps running) when pre-copy has not converged by then
 * @param peerTimeout         the longest wait for any acknowledgement from the target
 * @param ownershipResolution how long the source keeps asking the target after a lost confirmation
 */
public record MigrationOptions(Duration downtimeBudget, long maxBandwidth, boolean autoConverge,
                               Duration maxDuration, Duration peerTimeout, Duration ownershipResolution) {
    public static final Duration DEFAULT_DOWNTIME = Duration.ofMillis(300);

    public MigrationOptions {
        if (downtimeBudget.toMillis() < 1 || downtimeBudget.toMillis() > 60_000) {
            throw new IllegalArgumentException("downtime budget must be 1 ms to 60 s, not " + downtimeBudget.toMillis() + " ms");
        }
        if (maxBandwidth < 0) {
            throw new IllegalArgumentException("bandwidth limit must not be negative");
        }
        if (maxBandwidth != 0 && maxBandwidth < (1 << 20)) {
            throw new IllegalArgumentException("bandwidth limit below 1 MiB/s would never move a partition");
        }
    }

    public static MigrationOptions defaults() {
        return new MigrationOptions(DEFAULT_DOWNTIME, 0, true, Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    public MigrationOptions withDowntime(Duration d) {
        return new MigrationOptions(d, maxBandwidth, autoConverge, maxDuration, peerTimeout, ownershipResolution);
    }

    public MigrationOptions withMaxBandwidth(long bytesPerSecond) {
        return new MigrationOptions(downtimeBudget, bytesPerSecond, autoConverge, maxDuration, peerTimeout,
                ownershipResolution);
    }

    public MigrationOptions withPeerTimeout(Duration d) {
        return new MigrationOptions(downtimeBudget, maxBandwidth, autoConverge, maxDuration, d, ownershipResolution);
    }
}
