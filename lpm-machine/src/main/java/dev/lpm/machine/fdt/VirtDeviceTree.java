package dev.lpm.machine.fdt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The device tree of QEMU 7.2's {@code virt} board ({@code hw/riscv/virt.c}, {@code create_fdt*}) for the
 * devices this machine has: {@code /cpus} (with {@code cpu-map}), {@code /memory}, {@code /soc} with the CLINT,
 * the NS16550A and the SiFive test device, the root-level {@code /poweroff} and {@code /reboot} syscon nodes,
 * and {@code /chosen}. Node and property values are QEMU's, so OpenSBI and Linux see the board they know.
 *
 * <h2>Growing the board</h2>
 * A PLIC and virtio-mmio transports are added without touching this class: {@link #withPlic} writes QEMU's
 * {@code plic@c000000} node, and from then on every device wired to it (the UART, each
 * {@link #addVirtioMmio virtio-mmio} node, any {@link #addSocNode extra node} that calls
 * {@link Context#interrupts}) gets {@code interrupt-parent} and {@code interrupts} properties. Without a PLIC
 * those properties are left out, so the tree never refers to a node that does not exist.
 *
 * <h2>Deliberate differences from {@code qemu-system-riscv64 -machine virt,dumpdtb=…}</h2>
 * <ul>
 *   <li>Absent devices are absent: no {@code pmu}, {@code fw-cfg}, {@code flash}, {@code platform-bus},
 *       {@code rtc}, {@code pci}; no PLIC or virtio-mmio until added, and so no {@code interrupts} on the
 *       serial node in that phase.</li>
 *   <li>Each cpu's {@code interrupt-controller} node has {@code #address-cells = <0>}, which QEMU 7.2 leaves
 *       out; dtc warns about its absence ("Missing #address-cells in interrupt provider") and later QEMU
 *       versions add it. Neither OpenSBI nor Linux reads it.</li>
 *   <li>{@code /chosen/rng-seed} is written only when a seed is supplied ({@link #rngSeed}); QEMU always
 *       writes 32 random bytes.</li>
 *   <li>{@code linux,initrd-start/-end} are single cells, as in QEMU 7.2, while both fit in 32 bits, and two
 *       cells otherwise (QEMU 7.2 would truncate them); Linux reads either.</li>
 *   <li>Nodes and properties appear in the order they are written, where libfdt (QEMU) inserts each new one in
 *       front of its siblings; the order carries no meaning.</li>
 * </ul>
 */
public final class VirtDeviceTree {

    /**
     * What the tree describes.
     *
     * @param harts             number of harts (cpu@0 … cpu@harts-1)
     * @param isa               {@code riscv,isa}, e.g. {@code "rv64imafdc_zicsr_zifencei"}
     * @param mmuType           {@code mmu-type}, e.g. {@code "riscv,sv48"}
     * @param ramBase           guest-physical base of RAM
     * @param ramSize           bytes of RAM
     * @param bootargs          kernel command line, or null for none
     * @param initrdStart       guest-physical start of the initrd, or 0 (with {@code initrdEnd} 0) for none
     * @param initrdEnd         guest-physical end (exclusive) of the initrd
     * @param timebaseFrequency rate of {@code mtime} in Hz
     */
    public record BoardDescription(int harts, String isa, String mmuType, long ramBase, long ramSize,
                                   String bootargs, long initrdStart, long initrdEnd, long timebaseFrequency) {
        public BoardDescription {
            if (harts < 1 || harts > 4095) {
                throw new IllegalArgumentException("harts " + harts + " outside 1..4095");
            }
            Objects.requireNonNull(isa, "isa");
            Objects.requireNonNull(mmuType, "mmuType");
            if (ramSize <= 0) {
                throw new IllegalArgumentException("ramSize " + ramSize);
            }
            if (initrdStart != 0 || initrdEnd != 0) {
                if (Long.compareUnsigned(initrdStart, initrdEnd) >= 0) {
                    throw new IllegalArgumentException("initrd [0x" + Long.toHexString(initrdStart) + ", 0x"
                            + Long.toHexString(initrdEnd) + ") is empty");
                }
            }
            if (timebaseFrequency <= 0 || timebaseFrequency > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("timebaseFrequency " + timebaseFrequency + " is not one cell");
            }
        }

        public boolean hasInitrd() {
            return initrdStart != 0 || initrdEnd != 0;
        }
    }

    /** What a node under {@code /soc} may refer to while the tree is written. */
    public interface Context {
        BoardDescription board();

        /** The phandle of hart {@code hart}'s {@code riscv,cpu-intc} node. */
        int cpuIntcPhandle(int hart);

        /** A phandle named {@code label}, allocated the first time any node asks (so order does not matter). */
        int phandle(String label);

        /** Whether the board has a platform interrupt controller (a PLIC). */
        boolean hasInterruptController();

        /**
         * Writes {@code interrupt-parent} and {@code interrupts} for a device wired to sources {@code sources}
         * of the platform interrupt controller; writes nothing while the board has none.
         */
        void interrupts(FdtBuilder fdt, int... sources);
    }

    /** Writes one node (and its children) under {@code /soc}. */
    @FunctionalInterface
    public interface SocNode {
        void write(FdtBuilder fdt, Context context);
    }

    // QEMU 7.2 virt_memmap and interrupt numbers.
    public static final long TEST_BASE = 0x0010_0000L;
    public static final long TEST_SIZE = 0x1000;
    public static final long CLINT_BASE = 0x0200_0000L;
    public static final long CLINT_SIZE = 0x1_0000;
    public static final long PLIC_BASE = 0x0C00_0000L;
    /** VIRT_PLIC_SIZE(VIRT_CPUS_MAX * 2) with 512 harts. */
    public static final long PLIC_SIZE = 0x60_0000L;
    /** QEMU 7.2's {@code riscv,ndev}. */
    public static final int PLIC_NDEV = 0x60;
    public static final long UART0_BASE = 0x1000_0000L;
    public static final long UART0_SIZE = 0x100;
    public static final int UART0_IRQ = 10;
    public static final long VIRTIO_BASE = 0x1000_1000L;
    public static final long VIRTIO_SIZE = 0x1000;
    public static final int VIRTIO_IRQ = 1;
    public static final int VIRTIO_COUNT = 8;
    /** The UART's advertised reference clock, 3.6864 MHz. */
    public static final int UART_CLOCK_FREQUENCY = 0x38_4000;
    public static final String STDOUT_PATH = "/soc/serial@10000000";

    /** RISC-V interrupt numbers used in {@code interrupts-extended}. */
    public static final int IRQ_S_EXT = 9;
    public static final int IRQ_M_EXT = 11;
    public static final int IRQ_M_SOFT = 3;
    public static final int IRQ_M_TIMER = 7;

    private static final String PLIC_LABEL = "plic";
    private static final String TEST_LABEL = "test";

    private final BoardDescription board;
    private SocNode plic;
    private final List<SocNode> extraSocNodes = new ArrayList<>();
    private byte[] rngSeed;

    public VirtDeviceTree(BoardDescription board) {
        this.board = Objects.requireNonNull(board, "board");
    }

    /** The tree of {@code board} with nothing added. */
    public static byte[] build(BoardDescription board) {
        return new VirtDeviceTree(board).build();
    }

    /** Adds QEMU's PLIC at {@link #PLIC_BASE} with {@link #PLIC_NDEV} sources. */
    public VirtDeviceTree withPlic() {
        return withPlic(PLIC_BASE, PLIC_SIZE, PLIC_NDEV);
    }

    /**
     * Adds a {@code sifive,plic-1.0.0} node at {@code base} with contexts M then S for every hart, and makes it
     * the interrupt parent of every device that has interrupts.
     */
    public VirtDeviceTree withPlic(long base, long size, int ndev) {
        plic = (fdt, ctx) -> {
            fdt.beginNode("plic@" + Long.toHexString(base));
            fdt.propertyU32("phandle", ctx.phandle(PLIC_LABEL));
            fdt.propertyU32("riscv,ndev", ndev);
            fdt.propertyU64("reg", base, size);
            int[] contexts = new int[4 * ctx.board().harts()];
            for (int h = 0; h < ctx.board().harts(); h++) {
                contexts[4 * h] = ctx.cpuIntcPhandle(h);
                contexts[4 * h + 1] = IRQ_M_EXT;
                contexts[4 * h + 2] = ctx.cpuIntcPhandle(h);
                contexts[4 * h + 3] = IRQ_S_EXT;
            }
            fdt.propertyU32("interrupts-extended", contexts);
            fdt.propertyEmpty("interrupt-controller");
            fdt.propertyStrings("compatible", "sifive,plic-1.0.0", "riscv,plic0");
            fdt.propertyU32("#address-cells", 0);
            fdt.propertyU32("#interrupt-cells", 1);
            fdt.endNode();
        };
        return this;
    }

    /** Adds a {@code virtio,mmio} transport at {@code base} (size {@link #VIRTIO_SIZE}) on PLIC source {@code irq}. */
    public VirtDeviceTree addVirtioMmio(long base, int irq) {
        return addSocNode((fdt, ctx) -> {
            fdt.beginNode("virtio_mmio@" + Long.toHexString(base));
            ctx.interrupts(fdt, irq);
            fdt.propertyU64("reg", base, VIRTIO_SIZE);
            fdt.propertyString("compatible", "virtio,mmio");
            fdt.endNode();
        });
    }

    /** Adds a node under {@code /soc}, written after the built-in ones, in the order added. */
    public VirtDeviceTree addSocNode(SocNode node) {
        extraSocNodes.add(Objects.requireNonNull(node, "node"));
        return this;
    }

    /** Writes {@code /chosen/rng-seed} (QEMU writes 32 random bytes); null for none. */
    public VirtDeviceTree rngSeed(byte[] seed) {
        rngSeed = seed == null ? null : seed.clone();
        return this;
    }

    /** Writes the blob. May be called again (after more additions). */
    public byte[] build() {
        FdtBuilder fdt = new FdtBuilder();
        int harts = board.harts();
        int[] cpuPhandles = new int[harts];
        int[] intcPhandles = new int[harts];
        for (int h = 0; h < harts; h++) {
            cpuPhandles[h] = fdt.allocatePhandle();
            intcPhandles[h] = fdt.allocatePhandle();
        }
        Map<String, Integer> labels = new HashMap<>();
        boolean hasPlic = plic != null;
        Context ctx = new Context() {
            @Override
            public BoardDescription board() {
                return board;
            }

            @Override
            public int cpuIntcPhandle(int hart) {
                return intcPhandles[hart];
            }

            @Override
            public int phandle(String label) {
                return labels.computeIfAbsent(label, l -> fdt.allocatePhandle());
            }

            @Override
            public boolean hasInterruptController() {
                return hasPlic;
            }

            @Override
            public void interrupts(FdtBuilder b, int... sources) {
                if (hasPlic) {
                    b.propertyU32("interrupt-parent", phandle(PLIC_LABEL));
                    b.propertyU32("interrupts", sources);
                }
            }
        };

        fdt.beginNode("");
        fdt.propertyU32("#address-cells", 2);
        fdt.propertyU32("#size-cells", 2);
        fdt.propertyString("compatible", "riscv-virtio");
        fdt.propertyString("model", "riscv-virtio,qemu");

        writeCpus(fdt, cpuPhandles, intcPhandles);

        fdt.beginNode("memory@" + Long.toHexString(board.ramBase()));
        fdt.propertyString("device_type", "memory");
        fdt.propertyU64("reg", board.ramBase(), board.ramSize());
        fdt.endNode();

        fdt.beginNode("soc");
        fdt.propertyU32("#address-cells", 2);
        fdt.propertyU32("#size-cells", 2);
        fdt.propertyString("compatible", "simple-bus");
        fdt.propertyEmpty("ranges");
        writeClint(fdt, ctx);
        if (plic != null) {
            plic.write(fdt, ctx);
        }
        writeSerial(fdt, ctx);
        writeTest(fdt, ctx);
        for (SocNode node : extraSocNodes) {
            node.write(fdt, ctx);
        }
        fdt.endNode();

        writeSyscon(fdt, "poweroff", "syscon-poweroff", 0x5555, ctx);
        writeSyscon(fdt, "reboot", "syscon-reboot", 0x7777, ctx);
        writeChosen(fdt);
        fdt.endNode();
        return fdt.finish();
    }

    private void writeCpus(FdtBuilder fdt, int[] cpuPhandles, int[] intcPhandles) {
        fdt.beginNode("cpus");
        fdt.propertyU32("#address-cells", 1);
        fdt.propertyU32("#size-cells", 0);
        fdt.propertyU32("timebase-frequency", (int) board.timebaseFrequency());
        for (int h = 0; h < board.harts(); h++) {
            fdt.beginNode("cpu@" + Integer.toHexString(h));
            fdt.propertyU32("phandle", cpuPhandles[h]);
            fdt.propertyString("device_type", "cpu");
            fdt.propertyU32("reg", h);
            fdt.propertyString("status", "okay");
            fdt.propertyString("compatible", "riscv");
            fdt.propertyString("riscv,isa", board.isa());
            fdt.propertyString("mmu-type", board.mmuType());
            fdt.beginNode("interrupt-controller");
            fdt.propertyU32("#interrupt-cells", 1);
            fdt.propertyEmpty("interrupt-controller");
            fdt.propertyString("compatible", "riscv,cpu-intc");
            fdt.propertyU32("phandle", intcPhandles[h]);
            fdt.propertyU32("#address-cells", 0); // not in QEMU 7.2; silences dtc's interrupt_provider check
            fdt.endNode();
            fdt.endNode();
        }
        fdt.beginNode("cpu-map");
        fdt.beginNode("cluster0");
        for (int h = 0; h < board.harts(); h++) {
            fdt.beginNode("core" + h);
            fdt.propertyU32("cpu", cpuPhandles[h]);
            fdt.endNode();
        }
        fdt.endNode();
        fdt.endNode();
        fdt.endNode();
    }

    private void writeClint(FdtBuilder fdt, Context ctx) {
        fdt.beginNode("clint@" + Long.toHexString(CLINT_BASE));
        int[] cells = new int[4 * board.harts()];
        for (int h = 0; h < board.harts(); h++) {
            cells[4 * h] = ctx.cpuIntcPhandle(h);
            cells[4 * h + 1] = IRQ_M_SOFT;
            cells[4 * h + 2] = ctx.cpuIntcPhandle(h);
            cells[4 * h + 3] = IRQ_M_TIMER;
        }
        fdt.propertyU32("interrupts-extended", cells);
        fdt.propertyU64("reg", CLINT_BASE, CLINT_SIZE);
        fdt.propertyStrings("compatible", "sifive,clint0", "riscv,clint0");
        fdt.endNode();
    }

    private static void writeSerial(FdtBuilder fdt, Context ctx) {
        fdt.beginNode("serial@" + Long.toHexString(UART0_BASE));
        ctx.interrupts(fdt, UART0_IRQ);
        fdt.propertyU32("clock-frequency", UART_CLOCK_FREQUENCY);
        fdt.propertyU64("reg", UART0_BASE, UART0_SIZE);
        fdt.propertyString("compatible", "ns16550a");
        fdt.endNode();
    }

    private static void writeTest(FdtBuilder fdt, Context ctx) {
        fdt.beginNode("test@" + Long.toHexString(TEST_BASE));
        fdt.propertyU32("phandle", ctx.phandle(TEST_LABEL));
        fdt.propertyU64("reg", TEST_BASE, TEST_SIZE);
        fdt.propertyStrings("compatible", "sifive,test1", "sifive,test0", "syscon");
        fdt.endNode();
    }

    private static void writeSyscon(FdtBuilder fdt, String name, String compatible, int value, Context ctx) {
        fdt.beginNode(name);
        fdt.propertyU32("value", value);
        fdt.propertyU32("offset", 0);
        fdt.propertyU32("regmap", ctx.phandle(TEST_LABEL));
        fdt.propertyString("compatible", compatible);
        fdt.endNode();
    }

    private void writeChosen(FdtBuilder fdt) {
        fdt.beginNode("chosen");
        fdt.propertyString("stdout-path", STDOUT_PATH);
        if (board.bootargs() != null) {
            fdt.propertyString("bootargs", board.bootargs());
        }
        if (board.hasInitrd()) {
            if ((board.initrdStart() >>> 32) == 0 && (board.initrdEnd() >>> 32) == 0) {
                fdt.propertyU32("linux,initrd-start", (int) board.initrdStart());
                fdt.propertyU32("linux,initrd-end", (int) board.initrdEnd());
            } else {
                fdt.propertyU64("linux,initrd-start", board.initrdStart());
                fdt.propertyU64("linux,initrd-end", board.initrdEnd());
            }
        }
        if (rngSeed != null) {
            fdt.property("rng-seed", rngSeed);
        }
        fdt.endNode();
    }
}
