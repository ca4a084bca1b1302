package dev.lpm.api;

/**
 * A device on the physical bus. It sees only offsets from its own base and never an absolute address;
 * the bus rejects holes and sizes outside {@link #supportedSizes()} as access faults before the device
 * is called, so implementations may assume {@code 0 <= offset < length()} and a supported size.
 */
public interface MemoryMappedDevice {

    /** Bit {@code n} set means accesses of {@code 1 << n} bytes are allowed. */
    int SIZES_8_16_32_64 = 0b1111;
    int SIZES_32 = 0b0100;
    int SIZES_32_64 = 0b1100;
    int SIZES_8 = 0b0001;

    /** Bytes of address space the device occupies. */
    int length();

    /** Bit mask of the access sizes, as {@code sizeLog2}, the device accepts. */
    int supportedSizes();

    /** Reads {@code 1 << sizeLog2} bytes at {@code offset}, zero-extended into the result. */
    long load(int offset, int sizeLog2);

    /** Writes the low {@code 1 << sizeLog2} bytes of {@code value} at {@code offset}. */
    void store(int offset, long value, int sizeLog2);
}
