package dev.lpm.migration.state;

import dev.lpm.migration.state.StateBytes.Section;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Damaged states: each is refused with a StateFormatException that says what is wrong and where. */
class MachineStateCorruptionTest {
    private static final byte[] STATE = MachineStateCodec.encode(States.everyFieldSet());

    @Test
    void truncationAtEveryLengthIsRefused() {
        for (int length = 0; length < STATE.length; length++) {
            String message = failure(Arrays.copyOf(STATE, length));
            if (length < 14) {
                assertThat(message).as("length %d", length).contains("truncated");
            } else {
                assertThat(message).as("length %d", length).startsWith("state checksum mismatch");
            }
        }
    }

    @Test
    void truncationAtEveryLengthIsRefusedEvenWithTheChecksumRecomputed() {
        for (int length = 14; length < STATE.length; length++) {
            assertThat(failure(StateBytes.fixCrc(Arrays.copyOf(STATE, length)))).as("length %d", length)
                    .contains("truncated");
        }
    }

    @Test
    void anySingleDamagedByteIsRefused() {
        Random random = new Random(7);
        for (int offset = 0; offset < STATE.length; offset++) {
            byte[] damaged = STATE.clone();
            damaged[offset] ^= (byte) (1 + random.nextInt(255));
            String message = failure(damaged);
            if (offset < 4) {
                assertThat(message).as("offset %d", offset).startsWith("not an lpm machine state");
            } else if (offset < 6) {
                assertThat(message).as("offset %d", offset).startsWith("state format version");
            } else {
                assertThat(message).as("offset %d", offset).startsWith("state checksum mismatch");
            }
        }
    }

    @Test
    void aCountOutOfRangeIsReportedWithItsSection() {
        byte[] bytes = StateBytes.editPayload(STATE, "hart/1", p -> p.putInt(13, 40)); // after id, pc, priv

        assertThat(failure(bytes)).isEqualTo("state section 'hart/1' (version 1): 40 integer registers, expected 32");
    }

    @Test
    void aSectionLongerThanTheRestOfTheStateIsReportedAsTruncation() {
        Section plic = StateBytes.section(STATE, "plic");
        int remaining = STATE.length - 4 - plic.payloadStart();
        byte[] bytes = StateBytes.putInt(STATE, plic.payloadStart() - 4, remaining + 1);

        assertThat(failure(bytes)).isEqualTo("state truncated: section 'plic' needs " + (remaining + 1) + " bytes, "
                + remaining + " remain");
    }

    @Test
    void aNewerFormatVersionSaysSoWhetherOrNotTheChecksumFits() {
        byte[] newer = STATE.clone();
        newer[4] = 2;
        String expected = "state format version 2 was written by a newer lpm; this one reads version 1";

        assertThat(failure(newer)).isEqualTo(expected);
        assertThat(failure(StateBytes.fixCrc(newer))).isEqualTo(expected);
        newer[4] = 0;
        assertThat(failure(StateBytes.fixCrc(newer))).isEqualTo("state format version 0 does not exist");
    }

    @Test
    void aNewerSectionVersionSaysSoAndNamesTheSection() {
        assertThat(failure(replace(STATE, "clint", s -> new Section(s.id(), 2, s.payload()))))
                .isEqualTo("state section 'clint' has version 2, written by a newer lpm: this one reads up to"
                        + " version 1");
        assertThat(failure(replace(STATE, "uart0", s -> new Section(s.id(), 0, s.payload()))))
                .isEqualTo("state section 'uart0' has version 0; versions start at 1");
    }

    @Test
    void missingRepeatedAndUnknownSectionsAreRefused() {
        List<Section> sections = StateBytes.sections(STATE);

        assertThat(failure(without(sections, "hart/1"))).isEqualTo("state lacks section 'hart/1'");
        assertThat(failure(without(sections, "virtio/1/queue/2"))).isEqualTo("state lacks section 'virtio/1/queue/2'");
        assertThat(failure(without(sections, "virtio/3/device"))).isEqualTo("state lacks section 'virtio/3/device'");

        List<Section> twice = new ArrayList<>(sections);
        twice.add(StateBytes.section(STATE, "uart0"));
        assertThat(failure(StateBytes.assemble(twice))).isEqualTo("state has section 'uart0' twice");

        List<Section> extra = new ArrayList<>(sections);
        extra.add(new Section("rtc", 1, new byte[3]));
        assertThat(failure(StateBytes.assemble(extra)))
                .isEqualTo("state has unknown section 'rtc' (version 1, 3 bytes)");
    }

    @Test
    void bytesLeftOverInASectionOrAfterTheLastOneAreRefused() {
        byte[] longerUart = replace(STATE, "uart0",
                s -> new Section(s.id(), s.version(), Arrays.copyOf(s.payload(), s.payload().length + 3)));
        assertThat(failure(longerUart))
                .isEqualTo("state section 'uart0' (version 1): 3 trailing bytes after the last field");

        List<Section> sections = StateBytes.sections(STATE);
        assertThat(failure(StateBytes.assemble(1, sections.size(), sections, new byte[5])))
                .isEqualTo("state has 5 bytes after its last section");
    }

    @Test
    void impossibleSectionCountsAndIdsAreRefused() {
        assertThat(failure(StateBytes.putInt(STATE, 6, -1)))
                .isEqualTo("state claims 4294967295 sections, a machine has at most " + Limits.SECTIONS);
        assertThat(failure(replace(STATE, "hart/0", s -> new Section("Hart/0", s.version(), s.payload()))))
                .startsWith("state section 1 of ")
                .endsWith("has a bad id: byte 0x48 at 0; ids use a-z, 0-9, '/', '_' and '-'");
        assertThat(failure(replace(STATE, "hart/0", s -> new Section("", s.version(), s.payload()))))
                .endsWith("has an id of 0 bytes, ids have 1..64");
    }

    @Test
    void valuesTheRecordsRejectAreReportedWithTheSection() {
        assertThat(failure(StateBytes.editPayload(STATE, "uart0", p -> p.put(3, (byte) 0xFF))))
                .isEqualTo("state section 'uart0' (version 1): invalid UART: ier 0xff out of range");
        assertThat(failure(StateBytes.editPayload(STATE, "plic", p -> p.putInt(4, 9))))
                .isEqualTo("state section 'plic' (version 1): invalid PLIC: priority[0] is 9, outside 0..7");
        assertThat(failure(StateBytes.editPayload(STATE, "virtio/0/queue/0", p -> p.putLong(5, p.getLong(5) + 8))))
                .startsWith("state section 'virtio/0/queue/0' (version 1): invalid queue: ready queue has"
                        + " misaligned rings");
        assertThat(failure(StateBytes.editPayload(STATE, "virtio/1/device", p -> p.putLong(7, 0x0100_0000_0001L))))
                .isEqualTo("state section 'virtio/1/device' (version 1): invalid network device: NIC address"
                        + " 01:00:00:00:00:01 is multicast");
        assertThat(failure(StateBytes.editPayload(STATE, "virtio/0/transport", p -> p.putInt(0, 1))))
                .isEqualTo("state section 'virtio/0/transport' (version 1): invalid transport: device state for id 2"
                        + " in a transport for id 1");
        assertThat(failure(StateBytes.editPayload(STATE, "machine", p -> p.putInt(8, 9))))
                .isEqualTo("state section 'machine' (version 1): invalid configuration: harts must be between 1 and 8,"
                        + " not 9");
    }

    @Test
    void sectionsMustAgreeWithEachOther() {
        assertThat(failure(StateBytes.editPayload(STATE, "clint", p -> p.putInt(8, 1))))
                .isEqualTo("state section 'clint' (version 1): 1 harts, expected 2");
        assertThat(failure(StateBytes.editPayload(STATE, "hart/1", p -> p.putInt(0, 5))))
                .isEqualTo("state section 'hart/1' (version 1): holds hart 5, expected hart 1");
        assertThat(failure(StateBytes.editPayload(STATE, "machine", p -> p.putLong(0, 16L << 20))))
                .startsWith("state section 'machine' (version 1): device tree address 0x83e00000 is outside RAM");
    }

    @Test
    void malformedFieldsAreRefused() {
        Section hart0 = StateBytes.section(STATE, "hart/0");
        int wfi = hart0.payload().length - 9; // wfi, then retired
        assertThat(failure(StateBytes.editPayload(STATE, "hart/0", p -> p.put(wfi, (byte) 2))))
                .isEqualTo("state section 'hart/0' (version 1): wfi is 2, a flag is 0 or 1");
        assertThat(failure(StateBytes.editPayload(STATE, "virtio/1/device", p -> p.put(5, (byte) 'y'))))
                .isEqualTo("state section 'virtio/1/device' (version 1): unknown device kind 'nyt' (block, net,"
                        + " console or rng)");
        // machine: ramBytes, harts, bootargs flag, bootargs length, bootargs, execution
        assertThat(failure(StateBytes.editPayload(STATE, "machine", p -> p.put(17, (byte) 0xFF))))
                .isEqualTo("state section 'machine' (version 1): bootargs are not valid UTF-8");
        int execution = 17 + StateBytes.le(StateBytes.section(STATE, "machine").payload()).getInt(13);
        assertThat(failure(StateBytes.editPayload(STATE, "machine", p -> p.put(execution, (byte) 7))))
                .startsWith("state section 'machine' (version 1): execution mode 7 is not 0 (interpret)");
    }

    @Test
    void lengthsClaimingTwoGigabytesAllocateNothing() {
        int twoGiB = 0x8000_0000;
        // console device: kind length, "console", host input length; net device: kind length, "net", mac, mtu,
        // status, frame count, first frame's length
        assertRefusedCheaply(StateBytes.editPayload(STATE, "virtio/2/device", p -> p.putInt(11, twoGiB)),
                "state section 'virtio/2/device' (version 1): 2147483648 bytes of host input, expected 0..65536");
        assertRefusedCheaply(StateBytes.editPayload(STATE, "virtio/1/device", p -> p.putInt(23, twoGiB)),
                "state section 'virtio/1/device' (version 1): 2147483648 pending frames, expected 0..256");
        assertRefusedCheaply(StateBytes.editPayload(STATE, "virtio/1/device", p -> p.putInt(27, twoGiB)),
                "state section 'virtio/1/device' (version 1): 2147483648 bytes of pending frame 0, expected 0..65550");
        assertRefusedCheaply(StateBytes.editPayload(STATE, "plic", p -> p.putInt(0, twoGiB)),
                "state section 'plic' (version 1): 2147483648 priorities, expected 96");
        Section plic = StateBytes.section(STATE, "plic");
        assertRefusedCheaply(StateBytes.putInt(STATE, plic.payloadStart() - 4, twoGiB),
                "state truncated: section 'plic' needs 2147483648 bytes, " + (STATE.length - 4 - plic.payloadStart())
                        + " remain");
        assertRefusedCheaply(StateBytes.putInt(STATE, 6, twoGiB),
                "state claims 2147483648 sections, a machine has at most " + Limits.SECTIONS);
        // within the limit, beyond the payload
        int left = StateBytes.section(STATE, "virtio/2/device").payload().length - 15;
        assertRefusedCheaply(StateBytes.editPayload(STATE, "virtio/2/device", p -> p.putInt(11, 65536)),
                "state section 'virtio/2/device' (version 1): truncated: 65536 bytes of host input need 65536 bytes, "
                        + left + " remain");
    }

    @Test
    void thingsThatAreNotStatesAreRefused() {
        assertThat(failure(null)).isEqualTo("no state (null)");
        assertThat(failure(new byte[0])).isEqualTo("state truncated: 0 bytes, a state has at least 14");
        assertThat(failure("PK\u0003\u0004 and then a zip".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("not an lpm machine state: it starts with 50 4b 03 04, not 'LPMS'");
        assertThat(failure(Arrays.copyOf("LPMS".getBytes(StandardCharsets.US_ASCII), 5)))
                .isEqualTo("state truncated: 5 bytes, a state has at least 14");
    }

    /** The message of the StateFormatException decoding {@code bytes} must throw. */
    static String failure(byte[] bytes) {
        Throwable t = catchThrowable(() -> MachineStateCodec.decode(bytes));
        assertThat(t).isInstanceOf(StateFormatException.class);
        return t.getMessage();
    }

    private static void assertRefusedCheaply(byte[] bytes, String message) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled())
                .as("the JVM counts allocated bytes").isTrue();
        long before = threads.getCurrentThreadAllocatedBytes();
        Throwable t = catchThrowable(() -> MachineStateCodec.decode(bytes));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(t).isInstanceOf(StateFormatException.class).hasMessage(message);
        assertThat(allocated).as("bytes allocated while decoding").isLessThan(1L << 20);
    }

    private static byte[] replace(byte[] state, String id, java.util.function.UnaryOperator<Section> change) {
        List<Section> sections = new ArrayList<>();
        for (Section s : StateBytes.sections(state)) {
            sections.add(s.id().equals(id) ? change.apply(s) : s);
        }
        return StateBytes.assemble(sections);
    }

    private static byte[] without(List<Section> sections, String id) {
        return StateBytes.assemble(sections.stream().filter(s -> !s.id().equals(id)).toList());
    }
}
