package dev.lpm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lpm run}: the guest's exit code, and one clear line (exit 2, no stack trace) for bad input. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static CliRun.Outcome lpm(String... args) {
        return CliRun.lpm(args);
    }

    private Path firmware(int... instructions) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(instructions.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : instructions) {
            b.putInt(i);
        }
        Path p = dir.resolve("fw.bin");
        Files.write(p, b.array());
        return p;
    }

    private static void assertCleanError(CliRun.Outcome o, String message) {
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void exitsWithTheCodeTheGuestGivesTheTestDevice() throws Exception {
        // lui t0,0x100; lui t1,0x73; addi t1,t1,0x333; sw t1,0(t0); j .   -> exit code 7
        Path fw = firmware(0x001002b7, 0x00073337, 0x33330313, 0x0062a023, 0x0000006f);
        assertThat(lpm("run", "--firmware", fw.toString(), "--memory", "16M").exitCode()).isEqualTo(7);
    }

    @Test
    void aGuestThatNeverPowersOffIsStoppedByTheTimeout() throws Exception {
        // an illegal instruction with mtvec = 0: the hart traps to address 0 (no memory) forever; the guest
        // loops on access faults and the emulator keeps running until stopped from outside
        Path fw = firmware(0xffffffff);
        CliRun.Outcome o = lpm("run", "--firmware", fw.toString(), "--timeout", "1");
        assertThat(o.exitCode()).isEqualTo(124);
        assertThat(o.err()).contains("stopped after 1 s").doesNotContain("Exception");
    }

    @Test
    void missingEmptyOversizedOrDirectoryFirmwareIsRefused() throws Exception {
        assertCleanError(lpm("run", "--firmware", dir.resolve("nope.bin").toString()), "does not exist");
        Path empty = dir.resolve("empty.bin");
        Files.write(empty, new byte[0]);
        assertCleanError(lpm("run", "--firmware", empty.toString()), "is empty");
        Path big = dir.resolve("big.bin");
        Files.write(big, new byte[17 << 20]);
        assertCleanError(lpm("run", "--firmware", big.toString(), "--memory", "16M"), "larger than the partition");
        assertCleanError(lpm("run", "--firmware", dir.toString()), "is a directory");
    }

    @Test
    void memoryOutOfRangeOrNotASizeIsRefused() throws Exception {
        Path fw = firmware(0x0000006f);
        assertCleanError(lpm("run", "--firmware", fw.toString(), "--memory", "8M"), "out of range");
        assertCleanError(lpm("run", "--firmware", fw.toString(), "--memory", "17G"), "out of range");
        assertCleanError(lpm("run", "--firmware", fw.toString(), "--memory", "lots"), "is not a size");
        assertCleanError(lpm("run", "--firmware", fw.toString(), "--memory", "99999999999999999999G"),
                "too large");
    }

    @Test
    void sizesUseBinaryUnits() {
        assertThat(Sizes.parse("256M")).isEqualTo(256L << 20);
        assertThat(Sizes.parse("1G")).isEqualTo(1L << 30);
        assertThat(Sizes.parse("512MiB")).isEqualTo(512L << 20);
        assertThat(Sizes.parse("16777216")).isEqualTo(16L << 20);
    }
}
