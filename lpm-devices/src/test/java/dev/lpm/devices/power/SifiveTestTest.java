package dev.lpm.devices.power;

import dev.lpm.api.PowerControl;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SifiveTestTest {

    /** Records what the guest asked for. */
    static final class Recorder implements PowerControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public void powerOff(int exitCode) {
            calls.add("off " + exitCode);
        }

        @Override
        public void reset() {
            calls.add("reset");
        }
    }

    @Test
    void passFailAndReset() {
        Recorder power = new Recorder();
        SifiveTest test = new SifiveTest(power);
        test.store(0, 0x5555, 2);
        test.store(0, 0x3333, 2);
        test.store(0, 0x0042_3333L, 2);
        test.store(0, 0xFFFF_3333L, 2);
        test.store(0, 0x7777, 2);
        test.store(0, 0x1234_5555L, 2); // PASS ignores the upper half
        test.store(0, 0x5555, 1); // 16-bit stores work, as on QEMU
        assertThat(power.calls).containsExactly(
                "off 0", "off 0", "off 66", "off 65535", "reset", "off 0", "off 0");
    }

    @Test
    void otherValuesAndOffsetsAreIgnoredAndLoadsReadZero() {
        Recorder power = new Recorder();
        SifiveTest test = new SifiveTest(power);
        test.store(0, 0x1234, 2);
        test.store(0, 0x5554, 2);
        test.store(4, 0x5555, 2);
        test.store(0xFFC, 0x7777, 2);
        assertThat(power.calls).isEmpty();
        assertThat(test.load(0, 2)).isZero();
        assertThat(test.load(0x10, 1)).isZero();
        assertThat(test.length()).isEqualTo(0x1000);
        assertThat(test.supportedSizes()).isEqualTo(0b0110);
    }

    @Test
    void stateRoundTripsTrivially() {
        SifiveTest test = new SifiveTest(new Recorder());
        SifiveTest fresh = new SifiveTest(new Recorder());
        fresh.restore(test.save());
        fresh.resyncInterrupts();
        assertThat(fresh.save()).isEqualTo(test.save());
    }

    @Test
    void fuzzOnlyTheDocumentedWritesActAndSaveRestoreChangesNothing() {
        Random rnd = new Random(3);
        Recorder power = new Recorder();
        SifiveTest test = new SifiveTest(power);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int sizeLog2 = 1 + rnd.nextInt(2);
            int offset = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(SifiveTest.LENGTH >> sizeLog2) << sizeLog2;
            long value = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextLong();
                case 1 -> (long) rnd.nextInt(0x10000) << 16 | new int[] {0x3333, 0x5555, 0x7777}[rnd.nextInt(3)];
                default -> rnd.nextInt(0x10000);
            };
            if (sizeLog2 == 1) {
                value &= 0xFFFF;
            }
            if (rnd.nextBoolean()) {
                assertThat(test.load(offset, sizeLog2)).isZero();
                continue;
            }
            test.store(offset, value, sizeLog2);
            if (offset == 0) {
                switch ((int) value & 0xFFFF) {
                    case 0x3333 -> expected.add("off " + ((value >>> 16) & 0xFFFF));
                    case 0x5555 -> expected.add("off 0");
                    case 0x7777 -> expected.add("reset");
                    default -> {
                    }
                }
            }
            if (i == 10_000) {
                SifiveTest copy = new SifiveTest(power);
                copy.restore(test.save());
                test = copy;
            }
        }
        assertThat(power.calls).isEqualTo(expected);
        assertThat(expected).isNotEmpty();
    }
}
