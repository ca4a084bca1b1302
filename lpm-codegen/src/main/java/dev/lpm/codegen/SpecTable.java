package dev.lpm.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instruction spec table: one line per instruction, its bit pattern and the handler it runs.
 *
 * <pre>
 * # base instruction: name, 32-bit pattern (MSB first, '.' = any), handler, argument fields, optional '!'
 * add    0000000..........000.....0110011  Rv64i.add  rd rs1 rs2
 * jal    .........................1101111  Rv64i.jal  rd imm_j ilen  !
 * # compressed alias: name, 16-bit pattern, '=' base name, field bindings, optional 'nonzero=FIELD' guards
 * c.addi 000...........01  = addi rd=c_rd rs1=c_rd imm_i=c_imm6
 * </pre>
 *
 * A trailing flags token may follow the arguments: {@code !} marks handlers that set the pc themselves (for all
 * others the decoder advances the pc by the instruction length after the handler returns); {@code ~} marks
 * pure handlers, which cannot trap and do not read the pc; {@code |} marks serializing instructions, which
 * may change translation, privilege or interrupt state, so a translated block must end with them. Field
 * names are defined in {@link Fields}.
 */
public final class SpecTable {

    /** One decodable encoding. {@code args} are Java expressions over {@code inst}, in handler order. */
    public record Entry(String name, int width, int mask, int match, String handler, List<String> formals,
                        List<String> args, boolean setsPc, List<String> nonzeroGuards, int line, String base,
                        boolean pure, boolean serializing) {
    }

    private SpecTable() {
    }

    public static List<Entry> parse(String text) {
        Map<String, String[]> baseArgs = new HashMap<>();
        Map<String, Entry> bases = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] t = line.split("\\s+");
            int lineNo = i + 1;
            if (t.length < 3) {
                throw error(lineNo, "expected: name pattern handler args...");
            }
            String name = t[0];
            String pattern = t[1];
            int width = pattern.length();
            if (width != 32 && width != 16) {
                throw error(lineNo, "pattern must have 32 or 16 bits, has " + width);
            }
            int mask = 0;
            int match = 0;
            for (int b = 0; b < width; b++) {
                char c = pattern.charAt(b);
                int bit = 1 << (width - 1 - b);
                switch (c) {
                    case '0' -> mask |= bit;
                    case '1' -> {
                        mask |= bit;
                        match |= bit;
                    }
                    case '.' -> { }
                    default -> throw error(lineNo, "bad pattern character '" + c + "'");
                }
            }
            if (t[2].equals("=")) {
                if (t.length < 4) {
                    throw error(lineNo, "alias needs a base instruction name");
                }
                Entry base = bases.get(t[3]);
                if (base == null) {
                    throw error(lineNo, "unknown base instruction " + t[3]);
                }
                Map<String, String> bindings = new HashMap<>();
                List<String> guards = new ArrayList<>();
                for (int k = 4; k < t.length; k++) {
                    String[] kv = t[k].split("=", 2);
                    if (kv.length != 2) {
                        throw error(lineNo, "expected FIELD=VALUE, got " + t[k]);
                    }
                    if (kv[0].equals("nonzero")) {
                        guards.add(Fields.expression(kv[1], lineNo));
                    } else {
                        bindings.put(kv[0], kv[1]);
                    }
                }
                List<String> args = new ArrayList<>();
                for (String formal : baseArgs.get(base.name())) {
                    if (formal.equals("ilen")) {
                        args.add(String.valueOf(width / 8));
                        continue;
                    }
                    String actual = bindings.remove(formal);
                    if (actual == null) {
                        throw error(lineNo, "alias of " + base.name() + " does not bind " + formal);
                    }
                    args.add(actual.matches("-?\\d+") ? actual : Fields.expression(actual, lineNo));
                }
                if (!bindings.isEmpty()) {
                    throw error(lineNo, "bindings not used by " + base.name() + ": " + bindings.keySet());
                }
                entries.add(new Entry(name, width, mask, match, base.handler(), base.formals(), args, base.setsPc(),
                        guards, lineNo, base.name(), base.pure(), base.serializing()));
            } else {
                String last = t[t.length - 1];
                boolean hasFlags = last.matches("[!~|]+");
                boolean setsPc = hasFlags && last.contains("!");
                boolean pure = hasFlags && last.contains("~");
                boolean serializing = hasFlags && last.contains("|");
                if (pure && (setsPc || serializing)) {
                    throw error(lineNo, "a pure instruction can neither set the pc nor serialize");
                }
                int argEnd = hasFlags ? t.length - 1 : t.length;
                String[] formals = new String[argEnd - 3];
                List<String> args = new ArrayList<>();
                for (int k = 3; k < argEnd; k++) {
                    formals[k - 3] = t[k];
                    args.add(t[k].equals("ilen") ? String.valueOf(width / 8) : Fields.expression(t[k], lineNo));
                }
                Entry e = new Entry(name, width, mask, match, t[2], List.of(formals), args, setsPc, List.of(), lineNo,
                        name, pure, serializing);
                if (bases.put(name, e) != null) {
                    throw error(lineNo, "duplicate instruction " + name);
                }
                baseArgs.put(name, formals);
                entries.add(e);
            }
        }
        return entries;
    }

    static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("spec line " + line + ": " + message);
    }
}
