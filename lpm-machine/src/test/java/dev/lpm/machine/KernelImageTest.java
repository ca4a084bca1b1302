package dev.lpm.machine;

import dev.lpm.devices.uart.BufferSerial;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelImageTest {

    /** A minimal EFI-stub Image: header, a PE header at 0x40 and one section ending at {@code sectionEnd}. */
    private static byte[] image(int fileLength, long imageSize, int sectionEnd) {
        ByteBuffer b = ByteBuffer.allocate(fileLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 0x5A4D); // "MZ"
        b.putLong(0x10, imageSize);
        b.putLong(0x30, 0x5643534952L); // "RISCV"
        b.putInt(0x38, 0x05435352); // "RSC\x05"
        b.putInt(0x3C, 0x40); // PE header offset
        b.putInt(0x40, 0x00004550); // "PE\0\0"
        b.putShort(0x40 + 6, (short) 1); // one section
        b.putShort(0x40 + 20, (short) 0); // no optional header
        int section = 0x40 + 24;
        b.putInt(section + 16, sectionEnd - 0x200); // raw size
        b.putInt(section + 20, 0x200); // raw pointer
        return b.array();
    }

    @Test
    void memoryFootprintIncludesTheBssBeyondTheFile() {
        assertThat(KernelImage.parse(image(0x1000, 0x8000, 0x1000)).memorySize()).isEqualTo(0x8000);
    }

    @Test
    void nonRiscvTruncatedOrCorruptKernelsAreRefused() {
        byte[] elf = new byte[128];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        assertThatThrownBy(() -> KernelImage.parse(elf)).hasMessageContaining("not a RISC-V Linux kernel Image (an ELF");
        assertThatThrownBy(() -> KernelImage.parse(new byte[10])).hasMessageContaining("truncated");
        assertThatThrownBy(() -> KernelImage.parse(image(0x1000, 0x8000, 0x3000)))
                .hasMessageContaining("truncated: 4096 bytes, its sections end at 12288");
        assertThatThrownBy(() -> KernelImage.parse(image(0x1000, 0x800, 0x1000))).hasMessageContaining("corrupt");
    }

    @Test
    void kernelAndInitrdMustFitTheirPartition() {
        try (Machine m = new Machine(MachineConfig.of(32L << 20), new BufferSerial())) {
            assertThatThrownBy(() -> m.loadKernel(image(0x1000, 40L << 20, 0x1000)))
                    .hasMessageContaining("more than 32 MiB of RAM leave");
            m.loadKernel(image(0x1000, 0x8000, 0x1000));
            assertThatThrownBy(() -> m.loadInitrd(new byte[20 << 20])).hasMessageContaining("does not fit");
            assertThatThrownBy(() -> m.loadInitrd(new byte[0])).hasMessageContaining("empty");
            m.loadInitrd(new byte[1 << 20]); // 16 MiB above the kernel: below the device tree at 30 MiB
        }
    }
}
