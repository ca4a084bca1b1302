package dev.lpm.cli.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The generated /init: markers, module loading order, command-line knobs, workloads, the shell; valid sh. */
class InitScriptTest {
    @TempDir
    Path dir;

    private static final String KVER = "6.12.107+deb13-riscv64";

    private static String script() {
        return InitScript.generate(KVER, List.of("virtio_mmio", "failover", "net_failover", "virtio_net", "ext4"),
                List.of("virtio_console"));
    }

    @Test
    void startsAsABusyboxShellScriptAndMountsTheKernelFileSystems() {
        String s = script();
        assertThat(s).startsWith("#!/bin/busybox sh\n");
        assertThat(s).contains("mount -t proc proc /proc", "mount -t sysfs sysfs /sys", "mount -t devtmpfs devtmpfs /dev");
        assertThat(s.indexOf("mount -t devtmpfs")).isLessThan(s.indexOf("echo \"LPM_INIT_MARKER"));
        assertThat(s).doesNotContain("@");
    }

    @Test
    void loadsTheModulesInTheGivenOrderFromTheKernelsDirectory() {
        String s = script();
        assertThat(s).contains("for m in virtio_mmio failover net_failover virtio_net ext4; do");
        assertThat(s).contains("insmod \"/lib/modules/" + KVER + "/$m.ko\"");
        assertThat(s).contains("built into this kernel: virtio_console");
        assertThat(s.indexOf("echo \"LPM_INIT_MARKER")).isLessThan(s.indexOf("insmod \""));
    }

    @Test
    void readsTheLpmKnobsFromTheKernelCommandLine() {
        String s = script();
        assertThat(s).contains("$(cat /proc/cmdline)", "lpm.ip=*) ip=${arg#lpm.ip=}", "lpm.gw=*) gw=${arg#lpm.gw=}",
                "lpm.disk=*) disk=${arg#lpm.disk=}", "lpm.workload=*) workload=${arg#lpm.workload=}");
        assertThat(s).contains("ip link set lo up", "ip addr add \"$ip\" dev eth0", "ip route add default via \"$gw\"");
        assertThat(s).contains("disk=mount", "mount /dev/vda /mnt");
    }

    @Test
    void startsTheWorkloadThenSaysReadyThenRunsAShellForGood() {
        String s = script();
        assertThat(s).contains("redis-server --port 6379 --protected-mode no --save '' --daemonize yes");
        assertThat(s).contains("redis-cli ping");
        assertThat(s).contains("memstress)", "shell|\"\")");
        int ready = s.indexOf("echo \"LPM_READY");
        assertThat(ready).isGreaterThan(s.indexOf("redis-server --port"));
        assertThat(s.indexOf("setsid cttyhack sh")).isGreaterThan(ready);
        assertThat(s).contains("while :; do", "poweroff -f");
    }

    @Test
    void memstressStartsAfterReadyInTheBackgroundWithItsKnobs() {
        String s = script();
        assertThat(s).contains("workload=shell; mem=32; rate=20; mode=page",
                "lpm.mem=*) mem=${arg#lpm.mem=}", "lpm.rate=*) rate=${arg#lpm.rate=}", "lpm.mode=*) mode=${arg#lpm.mode=}");
        int start = s.indexOf("  memstress \"$mem\" \"$rate\" \"$mode\" &\n");
        assertThat(start).isGreaterThan(s.indexOf("echo \"LPM_READY"));
        assertThat(start).isLessThan(s.indexOf("setsid cttyhack sh"));
        assertThat(s.substring(0, start)).contains("if [ \"$workload\" = memstress ]; then");
    }

    /** The script's command-line parsing and memstress start, run by sh with stand-ins for /proc and the program. */
    @Test
    void theKnobsReachMemstress() throws Exception {
        assertThat(memstressArgs("console=ttyS0 lpm.workload=memstress")).isEqualTo("32 20 page");
        assertThat(memstressArgs("lpm.workload=memstress lpm.mem=16 lpm.rate=max lpm.mode=full quiet"))
                .isEqualTo("16 max full");
        assertThat(memstressArgs("lpm.workload=redisx lpm.mem=16")).isEmpty();
    }

    /** What memstress would be started with for this command line ("" if it would not be). */
    private String memstressArgs(String cmdline) throws Exception {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh));
        String s = script();
        // the command-line loop and the memstress start, reading a file for /proc/cmdline, with a stand-in program
        String parse = s.substring(s.indexOf("ip=; gw=;"), s.indexOf("# wait_for PATH"));
        String start = s.substring(s.indexOf("if [ \"$workload\" = memstress ]"), s.indexOf("# An interactive shell"));
        String part = (parse + start).replace("$(cat /proc/cmdline)", "$(cat " + dir.resolve("cmdline") + ")");
        Files.writeString(dir.resolve("cmdline"), cmdline + "\n");
        Path f = dir.resolve("part.sh");
        Files.writeString(f, "memstress() { echo \"$*\" > " + dir.resolve("args") + "; }\n" + part + "wait\n");
        Files.deleteIfExists(dir.resolve("args"));
        Process p = new ProcessBuilder(sh.toString(), f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return Files.exists(dir.resolve("args")) ? Files.readString(dir.resolve("args")).strip() : "";
    }

    @Test
    void isValidShellSyntax() throws Exception {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh));
        Path f = dir.resolve("init");
        Files.writeString(f, script());
        Process p = new ProcessBuilder(sh.toString(), "-n", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void noModulesIsStillAScript() {
        assertThat(InitScript.generate(KVER, List.of(), List.of())).contains("for m in ; do");
    }

    @Test
    void refusesNamesThatWouldBreakTheScript() {
        assertThatThrownBy(() -> InitScript.generate(KVER, List.of("a;reboot"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InitScript.generate("6.1 $(x)", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
