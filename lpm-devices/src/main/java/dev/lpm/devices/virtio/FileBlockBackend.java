package dev.lpm.devices.virtio;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A raw disk image in a host file, read and written with positional {@link FileChannel} calls (safe from
 * several threads at once). The size is taken when the file is opened and does not follow later changes to
 * the file. A read-only backend opens the file for reading only, and its writes fail.
 */
public final class FileBlockBackend implements BlockBackend {

    private final Path path;
    private final FileChannel channel;
    private final boolean readOnly;
    private final long size;

    /**
     * Opens {@code path}, which must exist.
     *
     * @param readOnly open for reading only; every write then fails with an {@link IOException}
     */
    public FileBlockBackend(Path path, boolean readOnly) throws IOException {
        this.path = path;
        this.readOnly = readOnly;
        this.channel = readOnly
                ? FileChannel.open(path, StandardOpenOption.READ)
                : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            this.size = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public void read(long position, ByteBuffer destination) throws IOException {
        long at = position;
        while (destination.hasRemaining()) {
            int n = channel.read(destination, at);
            if (n < 0) {
                throw new EOFException(path + ": end of file at " + at);
            }
            at += n;
        }
    }

    @Override
    public void write(long position, ByteBuffer source) throws IOException {
        if (readOnly) {
            throw new IOException(path + " is read-only");
        }
        long at = position;
        while (source.hasRemaining()) {
            at += channel.write(source, at);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!readOnly) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "FileBlockBackend[" + path + (readOnly ? ", read-only" : "") + ", " + size + " bytes]";
    }
}
