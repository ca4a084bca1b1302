package dev.lpm.migration.mover;

import dev.lpm.cpu.HartState;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpTest {
    @Test
    void theWarmUpLoopRunsWithoutTrappingAndRetiresInstructions() throws Exception {
        HartState h = WarmUp.harts(Duration.ofMillis(500));
        assertThat(h.retired()).isGreaterThan(100_000);
        assertThat(h.csr().mcause()).as("no trap was taken").isZero();
        assertThat(h.pc()).isBetween(0x8000_0008L, 0x8000_002CL); // inside the loop
        assertThat(h.x()[28]).as("loop counter").isGreaterThan(10_000);
    }

    @Test
    void theWarmUpMovesARunningMachineLiveOverLoopback() throws Exception {
        MigrationReport r = WarmUp.liveLoopback(2);
        assertThat(r.outcome()).as(r.message()).isEqualTo(MigrationReport.COMPLETED);
        assertThat(r.pagesSent()).as("24 MiB of data and the loop's pages").isGreaterThanOrEqualTo(24 * 256);
        assertThat(r.zeroPages()).as("the zero MiBs go as ranges").isGreaterThan(8 * 256);
        assertThat(r.precopyRounds()).isNotEmpty();
    }
}
