package dev.lpm.migration.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Takes encoded states apart and puts them back together with a correct checksum, so that tests can damage
 * one field and see the decoder's answer to that damage rather than to the checksum. Trusts its input.
 */
final class StateBytes {
    private StateBytes() {
    }

    static final int HEADER = 10;

    /** One section; {@code start} is where its header begins in the state it was read from. */
    record Section(String id, int version, byte[] payload, int start) {
        Section(String id, int version, byte[] payload) {
            this(id, version, payload, -1);
        }

        int headerLength() {
            return 1 + id.length() + 2 + 4;
        }

        int payloadStart() {
            return start + headerLength();
        }
    }

    static List<Section> sections(byte[] state) {
        ByteBuffer in = le(state);
        in.position(6);
        int count = in.getInt();
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int start = in.position();
            byte[] id = new byte[in.get()];
            in.get(id);
            int version = in.getShort() & 0xFFFF;
            byte[] payload = new byte[in.getInt()];
            in.get(payload);
            out.add(new Section(new String(id, StandardCharsets.US_ASCII), version, payload, start));
        }
        return out;
    }

    static Section section(byte[] state, String id) {
        return sections(state).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
    }

    /** A state of these sections with format version {@code version} and {@code extra} bytes before the CRC. */
    static byte[] assemble(int version, int count, List<Section> sections, byte[] extra) {
        int size = HEADER + 4 + extra.length;
        for (Section s : sections) {
            size += s.headerLength() + s.payload().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put("LPMS".getBytes(StandardCharsets.US_ASCII)).putShort((short) version).putInt(count);
        for (Section s : sections) {
            out.put((byte) s.id().length()).put(s.id().getBytes(StandardCharsets.US_ASCII))
                    .putShort((short) s.version()).putInt(s.payload().length).put(s.payload());
        }
        out.put(extra);
        return fixCrc(out.array());
    }

    static byte[] assemble(List<Section> sections) {
        return assemble(1, sections.size(), sections, new byte[0]);
    }

    /** {@code state} with its last four bytes replaced by the CRC32C of the rest. */
    static byte[] fixCrc(byte[] state) {
        byte[] copy = state.clone();
        if (copy.length >= HEADER + 4) {
            CRC32C crc = new CRC32C();
            crc.update(copy, 0, copy.length - 4);
            le(copy).putInt(copy.length - 4, (int) crc.getValue());
        }
        return copy;
    }

    /** {@code state} with section {@code id}'s payload changed in place by {@code edit}, CRC fixed. */
    static byte[] editPayload(byte[] state, String id, Consumer<ByteBuffer> edit) {
        byte[] copy = state.clone();
        Section s = section(state, id);
        edit.accept(ByteBuffer.wrap(copy, s.payloadStart(), s.payload().length).slice().order(ByteOrder.LITTLE_ENDIAN));
        return fixCrc(copy);
    }

    /** {@code state} with a 32-bit field at {@code offset} replaced, CRC fixed. */
    static byte[] putInt(byte[] state, int offset, int value) {
        byte[] copy = state.clone();
        le(copy).putInt(offset, value);
        return fixCrc(copy);
    }

    static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
