package dev.lpm.machine;

import dev.lpm.devices.uart.BufferSerial;
import dev.lpm.memory.DirtyBitmap;
import dev.lpm.memory.Ram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dirty-page tracking as migration uses it: every guest store marks its page, the store-TLB fast path
 * included, and a harvest racing the running hart never loses a write.
 */
class DirtyTrackingTest {
    private static final long DRAM = VirtBoard.DRAM;
    /** Guest data area used by the programs below: 16 MiB into RAM. */
    private static final long AREA = DRAM + (16L << 20);
    private static final long AREA_PAGE = (AREA - DRAM) >>> 12;

    private static List<Long> pages(long[] harvested) {
        List<Long> out = new ArrayList<>();
        for (int w = 0; w < harvested.length; w++) {
            for (long bits = harvested[w]; bits != 0; bits &= bits - 1) {
                out.add(w * 64L + Long.numberOfTrailingZeros(bits));
            }
        }
        return out;
    }

    @Test
    void exactlyTheWrittenPagesAreReported() throws Exception {
        // stores of every width, twice to the same page (the second through the store TLB), a misaligned
        // store across a page boundary, an AMO and an SC; then power off
        byte[] program = GuestAssembler.assemble("""
                .text
                _start:
                  li s0, %d
                  li t0, 0x1234
                  sd t0, 0(s0)              # page +0
                  sd t0, 8(s0)              # page +0 again, via the store TLB
                  li s1, 3*4096
                  add s1, s1, s0
                  sw t0, 0(s1)              # page +3
                  sh t0, 100(s1)
                  li s1, 8*4096-2
                  add s1, s1, s0
                  sw t0, 0(s1)              # misaligned: pages +7 and +8
                  li s1, 20*4096
                  add s1, s1, s0
                  amoadd.d zero, t0, (s1)   # page +20
                  li s1, 33*4096
                  add s1, s1, s0
                  lr.d t1, (s1)
                  sc.d t2, t0, (s1)         # page +33
                  li s1, 41*4096-1
                  add s1, s1, s0
                  sb t0, 0(s1)              # last byte of page +40
                  li t0, 0x100000
                  li t1, 0x5555
                  sw t1, 0(t0)
                1: j 1b
                """.formatted(AREA));
        try (Machine m = new Machine(MachineConfig.of(64L << 20), new BufferSerial())) {
            m.loadFirmware(program);
            m.ram().dirtyBitmap().harvest(); // forget what the loader wrote
            m.start();
            assertThat(m.awaitPowerOff(Duration.ofSeconds(20))).hasValue(0);
            m.stop();
            List<Long> dirty = pages(m.ram().dirtyBitmap().harvest());
            long deviceTreePage = (m.fdtAddress() - DRAM) >>> 12; // start() writes the device tree
            assertThat(dirty).containsExactly(AREA_PAGE, AREA_PAGE + 3, AREA_PAGE + 7, AREA_PAGE + 8,
                    AREA_PAGE + 20, AREA_PAGE + 33, AREA_PAGE + 40, deviceTreePage);
        }
    }

    @Test
    void harvestsRacingTheRunningHartLoseNoWrite() throws Exception {
        int pageCount = 512;
        // the guest rewrites 512 pages round-robin forever, each store a new sequence number, so a page whose
        // last write was missed by the dirty log would differ from the copy the test keeps
        byte[] program = GuestAssembler.assemble("""
                .text
                _start:
                  li s0, %d
                  li s2, %d
                  li t0, 1
                again:
                  mv s1, s0
                  li t1, 0
                loop:
                  sd t0, 0(s1)
                  sw t0, 2044(s1)
                  addi t0, t0, 1
                  li t2, 4096
                  add s1, s1, t2
                  addi t1, t1, 1
                  blt t1, s2, loop
                  j again
                """.formatted(AREA, pageCount));
        try (Machine m = new Machine(MachineConfig.of(64L << 20), new BufferSerial())) {
            Ram ram = m.ram();
            m.loadFirmware(program);
            byte[] shadow = new byte[(int) ram.size()];
            byte[] page = new byte[4096];
            ram.dirtyBitmap().markAll();
            m.start();
            long copied = 0;
            for (int round = 0; round < 200; round++) {
                copied += copyDirty(ram, shadow, page);
            }
            m.pause();
            copyDirty(ram, shadow, page); // the final round, with the hart stopped
            byte[] actual = new byte[(int) ram.size()];
            ram.read(DRAM, actual, 0, actual.length);
            assertThat(copied).isGreaterThan(pageCount);
            assertThat(Arrays.mismatch(shadow, actual)).as("first byte that differs from the copy").isEqualTo(-1);
            m.resume();
        }
    }

    /** One migration-like round: harvest, then copy every dirty page into the shadow. */
    private static long copyDirty(Ram ram, byte[] shadow, byte[] page) {
        long[] dirty = ram.dirtyBitmap().harvest();
        long n = 0;
        for (long p : pages(dirty)) {
            ram.read(ram.base() + (p << DirtyBitmap.PAGE_SHIFT), page, 0, page.length);
            System.arraycopy(page, 0, shadow, (int) (p << DirtyBitmap.PAGE_SHIFT), page.length);
            n++;
        }
        return n;
    }
}
