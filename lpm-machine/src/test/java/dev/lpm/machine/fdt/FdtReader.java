package dev.lpm.machine.fdt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, strict reader for DTBs, for tests: it checks the header, the block alignment the
 * specification requires and the token stream, and returns the tree.
 */
final class FdtReader {

    record Node(String name, Map<String, byte[]> properties, List<Node> children) {
        Node child(String childName) {
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        /** The node at {@code path} ("/soc/serial@10000000"), or null. */
        Node at(String path) {
            Node n = this;
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    n = n == null ? null : n.child(part);
                }
            }
            return n;
        }

        String string(String property) {
            byte[] v = properties.get(property);
            return v == null ? null : new String(v, 0, v.length - 1, StandardCharsets.UTF_8);
        }

        int[] cells(String property) {
            byte[] v = properties.get(property);
            if (v == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(v);
            int[] out = new int[v.length / 4];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getInt();
            }
            return out;
        }
    }

    record Blob(int version, int lastCompatibleVersion, int bootCpuId, List<long[]> reservations, Node root,
                int structOffset, int stringsOffset, int reservationOffset, int stringsSize, int totalSize) {
    }

    private FdtReader() {
    }

    static Blob read(byte[] dtb) {
        ByteBuffer b = ByteBuffer.wrap(dtb);
        check(b.getInt(0) == 0xD00DFEED, "magic");
        int total = b.getInt(4);
        int structOffset = b.getInt(8);
        int stringsOffset = b.getInt(12);
        int rsvOffset = b.getInt(16);
        int version = b.getInt(20);
        int lastComp = b.getInt(24);
        int bootCpu = b.getInt(28);
        int stringsSize = b.getInt(32);
        int structSize = b.getInt(36);
        check(total <= dtb.length, "totalsize"); // QEMU dumps its whole buffer; ours is tight (FdtBuilderTest)
        check(rsvOffset % 8 == 0 && rsvOffset >= 40, "memory reservation block alignment");
        check(structOffset % 4 == 0, "structure block alignment");
        check(structOffset + structSize <= total && stringsOffset + stringsSize <= total, "block bounds");

        List<long[]> reservations = new ArrayList<>();
        for (int p = rsvOffset; ; p += 16) {
            long address = b.getLong(p);
            long size = b.getLong(p + 8);
            if (address == 0 && size == 0) {
                check(p + 16 <= structOffset, "reservations overlap the structure block");
                break;
            }
            reservations.add(new long[] {address, size});
        }

        int[] pos = {structOffset};
        Node root = null;
        List<Node> stack = new ArrayList<>();
        while (true) {
            int token = b.getInt(pos[0]);
            pos[0] += 4;
            switch (token) {
                case 1 -> {
                    int start = pos[0];
                    int end = start;
                    while (dtb[end] != 0) {
                        end++;
                    }
                    String name = new String(dtb, start, end - start, StandardCharsets.US_ASCII);
                    pos[0] = align4(end + 1);
                    Node node = new Node(name, new LinkedHashMap<>(), new ArrayList<>());
                    if (stack.isEmpty()) {
                        check(root == null, "second root");
                        check(name.isEmpty(), "root name");
                        root = node;
                    } else {
                        stack.getLast().children.add(node);
                    }
                    stack.add(node);
                }
                case 2 -> {
                    check(!stack.isEmpty(), "unbalanced END_NODE");
                    stack.removeLast();
                }
                case 3 -> {
                    int len = b.getInt(pos[0]);
                    int nameOff = b.getInt(pos[0] + 4);
                    check(nameOff < stringsSize, "property name offset");
                    int s = stringsOffset + nameOff;
                    int e = s;
                    while (dtb[e] != 0) {
                        e++;
                    }
                    String name = new String(dtb, s, e - s, StandardCharsets.US_ASCII);
                    byte[] value = new byte[len];
                    System.arraycopy(dtb, pos[0] + 8, value, 0, len);
                    Node node = stack.getLast();
                    check(node.children.isEmpty(), "property after child node");
                    check(node.properties.put(name, value) == null, "duplicate property " + name);
                    pos[0] = align4(pos[0] + 8 + len);
                }
                case 4 -> {
                }
                case 9 -> {
                    check(stack.isEmpty(), "END with open nodes");
                    check(pos[0] == structOffset + structSize, "size_dt_struct");
                    return new Blob(version, lastComp, bootCpu, reservations, root, structOffset, stringsOffset,
                            rsvOffset, stringsSize, total);
                }
                default -> throw new IllegalStateException("bad token " + token + " at " + (pos[0] - 4));
            }
        }
    }

    private static int align4(int v) {
        return (v + 3) & ~3;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("malformed DTB: " + what);
        }
    }
}
