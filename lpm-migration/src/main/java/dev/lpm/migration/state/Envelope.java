package dev.lpm.migration.state;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The container around the sections: magic, format version, section count, the sections with their
 * headers, and the trailing CRC32C (layout in {@link MachineStateCodec}).
 */
final class Envelope {
    private Envelope() {
    }

    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "LPMS".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 4 + 2 + 4;
    private static final int CRC_BYTES = 4;
    /** id length, shortest id, section version, payload length. */
    private static final int MIN_SECTION_BYTES = 1 + 1 + 2 + 4;

    static byte[] seal(List<SectionWriter> sections) {
        long size = HEADER_BYTES + CRC_BYTES;
        for (SectionWriter s : sections) {
            size += 1 + s.id().length() + 2 + 4 + s.payload().remaining();
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("state of " + size + " bytes does not fit in an array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) FORMAT_VERSION).putInt(sections.size());
        for (SectionWriter s : sections) {
            byte[] id = s.id().getBytes(StandardCharsets.US_ASCII);
            String problem = checkId(id);
            if (problem != null) {
                throw new IllegalArgumentException("bad section id '" + s.id() + "': " + problem);
            }
            out.put((byte) id.length).put(id).putShort((short) s.version()).putInt(s.payload().remaining());
            out.put(s.payload());
        }
        out.putInt(crc(out.array(), out.position()));
        return out.array();
    }

    /**
     * Checks magic, format version and checksum (in that order, so that a state from a newer lpm is reported
     * as such even if that lpm frames its checksum differently), then splits the sections out.
     */
    static SectionTable open(byte[] bytes) throws StateFormatException {
        if (bytes == null) {
            throw new StateFormatException("no state (null)");
        }
        if (bytes.length < MAGIC.length) {
            throw truncated(bytes.length);
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new StateFormatException(String.format("not an lpm machine state: it starts with"
                        + " %02x %02x %02x %02x, not 'LPMS'", bytes[0], bytes[1], bytes[2], bytes[3]));
            }
        }
        ByteBuffer all = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 2) {
            throw truncated(bytes.length);
        }
        int version = all.getShort(MAGIC.length) & 0xFFFF;
        if (version > FORMAT_VERSION) {
            throw new StateFormatException("state format version " + version + " was written by a newer lpm;"
                    + " this one reads version " + FORMAT_VERSION);
        }
        if (version < 1) {
            throw new StateFormatException("state format version 0 does not exist");
        }
        if (bytes.length < HEADER_BYTES + CRC_BYTES) {
            throw truncated(bytes.length);
        }
        int end = bytes.length - CRC_BYTES;
        int stored = all.getInt(end);
        int computed = crc(bytes, end);
        if (stored != computed) {
            throw new StateFormatException(String.format("state checksum mismatch: it says 0x%08x, its %d bytes"
                    + " give 0x%08x (corrupted or truncated on the way)", stored, bytes.length, computed));
        }
        int countAt = MAGIC.length + 2;
        ByteBuffer in = all.slice(countAt, end - countAt).order(ByteOrder.LITTLE_ENDIAN);
        long count = Integer.toUnsignedLong(in.getInt());
        if (count > Limits.SECTIONS) {
            throw new StateFormatException("state claims " + count + " sections, a machine has at most "
                    + Limits.SECTIONS);
        }
        SectionTable table = new SectionTable();
        for (int n = 0; n < count; n++) {
            String where = "section " + n + " of " + count;
            need(in, MIN_SECTION_BYTES, where);
            int idLength = in.get() & 0xFF;
            if (idLength < 1 || idLength > Limits.ID_BYTES) {
                throw new StateFormatException("state " + where + " has an id of " + idLength + " bytes, ids have 1.."
                        + Limits.ID_BYTES);
            }
            need(in, idLength + 2 + 4, where);
            byte[] idBytes = new byte[idLength];
            in.get(idBytes);
            String problem = checkId(idBytes);
            if (problem != null) {
                throw new StateFormatException("state " + where + " has a bad id: " + problem);
            }
            String id = new String(idBytes, StandardCharsets.US_ASCII);
            int sectionVersion = in.getShort() & 0xFFFF;
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > in.remaining()) {
                throw new StateFormatException("state truncated: section '" + id + "' needs " + length + " bytes, "
                        + in.remaining() + " remain");
            }
            ByteBuffer payload = in.slice(in.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN);
            in.position(in.position() + (int) length);
            table.add(id, sectionVersion, payload);
        }
        if (in.hasRemaining()) {
            throw new StateFormatException("state has " + in.remaining() + " bytes after its last section");
        }
        return table;
    }

    /** Why {@code id} is not a section id (1..64 of a-z 0-9 / _ -), or null. */
    private static String checkId(byte[] id) {
        if (id.length < 1 || id.length > Limits.ID_BYTES) {
            return "ids have 1.." + Limits.ID_BYTES + " bytes, not " + id.length;
        }
        for (int i = 0; i < id.length; i++) {
            int c = id[i];
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '/' || c == '_' || c == '-')) {
                return String.format("byte 0x%02x at %d; ids use a-z, 0-9, '/', '_' and '-'", c & 0xFF, i);
            }
        }
        return null;
    }

    private static void need(ByteBuffer in, int bytes, String where) throws StateFormatException {
        if (in.remaining() < bytes) {
            throw new StateFormatException("state truncated: " + where + " needs " + bytes + " header bytes, "
                    + in.remaining() + " remain");
        }
    }

    private static StateFormatException truncated(int length) {
        return new StateFormatException("state truncated: " + length + " bytes, a state has at least "
                + (HEADER_BYTES + CRC_BYTES));
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
