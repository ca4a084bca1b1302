package dev.lpm.migration.state;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sections of a state whose framing and checksum have been checked, by id. Readers {@link #take} the
 * sections they understand; whatever is left at the end is a section this lpm does not know.
 */
final class SectionTable {
    private record Raw(int version, ByteBuffer payload) {
    }

    private final Map<String, Raw> sections = new LinkedHashMap<>();

    void add(String id, int version, ByteBuffer payload) throws StateFormatException {
        if (sections.putIfAbsent(id, new Raw(version, payload)) != null) {
            throw new StateFormatException("state has section '" + id + "' twice");
        }
    }

    /** Removes section {@code id}, which this lpm reads in versions 1..{@code supported}. */
    SectionReader take(String id, int supported) throws StateFormatException {
        Raw raw = sections.remove(id);
        if (raw == null) {
            throw new StateFormatException("state lacks section '" + id + "'");
        }
        if (raw.version() > supported) {
            throw new StateFormatException("state section '" + id + "' has version " + raw.version()
                    + ", written by a newer lpm: this one reads up to version " + supported);
        }
        if (raw.version() < 1) {
            throw new StateFormatException("state section '" + id + "' has version 0; versions start at 1");
        }
        return new SectionReader(id, raw.version(), raw.payload());
    }

    /** Fails on any section nobody took. */
    void finish() throws StateFormatException {
        if (!sections.isEmpty()) {
            var first = sections.entrySet().iterator().next();
            throw new StateFormatException("state has unknown section '" + first.getKey() + "' (version "
                    + first.getValue().version() + ", " + first.getValue().payload().remaining() + " bytes)");
        }
    }
}
