package dev.lpm.cli.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes minimal little-endian ELF64 files for the tests: a relocatable with sections, a dynamic executable. */
final class TinyElf {
    private TinyElf() {
    }

    /** An ET_REL file with the given sections (PROGBITS) plus .shstrtab: enough to be a fake kernel module. */
    static byte[] relocatable(int machine, Map<String, byte[]> sections) {
        ByteArrayOutputStream shstr = new ByteArrayOutputStream();
        shstr.write(0);
        List<Integer> nameOffsets = new ArrayList<>();
        for (String n : sections.keySet()) {
            nameOffsets.add(shstr.size());
            shstr.writeBytes((n + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        int shstrName = shstr.size();
        shstr.writeBytes(".shstrtab\0".getBytes(StandardCharsets.US_ASCII));
        byte[] names = shstr.toByteArray();

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<long[]> offs = new ArrayList<>(); // offset, size
        long at = 64;
        for (byte[] data : sections.values()) {
            offs.add(new long[] {at, data.length});
            body.writeBytes(data);
            at += data.length;
        }
        long namesAt = at;
        body.writeBytes(names);
        at += names.length;
        long pad = (8 - at % 8) % 8;
        body.writeBytes(new byte[(int) pad]);
        at += pad;
        long shoff = at;
        int shnum = sections.size() + 2;
        ByteBuffer b = ByteBuffer.allocate((int) (shoff + 64L * shnum)).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 1 /* ET_REL */, machine, 0, 0, shoff, 0, shnum, shnum - 1);
        b.position(64);
        b.put(body.toByteArray());
        b.position((int) shoff + 64); // section 0 is all zeros
        int i = 0;
        for (long[] o : offs) {
            section(b, nameOffsets.get(i++), 1 /* PROGBITS */, o[0], o[1]);
        }
        section(b, shstrName, 3 /* STRTAB */, namesAt, names.length);
        return b.array();
    }

    /** An ET_DYN file with PT_INTERP (if interp is not null), PT_DYNAMIC with DT_NEEDED/DT_SONAME, one PT_LOAD. */
    static byte[] dynamic(int machine, String interp, List<String> needed, String soname) {
        long base = 0x10000;
        ByteArrayOutputStream str = new ByteArrayOutputStream();
        str.write(0);
        List<Integer> neededOff = new ArrayList<>();
        for (String n : needed) {
            neededOff.add(str.size());
            str.writeBytes((n + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        int sonameOff = str.size();
        if (soname != null) {
            str.writeBytes((soname + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] strtab = str.toByteArray();
        byte[] interpBytes = interp == null ? new byte[0] : (interp + "\0").getBytes(StandardCharsets.US_ASCII);
        int phnum = interp == null ? 2 : 3;
        long phoff = 64;
        long interpAt = phoff + 56L * phnum;
        long strAt = interpAt + interpBytes.length;
        long dynAt = (strAt + strtab.length + 7) / 8 * 8;
        int dynCount = needed.size() + (soname != null ? 1 : 0) + 2; // + STRTAB + NULL
        long end = dynAt + 16L * dynCount;
        ByteBuffer b = ByteBuffer.allocate((int) end).order(ByteOrder.LITTLE_ENDIAN);
        header(b, 3 /* ET_DYN */, machine, phoff, phnum, 0, 56, 0, 0);
        b.position((int) phoff);
        program(b, 1 /* PT_LOAD */, 0, base, end);
        if (interp != null) {
            program(b, 3 /* PT_INTERP */, interpAt, base + interpAt, interpBytes.length);
        }
        program(b, 2 /* PT_DYNAMIC */, dynAt, base + dynAt, 16L * dynCount);
        b.position((int) interpAt);
        b.put(interpBytes);
        b.put(strtab);
        b.position((int) dynAt);
        for (int off : neededOff) {
            b.putLong(1).putLong(off);
        }
        if (soname != null) {
            b.putLong(14).putLong(sonameOff);
        }
        b.putLong(5).putLong(base + strAt);
        b.putLong(0).putLong(0);
        return b.array();
    }

    private static void header(ByteBuffer b, int type, int machine, long phoff, int phnum, long shoff, int phentsize,
                               int shnum, int shstrndx) {
        b.put(0, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) type).putShort(18, (short) machine).putInt(20, 1);
        b.putLong(32, phoff).putLong(40, shoff).putShort(52, (short) 64).putShort(54, (short) phentsize)
                .putShort(56, (short) phnum).putShort(58, (short) 64).putShort(60, (short) shnum)
                .putShort(62, (short) shstrndx);
    }

    private static void section(ByteBuffer b, int name, int type, long offset, long size) {
        b.putInt(name).putInt(type).putLong(0).putLong(0).putLong(offset).putLong(size)
                .putInt(0).putInt(0).putLong(1).putLong(0);
    }

    private static void program(ByteBuffer b, int type, long offset, long vaddr, long size) {
        b.putInt(type).putInt(4).putLong(offset).putLong(vaddr).putLong(vaddr).putLong(size).putLong(size).putLong(8);
    }

    /** A .modinfo section: NUL-terminated key=value strings. */
    static byte[] modinfo(String... kv) {
        StringBuilder s = new StringBuilder();
        for (String x : kv) {
            s.append(x).append('\0');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] module(String... modinfo) {
        return relocatable(ElfFile.EM_RISCV, Map.of(".modinfo", modinfo(modinfo)));
    }
}
