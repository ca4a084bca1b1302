package dev.lpm.migration.state;

import dev.lpm.cpu.HartState;
import dev.lpm.devices.clint.ClintState;
import dev.lpm.devices.plic.PlicState;
import dev.lpm.devices.uart.UartState;
import dev.lpm.devices.virtio.VirtioMmioState;
import dev.lpm.machine.Machine.MachineState;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MachineState} (everything but RAM) as bytes, and back from bytes that came over the network and
 * are therefore treated as hostile.
 *
 * <h2>Format (version 1, little-endian)</h2>
 * <pre>
 * state   = "LPMS" · format-version u16 (=1) · section-count u32 · section* · crc u32
 * section = id-length u8 (1..64) · id (ASCII a-z 0-9 / _ -) · section-version u16 · payload-length u32 · payload
 * </pre>
 * The crc is CRC32C of every byte before it. Sections, in the order written (a reader accepts any order):
 * <pre>
 * machine                config (RAM, harts, bootargs, execution), device tree address, virtio count
 * hart/0 .. hart/N-1     pc, privilege, x, f, CSRs, PMP, reservation, wfi, retired
 * clint                  mtime, per hart mtimecmp and msip
 * plic                   priority, pending, enable, threshold, claimed, levels
 * uart0                  registers, rx FIFO, host input
 * virtio/S/transport     registers and queue count, for each virtio slot S
 * virtio/S/queue/K       one per queue
 * virtio/S/device        kind tag (block, net, console, rng) and the device's fields
 * </pre>
 * Arrays and byte strings are a u32 count followed by the elements; flags are one byte, 0 or 1. Each
 * section carries its own version so that one device's layout can change without touching the others.
 *
 * <h2>Reading</h2>
 * {@link #decode} checks the magic and the format version, then the checksum before it parses anything (so
 * damage in transit is reported as such), then every count against what remains and against a fixed limit
 * before allocating, and finally hands the values to the records' constructors, whose objections it reports
 * with the section's id. A section missing, repeated, unknown, newer than this lpm, or with bytes left over
 * is an error. Anything wrong ends in a {@link StateFormatException}; nothing else escapes.
 */
public final class MachineStateCodec {
    private MachineStateCodec() {
    }

    /**
     * The bytes of {@code s}.
     *
     * @throws IllegalArgumentException if {@code s} holds more than the format carries (more than 8 virtio
     *                                  devices or 8 queues on one, bootargs over 4096 bytes, an unknown
     *                                  virtio device state), or its hart count differs from its config's
     */
    public static byte[] encode(MachineState s) {
        if (s.harts().size() != s.config().harts()) {
            throw new IllegalArgumentException("cannot encode a state with " + s.harts().size()
                    + " hart states for a machine of " + s.config().harts() + " harts");
        }
        List<SectionWriter> sections = new ArrayList<>();
        sections.add(MachineSection.write(s));
        for (int i = 0; i < s.harts().size(); i++) {
            sections.add(HartSection.write(i, s.harts().get(i)));
        }
        sections.add(BoardSections.writeClint(s.clint()));
        sections.add(BoardSections.writePlic(s.plic()));
        sections.add(BoardSections.writeUart(s.uart()));
        for (int slot = 0; slot < s.virtio().size(); slot++) {
            sections.addAll(VirtioSections.write(slot, s.virtio().get(slot)));
        }
        return Envelope.seal(sections);
    }

    /**
     * The state in {@code bytes}, which may be anything at all.
     *
     * @throws StateFormatException if {@code bytes} is not a whole, undamaged state this lpm can read; the
     *                              message says what is wrong and in which section
     */
    public static MachineState decode(byte[] bytes) throws StateFormatException {
        SectionTable table = Envelope.open(bytes);
        SectionReader machine = table.take(MachineSection.ID, MachineSection.VERSION);
        MachineSection.Header header = MachineSection.read(machine);
        int harts = header.config().harts();

        List<HartState> hartStates = new ArrayList<>(harts);
        for (int i = 0; i < harts; i++) {
            hartStates.add(HartSection.read(table.take(HartSection.id(i), HartSection.VERSION), i));
        }
        ClintState clint = BoardSections.readClint(
                table.take(BoardSections.CLINT, BoardSections.CLINT_VERSION), harts);
        PlicState plic = BoardSections.readPlic(table.take(BoardSections.PLIC, BoardSections.PLIC_VERSION), harts);
        UartState uart = BoardSections.readUart(table.take(BoardSections.UART, BoardSections.UART_VERSION));
        List<VirtioMmioState> virtio = new ArrayList<>(header.virtioDevices());
        for (int slot = 0; slot < header.virtioDevices(); slot++) {
            virtio.add(VirtioSections.read(table, slot));
        }
        table.finish();
        return new MachineState(header.config(), header.fdtAddress(), List.copyOf(hartStates), clint, plic, uart,
                List.copyOf(virtio));
    }
}
