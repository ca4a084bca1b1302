package dev.lpm.cli.image;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Module resolution on a fake module tree laid out like Debian's kernel package (compressed .ko files,
 * modules.builtin, modules.builtin.modinfo, no modules.dep): dependency order, built-ins, soft dependencies
 * through aliases, and the errors.
 */
class KernelModulesTest {
    @TempDir
    Path dir;

    private void module(String path, String... modinfo) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        byte[] elf = TinyElf.module(modinfo);
        String n = p.getFileName().toString();
        if (n.endsWith(".xz")) {
            Process xz = new ProcessBuilder("xz", "-c").redirectOutput(p.toFile()).start();
            try (OutputStream in = xz.getOutputStream()) {
                in.write(elf);
            }
            assertThat(xz.waitFor()).isZero();
        } else if (n.endsWith(".gz")) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
                gz.write(elf);
            }
            Files.write(p, b.toByteArray());
        } else {
            Files.write(p, elf);
        }
    }

    @BeforeEach
    void tree() throws Exception {
        module("kernel/drivers/virtio/virtio_mmio.ko.xz", "name=virtio_mmio", "depends=");
        module("kernel/drivers/net/virtio_net.ko.xz", "name=virtio_net", "depends=net_failover");
        module("kernel/drivers/net/net_failover.ko.xz", "name=net_failover", "depends=failover");
        module("kernel/net/core/failover.ko", "name=failover", "depends=");
        module("kernel/drivers/char/hw_random/virtio-rng.ko.gz", "name=virtio_rng", "depends=");
        module("kernel/fs/ext4/ext4.ko.xz", "softdep=pre: crypto-crc32c", "depends=jbd2,mbcache,crc16", "name=ext4");
        module("kernel/fs/jbd2/jbd2.ko.xz", "softdep=pre: crypto-crc32c", "depends=", "name=jbd2");
        module("kernel/fs/mbcache.ko.xz", "depends=", "name=mbcache");
        module("kernel/lib/crc16.ko.xz", "depends=", "name=crc16");
        module("kernel/crypto/crc32c_generic.ko.xz", "alias=crypto-crc32c-generic", "alias=crypto-crc32c",
                "alias=crc32c", "depends=", "name=crc32c_generic");
        module("kernel/crypto/crc32c_other.ko.xz", "alias=crypto-crc32c-other", "depends=", "name=crc32c_other");
        Files.writeString(dir.resolve("modules.builtin"),
                "kernel/drivers/virtio/virtio.ko\nkernel/drivers/char/virtio_console.ko\nkernel/drivers/block/virtio_blk.ko\n");
        Files.write(dir.resolve("modules.builtin.modinfo"),
                "virtio_console.license=GPL\0virtio_console.file=drivers/char/virtio_console\0sha256_generic.alias=crypto-sha256\0"
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void resolvesInDependencyOrderWithBuiltinsAndSoftDependencies() throws Exception {
        KernelModules km = KernelModules.open(dir);
        KernelModules.Resolution r = km.resolve(ImageBuilder.REQUIRED_MODULES, List.of("ext4", "vfat"));
        assertThat(r.loadOrder()).containsExactly("virtio_mmio", "failover", "net_failover", "virtio_net", "virtio_rng",
                "crc32c_generic", "jbd2", "mbcache", "crc16", "ext4");
        assertThat(r.builtin()).containsExactly("virtio_blk", "virtio_console");
        assertThat(r.missing()).containsExactly("vfat");
        assertThat(r.notes()).isEmpty();
        KernelModules.Module rng = r.load().get(4);
        assertThat(rng.file().getFileName().toString()).isEqualTo("virtio-rng.ko.gz"); // '-' and '_' alike
        assertThat(ElfFile.isElf(rng.image())).isTrue(); // decompressed
        assertThat(km.load("ext4").depends()).containsExactly("jbd2", "mbcache", "crc16");
        assertThat(km.load("ext4").softPre()).containsExactly("crypto-crc32c");
        assertThat(km.isBuiltin("virtio-console")).isTrue();
        assertThat(km.isBuiltin("sha256_generic")).isTrue(); // known from modules.builtin.modinfo only
    }

    @Test
    void softDependencyOnABuiltinAliasOrNothingIsNoError() throws Exception {
        module("kernel/fs/x.ko", "softdep=pre: crypto-sha256 nothing-such post: crc16", "depends=", "name=x");
        KernelModules.Resolution r = KernelModules.open(dir).resolve(List.of("x"), List.of());
        assertThat(r.loadOrder()).containsExactly("x");
        assertThat(r.notes()).containsExactly("soft dependency nothing-such of x not found");
    }

    @Test
    void softdepParsing() {
        assertThat(KernelModules.softPre("pre: a b post: c")).containsExactly("a", "b");
        assertThat(KernelModules.softPre("post: c pre: d")).containsExactly("d");
        assertThat(KernelModules.softPre("post: c")).isEmpty();
    }

    @Test
    void missingRequiredModuleOrDependencyIsAClearError() throws Exception {
        KernelModules km = KernelModules.open(dir);
        assertThatThrownBy(() -> km.resolve(List.of("virtio_gpu"), List.of()))
                .isInstanceOf(ImageBuildException.class).hasMessageContaining("neither a module nor a built-in virtio_gpu");
        module("kernel/fs/y.ko.xz", "depends=ghost", "name=y");
        assertThatThrownBy(() -> KernelModules.open(dir).resolve(List.of("y"), List.of()))
                .isInstanceOf(ImageBuildException.class).hasMessageContaining("y depends on ghost, which is missing");
        assertThatThrownBy(() -> KernelModules.open(dir.resolve("none")))
                .isInstanceOf(ImageBuildException.class).hasMessageContaining("no kernel modules");
    }

    @Test
    void aModuleThatIsNotElfIsReported() throws Exception {
        Files.writeString(dir.resolve("kernel/fs/bad.ko"), "garbage");
        assertThatThrownBy(() -> KernelModules.open(dir).resolve(List.of("bad"), List.of()))
                .isInstanceOf(ImageBuildException.class).hasMessageContaining("not a valid ELF file");
    }
}
