package dev.lpm.cpu.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lpm.memory.Ram;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Heat, write invalidation and the bound on translated blocks, on a RAM page full of {@code addi}s. */
class BlockCacheTest {
    private static final long BASE = 0x8000_0000L;
    private static final int ADDI_X1_X1_1 = 0x00108093;

    private Ram ram;

    @BeforeEach
    void codePages() {
        ram = new Ram(BASE, 16L << 20);
        byte[] code = new byte[2 * 4096];
        for (int i = 0; i < code.length; i += 4) {
            code[i] = (byte) ADDI_X1_X1_1;
            code[i + 1] = (byte) (ADDI_X1_X1_1 >>> 8);
            code[i + 2] = (byte) (ADDI_X1_X1_1 >>> 16);
            code[i + 3] = (byte) (ADDI_X1_X1_1 >>> 24);
        }
        ram.write(BASE, code, 0, code.length);
    }

    @AfterEach
    void close() {
        ram.close();
    }

    @Test
    void aStartIsTranslatedWhenItIsReachedThresholdTimes() {
        BlockCache cache = new BlockCache(ram, 3, 64);
        assertThat(cache.lookup(0x100)).isNull();
        assertThat(cache.lookup(0x100)).isNull();
        CompiledBlock b = cache.lookup(0x100);
        assertThat(b).isNotNull();
        assertThat(b.length).isEqualTo(BlockCompiler.MAX_INSTRUCTIONS);
        assertThat(cache.lookup(0x100)).isSameAs(b);
        assertThat(cache.translatedBlocks()).isEqualTo(1);
    }

    @Test
    void aWriteToThePageDropsItsBlocks() {
        BlockCache cache = new BlockCache(ram, 2, 64);
        cache.lookup(0x200);
        assertThat(cache.lookup(0x200)).isNotNull();
        ram.store(BASE + 0xFF8, 0x13, 2); // a nop, elsewhere in the same page
        assertThat(cache.invalidatedPages()).isEqualTo(1);
        assertThat(cache.lookup(0x200)).as("counted afresh").isNull();
        assertThat(cache.lookup(0x200)).isNotNull();
    }

    @Test
    void onlyTheNewestGenerationsAreKept() {
        BlockCache cache = new BlockCache(ram, 1, 8); // 4 generations of 2 blocks
        List<CompiledBlock> blocks = new ArrayList<>();
        for (int offset = 0; offset < 40; offset += 4) {
            blocks.add(cache.lookup(offset));
        }
        assertThat(cache.translatedBlocks()).isEqualTo(10);
        assertThat(cache.generations()).isEqualTo(BlockCache.GENERATIONS);
        // 10 blocks made 5 full generations and began a sixth: the first two generations went
        assertThat(cache.droppedBlocks()).isEqualTo(4);
        assertThat(cache.lookup(36)).isSameAs(blocks.get(9));
        assertThat(cache.lookup(16)).isSameAs(blocks.get(4));
        CompiledBlock again = cache.lookup(0);
        assertThat(again).as("translated again").isNotNull().isNotSameAs(blocks.get(0));
        assertThat(again.getClass().getClassLoader()).isNotSameAs(blocks.get(0).getClass().getClassLoader());
    }

    @Test
    void aPageLeftWithoutBlocksLetsGoOfItsTable() {
        BlockCache cache = new BlockCache(ram, 1, 8);
        cache.lookup(0); // the first generation: two blocks on page 0
        cache.lookup(4);
        for (int i = 0; i < 8; i++) {
            cache.lookup(4096 + 4 * i);
        }
        assertThat(cache.droppedBlocks()).isEqualTo(4); // the first two generations
        assertThat(cache.pagesWithTables()).isEqualTo(1);
        assertThat(cache.lookup(4096 + 28)).isNotNull();
    }

    @Test
    void aDroppedGenerationIsUnloaded() throws InterruptedException {
        BlockCache cache = new BlockCache(ram, 1, 8);
        WeakReference<ClassLoader> first = new WeakReference<>(cache.lookup(0).getClass().getClassLoader());
        for (int offset = 4; offset < 40; offset += 4) {
            cache.lookup(offset);
        }
        assertThat(cache.droppedBlocks()).isPositive();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (first.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(first.get()).as("the first generation's class loader was collected").isNull();
        assertThat(cache.lookup(36)).as("the newest blocks stay").isNotNull();
    }
}
