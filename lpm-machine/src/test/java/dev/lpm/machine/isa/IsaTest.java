package dev.lpm.machine.isa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.lpm.machine.BareMetal;
import dev.lpm.machine.MachineConfig;
import dev.lpm.machine.MachineConfig.Execution;
import dev.lpm.machine.RunResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every self-checking program in {@code src/test/resources/isa} on lpm (see the README.md there): each
 * must power off with exit code 0 after printing {@code PASS <name>}, both interpreted and with every block
 * translated the first time it runs (the two execution engines must agree on everything a guest sees).
 */
class IsaTest {
    @TestFactory
    Stream<DynamicTest> programsPassOnLpm() {
        return programsPassWith(Execution.INTERPRET);
    }

    @TestFactory
    Stream<DynamicTest> programsPassOnLpmWithEveryBlockTranslated() {
        return programsPassWith(Execution.TRANSLATE_ALL);
    }

    private static Stream<DynamicTest> programsPassWith(Execution execution) {
        return RiscvToolchain.programs().stream().map(p -> dynamicTest(p.name(), p.source().toUri(), () -> {
            byte[] firmware = RiscvToolchain.build(p);
            MachineConfig config = MachineConfig.of(RiscvToolchain.RAM_BYTES).withExecution(execution);
            RunResult result = BareMetal.run(firmware, config, p.timeout());
            assertPassed(p, result, "lpm (" + execution.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }));
    }

    @Test
    void programsAreFound() {
        assertThat(RiscvToolchain.programs()).extracting(RiscvToolchain.Program::name)
                .contains("rv64i", "rv64m", "rv64a", "rv64c", "zicsr", "traps", "sv39", "sv48");
    }

    static void assertPassed(RiscvToolchain.Program p, RunResult result, String where) {
        String console = result.consoleText();
        String context = p.name() + " on " + where + (result.timedOut() ? " timed out after " + p.timeout() : "")
                + ", exit code " + result.exitCode() + ", console:\n" + console;
        assertThat(result.timedOut()).as(context).isFalse();
        assertThat(result.exitCode()).as(context).isZero();
        assertThat(console.lines()).as(context).contains(p.passLine());
        assertThat(console).as(context).doesNotContain("FAIL ");
    }
}
