package dev.lpm.cli;

import dev.lpm.host.HostClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host names for the CLI: {@code ADDR:PORT}, or a name from the hosts file ({@code $LPM_HOSTS}, else
 * {@code ~/.lpm/hosts}; lines of {@code NAME ADDR:PORT}) where {@code lpm host serve} enters itself.
 */
final class Hosts {
    private Hosts() {
    }

    static Path file() {
        String env = System.getenv("LPM_HOSTS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".lpm", "hosts");
    }

    static InetSocketAddress resolve(String host) {
        if (host.contains(":")) {
            try {
                return HostClient.parseAddress(host);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
        }
        String address = read().get(host);
        if (address == null) {
            throw new Main.UsageError("unknown host '" + host + "': give ADDR:PORT, or start it with lpm host serve --name "
                    + host + " (hosts file " + file() + ")");
        }
        return HostClient.parseAddress(address);
    }

    static HostClient client(String host) {
        return new HostClient(resolve(host));
    }

    private static Map<String, String> read() {
        Map<String, String> hosts = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file())) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 2 && !f[0].startsWith("#")) {
                    hosts.put(f[0], f[1]);
                }
            }
        } catch (IOException e) {
            // no hosts file yet
        }
        return hosts;
    }

    /** Enters (or replaces) {@code name}'s address in the hosts file. */
    static synchronized void register(String name, String address) throws IOException {
        Map<String, String> hosts = read();
        hosts.put(name, address);
        List<String> lines = new ArrayList<>();
        hosts.forEach((n, a) -> lines.add(n + " " + a));
        Path f = file();
        Files.createDirectories(f.toAbsolutePath().getParent());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Files.write(tmp, lines);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
