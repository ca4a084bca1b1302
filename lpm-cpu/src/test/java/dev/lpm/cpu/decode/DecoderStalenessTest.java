package dev.lpm.cpu.decode;

import dev.lpm.codegen.DecoderGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The checked-in decoder must be exactly what the generator makes of the checked-in spec table. */
class DecoderStalenessTest {

    @Test
    void checkedInDecoderMatchesSpecTable() throws Exception {
        String spec = Files.readString(Path.of("src/main/spec/instructions.txt"), StandardCharsets.UTF_8);
        String checkedIn = Files.readString(Path.of("src/main/java/dev/lpm/cpu/decode/Decoder.java"),
                StandardCharsets.UTF_8);
        assertThat(checkedIn)
                .as("Decoder.java is stale: run scripts/regen-decoder.sh and commit the result")
                .isEqualTo(DecoderGenerator.generate(spec));
    }
}
