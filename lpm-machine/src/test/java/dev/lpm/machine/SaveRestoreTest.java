package dev.lpm.machine;

import dev.lpm.devices.uart.BufferSerial;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running machine stopped mid-run, its state (harts, CSRs, CLINT, UART) and RAM moved into a fresh
 * machine, finishes with exactly the output of a run that was never interrupted.
 */
class SaveRestoreTest {
    private static final long RAM = 64L << 20;

    /**
     * Twelve steps, each a burst of integer and floating-point work followed by WFI until the next timer
     * interrupt (the handler re-arms mtimecmp 2 ms ahead), printing its running checksums. Timer interrupts,
     * WFI, FP state and a partly transmitted console all cross the save point.
     */
    private static final String GUEST = """
            .equ UART, 0x10000000
            .equ MTIMECMP, 0x2004000
            .equ MTIME, 0x200bff8
            .text
            _start:
              la sp, stack_top
              la t0, trap
              csrw mtvec, t0
              li t0, 0x2000              # mstatus.FS = Initial
              csrs mstatus, t0
              li t0, 2                   # frm = RDN: FP results depend on the restored fcsr
              csrw frm, t0
              fcvt.d.l f1, zero
              li t0, 3
              fcvt.d.l f2, t0
              li s1, 1                   # integer checksum
              li s2, 0                   # step
              call arm_timer
              li t0, 0x80                # mie.MTIE
              csrs mie, t0
              csrsi mstatus, 8           # mstatus.MIE
            step:
              li t1, 200000
            work:
              mul s1, s1, t1
              addi s1, s1, 0x55
              srli t2, s1, 7
              xor s1, s1, t2
              fadd.d f1, f1, f2
              fdiv.d f3, f1, f2
              addi t1, t1, -1
              bnez t1, work
              la a0, msg
              call puts
              mv a0, s2
              call puthex
              mv a0, s1
              call puthex
              fmv.x.d a0, f3
              call puthex
              li a0, 10
              call putc
              la t0, ticks
              ld t3, 0(t0)
            wait:
              wfi
              ld t4, 0(t0)
              beq t3, t4, wait
              addi s2, s2, 1
              li t0, 12
              blt s2, t0, step
              li t0, 0x100000
              li t1, 0x5555
              sw t1, 0(t0)
            1: j 1b

            arm_timer:
              li t5, MTIME
              ld t5, 0(t5)
              li t6, 20000               # 2 ms at 10 MHz
              add t5, t5, t6
              li t6, MTIMECMP
              sd t5, 0(t6)
              ret

            .align 4
            trap:
              addi sp, sp, -32
              sd ra, 0(sp)
              sd t5, 8(sp)
              sd t6, 16(sp)
              la t5, ticks
              ld t6, 0(t5)
              addi t6, t6, 1
              sd t6, 0(t5)
              call arm_timer
              ld ra, 0(sp)
              ld t5, 8(sp)
              ld t6, 16(sp)
              addi sp, sp, 32
              mret

            putc:
              li t5, UART
            2: lbu t6, 5(t5)
              andi t6, t6, 0x20
              beqz t6, 2b
              sb a0, 0(t5)
              ret
            puts:
              mv t4, ra
              mv t3, a0
            3: lbu a0, 0(t3)
              beqz a0, 4f
              call putc
              addi t3, t3, 1
              j 3b
            4: mv ra, t4
              ret
            puthex:
              mv t4, ra
              mv t3, a0
              li t2, 60
            5: srl a0, t3, t2
              andi a0, a0, 15
              addi a0, a0, 48
              li t1, 58
              blt a0, t1, 6f
              addi a0, a0, 39
            6: call putc
              addi t2, t2, -4
              bgez t2, 5b
              li a0, 32
              call putc
              mv ra, t4
              ret
            .data
            msg: .asciz "step "
            .balign 8
            ticks: .dword 0
            .balign 16
            .space 4096
            stack_top:
            """;

    @Test
    void machineMovedMidRunFinishesWithTheSameOutput() throws Exception {
        byte[] program = GuestAssembler.assemble(GUEST);
        String uninterrupted = runToEnd(program);
        assertThat(uninterrupted).contains("step 000000000000000b");

        Stopped first = runUntil(program, "step 0000000000000004");
        assertThat(first.state().harts().getFirst().pc()).isBetween(VirtBoard.DRAM, VirtBoard.DRAM + program.length);

        BufferSerial secondConsole = new BufferSerial();
        try (Machine second = new Machine(MachineConfig.of(RAM), secondConsole)) {
            second.ram().write(VirtBoard.DRAM, first.memory());
            second.restore(first.state());
            second.startRestored();
            assertThat(second.awaitPowerOff(Duration.ofSeconds(60))).hasValue(0);
        }
        assertThat(first.console() + secondConsole.outputText()).isEqualTo(uninterrupted);
    }

    @Test
    void restoringIntoAMachineThatAlreadyRanDropsItsStaleCaches() throws Exception {
        byte[] program = GuestAssembler.assemble(GUEST);
        String uninterrupted = runToEnd(program);
        Stopped first = runUntil(program, "step 0000000000000002");
        // the target has run the program further than the saved point: its TLBs, fetch window and decode
        // cache hold entries that the restored state must not use
        BufferSerial secondConsole = new BufferSerial();
        try (Machine second = new Machine(MachineConfig.of(RAM), secondConsole)) {
            second.loadFirmware(program);
            second.start();
            assertThat(secondConsole.awaitOutput("step 0000000000000006", Duration.ofSeconds(30))).isTrue();
            second.pause();
            secondConsole.clearOutput();
            second.ram().write(VirtBoard.DRAM, first.memory());
            second.restore(first.state());
            second.resume();
            assertThat(second.awaitPowerOff(Duration.ofSeconds(60))).hasValue(0);
        }
        assertThat(first.console() + secondConsole.outputText()).isEqualTo(uninterrupted);
    }

    @Test
    void savedStateIsAStableRecord() throws Exception {
        byte[] program = GuestAssembler.assemble(GUEST);
        try (Machine m = new Machine(MachineConfig.of(RAM), new BufferSerial())) {
            m.loadFirmware(program);
            m.start();
            Thread.sleep(50);
            m.pause();
            Machine.MachineState a = m.save();
            Machine.MachineState b = m.save();
            // saving does not change the machine: two saves of a paused machine describe the same state
            assertThat(b).isEqualTo(a);
            // and restoring a saved state into the same machine and saving again gives it back unchanged
            m.restore(a);
            assertThat(m.save()).isEqualTo(a);
        }
    }

    /** A machine stopped mid-run: its saved state, a copy of its RAM and what it printed until then. */
    private record Stopped(Machine.MachineState state, byte[] memory, String console) {
    }

    /** Runs {@code program} until its console shows {@code marker}, then pauses and saves it. */
    private static Stopped runUntil(byte[] program, String marker) throws Exception {
        BufferSerial console = new BufferSerial();
        try (Machine m = new Machine(MachineConfig.of(RAM), console)) {
            m.loadFirmware(program);
            m.start();
            assertThat(console.awaitOutput(marker, Duration.ofSeconds(30))).isTrue();
            m.pause();
            byte[] memory = new byte[(int) RAM];
            m.ram().read(VirtBoard.DRAM, memory, 0, memory.length);
            return new Stopped(m.save(), memory, console.outputText());
        }
    }

    private static String runToEnd(byte[] program) throws Exception {
        BufferSerial console = new BufferSerial();
        try (Machine m = new Machine(MachineConfig.of(RAM), console)) {
            m.loadFirmware(program);
            m.start();
            assertThat(m.awaitPowerOff(Duration.ofSeconds(60))).hasValue(0);
        }
        return console.outputText();
    }
}
