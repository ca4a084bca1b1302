package dev.lpm.cli.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches the image's Debian riscv64 packages with {@code scripts/guest-packages.sh --image} (apt-get under a
 * private state; downloads cached in {@code CACHE/debs}) and reads back which {@code .deb} files make them up.
 */
public final class GuestPackages {
    /** One fetched package, from its .deb file name {@code NAME_VERSION_ARCH.deb} (the epoch's ':' as %3a). */
    public record Deb(String name, String version, String arch, Path file) {
        static Deb of(Path file) {
            String base = file.getFileName().toString();
            if (!base.endsWith(".deb")) {
                throw new ImageBuildException("not a .deb file in the package manifest: " + file);
            }
            String[] parts = base.substring(0, base.length() - 4).split("_");
            if (parts.length != 3) {
                throw new ImageBuildException("unexpected .deb file name " + base);
            }
            return new Deb(parts[0], URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8), parts[2], file);
        }

        /** {@code name=version} as apt writes it. */
        @Override
        public String toString() {
            return name + "=" + version;
        }
    }

    /** The unpacked tree and the packages in it that make up the image. */
    public record Fetched(Path root, List<Deb> debs) {
        /** The versioned kernel package: {@code linux-image-VERSION} that the metapackage stood for. */
        public Deb kernel() {
            return debs.stream().filter(d -> d.name().startsWith("linux-image-") && !d.name().equals("linux-image-riscv64"))
                    .findFirst().orElseThrow(() -> new ImageBuildException("no kernel package among the fetched ones"));
        }
    }

    private GuestPackages() {
    }

    /**
     * Runs the script. Its progress lines ({@code guest-packages: fetching ...}) go to {@code progress}; its
     * one-line error becomes the exception's message. {@code verbose} also shows apt-get's own output.
     */
    public static Fetched fetch(Path script, Path cacheBase, boolean verbose, PrintStream progress) {
        Path manifest;
        try {
            manifest = Files.createTempFile("lpm-image-manifest", ".txt");
        } catch (IOException e) {
            throw new ImageBuildException("cannot create a temporary file: " + e.getMessage());
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--manifest", manifest.toString(), "--image");
            pb.environment().put("LPM_CACHE", cacheBase.toString());
            pb.environment().put("LPM_VERBOSE", verbose ? "1" : "0");
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            List<String> errLines = new ArrayList<>();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    errLines.add(line);
                    if (verbose || line.startsWith("guest-packages: fetching") || line.startsWith("guest-packages: updating")) {
                        progress.println(verbose ? line : "lpm: " + line.substring("guest-packages: ".length()));
                    }
                }
            }
            int rc = p.waitFor();
            if (rc != 0) {
                throw new ImageBuildException(errorLine(errLines, rc));
            }
            String[] stdout = out.join().strip().split("\n");
            Path root = Path.of(stdout[stdout.length - 1].strip());
            List<Deb> debs = new ArrayList<>();
            for (String line : Files.readAllLines(manifest)) {
                if (!line.isBlank()) {
                    debs.add(Deb.of(Path.of(line.strip())));
                }
            }
            if (!Files.isDirectory(root) || debs.isEmpty()) {
                throw new ImageBuildException("guest-packages.sh gave no package tree (root " + root + ")");
            }
            return new Fetched(root, List.copyOf(debs));
        } catch (IOException e) {
            throw new ImageBuildException("cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("interrupted while fetching guest packages");
        } finally {
            try {
                Files.deleteIfExists(manifest);
            } catch (IOException ignored) {
                // a stray temp file in the cache is harmless
            }
        }
    }

    /** The script's own one-line error (it names the package), else its last line of output. */
    static String errorLine(List<String> errLines, int rc) {
        for (int i = errLines.size() - 1; i >= 0; i--) {
            String l = errLines.get(i);
            if (l.startsWith("guest-packages: ") && !l.startsWith("guest-packages: fetching")
                    && !l.startsWith("guest-packages: updating")) {
                return l.substring("guest-packages: ".length());
            }
        }
        for (int i = errLines.size() - 1; i >= 0; i--) {
            if (!errLines.get(i).isBlank()) {
                return "fetching guest packages failed: " + errLines.get(i).strip();
            }
        }
        return "fetching guest packages failed (guest-packages.sh exit code " + rc + ")";
    }

    static String notRootHint() {
        return "root".equals(System.getProperty("user.name")) ? ""
                : " (not root: run as root, or set LPM_CACHE to a directory you own)";
    }

    /**
     * Finds {@code scripts/guest-packages.sh}: under {@code $LPM_HOME} (or system property {@code lpm.home}), else
     * in the first directory above the lpm jar or classes that has it (the source tree lpm runs from).
     */
    public static Path locateScript() {
        String rel = "scripts/guest-packages.sh";
        for (String home : new String[] {System.getProperty("lpm.home"), System.getenv("LPM_HOME")}) {
            if (home != null && !home.isBlank()) {
                Path p = Path.of(home).resolve(rel);
                if (Files.isRegularFile(p)) {
                    return p;
                }
                throw new ImageBuildException("no " + rel + " under LPM_HOME=" + home);
            }
        }
        try {
            Path here = Path.of(GuestPackages.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
            for (Path d = here; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve(rel))) {
                    return d.resolve(rel);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the error
        }
        throw new ImageBuildException("cannot find " + rel + " (set LPM_HOME to the lpm source tree)");
    }
}
