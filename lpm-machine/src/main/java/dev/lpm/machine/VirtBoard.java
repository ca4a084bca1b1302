package dev.lpm.machine;

/** Physical addresses of QEMU's {@code virt} board (hw/riscv/virt.c), which lpm's partitions copy. */
public final class VirtBoard {
    private VirtBoard() {
    }

    public static final long TEST = 0x0010_0000L;
    public static final long CLINT = 0x0200_0000L;
    public static final long PLIC = 0x0C00_0000L;
    public static final long UART0 = 0x1000_0000L;
    public static final long VIRTIO0 = 0x1000_1000L;
    public static final long VIRTIO_STRIDE = 0x1000L;
    public static final int VIRTIO_SLOTS = 8;
    /** PLIC source of virtio slot 0; slot n uses source VIRTIO_IRQ0 + n. */
    public static final int VIRTIO_IRQ0 = 1;
    public static final long DRAM = 0x8000_0000L;
    /** Where fw_jump (and QEMU's -kernel after -bios fw_jump.bin) starts the kernel: DRAM + 2 MiB. */
    public static final long KERNEL = DRAM + (2L << 20);
    /** The mtime frequency QEMU's virt uses (and the device tree's timebase-frequency). */
    public static final long TIMEBASE_HZ = 10_000_000L;
    /** What lpm's harts implement, as the device tree's riscv,isa string says it. */
    public static final String ISA = "rv64imafdc_zicsr_zifencei";
    public static final String MMU_TYPE = "riscv,sv48";
}
