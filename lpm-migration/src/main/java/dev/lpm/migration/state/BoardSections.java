package dev.lpm.migration.state;

import dev.lpm.devices.clint.ClintState;
import dev.lpm.devices.plic.PlicState;
import dev.lpm.devices.uart.UartState;

/** Sections "clint", "plic" and "uart0": the board's fixed devices. */
final class BoardSections {
    private BoardSections() {
    }

    static final String CLINT = "clint";
    static final String PLIC = "plic";
    static final String UART = "uart0";
    static final int CLINT_VERSION = 1;
    static final int PLIC_VERSION = 1;
    static final int UART_VERSION = 1;

    /** mtime, then the hart count once, each hart's mtimecmp and each hart's msip. */
    static SectionWriter writeClint(ClintState s) {
        SectionWriter w = new SectionWriter(CLINT, CLINT_VERSION).i64(s.mtime());
        return w.longs(s.mtimecmp(), Limits.HARTS, "harts").bools(s.msip());
    }

    static ClintState readClint(SectionReader r, int harts) throws StateFormatException {
        long mtime = r.i64("mtime");
        long[] mtimecmp = r.longs(harts, harts, "harts");
        boolean[] msip = r.bools(mtimecmp.length, "msip");
        r.end();
        return r.build("CLINT", () -> new ClintState(mtime, mtimecmp, msip));
    }

    static SectionWriter writePlic(PlicState s) {
        return new SectionWriter(PLIC, PLIC_VERSION)
                .ints(s.priority(), Limits.PLIC_SOURCES, "priorities")
                .ints(s.pending(), Limits.PLIC_WORDS, "pending words")
                .ints(s.enable(), Limits.PLIC_CONTEXTS * Limits.PLIC_WORDS, "enable words")
                .ints(s.threshold(), Limits.PLIC_CONTEXTS, "thresholds")
                .ints(s.claimed(), Limits.PLIC_WORDS, "claimed words")
                .ints(s.levels(), Limits.PLIC_WORDS, "level words");
    }

    /** Two contexts per hart (M then S), as the machine wires them. */
    static PlicState readPlic(SectionReader r, int harts) throws StateFormatException {
        int contexts = 2 * harts;
        int[] priority = r.ints(Limits.PLIC_SOURCES, Limits.PLIC_SOURCES, "priorities");
        int[] pending = r.ints(Limits.PLIC_WORDS, Limits.PLIC_WORDS, "pending words");
        int[] enable = r.ints(contexts * Limits.PLIC_WORDS, contexts * Limits.PLIC_WORDS, "enable words");
        int[] threshold = r.ints(contexts, contexts, "thresholds");
        int[] claimed = r.ints(Limits.PLIC_WORDS, Limits.PLIC_WORDS, "claimed words");
        int[] levels = r.ints(Limits.PLIC_WORDS, Limits.PLIC_WORDS, "level words");
        r.end();
        return r.build("PLIC", () -> new PlicState(priority, pending, enable, threshold, claimed, levels));
    }

    static SectionWriter writeUart(UartState s) {
        return new SectionWriter(UART, UART_VERSION)
                .u16(s.divisor(), "divisor").u8(s.rbr(), "rbr").u8(s.ier(), "ier").u8(s.lcr(), "lcr")
                .u8(s.mcr(), "mcr").u8(s.lsr(), "lsr").u8(s.msr(), "msr").u8(s.scr(), "scr").u8(s.fcr(), "fcr")
                .bool(s.thrInterruptPending()).bool(s.timeoutInterruptPending())
                .bytes(s.rxFifo(), Limits.UART_FIFO_BYTES, "rx FIFO")
                .bytes(s.hostInput(), Limits.UART_HOST_INPUT_BYTES, "host input");
    }

    static UartState readUart(SectionReader r) throws StateFormatException {
        int divisor = r.u16("divisor");
        int rbr = r.u8("rbr");
        int ier = r.u8("ier");
        int lcr = r.u8("lcr");
        int mcr = r.u8("mcr");
        int lsr = r.u8("lsr");
        int msr = r.u8("msr");
        int scr = r.u8("scr");
        int fcr = r.u8("fcr");
        boolean thr = r.bool("THR interrupt pending");
        boolean timeout = r.bool("timeout interrupt pending");
        byte[] rxFifo = r.bytes(Limits.UART_FIFO_BYTES, "rx FIFO");
        byte[] hostInput = r.bytes(Limits.UART_HOST_INPUT_BYTES, "host input");
        r.end();
        return r.build("UART", () -> new UartState(divisor, rbr, ier, lcr, mcr, lsr, msr, scr, fcr, thr, timeout,
                rxFifo, hostInput));
    }
}
