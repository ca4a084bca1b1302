package dev.lpm.cli.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough of a little-endian ELF64 reader for building images: an executable's interpreter
 * ({@code PT_INTERP}) and needed libraries ({@code DT_NEEDED}), a library's {@code DT_SONAME}, and a named
 * section's bytes (a kernel module's {@code .modinfo}).
 */
public final class ElfFile {
    public static final int EM_X86_64 = 62, EM_RISCV = 243;
    public static final int ET_REL = 1, ET_EXEC = 2, ET_DYN = 3;
    private static final int PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3;
    private static final long DT_NULL = 0, DT_NEEDED = 1, DT_STRTAB = 5, DT_SONAME = 14;

    private final ByteBuffer b;
    private final int type;
    private final int machine;
    private final long phoff, shoff;
    private final int phentsize, phnum, shentsize, shnum, shstrndx;

    private ElfFile(byte[] data) {
        if (data.length < 64 || data[0] != 0x7f || data[1] != 'E' || data[2] != 'L' || data[3] != 'F') {
            throw new IllegalArgumentException("not an ELF file");
        }
        if (data[4] != 2 || data[5] != 1) {
            throw new IllegalArgumentException("not a little-endian 64-bit ELF file");
        }
        b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        type = Short.toUnsignedInt(b.getShort(16));
        machine = Short.toUnsignedInt(b.getShort(18));
        phoff = b.getLong(32);
        shoff = b.getLong(40);
        phentsize = Short.toUnsignedInt(b.getShort(54));
        phnum = Short.toUnsignedInt(b.getShort(56));
        shentsize = Short.toUnsignedInt(b.getShort(58));
        shnum = Short.toUnsignedInt(b.getShort(60));
        shstrndx = Short.toUnsignedInt(b.getShort(62));
    }

    /** Parses {@code data}; throws IllegalArgumentException if it is not a little-endian ELF64 file. */
    public static ElfFile parse(byte[] data) {
        return new ElfFile(data);
    }

    /** Whether {@code data} starts with the ELF magic. */
    public static boolean isElf(byte[] data) {
        return data.length >= 4 && data[0] == 0x7f && data[1] == 'E' && data[2] == 'L' && data[3] == 'F';
    }

    public int type() {
        return type;
    }

    public int machine() {
        return machine;
    }

    /** The program interpreter (dynamic loader) path, for a dynamically linked executable. */
    public Optional<String> interpreter() {
        for (int i = 0; i < phnum; i++) {
            int ph = at(phoff + (long) i * phentsize);
            if (b.getInt(ph) == PT_INTERP) {
                return Optional.of(cString(at(b.getLong(ph + 8))));
            }
        }
        return Optional.empty();
    }

    /** The {@code DT_NEEDED} names, in order. */
    public List<String> needed() {
        return dynamicStrings(DT_NEEDED);
    }

    /** The {@code DT_SONAME}, for a shared library. */
    public Optional<String> soname() {
        return dynamicStrings(DT_SONAME).stream().findFirst();
    }

    /** A section's contents by name, e.g. {@code .modinfo}. */
    public Optional<byte[]> section(String name) {
        if (shoff == 0 || shnum == 0 || shstrndx >= shnum) {
            return Optional.empty();
        }
        int strtab = at(shoff + (long) shstrndx * shentsize);
        long namesOffset = b.getLong(strtab + 24);
        for (int i = 0; i < shnum; i++) {
            int sh = at(shoff + (long) i * shentsize);
            String n = cString(at(namesOffset + Integer.toUnsignedLong(b.getInt(sh))));
            if (n.equals(name)) {
                int type = b.getInt(sh + 4);
                long off = b.getLong(sh + 24), size = b.getLong(sh + 32);
                if (type == 8 /* SHT_NOBITS */) {
                    return Optional.of(new byte[0]);
                }
                byte[] out = new byte[Math.toIntExact(size)];
                b.get(at(off), out, 0, out.length);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** NUL-separated {@code key=value} strings of a section (a module's {@code .modinfo}). */
    public List<String> sectionStrings(String name) {
        List<String> out = new ArrayList<>();
        section(name).ifPresent(bytes -> {
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == 0) {
                    if (i > start) {
                        out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
        });
        return out;
    }

    private List<String> dynamicStrings(long tag) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int ph = at(phoff + (long) i * phentsize);
            if (b.getInt(ph) != PT_DYNAMIC) {
                continue;
            }
            long off = b.getLong(ph + 8), size = b.getLong(ph + 32);
            long strtab = -1;
            List<Long> values = new ArrayList<>();
            for (long e = off; e + 16 <= off + size; e += 16) {
                long t = b.getLong(at(e)), v = b.getLong(at(e + 8));
                if (t == DT_NULL) {
                    break;
                }
                if (t == DT_STRTAB) {
                    strtab = fileOffset(v);
                } else if (t == tag) {
                    values.add(v);
                }
            }
            if (strtab < 0) {
                throw new IllegalArgumentException("ELF dynamic section without a string table");
            }
            for (long v : values) {
                out.add(cString(at(strtab + v)));
            }
        }
        return out;
    }

    /** Maps a virtual address to a file offset through the PT_LOAD segments. */
    private long fileOffset(long vaddr) {
        for (int i = 0; i < phnum; i++) {
            int ph = at(phoff + (long) i * phentsize);
            if (b.getInt(ph) == PT_LOAD) {
                long off = b.getLong(ph + 8), va = b.getLong(ph + 16), filesz = b.getLong(ph + 32);
                if (vaddr >= va && vaddr < va + filesz) {
                    return off + (vaddr - va);
                }
            }
        }
        throw new IllegalArgumentException("ELF address 0x" + Long.toHexString(vaddr) + " is in no loaded segment");
    }

    private int at(long offset) {
        if (offset < 0 || offset >= b.capacity()) {
            throw new IllegalArgumentException("truncated ELF file (offset " + offset + " of " + b.capacity() + ")");
        }
        return (int) offset;
    }

    private String cString(int offset) {
        int end = offset;
        while (end < b.capacity() && b.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[end - offset];
        b.get(offset, s, 0, s.length);
        return new String(s, StandardCharsets.UTF_8);
    }
}
