package dev.lpm.migration.state;

import dev.lpm.machine.Machine.MachineState;
import dev.lpm.migration.state.StateBytes.Section;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded fuzzing: whatever the bytes, decode either returns a state that survives another round trip or
 * throws StateFormatException; nothing else (no index, underflow, allocation or arithmetic failure).
 */
class MachineStateFuzzTest {
    private static final List<byte[]> BASES = List.of(MachineStateCodec.encode(States.everyFieldSet()),
            MachineStateCodec.encode(States.minimal()));
    private static final int[] INTERESTING = {0, 1, 2, 7, 8, 9, 32, 33, 95, 96, 97, 255, 256, 257, 4096, 4097,
            0xFFFF, 0x10000, 65550, 65551, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF};
    private static final Pattern SECTION = Pattern.compile("section '([^']*)'");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void mutatedStatesWithValidChecksumsDecodeOrFailCleanly(long seed) throws Exception {
        Random random = new Random(seed);
        Set<String> sectionsBlamed = new TreeSet<>();
        int decoded = 0;
        for (int i = 0; i < 500; i++) {
            byte[] base = BASES.get(random.nextInt(BASES.size()));
            byte[] bytes = base;
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                bytes = mutate(bytes, StateBytes.sections(base), random);
            }
            bytes = StateBytes.fixCrc(bytes);
            MachineState state = decodeOrNull(bytes, seed, i, sectionsBlamed);
            if (state != null) {
                decoded++;
                assertThat(MachineStateCodec.decode(MachineStateCodec.encode(state))).isEqualTo(state);
            }
        }
        // the mutations reached past the envelope into many sections, and some only changed values
        assertThat(sectionsBlamed).hasSizeGreaterThan(10);
        assertThat(decoded).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void randomBytesAreRefused(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[random.nextInt(2048)];
            random.nextBytes(bytes);
            if (i % 2 == 1 && bytes.length >= 14) {
                // past magic, version and checksum, with a plausible section count
                System.arraycopy(new byte[] {'L', 'P', 'M', 'S', 1, 0, (byte) random.nextInt(Limits.SECTIONS + 1), 0, 0,
                        0}, 0, bytes, 0, 10);
                bytes = StateBytes.fixCrc(bytes);
            }
            assertThat(decodeOrNull(bytes, seed, i, new TreeSet<>())).as("seed %d iteration %d", seed, i).isNull();
        }
    }

    /** The decoded state, or null after a StateFormatException (whose blamed section is collected). */
    private static MachineState decodeOrNull(byte[] bytes, long seed, int iteration, Set<String> sectionsBlamed) {
        try {
            return MachineStateCodec.decode(bytes);
        } catch (StateFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            Matcher m = SECTION.matcher(e.getMessage());
            if (m.find()) {
                sectionsBlamed.add(m.group(1));
            }
            return null;
        } catch (Throwable t) {
            return fail("seed %d iteration %d: decode threw %s", seed, iteration, t, t);
        }
    }

    /** One random change, half the time inside a randomly chosen section of {@code layout}. */
    private static byte[] mutate(byte[] bytes, List<Section> layout, Random random) {
        int offset;
        if (random.nextBoolean() && !layout.isEmpty()) {
            Section s = layout.get(random.nextInt(layout.size()));
            offset = s.start() + random.nextInt(s.headerLength() + s.payload().length);
        } else {
            offset = random.nextInt(bytes.length);
        }
        offset = Math.min(offset, bytes.length - 1);
        byte[] out = bytes.clone();
        switch (random.nextInt(6)) {
            case 0 -> out[offset] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[offset] = (byte) random.nextInt(256);
            case 2 -> {
                if (offset + 4 <= out.length) {
                    StateBytes.le(out).putInt(offset, INTERESTING[random.nextInt(INTERESTING.length)]);
                }
            }
            case 3 -> {
                byte[] inserted = new byte[1 + random.nextInt(8)];
                random.nextBytes(inserted);
                out = splice(bytes, offset, 0, inserted);
            }
            case 4 -> out = splice(bytes, offset, Math.min(1 + random.nextInt(8), bytes.length - offset), new byte[0]);
            default -> {
                int length = Math.min(1 + random.nextInt(32), bytes.length - offset);
                byte[] copy = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
                out = splice(bytes, offset, 0, copy);
            }
        }
        return out;
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(insert, 0, insert.length);
        out.write(bytes, at + remove, bytes.length - at - remove);
        return out.toByteArray();
    }
}
