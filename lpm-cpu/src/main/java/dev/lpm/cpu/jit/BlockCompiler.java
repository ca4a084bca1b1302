package dev.lpm.cpu.jit;

import dev.lpm.cpu.Hart;
import dev.lpm.cpu.decode.Decoder;
import dev.lpm.memory.Ram;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * Translates a run of guest instructions into a hidden JVM class whose {@code run} method calls each
 * instruction's handler with its operands as constants, so HotSpot inlines the handlers and folds register
 * numbers and immediates: no fetch, no decode, no dispatch. The pc is written only before instructions that
 * can trap or read it (non-pure ones) and at the end, which keeps traps precise: registers are written
 * straight to the hart, so at a trap everything before the trapping instruction is done and nothing after.
 */
final class BlockCompiler {
    static final int MAX_INSTRUCTIONS = 64;
    private static final ClassDesc HART = ClassDesc.of(Hart.class.getName());
    private static final ClassDesc BLOCK = ClassDesc.of(CompiledBlock.class.getName());
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(ConstantDescs.CD_void, HART, ConstantDescs.CD_long);
    private static final MethodTypeDesc INIT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);

    /** One decoded instruction of a block. */
    private record Instruction(int offset, long decoded) {
        int op() {
            return (int) decoded & 0xff;
        }

        int ilen() {
            return (decoded & 0x100) != 0 ? 2 : 4;
        }
    }

    private BlockCompiler() {
    }

    /**
     * Decodes from {@code ramOffset} (the physical location of a block start) to the end of the block and
     * translates it; null when not even one instruction can be translated (an illegal one, or a 32-bit one
     * straddling the page end: the interpreter handles those). The block's class is defined in
     * {@code generation}'s class loader.
     */
    static CompiledBlock compile(Ram ram, long ramOffset, BlockGeneration generation) {
        Instruction[] body = new Instruction[MAX_INSTRUCTIONS];
        int n = 0;
        int offset = (int) (ramOffset & 0xFFF);
        long pageStart = ramOffset & ~0xFFFL;
        while (n < MAX_INSTRUCTIONS && offset <= 0xFFE) {
            int inst = (int) ram.getShortUnsigned(pageStart + offset);
            if ((inst & 3) == 3) {
                if (offset == 0xFFE) {
                    break; // crosses into the next page
                }
                inst = (int) ram.getIntSigned(pageStart + offset);
            }
            long d = Decoder.decode(inst);
            int op = (int) d & 0xff;
            if (op == Decoder.ILLEGAL) {
                break;
            }
            body[n++] = new Instruction(offset - (int) (ramOffset & 0xFFF), d);
            offset += (d & 0x100) != 0 ? 2 : 4;
            if ((Decoder.flags(op) & (Decoder.SETS_PC | Decoder.SERIALIZING)) != 0) {
                break;
            }
        }
        if (n == 0) {
            return null;
        }
        return define(Arrays.copyOf(body, n), generation);
    }

    private static CompiledBlock define(Instruction[] body, BlockGeneration generation) {
        ClassDesc self = ClassDesc.of(BlockGeneration.PACKAGE + ".Block");
        byte[] bytes = ClassFile.of().build(self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withSuperclass(BLOCK);
            cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> code
                    .aload(0).loadConstant(body.length).invokespecial(BLOCK, ConstantDescs.INIT_NAME, INIT).return_());
            cb.withMethodBody("run", RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, code -> emitRun(code, body));
        });
        try {
            generation.defined.incrementAndGet();
            MethodHandles.Lookup hidden = generation.lookup.defineHiddenClass(bytes, true,
                    MethodHandles.Lookup.ClassOption.STRONG);
            return (CompiledBlock) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable t) {
            throw new IllegalStateException("translating a block failed", t);
        }
    }

    /** {@code run(Hart h, long pc)}: slot 1 is h, slots 2-3 the block's pc. */
    private static void emitRun(CodeBuilder code, Instruction[] body) {
        for (Instruction in : body) {
            int op = in.op();
            int flags = Decoder.flags(op);
            if ((flags & Decoder.PURE) == 0) {
                setPc(code, in.offset());
            }
            String handler = Decoder.HANDLER.get(op);
            int dot = handler.indexOf('.');
            ClassDesc owner = ClassDesc.of("dev.lpm.cpu.isa." + handler.substring(0, dot));
            String[] operands = Decoder.OPERANDS.get(op).isEmpty() ? new String[0] : Decoder.OPERANDS.get(op).split(" ");
            ClassDesc[] params = new ClassDesc[1 + operands.length];
            params[0] = HART;
            code.aload(1);
            for (int i = 0; i < operands.length; i++) {
                params[i + 1] = ConstantDescs.CD_int;
                code.loadConstant(operand(operands[i], in));
            }
            code.invokestatic(owner, handler.substring(dot + 1), MethodTypeDesc.of(ConstantDescs.CD_void, params));
            if ((flags & Decoder.SETS_PC) == 0 && in == body[body.length - 1]) {
                setPc(code, in.offset() + in.ilen()); // fell off the end of the block
            }
        }
        code.return_();
    }

    private static void setPc(CodeBuilder code, int offset) {
        code.aload(1).lload(2);
        if (offset != 0) {
            code.loadConstant((long) offset).ladd();
        }
        code.putfield(HART, "pc", ConstantDescs.CD_long);
    }

    /** An operand of the packed decoded form, as Decoder.execute unpacks it. */
    private static int operand(String formal, Instruction in) {
        long d = in.decoded();
        return switch (formal) {
            case "rd" -> (int) (d >>> 9) & 31;
            case "rs1", "uimm" -> (int) (d >>> 14) & 31;
            case "rs2" -> (int) (d >>> 19) & 31;
            case "rs3" -> (int) (d >>> 24) & 31;
            case "rm" -> (int) (d >>> 29) & 7;
            case "ilen" -> in.ilen();
            default -> (int) (d >> 32);
        };
    }
}
