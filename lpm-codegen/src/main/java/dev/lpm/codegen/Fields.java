package dev.lpm.codegen;

import java.util.Map;

/**
 * Instruction fields by their spec names, as Java expressions over the {@code int inst}. Immediates are
 * sign- or zero-extended exactly as the RISC-V unprivileged spec (chapters 2 and 16) lays out their bits.
 */
final class Fields {
    private Fields() {
    }

    private static final Map<String, String> FIELDS = Map.ofEntries(
            // 32-bit formats (section 2.3)
            Map.entry("rd", "(inst >>> 7 & 31)"),
            Map.entry("rs1", "(inst >>> 15 & 31)"),
            Map.entry("rs2", "(inst >>> 20 & 31)"),
            Map.entry("rs3", "(inst >>> 27)"),
            Map.entry("rm", "(inst >>> 12 & 7)"),
            Map.entry("csr", "(inst >>> 20)"),
            Map.entry("uimm", "(inst >>> 15 & 31)"),
            Map.entry("shamt", "(inst >>> 20 & 63)"),
            Map.entry("shamtw", "(inst >>> 20 & 31)"),
            Map.entry("imm_i", "(inst >> 20)"),
            Map.entry("imm_s", "(inst >> 25 << 5 | inst >>> 7 & 31)"),
            Map.entry("imm_b", "(inst >> 31 << 12 | (inst & 0x80) << 4 | inst >>> 20 & 0x7e0 | inst >>> 7 & 0x1e)"),
            Map.entry("imm_u", "(inst & 0xfffff000)"),
            Map.entry("imm_j", "(inst >> 31 << 20 | inst & 0xff000 | inst >>> 9 & 0x800 | inst >>> 20 & 0x7fe)"),
            // compressed formats (section 16.2): full registers, and x8..x15 for the primed 3-bit fields
            Map.entry("c_rd", "(inst >>> 7 & 31)"),
            Map.entry("c_rs2", "(inst >>> 2 & 31)"),
            Map.entry("c_rs1p", "(8 + (inst >>> 7 & 7))"),
            Map.entry("c_rs2p", "(8 + (inst >>> 2 & 7))"),
            // CI: imm[5] = inst[12], imm[4:0] = inst[6:2], signed
            Map.entry("c_imm6", "(inst << 19 >> 26 & ~31 | inst >>> 2 & 31)"),
            // CI shift amount, unsigned 6 bits
            Map.entry("c_uimm6", "(inst >>> 7 & 32 | inst >>> 2 & 31)"),
            // C.LUI: nzimm[17] = inst[12], nzimm[16:12] = inst[6:2], signed, already shifted
            Map.entry("c_lui_imm", "(inst << 19 >> 14 & ~0x1ffff | (inst & 0x7c) << 10)"),
            // C.ADDI16SP: nzimm[9|4|6|8:7|5] = inst[12|6|5|4:3|2], signed
            Map.entry("c_addi16sp_imm", "(inst << 19 >> 22 & ~0x1ff | inst >>> 2 & 0x10 | inst << 1 & 0x40"
                    + " | inst << 4 & 0x180 | inst << 3 & 0x20)"),
            // C.ADDI4SPN: nzuimm[5:4|9:6|2|3] = inst[12:11|10:7|6|5]
            Map.entry("c_addi4spn_imm", "(inst >>> 7 & 0x30 | inst >>> 1 & 0x3c0 | inst >>> 4 & 4 | inst >>> 2 & 8)"),
            // C.LW/C.SW: uimm[5:3|2|6] = inst[12:10|6|5]
            Map.entry("c_lw_off", "(inst >>> 7 & 0x38 | inst >>> 4 & 4 | inst << 1 & 0x40)"),
            // C.LD/C.SD/C.FLD/C.FSD: uimm[5:3|7:6] = inst[12:10|6:5]
            Map.entry("c_ld_off", "(inst >>> 7 & 0x38 | inst << 1 & 0xc0)"),
            // C.LWSP: uimm[5|4:2|7:6] = inst[12|6:4|3:2]
            Map.entry("c_lwsp_off", "(inst >>> 7 & 0x20 | inst >>> 2 & 0x1c | inst << 4 & 0xc0)"),
            // C.LDSP/C.FLDSP: uimm[5|4:3|8:6] = inst[12|6:5|4:2]
            Map.entry("c_ldsp_off", "(inst >>> 7 & 0x20 | inst >>> 2 & 0x18 | inst << 4 & 0x1c0)"),
            // C.SWSP: uimm[5:2|7:6] = inst[12:9|8:7]
            Map.entry("c_swsp_off", "(inst >>> 7 & 0x3c | inst >>> 1 & 0xc0)"),
            // C.SDSP/C.FSDSP: uimm[5:3|8:6] = inst[12:10|9:7]
            Map.entry("c_sdsp_off", "(inst >>> 7 & 0x38 | inst >>> 1 & 0x1c0)"),
            // C.J: imm[11|4|9:8|10|6|7|3:1|5] = inst[12|11|10:9|8|7|6|5:3|2], signed
            Map.entry("c_j_off", "(inst << 19 >> 20 & ~0x7ff | inst >>> 7 & 0x10 | inst >>> 1 & 0x300 | inst << 2 & 0x400"
                    + " | inst >>> 1 & 0x40 | inst << 1 & 0x80 | inst >>> 2 & 0xe | inst << 3 & 0x20)"),
            // C.BEQZ/C.BNEZ: imm[8|4:3|7:6|2:1|5] = inst[12|11:10|6:5|4:3|2], signed
            Map.entry("c_b_off", "(inst << 19 >> 23 & ~0xff | inst >>> 7 & 0x18 | inst << 1 & 0xc0 | inst >>> 2 & 6"
                    + " | inst << 3 & 0x20)"));

    static String expression(String field, int line) {
        String e = FIELDS.get(field);
        if (e == null) {
            throw SpecTable.error(line, "unknown field " + field);
        }
        return e;
    }
}
