package dev.lpm.cli.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A tree of unpacked Debian packages, read as the guest would see it: absolute symlinks point into the tree,
 * not at this host, and the merged-usr links ({@code /lib -> usr/lib}, {@code /bin -> usr/bin}, which
 * base-files would make) are assumed when the tree lacks them.
 */
final class GuestRoot {
    private static final List<String> MERGED = List.of("bin", "sbin", "lib", "lib32", "lib64");

    private final Path root;

    GuestRoot(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * The host file that guest path {@code path} names, after following symlinks inside the tree, with its
     * canonical guest path; empty if there is none.
     */
    Optional<Resolved> resolve(String path) {
        Deque<String> todo = new ArrayDeque<>();
        push(todo, path);
        Deque<String> done = new ArrayDeque<>(); // components resolved so far (a real directory chain)
        int hops = 0;
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.removeLast();
                }
                continue;
            }
            Path host = host(done).resolve(c);
            if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                if (done.isEmpty() && MERGED.contains(c)) { // merged /usr
                    done.addLast("usr");
                    host = host(done).resolve(c);
                }
                if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
            }
            if (Files.isSymbolicLink(host)) {
                if (++hops > 40) {
                    return Optional.empty();
                }
                String target;
                try {
                    target = Files.readSymbolicLink(host).toString();
                } catch (IOException e) {
                    return Optional.empty();
                }
                if (target.startsWith("/")) {
                    done.clear();
                }
                push(todo, target);
                continue;
            }
            done.addLast(c);
        }
        Path host = host(done);
        return Files.exists(host) ? Optional.of(new Resolved(host, "/" + String.join("/", done))) : Optional.empty();
    }

    /** A guest path's host file and its canonical guest path (symlinks followed). */
    record Resolved(Path host, String guestPath) {
        String fileName() {
            return guestPath.substring(guestPath.lastIndexOf('/') + 1);
        }
    }

    private Path host(Deque<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }

    private static void push(Deque<String> todo, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            todo.push(parts[i]);
        }
    }
}
