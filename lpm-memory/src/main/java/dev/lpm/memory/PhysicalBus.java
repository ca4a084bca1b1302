package dev.lpm.memory;

import dev.lpm.api.MemoryMappedDevice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The machine's physical address map: RAM plus memory-mapped devices at fixed bases. Lookups are a binary
 * search over the sorted device bases. Holes, accesses crossing a device's end and sizes a device does not
 * accept raise {@link BusError}; devices only ever see an offset.
 */
public final class PhysicalBus {

    /** A device placed on the bus. */
    public record Mapping(String id, long base, MemoryMappedDevice device) {
        public long end() {
            return base + device.length();
        }
    }

    private final Ram ram;
    private final List<Mapping> mappings = new ArrayList<>();
    private long[] bases = new long[0];
    private Mapping[] sorted = new Mapping[0];

    public PhysicalBus(Ram ram) {
        this.ram = ram;
    }

    public Ram ram() {
        return ram;
    }

    public synchronized void map(String id, long base, MemoryMappedDevice device) {
        Mapping m = new Mapping(id, base, device);
        for (Mapping other : mappings) {
            if (base < other.end() && other.base() < m.end()) {
                throw new IllegalArgumentException("device " + id + " overlaps " + other.id());
            }
        }
        if (base < ram.base() + ram.size() && ram.base() < m.end()) {
            throw new IllegalArgumentException("device " + id + " overlaps RAM");
        }
        mappings.add(m);
        Mapping[] next = mappings.toArray(Mapping[]::new);
        Arrays.sort(next, Comparator.comparingLong(Mapping::base));
        long[] nextBases = new long[next.length];
        for (int i = 0; i < next.length; i++) {
            nextBases[i] = next[i].base();
        }
        sorted = next;
        bases = nextBases;
    }

    public List<Mapping> mappings() {
        return List.copyOf(Arrays.asList(sorted));
    }

    /** The device mapping containing {@code [address, address + size)}, or null. */
    public Mapping deviceAt(long address, int size) {
        long[] b = bases;
        int i = Arrays.binarySearch(b, address);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0) {
            return null;
        }
        Mapping m = sorted[i];
        long offset = address - m.base();
        return offset >= 0 && offset + size <= m.device().length() ? m : null;
    }

    /** Loads {@code 1 << sizeLog2} bytes from RAM or a device, zero-extended. */
    public long load(long address, int sizeLog2) {
        long offset = ram.offsetOf(address, 1L << sizeLog2);
        if (offset >= 0) {
            return ram.getUnsigned(offset, sizeLog2);
        }
        Mapping m = checkedDevice(address, sizeLog2);
        return m.device().load((int) (address - m.base()), sizeLog2);
    }

    /** Stores to RAM (marking the page) or a device. */
    public void store(long address, long value, int sizeLog2) {
        long offset = ram.offsetOf(address, 1L << sizeLog2);
        if (offset >= 0) {
            ram.putMarking(offset, value, sizeLog2);
            return;
        }
        Mapping m = checkedDevice(address, sizeLog2);
        m.device().store((int) (address - m.base()), value, sizeLog2);
    }

    private Mapping checkedDevice(long address, int sizeLog2) {
        Mapping m = deviceAt(address, 1 << sizeLog2);
        if (m == null || (m.device().supportedSizes() & (1 << sizeLog2)) == 0
                || (address & ((1L << sizeLog2) - 1)) != 0) {
            throw BusError.INSTANCE;
        }
        return m;
    }
}
