package dev.lpm.migration.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The first frame of a stream: which migration this is, whether it is live or a snapshot file, and what the
 * receiver must build before memory arrives: the partition's name, memory size, harts and its profile (the
 * host's description of its devices, opaque here).
 */
public record Hello(UUID migrationId, Mode mode, String partition, long ramBytes, int harts, byte[] profile) {
    public static final int MAX_NAME = 64;
    public static final int MAX_PROFILE = 64 << 10;

    /** A live migration over a connection (each step acknowledged), or a snapshot file (no peer). */
    public enum Mode {
        LIVE, SNAPSHOT
    }

    public Hello {
        profile = profile.clone();
    }

    @Override
    public byte[] profile() {
        return profile.clone();
    }

    public byte[] encode() {
        byte[] name = partition.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0 || name.length > MAX_NAME || profile.length > MAX_PROFILE) {
            throw new IllegalArgumentException("partition name or profile too long");
        }
        ByteBuffer b = ByteBuffer.allocate(16 + 1 + 1 + name.length + 8 + 1 + 4 + profile.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(migrationId.getMostSignificantBits()).putLong(migrationId.getLeastSignificantBits());
        b.put((byte) (mode.ordinal() + 1));
        b.put((byte) name.length).put(name);
        b.putLong(ramBytes).put((byte) harts).putInt(profile.length).put(profile);
        return b.array();
    }

    /** Parses a HELLO frame's payload, checking every length; limits on memory and harts are the host's. */
    public static Hello decode(Frame f) throws StreamFormatException {
        if (f.type() != FrameType.HELLO) {
            throw new StreamFormatException("the stream must begin with HELLO, not " + f.type());
        }
        ByteBuffer b = f.payload();
        try {
            UUID id = new UUID(b.getLong(), b.getLong());
            int m = b.get() & 0xFF;
            if (m < 1 || m > Mode.values().length) {
                throw new StreamFormatException("HELLO: unknown mode " + m);
            }
            int nameLength = b.get() & 0xFF;
            if (nameLength == 0 || nameLength > MAX_NAME) {
                throw new StreamFormatException("HELLO: partition name of " + nameLength + " bytes (1.." + MAX_NAME + ")");
            }
            byte[] name = new byte[nameLength];
            b.get(name);
            String partition = new String(name, StandardCharsets.UTF_8);
            if (!partition.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new StreamFormatException("HELLO: partition name '" + partition + "' has characters a name may not have");
            }
            long ram = b.getLong();
            int harts = b.get() & 0xFF;
            int profileLength = b.getInt();
            if (profileLength < 0 || profileLength > MAX_PROFILE || profileLength != b.remaining()) {
                throw new StreamFormatException("HELLO: profile of " + Integer.toUnsignedString(profileLength)
                        + " bytes does not match the frame's " + b.remaining() + " remaining bytes");
            }
            byte[] profile = new byte[profileLength];
            b.get(profile);
            return new Hello(id, Mode.values()[m - 1], partition, ram, harts, profile);
        } catch (java.nio.BufferUnderflowException e) {
            throw new StreamFormatException("HELLO frame truncated (" + f.length() + " bytes)");
        }
    }
}
