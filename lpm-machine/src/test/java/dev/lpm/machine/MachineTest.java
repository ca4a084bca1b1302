package dev.lpm.machine;

import dev.lpm.api.MemoryMappedDevice;
import dev.lpm.devices.uart.BufferSerial;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineTest {

    @Test
    void anEmulatorErrorStopsTheMachineAndIsReportedWithTheHartAndPc() throws Exception {
        byte[] program = GuestAssembler.assemble("""
                .text
                _start:
                  li t0, 0x30000000
                  lw t1, 0(t0)
                1: j 1b
                """);
        try (Machine m = new Machine(MachineConfig.of(16L << 20), new BufferSerial())) {
            // a device with a bug: its load throws a host exception, which is not a guest trap
            m.bus().map("broken", 0x3000_0000L, new MemoryMappedDevice() {
                @Override
                public int length() {
                    return 0x1000;
                }

                @Override
                public int supportedSizes() {
                    return SIZES_32;
                }

                @Override
                public long load(int offset, int sizeLog2) {
                    throw new IllegalStateException("device bug");
                }

                @Override
                public void store(int offset, long value, int sizeLog2) {
                }
            });
            m.loadFirmware(program);
            m.start();
            assertThatThrownBy(() -> m.awaitPowerOff(Duration.ofSeconds(20)))
                    .isInstanceOf(Machine.MachineFailure.class)
                    .hasMessageContaining("hart 0 stopped by an emulator error at pc 0x80000004 (M mode)")
                    .hasMessageContaining("device bug");
        }
    }

    @Test
    void firmwareThatDoesNotFitBelowTheDeviceTreeIsRefused() {
        try (Machine m = new Machine(MachineConfig.of(16L << 20), new BufferSerial())) {
            assertThatThrownBy(() -> m.loadFirmware(new byte[16 << 20]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
            assertThatThrownBy(() -> m.loadFirmware(new byte[0])).hasMessageContaining("empty");
        }
    }

    @Test
    void deviceTreeSitsTwoMegabyteAlignedBelowTheEndOfRamAsOnQemu() throws Exception {
        try (Machine m = new Machine(MachineConfig.of(128L << 20), new BufferSerial())) {
            m.loadFirmware(new byte[] {0x6f, 0, 0, 0}); // j .
            m.start();
            m.pause();
            assertThat(m.fdtAddress()).isEqualTo(0x87e0_0000L);
            assertThat(m.hart(0).x[11]).as("a1").isEqualTo(0x87e0_0000L);
            assertThat(m.ram().load(m.fdtAddress(), 2)).isEqualTo(0xedfe0dd0L); // FDT magic, big-endian
        }
    }

    @Test
    void configurationOutOfRangeIsRefused() {
        assertThatThrownBy(() -> MachineConfig.of(8L << 20)).hasMessageContaining("between 16M and 16G");
        assertThatThrownBy(() -> new MachineConfig(64L << 20, 0, null)).hasMessageContaining("harts");
    }
}
