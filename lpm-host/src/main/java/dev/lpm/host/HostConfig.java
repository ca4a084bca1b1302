package dev.lpm.host;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A host daemon's settings.
 *
 * @param name        the host's name (shown in reports, the console's host list)
 * @param listen      where the control API and the mover service listen (one port for both)
 * @param data        the host's data directory: partition profiles, console logs, the migration ledger
 * @param memoryLimit bytes of guest memory this host gives its partitions in all
 */
public record HostConfig(String name, InetSocketAddress listen, Path data, long memoryLimit) {
    public HostConfig {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("host name '" + name + "': use 1-64 letters, digits, '.', '_' or '-'");
        }
        if (memoryLimit < (16L << 20)) {
            throw new IllegalArgumentException("memory limit must be at least 16M");
        }
    }

    /** Guest memory this machine can give: 90 % of what the kernel reports available now. */
    public static long defaultMemoryLimit() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return kib * 1024 / 10 * 9;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // fall through
        }
        return Runtime.getRuntime().maxMemory();
    }
}
