package dev.lpm.cli.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a cpio archive in the "newc" (SVR4, no checksum) format that the Linux kernel unpacks as an initramfs.
 *
 * <p>Each entry is a 110-byte ASCII header ({@code 070701} and thirteen 8-digit hex fields), the NUL-terminated
 * name padded to a multiple of four, then the data padded to a multiple of four; the archive ends with the entry
 * {@code TRAILER!!!}. Paths are relative ({@code usr/bin/busybox}); a leading {@code /} is dropped. Missing parent
 * directories are added (mode 0755) before an entry, since the kernel's unpacker creates none. Owners are root,
 * times are zero, inode numbers count up from 1, so the same entries always give the same bytes.
 */
public final class CpioWriter implements Closeable {
    /** File type bits of {@code st_mode}. */
    public static final int S_IFDIR = 0040000, S_IFREG = 0100000, S_IFLNK = 0120000, S_IFCHR = 0020000;

    private static final String MAGIC = "070701";
    private static final String TRAILER = "TRAILER!!!";

    private final OutputStream out;
    private final Set<String> paths = new HashSet<>();
    private long written;
    private int nextInode = 1;
    private boolean finished;

    public CpioWriter(OutputStream out) {
        this.out = out;
    }

    /** Adds a directory with permission bits {@code perm} (e.g. 0755, 01777). */
    public void directory(String path, int perm) throws IOException {
        String p = normalize(path);
        parents(p);
        entry(p, S_IFDIR | (perm & 07777), 2, 0, 0, new byte[0]);
    }

    /** Adds a regular file. */
    public void file(String path, int perm, byte[] data) throws IOException {
        String p = normalize(path);
        parents(p);
        entry(p, S_IFREG | (perm & 07777), 1, 0, 0, data);
    }

    /** Adds a symbolic link {@code path -> target} (the target is stored as the entry's data, unterminated). */
    public void symlink(String path, String target) throws IOException {
        if (target.isEmpty()) {
            throw new IllegalArgumentException("empty symlink target for " + path);
        }
        String p = normalize(path);
        parents(p);
        entry(p, S_IFLNK | 0777, 1, 0, 0, target.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a character device node (e.g. {@code dev/console}, 5:1). */
    public void charDevice(String path, int perm, int major, int minor) throws IOException {
        String p = normalize(path);
        parents(p);
        entry(p, S_IFCHR | (perm & 07777), 1, major, minor, new byte[0]);
    }

    /** Whether an entry with this path was written (explicitly or as a parent). */
    public boolean contains(String path) {
        return paths.contains(normalize(path));
    }

    /** Entries written so far (parents included, trailer not). */
    public int entries() {
        return nextInode - 1;
    }

    /** Bytes written so far (uncompressed archive size once finished). */
    public long size() {
        return written;
    }

    /** Writes the trailer; further entries are refused. Idempotent. */
    public void finish() throws IOException {
        if (!finished) {
            header(TRAILER, 0, 0, 1, 0, 0, 0);
            finished = true;
            out.flush();
        }
    }

    /** Finishes the archive and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    private void parents(String path) throws IOException {
        int slash = path.lastIndexOf('/');
        if (slash > 0) {
            String parent = path.substring(0, slash);
            if (!paths.contains(parent)) {
                parents(parent);
                entry(parent, S_IFDIR | 0755, 2, 0, 0, new byte[0]);
            }
        }
    }

    private void entry(String path, int mode, int nlink, int rdevMajor, int rdevMinor, byte[] data) throws IOException {
        if (finished) {
            throw new IllegalStateException("cpio archive already finished");
        }
        if (!paths.add(path)) {
            throw new IllegalArgumentException("duplicate cpio entry " + path);
        }
        header(path, nextInode++, mode, nlink, rdevMajor, rdevMinor, data.length);
        out.write(data);
        written += data.length;
        pad();
    }

    private void header(String name, int inode, int mode, int nlink, int rdevMajor, int rdevMinor, long size)
            throws IOException {
        if (size > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " is too large for a newc cpio archive (" + size + " bytes)");
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(110).append(MAGIC);
        for (long field : new long[] {inode, mode, 0 /* uid */, 0 /* gid */, nlink, 0 /* mtime */, size,
                0 /* devmajor */, 0 /* devminor */, rdevMajor, rdevMinor, nameBytes.length + 1, 0 /* check */}) {
            h.append(hex8(field));
        }
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(nameBytes);
        out.write(0);
        written += 110 + nameBytes.length + 1;
        pad();
    }

    private void pad() throws IOException {
        while (written % 4 != 0) {
            out.write(0);
            written++;
        }
    }

    private static String hex8(long v) {
        String s = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(8 - s.length()) + s;
    }

    static String normalize(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".")) {
            throw new IllegalArgumentException("cpio entry needs a name below the root, not '" + path + "'");
        }
        for (String part : p.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("bad cpio entry path '" + path + "'");
            }
        }
        return p;
    }
}
