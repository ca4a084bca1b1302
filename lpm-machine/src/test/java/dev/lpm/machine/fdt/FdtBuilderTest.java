package dev.lpm.machine.fdt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FdtBuilderTest {

    @TempDir
    Path tmp;

    @Test
    void smallestTreeIsByteExact() {
        byte[] dtb = new FdtBuilder().beginNode("").endNode().finish();
        String expected = ""
                + "d00dfeed" + "00000048" + "00000038" + "00000048" + "00000028" // magic size struct strings rsv
                + "00000011" + "00000010" + "00000000" + "00000000" + "00000010" // v17 v16 cpu strsz structsz
                + "0000000000000000" + "0000000000000000" // reservation terminator
                + "00000001" + "00000000" // BEGIN_NODE "" (padded)
                + "00000002" + "00000009"; // END_NODE END
        assertThat(HexFormat.of().formatHex(dtb)).isEqualTo(expected);
    }

    @Test
    void headerBlocksAndAlignment() {
        byte[] dtb = new FdtBuilder()
                .addReservation(0x8000_0000L, 0x20_0000)
                .bootCpuId(3)
                .beginNode("")
                .propertyString("compatible", "abc") // 4 bytes with NUL
                .propertyString("model", "abcde") // 6 bytes: padded to 8
                .beginNode("node@1a")
                .propertyU64("reg", 0x1_0000_0000L, 0x10)
                .propertyEmpty("ranges")
                .endNode()
                .endNode()
                .finish();
        FdtReader.Blob blob = FdtReader.read(dtb);
        assertThat(blob.version()).isEqualTo(17);
        assertThat(blob.lastCompatibleVersion()).isEqualTo(16);
        assertThat(blob.bootCpuId()).isEqualTo(3);
        assertThat(blob.reservationOffset()).isEqualTo(40);
        assertThat(blob.reservations()).hasSize(1);
        assertThat(blob.reservations().getFirst()).containsExactly(0x8000_0000L, 0x20_0000L);
        assertThat(blob.structOffset()).isEqualTo(40 + 32);
        assertThat(blob.root().string("compatible")).isEqualTo("abc");
        assertThat(blob.root().string("model")).isEqualTo("abcde");
        FdtReader.Node node = blob.root().child("node@1a");
        assertThat(node.cells("reg")).containsExactly(1, 0, 0, 0x10);
        assertThat(node.properties().get("ranges")).isEmpty();
        assertThat(blob.stringsOffset() + blob.stringsSize()).isEqualTo(dtb.length);
        assertThat(blob.totalSize()).isEqualTo(dtb.length);
    }

    @Test
    void propertyNamesAreStoredOnce() {
        FdtBuilder b = new FdtBuilder().beginNode("");
        for (int i = 0; i < 10; i++) {
            b.beginNode("n@" + i).propertyU32("reg", i).propertyString("status", "okay").endNode();
        }
        byte[] dtb = b.endNode().finish();
        FdtReader.Blob blob = FdtReader.read(dtb);
        assertThat(blob.stringsSize()).isEqualTo("reg\0status\0".length());
        String strings = new String(dtb, blob.stringsOffset(), blob.stringsSize(), StandardCharsets.US_ASCII);
        assertThat(strings).isEqualTo("reg\0status\0");
        assertThat(blob.root().children()).hasSize(10);
        assertThat(blob.root().child("n@7").cells("reg")).containsExactly(7);
    }

    @Test
    void cellsAreBigEndianAndStringListsAreNulSeparated() {
        byte[] dtb = new FdtBuilder().beginNode("")
                .propertyU32("a", 0x0102_0304, -1)
                .propertyU64("b", 0x1122_3344_5566_7788L)
                .propertyStrings("c", "x", "", "yz")
                .property("d", new byte[] {1, 2, 3})
                .endNode().finish();
        FdtReader.Node root = FdtReader.read(dtb).root();
        assertThat(root.properties().get("a")).containsExactly(1, 2, 3, 4, -1, -1, -1, -1);
        assertThat(ByteBuffer.wrap(root.properties().get("b")).getLong()).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(root.properties().get("c")).containsExactly('x', 0, 0, 'y', 'z', 0);
        assertThat(root.properties().get("d")).containsExactly(1, 2, 3);
    }

    @Test
    void phandlesCountFromOne() {
        FdtBuilder b = new FdtBuilder();
        assertThat(b.allocatePhandle()).isEqualTo(1);
        assertThat(b.allocatePhandle()).isEqualTo(2);
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> new FdtBuilder().finish()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").finish()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().endNode()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().propertyU32("x", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("root")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").endNode().beginNode(""))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").beginNode("a").endNode().propertyU32("late", 1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").propertyU32("x", 1).propertyU32("x", 2))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").beginNode("a").endNode().beginNode("a"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").beginNode("bad name"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").beginNode("a@"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").beginNode("x".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").propertyU32("a/b", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FdtBuilder().beginNode("").propertyString("s", "a\0b"))
                .isInstanceOf(IllegalArgumentException.class);
        FdtBuilder done = new FdtBuilder().beginNode("").endNode();
        done.finish();
        assertThatThrownBy(done::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(done::allocatePhandle).isInstanceOf(IllegalStateException.class);
        // names the specification allows
        new FdtBuilder().beginNode("").propertyU32("#address-cells", 2).propertyEmpty("linux,x?y+z._-")
                .beginNode("cpu-map").endNode().beginNode("virtio_mmio@10001000").endNode()
                .beginNode("a,b@1,2").endNode().endNode().finish();
    }

    @Test
    void dtcReadsWhatItWrites() throws Exception {
        FdtBuilder b = new FdtBuilder();
        int ph = b.allocatePhandle();
        byte[] dtb = b.addReservation(0x8000_0000L, 0x1000)
                .beginNode("")
                .propertyU32("#address-cells", 2)
                .propertyU32("#size-cells", 2)
                .propertyString("model", "test")
                .beginNode("intc")
                .propertyU32("phandle", ph)
                .propertyEmpty("interrupt-controller")
                .propertyU32("#interrupt-cells", 1)
                .propertyU32("#address-cells", 0)
                .endNode()
                .beginNode("dev@1000")
                .propertyU64("reg", 0x1000, 0x100)
                .propertyU32("interrupt-parent", ph)
                .propertyU32("interrupts", 5)
                .propertyStrings("compatible", "a,b", "c")
                .endNode()
                .endNode()
                .finish();
        Tools.Run dtc = Tools.dtc(tmp, dtb);
        assertThat(dtc.exitCode()).as(dtc.stderr()).isZero();
        assertThat(dtc.stderr()).isEmpty();
        assertThat(dtc.stdout())
                .contains("/memreserve/\t0x0000000080000000 0x0000000000001000;")
                .contains("model = \"test\";")
                .contains("compatible = \"a,b\\0c\";")
                .contains("reg = <0x00 0x1000 0x00 0x100>;")
                .contains("interrupts = <0x05>;");
    }
}
