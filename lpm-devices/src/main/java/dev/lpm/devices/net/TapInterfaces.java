package dev.lpm.devices.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host set-up of TAP interfaces with iproute2's {@code ip} command, for the host daemon and for tests:
 * create a persistent TAP (optionally owned by a user, optionally in a bridge) and bring it up, delete it,
 * and the few queries and addresses tests need. Every name is checked before it reaches a command line.
 * The commands need CAP_NET_ADMIN; a failing command becomes an {@link IOException} carrying its output.
 *
 * <p>These are what an administrator would type:
 * <pre>
 * ip tuntap add dev NAME mode tap [user UID]
 * ip link set dev NAME master BRIDGE
 * ip link set dev NAME up
 * ip link delete dev NAME
 * </pre>
 */
public final class TapInterfaces {

    /** IFNAMSIZ - 1. */
    public static final int MAX_NAME_LENGTH = 15;
    private static final long TIMEOUT_SECONDS = 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1," + MAX_NAME_LENGTH + "}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern MASTER = Pattern.compile("\\smaster\\s+(\\S+)");
    private static final Pattern TAP_KIND = Pattern.compile("\\stun\\s+type\\s+tap\\s");

    private TapInterfaces() {
    }

    /**
     * {@code name} if it is a valid Linux interface name (1..15 characters of letters, digits, '_', '-', '.',
     * not "." or ".."): the kernel's rules, minus characters that are legal but invite shell trouble.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a valid network interface name: \"" + name + "\"");
        }
        return name;
    }

    /**
     * Creates the persistent TAP interface {@code name}, puts it into {@code bridge} if that is not null, and
     * sets it up. If a step fails, the interface is deleted again.
     *
     * @param owner the uid that may attach to it without CAP_NET_ADMIN, or -1 for root only
     * @throws IOException if a command fails (the interface exists already, the bridge does not, ...)
     */
    public static void create(String name, String bridge, int owner) throws IOException {
        checkName(name);
        if (bridge != null) {
            checkName(bridge);
        }
        List<String> add = new ArrayList<>(List.of("tuntap", "add", "dev", name, "mode", "tap"));
        if (owner >= 0) {
            add.addAll(List.of("user", Integer.toString(owner)));
        }
        ip(add.toArray(String[]::new));
        try {
            if (bridge != null) {
                ip("link", "set", "dev", name, "master", bridge);
            }
            ip("link", "set", "dev", name, "up");
        } catch (IOException | RuntimeException e) {
            try {
                delete(name);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** {@link #create(String, String, int)} for root only. */
    public static void create(String name, String bridge) throws IOException {
        create(name, bridge, -1);
    }

    /**
     * Deletes the TAP interface {@code name}, even while a backend is attached to it (the backend then sees
     * it go away). Refuses to delete an interface that is not a TAP.
     *
     * @throws IOException if there is no such interface, it is not a TAP, or the command fails
     */
    public static void delete(String name) throws IOException {
        if (!isTap(name)) {
            throw new IOException("interface " + name + " is not a TAP interface: not deleting it");
        }
        // Not "ip tuntap del": that attaches to the interface first and fails while a backend holds it.
        ip("link", "delete", "dev", name);
    }

    /** Whether {@code name} is a TAP interface (as opposed to a TUN or any other kind of link). */
    public static boolean isTap(String name) throws IOException {
        return TAP_KIND.matcher(ip("-d", "-o", "link", "show", "dev", checkName(name))).find();
    }

    /** Whether an interface called {@code name} exists (in this process's network namespace). */
    public static boolean exists(String name) throws IOException {
        return run(List.of(ipCommand(), "-o", "link", "show", "dev", checkName(name))).exitCode() == 0;
    }

    /** The bridge {@code name} is a port of, or null. */
    public static String bridgeOf(String name) throws IOException {
        String out = ip("-o", "link", "show", "dev", checkName(name));
        Matcher m = MASTER.matcher(out);
        return m.find() ? m.group(1) : null;
    }

    /** Creates a bridge and sets it up (tests stand it in for the host's {@code br0}). */
    public static void createBridge(String name) throws IOException {
        ip("link", "add", "name", checkName(name), "type", "bridge");
        try {
            ip("link", "set", "dev", name, "up");
        } catch (IOException e) {
            deleteLink(name);
            throw e;
        }
    }

    /** Deletes any link (a bridge, for example). */
    public static void deleteLink(String name) throws IOException {
        ip("link", "delete", "dev", checkName(name));
    }

    /** Adds an IPv4 address in CIDR form ({@code 198.18.77.1/24}) to an interface. */
    public static void addAddress(String name, String cidr) throws IOException {
        Matcher m = CIDR.matcher(cidr);
        if (!m.matches() || Integer.parseInt(m.group(5)) > 32) {
            throw new IllegalArgumentException("not an IPv4 address with prefix length: \"" + cidr + "\"");
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                throw new IllegalArgumentException("not an IPv4 address with prefix length: \"" + cidr + "\"");
            }
        }
        ip("address", "add", cidr, "dev", checkName(name));
    }

    /** Runs {@code ip args...}; returns its standard output. */
    static String ip(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ipCommand());
        command.addAll(List.of(args));
        Result r = run(command);
        if (r.exitCode() != 0) {
            throw new IOException(String.join(" ", command).replaceFirst("^\\S*/", "") + " failed (exit "
                    + r.exitCode() + "): " + r.output().strip());
        }
        return r.output();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " interrupted", e);
        }
    }

    /** The {@code ip} binary: a daemon's PATH often lacks the sbin directories. */
    private static String ipCommand() {
        for (String candidate : new String[] {"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "ip";
    }
}
