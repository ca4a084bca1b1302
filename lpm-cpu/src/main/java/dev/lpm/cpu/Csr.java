package dev.lpm.cpu;

/** CSR numbers (privileged spec table 2.2-2.5) and mstatus fields (section 3.1.6). */
public final class Csr {
    private Csr() {
    }

    // unprivileged floating-point and counters
    public static final int FFLAGS = 0x001;
    public static final int FRM = 0x002;
    public static final int FCSR = 0x003;
    public static final int CYCLE = 0xC00;
    public static final int TIME = 0xC01;
    public static final int INSTRET = 0xC02;
    public static final int HPMCOUNTER3 = 0xC03;
    public static final int HPMCOUNTER31 = 0xC1F;
    // supervisor
    public static final int SSTATUS = 0x100;
    public static final int SIE = 0x104;
    public static final int STVEC = 0x105;
    public static final int SCOUNTEREN = 0x106;
    public static final int SENVCFG = 0x10A;
    public static final int SSCRATCH = 0x140;
    public static final int SEPC = 0x141;
    public static final int SCAUSE = 0x142;
    public static final int STVAL = 0x143;
    public static final int SIP = 0x144;
    public static final int SATP = 0x180;
    // machine
    public static final int MVENDORID = 0xF11;
    public static final int MARCHID = 0xF12;
    public static final int MIMPID = 0xF13;
    public static final int MHARTID = 0xF14;
    public static final int MCONFIGPTR = 0xF15;
    public static final int MSTATUS = 0x300;
    public static final int MISA = 0x301;
    public static final int MEDELEG = 0x302;
    public static final int MIDELEG = 0x303;
    public static final int MIE = 0x304;
    public static final int MTVEC = 0x305;
    public static final int MCOUNTEREN = 0x306;
    public static final int MENVCFG = 0x30A;
    public static final int MCOUNTINHIBIT = 0x320;
    public static final int MHPMEVENT3 = 0x323;
    public static final int MHPMEVENT31 = 0x33F;
    public static final int MSCRATCH = 0x340;
    public static final int MEPC = 0x341;
    public static final int MCAUSE = 0x342;
    public static final int MTVAL = 0x343;
    public static final int MIP = 0x344;
    public static final int PMPCFG0 = 0x3A0;
    public static final int PMPCFG2 = 0x3A2;
    public static final int PMPADDR0 = 0x3B0;
    public static final int PMPADDR15 = 0x3BF;
    public static final int MCYCLE = 0xB00;
    public static final int MINSTRET = 0xB02;
    public static final int MHPMCOUNTER3 = 0xB03;
    public static final int MHPMCOUNTER31 = 0xB1F;

    // mstatus fields
    public static final long MSTATUS_SIE = 1L << 1;
    public static final long MSTATUS_MIE = 1L << 3;
    public static final long MSTATUS_SPIE = 1L << 5;
    public static final long MSTATUS_MPIE = 1L << 7;
    public static final long MSTATUS_SPP = 1L << 8;
    public static final int MSTATUS_MPP_SHIFT = 11;
    public static final long MSTATUS_MPP = 3L << MSTATUS_MPP_SHIFT;
    public static final int MSTATUS_FS_SHIFT = 13;
    public static final long MSTATUS_FS = 3L << MSTATUS_FS_SHIFT;
    public static final long MSTATUS_XS = 3L << 15;
    public static final long MSTATUS_MPRV = 1L << 17;
    public static final long MSTATUS_SUM = 1L << 18;
    public static final long MSTATUS_MXR = 1L << 19;
    public static final long MSTATUS_TVM = 1L << 20;
    public static final long MSTATUS_TW = 1L << 21;
    public static final long MSTATUS_TSR = 1L << 22;
    /** UXL = SXL = 2: U and S are 64-bit, read-only. */
    public static final long MSTATUS_UXL_SXL = (2L << 32) | (2L << 34);
    public static final long MSTATUS_SD = 1L << 63;

    /** mstatus bits M-mode can write. */
    static final long MSTATUS_WRITABLE = MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP
            | MSTATUS_MPP | MSTATUS_FS | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW
            | MSTATUS_TSR;
    /** The bits of mstatus that sstatus shows (section 4.1.1). */
    static final long SSTATUS_VISIBLE = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_XS
            | MSTATUS_SUM | MSTATUS_MXR | (3L << 32) | MSTATUS_SD;
    static final long SSTATUS_WRITABLE = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM
            | MSTATUS_MXR;

    // interrupt bits
    public static final long MIP_SSIP = 1L << Cause.SSI;
    public static final long MIP_MSIP = 1L << Cause.MSI;
    public static final long MIP_STIP = 1L << Cause.STI;
    public static final long MIP_MTIP = 1L << Cause.MTI;
    public static final long MIP_SEIP = 1L << Cause.SEI;
    public static final long MIP_MEIP = 1L << Cause.MEI;
    static final long S_INTERRUPTS = MIP_SSIP | MIP_STIP | MIP_SEIP;
    static final long ALL_INTERRUPTS = S_INTERRUPTS | MIP_MSIP | MIP_MTIP | MIP_MEIP;

    /** Exceptions medeleg can delegate (QEMU's set, without the hypervisor's). */
    static final long DELEGABLE_EXCEPTIONS = 0xB3FFL | (1L << Cause.ECALL_FROM_M);

    /** misa: RV64 with I, M, A, F, D, C and S, U modes (, section 3.1.1). */
    public static final long MISA_VALUE = (2L << 62) | bit('I') | bit('M') | bit('A') | bit('F') | bit('D') | bit('C')
            | bit('S') | bit('U');

    private static long bit(char extension) {
        return 1L << (extension - 'A');
    }
}
