package dev.lpm.cpu.jit;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class loader of its own for a generation of translated blocks. The blocks are hidden classes defined
 * {@linkplain MethodHandles.Lookup.ClassOption#STRONG strongly} in it, so they share its class loader data and
 * metaspace instead of each having its own (a non-strong hidden class gets a class loader data, a lock and
 * metaspace chunks to itself: about 1.5 KiB a block more), and they are unloaded together once the
 * generation is dropped and none of them runs any more.
 */
final class BlockGeneration {
    static final String PACKAGE = BlockGeneration.class.getPackageName() + ".generated";
    private static final byte[] ANCHOR = anchorClass();

    /** Lookup on the generation's anchor class: blocks are defined in its package and loader. */
    final MethodHandles.Lookup lookup;
    /** Blocks defined in this generation (translations whose result was thrown away included). */
    final AtomicInteger defined = new AtomicInteger();
    /** Set when the cache drops the generation; a block installed afterwards must be taken out again. */
    volatile boolean dropped;

    BlockGeneration() {
        Loader loader = new Loader(BlockGeneration.class.getClassLoader());
        Class<?> anchor = loader.define(ANCHOR);
        try {
            lookup = (MethodHandles.Lookup) MethodHandles.publicLookup()
                    .findStatic(anchor, "lookup", MethodType.methodType(MethodHandles.Lookup.class)).invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("cannot make a class loader for translated blocks", t);
        }
    }

    /** Whether {@code block} was translated in this generation. */
    boolean owns(CompiledBlock block) {
        return block.getClass().getClassLoader() == lookup.lookupClass().getClassLoader();
    }

    /** {@code public final class Anchor { public static Lookup lookup() { return MethodHandles.lookup(); } }} */
    private static byte[] anchorClass() {
        ClassDesc lookupDesc = ClassDesc.of(MethodHandles.Lookup.class.getName());
        MethodTypeDesc get = MethodTypeDesc.of(lookupDesc);
        return ClassFile.of().build(ClassDesc.of(PACKAGE + ".Anchor"), cb -> cb
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC)
                .withMethodBody("lookup", get, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code
                        .invokestatic(ConstantDescs.CD_MethodHandles, "lookup", get)
                        .areturn()));
    }

    private static final class Loader extends ClassLoader {
        Loader(ClassLoader parent) {
            super("lpm-translated-blocks", parent);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }
}
