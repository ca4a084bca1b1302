package dev.lpm.migration.state;

import dev.lpm.cpu.HartState;
import dev.lpm.cpu.HartState.CsrState;
import dev.lpm.cpu.Privilege;
import dev.lpm.cpu.mmu.Pmp;
import dev.lpm.devices.clint.ClintState;
import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.plic.PlicState;
import dev.lpm.devices.uart.UartState;
import dev.lpm.devices.virtio.Virtio;
import dev.lpm.devices.virtio.VirtioBlockState;
import dev.lpm.devices.virtio.VirtioConsoleState;
import dev.lpm.devices.virtio.VirtioDeviceState;
import dev.lpm.devices.virtio.VirtioMmioState;
import dev.lpm.devices.virtio.VirtioNet;
import dev.lpm.devices.virtio.VirtioNetState;
import dev.lpm.devices.virtio.VirtioRngState;
import dev.lpm.devices.virtio.VirtqueueState;
import dev.lpm.machine.Machine.MachineState;
import dev.lpm.machine.MachineConfig;
import dev.lpm.machine.MachineConfig.Execution;
import dev.lpm.machine.VirtBoard;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hand-built machine states for codec tests. */
final class States {
    private States() {
    }

    /** Slots of the virtio devices in {@link #everyFieldSet()}. */
    static final int BLOCK = 0;
    static final int NET = 1;
    static final int CONSOLE = 2;
    static final int RNG = 3;

    /**
     * Two harts and one virtio device of each kind, with no field (and no array element) left at zero,
     * false or empty (see {@link #assertEveryFieldSet}), so a round trip proves every field travels.
     */
    static MachineState everyFieldSet() {
        MachineConfig config = new MachineConfig(64L << 20, 2, "console=ttyS0 root=/dev/vda quiet \u00fc\u20ac",
                Execution.TRANSLATE_ALL);
        List<HartState> harts = List.of(hart(0), hart(1));
        ClintState clint = new ClintState(0x1234_5678_9ABCL, new long[] {-1L, 77}, new boolean[] {true, true});
        return new MachineState(config, VirtBoard.DRAM + (62L << 20), harts, clint, plic(2), uart(), List.of(
                transport(Virtio.ID_BLOCK, 1, new VirtioBlockState(2048, true)),
                transport(Virtio.ID_NET, 3, net()),
                transport(Virtio.ID_CONSOLE, 2, new VirtioConsoleState("typed ahead".getBytes(StandardCharsets.UTF_8))),
                transport(Virtio.ID_ENTROPY, 1, new VirtioRngState())));
    }

    /** The smallest state: one hart, no virtio devices, everything at reset values. */
    static MachineState minimal() {
        long[] zeros = new long[32];
        CsrState csr = new CsrState(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new Pmp.PmpState(new byte[Pmp.ENTRIES], new long[Pmp.ENTRIES]));
        HartState hart = new HartState(0, VirtBoard.DRAM, Privilege.M, zeros, zeros, csr, 0, 0, false, 0);
        int[] priority = new int[96];
        int[] words = new int[3];
        PlicState plic = new PlicState(priority, words, new int[6], new int[2], words, words);
        UartState uart = new UartState(0, 0, 0, 0, 0, 0x60, 0, 0, 0, false, false, new byte[0], new byte[0]);
        MachineConfig config = new MachineConfig(16L << 20, 1, null, Execution.INTERPRET);
        return new MachineState(config, VirtBoard.DRAM + (14L << 20), List.of(hart),
                new ClintState(0, new long[1], new boolean[1]), plic, uart, List.of());
    }

    private static HartState hart(int id) {
        long base = (id + 1L) << 40;
        long[] x = new long[32];
        long[] f = new long[32];
        for (int i = 0; i < 32; i++) {
            x[i] = base | 0x100 | i;
            f[i] = Double.doubleToRawLongBits(i + 0.5 + id);
        }
        byte[] pmpConfig = new byte[Pmp.ENTRIES];
        long[] pmpAddress = new long[Pmp.ENTRIES];
        for (int i = 0; i < Pmp.ENTRIES; i++) {
            pmpConfig[i] = (byte) (0x18 | (i & 7));
            pmpAddress[i] = 0x2000_0000L + i * 0x100L + id;
        }
        long c = base | 0x1000;
        CsrState csr = new CsrState(c + 1, c + 2, c + 3, c + 4, c + 5, c + 6, c + 7, c + 8, c + 9, c + 10, c + 11,
                c + 12, c + 13, c + 14, c + 15, c + 16, c + 17, c + 18, c + 19, c + 20, 0x1F, 4, c + 23,
                new Pmp.PmpState(pmpConfig, pmpAddress));
        return new HartState(id, VirtBoard.DRAM + 0x1234 + id * 4L, id == 0 ? Privilege.S : Privilege.M, x, f, csr,
                VirtBoard.DRAM + 0x8000 + id * 8L, 0xDEAD_BEEFL + id, true, 1_000_000L + id);
    }

    private static PlicState plic(int harts) {
        int contexts = 2 * harts;
        int[] priority = new int[96];
        for (int i = 0; i < priority.length; i++) {
            priority[i] = 1 + i % 7;
        }
        int[] enable = new int[contexts * 3];
        for (int i = 0; i < enable.length; i++) {
            enable[i] = 0x0101_0100 << (i % 4) | 2;
        }
        int[] threshold = new int[contexts];
        for (int i = 0; i < contexts; i++) {
            threshold[i] = 1 + i;
        }
        int[] levels = {0xFFFF_FFFE, 0x0F0F_0F0F, 0x8000_0001};
        int[] claimed = {0x0000_0F00, 0x0000_000F, 0x0000_0001};
        int[] pending = new int[3];
        for (int w = 0; w < 3; w++) {
            pending[w] = levels[w] & ~claimed[w];
        }
        return new PlicState(priority, pending, enable, threshold, claimed, levels);
    }

    private static UartState uart() {
        return new UartState(0x0C01, 0x41, 0x0F, 0x03, 0x1F, 0x61, 0xB0, 0x5A, 0xC9, true, true,
                "abc".getBytes(StandardCharsets.US_ASCII), "host input".getBytes(StandardCharsets.US_ASCII));
    }

    private static VirtioNetState net() {
        byte[] small = new byte[60];
        byte[] large = new byte[1514];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 7 + 1 | 1);
            if (i < small.length) {
                small[i] = (byte) (0xA0 + i | 1);
            }
        }
        return new VirtioNetState(new MacAddress(0x5254_0012_3456L), 1500, VirtioNet.S_LINK_UP | VirtioNet.S_ANNOUNCE,
                List.of(small, large));
    }

    private static VirtioMmioState transport(int deviceId, int queueCount, VirtioDeviceState device) {
        long features = Virtio.bit(Virtio.F_VERSION_1) | Virtio.bit(Virtio.F_RING_EVENT_IDX) | 0b1011;
        List<VirtqueueState> queues = new ArrayList<>();
        for (int q = 0; q < queueCount; q++) {
            long ring = VirtBoard.DRAM + 0x10_0000L * (deviceId + 1) + 0x1_0000L * q;
            queues.add(new VirtqueueState(256 >> q, true, ring, ring + 0x1000, ring + 0x2000, 0x1234 + q, 0x1230 + q));
        }
        int status = Virtio.STATUS_ACKNOWLEDGE | Virtio.STATUS_DRIVER | Virtio.STATUS_FEATURES_OK
                | Virtio.STATUS_DRIVER_OK;
        return new VirtioMmioState(deviceId, features, status, 1, 1, features & ~0b1000, queueCount, 3, 5 + deviceId,
                queues, device);
    }

    /**
     * Fails unless every record component under {@code value} is set: numbers non-zero, flags true, strings,
     * arrays and lists non-empty with every element set. Records without components pass. Hart 0's id is
     * necessarily 0; hart 1's shows that the field travels.
     */
    static void assertEveryFieldSet(Object value, String path) {
        if (path.endsWith("harts[0].hartId")) {
            return;
        }
        switch (value) {
            case null -> throw new AssertionError(path + " is null");
            case Record r -> {
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    try {
                        assertEveryFieldSet(c.getAccessor().invoke(r), path + "." + c.getName());
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new AssertionError(path + "." + c.getName(), e);
                    }
                }
            }
            case Number n when n.longValue() == 0 -> throw new AssertionError(path + " is 0");
            case Boolean b when !b -> throw new AssertionError(path + " is false");
            case String s when s.isEmpty() -> throw new AssertionError(path + " is empty");
            case List<?> list -> {
                if (list.isEmpty()) {
                    throw new AssertionError(path + " is empty");
                }
                for (int i = 0; i < list.size(); i++) {
                    assertEveryFieldSet(list.get(i), path + "[" + i + "]");
                }
            }
            default -> {
                if (value.getClass().isArray()) {
                    if (Array.getLength(value) == 0) {
                        throw new AssertionError(path + " is empty");
                    }
                    for (int i = 0; i < Array.getLength(value); i++) {
                        assertEveryFieldSet(Array.get(value, i), path + "[" + i + "]");
                    }
                }
            }
        }
    }
}
