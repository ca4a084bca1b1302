package dev.lpm.memory;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DirtyBitmapTest {

    @Test
    void harvestReportsExactlyTheMarkedPagesOnce() {
        DirtyBitmap bitmap = new DirtyBitmap(1 << 20);
        bitmap.markOffset(0);
        bitmap.markOffset(4095);
        bitmap.markOffset(5 * 4096 + 17);
        bitmap.markRange(64 * 4096 - 1, 2); // straddles pages 63 and 64
        long[] first = bitmap.harvest();
        assertThat(pages(first)).containsExactly(0L, 5L, 63L, 64L);
        assertThat(DirtyBitmap.count(bitmap.harvest())).isZero();
    }

    @Test
    void aPageNeverWrittenIsKnownToBeZeroWithoutReadingIt() {
        DirtyBitmap bitmap = new DirtyBitmap(1 << 20);
        bitmap.markPage(3);
        assertThat(bitmap.everWritten(3)).isTrue(); // dirty now
        bitmap.harvest();
        assertThat(bitmap.everWritten(3)).isTrue(); // harvested before: stays known as written
        bitmap.harvest();
        assertThat(bitmap.everWritten(3)).isTrue();
        assertThat(bitmap.everWritten(4)).isFalse();
        bitmap.markPage(4);
        assertThat(bitmap.everWritten(4)).isTrue();
    }

    @Test
    void harvestAsksEveryStoreCacheToDropItsPermissions() {
        DirtyBitmap bitmap = new DirtyBitmap(1 << 20);
        AtomicInteger drops = new AtomicInteger();
        bitmap.register(drops::incrementAndGet);
        bitmap.harvest();
        bitmap.harvest();
        assertThat(drops).hasValue(2);
    }

    @Test
    void marksRacingHarvestsAreNeverLost() throws Exception {
        DirtyBitmap bitmap = new DirtyBitmap(64L << 20);
        long pages = bitmap.pageCount();
        int writers = 2;
        int marksPerWriter = 200_000;
        long[] seen = new long[(int) pages];
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[writers];
        for (int w = 0; w < writers; w++) {
            final int seed = w;
            threads[w] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long x = seed * 0x9E3779B97F4A7C15L + 1;
                for (int i = 0; i < marksPerWriter; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                    bitmap.markPage(Math.floorMod(x, pages));
                }
            });
            threads[w].start();
        }
        start.countDown();
        boolean running = true;
        while (running) {
            running = false;
            for (Thread t : threads) {
                running |= t.isAlive();
            }
            accumulate(bitmap.harvest(), seen);
        }
        accumulate(bitmap.harvest(), seen);
        // replay the writers' page sequence: every page they marked must have been harvested at least once
        for (int w = 0; w < writers; w++) {
            long x = w * 0x9E3779B97F4A7C15L + 1;
            for (int i = 0; i < marksPerWriter; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                assertThat(seen[(int) Math.floorMod(x, pages)]).isPositive();
            }
        }
    }

    private static void accumulate(long[] harvested, long[] seen) {
        for (long p : pages(harvested)) {
            seen[(int) p]++;
        }
    }

    private static long[] pages(long[] harvested) {
        return java.util.stream.IntStream.range(0, harvested.length * 64)
                .filter(i -> (harvested[i >>> 6] & (1L << i)) != 0)
                .mapToLong(i -> i).toArray();
    }
}
