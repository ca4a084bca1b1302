package dev.lpm.memory;

import dev.lpm.api.MemoryMappedDevice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhysicalBusTest {

    /** A 16-byte device of 32-bit registers that remembers the last store. */
    private static final class Registers implements MemoryMappedDevice {
        long lastOffset = -1;
        long lastValue;

        @Override
        public int length() {
            return 16;
        }

        @Override
        public int supportedSizes() {
            return SIZES_32;
        }

        @Override
        public long load(int offset, int sizeLog2) {
            return 0x1000 + offset;
        }

        @Override
        public void store(int offset, long value, int sizeLog2) {
            lastOffset = offset;
            lastValue = value;
        }
    }

    @Test
    void devicesSeeOffsetsAndHolesSizesAndMisalignmentAreBusErrors() {
        try (Ram ram = new Ram(0x8000_0000L, 16L << 20)) {
            PhysicalBus bus = new PhysicalBus(ram);
            Registers dev = new Registers();
            bus.map("regs", 0x1000_0000L, dev);
            assertThat(bus.load(0x1000_0008L, 2)).isEqualTo(0x1008);
            bus.store(0x1000_0004L, 7, 2);
            assertThat(dev.lastOffset).isEqualTo(4);
            assertThatThrownBy(() -> bus.load(0x1000_0010L, 2)).isSameAs(BusError.INSTANCE); // past the end
            assertThatThrownBy(() -> bus.load(0x1000_0000L, 3)).isSameAs(BusError.INSTANCE); // unsupported size
            assertThatThrownBy(() -> bus.load(0x1000_0002L, 2)).isSameAs(BusError.INSTANCE); // misaligned
            assertThatThrownBy(() -> bus.load(0x2000_0000L, 0)).isSameAs(BusError.INSTANCE); // hole
            assertThatThrownBy(() -> bus.map("overlap", 0x1000_0008L, new Registers()))
                    .hasMessageContaining("overlaps regs");
        }
    }
}
