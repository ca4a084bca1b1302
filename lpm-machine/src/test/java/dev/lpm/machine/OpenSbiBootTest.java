package dev.lpm.machine;

import dev.lpm.devices.uart.BufferSerial;
import dev.lpm.machine.isa.Qemu;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's OpenSBI firmware boots on lpm to its banner, the same banner QEMU's virt machine gets. */
class OpenSbiBootTest {
    private static final String LAST_BANNER_LINE = "Boot HART MEDELEG";

    /**
     * Banner lines allowed to differ from QEMU's (run with {@link Qemu#CPU}, its rv64 CPU without H, Sstc and
     * Zb*), each for a reason the README explains: QEMU's hart also has 16 HPM counters (Zihpm) and two debug
     * triggers (Sdtrig), which show in the extension list, the MHPM and trigger lines, the dbtr SBI
     * extension and OpenSBI's heap and scratch use.
     */
    private static final Pattern MAY_DIFFER = Pattern.compile(
            "^(Firmware Heap Size|Firmware Scratch Size|Experimental SBI Extensions|Boot HART ISA Extensions"
                    + "|Boot HART MHPM Info|Boot HART Debug Triggers).*");

    static String bootBanner() throws Exception {
        byte[] firmware = Files.readAllBytes(GuestImages.openSbiFwJump());
        BufferSerial console = new BufferSerial();
        try (Machine m = new Machine(MachineConfig.of(128L << 20), console)) {
            m.loadFirmware(firmware);
            m.start();
            assertThat(console.awaitOutput(LAST_BANNER_LINE, Duration.ofSeconds(60)))
                    .as("OpenSBI banner within 60 s; console so far:%n%s", console.outputText()).isTrue();
            Thread.sleep(100); // let the rest of the last line arrive
            m.stop();
        }
        return console.outputText();
    }

    @Test
    void bootsToBannerPlatformHartAndIsaLines() throws Exception {
        String banner = bootBanner();
        assertThat(banner).contains("OpenSBI v")
                .containsPattern("Platform Name\\s+: riscv-virtio,qemu")
                .containsPattern("Platform HART Count\\s+: 1")
                .containsPattern("Platform Timer Device\\s+: aclint-mtimer @ 10000000Hz")
                .containsPattern("Platform Console Device\\s+: uart8250")
                .containsPattern("Platform Shutdown Device\\s+: syscon-poweroff")
                .containsPattern("Domain0 Next Mode\\s+: S-mode")
                .containsPattern("Boot HART ID\\s+: 0")
                .containsPattern("Boot HART Priv Version\\s+: v1.12")
                .containsPattern("Boot HART Base ISA\\s+: rv64imafdc")
                .containsPattern("Boot HART PMP Count\\s+: 16")
                .containsPattern("Boot HART MIDELEG\\s+: 0x0000000000000222");
    }

    @Test
    void bannerMatchesQemuLineForLineExceptForDocumentedExtensions() throws Exception {
        byte[] firmware = Files.readAllBytes(GuestImages.openSbiFwJump());
        // OpenSBI has no kernel to start and never powers off: QEMU runs until the timeout
        String qemu = Qemu.run(firmware, 128L << 20, Duration.ofSeconds(4)).consoleText();
        assertThat(qemu).as("QEMU's console").contains(LAST_BANNER_LINE);
        List<String> ours = comparable(bootBanner());
        List<String> theirs = comparable(qemu);
        assertThat(ours).isNotEmpty().containsExactlyElementsOf(theirs);
    }

    private static List<String> comparable(String console) {
        String upToEnd = console.substring(0, console.indexOf(LAST_BANNER_LINE) + LAST_BANNER_LINE.length());
        return upToEnd.replace("\r", "").lines().filter(l -> !MAY_DIFFER.matcher(l).matches()).toList();
    }
}
