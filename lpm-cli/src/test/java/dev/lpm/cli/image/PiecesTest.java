package dev.lpm.cli.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The smaller parts of the image builder: applet list, guest paths, .deb names, cache key, errors. */
class PiecesTest {
    @TempDir
    Path dir;

    @Test
    void findsTheBusyboxAppletList() {
        byte[] junk = "xx[\0[[\0zz\0\0".getBytes(StandardCharsets.US_ASCII); // too short to be the list
        byte[] list = "[\0[[\0ash\0cat\0insmod\0ip\0ls\0mount\0poweroff\0setsid\0sh\0zcat\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] bin = new byte[junk.length + list.length + 8];
        System.arraycopy(junk, 0, bin, 0, junk.length);
        System.arraycopy(list, 0, bin, junk.length + 4, list.length);
        assertThat(BusyboxApplets.names(bin)).containsExactly("[", "[[", "ash", "cat", "insmod", "ip", "ls", "mount",
                "poweroff", "setsid", "sh", "zcat");
        assertThatThrownBy(() -> BusyboxApplets.names(junk)).isInstanceOf(ImageBuildException.class);
    }

    @Test
    void guestPathsFollowSymlinksInsideTheTreeAndMergedUsr() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("usr/lib/riscv64-linux-gnu"));
        Files.writeString(lib.resolve("libc.so.6"), "libc");
        Files.createSymbolicLink(dir.resolve("usr/lib/ld.so.1"), Path.of("riscv64-linux-gnu/libc.so.6"));
        Files.createDirectories(dir.resolve("usr/bin"));
        Files.writeString(dir.resolve("usr/bin/real"), "prog");
        Files.createSymbolicLink(dir.resolve("usr/bin/alias"), Path.of("/usr/bin/real")); // absolute: inside the tree
        GuestRoot root = new GuestRoot(dir);
        assertThat(root.resolve("/lib/ld.so.1")).hasValueSatisfying(r -> {
            assertThat(r.guestPath()).isEqualTo("/usr/lib/riscv64-linux-gnu/libc.so.6");
            assertThat(r.fileName()).isEqualTo("libc.so.6");
        });
        assertThat(root.resolve("/bin/alias")).hasValueSatisfying(r -> assertThat(r.host()).isEqualTo(dir.resolve("usr/bin/real")));
        assertThat(root.resolve("/usr/bin/../lib/riscv64-linux-gnu/libc.so.6")).isPresent();
        assertThat(root.resolve("/etc/passwd")).isEmpty();
        Files.createSymbolicLink(dir.resolve("usr/bin/loop"), Path.of("loop"));
        assertThat(root.resolve("/usr/bin/loop")).isEmpty();
    }

    @Test
    void imagePathsAreMergedUsr() {
        assertThat(ImageBuilder.canonical("/lib/ld-linux-riscv64-lp64d.so.1")).isEqualTo("usr/lib/ld-linux-riscv64-lp64d.so.1");
        assertThat(ImageBuilder.canonical("/usr/lib/x")).isEqualTo("usr/lib/x");
        assertThat(ImageBuilder.relative("usr/lib/ld.so", "usr/lib/riscv64-linux-gnu/ld.so"))
                .isEqualTo("riscv64-linux-gnu/ld.so");
    }

    @Test
    void debFileNamesGiveNameAndVersion() {
        GuestPackages.Deb d = GuestPackages.Deb.of(Path.of("/c/redis-server_5%3a8.0.2-3+deb13u2_riscv64.deb"));
        assertThat(d.name()).isEqualTo("redis-server");
        assertThat(d.version()).isEqualTo("5:8.0.2-3+deb13u2");
        assertThat(d.arch()).isEqualTo("riscv64");
        assertThat(d).hasToString("redis-server=5:8.0.2-3+deb13u2");
        assertThatThrownBy(() -> GuestPackages.Deb.of(Path.of("x.tar"))).isInstanceOf(ImageBuildException.class);
        GuestPackages.Fetched f = new GuestPackages.Fetched(dir, List.of(d,
                GuestPackages.Deb.of(Path.of("linux-image-6.12.107+deb13-riscv64_6.12.107-1_riscv64.deb"))));
        assertThat(f.kernel().name()).isEqualTo("linux-image-6.12.107+deb13-riscv64");
    }

    @Test
    void cacheKeyFollowsThePackageVersions() {
        List<GuestPackages.Deb> a = List.of(GuestPackages.Deb.of(Path.of("/x/opensbi_1.6-1_all.deb")),
                GuestPackages.Deb.of(Path.of("/x/busybox-static_1%3a1.37.0-6+b9_riscv64.deb")));
        List<GuestPackages.Deb> sameElsewhere = List.of(GuestPackages.Deb.of(Path.of("/y/busybox-static_1%3a1.37.0-6+b9_riscv64.deb")),
                GuestPackages.Deb.of(Path.of("/y/opensbi_1.6-1_all.deb")));
        List<GuestPackages.Deb> newer = List.of(GuestPackages.Deb.of(Path.of("/x/opensbi_1.7-1_all.deb")),
                GuestPackages.Deb.of(Path.of("/x/busybox-static_1%3a1.37.0-6+b9_riscv64.deb")));
        assertThat(ImageBuilder.key(a)).matches("[0-9a-f]{16}").isEqualTo(ImageBuilder.key(sameElsewhere));
        assertThat(ImageBuilder.key(a)).isNotEqualTo(ImageBuilder.key(newer));
    }

    @Test
    void theScriptsErrorLineIsTheMessage() {
        assertThat(GuestPackages.errorLine(List.of("guest-packages: fetching x y", "E: boom",
                "guest-packages: cannot download y (Unable to locate package y)"), 1))
                .isEqualTo("cannot download y (Unable to locate package y)");
        assertThat(GuestPackages.errorLine(List.of("something odd", ""), 2)).isEqualTo("fetching guest packages failed: something odd");
        assertThat(GuestPackages.errorLine(List.of(), 3)).contains("exit code 3");
    }

    @Test
    void rawRiscvImageIsRecognised() {
        byte[] img = new byte[0x80];
        System.arraycopy("RISCV\0\0\0RSC\u0005".getBytes(StandardCharsets.ISO_8859_1), 0, img, 0x30, 12);
        assertThat(ImageBuilder.isRiscvImage(img)).isTrue();
        img[0x30] = 'X';
        assertThat(ImageBuilder.isRiscvImage(img)).isFalse();
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(Json.str("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\n\"");
        assertThat(Json.list(List.of("x", "y"))).isEqualTo("[\"x\", \"y\"]");
        assertThat(Json.str(null)).isEqualTo("null");
    }
}
