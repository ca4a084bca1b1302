package dev.lpm.machine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The header of a RISC-V Linux kernel {@code Image} (Documentation/arch/riscv/boot-image-header.rst): 64
 * bytes with the magic "RISCV\0\0\0" at 0x30 and "RSC\x05" at 0x38, and the memory the kernel occupies
 * once running (text, data and bss) at 0x10.
 *
 * @param memorySize bytes from the load address the kernel needs, at least the file's size
 */
record KernelImage(long memorySize) {
    private static final int HEADER_SIZE = 64;
    private static final long MAGIC = 0x5643534952L; // "RISCV\0\0\0", little-endian
    private static final int MAGIC2 = 0x05435352; // "RSC\x05", little-endian

    static KernelImage parse(byte[] image) {
        if (image.length < HEADER_SIZE) {
            throw new IllegalArgumentException("kernel image of " + image.length + " bytes is truncated: a RISC-V"
                    + " Image has a " + HEADER_SIZE + "-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getLong(0x30) != MAGIC || b.getInt(0x38) != MAGIC2) {
            String kind = image[0] == 0x7F && image[1] == 'E' && image[2] == 'L' && image[3] == 'F' ? "an ELF file"
                    : (image[0] == 0x1F && (image[1] & 0xFF) == 0x8B ? "gzip-compressed" : "not a kernel Image");
            throw new IllegalArgumentException("not a RISC-V Linux kernel Image (" + kind + "): the header magic"
                    + " RISCV/RSC\\x05 is missing; use the raw Image (Debian: /boot/vmlinux-VERSION on riscv64)");
        }
        long imageSize = b.getLong(0x10);
        if (imageSize < 0 || imageSize > (1L << 34)) {
            throw new IllegalArgumentException("kernel Image header claims " + imageSize + " bytes: corrupt");
        }
        if (imageSize != 0 && imageSize < image.length) {
            throw new IllegalArgumentException("kernel Image is " + image.length + " bytes but its header says "
                    + imageSize + ": corrupt or not a kernel");
        }
        long expected = peFileLength(b);
        if (image.length < expected) {
            throw new IllegalArgumentException("kernel Image is truncated: " + image.length + " bytes, its sections"
                    + " end at " + expected);
        }
        return new KernelImage(Math.max(imageSize, image.length));
    }

    /**
     * Kernels built with the EFI stub (Debian's are) start with "MZ" and carry a PE/COFF section table; the
     * file must reach the end of the last section's raw data. Returns 0 for Images without one.
     */
    private static long peFileLength(ByteBuffer b) {
        if (b.getShort(0) != 0x5A4D) { // "MZ"
            return 0;
        }
        int pe = b.getInt(0x3C);
        if (pe < HEADER_SIZE || pe > b.limit() - 24 || b.getInt(pe) != 0x00004550) { // "PE\0\0"
            throw new IllegalArgumentException("kernel Image has a damaged PE header: corrupt or truncated");
        }
        int sections = Short.toUnsignedInt(b.getShort(pe + 6));
        int optionalHeader = Short.toUnsignedInt(b.getShort(pe + 20));
        long table = pe + 24L + optionalHeader;
        if (table + 40L * sections > b.limit()) {
            throw new IllegalArgumentException("kernel Image is truncated inside its PE section table");
        }
        long end = 0;
        for (int i = 0; i < sections; i++) {
            int s = (int) (table + 40L * i);
            long rawSize = Integer.toUnsignedLong(b.getInt(s + 16));
            long rawPointer = Integer.toUnsignedLong(b.getInt(s + 20));
            end = Math.max(end, rawPointer + rawSize);
        }
        return end;
    }
}
