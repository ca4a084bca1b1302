package dev.lpm.devices.uart;

import dev.lpm.api.DeviceTimer;
import dev.lpm.api.InterruptLine;
import dev.lpm.api.MemoryMappedDevice;
import dev.lpm.api.SerialBackend;
import dev.lpm.api.Snapshottable;

import java.util.Objects;

/**
 * An NS16550A UART as QEMU 7.2 models it ({@code hw/char/serial.c}), mapped the way its {@code virt} board
 * maps it: byte registers at offsets 0..7 (reg-shift 0), a 16-byte receive FIFO, and one level-triggered
 * interrupt.
 *
 * <h2>Registers</h2>
 * <pre>
 * 0  RBR (R) / THR (W)          DLL when LCR.DLAB
 * 1  IER (RW, low 4 bits)       DLM when LCR.DLAB
 * 2  IIR (R) / FCR (W)
 * 3  LCR (RW)     4  MCR (RW, low 5 bits)     5  LSR (R)     6  MSR (R)     7  SCR (RW)
 * </pre>
 *
 * <h2>Interrupts (as QEMU's {@code serial_update_irq})</h2>
 * The IIR reports the highest-priority condition, and the line is high exactly when there is one:
 * <ol>
 *   <li>receiver line status (0x6): IER.RLSI and any of LSR.OE/PE/FE/BI; cleared by reading LSR;</li>
 *   <li>character timeout (0xC): IER.RDI and the FIFO holding data that nobody read for four character
 *       times (armed on every receive and every RBR read that leaves data behind; the character time comes
 *       from the divisor, LCR and QEMU virt's 399193 Hz reference clock); cleared by reading RBR;</li>
 *   <li>received data available (0x4): IER.RDI, LSR.DR and, with the FIFO on, at least the trigger level of
 *       1/4/8/14 bytes buffered;</li>
 *   <li>THR empty (0x2): IER.THRI and a pending THRE event. The event is set when a write to THR has been
 *       transmitted, by a transmit-FIFO reset, and when IER.THRI goes from 0 to 1 while THR is empty (the
 *       real chip's behaviour that Linux's 8250 driver relies on); it is cleared by writing THR, by reading an
 *       IIR that reports it, and when IER.THRI goes to 0;</li>
 *   <li>modem status (0x0): IER.MSI and a delta bit in MSR. With a non-tty host backend, as with QEMU's
 *       stdio/pty/socket backends, the modem lines never change, so this never fires.</li>
 * </ol>
 * IIR bits 7:6 read 11 while the FIFOs are enabled.
 *
 * <h2>Transmit and receive</h2>
 * A byte written to THR goes straight to the {@link SerialBackend} (or, in loopback mode, MCR bit 4, into
 * the receiver); there is no baud-rate delay, so LSR.THRE and LSR.TEMT read 1 between accesses, which is
 * what OpenSBI's polling driver waits for. Host input arrives on any thread; it is queued host-side (up to
 * {@link #HOST_INPUT_CAPACITY} bytes, beyond which it is dropped and counted) and handed to the receiver under
 * QEMU's flow control: one byte while LSR.DR is clear in non-FIFO mode, and with the FIFO on, up to the
 * trigger level (then one at a time up to 16). A pasted burst is therefore never lost to overruns; only
 * loopback can overrun (LSR.OE). In loopback mode MSR reads the modem-control outputs (DTR→DSR, RTS→CTS,
 * OUT1→RI, OUT2→DCD), as in QEMU, and host input still reaches the receiver, as in QEMU.
 *
 * <h2>Differences from QEMU</h2>
 * QEMU maps only 8 bytes of the 0x100-byte window (an access to 0x08..0xFF faults) and accepts 2- and 4-byte
 * accesses with quirky results; here 0x08..0xFF read 0 and ignore writes, and the bus faults non-byte
 * accesses ({@link #supportedSizes()} is byte only). Breaks are not modelled (the backend API has no break).
 * The host-side receive queue is a small extension: QEMU leaves unaccepted input in the chardev, which it
 * does not migrate; here it travels in {@link UartState}.
 *
 * <p>Thread safety: all state is guarded by one lock, which the guest's accesses, the backend's receive
 * callback and the character-timeout timer take. The interrupt line and the backend's {@code transmit} are
 * called with the lock held, so the line's last level always matches the state and output keeps its order.
 */
public final class Uart16550 implements MemoryMappedDevice, Snapshottable<UartState> {

    public static final long BASE = 0x1000_0000L;
    public static final int LENGTH = 0x100;
    public static final int FIFO_SIZE = 16;
    /** Reference clock QEMU's virt gives its 16550 for timing (the device tree advertises 3.6864 MHz). */
    public static final int BAUD_BASE = 399_193;
    /** Host input waiting for the receiver beyond this many bytes is dropped. */
    public static final int HOST_INPUT_CAPACITY = 64 * 1024;

    public static final int RBR = 0; // R, DLL when DLAB
    public static final int THR = 0; // W
    public static final int IER = 1; // RW, DLM when DLAB
    public static final int IIR = 2; // R
    public static final int FCR = 2; // W
    public static final int LCR = 3; // RW
    public static final int MCR = 4; // RW
    public static final int LSR = 5; // R
    public static final int MSR = 6; // R
    public static final int SCR = 7; // RW

    public static final int IER_RDI = 0x01;
    public static final int IER_THRI = 0x02;
    public static final int IER_RLSI = 0x04;
    public static final int IER_MSI = 0x08;

    public static final int IIR_NO_INT = 0x01;
    public static final int IIR_MSI = 0x00;
    public static final int IIR_THRI = 0x02;
    public static final int IIR_RDI = 0x04;
    public static final int IIR_RLSI = 0x06;
    public static final int IIR_CTI = 0x0C;
    public static final int IIR_ID_MASK = 0x06;
    public static final int IIR_FIFO_ENABLED = 0xC0;

    public static final int FCR_FE = 0x01;
    public static final int FCR_RFR = 0x02;
    public static final int FCR_XFR = 0x04;
    public static final int FCR_STICKY = 0xC9;

    public static final int LCR_DLAB = 0x80;

    public static final int MCR_DTR = 0x01;
    public static final int MCR_RTS = 0x02;
    public static final int MCR_OUT1 = 0x04;
    public static final int MCR_OUT2 = 0x08;
    public static final int MCR_LOOP = 0x10;

    public static final int LSR_DR = 0x01;
    public static final int LSR_OE = 0x02;
    public static final int LSR_BI = 0x10;
    public static final int LSR_THRE = 0x20;
    public static final int LSR_TEMT = 0x40;
    public static final int LSR_INT_ANY = 0x1E;

    public static final int MSR_CTS = 0x10;
    public static final int MSR_DSR = 0x20;
    public static final int MSR_DCD = 0x80;
    public static final int MSR_ANY_DELTA = 0x0F;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** QEMU's reset value: 9600 baud, 10-bit frames, whatever the divisor says. */
    private static final long RESET_CHAR_TIME_NANOS = NANOS_PER_SECOND / 9600 * 10;

    private final SerialBackend backend;
    private final InterruptLine irq;
    private final DeviceTimer timer;
    private final Object lock = new Object();

    // Registers (lock held).
    private int divisor;
    private int rbr;
    private int ier;
    private int lcr;
    private int mcr;
    private int lsr;
    private int msr;
    private int scr;
    private int fcr;
    private boolean thrIpending;
    private boolean timeoutIpending;
    private final ByteRing rxFifo = new ByteRing(FIFO_SIZE);
    private final ByteRing hostInput = new ByteRing(HOST_INPUT_CAPACITY);

    // Derived or host-side (not in UartState).
    /** IIR bits 7:6. Follows FCR.FE on every FCR write; reset clears it without touching FCR, as QEMU does. */
    private int iirFifoBits;
    private int triggerLevel = 1;
    private long charTimeNanos = RESET_CHAR_TIME_NANOS;
    private boolean lineLevel;
    private DeviceTimer.Cancellable timeoutTask;
    private long timeoutGeneration;
    private long droppedHostBytes;

    /**
     * A UART in QEMU's reset state, connected to {@code backend} for output and input. Its line is lowered.
     *
     * @param backend where transmitted bytes go and received bytes come from; this UART registers itself as
     *                the backend's receiver (last, after it is fully built)
     * @param irq     the interrupt output (PLIC source 10 on virt), level-triggered
     * @param timer   schedules the receive-FIFO character timeout
     */
    public Uart16550(SerialBackend backend, InterruptLine irq, DeviceTimer timer) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.irq = Objects.requireNonNull(irq, "irq");
        this.timer = Objects.requireNonNull(timer, "timer");
        synchronized (lock) {
            reset();
            irq.set(false);
        }
        backend.connect(this::hostReceive);
    }

    /** QEMU's {@code serial_reset}. FCR keeps its value (QEMU's quirk); queued host input is kept. */
    public void reset() {
        synchronized (lock) {
            rbr = 0;
            ier = 0;
            iirFifoBits = 0;
            lcr = 0;
            lsr = LSR_TEMT | LSR_THRE;
            msr = MSR_DCD | MSR_DSR | MSR_CTS;
            divisor = 0x0C;
            mcr = MCR_OUT2;
            scr = 0;
            charTimeNanos = RESET_CHAR_TIME_NANOS;
            timeoutIpending = false;
            cancelTimeout();
            rxFifo.clear();
            thrIpending = false;
            update();
            pumpHostInput();
        }
    }

    /** Host input bytes dropped because the host-side queue was full. */
    public long droppedHostBytes() {
        synchronized (lock) {
            return droppedHostBytes;
        }
    }

    /** Whether the interrupt line is currently high. */
    public boolean interruptPending() {
        synchronized (lock) {
            return lineLevel;
        }
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int supportedSizes() {
        return SIZES_8;
    }

    @Override
    public long load(int offset, int sizeLog2) {
        synchronized (lock) {
            return switch (offset) {
                case RBR -> (lcr & LCR_DLAB) != 0 ? divisor & 0xFF : readRbr();
                case IER -> (lcr & LCR_DLAB) != 0 ? divisor >>> 8 : ier;
                case IIR -> readIir();
                case LCR -> lcr;
                case MCR -> mcr;
                case LSR -> readLsr();
                case MSR -> readMsr();
                case SCR -> scr;
                default -> 0;
            };
        }
    }

    @Override
    public void store(int offset, long value, int sizeLog2) {
        int v = (int) value & 0xFF;
        synchronized (lock) {
            switch (offset) {
                case THR -> {
                    if ((lcr & LCR_DLAB) != 0) {
                        divisor = (divisor & 0xFF00) | v;
                        updateParameters();
                    } else {
                        writeThr(v);
                    }
                }
                case IER -> {
                    if ((lcr & LCR_DLAB) != 0) {
                        divisor = (divisor & 0x00FF) | v << 8;
                        updateParameters();
                    } else {
                        writeIer(v);
                    }
                }
                case FCR -> writeFcr(v);
                case LCR -> {
                    lcr = v;
                    updateParameters();
                }
                case MCR -> mcr = v & 0x1F;
                case SCR -> scr = v;
                default -> {
                    // LSR, MSR and 0x08..0xFF ignore writes.
                }
            }
        }
    }

    @Override
    public UartState save() {
        synchronized (lock) {
            return new UartState(divisor, rbr, ier, lcr, mcr, lsr, msr, scr, fcr, thrIpending, timeoutIpending,
                    rxFifo.toArray(), hostInput.toArray());
        }
    }

    /** Loads {@code state}. The line is not driven and the timeout is not armed until {@link #resyncInterrupts()}. */
    @Override
    public void restore(UartState state) {
        synchronized (lock) {
            cancelTimeout();
            divisor = state.divisor();
            rbr = state.rbr();
            ier = state.ier();
            lcr = state.lcr();
            mcr = state.mcr();
            lsr = state.lsr();
            msr = state.msr();
            scr = state.scr();
            setFcr(state.fcr());
            thrIpending = state.thrInterruptPending();
            timeoutIpending = state.timeoutInterruptPending();
            rxFifo.load(state.rxFifo());
            hostInput.load(state.hostInput());
            charTimeNanos = RESET_CHAR_TIME_NANOS;
            updateParameters();
        }
    }

    /**
     * Drives the line from the state, re-arms the character timeout when the FIFO holds unread data (QEMU
     * migrates the timer; here it restarts with a full four-character period) and offers queued host input.
     */
    @Override
    public void resyncInterrupts() {
        synchronized (lock) {
            lineLevel = interruptId() != IIR_NO_INT;
            irq.set(lineLevel);
            if ((fcr & FCR_FE) != 0 && !rxFifo.isEmpty() && !timeoutIpending) {
                armTimeout();
            }
            pumpHostInput();
        }
    }

    // ---- register behaviour (lock held) ----

    private int readRbr() {
        int value;
        if ((fcr & FCR_FE) != 0) {
            value = rxFifo.isEmpty() ? 0 : rxFifo.pop() & 0xFF;
            if (rxFifo.isEmpty()) {
                lsr &= ~(LSR_DR | LSR_BI);
            } else {
                armTimeout();
            }
            timeoutIpending = false;
        } else {
            value = rbr;
            lsr &= ~(LSR_DR | LSR_BI);
        }
        update();
        pumpHostInput();
        return value;
    }

    private int readIir() {
        int value = interruptId() | iirFifoBits;
        if ((value & IIR_ID_MASK) == IIR_THRI) {
            thrIpending = false;
            update();
        }
        return value;
    }

    private int readLsr() {
        int value = lsr;
        if ((lsr & (LSR_BI | LSR_OE)) != 0) {
            lsr &= ~(LSR_BI | LSR_OE);
            update();
        }
        return value;
    }

    private int readMsr() {
        if ((mcr & MCR_LOOP) != 0) {
            // The modem outputs loop back to the inputs: OUT2→DCD, OUT1→RI, RTS→CTS, DTR→DSR.
            return (mcr & (MCR_OUT1 | MCR_OUT2)) << 4 | (mcr & MCR_RTS) << 3 | (mcr & MCR_DTR) << 5;
        }
        int value = msr;
        if ((msr & MSR_ANY_DELTA) != 0) {
            msr &= 0xF0;
            update();
        }
        return value;
    }

    private void writeThr(int value) {
        // QEMU lowers THRE/TEMT, pushes the byte through its transmit FIFO and transmits it at once, which
        // sets THRE again and raises the THRE event. Only the final level reaches the line.
        if ((mcr & MCR_LOOP) != 0) {
            receive((byte) value);
        } else {
            backend.transmit((byte) value);
        }
        lsr |= LSR_THRE | LSR_TEMT;
        thrIpending = true;
        update();
    }

    private void writeIer(int value) {
        int changed = (ier ^ value) & 0x0F;
        ier = value & 0x0F;
        if ((changed & IER_THRI) != 0) {
            // Enabling THRI while THR is empty raises the interrupt even if an IIR read had consumed it.
            thrIpending = (ier & IER_THRI) != 0 && (lsr & LSR_THRE) != 0;
        }
        if (changed != 0) {
            update();
        }
    }

    private void writeFcr(int value) {
        if (((value ^ fcr) & FCR_FE) != 0) {
            value |= FCR_XFR | FCR_RFR; // toggling the enable flushes both FIFOs
        }
        if ((value & FCR_RFR) != 0) {
            lsr &= ~(LSR_DR | LSR_BI);
            cancelTimeout();
            timeoutIpending = false;
            rxFifo.clear();
        }
        if ((value & FCR_XFR) != 0) {
            lsr |= LSR_THRE;
            thrIpending = true;
        }
        setFcr(value & FCR_STICKY);
        update();
        pumpHostInput();
    }

    private void setFcr(int value) {
        fcr = value;
        if ((value & FCR_FE) != 0) {
            iirFifoBits = IIR_FIFO_ENABLED;
            triggerLevel = switch (value & 0xC0) {
                case 0x00 -> 1;
                case 0x40 -> 4;
                case 0x80 -> 8;
                default -> 14;
            };
        } else {
            iirFifoBits = 0;
        }
    }

    /** QEMU's {@code serial_update_parameters}: only the character time (for the FIFO timeout) matters here. */
    private void updateParameters() {
        if (divisor == 0) {
            return;
        }
        int frameBits = 1 + ((lcr & 0x08) != 0 ? 1 : 0) + (lcr & 0x03) + 5 + ((lcr & 0x04) != 0 ? 2 : 1);
        long speed = BAUD_BASE / divisor;
        if (speed == 0) {
            return;
        }
        charTimeNanos = NANOS_PER_SECOND / speed * frameBits;
    }

    /** QEMU's {@code serial_receive1}: one byte into the receiver, bypassing flow control. */
    private void receive(byte value) {
        if ((fcr & FCR_FE) != 0) {
            if (rxFifo.isFull()) {
                lsr |= LSR_OE; // receive overruns do not overwrite the FIFO
            } else {
                rxFifo.push(value);
            }
            lsr |= LSR_DR;
            armTimeout();
        } else {
            if ((lsr & LSR_DR) != 0) {
                lsr |= LSR_OE;
            }
            rbr = value & 0xFF;
            lsr |= LSR_DR;
        }
        update();
    }

    /** QEMU's {@code serial_can_receive}: how many bytes the receiver takes from the host now. */
    private int canReceive() {
        if ((fcr & FCR_FE) != 0) {
            int n = rxFifo.size();
            if (n >= FIFO_SIZE) {
                return 0;
            }
            return n <= triggerLevel ? triggerLevel - n : 1;
        }
        return (lsr & LSR_DR) != 0 ? 0 : 1;
    }

    /** Moves queued host input into the receiver as far as flow control allows. */
    private void pumpHostInput() {
        while (!hostInput.isEmpty()) {
            int n = Math.min(canReceive(), hostInput.size());
            if (n <= 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                receive(hostInput.pop());
            }
        }
    }

    /** The backend's receiver; any thread. */
    private void hostReceive(byte value) {
        synchronized (lock) {
            if (hostInput.isFull()) {
                droppedHostBytes++;
                return;
            }
            hostInput.push(value);
            pumpHostInput();
        }
    }

    /** QEMU's {@code serial_update_irq} priority chain; returns the IIR identification bits. */
    private int interruptId() {
        if ((ier & IER_RLSI) != 0 && (lsr & LSR_INT_ANY) != 0) {
            return IIR_RLSI;
        }
        if ((ier & IER_RDI) != 0 && timeoutIpending) {
            return IIR_CTI;
        }
        if ((ier & IER_RDI) != 0 && (lsr & LSR_DR) != 0
                && ((fcr & FCR_FE) == 0 || rxFifo.size() >= triggerLevel)) {
            return IIR_RDI;
        }
        if ((ier & IER_THRI) != 0 && thrIpending) {
            return IIR_THRI;
        }
        if ((ier & IER_MSI) != 0 && (msr & MSR_ANY_DELTA) != 0) {
            return IIR_MSI;
        }
        return IIR_NO_INT;
    }

    private void update() {
        boolean level = interruptId() != IIR_NO_INT;
        if (level != lineLevel) {
            lineLevel = level;
            irq.set(level);
        }
    }

    // ---- character timeout (lock held) ----

    private void armTimeout() {
        cancelTimeout();
        long generation = ++timeoutGeneration;
        timeoutTask = timer.schedule(4 * charTimeNanos, () -> timeoutFired(generation));
    }

    private void cancelTimeout() {
        DeviceTimer.Cancellable task = timeoutTask;
        if (task != null) {
            timeoutTask = null;
            timeoutGeneration++;
            task.cancel();
        }
    }

    private void timeoutFired(long generation) {
        synchronized (lock) {
            if (generation != timeoutGeneration || timeoutTask == null) {
                return;
            }
            timeoutTask = null;
            if (!rxFifo.isEmpty()) {
                timeoutIpending = true;
                update();
            }
        }
    }
}
