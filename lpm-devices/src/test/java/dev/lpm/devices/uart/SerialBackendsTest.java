package dev.lpm.devices.uart;

import dev.lpm.devices.Waits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SerialBackendsTest {

    /** Counts write calls, like counting syscalls. */
    static final class CountingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public synchronized void write(int b) {
            writes.incrementAndGet();
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void stdioFlushesOnNewlineAtOnce() {
        CountingStream out = new CountingStream();
        try (StdioSerial serial = new StdioSerial(null, out, Duration.ofHours(1))) {
            for (byte b : "line\n".getBytes(StandardCharsets.US_ASCII)) {
                serial.transmit(b);
            }
            assertThat(out.text()).isEqualTo("line\n");
            assertThat(out.writes.get()).isEqualTo(1);
        }
    }

    @Test
    void stdioFlushesAPromptAfterAShortIdleDelay() {
        CountingStream out = new CountingStream();
        try (StdioSerial serial = new StdioSerial(null, out, Duration.ofMillis(2))) {
            for (byte b : "$ ".getBytes(StandardCharsets.US_ASCII)) {
                serial.transmit(b);
            }
            assertThat(Waits.await(() -> out.text().equals("$ "), Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void stdioBatchesBulkOutput() {
        CountingStream out = new CountingStream();
        try (StdioSerial serial = new StdioSerial(null, out, Duration.ofHours(1))) {
            for (int i = 0; i < 100_000; i++) {
                serial.transmit((byte) 'x');
            }
            serial.flush();
            assertThat(out.bytes.size()).isEqualTo(100_000);
            assertThat(out.writes.get()).isLessThanOrEqualTo(100_000 / 8192 + 1);
        }
    }

    @Test
    void stdioCloseFlushesAndAFailingStreamIsSurvived() {
        CountingStream out = new CountingStream();
        StdioSerial serial = new StdioSerial(null, out, Duration.ofHours(1));
        serial.transmit((byte) 'z');
        serial.close();
        assertThat(out.text()).isEqualTo("z");

        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed pipe (expected by the test)");
            }
        };
        try (StdioSerial failing = new StdioSerial(null, broken, Duration.ofHours(1))) {
            for (int i = 0; i < 100; i++) {
                failing.transmit((byte) '\n');
            }
        }
    }

    @Test
    void stdioReaderFeedsTheReceiverUntilEndOfInput() throws IOException {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard);
        BufferSerial sink = new BufferSerial(); // use its transmit as a byte collector
        try (StdioSerial serial = new StdioSerial(in, new ByteArrayOutputStream())) {
            serial.connect(sink::transmit);
            keyboard.write("ls -l\n".getBytes(StandardCharsets.US_ASCII));
            keyboard.flush();
            assertThat(Waits.await(() -> sink.outputText().equals("ls -l\n"), Duration.ofSeconds(20))).isTrue();
            keyboard.close();
        }
    }

    @Test
    void stdioDrivesAUartEndToEnd() throws IOException {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard);
        CountingStream screen = new CountingStream();
        try (StdioSerial serial = new StdioSerial(in, screen, Duration.ofMillis(1));
             dev.lpm.devices.HostDeviceTimer timer = new dev.lpm.devices.HostDeviceTimer()) {
            Uart16550 uart = new Uart16550(serial, dev.lpm.api.InterruptLine.NONE, timer);
            keyboard.write('k');
            keyboard.flush();
            assertThat(Waits.await(() -> (uart.load(Uart16550.LSR, 0) & 1) != 0, Duration.ofSeconds(20))).isTrue();
            uart.store(Uart16550.THR, uart.load(Uart16550.RBR, 0), 0); // echo
            assertThat(Waits.await(() -> screen.text().equals("k"), Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void bufferCapturesOutputAndDeliversEarlyInputOnConnect() throws InterruptedException {
        BufferSerial serial = new BufferSerial();
        serial.inject("early");
        StringBuilder got = new StringBuilder();
        serial.connect(b -> got.append((char) b));
        assertThat(got.toString()).isEqualTo("early");
        serial.inject("late");
        assertThat(got.toString()).isEqualTo("earlylate");
        serial.transmit((byte) 'o');
        serial.transmit((byte) 'k');
        assertThat(serial.outputText()).isEqualTo("ok");
        assertThat(serial.output()).containsExactly('o', 'k');
        assertThat(serial.awaitOutput("ok", Duration.ofMillis(1))).isTrue();
        assertThat(serial.awaitOutput("nope", Duration.ofMillis(5))).isFalse();
        serial.clearOutput();
        assertThat(serial.outputSize()).isZero();
    }

    @Test
    void bufferAwaitSeesOutputFromAnotherThread() throws InterruptedException {
        BufferSerial serial = new BufferSerial();
        Thread writer = new Thread(() -> {
            for (byte b : "login: ".getBytes(StandardCharsets.US_ASCII)) {
                serial.transmit(b);
            }
        });
        writer.start();
        assertThat(serial.awaitOutput("login:", Duration.ofSeconds(20))).isTrue();
        writer.join();
    }
}
