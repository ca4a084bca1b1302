package dev.lpm.devices.uart;

import dev.lpm.devices.HostDeviceTimer;
import dev.lpm.devices.ManualTimer;
import dev.lpm.devices.RecordingLine;
import dev.lpm.devices.Waits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static dev.lpm.devices.uart.Uart16550.FCR;
import static dev.lpm.devices.uart.Uart16550.IER;
import static dev.lpm.devices.uart.Uart16550.IIR;
import static dev.lpm.devices.uart.Uart16550.LCR;
import static dev.lpm.devices.uart.Uart16550.LSR;
import static dev.lpm.devices.uart.Uart16550.MCR;
import static dev.lpm.devices.uart.Uart16550.MSR;
import static dev.lpm.devices.uart.Uart16550.RBR;
import static dev.lpm.devices.uart.Uart16550.SCR;
import static dev.lpm.devices.uart.Uart16550.THR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Uart16550Test {

    /** A UART on an in-memory line and a fake clock. */
    static final class Rig {
        final BufferSerial serial = new BufferSerial();
        final RecordingLine irq = new RecordingLine();
        final ManualTimer timer;
        final Uart16550 uart;

        Rig() {
            this(new ManualTimer());
        }

        Rig(ManualTimer timer) {
            this.timer = timer;
            uart = new Uart16550(serial, irq, timer);
        }

        int read(int offset) {
            return (int) uart.load(offset, 0);
        }

        void write(int offset, int value) {
            uart.store(offset, value, 0);
        }

        /** What Linux's 8250 driver does for 115200 8N1 with a 3.6864 MHz clock: divisor 2. */
        void linuxSetup(int fcr) {
            write(LCR, 0x80);
            write(0, 2);
            write(1, 0);
            write(LCR, 0x03);
            write(FCR, fcr);
        }
    }

    @Nested
    class Registers {

        @Test
        void resetValuesMatchQemu() {
            Rig r = new Rig();
            assertThat(r.read(IER)).isZero();
            assertThat(r.read(IIR)).isEqualTo(0x01);
            assertThat(r.read(LCR)).isZero();
            assertThat(r.read(MCR)).isEqualTo(Uart16550.MCR_OUT2);
            assertThat(r.read(LSR)).isEqualTo(0x60);
            assertThat(r.read(MSR)).isEqualTo(0xB0);
            assertThat(r.read(SCR)).isZero();
            r.write(LCR, 0x80);
            assertThat(r.read(0)).isEqualTo(0x0C);
            assertThat(r.read(1)).isZero();
            assertThat(r.irq.level()).isFalse();
            assertThat(r.uart.length()).isEqualTo(0x100);
            assertThat(r.uart.supportedSizes()).isEqualTo(1);
        }

        @Test
        void divisorLatchIsSeparateFromThrAndIer() {
            Rig r = new Rig();
            r.write(LCR, 0x83);
            r.write(0, 0x34);
            r.write(1, 0x12);
            assertThat(r.read(0)).isEqualTo(0x34);
            assertThat(r.read(1)).isEqualTo(0x12);
            r.write(LCR, 0x03);
            assertThat(r.read(IER)).isZero();
            assertThat(r.serial.outputSize()).isZero();
            assertThat(r.uart.save().divisor()).isEqualTo(0x1234);
        }

        @Test
        void ierKeepsLowNibbleMcrLowFiveBitsScratchEverything() {
            Rig r = new Rig();
            r.write(IER, 0xF0);
            assertThat(r.read(IER)).isZero();
            r.write(MCR, 0xFF);
            assertThat(r.read(MCR)).isEqualTo(0x1F);
            r.write(SCR, 0xA5);
            assertThat(r.read(SCR)).isEqualTo(0xA5);
            r.write(LCR, 0x5B);
            assertThat(r.read(LCR)).isEqualTo(0x5B);
        }

        @Test
        void lsrAndMsrIgnoreWritesAndTheWindowBeyondEightIsEmpty() {
            Rig r = new Rig();
            r.write(LSR, 0);
            r.write(MSR, 0);
            assertThat(r.read(LSR)).isEqualTo(0x60);
            assertThat(r.read(MSR)).isEqualTo(0xB0);
            for (int offset = 8; offset < 0x100; offset += 7) {
                r.write(offset, 0x41);
                assertThat(r.read(offset)).isZero();
            }
            assertThat(r.serial.outputSize()).isZero();
        }

        @Test
        void transmitGoesStraightToTheBackendAndThrStaysEmpty() {
            Rig r = new Rig();
            for (byte b : "hello\n".getBytes(StandardCharsets.US_ASCII)) {
                assertThat(r.read(LSR) & Uart16550.LSR_THRE).isNotZero();
                r.write(THR, b);
            }
            assertThat(r.serial.outputText()).isEqualTo("hello\n");
            assertThat(r.read(LSR)).isEqualTo(0x60);
        }

        @Test
        void openSbiStyleInitialisationAndPolledOutput() {
            Rig r = new Rig();
            // lib/utils/serial/uart8250.c: LCR=DLAB, DLL/DLM, LCR=8N1, IER=0, FCR=1, MCR=0, read LSR and RBR
            r.write(LCR, 0x80);
            r.write(0, 2);
            r.write(1, 0);
            r.write(LCR, 0x03);
            r.write(IER, 0);
            r.write(FCR, 0x01);
            r.write(MCR, 0);
            r.read(LSR);
            r.read(RBR);
            r.write(SCR, 0);
            for (char c : "OpenSBI".toCharArray()) {
                while ((r.read(LSR) & Uart16550.LSR_THRE) == 0) {
                    // never spins: transmission is synchronous
                }
                r.write(THR, c);
            }
            assertThat(r.serial.outputText()).isEqualTo("OpenSBI");
            assertThat(r.irq.level()).isFalse();
            assertThat(r.read(IIR)).isEqualTo(0xC1);
        }

        @Test
        void fcrFlushesAndReportsFifoInIir() {
            Rig r = new Rig();
            r.write(FCR, 0x01);
            assertThat(r.read(IIR)).isEqualTo(0xC1);
            r.write(MCR, Uart16550.MCR_LOOP);
            r.write(THR, 'a');
            r.write(THR, 'b');
            assertThat(r.read(LSR) & Uart16550.LSR_DR).isEqualTo(1);
            r.write(FCR, 0x03); // receive FIFO reset
            assertThat(r.read(LSR)).isEqualTo(0x60);
            assertThat(r.uart.save().rxFifo()).isEmpty();
            r.write(THR, 'c');
            r.write(FCR, 0x00); // disabling flushes too
            assertThat(r.read(LSR)).isEqualTo(0x60);
            assertThat(r.read(IIR)).isEqualTo(0x01);
            assertThat(r.uart.save().fcr()).isZero();
            r.write(FCR, 0xCF); // DMA mode + trigger 14 stick, reset bits do not
            assertThat(r.uart.save().fcr()).isEqualTo(0xC9);
        }

        @Test
        void hostInputWaitingForRoomFlowsInWhenTheFifoIsReset() {
            Rig r = new Rig();
            r.write(FCR, 0x01); // trigger level 1: the host offers one byte at a time
            r.serial.inject("ab");
            assertThat(r.uart.save().rxFifo()).containsExactly('a');
            assertThat(r.uart.save().hostInput()).containsExactly('b');
            r.write(FCR, 0x03);
            assertThat(r.uart.save().rxFifo()).containsExactly('b');
            assertThat(r.read(RBR)).isEqualTo('b');
            assertThat(r.read(LSR)).isEqualTo(0x60);
        }

        @Test
        void resetKeepsFcrButClearsTheIirFifoBitsLikeQemu() {
            Rig r = new Rig();
            r.write(FCR, 0x01);
            r.write(IER, 0x0F);
            r.write(LCR, 0x03);
            r.uart.reset();
            assertThat(r.read(IIR)).isEqualTo(0x01);
            assertThat(r.uart.save().fcr()).isEqualTo(0x01);
            assertThat(r.read(IER)).isZero();
            assertThat(r.read(LCR)).isZero();
            assertThat(r.irq.level()).isFalse();
        }
    }

    @Nested
    class Interrupts {

        @Test
        void thrEmptyInterruptFollowsQemusRules() {
            Rig r = new Rig();
            r.write(IER, Uart16550.IER_THRI); // enabling THRI with THR empty raises it
            assertThat(r.irq.level()).isTrue();
            assertThat(r.read(IIR)).isEqualTo(0x02); // reading the IIR that reports it clears it
            assertThat(r.irq.level()).isFalse();
            assertThat(r.read(IIR)).isEqualTo(0x01);
            r.write(THR, 'x'); // transmitting sets it again
            assertThat(r.irq.level()).isTrue();
            r.write(IER, 0); // disabling drops it
            assertThat(r.irq.level()).isFalse();
            r.write(IER, Uart16550.IER_THRI); // and re-enabling re-samples THRE
            assertThat(r.irq.level()).isTrue();
            r.write(IER, Uart16550.IER_THRI); // writing the same value changes nothing
            assertThat(r.irq.level()).isTrue();
            r.read(IIR);
            r.write(IER, Uart16550.IER_THRI | Uart16550.IER_RDI); // THRI unchanged: no re-sample
            assertThat(r.irq.level()).isFalse();
            r.write(FCR, 0x05); // transmit FIFO reset raises it again
            assertThat(r.read(IIR)).isEqualTo(0xC2);
        }

        @Test
        void receivedDataWithoutFifo() {
            Rig r = new Rig();
            r.write(IER, Uart16550.IER_RDI);
            r.serial.inject("a");
            assertThat(r.irq.level()).isTrue();
            assertThat(r.read(IIR)).isEqualTo(0x04);
            assertThat(r.read(LSR)).isEqualTo(0x61);
            assertThat(r.read(RBR)).isEqualTo('a');
            assertThat(r.irq.level()).isFalse();
            assertThat(r.read(LSR)).isEqualTo(0x60);
        }

        @Test
        void flowControlNeverOverrunsFromHostInput() {
            Rig r = new Rig();
            r.serial.inject("abc"); // non-FIFO: one byte at a time, the rest waits host-side
            assertThat(r.uart.save().hostInput()).containsExactly('b', 'c');
            StringBuilder got = new StringBuilder();
            while ((r.read(LSR) & Uart16550.LSR_DR) != 0) {
                got.append((char) r.read(RBR));
            }
            assertThat(got.toString()).isEqualTo("abc");
            assertThat(r.read(LSR) & Uart16550.LSR_OE).isZero();
        }

        @Test
        void fifoFillsToTheTriggerLevelThenRaisesReceivedData() {
            Rig r = new Rig();
            r.linuxSetup(0x81); // FIFO on, trigger 8: what Linux uses for a 16550A
            r.write(IER, Uart16550.IER_RDI);
            r.serial.inject("0123456789ABCDEFGHIJ");
            assertThat(r.uart.save().rxFifo()).hasSize(8);
            assertThat(r.irq.level()).isTrue();
            assertThat(r.read(IIR)).isEqualTo(0xC4);
            StringBuilder got = new StringBuilder();
            while ((r.read(LSR) & Uart16550.LSR_DR) != 0) {
                got.append((char) r.read(RBR));
            }
            assertThat(got.toString()).isEqualTo("0123456789ABCDEFGHIJ");
            assertThat(r.irq.level()).isFalse();
        }

        @Test
        void triggerLevelFourteenStopsFlowAtFourteen() {
            Rig r = new Rig();
            r.write(FCR, 0xC1);
            r.serial.inject("0123456789ABCDEFGHIJ");
            assertThat(r.uart.save().rxFifo()).hasSize(14);
            assertThat(r.uart.save().hostInput()).hasSize(6);
        }

        @Test
        void characterTimeoutAfterFourCharacterTimes() {
            Rig r = new Rig();
            r.linuxSetup(0x81);
            r.write(IER, Uart16550.IER_RDI);
            r.serial.inject("ab"); // below the trigger level: no interrupt yet
            assertThat(r.irq.level()).isFalse();
            // divisor 2 on QEMU's 399193 Hz base: 199596 baud, 10-bit frames, (1e9 / 199596) * 10 ns a char
            assertThat(r.timer.lastDelay()).isEqualTo(4 * (1_000_000_000L / 199_596) * 10);
            r.timer.advance(r.timer.lastDelay() - 1);
            assertThat(r.irq.level()).isFalse();
            r.timer.advance(1);
            assertThat(r.irq.level()).isTrue();
            assertThat(r.read(IIR)).isEqualTo(0xCC);
            assertThat(r.read(RBR)).isEqualTo('a'); // reading clears the timeout and re-arms it
            assertThat(r.irq.level()).isFalse();
            r.timer.advance(r.timer.lastDelay());
            assertThat(r.read(IIR)).isEqualTo(0xCC);
            assertThat(r.read(RBR)).isEqualTo('b');
            assertThat(r.irq.level()).isFalse();
            r.timer.advance(10_000_000);
            assertThat(r.irq.level()).isFalse();
        }

        @Test
        void characterTimeoutIsMaskedByIerRdi() {
            Rig r = new Rig();
            r.linuxSetup(0x81);
            r.serial.inject("a");
            r.timer.advance(10_000_000);
            assertThat(r.irq.level()).isFalse();
            assertThat(r.uart.save().timeoutInterruptPending()).isTrue();
            r.write(IER, Uart16550.IER_RDI);
            assertThat(r.read(IIR)).isEqualTo(0xCC);
        }

        @Test
        void loopbackOverrunRaisesLineStatusFirst() {
            Rig r = new Rig();
            r.write(MCR, Uart16550.MCR_LOOP);
            r.write(IER, 0x0F);
            assertThat(r.read(IIR)).isEqualTo(0x02);
            r.write(THR, 'x');
            r.write(THR, 'y'); // not read: overrun
            assertThat(r.serial.outputSize()).isZero();
            assertThat(r.read(IIR)).isEqualTo(0x06); // line status beats data and THRE
            assertThat(r.read(LSR)).isEqualTo(0x63); // OE is reported once, then cleared
            assertThat(r.read(IIR)).isEqualTo(0x04);
            assertThat(r.read(RBR)).isEqualTo('y');
            assertThat(r.read(IIR)).isEqualTo(0x02);
            assertThat(r.read(IIR)).isEqualTo(0x01);
        }

        @Test
        void loopbackFifoOverrunKeepsTheOldBytes() {
            Rig r = new Rig();
            r.write(FCR, 0x01);
            r.write(MCR, Uart16550.MCR_LOOP);
            for (int i = 0; i < 17; i++) {
                r.write(THR, 'a' + i);
            }
            assertThat(r.read(LSR) & 0x03).isEqualTo(0x03);
            byte[] fifo = r.uart.save().rxFifo();
            assertThat(fifo).hasSize(16);
            assertThat(fifo[15]).isEqualTo((byte) ('a' + 15));
        }

        @Test
        void loopbackModemStatusMirrorsModemControl() {
            Rig r = new Rig();
            r.write(MCR, Uart16550.MCR_LOOP);
            assertThat(r.read(MSR)).isZero();
            r.write(MCR, Uart16550.MCR_LOOP | Uart16550.MCR_DTR);
            assertThat(r.read(MSR)).isEqualTo(0x20);
            r.write(MCR, Uart16550.MCR_LOOP | Uart16550.MCR_RTS);
            assertThat(r.read(MSR)).isEqualTo(0x10);
            r.write(MCR, Uart16550.MCR_LOOP | Uart16550.MCR_OUT1);
            assertThat(r.read(MSR)).isEqualTo(0x40);
            r.write(MCR, Uart16550.MCR_LOOP | Uart16550.MCR_OUT2);
            assertThat(r.read(MSR)).isEqualTo(0x80);
            r.write(MCR, 0x1F);
            assertThat(r.read(MSR)).isEqualTo(0xF0);
            r.write(MCR, 0);
            assertThat(r.read(MSR)).isEqualTo(0xB0);
        }

        @Test
        void modemStatusDeltaFromARestoredStateIsReportedOnce() {
            Rig r = new Rig();
            r.uart.restore(new UartState(12, 0, Uart16550.IER_MSI, 0, 0x08, 0x60, 0xB1, 0, 0, false, false,
                    new byte[0], new byte[0]));
            r.uart.resyncInterrupts();
            assertThat(r.irq.level()).isTrue();
            assertThat(r.read(IIR)).isEqualTo(0x00);
            assertThat(r.read(MSR)).isEqualTo(0xB1);
            assertThat(r.read(MSR)).isEqualTo(0xB0);
            assertThat(r.irq.level()).isFalse();
        }

        @Test
        void hostInputBeyondCapacityIsDroppedAndCounted() {
            Rig r = new Rig();
            byte[] flood = new byte[Uart16550.HOST_INPUT_CAPACITY + 10];
            r.serial.inject(flood);
            // one byte sits in RBR, the queue is full, the remaining 9 were dropped
            assertThat(r.uart.droppedHostBytes()).isEqualTo(9);
        }
    }

    @Nested
    class SaveRestore {

        @Test
        void stateValidatesAndIsImmutable() {
            byte[] fifo = {1, 2};
            UartState s = new UartState(12, 0, 0, 0, 8, 0x60, 0xB0, 0, 1, false, false, fifo, new byte[0]);
            fifo[0] = 9;
            s.rxFifo()[1] = 9;
            assertThat(s.rxFifo()).containsExactly(1, 2);
            assertThatThrownBy(() -> new UartState(0x10000, 0, 0, 0, 0, 0, 0, 0, 0, false, false, new byte[0], new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new UartState(0, 0, 0x10, 0, 0, 0, 0, 0, 0, false, false, new byte[0], new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new UartState(0, 0, 0, 0, 0x20, 0, 0, 0, 0, false, false, new byte[0], new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new UartState(0, 0, 0, 0, 0, 0, 0, 0, 0x02, false, false, new byte[0], new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new UartState(0, 0, 0, 0, 0, 0, 0, 0, 1, false, false, new byte[17], new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void roundTripIntoAFreshInstanceWithPendingInterruptAndFifoContents() {
            Rig a = new Rig();
            a.linuxSetup(0x81);
            a.write(IER, Uart16550.IER_RDI | Uart16550.IER_THRI);
            a.write(SCR, 0x5A);
            a.serial.inject("0123456789XYZ"); // 8 in the FIFO, 5 waiting host-side
            a.read(IIR);
            assertThat(a.irq.level()).isTrue();
            UartState saved = a.uart.save();
            assertThat(saved.rxFifo()).hasSize(8);
            assertThat(saved.hostInput()).hasSize(5);

            Rig b = new Rig(new ManualTimer(a.timer.nanoTime()));
            int sets = b.irq.sets();
            b.uart.restore(saved);
            assertThat(b.irq.sets()).isEqualTo(sets); // restore drives nothing
            assertThat(b.irq.level()).isFalse();
            b.uart.resyncInterrupts();
            assertThat(b.irq.level()).isTrue();
            assertThat(b.uart.save()).isEqualTo(saved);
            assertThat(b.read(IIR)).isEqualTo(a.read(IIR));
            StringBuilder got = new StringBuilder();
            while ((b.read(LSR) & Uart16550.LSR_DR) != 0) {
                got.append((char) b.read(RBR));
            }
            assertThat(got.toString()).isEqualTo("0123456789XYZ");
            b.write(THR, 'k');
            assertThat(b.serial.outputText()).isEqualTo("k");
            assertThat(b.read(SCR)).isEqualTo(0x5A);
        }

        @Test
        void pendingCharacterTimeoutSurvivesTheTrip() {
            Rig a = new Rig();
            a.linuxSetup(0x81);
            a.write(IER, Uart16550.IER_RDI);
            a.serial.inject("q");
            UartState beforeTimeout = a.uart.save();
            a.timer.advance(1_000_000);
            UartState afterTimeout = a.uart.save();
            assertThat(afterTimeout.timeoutInterruptPending()).isTrue();

            Rig b = new Rig();
            b.uart.restore(afterTimeout);
            b.uart.resyncInterrupts();
            assertThat(b.read(IIR)).isEqualTo(0xCC);

            Rig c = new Rig(); // data in the FIFO, timeout not yet expired: resync re-arms it
            c.uart.restore(beforeTimeout);
            c.uart.resyncInterrupts();
            assertThat(c.irq.level()).isFalse();
            c.timer.advance(1_000_000);
            assertThat(c.irq.level()).isTrue();
            assertThat(c.read(RBR)).isEqualTo('q');
        }
    }

    @Nested
    class Threads {

        @Test
        void concurrentInputArrivesCompleteAndInOrder() throws InterruptedException {
            try (HostDeviceTimer timer = new HostDeviceTimer("uart-test-timer")) {
                BufferSerial serial = new BufferSerial();
                RecordingLine irq = new RecordingLine();
                Uart16550 uart = new Uart16550(serial, irq, timer);
                uart.store(FCR, 0x81, 0);
                int n = 20_000;
                byte[] data = new byte[n];
                new Random(7).nextBytes(data);
                Thread producer = new Thread(() -> {
                    for (int i = 0; i < n; i += 100) {
                        serial.inject(java.util.Arrays.copyOfRange(data, i, Math.min(n, i + 100)));
                    }
                });
                producer.start();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (got.size() < n && System.nanoTime() < deadline) {
                    if ((uart.load(LSR, 0) & Uart16550.LSR_DR) != 0) {
                        got.write((int) uart.load(RBR, 0));
                    } else {
                        Thread.onSpinWait();
                    }
                }
                producer.join();
                assertThat(got.toByteArray()).isEqualTo(data);
                assertThat(uart.load(LSR, 0) & Uart16550.LSR_OE).isZero();
                assertThat(uart.droppedHostBytes()).isZero();
            }
        }

        @Test
        void characterTimeoutFiresOnARealTimer() {
            try (HostDeviceTimer timer = new HostDeviceTimer("uart-test-timer")) {
                BufferSerial serial = new BufferSerial();
                RecordingLine irq = new RecordingLine();
                Uart16550 uart = new Uart16550(serial, irq, timer);
                uart.store(LCR, 0x80, 0);
                uart.store(0, 2, 0);
                uart.store(LCR, 0x03, 0);
                uart.store(FCR, 0x81, 0);
                uart.store(IER, Uart16550.IER_RDI, 0);
                serial.inject("x"); // one keystroke: only the timeout can report it
                assertThat(Waits.await(irq::level, Duration.ofSeconds(20))).isTrue();
                assertThat(uart.load(IIR, 0)).isEqualTo(0xCC);
                assertThat(uart.load(RBR, 0)).isEqualTo('x');
            }
        }
    }

    @Nested
    class Fuzz {

        private record Op(int kind, int offset, int value, byte[] input) {
        }

        private Op randomOp(Random rnd) {
            int k = rnd.nextInt(20);
            if (k == 0) {
                byte[] in = new byte[1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 40 : 4)];
                rnd.nextBytes(in);
                return new Op(0, 0, 0, in);
            }
            if (k == 1) {
                // Long enough that every armed character timeout expires (the longest, divisor 0xFFFF with
                // 12-bit frames, is about 8 s).
                return new Op(1, 0, 0, null);
            }
            if (k == 2 && rnd.nextInt(10) == 0) {
                return new Op(2, 0, 0, null); // reset
            }
            int offset = rnd.nextInt(10) == 0 ? rnd.nextInt(Uart16550.LENGTH) : rnd.nextInt(8);
            int value = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextInt(256);
                case 1 -> rnd.nextInt(16);
                case 2 -> 0x80 | rnd.nextInt(4) << 6 | 1; // FIFO-ish values
                default -> rnd.nextBoolean() ? 0 : 0xFF;
            };
            if (offset == LCR && rnd.nextInt(3) != 0) {
                value &= 0x7F; // spend most of the time outside DLAB
            }
            return new Op(rnd.nextBoolean() ? 3 : 4, offset, value, null);
        }

        private long apply(Rig r, Op op) {
            switch (op.kind) {
                case 0 -> {
                    r.serial.inject(op.input);
                    return -1;
                }
                case 1 -> {
                    r.timer.advance(10_000_000_000L);
                    return -2;
                }
                case 2 -> {
                    r.uart.reset();
                    return -3;
                }
                case 3 -> {
                    return r.uart.load(op.offset, 0);
                }
                default -> {
                    r.uart.store(op.offset, op.value, 0);
                    return -4;
                }
            }
        }

        private void checkInvariants(Rig r) {
            UartState s = r.uart.save();
            assertThat(s.lsr() & 0x60).isEqualTo(0x60); // the transmitter is always empty between accesses
            assertThat(s.rxFifo().length).isLessThanOrEqualTo(16);
            assertThat(r.uart.interruptPending()).isEqualTo(r.irq.level());
            if ((s.fcr() & 1) == 0) {
                assertThat(s.rxFifo()).isEmpty();
            }
            if (!s.timeoutInterruptPending() && s.rxFifo().length > 0) {
                assertThat(r.timer.pending()).isPositive();
            }
        }

        @Test
        void randomAccessesKeepInvariantsAndSnapshotsReplayIdentically() {
            for (long seed = 11; seed <= 14; seed++) {
                Random rnd = new Random(seed);
                Rig a = new Rig();
                int steps = 6000;
                int forkAt = 1500 + rnd.nextInt(2000);
                for (int i = 0; i < forkAt; i++) {
                    apply(a, randomOp(rnd));
                    checkInvariants(a);
                }
                UartState saved = a.uart.save();
                Rig b = new Rig(new ManualTimer(a.timer.nanoTime()));
                b.uart.restore(saved);
                b.uart.resyncInterrupts();
                assertThat(b.uart.save()).isEqualTo(saved);
                assertThat(b.irq.level()).isEqualTo(a.irq.level());
                int outA = a.serial.outputSize();
                for (int i = forkAt; i < steps; i++) {
                    Op op = randomOp(rnd);
                    long ra = apply(a, op);
                    long rb = apply(b, op);
                    assertThat(rb).as("seed %d step %d %s", seed, i, op).isEqualTo(ra);
                    assertThat(b.irq.level()).as("seed %d step %d", seed, i).isEqualTo(a.irq.level());
                    checkInvariants(a);
                    checkInvariants(b);
                }
                assertThat(b.uart.save()).isEqualTo(a.uart.save());
                byte[] tailA = java.util.Arrays.copyOfRange(a.serial.output(), outA, a.serial.outputSize());
                assertThat(b.serial.output()).isEqualTo(tailA);
            }
        }
    }
}
