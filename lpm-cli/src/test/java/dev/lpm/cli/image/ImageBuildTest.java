package dev.lpm.cli.image;

import dev.lpm.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code lpm image build} for real: fetches Debian trixie riscv64 packages (about 130 MB the first time, cached in
 * ~/.cache/lpm/debs, which set-up fills) and checks what the initramfs holds. Booting it is
 * bench/qemu-boot-check.sh's job (under QEMU) until lpm has its PLIC and virtio devices.
 */
class ImageBuildTest {
    @TempDir
    Path dir;

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome lpm(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": (\"([^\"]*)\"|true|false)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    @Test
    void buildsTheGuestImageFromDebianPackages() throws Exception {
        Outcome o = lpm("image", "build", "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        String kernelVersion = field(o.out(), "kernelVersion");
        Path kernel = Path.of(field(o.out(), "kernel"));
        Path initrd = Path.of(field(o.out(), "initrd"));
        Path firmware = Path.of(field(o.out(), "firmware"));
        assertThat(kernelVersion).matches("\\d+\\.\\d+.*-riscv64");
        assertThat(kernel.getParent()).isEqualTo(initrd.getParent()).isEqualTo(firmware.getParent());
        assertThat(kernel.getParent().getParent().getFileName().toString()).isEqualTo("images");
        assertThat(ImageBuilder.isRiscvImage(Files.readAllBytes(kernel))).isTrue();
        assertThat(Files.size(firmware)).isGreaterThan(10_000);
        assertThat(Files.readString(kernel.resolveSibling("image.json"))).contains("\"builtin\"", "\"modules\"");

        Map<String, CpioReader.Entry> e = CpioReader.readGzip(initrd);
        // /init
        CpioReader.Entry init = e.get("init");
        assertThat(init.isFile()).isTrue();
        assertThat(init.mode() & 0777).isEqualTo(0755);
        String initText = new String(init.data(), StandardCharsets.UTF_8);
        assertThat(initText).startsWith("#!/bin/busybox sh").contains("LPM_INIT_MARKER", "LPM_READY");
        // busybox and its applets, through the merged-usr links
        CpioReader.Entry busybox = CpioReader.resolve(e, "/bin/busybox");
        ElfFile bb = ElfFile.parse(busybox.data());
        assertThat(bb.machine()).isEqualTo(ElfFile.EM_RISCV);
        assertThat(bb.interpreter()).isEmpty(); // static
        for (String applet : List.of("/bin/sh", "/sbin/insmod", "/bin/mount", "/sbin/ip", "/bin/setsid", "/bin/cttyhack",
                "/sbin/poweroff", "/bin/sleep", "/sbin/modprobe")) {
            assertThat(CpioReader.resolve(e, applet)).as(applet).isSameAs(busybox);
        }
        assertThat(e.get("dev/console").rdevMajor()).isEqualTo(5);

        // memstress: our static RISC-V program, started by /init for lpm.workload=memstress
        CpioReader.Entry memstress = CpioReader.resolve(e, "/bin/memstress");
        assertThat(memstress).isNotNull();
        assertThat(memstress.mode() & 0777).isEqualTo(0755);
        ElfFile ms = ElfFile.parse(memstress.data());
        assertThat(ms.machine()).isEqualTo(ElfFile.EM_RISCV);
        assertThat(ms.interpreter()).isEmpty();
        assertThat(initText).contains("memstress \"$mem\" \"$rate\" \"$mode\" &", "lpm.mem=*)", "lpm.rate=*)", "lpm.mode=*)");
        assertThat(Files.readString(kernel.resolveSibling("image.json"))).contains("\"memstress\": \"riscv64-linux-gnu-gcc ");

        // modules: the virtio drivers that are not built in, their dependencies first, matching the kernel
        Matcher loop = Pattern.compile("for m in ([a-z0-9_ ]+); do").matcher(initText);
        assertThat(loop.find()).isTrue();
        List<String> order = Arrays.asList(loop.group(1).trim().split(" "));
        assertThat(order).contains("virtio_mmio", "virtio_blk", "virtio_net", "net_failover", "failover", "virtio_rng", "ext4");
        Set<String> loadedBefore = new HashSet<>();
        for (String m : order) {
            CpioReader.Entry ko = CpioReader.resolve(e, "/lib/modules/" + kernelVersion + "/" + m + ".ko");
            assertThat(ko).as(m).isNotNull();
            ElfFile elf = ElfFile.parse(ko.data());
            assertThat(elf.type()).isEqualTo(ElfFile.ET_REL);
            List<String> info = elf.sectionStrings(".modinfo");
            assertThat(info).contains("name=" + m).anySatisfy(s -> assertThat(s).startsWith("vermagic=" + kernelVersion + " "));
            for (String kv : info) {
                if (kv.startsWith("depends=") && kv.length() > "depends=".length()) {
                    for (String d : kv.substring(8).split(",")) {
                        assertThat(loadedBefore).as(m + " needs " + d + " first").contains(KernelModules.normalize(d));
                    }
                }
            }
            loadedBefore.add(m);
        }
        assertThat(order.indexOf("failover")).isLessThan(order.indexOf("net_failover"));
        assertThat(order.indexOf("net_failover")).isLessThan(order.indexOf("virtio_net"));
        assertThat(order).doesNotContain("virtio_console"); // built into Debian's kernel

        // redis-server and redis-cli with their loader and every library they need, transitively
        for (String prog : List.of("/usr/bin/redis-server", "/usr/bin/redis-cli")) {
            ElfFile elf = ElfFile.parse(CpioReader.resolve(e, prog).data());
            String interp = elf.interpreter().orElseThrow();
            assertThat(interp).isEqualTo("/lib/ld-linux-riscv64-lp64d.so.1");
            CpioReader.Entry ld = CpioReader.resolve(e, interp);
            assertThat(ld).as(interp).isNotNull();
            assertThat(ElfFile.parse(ld.data()).machine()).isEqualTo(ElfFile.EM_RISCV);
            Deque<String> todo = new ArrayDeque<>(elf.needed());
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String lib = todo.poll();
                if (seen.add(lib)) {
                    CpioReader.Entry l = CpioReader.resolve(e, "/usr/lib/riscv64-linux-gnu/" + lib);
                    assertThat(l).as(prog + " needs " + lib).isNotNull();
                    todo.addAll(ElfFile.parse(l.data()).needed());
                }
            }
            assertThat(seen).contains("libc.so.6", "libjemalloc.so.2");
        }

        // a second build is the cached image
        Outcome again = lpm("image", "build");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("kernel   " + kernel, "initrd   " + initrd, "firmware " + firmware);
        assertThat(again.err()).contains("is cached");
    }

    @Test
    void anUnreachableArchiveIsOneLineNamingThePackage() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")), "needs apt-get");
        Path debs = Files.createDirectories(dir.resolve("debs"));
        // a closed port on this machine: apt-get cannot connect, as with no network
        Files.writeString(debs.resolve("sources.list"),
                "deb [arch=riscv64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://127.0.0.1:9/archive trixie main\n");
        Outcome o = lpm("image", "build", "--cache", dir.toString());
        assertThat(o.exitCode()).isEqualTo(1);
        List<String> errors = o.err().lines().filter(l -> !l.startsWith("lpm: updating")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst()).startsWith("lpm: image build: cannot fetch linux-image-riscv64: ")
                .contains("no network?").doesNotContain("Exception");
        assertThat(dir.resolve("images")).doesNotExist();
    }
}
