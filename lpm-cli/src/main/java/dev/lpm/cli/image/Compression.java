package dev.lpm.cli.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses a kernel module by its suffix: {@code .gz} in Java, {@code .xz} with {@code xz -dc} and
 * {@code .zst} with {@code zstd -dc} (the host's xz-utils and zstd, which set-up installs), anything else as is.
 */
final class Compression {
    private Compression() {
    }

    static byte[] decompress(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return in.readAllBytes();
            }
        }
        if (name.endsWith(".xz")) {
            return tool(List.of("xz", "-dc", "--", file.toString()), "xz-utils", file);
        }
        if (name.endsWith(".zst")) {
            return tool(List.of("zstd", "-dcq", "--", file.toString()), "zstd", file);
        }
        return Files.readAllBytes(file);
    }

    /** The file name without a compression suffix ({@code virtio_net.ko.xz} -> {@code virtio_net.ko}). */
    static String stripSuffix(String name) {
        for (String s : new String[] {".xz", ".zst", ".gz"}) {
            if (name.endsWith(s)) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return name;
    }

    private static byte[] tool(List<String> command, String debianPackage, Path file) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new ImageBuildException(command.getFirst() + " is needed to unpack " + file.getFileName()
                    + " and is not installed (apt-get install " + debianPackage + ")");
        }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        try {
            int rc = p.waitFor();
            if (rc != 0) {
                throw new ImageBuildException(command.getFirst() + " cannot unpack " + file + ": "
                        + new String(err.join()).strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking " + file, e);
        }
        return out.toByteArray();
    }
}
