package dev.lpm.machine.fdt;

import dev.lpm.machine.fdt.VirtDeviceTree.BoardDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtDeviceTreeTest {

    private static final String ISA = "rv64imafdc_zicsr_zifencei";

    @TempDir
    Path tmp;

    private static BoardDescription board(int harts, String bootargs, long initrdStart, long initrdEnd) {
        return new BoardDescription(harts, ISA, "riscv,sv48", 0x8000_0000L, 256L << 20, bootargs,
                initrdStart, initrdEnd, 10_000_000);
    }

    @Test
    void dtcParsesTheTreeWithoutWarningsAndFindsEveryNode() throws Exception {
        byte[] dtb = VirtDeviceTree.build(board(1, null, 0, 0));
        Tools.Run dtc = Tools.dtc(tmp, dtb);
        assertThat(dtc.exitCode()).as(dtc.stderr()).isZero();
        assertThat(dtc.stderr()).as("dtc warnings").isEmpty();
        String dts = dtc.stdout();
        assertThat(dts)
                .contains("#address-cells = <0x02>;")
                .contains("compatible = \"riscv-virtio\";")
                .contains("model = \"riscv-virtio,qemu\";")
                .contains("timebase-frequency = <0x989680>;")
                .contains("cpu@0 {")
                .contains("device_type = \"cpu\";")
                .contains("riscv,isa = \"" + ISA + "\";")
                .contains("mmu-type = \"riscv,sv48\";")
                .contains("compatible = \"riscv,cpu-intc\";")
                .contains("memory@80000000 {")
                .contains("reg = <0x00 0x80000000 0x00 0x10000000>;")
                .contains("compatible = \"simple-bus\";")
                .contains("clint@2000000 {")
                .contains("compatible = \"sifive,clint0\\0riscv,clint0\";")
                .contains("serial@10000000 {")
                .contains("compatible = \"ns16550a\";")
                .contains("test@100000 {")
                .contains("compatible = \"sifive,test1\\0sifive,test0\\0syscon\";")
                .contains("compatible = \"syscon-poweroff\";")
                .contains("value = <0x5555>;")
                .contains("compatible = \"syscon-reboot\";")
                .contains("value = <0x7777>;")
                .contains("stdout-path = \"/soc/serial@10000000\";")
                .doesNotContain("bootargs")
                .doesNotContain("linux,initrd")
                .doesNotContain("interrupt-parent");

        FdtReader.Node root = FdtReader.read(dtb).root();
        FdtReader.Node serial = root.at("/soc/serial@10000000");
        assertThat(serial.cells("clock-frequency")).containsExactly(0x384000);
        assertThat(serial.properties()).doesNotContainKeys("interrupts", "interrupt-parent");
        int intc = root.at("/cpus/cpu@0/interrupt-controller").cells("phandle")[0];
        assertThat(root.at("/soc/clint@2000000").cells("interrupts-extended")).containsExactly(intc, 3, intc, 7);
        int test = root.at("/soc/test@100000").cells("phandle")[0];
        assertThat(root.at("/poweroff").cells("regmap")).containsExactly(test);
        assertThat(root.at("/reboot").cells("regmap")).containsExactly(test);
        assertThat(root.at("/poweroff").cells("offset")).containsExactly(0);
    }

    @Test
    void chosenCarriesBootargsAndInitrd() throws Exception {
        byte[] dtb = VirtDeviceTree.build(board(4, "console=ttyS0 earlycon=sbi", 0x8820_0000L, 0x8830_0000L));
        Tools.Run dtc = Tools.dtc(tmp, dtb);
        assertThat(dtc.stderr()).isEmpty();
        assertThat(dtc.stdout())
                .contains("bootargs = \"console=ttyS0 earlycon=sbi\";")
                .contains("linux,initrd-start = <0x88200000>;")
                .contains("linux,initrd-end = <0x88300000>;")
                .contains("cpu@3 {")
                .contains("core3 {");
        FdtReader.Node root = FdtReader.read(dtb).root();
        assertThat(root.at("/cpus").children()).hasSize(5); // 4 cpus + cpu-map
        int[] clint = root.at("/soc/clint@2000000").cells("interrupts-extended");
        assertThat(clint).hasSize(16);
        for (int h = 0; h < 4; h++) {
            int intc = root.at("/cpus/cpu@" + h + "/interrupt-controller").cells("phandle")[0];
            assertThat(new int[] {clint[4 * h], clint[4 * h + 1], clint[4 * h + 2], clint[4 * h + 3]})
                    .containsExactly(intc, 3, intc, 7);
            int cpu = root.at("/cpus/cpu@" + h).cells("phandle")[0];
            assertThat(root.at("/cpus/cpu-map/cluster0/core" + h).cells("cpu")).containsExactly(cpu);
        }
    }

    @Test
    void initrdAboveFourGigabytesUsesTwoCells() {
        BoardDescription high = new BoardDescription(1, ISA, "riscv,sv48", 0x8000_0000L, 8L << 30, null,
                0x1_2000_0000L, 0x1_2010_0000L, 10_000_000);
        FdtReader.Node chosen = FdtReader.read(VirtDeviceTree.build(high)).root().at("/chosen");
        assertThat(chosen.cells("linux,initrd-start")).containsExactly(1, 0x2000_0000);
        assertThat(chosen.cells("linux,initrd-end")).containsExactly(1, 0x2010_0000);
    }

    @Test
    void rngSeedIsWrittenWhenSupplied() {
        byte[] seed = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        byte[] dtb = new VirtDeviceTree(board(1, null, 0, 0)).rngSeed(seed).build();
        assertThat(FdtReader.read(dtb).root().at("/chosen").properties().get("rng-seed")).isEqualTo(seed);
    }

    @Test
    void boardDescriptionIsValidated() {
        assertThatThrownBy(() -> board(0, null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> board(1, null, 0x9000, 0x8000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoardDescription(1, ISA, "riscv,sv48", 0x8000_0000L, 0, null, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoardDescription(1, ISA, "riscv,sv48", 0x8000_0000L, 1, null, 0, 0, 1L << 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plicAndVirtioNodesWireDevicesToThePlic() throws Exception {
        VirtDeviceTree tree = new VirtDeviceTree(board(2, null, 0, 0)).withPlic();
        for (int i = 0; i < VirtDeviceTree.VIRTIO_COUNT; i++) {
            tree.addVirtioMmio(VirtDeviceTree.VIRTIO_BASE + i * VirtDeviceTree.VIRTIO_SIZE, VirtDeviceTree.VIRTIO_IRQ + i);
        }
        byte[] dtb = tree.build();
        Tools.Run dtc = Tools.dtc(tmp, dtb);
        assertThat(dtc.exitCode()).as(dtc.stderr()).isZero();
        assertThat(dtc.stderr()).as("dtc warnings").isEmpty();
        FdtReader.Node root = FdtReader.read(dtb).root();
        int plic = root.at("/soc/plic@c000000").cells("phandle")[0];
        assertThat(root.at("/soc/serial@10000000").cells("interrupt-parent")).containsExactly(plic);
        assertThat(root.at("/soc/serial@10000000").cells("interrupts")).containsExactly(10);
        assertThat(root.at("/soc/virtio_mmio@10008000").cells("interrupts")).containsExactly(8);
        int intc1 = root.at("/cpus/cpu@1/interrupt-controller").cells("phandle")[0];
        int[] contexts = root.at("/soc/plic@c000000").cells("interrupts-extended");
        assertThat(contexts).hasSize(8);
        assertThat(new int[] {contexts[4], contexts[5], contexts[6], contexts[7]}).containsExactly(intc1, 11, intc1, 9);
        // build() can run again and gives the same blob
        assertThat(tree.build()).isEqualTo(dtb);
    }

    @Test
    void extraSocNodesCanUseTheContext() throws Exception {
        byte[] dtb = new VirtDeviceTree(board(1, null, 0, 0)).withPlic()
                .addSocNode((fdt, ctx) -> {
                    fdt.beginNode("rtc@101000");
                    ctx.interrupts(fdt, 11);
                    fdt.propertyU64("reg", 0x101000, 0x1000);
                    fdt.propertyString("compatible", "google,goldfish-rtc");
                    fdt.endNode();
                }).build();
        assertThat(Tools.dtc(tmp, dtb).stderr()).isEmpty();
        FdtReader.Node rtc = FdtReader.read(dtb).root().at("/soc/rtc@101000");
        assertThat(rtc.cells("interrupts")).containsExactly(11);
    }

    // ---- comparison with QEMU 7.2's own tree ----

    /** Path → property → value, with phandle references replaced by the path they point to. */
    private static Map<String, Map<String, Object>> normalise(FdtReader.Node root) {
        Map<Integer, String> phandles = new TreeMap<>();
        collectPhandles(root, "", phandles);
        Map<String, Map<String, Object>> out = new TreeMap<>();
        flatten(root, "", phandles, out);
        return out;
    }

    private static void collectPhandles(FdtReader.Node node, String path, Map<Integer, String> phandles) {
        String here = path.isEmpty() && node.name().isEmpty() ? "/" : (path.equals("/") ? "" : path) + "/" + node.name();
        int[] ph = node.cells("phandle");
        if (ph != null) {
            phandles.put(ph[0], here);
        }
        for (FdtReader.Node c : node.children()) {
            collectPhandles(c, here, phandles);
        }
    }

    private static void flatten(FdtReader.Node node, String path, Map<Integer, String> phandles,
                                Map<String, Map<String, Object>> out) {
        String here = path.isEmpty() && node.name().isEmpty() ? "/" : (path.equals("/") ? "" : path) + "/" + node.name();
        Map<String, Object> props = new TreeMap<>();
        for (var e : node.properties().entrySet()) {
            String name = e.getKey();
            int[] cells = node.cells(name);
            switch (name) {
                case "phandle" -> props.put(name, "<phandle>");
                case "interrupt-parent", "regmap", "cpu" -> props.put(name, phandles.get(cells[0]));
                case "interrupts-extended" -> {
                    List<Object> refs = new ArrayList<>();
                    for (int i = 0; i < cells.length; i += 2) {
                        refs.add(phandles.get(cells[i]));
                        refs.add(cells[i + 1]);
                    }
                    props.put(name, refs);
                }
                default -> props.put(name, HexFormat.of().formatHex(e.getValue()));
            }
        }
        out.put(here, props);
        for (FdtReader.Node c : node.children()) {
            flatten(c, here, phandles, out);
        }
    }

    private FdtReader.Node qemuTree(int harts, String append) throws Exception {
        Path kernel = tmp.resolve("kernel.bin");
        Path initrd = tmp.resolve("initrd.bin");
        Files.write(kernel, new byte[4096]);
        Files.write(initrd, new byte[1000]);
        Path dtb = tmp.resolve("qemu-virt.dtb");
        Tools.Run qemu = Tools.run(tmp, List.of("qemu-system-riscv64", "-machine", "virt,dumpdtb=" + dtb,
                "-smp", Integer.toString(harts), "-m", "256M", "-display", "none", "-serial", "null",
                "-monitor", "none", "-kernel", kernel.toString(), "-initrd", initrd.toString(),
                "-append", append));
        assertThat(qemu.exitCode()).as(qemu.stderr()).isZero();
        return FdtReader.read(Files.readAllBytes(dtb)).root();
    }

    private static BoardDescription boardLike(FdtReader.Node qemu, int harts, String append) {
        FdtReader.Node chosen = qemu.at("/chosen");
        int[] mem = qemu.at("/memory@80000000").cells("reg");
        return new BoardDescription(harts, qemu.at("/cpus/cpu@0").string("riscv,isa"),
                qemu.at("/cpus/cpu@0").string("mmu-type"),
                (long) mem[0] << 32 | (mem[1] & 0xFFFF_FFFFL), (long) mem[2] << 32 | (mem[3] & 0xFFFF_FFFFL),
                append, chosen.cells("linux,initrd-start")[0] & 0xFFFF_FFFFL,
                chosen.cells("linux,initrd-end")[0] & 0xFFFF_FFFFL,
                qemu.at("/cpus").cells("timebase-frequency")[0]);
    }

    /**
     * Everything this tree says, QEMU's says too, with the same values, apart from the differences documented
     * on {@link VirtDeviceTree}; and what QEMU has that this tree lacks is exactly the list of absent devices.
     */
    @Test
    void matchesQemusVirtTreeExceptForTheDocumentedDifferences() throws Exception {
        int harts = 2;
        String append = "console=ttyS0 root=/dev/vda";
        FdtReader.Node qemuRoot = qemuTree(harts, append);
        Map<String, Map<String, Object>> qemu = normalise(qemuRoot);
        Map<String, Map<String, Object>> ours = normalise(
                FdtReader.read(VirtDeviceTree.build(boardLike(qemuRoot, harts, append))).root());

        Set<String> extraInOurs = new TreeSet<>();
        for (var node : ours.entrySet()) {
            Map<String, Object> q = qemu.get(node.getKey());
            assertThat(q).as("QEMU has node %s", node.getKey()).isNotNull();
            for (var prop : node.getValue().entrySet()) {
                if (!q.containsKey(prop.getKey())) {
                    extraInOurs.add(node.getKey() + ":" + prop.getKey());
                    continue;
                }
                assertThat(prop.getValue()).as("%s:%s", node.getKey(), prop.getKey()).isEqualTo(q.get(prop.getKey()));
            }
        }
        assertThat(extraInOurs).containsExactly(
                "/cpus/cpu@0/interrupt-controller:#address-cells",
                "/cpus/cpu@1/interrupt-controller:#address-cells");

        Set<String> missingNodes = new TreeSet<>(qemu.keySet());
        missingNodes.removeAll(ours.keySet());
        missingNodes.removeIf(p -> p.startsWith("/soc/virtio_mmio@"));
        assertThat(missingNodes).containsExactly(
                "/flash@20000000", "/fw-cfg@10100000", "/platform-bus@4000000", "/pmu",
                "/soc/pci@30000000", "/soc/plic@c000000", "/soc/rtc@101000");

        Set<String> missingProps = new TreeSet<>();
        for (var node : ours.entrySet()) {
            for (String p : qemu.get(node.getKey()).keySet()) {
                if (!node.getValue().containsKey(p)) {
                    missingProps.add(node.getKey() + ":" + p);
                }
            }
        }
        assertThat(missingProps).containsExactly(
                "/chosen:rng-seed",
                "/soc/serial@10000000:interrupt-parent",
                "/soc/serial@10000000:interrupts");
    }

    @Test
    void withPlicAndVirtioTheInterruptWiringMatchesQemuToo() throws Exception {
        int harts = 3;
        String append = "console=ttyS0";
        FdtReader.Node qemuRoot = qemuTree(harts, append);
        VirtDeviceTree tree = new VirtDeviceTree(boardLike(qemuRoot, harts, append)).withPlic();
        for (int i = 0; i < VirtDeviceTree.VIRTIO_COUNT; i++) {
            tree.addVirtioMmio(VirtDeviceTree.VIRTIO_BASE + i * VirtDeviceTree.VIRTIO_SIZE, VirtDeviceTree.VIRTIO_IRQ + i);
        }
        Map<String, Map<String, Object>> qemu = normalise(qemuRoot);
        Map<String, Map<String, Object>> ours = normalise(FdtReader.read(tree.build()).root());
        List<String> compared = new ArrayList<>();
        for (var node : ours.entrySet()) {
            if (!node.getKey().startsWith("/soc/")) {
                continue;
            }
            assertThat(node.getValue()).as(node.getKey()).isEqualTo(qemu.get(node.getKey()));
            compared.add(node.getKey());
        }
        assertThat(compared).contains("/soc/plic@c000000", "/soc/serial@10000000", "/soc/virtio_mmio@10001000",
                "/soc/virtio_mmio@10008000", "/soc/clint@2000000", "/soc/test@100000");
        assertThat(compared).hasSize(4 + VirtDeviceTree.VIRTIO_COUNT);
    }
}
