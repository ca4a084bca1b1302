package dev.lpm.machine.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.lpm.machine.BareMetal;
import dev.lpm.machine.RunResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * QEMU 7.2 ({@code qemu-system-riscv64 -machine virt}) is the reference for lpm's hart.
 *
 * <ul>
 *   <li>{@link #programsPassOnQemu} keeps the programs themselves honest. Every program must pass under QEMU, so
 *       an expectation that only lpm meets cannot slip in.</li>
 *   <li>{@link #consoleMatchesQemu} runs the programs marked {@code # @differential}. They print deterministic
 *       results: ALU values, trap causes, tvals, WARL read-backs and page-table entries after A/D updates. The
 *       test checks that lpm's console output is byte-for-byte QEMU's.</li>
 * </ul>
 */
class QemuDifferentialTest {
    @TestFactory
    Stream<DynamicTest> programsPassOnQemu() {
        return RiscvToolchain.programs().stream().map(p -> dynamicTest(p.name(), p.source().toUri(), () -> {
            RunResult qemu = Qemu.run(RiscvToolchain.build(p), RiscvToolchain.RAM_BYTES, p.timeout());
            IsaTest.assertPassed(p, qemu, "QEMU");
        }));
    }

    @TestFactory
    Stream<DynamicTest> consoleMatchesQemu() {
        return RiscvToolchain.differentialPrograms().stream().map(p -> dynamicTest(p.name(), p.source().toUri(), () -> {
            byte[] firmware = RiscvToolchain.build(p);
            RunResult qemu = Qemu.run(firmware, RiscvToolchain.RAM_BYTES, p.timeout());
            assertThat(qemu.timedOut()).as("%s timed out under QEMU; console:%n%s", p, qemu.consoleText()).isFalse();
            RunResult lpm = BareMetal.run(firmware, RiscvToolchain.RAM_BYTES, p.timeout());
            assertThat(lpm.consoleText()).as("%s: console of lpm (actual) vs QEMU (expected)", p)
                    .isEqualTo(qemu.consoleText());
            assertThat(lpm.exitCode()).as("%s: exit code of lpm vs QEMU", p).isEqualTo(qemu.exitCode());
            assertThat(lpm.timedOut()).as("%s timed out on lpm", p).isFalse();
        }));
    }
}
