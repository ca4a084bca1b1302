package dev.lpm.cli.image;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The ELF reader: interpreter, needed libraries, soname, sections. */
class ElfFileTest {
    @Test
    void readsInterpreterNeededAndSoname() {
        byte[] exe = TinyElf.dynamic(ElfFile.EM_RISCV, "/lib/ld-linux-riscv64-lp64d.so.1",
                List.of("libjemalloc.so.2", "libc.so.6"), null);
        ElfFile elf = ElfFile.parse(exe);
        assertThat(elf.machine()).isEqualTo(ElfFile.EM_RISCV);
        assertThat(elf.type()).isEqualTo(ElfFile.ET_DYN);
        assertThat(elf.interpreter()).contains("/lib/ld-linux-riscv64-lp64d.so.1");
        assertThat(elf.needed()).containsExactly("libjemalloc.so.2", "libc.so.6");
        assertThat(elf.soname()).isEmpty();

        ElfFile lib = ElfFile.parse(TinyElf.dynamic(ElfFile.EM_RISCV, null, List.of("libc.so.6"), "libz.so.1"));
        assertThat(lib.interpreter()).isEmpty();
        assertThat(lib.soname()).contains("libz.so.1");
    }

    @Test
    void readsSections() {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put(".text", new byte[] {0x13, 0, 0, 0});
        sections.put(".modinfo", TinyElf.modinfo("license=GPL", "depends=a,b", "name=x"));
        ElfFile elf = ElfFile.parse(TinyElf.relocatable(ElfFile.EM_RISCV, sections));
        assertThat(elf.type()).isEqualTo(ElfFile.ET_REL);
        assertThat(elf.section(".text")).hasValueSatisfying(t -> assertThat(t).containsExactly(0x13, 0, 0, 0));
        assertThat(elf.sectionStrings(".modinfo")).containsExactly("license=GPL", "depends=a,b", "name=x");
        assertThat(elf.section(".nothing")).isEmpty();
        assertThat(elf.needed()).isEmpty();
    }

    @Test
    void readsThisHostsOwnPrograms() throws Exception {
        Path ls = Path.of("/bin/ls");
        assumeTrue(Files.isRegularFile(ls));
        ElfFile elf = ElfFile.parse(Files.readAllBytes(ls));
        assertThat(elf.interpreter()).hasValueSatisfying(i -> assertThat(i).startsWith("/lib"));
        assertThat(elf.needed()).contains("libc.so.6");
    }

    @Test
    void refusesWhatIsNotElf64LittleEndian() {
        assertThatThrownBy(() -> ElfFile.parse("#!/bin/sh\n".repeat(10).getBytes())).hasMessageContaining("not an ELF");
        byte[] elf32 = TinyElf.dynamic(ElfFile.EM_RISCV, null, List.of(), null);
        elf32[4] = 1;
        assertThatThrownBy(() -> ElfFile.parse(elf32)).hasMessageContaining("64-bit");
        byte[] truncated = java.util.Arrays.copyOf(TinyElf.dynamic(ElfFile.EM_RISCV, "/x", List.of("a"), null), 80);
        assertThatThrownBy(() -> ElfFile.parse(truncated).interpreter()).hasMessageContaining("truncated");
    }
}
