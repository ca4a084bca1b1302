package dev.lpm.api;

/**
 * Guest physical memory as a device doing DMA (or a loader) sees it. Every write marks the pages it
 * touches dirty, so migration never misses a page a device wrote. Addresses outside RAM throw
 * {@link GuestMemoryException}; nothing is written in that case.
 */
public interface GuestMemory {

    /** True when {@code [address, address + length)} lies entirely inside guest RAM. */
    boolean isRam(long address, long length);

    void read(long address, byte[] destination, int offset, int length);

    void write(long address, byte[] source, int offset, int length);

    default byte[] read(long address, int length) {
        byte[] bytes = new byte[length];
        read(address, bytes, 0, length);
        return bytes;
    }

    default void write(long address, byte[] source) {
        write(address, source, 0, source.length);
    }

    /** Little-endian load of {@code 1 << sizeLog2} bytes, zero-extended. */
    long load(long address, int sizeLog2);

    /** Little-endian store of the low {@code 1 << sizeLog2} bytes of {@code value}; marks the page dirty. */
    void store(long address, long value, int sizeLog2);
}
