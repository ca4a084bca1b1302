package dev.lpm.memory;

import dev.lpm.api.GuestMemoryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RamTest {
    private static final long BASE = 0x8000_0000L;

    @Test
    void sizesOutsideSixteenMegabytesToSixteenGigabytesAreRejected() {
        assertThatThrownBy(() -> new Ram(BASE, 8L << 20)).hasMessageContaining("between 16 MiB and 16 GiB");
        assertThatThrownBy(() -> new Ram(BASE, 17L << 30)).hasMessageContaining("between 16 MiB and 16 GiB");
        assertThatThrownBy(() -> new Ram(BASE, (16L << 20) + 1)).hasMessageContaining("multiple of 4 KiB");
    }

    @Test
    void sixteenGigabytesAreMappedLazily() {
        try (Ram ram = new Ram(BASE, 16L << 30)) {
            ram.store(BASE + (16L << 30) - 8, 0x1122334455667788L, 3);
            assertThat(ram.load(BASE + (16L << 30) - 8, 3)).isEqualTo(0x1122334455667788L);
            assertThat(ram.isZeroPage(12345)).isTrue();
        }
    }

    @Test
    void deviceWritesAreLittleEndianAndMarkEveryTouchedPage() {
        try (Ram ram = new Ram(BASE, 16L << 20)) {
            ram.dirtyBitmap().harvest();
            ram.write(BASE + 4096 - 2, new byte[] {1, 2, 3, 4});
            ram.store(BASE + 10 * 4096, 0xABCD, 1);
            assertThat(ram.load(BASE + 4096 - 2, 2)).isEqualTo(0x04030201L);
            long[] dirty = ram.dirtyBitmap().harvest();
            assertThat(dirty[0]).isEqualTo((1L << 0) | (1L << 1) | (1L << 10));
        }
    }

    @Test
    void accessesOutsideRamFailWithoutWriting() {
        try (Ram ram = new Ram(BASE, 16L << 20)) {
            ram.dirtyBitmap().harvest();
            assertThatThrownBy(() -> ram.write(BASE + (16L << 20) - 2, new byte[4]))
                    .isInstanceOf(GuestMemoryException.class).hasMessageContaining("not RAM");
            assertThatThrownBy(() -> ram.load(BASE - 8, 3)).isInstanceOf(GuestMemoryException.class);
            assertThat(DirtyBitmap.count(ram.dirtyBitmap().harvest())).isZero();
        }
    }
}
