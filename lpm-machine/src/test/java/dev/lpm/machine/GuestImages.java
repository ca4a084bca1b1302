package dev.lpm.machine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Guest software the tests boot: Debian riscv64 packages unpacked by scripts/setup.sh into lpm's cache. */
public final class GuestImages {
    private GuestImages() {
    }

    /** Root of the unpacked packages: $LPM_CACHE/debs/root, default ~/.cache/lpm/debs/root. */
    public static Path packageRoot() {
        String cache = System.getenv("LPM_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            cache = (xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg))
                    .resolve("lpm").toString();
        }
        return Path.of(cache, "debs", "root");
    }

    /** Debian's OpenSBI, generic platform, fw_jump.bin; fails clearly when set-up has not fetched it. */
    public static Path openSbiFwJump() {
        Path p = packageRoot().resolve("usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin");
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("Debian's OpenSBI is not at " + p + ": run scripts/setup.sh (it fetches the"
                    + " trixie riscv64 package opensbi into lpm's cache)");
        }
        return p;
    }
}
