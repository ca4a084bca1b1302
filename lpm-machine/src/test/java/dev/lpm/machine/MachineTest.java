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
    void setOrClearOfMipDoesNotLatchTheExternalInterruptLine() throws Exception {
        // the UART's THRE interrupt, through the PLIC's S-mode context, drives SEIP; a CSRRS on mip while the
        // line is high must not turn it into the software SEIP bit (privileged spec 3.1.9), or the interrupt
        // never goes away once the device lowers its line
        byte[] program = GuestAssembler.assemble("""
                .text
                _start:
                  li t0, 0x0c000028       # PLIC priority[10] = 1
                  li t1, 1
                  sw t1, 0(t0)
                  li t0, 0x0c002080       # context 1 (hart 0, S-mode) enables source 10
                  li t1, 0x400
                  sw t1, 0(t0)
                  li t0, 0x10000001       # UART IER.ETBEI: THR empty raises the line
                  li t1, 2
                  sb t1, 0(t0)
                  csrr a0, mip
                  li t2, 0x200
                  and a0, a0, t2
                  beqz a0, fail1          # SEIP follows the line
                  li t1, 0x20
                  csrs mip, t1            # set STIP while SEIP's line is high
                  li t0, 0x10000001
                  sb zero, 0(t0)          # the UART lowers its line
                  csrr a0, mip
                  and a0, a0, t2
                  bnez a0, fail2          # SEIP must have gone with it
                  li t0, 0x100000
                  li t1, 0x5555
                  sw t1, 0(t0)
                fail1:
                  li t1, 0x13333
                  j out
                fail2:
                  li t1, 0x23333
                out:
                  li t0, 0x100000
                  sw t1, 0(t0)
                1: j 1b
                """);
        RunResult r = BareMetal.run(program, 16L << 20, Duration.ofSeconds(20));
        assertThat(r.exitCode()).as("exit 1: SEIP did not follow the line; exit 2: SEIP was latched").isZero();
    }

    @Test
    void twoHartsTranslatingNewPagesAtOnceDoNotWaitForEachOtherForever() throws Exception {
        // each new code page makes the translating hart ask every other hart to drop store permissions; both
        // harts run through 64 fresh pages at the same time, each asking while the other asks
        StringBuilder pages = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            pages.append(".balign 4096\npage").append(i).append(":\n  addi s1, s1, 1\n  sd s1, 0(s2)\n  j page")
                    .append(i + 1).append("\n");
        }
        byte[] program = GuestAssembler.assemble("""
                .text
                _start:
                  la s2, flags
                  slli t0, a0, 3
                  add s2, s2, t0           # this hart's own counter
                  li s1, 0
                  li s3, 100
                round:
                  j page0
                %s
                .balign 4096
                page64:
                  addi s3, s3, -1
                  bnez s3, round
                  bnez a0, 1f              # hart 1 is done: spin
                  la t0, flags
                wait:
                  ld t1, 8(t0)             # hart 0 waits for hart 1's 6400 steps
                  li t2, 6400
                  bne t1, t2, wait
                  li t0, 0x100000
                  li t1, 0x5555
                  sw t1, 0(t0)
                1: j 1b
                .data
                .balign 4096
                flags: .dword 0, 0
                """.formatted(pages));
        MachineConfig config = new MachineConfig(64L << 20, 2, null, MachineConfig.Execution.TRANSLATE_ALL);
        try (Machine m = new Machine(config, new BufferSerial())) {
            m.loadFirmware(program);
            m.start();
            assertThat(m.awaitPowerOff(Duration.ofSeconds(60))).hasValue(0);
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
