package dev.lpm.cli.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A tiny newc cpio reader for the tests: checks the format strictly while it parses. */
final class CpioReader {
    record Entry(String name, int inode, int mode, int uid, int gid, int nlink, long mtime, int rdevMajor,
                 int rdevMinor, byte[] data) {
        int type() {
            return mode & 0170000;
        }

        boolean isDir() {
            return type() == CpioWriter.S_IFDIR;
        }

        boolean isFile() {
            return type() == CpioWriter.S_IFREG;
        }

        boolean isSymlink() {
            return type() == CpioWriter.S_IFLNK;
        }

        String target() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private CpioReader() {
    }

    static Map<String, Entry> readGzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return read(in.readAllBytes());
        }
    }

    /** Entries by name, in archive order; fails on a malformed archive or a missing trailer. */
    static Map<String, Entry> read(byte[] archive) throws IOException {
        Map<String, Entry> out = new LinkedHashMap<>();
        ByteArrayInputStream in = new ByteArrayInputStream(archive);
        long pos = 0;
        while (true) {
            if (pos % 4 != 0) {
                throw new IOException("header not 4-byte aligned at " + pos);
            }
            byte[] h = in.readNBytes(110);
            if (h.length != 110) {
                throw new IOException("archive ends without TRAILER!!!");
            }
            String hs = new String(h, StandardCharsets.US_ASCII);
            if (!hs.startsWith("070701")) {
                throw new IOException("bad magic at " + pos + ": " + hs.substring(0, 6));
            }
            long[] f = new long[13];
            for (int i = 0; i < 13; i++) {
                String field = hs.substring(6 + 8 * i, 14 + 8 * i);
                if (!field.matches("[0-9A-F]{8}")) {
                    throw new IOException("bad header field '" + field + "' at " + pos);
                }
                f[i] = Long.parseLong(field, 16);
            }
            int nameSize = (int) f[11];
            byte[] name = in.readNBytes(nameSize);
            if (name.length != nameSize || name[nameSize - 1] != 0) {
                throw new IOException("name not NUL-terminated at " + pos);
            }
            pos += 110 + nameSize;
            pos += skipPad(in, pos);
            String n = new String(name, 0, nameSize - 1, StandardCharsets.UTF_8);
            byte[] data = in.readNBytes((int) f[6]);
            if (data.length != f[6]) {
                throw new IOException("truncated data of " + n);
            }
            pos += data.length;
            pos += skipPad(in, pos);
            if (n.equals("TRAILER!!!")) {
                if (in.available() != 0) {
                    throw new IOException(in.available() + " bytes after the trailer");
                }
                return out;
            }
            if (f[12] != 0) {
                throw new IOException("newc entries carry no checksum: " + n);
            }
            if (out.put(n, new Entry(n, (int) f[0], (int) f[1], (int) f[2], (int) f[3], (int) f[4], f[5],
                    (int) f[9], (int) f[10], data)) != null) {
                throw new IOException("duplicate entry " + n);
            }
        }
    }

    private static int skipPad(ByteArrayInputStream in, long pos) throws IOException {
        int pad = (int) ((4 - pos % 4) % 4);
        byte[] p = in.readNBytes(pad);
        for (byte b : p) {
            if (b != 0) {
                throw new IOException("non-zero padding");
            }
        }
        return pad;
    }

    /** Follows symlinks inside the archive, as the guest would; null if the path does not resolve. */
    static Entry resolve(Map<String, Entry> entries, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        for (int hops = 0; hops < 40; hops++) {
            String[] parts = p.split("/");
            String done = "";
            boolean relinked = false;
            for (int i = 0; i < parts.length; i++) {
                String cur = done.isEmpty() ? parts[i] : done + "/" + parts[i];
                Entry e = entries.get(cur);
                if (e == null) {
                    return null;
                }
                if (e.isSymlink()) {
                    String t = e.target();
                    String base = t.startsWith("/") ? t.substring(1)
                            : Path.of("/" + done).resolve(t).normalize().toString().substring(1);
                    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, i + 1, parts.length));
                    p = rest.isEmpty() ? base : base + "/" + rest;
                    relinked = true;
                    break;
                }
                done = cur;
            }
            if (!relinked) {
                return entries.get(done);
            }
        }
        return null;
    }
}
