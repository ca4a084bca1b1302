package dev.lpm.migration.state;

import dev.lpm.machine.Machine.MachineState;
import dev.lpm.machine.MachineConfig;
import dev.lpm.machine.MachineConfig.Execution;
import dev.lpm.machine.VirtBoard;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Section "machine": the configuration, the device tree's address, and how many virtio devices follow
 * (so that a missing device is reported as a missing section, not silently dropped).
 */
final class MachineSection {
    private MachineSection() {
    }

    static final String ID = "machine";
    static final int VERSION = 1;

    record Header(MachineConfig config, long fdtAddress, int virtioDevices) {
    }

    static SectionWriter write(MachineState s) {
        MachineConfig c = s.config();
        SectionWriter w = new SectionWriter(ID, VERSION);
        w.i64(c.ramBytes()).i32(c.harts());
        w.bool(c.bootargs() != null);
        if (c.bootargs() != null) {
            w.bytes(utf8(c.bootargs()), Limits.BOOTARGS_BYTES, "bootargs");
        }
        w.u8(executionCode(c.execution()), "execution");
        w.i64(s.fdtAddress());
        return w.count(s.virtio().size(), Limits.VIRTIO_DEVICES, "virtio devices");
    }

    static Header read(SectionReader r) throws StateFormatException {
        long ramBytes = r.i64("ramBytes");
        int harts = r.i32("harts");
        String bootargs = null;
        if (r.bool("bootargs present")) {
            byte[] b = r.bytes(Limits.BOOTARGS_BYTES, "bootargs");
            try {
                bootargs = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw r.fail("bootargs are not valid UTF-8");
            }
        }
        int code = r.u8("execution");
        Execution execution = switch (code) {
            case 0 -> Execution.INTERPRET;
            case 1 -> Execution.TRANSLATE_HOT;
            case 2 -> Execution.TRANSLATE_ALL;
            default -> throw r.fail("execution mode " + code + " is not 0 (interpret), 1 (translate_hot)"
                    + " or 2 (translate_all)");
        };
        long fdtAddress = r.i64("fdtAddress");
        int virtio = r.count(0, Limits.VIRTIO_DEVICES, 0, "virtio devices");
        r.end();
        String args = bootargs;
        MachineConfig config = r.build("configuration", () -> new MachineConfig(ramBytes, harts, args, execution));
        if (fdtAddress < VirtBoard.DRAM || fdtAddress - VirtBoard.DRAM >= ramBytes) {
            throw r.fail(String.format("device tree address 0x%x is outside RAM 0x%x..0x%x", fdtAddress,
                    VirtBoard.DRAM, VirtBoard.DRAM + ramBytes));
        }
        return new Header(config, fdtAddress, virtio);
    }

    /** Stable codes, independent of the enum's declaration order. */
    private static int executionCode(Execution e) {
        return switch (e) {
            case INTERPRET -> 0;
            case TRANSLATE_HOT -> 1;
            case TRANSLATE_ALL -> 2;
        };
    }

    /** Strict, so that a string that would not come back unchanged (lone surrogates) is refused. */
    private static byte[] utf8(String s) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(s));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("cannot encode bootargs: not valid Unicode", e);
        }
    }
}
