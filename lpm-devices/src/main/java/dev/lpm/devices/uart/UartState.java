package dev.lpm.devices.uart;

/**
 * The NS16550A's state. Register fields hold the byte values a guest could observe or program; the FIFO
 * contents travel with it, and so do the bytes the host has sent that the chip has not yet accepted (the
 * UART applies QEMU's flow control, so input waits host-side until the receiver has room). The transmit side
 * has no state here: transmission completes synchronously, so the transmitter is always empty between
 * accesses. The interrupt identification is derived, not stored.
 *
 * <p>The compact constructor rejects out-of-range values, so a state read from an untrusted stream cannot put
 * the device into a state its registers cannot express. Arrays are copied on the way in and out.
 *
 * @param divisor                 divisor latch, DLM:DLL (0..0xFFFF)
 * @param rbr                     receiver buffer (non-FIFO mode)
 * @param ier                     interrupt enable (low 4 bits)
 * @param lcr                     line control
 * @param mcr                     modem control (low 5 bits)
 * @param lsr                     line status
 * @param msr                     modem status
 * @param scr                     scratch
 * @param fcr                     the FIFO control bits that stick: enable, DMA mode, trigger level (mask 0xC9)
 * @param thrInterruptPending     the "THR empty" interrupt is pending (cleared by reading IIR or writing THR)
 * @param timeoutInterruptPending the character-timeout interrupt is pending
 * @param rxFifo                  receive FIFO contents, oldest first (at most 16)
 * @param hostInput               bytes received from the host, not yet accepted by the chip, oldest first
 */
public record UartState(int divisor, int rbr, int ier, int lcr, int mcr, int lsr, int msr, int scr, int fcr,
                        boolean thrInterruptPending, boolean timeoutInterruptPending,
                        byte[] rxFifo, byte[] hostInput) {

    public UartState {
        check("divisor", divisor, 0xFFFF);
        check("rbr", rbr, 0xFF);
        check("ier", ier, 0x0F);
        check("lcr", lcr, 0xFF);
        check("mcr", mcr, 0x1F);
        check("lsr", lsr, 0xFF);
        check("msr", msr, 0xFF);
        check("scr", scr, 0xFF);
        if ((fcr & ~0xC9) != 0) {
            throw new IllegalArgumentException("fcr 0x" + Integer.toHexString(fcr) + " has bits outside 0xC9");
        }
        if (rxFifo.length > Uart16550.FIFO_SIZE) {
            throw new IllegalArgumentException("rx FIFO holds " + rxFifo.length + " bytes");
        }
        if (hostInput.length > Uart16550.HOST_INPUT_CAPACITY) {
            throw new IllegalArgumentException("host input holds " + hostInput.length + " bytes");
        }
        rxFifo = rxFifo.clone();
        hostInput = hostInput.clone();
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " 0x" + Integer.toHexString(value) + " out of range");
        }
    }

    @Override
    public byte[] rxFifo() {
        return rxFifo.clone();
    }

    @Override
    public byte[] hostInput() {
        return hostInput.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UartState s
                && divisor == s.divisor && rbr == s.rbr && ier == s.ier && lcr == s.lcr && mcr == s.mcr
                && lsr == s.lsr && msr == s.msr && scr == s.scr && fcr == s.fcr
                && thrInterruptPending == s.thrInterruptPending
                && timeoutInterruptPending == s.timeoutInterruptPending
                && java.util.Arrays.equals(rxFifo, s.rxFifo)
                && java.util.Arrays.equals(hostInput, s.hostInput);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hash(divisor, rbr, ier, lcr, mcr, lsr, msr, scr, fcr,
                thrInterruptPending, timeoutInterruptPending);
        return 31 * (31 * h + java.util.Arrays.hashCode(rxFifo)) + java.util.Arrays.hashCode(hostInput);
    }

    @Override
    public String toString() {
        return String.format(
                "UartState[divisor=0x%x, rbr=0x%x, ier=0x%x, lcr=0x%x, mcr=0x%x, lsr=0x%x, msr=0x%x, scr=0x%x, "
                        + "fcr=0x%x, thrInterruptPending=%b, timeoutInterruptPending=%b, rxFifo=%s, hostInput=%d bytes]",
                divisor, rbr, ier, lcr, mcr, lsr, msr, scr, fcr, thrInterruptPending, timeoutInterruptPending,
                java.util.HexFormat.of().formatHex(rxFifo), hostInput.length);
    }
}
