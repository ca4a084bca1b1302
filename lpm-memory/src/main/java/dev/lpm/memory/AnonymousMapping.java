package dev.lpm.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Guest RAM backing: an anonymous private mapping made with mmap(2) through the FFM API. The kernel
 * hands out zero pages lazily, so a 16 GiB partition that touched 200 MiB costs 200 MiB resident, and
 * never-written pages read as zero without any host work.
 */
final class AnonymousMapping {
    private static final int PROT_READ = 0x1;
    private static final int PROT_WRITE = 0x2;
    private static final int MAP_PRIVATE = 0x02;
    private static final int MAP_ANONYMOUS = 0x20;
    private static final int MAP_NORESERVE = 0x4000;
    private static final MethodHandle MMAP;
    private static final MethodHandle MUNMAP;
    private static final MethodHandle MADVISE;
    /** madvise(2): back the range with transparent huge pages where the kernel can (as QEMU does for guest RAM). */
    private static final int MADV_HUGEPAGE = 14;

    static {
        Linker linker = Linker.nativeLinker();
        var libc = linker.defaultLookup();
        MMAP = linker.downcallHandle(libc.find("mmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MUNMAP = linker.downcallHandle(libc.find("munmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        MADVISE = linker.downcallHandle(libc.find("madvise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    }

    private AnonymousMapping() {
    }

    /** Maps {@code size} zeroed bytes; the mapping is released when {@code arena} closes. */
    static MemorySegment map(long size, Arena arena) {
        MemorySegment address;
        try {
            address = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, size, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException("mmap failed", t);
        }
        if (address.address() == -1L || address.address() == 0L) {
            throw new OutOfMemoryError("cannot map " + size + " bytes of guest RAM");
        }
        try {
            // huge pages: 512x fewer page faults when a guest (or an incoming migration) first fills its memory;
            // only a hint, so a kernel without THP simply says no
            int ignored = (int) MADVISE.invokeExact(address, size, MADV_HUGEPAGE);
        } catch (Throwable t) {
            throw new IllegalStateException("madvise failed", t);
        }
        return address.reinterpret(size, arena, AnonymousMapping::unmap);
    }

    private static void unmap(MemorySegment segment) {
        try {
            int rc = (int) MUNMAP.invokeExact(MemorySegment.ofAddress(segment.address()), segment.byteSize());
            assert rc == 0;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed", t);
        }
    }
}
