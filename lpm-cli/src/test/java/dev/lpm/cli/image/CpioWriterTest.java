package dev.lpm.cli.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The newc writer: header fields, padding, parents, links, devices, trailer; checked by a reader and by cpio(1). */
class CpioWriterTest {
    @TempDir
    Path dir;

    private static byte[] sample() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CpioWriter w = new CpioWriter(bytes)) {
            w.directory("tmp", 01777);
            w.file("/usr/bin/hello", 0755, "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
            w.file("etc/empty", 0644, new byte[0]);
            w.file("a", 0600, new byte[] {1});
            w.file("ab", 0600, new byte[] {1, 2});
            w.file("abc", 0600, new byte[] {1, 2, 3});
            w.symlink("bin", "usr/bin");
            w.charDevice("dev/console", 0600, 5, 1);
        }
        return bytes.toByteArray();
    }

    @Test
    void writesEntriesAReaderParsesBack() throws Exception {
        Map<String, CpioReader.Entry> e = CpioReader.read(sample());
        assertThat(e.keySet()).containsExactly("tmp", "usr", "usr/bin", "usr/bin/hello", "etc", "etc/empty", "a", "ab",
                "abc", "bin", "dev", "dev/console");
        assertThat(e.get("tmp").mode()).isEqualTo(CpioWriter.S_IFDIR | 01777);
        assertThat(e.get("usr").mode()).isEqualTo(CpioWriter.S_IFDIR | 0755); // parent added on the way
        assertThat(e.get("usr").nlink()).isEqualTo(2);
        CpioReader.Entry hello = e.get("usr/bin/hello");
        assertThat(hello.mode()).isEqualTo(CpioWriter.S_IFREG | 0755);
        assertThat(new String(hello.data(), StandardCharsets.UTF_8)).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(hello.uid()).isZero();
        assertThat(hello.gid()).isZero();
        assertThat(hello.mtime()).isZero();
        assertThat(e.get("abc").data()).containsExactly(1, 2, 3);
        assertThat(e.get("bin").isSymlink()).isTrue();
        assertThat(e.get("bin").target()).isEqualTo("usr/bin");
        assertThat(e.get("bin").mode()).isEqualTo(CpioWriter.S_IFLNK | 0777);
        CpioReader.Entry console = e.get("dev/console");
        assertThat(console.mode()).isEqualTo(CpioWriter.S_IFCHR | 0600);
        assertThat(console.rdevMajor()).isEqualTo(5);
        assertThat(console.rdevMinor()).isEqualTo(1);
        assertThat(e.values().stream().map(CpioReader.Entry::inode).distinct().count()).isEqualTo(e.size());
    }

    @Test
    void headerIsTheNewcLayout() throws Exception {
        byte[] a = sample();
        String first = new String(a, 0, 110, StandardCharsets.US_ASCII);
        // magic, ino 1, mode 041777, uid, gid, nlink 2, mtime, size 0, dev 0:0, rdev 0:0, namesize 4 ("tmp\0"), check 0
        assertThat(first).isEqualTo("070701" + "00000001" + "000043FF" + "00000000" + "00000000" + "00000002"
                + "00000000" + "00000000" + "00000000" + "00000000" + "00000000" + "00000000" + "00000004" + "00000000");
        assertThat(new String(a, 110, 4, StandardCharsets.US_ASCII)).isEqualTo("tmp\0");
        assertThat(a.length % 4).isZero();
        String tail = new String(a, StandardCharsets.US_ASCII);
        assertThat(tail).contains("TRAILER!!!");
    }

    @Test
    void sameEntriesGiveTheSameBytes() throws Exception {
        assertThat(sample()).isEqualTo(sample());
    }

    @Test
    void refusesDuplicatesAndBadPaths() throws Exception {
        CpioWriter w = new CpioWriter(new ByteArrayOutputStream());
        w.file("x", 0644, new byte[0]);
        assertThatThrownBy(() -> w.file("/x", 0644, new byte[0])).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> w.file("../etc/passwd", 0644, new byte[0])).hasMessageContaining("bad cpio entry path");
        assertThatThrownBy(() -> w.file("/", 0644, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.symlink("l", "")).isInstanceOf(IllegalArgumentException.class);
        w.finish();
        assertThatThrownBy(() -> w.file("y", 0644, new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cpioToolListsTheArchive() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/cpio")), "cpio is not installed");
        Path archive = dir.resolve("a.cpio");
        Files.write(archive, sample());
        Process p = new ProcessBuilder("cpio", "-itv", "--quiet").redirectInput(archive.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(12);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("drwxrwxrwt").endsWith(" tmp"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("-rwxr-xr-x").contains(" 18 ").endsWith(" usr/bin/hello"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("lrwxrwxrwx").endsWith(" bin -> usr/bin"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("crw-------").contains("5,   1").endsWith(" dev/console"));
    }
}
