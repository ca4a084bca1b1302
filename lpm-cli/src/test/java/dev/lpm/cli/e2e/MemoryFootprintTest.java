package dev.lpm.cli.e2e;

import dev.lpm.cli.image.ImageBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB partition's lpm process stays under guest memory + 300 MiB resident, also when the guest uses its
 * memory: lpm runs as a child JVM started the way {@code ./lpm} starts it (the options of
 * {@code scripts/jvm-options}), boots the default image, and its guest fills a tmpfs with all but 64 MiB of
 * what it has available; then the child's peak resident size (VmHWM) must be under the bar.
 * {@code bench/memory-footprint.sh} reports the same measurement.
 */
class MemoryFootprintTest {
    private static final long GUEST_MIB = 1024;
    private static final long BAR_MIB = GUEST_MIB + 300;
    private static final Duration STEP = Duration.ofMinutes(15);
    /** The guest's fill: random pages (none of them zero), then how much it wrote and its memory use. */
    private static final String FILL = "mount -t tmpfs -o size=100% tmpfs /dev/shm && "
            + "n=$(($(awk '/MemAvailable/ { print int($2 / 1024) }' /proc/meminfo) - 64)) && "
            + "head -c 1048576 /dev/urandom > /dev/shm/seed && i=0 && "
            + "while [ $i -lt $n ]; do cat /dev/shm/seed; i=$((i + 1)); done > /dev/shm/fill && "
            + "echo FILLED_$((6*7)) $n $(awk '/^Shmem:/ { print int($2 / 1024) }' /proc/meminfo)";

    /** The child's console, collected by a reader thread. */
    private static final class Console {
        private final StringBuilder text = new StringBuilder();

        Console(InputStream in) {
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (text) {
                            text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                            text.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "lpm-console-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for {@code pattern} in the console from {@code from} on; returns the match. */
        Matcher await(Pattern pattern, int from) throws InterruptedException {
            long deadline = System.nanoTime() + STEP.toNanos();
            synchronized (text) {
                while (true) {
                    Matcher m = pattern.matcher(text);
                    if (m.find(from)) {
                        return m;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no '" + pattern + "' within " + STEP + "; console:\n" + tail());
                    }
                    text.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        int size() {
            synchronized (text) {
                return text.length();
            }
        }

        String tail() {
            synchronized (text) {
                return text.substring(Math.max(0, text.length() - 4000));
            }
        }
    }

    @Test
    void aOneGibPartitionWhoseGuestFillsItsMemoryStaysUnderGuestMemoryPlus300MiB() throws Exception {
        ImageBuilder.build(new ImageBuilder.Options(ImageBuilder.defaultCacheBase(), false, false),
                new PrintStream(PrintStream.nullOutputStream())); // the child finds it cached
        List<String> command = new ArrayList<>();
        command.addAll(Launcher.lpmCommand());
        command.addAll(List.of("run", "--memory", GUEST_MIB + "M", "--append", "console=ttyS0"));
        Process lpm = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            Console console = new Console(lpm.getInputStream());
            OutputStream keyboard = lpm.getOutputStream();
            console.await(Pattern.compile("LPM_READY"), 0);
            type(keyboard, "echo SHELL_$((20+22))"); // computed by the shell: the echo of the typed line never matches
            console.await(Pattern.compile("SHELL_42"), 0);
            long atShell = kib(lpm.pid(), "VmHWM") >> 10;

            int from = console.size();
            type(keyboard, FILL);
            Matcher filled = console.await(Pattern.compile("FILLED_42 (\\d+) (\\d+)"), from);
            long peak = kib(lpm.pid(), "VmHWM") >> 10;
            long rss = kib(lpm.pid(), "VmRSS") >> 10;
            String what = String.format("VmHWM %d MiB (%d MiB at the shell, VmRSS now %d MiB) of the lpm process "
                    + "after the guest wrote %s MiB to a tmpfs (guest Shmem %s MiB); bar %d MiB",
                    peak, atShell, rss, filled.group(1), filled.group(2), BAR_MIB);
            System.out.println("MemoryFootprintTest: " + what);
            assertThat(Long.parseLong(filled.group(1))).as("the guest filled most of its memory: " + what)
                    .isGreaterThan(GUEST_MIB * 2 / 3);
            assertThat(peak).as(what).isLessThan(BAR_MIB);

            type(keyboard, "poweroff -f");
            assertThat(lpm.waitFor(90, TimeUnit.SECONDS)).as("powered off; console:\n%s", console.tail()).isTrue();
            assertThat(lpm.exitValue()).isZero();
        } finally {
            lpm.destroyForcibly();
        }
    }

    private static void type(OutputStream keyboard, String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        keyboard.flush();
    }

    /** A {@code kB} field of /proc/PID/status. */
    private static long kib(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new AssertionError("no " + field + " in /proc/" + pid + "/status");
    }

    /** scripts/jvm-options of this work tree, the file ./lpm starts java with. */
}
