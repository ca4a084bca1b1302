package dev.lpm.codegen;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoderGeneratorTest {

    private static final String BASE = """
            addi   .................000.....0010011  Rv64i.addi rd rs1 imm_i
            jal    .........................1101111  Rv64i.jal  rd imm_j ilen !
            """;

    @Test
    void patternsBecomeMaskAndMatch() {
        var e = SpecTable.parse(BASE).get(0);
        assertThat(e.mask()).isEqualTo(0x707f);
        assertThat(e.match()).isEqualTo(0x13);
        assertThat(e.setsPc()).isFalse();
        assertThat(SpecTable.parse(BASE).get(1).setsPc()).isTrue();
    }

    @Test
    void decodePacksOperandsAndExecuteUnpacksThemForTheHandler() {
        String java = DecoderGenerator.generate(BASE + "c.li 010...........01 = addi rd=c_rd rs1=0 imm_i=c_imm6\n");
        // addi is op 1: rd at bit 9, rs1 at 14, the immediate in the upper word
        assertThat(java).contains("return 1L | (long) (inst >>> 7 & 31) << 9 | (long) (inst >>> 15 & 31) << 14"
                + " | (long) (inst >> 20) << 32; // addi");
        // c.li is the same op with the RVC length bit and x0 as rs1
        assertThat(java).contains("return 1L | 0x100L | (long) (inst >>> 7 & 31) << 9 | (long) 0 << 14");
        assertThat(java).contains("Rv64i.addi(h, (int) (d >>> 9) & 31, (int) (d >>> 14) & 31, (int) (d >> 32));");
        // jal sets the pc itself: no advance follows its call; addi advances by the decoded length
        int jal = java.indexOf("// jal\n");
        assertThat(java.substring(jal, java.indexOf('}', jal))).doesNotContain("h.pc +=");
        int addi = java.indexOf("// addi\n");
        assertThat(java.substring(addi, java.indexOf('}', addi))).contains("h.pc += ilen;");
    }

    @Test
    void compressedAliasBindsEveryBaseArgumentAndPassesItsLength() {
        var entries = SpecTable.parse(BASE + "c.j 101...........01 = jal rd=0 imm_j=c_j_off\n");
        var cj = entries.get(2);
        assertThat(cj.width()).isEqualTo(16);
        assertThat(cj.args()).hasSize(3).startsWith("0").endsWith("2");
    }

    @Test
    void flagsMarkPureAndSerializingInstructionsForTheBlockTranslator() {
        var entries = SpecTable.parse("""
                add   0000000..........000.....0110011  Rv64i.add rd rs1 rs2 ~
                mret  00110000001000000000000001110011  SystemOps.mret !|
                """);
        assertThat(entries.get(0).pure()).isTrue();
        assertThat(entries.get(0).serializing()).isFalse();
        assertThat(entries.get(1).setsPc()).isTrue();
        assertThat(entries.get(1).serializing()).isTrue();
        assertThat(DecoderGenerator.generate("add 0000000..........000.....0110011 Rv64i.add rd rs1 rs2 ~\n"))
                .contains("private static final int[] FLAGS = {\n            0, 2};");
        assertThatThrownBy(() -> SpecTable.parse("j .........................1101111 Rv64i.jal rd imm_j ilen !~\n"))
                .hasMessageContaining("pure instruction can neither");
    }

    @Test
    void badTablesAreRejectedWithTheirLine() {
        assertThatThrownBy(() -> SpecTable.parse("x 0101 H.x rd\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> SpecTable.parse(BASE + "c.x 010...........01 = addi rd=c_rd\n"))
                .hasMessageContaining("does not bind rs1");
        assertThatThrownBy(() -> SpecTable.parse(BASE + "bad .................000.....0010011 H.y nosuchfield\n"))
                .hasMessageContaining("unknown field nosuchfield");
        assertThatThrownBy(() -> DecoderGenerator.generate(BASE + "dup .................000.....0010011 H.y rd\n"))
                .hasMessageContaining("overlaps addi");
    }
}
