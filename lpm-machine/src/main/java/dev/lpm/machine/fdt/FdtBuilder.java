package dev.lpm.machine.fdt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a flattened devicetree blob (DTB), version 17 (last compatible version 16), as the Devicetree
 * Specification v0.4, chapter 5, lays it out: a 40-byte big-endian header, the memory reservation block
 * (8-byte aligned, terminated by a zero entry), the structure block (4-byte aligned tokens, names and values
 * padded to 4 bytes) and the strings block (property names, NUL-terminated, each stored once).
 *
 * <p>Nodes are written depth-first: {@link #beginNode} the root (name {@code ""}), its properties, its
 * children, {@link #endNode}. The builder enforces what the format requires: properties before child nodes,
 * unique property names per node and unique child names per parent, names from the specification's character
 * sets, and a single root closed before {@link #finish()}. Violations throw {@link IllegalStateException}
 * (misuse) or {@link IllegalArgumentException} (a bad name or value).
 */
public final class FdtBuilder {

    public static final int FDT_MAGIC = 0xD00D_FEED;
    public static final int FDT_VERSION = 17;
    public static final int FDT_LAST_COMP_VERSION = 16;
    public static final int FDT_BEGIN_NODE = 0x1;
    public static final int FDT_END_NODE = 0x2;
    public static final int FDT_PROP = 0x3;
    public static final int FDT_NOP = 0x4;
    public static final int FDT_END = 0x9;

    private static final int HEADER_SIZE = 40;

    /** What the builder tracks per open node. */
    private static final class Open {
        final String name;
        final Set<String> properties = new HashSet<>();
        final Set<String> children = new HashSet<>();

        Open(String name) {
            this.name = name;
        }
    }

    private final Blob struct = new Blob();
    private final Blob strings = new Blob();
    private final Map<String, Integer> stringOffsets = new HashMap<>();
    private final List<long[]> reservations = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private boolean rootWritten;
    private boolean finished;
    private int nextPhandle = 1;
    private int bootCpuId;

    /** Adds a memory reservation entry (the region the OS must not use). */
    public FdtBuilder addReservation(long address, long size) {
        checkNotFinished();
        reservations.add(new long[] {address, size});
        return this;
    }

    /** The header's {@code boot_cpuid_phys} (default 0). */
    public FdtBuilder bootCpuId(int hartId) {
        checkNotFinished();
        bootCpuId = hartId;
        return this;
    }

    /** A fresh phandle value (1, 2, 3, …); write it with {@code propertyU32("phandle", value)}. */
    public int allocatePhandle() {
        checkNotFinished();
        return nextPhandle++;
    }

    /** Opens a node; {@code ""} for the root, otherwise {@code node-name[@unit-address]}. */
    public FdtBuilder beginNode(String name) {
        checkNotFinished();
        if (open.isEmpty()) {
            if (rootWritten) {
                throw new IllegalStateException("the tree has only one root");
            }
            if (!name.isEmpty()) {
                throw new IllegalArgumentException("the root node's name is empty, not '" + name + "'");
            }
            rootWritten = true;
        } else {
            checkNodeName(name);
            Open parent = open.peek();
            if (!parent.children.add(name)) {
                throw new IllegalStateException("node '" + parent.name + "' already has a child '" + name + "'");
            }
        }
        struct.u32(FDT_BEGIN_NODE);
        struct.bytes(name.getBytes(StandardCharsets.US_ASCII));
        struct.u8(0);
        struct.align(4);
        open.push(new Open(name));
        return this;
    }

    /** Closes the innermost open node. */
    public FdtBuilder endNode() {
        checkNotFinished();
        if (open.isEmpty()) {
            throw new IllegalStateException("no node is open");
        }
        open.pop();
        struct.u32(FDT_END_NODE);
        return this;
    }

    /** A property with raw bytes as its value. */
    public FdtBuilder property(String name, byte[] value) {
        checkNotFinished();
        Open node = open.peek();
        if (node == null) {
            throw new IllegalStateException("property '" + name + "' outside any node");
        }
        checkPropertyName(name);
        if (!node.children.isEmpty()) {
            throw new IllegalStateException(
                    "property '" + name + "' after a child node of '" + node.name + "': properties come first");
        }
        if (!node.properties.add(name)) {
            throw new IllegalStateException("node '" + node.name + "' already has a property '" + name + "'");
        }
        struct.u32(FDT_PROP);
        struct.u32(value.length);
        struct.u32(stringOffset(name));
        struct.bytes(value);
        struct.align(4);
        return this;
    }

    /** A property of 32-bit big-endian cells. */
    public FdtBuilder propertyU32(String name, int... cells) {
        Blob b = new Blob();
        for (int c : cells) {
            b.u32(c);
        }
        return property(name, b.toArray());
    }

    /** A property of 64-bit values, each as two big-endian cells. */
    public FdtBuilder propertyU64(String name, long... values) {
        Blob b = new Blob();
        for (long v : values) {
            b.u32((int) (v >>> 32));
            b.u32((int) v);
        }
        return property(name, b.toArray());
    }

    /** A NUL-terminated string property. */
    public FdtBuilder propertyString(String name, String value) {
        return propertyStrings(name, value);
    }

    /** A string-list property: each string NUL-terminated, back to back. */
    public FdtBuilder propertyStrings(String name, String... values) {
        Blob b = new Blob();
        for (String s : values) {
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("property '" + name + "': a string contains NUL");
            }
            b.bytes(s.getBytes(StandardCharsets.UTF_8));
            b.u8(0);
        }
        return property(name, b.toArray());
    }

    /** A property without a value (a flag such as {@code interrupt-controller} or {@code ranges}). */
    public FdtBuilder propertyEmpty(String name) {
        return property(name, new byte[0]);
    }

    /** The finished blob. The builder cannot be used afterwards. */
    public byte[] finish() {
        checkNotFinished();
        if (!rootWritten) {
            throw new IllegalStateException("no root node");
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("node '" + open.peek().name + "' is still open");
        }
        finished = true;
        struct.u32(FDT_END);

        int rsvOffset = align(HEADER_SIZE, 8);
        int rsvSize = (reservations.size() + 1) * 16;
        int structOffset = align(rsvOffset + rsvSize, 4);
        int structSize = struct.size();
        int stringsOffset = structOffset + structSize;
        int stringsSize = strings.size();
        int total = stringsOffset + stringsSize;

        Blob out = new Blob();
        out.u32(FDT_MAGIC);
        out.u32(total);
        out.u32(structOffset);
        out.u32(stringsOffset);
        out.u32(rsvOffset);
        out.u32(FDT_VERSION);
        out.u32(FDT_LAST_COMP_VERSION);
        out.u32(bootCpuId);
        out.u32(stringsSize);
        out.u32(structSize);
        out.padTo(rsvOffset);
        for (long[] r : reservations) {
            out.u64(r[0]);
            out.u64(r[1]);
        }
        out.u64(0);
        out.u64(0);
        out.padTo(structOffset);
        out.bytes(struct.toArray());
        out.bytes(strings.toArray());
        byte[] blob = out.toArray();
        if (blob.length != total) {
            throw new AssertionError("blob is " + blob.length + " bytes, header says " + total);
        }
        return blob;
    }

    private int stringOffset(String name) {
        Integer known = stringOffsets.get(name);
        if (known != null) {
            return known;
        }
        int offset = strings.size();
        strings.bytes(name.getBytes(StandardCharsets.US_ASCII));
        strings.u8(0);
        stringOffsets.put(name, offset);
        return offset;
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
    }

    /** DTSpec 2.2.1: node-name (1-31 chars) [@unit-address], both from [0-9a-zA-Z,._+-]. */
    private static void checkNodeName(String name) {
        int at = name.indexOf('@');
        String base = at < 0 ? name : name.substring(0, at);
        String unit = at < 0 ? null : name.substring(at + 1);
        if (base.isEmpty() || base.length() > 31 || !allChars(base, ",._+-")
                || (unit != null && (unit.isEmpty() || !allChars(unit, ",._+-")))) {
            throw new IllegalArgumentException("invalid node name '" + name + "'");
        }
    }

    /** DTSpec 2.2.4: 1-31 chars from [0-9a-zA-Z,._+?#-]. */
    private static void checkPropertyName(String name) {
        if (name.isEmpty() || name.length() > 31 || !allChars(name, ",._+?#-")) {
            throw new IllegalArgumentException("invalid property name '" + name + "'");
        }
    }

    private static boolean allChars(String s, String extra) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || extra.indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }

    /** A growable big-endian byte buffer. */
    private static final class Blob {
        private byte[] data = new byte[256];
        private int size;

        int size() {
            return size;
        }

        void u8(int b) {
            ensure(1);
            data[size++] = (byte) b;
        }

        void u32(int v) {
            ensure(4);
            data[size++] = (byte) (v >>> 24);
            data[size++] = (byte) (v >>> 16);
            data[size++] = (byte) (v >>> 8);
            data[size++] = (byte) v;
        }

        void u64(long v) {
            u32((int) (v >>> 32));
            u32((int) v);
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, data, size, b.length);
            size += b.length;
        }

        void align(int alignment) {
            padTo(FdtBuilder.align(size, alignment));
        }

        void padTo(int length) {
            while (size < length) {
                u8(0);
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }

        private void ensure(int extra) {
            if (size + extra > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
            }
        }
    }
}
