package dev.lpm.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The target side's decisions on incoming migrations, answered to a source that lost its confirmation.
 * "committed" is written before the partition starts, so a host process that restarts still
 * knows; without that record a migration never ran here ("discarded"). One in progress is "pending".
 */
final class MigrationLedger {
    static final String COMMITTED = "committed";
    static final String DISCARDED = "discarded";
    static final String PENDING = "pending";

    private final Path directory;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    MigrationLedger(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    void begin(UUID id) {
        pending.add(id);
    }

    /**
     * Records the commit; the partition may start only after this returns. The record outlives this process
     * (it is in the file system); it is not forced to disk, because a crash of the whole machine takes the
     * partition with it: a source told "discarded" then resumes the only copy.
     */
    void commit(UUID id) throws IOException {
        Files.writeString(directory.resolve(id.toString()), COMMITTED, StandardCharsets.US_ASCII);
        pending.remove(id);
    }

    /** The partition failed to start after its commit record: it runs nowhere here, so the source may resume. */
    void revoke(UUID id) {
        try {
            Files.writeString(directory.resolve(id.toString()), DISCARDED, StandardCharsets.US_ASCII);
        } catch (IOException ignored) {
            // the record still says committed and the source releases its copy: lost as in a crash of this host
        }
        pending.remove(id);
    }

    void discard(UUID id) {
        pending.remove(id);
    }

    String outcome(UUID id) {
        if (pending.contains(id)) {
            return PENDING;
        }
        try {
            String s = Files.readString(directory.resolve(id.toString()), StandardCharsets.US_ASCII).strip();
            return COMMITTED.equals(s) ? COMMITTED : DISCARDED;
        } catch (IOException e) {
            return DISCARDED;
        }
    }
}
