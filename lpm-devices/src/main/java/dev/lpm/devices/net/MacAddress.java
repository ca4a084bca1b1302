package dev.lpm.devices.net;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A 48-bit IEEE 802 MAC address, held as the low 48 bits of a {@code long} (the first byte on the wire is
 * the most significant). Value equality; printed and parsed as {@code 52:54:00:12:34:56}.
 *
 * @param value the address in bits 47..0; bits 63..48 must be zero
 */
public record MacAddress(long value) {

    public static final int LENGTH = 6;
    public static final MacAddress BROADCAST = new MacAddress(0xFFFF_FFFF_FFFFL);

    public MacAddress {
        if ((value >>> 48) != 0) {
            throw new IllegalArgumentException(String.format("MAC address 0x%x wider than 48 bits", value));
        }
    }

    /** The address in {@code bytes[offset .. offset + 6)}. */
    public static MacAddress of(byte[] bytes, int offset) {
        if (offset < 0 || offset > bytes.length - LENGTH) {
            throw new IllegalArgumentException("no MAC address at offset " + offset + " of " + bytes.length + " bytes");
        }
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = v << 8 | (bytes[offset + i] & 0xFF);
        }
        return new MacAddress(v);
    }

    /**
     * Parses six two-digit hexadecimal bytes separated by colons or hyphens ({@code 52:54:00:12:34:56}).
     *
     * @throws IllegalArgumentException if {@code text} is not such an address
     */
    public static MacAddress parse(String text) {
        String[] parts = text.split("[:-]", -1);
        if (parts.length != LENGTH) {
            throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2 || Character.digit(p.charAt(0), 16) < 0 || Character.digit(p.charAt(1), 16) < 0) {
                throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
            }
            v = v << 8 | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    /**
     * A random locally administered unicast address (the second-lowest bit of the first byte set, the lowest
     * clear), as a NIC without a configured address would pick.
     */
    public static MacAddress random(RandomGenerator random) {
        long v = random.nextLong() & 0xFFFF_FFFF_FFFFL;
        v = (v & ~(1L << 40)) | (1L << 41);
        return new MacAddress(v);
    }

    /** The six bytes in wire order. */
    public byte[] bytes() {
        byte[] b = new byte[LENGTH];
        copyTo(b, 0);
        return b;
    }

    /** Writes the six bytes in wire order at {@code destination[offset]}. */
    public void copyTo(byte[] destination, int offset) {
        for (int i = 0; i < LENGTH; i++) {
            destination[offset + i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
    }

    /** Group address: the lowest bit of the first byte (broadcast included). A NIC's own address never is. */
    public boolean isMulticast() {
        return (value & (1L << 40)) != 0;
    }

    /** Locally administered: the second-lowest bit of the first byte. */
    public boolean isLocallyAdministered() {
        return (value & (1L << 41)) != 0;
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.ofDelimiter(":");
        return hex.formatHex(bytes());
    }
}
