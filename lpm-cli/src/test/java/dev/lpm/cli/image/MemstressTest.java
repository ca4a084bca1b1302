package dev.lpm.cli.image;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * memstress: the cross-compiled program the image carries, the compiler's absence, the cache key; and the
 * program's behaviour, built for and run on the host (its arithmetic is all 64-bit integers, so the frozen
 * checksum is the guest's too).
 */
public class MemstressTest {
    /** The frozen region's checksum: fixed seed, so the same on every machine and in every run. */
    public static final String FROZEN_SUM = "09718b59734546e4";
    private static final Pattern HB = Pattern.compile("LPM_HB n=(\\d+) bad=(\\d+) dirtied_mib=(\\d+)");
    private static final Pattern SUM = Pattern.compile("LPM_SUM n=(\\d+) frozen=([0-9a-f]{16})");

    @TempDir
    static Path dir;
    private static Path hostProgram;

    @BeforeAll
    static void buildForTheHost() throws Exception {
        Path cc = Path.of("/usr/bin/cc");
        if (!Files.isExecutable(cc)) {
            return; // the host-run tests are skipped: no native compiler
        }
        Path src = Files.writeString(dir.resolve("memstress.c"), Memstress.source());
        hostProgram = dir.resolve("memstress");
        Process p = new ProcessBuilder(cc.toString(), "-O2", "-Wall", "-Wextra", "-Werror", "-o", hostProgram.toString(),
                src.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("cc memstress.c (warnings are errors):%n%s", out).isZero();
    }

    @Test
    void crossCompilesToAStaticRiscvProgram() {
        Memstress.Compiled c = Memstress.compile(Memstress.COMPILER);
        ElfFile elf = ElfFile.parse(c.program());
        assertThat(elf.machine()).isEqualTo(ElfFile.EM_RISCV);
        assertThat(elf.type()).isEqualTo(ElfFile.ET_EXEC);
        assertThat(elf.interpreter()).isEmpty();
        assertThat(c.compiler()).startsWith(Memstress.COMPILER + " ").endsWith(" -O2 -static");
    }

    @Test
    void aMissingCompilerIsOneLineNamingThePackage() {
        assertThatThrownBy(() -> Memstress.compile("riscv64-no-such-gcc"))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageStartingWith("riscv64-no-such-gcc is missing")
                .hasMessageContaining("gcc-riscv64-linux-gnu")
                .hasMessageContaining("scripts/setup.sh");
    }

    @Test
    void theImageKeyCoversTheSourceAndFlags() {
        String text = ImageBuilder.keyText(List.of());
        assertThat(text).contains(Memstress.source(), "riscv64-linux-gnu-gcc [-O2, -static]");
        assertThat(Memstress.source()).contains("LPM_HB n=", "LPM_SUM n=", "LPM_CPU rounds=");
    }

    @Test
    void heartbeatsCountUpWithTheRateAndTheFrozenSumIsFixed() throws Exception {
        List<String> lines = runFor(3_000, "4", "20");
        assertThat(lines.getFirst()).isEqualTo("LPM_MEMSTRESS mem_mib=4 rate=20 mode=page frozen_mib=16");
        List<long[]> hbs = heartbeats(lines);
        assertThat(hbs).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 0; i < hbs.size(); i++) {
            assertThat(hbs.get(i)[0]).isEqualTo(i + 1);
            assertThat(hbs.get(i)[1]).as("bad").isZero();
        }
        // 20 MiB/s is 2 MiB per 100 ms heartbeat; a loaded machine skips ticks rather than catching up
        long[] last = hbs.getLast();
        assertThat(last[2]).isBetween(last[0], 2 * last[0] + 2);
        assertThat(sums(lines)).containsExactly("20 " + FROZEN_SUM);
    }

    @Test
    void fullPagesAtFullSpeedStayConsistent() throws Exception {
        List<String> lines = runFor(3_000, "2", "max", "full");
        List<long[]> hbs = heartbeats(lines);
        assertThat(hbs).hasSizeGreaterThanOrEqualTo(20).allSatisfy(h -> assertThat(h[1]).as("bad").isZero());
        assertThat(hbs.getLast()[2]).isGreaterThan(100); // many passes over the 2 MiB set
        assertThat(sums(lines)).containsExactly("20 " + FROZEN_SUM);
    }

    @Test
    void rateZeroOnlyBeats() throws Exception {
        List<long[]> hbs = heartbeats(runFor(800, "1", "0"));
        assertThat(hbs).isNotEmpty().allSatisfy(h -> assertThat(h[2]).isZero());
    }

    @Test
    void theCpuTaskPrintsRoundsChecksumAndTime() throws Exception {
        assumeTrue(hostProgram != null, "no /usr/bin/cc to build memstress for the host");
        Process p = new ProcessBuilder(hostProgram.toString(), "cpu", "3").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).matches("LPM_CPU rounds=3M checksum=[0-9a-f]{16} guest_ms=\\d+\n");
    }

    @Test
    void badArgumentsAreRefusedWithUsage() throws Exception {
        assumeTrue(hostProgram != null, "no /usr/bin/cc to build memstress for the host");
        for (List<String> args : List.<List<String>>of(List.of(), List.of("0", "1"), List.of("4", "fast"), List.of("4", "1", "half"),
                List.of("cpu", "x"))) {
            List<String> cmd = new ArrayList<>(List.of(hostProgram.toString()));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("%s: %s", args, out).isEqualTo(2);
            assertThat(out).contains("usage: memstress").doesNotContain("LPM_");
        }
    }

    /** Runs the host build for about {@code millis} ms; its stdout lines. */
    private static List<String> runFor(long millis, String... args) throws IOException, InterruptedException {
        assumeTrue(hostProgram != null, "no /usr/bin/cc to build memstress for the host");
        List<String> cmd = new ArrayList<>(List.of(hostProgram.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(p.waitFor(millis, TimeUnit.MILLISECONDS)).as("memstress runs until stopped").isFalse();
        p.destroy();
        p.waitFor();
        return Files.readAllLines(out);
    }

    /** {n, bad, dirtied_mib} of each heartbeat line. */
    private static List<long[]> heartbeats(List<String> lines) {
        List<long[]> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = HB.matcher(l);
            if (m.matches()) {
                out.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
            }
        }
        return out;
    }

    /** "n checksum" of each LPM_SUM line. */
    private static List<String> sums(List<String> lines) {
        return lines.stream().map(SUM::matcher).filter(Matcher::matches).map(m -> m.group(1) + " " + m.group(2)).toList();
    }
}
