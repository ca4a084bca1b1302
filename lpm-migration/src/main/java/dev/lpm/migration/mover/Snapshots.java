package dev.lpm.migration.mover;

import dev.lpm.machine.Machine;
import dev.lpm.migration.state.MachineStateCodec;
import dev.lpm.migration.wire.FrameReader;
import dev.lpm.migration.wire.FrameType;
import dev.lpm.migration.wire.FrameWriter;
import dev.lpm.migration.wire.Hello;
import dev.lpm.migration.wire.Pages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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
        Path tmp = file.resolveSibling(file.getFileName() + ".partial");
        Written w;
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            w = write(machine, hello, new FrameWriter(channel), file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return w;
    }

    /** Writes the paused {@code machine} as a snapshot stream to {@code out}. Does not change the machine. */
    private static Written write(Machine machine, Hello hello, FrameWriter out, Path name) throws IOException {
        if (hello.mode() != Hello.Mode.SNAPSHOT) {
            throw new IllegalArgumentException("a snapshot's HELLO is in SNAPSHOT mode");
        }
        Pages.Counters counters = new Pages.Counters();
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
        out.flush();
        return new Written(name, out.bytesWritten(), counters.pagesSent, counters.zeroPages);
    }

    /** Resumes the partition in {@code file} through {@code host} (which starts it on commit). */
    public static IncomingMigration.Result read(Path file, IncomingMigration.Host host) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new IncomingMigration(host).receive(new FrameReader(channel), null);
        }
    }
}
