package dev.lpm.cpu;

/** mcause/scause codes (privileged spec table 3.6). */
public final class Cause {
    private Cause() {
    }

    public static final int INSTRUCTION_ADDRESS_MISALIGNED = 0;
    public static final int INSTRUCTION_ACCESS_FAULT = 1;
    public static final int ILLEGAL_INSTRUCTION = 2;
    public static final int BREAKPOINT = 3;
    public static final int LOAD_ADDRESS_MISALIGNED = 4;
    public static final int LOAD_ACCESS_FAULT = 5;
    public static final int STORE_ADDRESS_MISALIGNED = 6;
    public static final int STORE_ACCESS_FAULT = 7;
    public static final int ECALL_FROM_U = 8;
    public static final int ECALL_FROM_S = 9;
    public static final int ECALL_FROM_M = 11;
    public static final int INSTRUCTION_PAGE_FAULT = 12;
    public static final int LOAD_PAGE_FAULT = 13;
    public static final int STORE_PAGE_FAULT = 15;

    // interrupts: mip/mie bit numbers and cause codes (with the interrupt bit set in xcause)
    public static final int SSI = 1;
    public static final int MSI = 3;
    public static final int STI = 5;
    public static final int MTI = 7;
    public static final int SEI = 9;
    public static final int MEI = 11;
}
