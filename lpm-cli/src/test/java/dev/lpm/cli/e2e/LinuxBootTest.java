package dev.lpm.cli.e2e;

import dev.lpm.cli.image.ImageBuilder;
import dev.lpm.cli.image.MemstressTest;
import dev.lpm.devices.net.LoopbackBackend;
import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.uart.BufferSerial;
import dev.lpm.devices.virtio.VirtioNet;
import dev.lpm.devices.virtio.FileBlockBackend;
import dev.lpm.devices.virtio.VirtioBlock;
import dev.lpm.devices.virtio.VirtioRng;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
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
 * Debian's kernel and the default guest image boot in a partition to the init's markers and a shell, with
 * one and with two harts, see their virtio devices, keep a file on a virtio disk from one boot to the
 * next, and run the redis and memstress workloads.
 */
class LinuxBootTest {
    private static final Duration BOOT = Duration.ofMinutes(4);
    private static ImageBuilder.GuestImage image;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildImage() {
        image = ImageBuilder.build(new ImageBuilder.Options(ImageBuilder.defaultCacheBase(), false, false),
                new PrintStream(PrintStream.nullOutputStream()));
    }

    /** A booted partition with its console, ready for shell commands; its NIC's far end is {@code wire}. */
    private record Booted(Machine machine, BufferSerial console, LoopbackBackend.Pair wire) implements AutoCloseable {
        /** Types {@code command}, then waits for {@code expected} in the output that follows. */
        String run(String command, String expected) throws InterruptedException {
            int from = console.outputSize();
            console.inject(command + "\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                String after = console.outputText().substring(from);
                if (after.contains(expected)) {
                    return after;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + expected + "' after '" + command + "'; console:\n" + console.outputText());
        }

        int powerOff() throws InterruptedException {
            console.inject("poweroff -f\n");
            return machine.awaitPowerOff(Duration.ofSeconds(90)).orElseThrow(
                    () -> new AssertionError("no poweroff; console:\n" + console.outputText()));
        }

        @Override
        public void close() {
            machine.close();
            wire.close();
        }
    }

    private static Booted boot(int harts, Path disk, String append) throws Exception {
        BufferSerial console = new BufferSerial();
        Machine m = new Machine(new MachineConfig(512L << 20, harts, "console=ttyS0 lpm.ip=198.18.0.10/24 " + append),
                console);
        LoopbackBackend.Pair wire = LoopbackBackend.pair();
        try {
            m.loadFirmware(Files.readAllBytes(image.firmware()));
            m.loadKernel(Files.readAllBytes(image.kernel()));
            m.loadInitrd(Files.readAllBytes(image.initrd()));
            m.attach(new VirtioRng());
            m.attach(new VirtioNet(MacAddress.parse("52:54:00:12:34:56"), wire.a()));
            if (disk != null) {
                m.attach(new VirtioBlock(new FileBlockBackend(disk, false)));
            }
            m.start();
            assertThat(console.awaitOutput("LPM_INIT_MARKER", BOOT)).as("init marker; console:%n%s",
                    console.outputText()).isTrue();
            assertThat(console.awaitOutput("LPM_READY", BOOT)).as("ready; console:%n%s", console.outputText()).isTrue();
            Booted b = new Booted(m, console, wire);
            b.run("echo SHELL_$((20+22))", "SHELL_42"); // the shell reads what we type
            return b;
        } catch (Throwable t) {
            m.close();
            wire.close();
            throw t;
        }
    }

    @Test
    void bootsWithOneHartToAShellAndSeesItsNetworkAndEntropyDevices() throws Exception {
        try (Booted b = boot(1, null, "")) {
            b.run("grep -c ^processor /proc/cpuinfo; echo CPUS_DONE", "1\r\nCPUS_DONE");
            b.run("ip -4 addr show eth0; cat /sys/class/net/eth0/address", "52:54:00:12:34:56");
            // the marker is computed by the shell, so its echo of the typed line cannot match
            assertThat(b.run("ip -4 addr show eth0; echo ADDR_$((1+1))", "ADDR_2")).contains("inet 198.18.0.10/24");
            b.run("cat /sys/class/misc/hw_random/rng_current; echo RNG_DONE", "virtio_rng");
            b.run("head -c 16 /dev/hwrng | wc -c; echo HWRNG_DONE", "16\r\nHWRNG_DONE");
            assertThat(b.powerOff()).isZero();
        }
    }

    @Test
    void redisServerRunsInThePartitionAndAnswersRedisCli() throws Exception {
        try (Booted b = boot(1, null, "lpm.workload=redis")) {
            b.run("redis-cli ping", "PONG");
            b.run("redis-cli set lpm:greeting moved-without-a-blink", "OK");
            b.run("redis-cli get lpm:greeting", "moved-without-a-blink");
            assertThat(b.powerOff()).isZero();
        }
    }

    @Test
    void memstressDirtiesMemoryWithSteadyHeartbeatsAndAFrozenRegionThatKeepsItsChecksum() throws Exception {
        Pattern hb = Pattern.compile("LPM_HB n=(\\d+) bad=(\\d+) dirtied_mib=(\\d+)");
        Pattern sum = Pattern.compile("LPM_SUM n=(\\d+) frozen=([0-9a-f]{16})");
        try (Booted b = boot(1, null, "lpm.workload=memstress lpm.mem=16 lpm.rate=20")) {
            List<long[]> beats = new ArrayList<>();
            List<String> sums = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (beats.size() < 25 || sums.size() < 2) {
                assertThat(System.nanoTime()).as("25 heartbeats and 2 sums; console:%n%s", b.console().outputText())
                        .isLessThan(deadline);
                Thread.sleep(200);
                String out = b.console().outputText();
                beats.clear();
                sums.clear();
                for (Matcher m = hb.matcher(out); m.find(); ) {
                    beats.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
                }
                for (Matcher m = sum.matcher(out); m.find(); ) {
                    sums.add(m.group(2));
                }
            }
            String console = b.console().outputText();
            assertThat(console).contains("LPM_MEMSTRESS mem_mib=16 rate=20 mode=page frozen_mib=16");
            for (int i = 1; i < beats.size(); i++) {
                assertThat(beats.get(i)[0]).as("heartbeat counter; console:%n%s", console).isGreaterThan(beats.get(i - 1)[0]);
                assertThat(beats.get(i)[2]).as("MiB dirtied").isGreaterThanOrEqualTo(beats.get(i - 1)[2]);
            }
            assertThat(beats).allSatisfy(x -> assertThat(x[1]).as("bad pages; console:%n%s", console).isZero());
            assertThat(beats.getLast()[2]).as("MiB dirtied").isPositive();
            // the same value twice, and the one memstress computes on the host: the frozen region is intact
            assertThat(sums.get(1)).isEqualTo(sums.get(0)).isEqualTo(MemstressTest.FROZEN_SUM);
            assertThat(b.powerOff()).isZero();
        }
    }

    @Test
    void bootsWithTwoHarts() throws Exception {
        try (Booted b = boot(2, null, "")) {
            b.run("grep -c ^processor /proc/cpuinfo; echo CPUS_DONE", "2\r\nCPUS_DONE");
            assertThat(b.powerOff()).isZero();
        }
    }

    @Test
    void aFileWrittenToTheDiskInOneBootIsReadBackInTheNext() throws Exception {
        Path disk = dir.resolve("disk.img");
        try (var f = java.nio.channels.FileChannel.open(disk, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            f.truncate(0);
            f.position((32L << 20) - 1);
            f.write(java.nio.ByteBuffer.wrap(new byte[1]));
        }
        Process mkfs = new ProcessBuilder("mke2fs", "-q", "-F", "-t", "ext4", disk.toString())
                .redirectErrorStream(true).start();
        assertThat(mkfs.waitFor(60, TimeUnit.SECONDS) && mkfs.exitValue() == 0)
                .as("mke2fs (Debian package e2fsprogs) made the disk: %s", new String(mkfs.getInputStream().readAllBytes()))
                .isTrue();
        try (Booted b = boot(1, disk, "")) {
            b.run("echo persisted-$((6*7)) > /mnt/note && sync && echo WRITTEN", "WRITTEN");
            assertThat(b.powerOff()).isZero();
        }
        try (Booted b = boot(1, disk, "")) {
            b.run("cat /mnt/note", "persisted-42");
            assertThat(b.powerOff()).isZero();
        }
    }
}
