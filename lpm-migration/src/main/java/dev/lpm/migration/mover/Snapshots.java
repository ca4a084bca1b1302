package dev.lpm.migration.mover;

import dev.lpm.machine.Machine;
import dev.lpm.migration.state.MachineStateCodec;
import dev.lpm.migration.wire.FrameReader;
import dev.lpm.migration.wire.FrameType;
import dev.lpm.migration.wire.FrameWriter;
import dev.lpm.migration.wire.Hello;
import dev.lpm.migration.wire.Pages;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Inactive mobility: a paused partition written to a file in the migration stream's own format (HELLO in
 * SNAPSHOT mode, every page, the state, COMPLETE) and resumed from it by the same receiver a live migration
 * uses, on this host or another.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /** What a snapshot holds, for the report. */
    public record Written(Path file, long bytes, long pagesSent, long zeroPages) {
    }

    /**
     * Writes the paused {@code machine} to {@code file} (through a temporary file renamed at the end, so a
     * failure never leaves a half-written snapshot under the name). Does not change the machine.
     */
    public static Written write(Machine machine, Hello hello, Path file) throws IOException {
        if (hello.mode() != Hello.Mode.SNAPSHOT) {
            throw new IllegalArgumentException("a snapshot's HELLO is in SNAPSHOT mode");
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        Pages.Counters counters = new Pages.Counters();
        long bytes;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            FrameWriter out = new FrameWriter(os);
            out.writeHeader();
            out.write(FrameType.HELLO, hello.encode());
            Pages.Sender sender = new Pages.Sender(machine.ram(), out, counters, n -> { });
            long pages = machine.ram().dirtyBitmap().pageCount();
            for (long p = 0; p < pages; p++) {
                sender.page(p);
            }
            sender.flush();
            out.write(FrameType.STATE, MachineStateCodec.encode(machine.save()));
            out.write(FrameType.COMPLETE, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(counters.pagesSent).putLong(counters.zeroPages).array());
            bytes = out.bytesWritten();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Written(file, bytes, counters.pagesSent, counters.zeroPages);
    }

    /** Resumes the partition in {@code file} through {@code host} (which starts it on commit). */
    public static IncomingMigration.Result read(Path file, IncomingMigration.Host host) throws IOException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            return new IncomingMigration(host).receive(new FrameReader(is), null);
        }
    }
}
