package dev.lpm.devices.plic;

import dev.lpm.api.InterruptLine;
import dev.lpm.devices.RecordingLine;
import dev.lpm.devices.Waits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlicTest {

    private static final int W = 2; // sizeLog2 of a word

    /** A PLIC with recording context outputs, and register helpers. */
    static final class Rig {
        final int harts;
        final RecordingLine[] out;
        final Plic plic;

        Rig(int harts) {
            this.harts = harts;
            out = RecordingLine.array(2 * harts);
            plic = new Plic(harts, out);
        }

        void priority(int id, long value) {
            plic.store(Plic.PRIORITY_BASE + 4 * id, value, W);
        }

        long priority(int id) {
            return plic.load(Plic.PRIORITY_BASE + 4 * id, W);
        }

        int enableOffset(int ctx, int word) {
            return Plic.ENABLE_BASE + Plic.ENABLE_STRIDE * ctx + 4 * word;
        }

        void enable(int ctx, int... ids) {
            for (int id : ids) {
                int offset = enableOffset(ctx, id / 32);
                plic.store(offset, plic.load(offset, W) | 1L << (id % 32), W);
            }
        }

        void disable(int ctx, int id) {
            int offset = enableOffset(ctx, id / 32);
            plic.store(offset, plic.load(offset, W) & ~(1L << (id % 32)), W);
        }

        int contextOffset(int ctx) {
            return Plic.CONTEXT_BASE + Plic.CONTEXT_STRIDE * ctx;
        }

        void threshold(int ctx, long value) {
            plic.store(contextOffset(ctx) + Plic.CONTEXT_THRESHOLD, value, W);
        }

        long threshold(int ctx) {
            return plic.load(contextOffset(ctx) + Plic.CONTEXT_THRESHOLD, W);
        }

        int claim(int ctx) {
            return (int) plic.load(contextOffset(ctx) + Plic.CONTEXT_CLAIM, W);
        }

        void complete(int ctx, long id) {
            plic.store(contextOffset(ctx) + Plic.CONTEXT_CLAIM, id, W);
        }

        void raise(int id) {
            plic.source(id).raise();
        }

        void lower(int id) {
            plic.source(id).lower();
        }

        long pendingWord(int word) {
            return plic.load(Plic.PENDING_BASE + 4 * word, W);
        }

        boolean pending(int id) {
            return (pendingWord(id / 32) >>> (id % 32) & 1) != 0;
        }

        List<Boolean> outputs() {
            List<Boolean> levels = new ArrayList<>();
            for (RecordingLine line : out) {
                levels.add(line.level());
            }
            return levels;
        }

        int sets() {
            int n = 0;
            for (RecordingLine line : out) {
                n += line.sets();
            }
            return n;
        }
    }

    @Nested
    class Registers {

        @Test
        void resetStateDrivesEveryOutputLow() {
            Rig r = new Rig(2);
            assertThat(r.plic.length()).isEqualTo(0x60_0000);
            assertThat(r.plic.supportedSizes()).isEqualTo(0b0100);
            assertThat(r.plic.harts()).isEqualTo(2);
            assertThat(r.plic.contexts()).isEqualTo(4);
            for (RecordingLine line : r.out) {
                assertThat(line.sets()).isEqualTo(1);
                assertThat(line.level()).isFalse();
            }
            for (int id = 0; id < Plic.NUM_SOURCES; id++) {
                assertThat(r.priority(id)).isZero();
            }
            for (int w = 0; w < 3; w++) {
                assertThat(r.pendingWord(w)).isZero();
                for (int ctx = 0; ctx < 4; ctx++) {
                    assertThat(r.plic.load(r.enableOffset(ctx, w), W)).isZero();
                }
            }
            for (int ctx = 0; ctx < 4; ctx++) {
                assertThat(r.threshold(ctx)).isZero();
                assertThat(r.claim(ctx)).isZero();
            }
        }

        @Test
        void prioritiesAreThreeBitWarl() {
            Rig r = new Rig(1);
            r.priority(1, 5);
            r.priority(2, 0xFFFF_FFFFL);
            r.priority(3, 9); // 9 % 8
            r.priority(4, 8);
            r.priority(95, 0xFFFF_FFFF_0000_0006L); // only the low word reaches the device
            assertThat(r.priority(1)).isEqualTo(5);
            assertThat(r.priority(2)).isEqualTo(7);
            assertThat(r.priority(3)).isEqualTo(1);
            assertThat(r.priority(4)).isZero();
            assertThat(r.priority(95)).isEqualTo(6);
            assertThat(r.plic.load(0x17C, W)).isEqualTo(6);
        }

        @Test
        void reservedSourceZeroHasPlainStorageLikeQemu() {
            Rig r = new Rig(1);
            r.priority(0, 3);
            assertThat(r.priority(0)).isEqualTo(3);
            r.plic.store(r.enableOffset(0, 0), 1, W);
            assertThat(r.plic.load(r.enableOffset(0, 0), W)).isEqualTo(1);
            assertThat(r.claim(0)).isZero();
            assertThat(r.out[0].level()).isFalse();
            assertThatThrownBy(() -> r.plic.source(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> r.plic.source(96)).isInstanceOf(IllegalArgumentException.class);
            assertThat(r.plic.source(95)).isSameAs(r.plic.source(95));
        }

        @Test
        void linuxAccessesForSourceNinetySixAreInvalidAsOnQemu() {
            // QEMU 7.2's device tree says riscv,ndev = 96, so Linux writes priority[96] and toggles enable bit 96.
            Rig r = new Rig(1);
            r.plic.store(0x180, 1, W);
            assertThat(r.plic.load(0x180, W)).isZero();
            int word3 = r.enableOffset(1, 3);
            r.plic.store(word3, -1L, W);
            assertThat(r.plic.load(word3, W)).isZero();
            assertThat(r.plic.load(r.enableOffset(1, 2), W)).isZero();
            assertThat(r.plic.load(r.enableOffset(2, 0), W)).isZero();
        }

        @Test
        void pendingBitsFollowTheLinesAndAreReadOnly() {
            Rig r = new Rig(1);
            r.raise(1);
            r.raise(33);
            r.raise(95);
            assertThat(r.pendingWord(0)).isEqualTo(0b10);
            assertThat(r.pendingWord(1)).isEqualTo(0b10);
            assertThat(r.pendingWord(2)).isEqualTo(0x8000_0000L);
            r.plic.store(Plic.PENDING_BASE, 0, W);
            r.plic.store(Plic.PENDING_BASE + 4, -1L, W);
            assertThat(r.pendingWord(0)).isEqualTo(0b10);
            assertThat(r.pendingWord(1)).isEqualTo(0b10);
            assertThat(r.plic.load(Plic.PENDING_BASE + 12, W)).isZero();
            r.lower(33); // QEMU: the pending bit follows the line
            assertThat(r.pendingWord(1)).isZero();
            r.lower(33); // driving the same level again changes nothing
            r.raise(1);
            assertThat(r.pendingWord(0)).isEqualTo(0b10);
        }

        @Test
        void enableWordsArePerContext() {
            Rig r = new Rig(2);
            for (int ctx = 0; ctx < 4; ctx++) {
                for (int w = 0; w < 3; w++) {
                    r.plic.store(r.enableOffset(ctx, w), 0x0101_0000L * (ctx + 1) + w, W);
                }
            }
            for (int ctx = 0; ctx < 4; ctx++) {
                for (int w = 0; w < 3; w++) {
                    assertThat(r.plic.load(r.enableOffset(ctx, w), W)).isEqualTo(0x0101_0000L * (ctx + 1) + w);
                }
            }
            r.plic.store(r.enableOffset(0, 0), 0xFFFF_FFFFL, W);
            assertThat(r.plic.load(r.enableOffset(0, 0), W)).isEqualTo(0xFFFF_FFFFL);
            // past the last context
            r.plic.store(r.enableOffset(4, 0), 1, W);
            assertThat(r.plic.load(r.enableOffset(4, 0), W)).isZero();
        }

        @Test
        void thresholdsArePerContextAndWarl() {
            Rig r = new Rig(2);
            r.threshold(0, 1);
            r.threshold(1, 0xF);
            r.threshold(2, 0xFFFF_FFFFL);
            r.threshold(3, 8);
            assertThat(List.of(r.threshold(0), r.threshold(1), r.threshold(2), r.threshold(3)))
                    .containsExactly(1L, 7L, 7L, 0L);
            r.threshold(4, 3); // no fifth context
            assertThat(r.threshold(4)).isZero();
        }

        @Test
        void holesAndMisalignedOffsetsReadZeroAndIgnoreWrites() {
            Rig r = new Rig(1);
            r.raise(1);
            r.priority(1, 1);
            r.enable(0, 1);
            int[] holes = {0x180, 0xFFC, 0x100C, 0x1010, 0x1FFC, 0x200C, 0x207C, 0x2100, 0x1F_FFFC,
                    0x20_0008, 0x20_0FFC, 0x20_2000, 0x5F_F000, 0x5F_FFFC, 0x6, 0x1001, 0x20_0002, 0x20_0005};
            for (int offset : holes) {
                r.plic.store(offset, -1L, W);
                assertThat(r.plic.load(offset, W)).as("0x%x", offset).isZero();
            }
            assertThat(r.priority(1)).isEqualTo(1);
            assertThat(r.threshold(0)).isZero();
            assertThat(r.claim(0)).isEqualTo(1); // the misaligned claim-register reads claimed nothing
        }

        @Test
        void rejectsBadWiring() {
            assertThatThrownBy(() -> new Plic(0, RecordingLine.array(0)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Plic(513, RecordingLine.array(1026)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Plic(2, RecordingLine.array(3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two context outputs");
            assertThatThrownBy(() -> new Plic(1, new InterruptLine[] {InterruptLine.NONE, null}))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void maximumHartCountReachesTheEndOfTheAperture() {
            Rig r = new Rig(Plic.MAX_HARTS);
            int last = 2 * Plic.MAX_HARTS - 1;
            assertThat(r.contextOffset(last) + Plic.CONTEXT_STRIDE).isEqualTo(Plic.LENGTH);
            r.priority(42, 2);
            r.enable(last, 42);
            r.threshold(last, 1);
            r.raise(42);
            assertThat(r.out[last].level()).isTrue();
            assertThat(r.out[last - 1].level()).isFalse();
            assertThat(r.claim(last)).isEqualTo(42);
            assertThat(r.out[last].level()).isFalse();
        }

        @Test
        void resetClearsRegistersAndClaimsButKeepsHighLinesPending() {
            Rig r = new Rig(1);
            r.priority(3, 4);
            r.priority(4, 4);
            r.enable(1, 3, 4);
            r.threshold(1, 2);
            r.raise(3);
            r.raise(4);
            assertThat(r.claim(1)).isEqualTo(3);
            assertThat(r.out[1].level()).isTrue();
            int before = r.out[0].sets();
            r.plic.reset();
            assertThat(r.out[0].sets()).isEqualTo(before + 1); // every output is driven
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.priority(3)).isZero();
            assertThat(r.threshold(1)).isZero();
            assertThat(r.plic.load(r.enableOffset(1, 0), W)).isZero();
            assertThat(r.pendingWord(0)).isEqualTo(0b11000); // source 3 no longer claimed, line still high
            r.priority(3, 1);
            r.enable(1, 3);
            assertThat(r.claim(1)).isEqualTo(3);
        }
    }

    @Nested
    class ClaimComplete {

        @Test
        void claimsComeInPriorityOrderWithTiesToTheLowestId() {
            Rig r = new Rig(1);
            int[][] sources = {{3, 2}, {7, 5}, {5, 5}, {9, 1}, {40, 7}, {70, 5}};
            for (int[] s : sources) {
                r.priority(s[0], s[1]);
                r.enable(1, s[0]);
                r.raise(s[0]);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                order.add(r.claim(1));
            }
            assertThat(order).containsExactly(40, 5, 7, 70, 3, 9, 0);
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.pendingWord(0)).isZero();
        }

        @Test
        void onlyPrioritiesAboveTheThresholdInterrupt() {
            Rig r = new Rig(1);
            r.priority(2, 3);
            r.enable(1, 2);
            r.raise(2);
            assertThat(r.out[1].level()).isTrue();
            r.threshold(1, 3); // equal priority is masked; the output drops at once (OpenBSD relies on it)
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.claim(1)).isZero();
            assertThat(r.pending(2)).isTrue();
            r.threshold(1, 2);
            assertThat(r.out[1].level()).isTrue();
            r.priority(2, 1);
            assertThat(r.out[1].level()).isFalse();
            r.priority(2, 0);
            r.threshold(1, 0); // priority 0 never interrupts
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.claim(1)).isZero();
            r.priority(2, 1);
            assertThat(r.out[1].level()).isTrue();
            assertThat(r.claim(1)).isEqualTo(2);
        }

        @Test
        void enablingAPendingSourceRaisesTheOutputAtOnce() {
            Rig r = new Rig(1);
            r.priority(6, 1);
            r.raise(6);
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.claim(1)).isZero();
            r.enable(1, 6);
            assertThat(r.out[1].level()).isTrue(); // QEMU 7.2 would wait for the next PLIC event
            r.disable(1, 6);
            assertThat(r.out[1].level()).isFalse();
        }

        @Test
        void aClaimedSourceIsNotClaimedAgainUntilCompleteAndThenRetriggersWhileHigh() {
            Rig r = new Rig(1);
            r.priority(10, 1);
            r.enable(1, 10);
            r.raise(10);
            assertThat(r.claim(1)).isEqualTo(10);
            assertThat(r.pending(10)).isFalse();
            assertThat(r.out[1].level()).isFalse();
            r.raise(10); // re-driving the same level while in service
            assertThat(r.claim(1)).isZero();
            assertThat(r.out[1].level()).isFalse();
            r.complete(1, 10); // the line is still high: a new request
            assertThat(r.pending(10)).isTrue();
            assertThat(r.out[1].level()).isTrue();
            assertThat(r.claim(1)).isEqualTo(10);
            r.lower(10);
            r.complete(1, 10);
            assertThat(r.pending(10)).isFalse();
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.claim(1)).isZero();
        }

        @Test
        void aLineThatDropsAndRisesDuringServiceIsDeliveredAfterComplete() {
            Rig r = new Rig(1);
            r.priority(4, 1);
            r.enable(1, 4);
            r.raise(4);
            assertThat(r.claim(1)).isEqualTo(4);
            r.lower(4);
            r.raise(4);
            assertThat(r.pending(4)).isFalse(); // the gateway holds the request while the source is in service
            assertThat(r.out[1].level()).isFalse();
            r.complete(1, 4);
            assertThat(r.out[1].level()).isTrue();
            assertThat(r.claim(1)).isEqualTo(4);
        }

        @Test
        void loweringTheLineBeforeTheClaimWithdrawsTheRequestLikeQemu() {
            Rig r = new Rig(1);
            r.priority(4, 1);
            r.enable(1, 4);
            r.raise(4);
            assertThat(r.out[1].level()).isTrue();
            r.lower(4);
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.claim(1)).isZero();
        }

        @Test
        void completingASourceNotEnabledForTheContextIsIgnored() {
            Rig r = new Rig(1);
            r.priority(5, 1);
            r.enable(1, 5);
            r.raise(5);
            assertThat(r.claim(1)).isEqualTo(5);
            r.disable(1, 5);
            r.complete(1, 5); // ignored (spec); the source stays in service
            r.enable(1, 5);
            assertThat(r.out[1].level()).isFalse();
            assertThat(r.claim(1)).isZero();
            // Linux's plic_irq_eoi for a disabled source: enable, complete, disable.
            r.disable(1, 5);
            r.enable(1, 5);
            r.complete(1, 5);
            r.disable(1, 5);
            assertThat(r.pending(5)).isTrue();
            r.enable(1, 5);
            assertThat(r.claim(1)).isEqualTo(5);
        }

        @Test
        void completesOfReservedOrOutOfRangeIdsAreIgnored() {
            Rig r = new Rig(1);
            r.priority(5, 1);
            r.enable(1, 5);
            r.plic.store(r.enableOffset(1, 0), 0xFFFF_FFFFL, W);
            r.raise(5);
            assertThat(r.claim(1)).isEqualTo(5);
            for (long id : new long[] {0, 96, 0x105, 0xFFFF_FFFFL, 0x8000_0005L}) {
                r.complete(1, id);
                assertThat(r.claim(1)).as("after complete(%x)", id).isZero();
            }
            r.complete(1, 0xFFFF_FFFF_0000_0005L); // the bus hands the device the low word only: 5
            assertThat(r.claim(1)).isEqualTo(5);
        }

        @Test
        void completingASourceThatIsNotClaimedDoesNothing() {
            Rig r = new Rig(1);
            r.priority(5, 1);
            r.enable(1, 5);
            r.complete(1, 5);
            assertThat(r.pending(5)).isFalse();
            r.raise(5);
            r.complete(1, 5);
            assertThat(r.pending(5)).isTrue();
            assertThat(r.claim(1)).isEqualTo(5);
        }

        @Test
        void claimWithNothingPendingReturnsZeroAndChangesNothing() {
            Rig r = new Rig(1);
            r.priority(5, 1);
            r.enable(1, 5);
            PlicState before = r.plic.save();
            int sets = r.sets();
            assertThat(r.claim(1)).isZero();
            assertThat(r.claim(0)).isZero();
            assertThat(r.plic.save()).isEqualTo(before);
            assertThat(r.sets()).isEqualTo(sets);
        }
    }

    @Nested
    class Contexts {

        @Test
        void eachContextDrivesItsOwnHartsLine() {
            Rig r = new Rig(2);
            r.priority(8, 1);
            r.enable(3, 8); // hart 1, S-mode
            r.raise(8);
            assertThat(r.outputs()).containsExactly(false, false, false, true);
            assertThat(r.claim(1)).isZero(); // hart 0's S-mode does not have it enabled
            assertThat(r.claim(3)).isEqualTo(8);
            assertThat(r.outputs()).containsExactly(false, false, false, false);
            r.enable(0, 8); // M-mode of hart 0
            r.lower(8);
            r.complete(3, 8);
            r.raise(8);
            assertThat(r.outputs()).containsExactly(true, false, false, true);
        }

        @Test
        void aSharedSourceClaimedByOneContextLeavesTheOthersAndAnyEnablingContextMayComplete() {
            Rig r = new Rig(2);
            r.priority(20, 2);
            r.enable(1, 20);
            r.enable(3, 20);
            r.raise(20);
            assertThat(r.outputs()).containsExactly(false, true, false, true);
            assertThat(r.claim(3)).isEqualTo(20);
            assertThat(r.outputs()).containsExactly(false, false, false, false);
            assertThat(r.claim(1)).isZero();
            r.complete(1, 20); // the claim belongs to the source (QEMU), and context 1 has it enabled
            assertThat(r.outputs()).containsExactly(false, true, false, true);
            assertThat(r.claim(1)).isEqualTo(20);
            r.complete(0, 20); // context 0 does not have it enabled: ignored
            assertThat(r.claim(3)).isZero();
        }

        @Test
        void thresholdsAreIndependentPerContext() {
            Rig r = new Rig(1);
            r.priority(1, 3);
            r.priority(2, 6);
            r.enable(0, 1, 2);
            r.enable(1, 1, 2);
            r.threshold(0, 5);
            r.threshold(1, 0);
            r.raise(1);
            assertThat(r.outputs()).containsExactly(false, true);
            r.raise(2);
            assertThat(r.outputs()).containsExactly(true, true);
            assertThat(r.claim(0)).isEqualTo(2);
            assertThat(r.outputs()).containsExactly(false, true);
            assertThat(r.claim(0)).isZero(); // source 1 is below context 0's threshold
            assertThat(r.claim(1)).isEqualTo(1);
        }

        @Test
        void outputsAreDrivenOnlyWhenTheirLevelChanges() {
            Rig r = new Rig(1);
            r.priority(1, 1);
            r.priority(2, 1);
            r.enable(1, 1, 2);
            int sets = r.out[1].sets();
            r.raise(1);
            r.raise(2);
            r.raise(2);
            r.priority(2, 5);
            assertThat(r.out[1].sets()).isEqualTo(sets + 1);
            assertThat(r.out[0].sets()).isEqualTo(1);
        }
    }

    @Nested
    class Threads {

        @Test
        void aDeviceLineRaisedFromAnotherThreadReachesTheHart() throws InterruptedException {
            Rig r = new Rig(1);
            r.priority(7, 1);
            r.enable(1, 7);
            Thread device = Thread.ofPlatform().name("plic-test-device").start(() -> r.plic.source(7).raise());
            assertThat(Waits.await(r.out[1]::level, Duration.ofSeconds(10))).isTrue();
            device.join();
            assertThat(r.claim(1)).isEqualTo(7);
            assertThat(r.out[1].level()).isFalse();
        }

        @Test
        void devicesTogglingLinesWhileHartsClaimAndCompleteStayConsistent() throws InterruptedException {
            Rig r = new Rig(2);
            int[] ids = {1, 2, 31, 32, 33, 64, 90, 95};
            for (int i = 0; i < ids.length; i++) {
                r.priority(ids[i], 1 + i % 7);
                r.enable(1, ids[i]);
                r.enable(3, ids[i]);
            }
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean devicesDone = new AtomicBoolean();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> devices = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int a = ids[2 * t];
                int b = ids[2 * t + 1];
                long seed = t;
                devices.add(Thread.ofPlatform().name("plic-device-" + t).start(() -> {
                    Random rnd = new Random(seed);
                    try {
                        start.await();
                        for (int i = 0; i < 20_000; i++) {
                            r.plic.source(rnd.nextBoolean() ? a : b).set(rnd.nextBoolean());
                        }
                        r.plic.source(a).raise(); // one line of each pair ends high, the other low
                        r.plic.source(b).lower();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            List<Thread> harts = new ArrayList<>();
            int[] handled = new int[2];
            for (int h = 0; h < 2; h++) {
                int ctx = 2 * h + 1;
                int hart = h;
                harts.add(Thread.ofPlatform().name("plic-hart-" + h).start(() -> {
                    try {
                        start.await();
                        while (!devicesDone.get()) {
                            int id = r.claim(ctx);
                            if (id != 0) {
                                handled[hart]++;
                                r.complete(ctx, id);
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            start.countDown();
            for (Thread t : devices) {
                t.join();
            }
            devicesDone.set(true);
            for (Thread t : harts) {
                t.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(handled[0] + handled[1]).isPositive();

            PlicState s = r.plic.save();
            assertThat(s.claimed()).containsExactly(0, 0, 0);
            // the lines left high are 1, 31, 33 and 90
            assertThat(s.levels()).containsExactly(1 << 1 | 1 << 31, 1 << 1, 1 << (90 - 64));
            assertThat(s.pending()).isEqualTo(s.levels());
            assertThat(r.outputs()).containsExactly(false, true, false, true);
            // drain on context 1: exactly the four high sources, in priority order
            List<Integer> drained = new ArrayList<>();
            for (int id; (id = r.claim(1)) != 0; ) {
                drained.add(id);
            }
            assertThat(drained).containsExactlyInAnyOrder(1, 31, 33, 90);
            assertThat(r.outputs()).containsExactly(false, false, false, false);
        }
    }

    @Nested
    class SaveRestore {

        private PlicState sample() {
            int[] priority = new int[96];
            priority[3] = 2;
            priority[40] = 7;
            int[] enable = new int[6];
            enable[1] = 1 << 3 | 1 << 8;
            enable[3] = 1 << 3;
            return new PlicState(priority, new int[] {1 << 3, 0, 0}, enable, new int[] {0, 1},
                    new int[] {0, 1 << 8, 0}, new int[] {1 << 3, 1 << 8, 0});
        }

        @Test
        void stateIsImmutableAndValueBased() {
            int[] priority = new int[96];
            priority[3] = 2;
            int[] levels = {1 << 3, 0, 0};
            PlicState s = new PlicState(priority, new int[] {1 << 3, 0, 0}, new int[6], new int[2], new int[3], levels);
            priority[3] = 5;
            levels[0] = 0;
            s.priority()[3] = 6;
            s.levels()[0] = 0;
            s.enable()[0] = -1;
            assertThat(s.priority()[3]).isEqualTo(2);
            assertThat(s.levels()).containsExactly(1 << 3, 0, 0);
            assertThat(s.enable()).containsExactly(0, 0, 0, 0, 0, 0);
            PlicState same = new PlicState(s.priority(), s.pending(), s.enable(), s.threshold(), s.claimed(), s.levels());
            assertThat(same).isEqualTo(s).hasSameHashCodeAs(s);
            assertThat(sample()).isEqualTo(sample()).hasSameHashCodeAs(sample()).isNotEqualTo(s);
            assertThat(sample().harts()).isEqualTo(1);
            assertThat(sample().contexts()).isEqualTo(2);
            assertThat(sample().toString()).contains("claimed=[0x00000000, 0x00000100, 0x00000000]")
                    .contains("threshold=[0, 1]");
        }

        @Test
        void roundTripIntoAFreshInstanceWithPendingAndClaimedInterrupts() {
            Rig a = new Rig(2);
            a.priority(3, 2);
            a.priority(40, 5);
            a.priority(41, 1);
            a.priority(77, 4);
            a.enable(1, 3, 40, 41);
            a.enable(2, 77);
            a.enable(3, 3);
            a.threshold(3, 2); // source 3 is masked for hart 1 S-mode
            a.threshold(0, 6);
            a.raise(3);
            a.raise(40);
            a.raise(41);
            a.raise(77);
            assertThat(a.claim(1)).isEqualTo(40); // in service, line still high
            assertThat(a.claim(2)).isEqualTo(77);
            a.lower(77); // in service, line low
            PlicState saved = a.plic.save();
            assertThat(saved.claimed()).containsExactly(0, 1 << 8, 1 << (77 - 64));
            assertThat(saved.pending()).containsExactly(1 << 3, 1 << 9, 0);

            Rig b = new Rig(2);
            b.priority(9, 7);
            b.enable(0, 9);
            b.raise(9);
            b.raise(3);
            assertThat(b.claim(0)).isEqualTo(9);
            int setsBefore = b.sets();
            b.plic.restore(saved);
            assertThat(b.sets()).isEqualTo(setsBefore); // restore touches no line
            b.plic.resyncInterrupts();
            assertThat(b.sets()).isEqualTo(setsBefore + 4); // resync drives every output
            assertThat(b.outputs()).isEqualTo(a.outputs()).containsExactly(false, true, false, false);
            assertThat(b.plic.save()).isEqualTo(saved);

            // Both now behave identically.
            for (Rig r : List.of(a, b)) {
                assertThat(r.claim(1)).isEqualTo(3);
                r.complete(1, 40); // line 40 still high: pending again
                assertThat(r.claim(1)).isEqualTo(40);
                assertThat(r.claim(1)).isEqualTo(41);
                r.complete(2, 77); // line 77 low: gone
                assertThat(r.claim(2)).isZero();
                assertThat(r.outputs()).containsExactly(false, false, false, false);
            }
            assertThat(b.plic.save()).isEqualTo(a.plic.save());
            assertThat(b.outputs()).isEqualTo(a.outputs());
        }

        @Test
        void linesDrivenAfterRestoreUpdateTheRestoredLevels() {
            Rig b = new Rig(1);
            b.plic.restore(sample());
            b.plic.resyncInterrupts();
            assertThat(b.outputs()).containsExactly(false, true);
            b.lower(3); // the restored device's own resync lowers its line
            assertThat(b.outputs()).containsExactly(false, false);
            assertThat(b.pending(3)).isFalse();
            b.complete(1, 40); // source 40 is not enabled on context 1: ignored
            assertThat(b.claim(0)).isZero();
            b.complete(0, 40); // released, and its restored line level is still high
            assertThat(b.outputs()).containsExactly(true, false);
            assertThat(b.claim(0)).isEqualTo(40);
        }

        @Test
        void restoreRejectsAnotherHartCount() {
            Rig r = new Rig(2);
            assertThatThrownBy(() -> r.plic.restore(sample()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("harts");
        }

        @Test
        void resyncDrivesOutputsEvenWhenNothingChanged() {
            Rig r = new Rig(1);
            int sets = r.sets();
            r.plic.resyncInterrupts();
            assertThat(r.sets()).isEqualTo(sets + 2);
        }
    }

    @Nested
    class HostileState {

        private int[] priority() {
            return new int[96];
        }

        private int[] words() {
            return new int[3];
        }

        private void rejects(Supplier<PlicState> state, String message) {
            assertThatThrownBy(state::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        }

        @Test
        void aValidStateIsAccepted() {
            PlicState s = new PlicState(priority(), words(), new int[6], new int[2], words(), words());
            assertThat(s.harts()).isEqualTo(1);
        }

        @Test
        void missingFieldsAreRejected() {
            rejects(() -> new PlicState(null, words(), new int[6], new int[2], words(), words()), "priority is missing");
            rejects(() -> new PlicState(priority(), null, new int[6], new int[2], words(), words()), "pending is missing");
            rejects(() -> new PlicState(priority(), words(), null, new int[2], words(), words()), "enable is missing");
            rejects(() -> new PlicState(priority(), words(), new int[6], null, words(), words()), "threshold is missing");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[2], null, words()), "claimed is missing");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[2], words(), null), "levels is missing");
        }

        @Test
        void wrongSizesAreRejected() {
            rejects(() -> new PlicState(new int[95], words(), new int[6], new int[2], words(), words()),
                    "priority has 95 entries, expected 96");
            rejects(() -> new PlicState(new int[97], words(), new int[6], new int[2], words(), words()),
                    "priority has 97 entries");
            rejects(() -> new PlicState(priority(), words(), new int[0], new int[0], words(), words()),
                    "threshold has 0 contexts");
            rejects(() -> new PlicState(priority(), words(), new int[9], new int[3], words(), words()),
                    "threshold has 3 contexts");
            rejects(() -> new PlicState(priority(), words(), new int[3 * 1026], new int[1026], words(), words()),
                    "threshold has 1026 contexts");
            rejects(() -> new PlicState(priority(), words(), new int[5], new int[2], words(), words()),
                    "enable has 5 words, expected 3 per context for 2 contexts = 6");
            rejects(() -> new PlicState(priority(), new int[2], new int[6], new int[2], words(), words()),
                    "pending has 2 words");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[2], new int[4], words()),
                    "claimed has 4 words");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[2], words(), new int[0]),
                    "levels has 0 words");
        }

        @Test
        void outOfRangeValuesAreRejected() {
            int[] p = priority();
            p[17] = 8;
            rejects(() -> new PlicState(p, words(), new int[6], new int[2], words(), words()),
                    "priority[17] is 8, outside 0..7");
            int[] q = priority();
            q[0] = -1;
            rejects(() -> new PlicState(q, words(), new int[6], new int[2], words(), words()), "priority[0] is -1");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[] {0, 99}, words(), words()),
                    "threshold[1] is 99");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[] {Integer.MIN_VALUE, 0}, words(),
                    words()), "threshold[0]");
        }

        @Test
        void theReservedSourceCannotBePendingClaimedOrHigh() {
            int[] bit0 = {1, 0, 0};
            rejects(() -> new PlicState(priority(), bit0, new int[6], new int[2], words(), bit0), "pending has bit 0 set");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[2], bit0, words()), "claimed has bit 0 set");
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[2], words(), bit0), "levels has bit 0 set");
        }

        @Test
        void pendingMustAgreeWithLevelsAndClaims() {
            // pending without a high line
            rejects(() -> new PlicState(priority(), new int[] {0, 4, 0}, new int[6], new int[2], words(), words()),
                    "pending word 1 is 0x00000004 but levels & ~claimed is 0x00000000");
            // a high, unclaimed line that is not pending
            rejects(() -> new PlicState(priority(), words(), new int[6], new int[2], words(), new int[] {0, 0, 8}),
                    "pending word 2");
            // pending while claimed
            int[] both = {2, 0, 0};
            rejects(() -> new PlicState(priority(), both, new int[6], new int[2], both, both), "pending word 0");
            // claimed with a low line is fine (the device went quiet during service)
            assertThat(new PlicState(priority(), words(), new int[6], new int[2], both, words()).claimed())
                    .containsExactly(2, 0, 0);
        }
    }

    @Nested
    class Fuzz {

        /** An independent, deliberately plain model of the same PLIC: per-source booleans and linear scans. */
        static final class Model {
            final int contexts;
            final int[] prio = new int[96];
            final boolean[][] enabled;
            final int[] thr;
            final boolean[] level = new boolean[96];
            final boolean[] pend = new boolean[96];
            final boolean[] inService = new boolean[96];

            Model(int harts) {
                contexts = 2 * harts;
                enabled = new boolean[contexts][96];
                thr = new int[contexts];
            }

            void line(int id, boolean high) {
                level[id] = high;
                pend[id] = high && !inService[id];
            }

            int best(int ctx) {
                int id = 0;
                int p = thr[ctx];
                for (int s = 0; s < 96; s++) {
                    if (pend[s] && !inService[s] && enabled[ctx][s] && prio[s] > p) {
                        id = s;
                        p = prio[s];
                    }
                }
                return id;
            }

            boolean output(int ctx) {
                return best(ctx) != 0;
            }

            private int bits(boolean[] b, int word) {
                int v = 0;
                for (int i = 0; i < 32; i++) {
                    v |= (b[32 * word + i] ? 1 : 0) << i;
                }
                return v;
            }

            long load(int offset) {
                if (offset % 4 != 0) {
                    return 0;
                }
                if (offset < 96 * 4) {
                    return prio[offset / 4];
                }
                if (offset >= 0x1000 && offset < 0x100C) {
                    return bits(pend, (offset - 0x1000) / 4) & 0xFFFF_FFFFL;
                }
                if (offset >= 0x2000 && offset < 0x2000 + 0x80 * contexts) {
                    int ctx = (offset - 0x2000) / 0x80;
                    int word = (offset - 0x2000 - 0x80 * ctx) / 4;
                    return word < 3 ? bits(enabled[ctx], word) & 0xFFFF_FFFFL : 0;
                }
                if (offset >= 0x20_0000 && offset < 0x20_0000 + 0x1000 * contexts) {
                    int ctx = (offset - 0x20_0000) / 0x1000;
                    int reg = offset - 0x20_0000 - 0x1000 * ctx;
                    if (reg == 0) {
                        return thr[ctx];
                    }
                    if (reg == 4) {
                        int id = best(ctx);
                        if (id != 0) {
                            pend[id] = false;
                            inService[id] = true;
                        }
                        return id;
                    }
                }
                return 0;
            }

            void store(int offset, long value) {
                long v = value & 0xFFFF_FFFFL;
                if (offset % 4 != 0) {
                    return;
                }
                if (offset < 96 * 4) {
                    prio[offset / 4] = (int) (v % 8);
                } else if (offset >= 0x2000 && offset < 0x2000 + 0x80 * contexts) {
                    int ctx = (offset - 0x2000) / 0x80;
                    int word = (offset - 0x2000 - 0x80 * ctx) / 4;
                    if (word < 3) {
                        for (int i = 0; i < 32; i++) {
                            enabled[ctx][32 * word + i] = (v >>> i & 1) != 0;
                        }
                    }
                } else if (offset >= 0x20_0000 && offset < 0x20_0000 + 0x1000 * contexts) {
                    int ctx = (offset - 0x20_0000) / 0x1000;
                    int reg = offset - 0x20_0000 - 0x1000 * ctx;
                    if (reg == 0) {
                        thr[ctx] = (int) (v % 8);
                    } else if (reg == 4 && v >= 1 && v < 96 && enabled[ctx][(int) v] && inService[(int) v]) {
                        inService[(int) v] = false;
                        pend[(int) v] = level[(int) v];
                    }
                }
            }

            PlicState state() {
                int[] en = new int[3 * contexts];
                for (int c = 0; c < contexts; c++) {
                    for (int w = 0; w < 3; w++) {
                        en[3 * c + w] = bits(enabled[c], w);
                    }
                }
                return new PlicState(prio, new int[] {bits(pend, 0), bits(pend, 1), bits(pend, 2)}, en, thr,
                        new int[] {bits(inService, 0), bits(inService, 1), bits(inService, 2)},
                        new int[] {bits(level, 0), bits(level, 1), bits(level, 2)});
            }
        }

        /** kind 0: line (offset = source id, value = level); 1: load; 2: store. */
        private record Op(int kind, int offset, long value) {
        }

        private static final int[] HOT = {1, 2, 5, 31, 32, 33, 63, 64, 94, 95};

        private int source(Random rnd) {
            return rnd.nextInt(10) < 8 ? HOT[rnd.nextInt(HOT.length)] : 1 + rnd.nextInt(95);
        }

        private long smallOrAny(Random rnd, int bound) {
            return switch (rnd.nextInt(5)) {
                case 0 -> rnd.nextLong();
                case 1 -> 0xFFFF_FFFFL;
                default -> rnd.nextInt(bound);
            };
        }

        private Op randomOp(Random rnd, Model m) {
            int contexts = m.contexts;
            int ctx = rnd.nextInt(16) == 0 ? contexts : rnd.nextInt(contexts); // sometimes one past the end
            int contextBase = Plic.CONTEXT_BASE + Plic.CONTEXT_STRIDE * ctx;
            return switch (rnd.nextInt(14)) {
                case 0, 1, 2, 3 -> new Op(0, source(rnd), rnd.nextBoolean() ? 1 : 0);
                case 4 -> new Op(2, 4 * (rnd.nextInt(12) == 0 ? rnd.nextInt(97) : source(rnd)), smallOrAny(rnd, 9));
                case 5 -> {
                    int word = rnd.nextInt(10) == 0 ? 3 : rnd.nextInt(3);
                    long value = 0;
                    for (int id : HOT) {
                        if (id / 32 == word && rnd.nextInt(3) != 0) {
                            value |= 1L << (id % 32);
                        }
                    }
                    if (rnd.nextInt(6) == 0) {
                        value = rnd.nextLong();
                    }
                    yield new Op(2, Plic.ENABLE_BASE + Plic.ENABLE_STRIDE * ctx + 4 * word, value);
                }
                case 6 -> new Op(2, contextBase + Plic.CONTEXT_THRESHOLD, rnd.nextInt(3) == 0 ? smallOrAny(rnd, 9)
                        : rnd.nextInt(3));
                case 7, 8 -> new Op(1, contextBase + Plic.CONTEXT_CLAIM, 0);
                case 9, 10 -> {
                    List<Integer> inService = new ArrayList<>();
                    for (int id = 1; id < 96; id++) {
                        if (m.inService[id]) {
                            inService.add(id);
                        }
                    }
                    long id = !inService.isEmpty() && rnd.nextInt(4) != 0
                            ? inService.get(rnd.nextInt(inService.size()))
                            : switch (rnd.nextInt(4)) {
                                case 0 -> 0;
                                case 1 -> 96 + rnd.nextInt(3);
                                case 2 -> rnd.nextLong();
                                default -> source(rnd);
                            };
                    yield new Op(2, contextBase + Plic.CONTEXT_CLAIM, id);
                }
                case 11 -> new Op(1, randomOffset(rnd, contexts), 0);
                case 12 -> new Op(2, randomOffset(rnd, contexts), smallOrAny(rnd, 8));
                default -> new Op(1, Plic.PENDING_BASE + 4 * rnd.nextInt(4), 0);
            };
        }

        private int randomOffset(Random rnd, int contexts) {
            int offset = switch (rnd.nextInt(6)) {
                case 0 -> rnd.nextInt(0x200);
                case 1 -> Plic.PENDING_BASE + rnd.nextInt(0x20);
                case 2 -> Plic.ENABLE_BASE + rnd.nextInt(Plic.ENABLE_STRIDE * (contexts + 1));
                case 3 -> Plic.CONTEXT_BASE + rnd.nextInt(Plic.CONTEXT_STRIDE * (contexts + 1));
                default -> rnd.nextInt(Plic.LENGTH);
            };
            return rnd.nextInt(8) == 0 ? Math.min(offset, Plic.LENGTH - 4) : Math.min(offset & ~3, Plic.LENGTH - 4);
        }

        private long apply(Plic plic, Op op) {
            switch (op.kind) {
                case 0 -> {
                    plic.source(op.offset).set(op.value != 0);
                    return -1;
                }
                case 1 -> {
                    return plic.load(op.offset, W);
                }
                default -> {
                    plic.store(op.offset, op.value, W);
                    return -2;
                }
            }
        }

        private long apply(Model m, Op op) {
            switch (op.kind) {
                case 0 -> {
                    m.line(op.offset, op.value != 0);
                    return -1;
                }
                case 1 -> {
                    return m.load(op.offset);
                }
                default -> {
                    m.store(op.offset, op.value);
                    return -2;
                }
            }
        }

        private List<Boolean> modelOutputs(Model m) {
            List<Boolean> levels = new ArrayList<>();
            for (int ctx = 0; ctx < m.contexts; ctx++) {
                levels.add(m.output(ctx));
            }
            return levels;
        }

        @Test
        void randomAccessesMatchTheModelAndARestoredForkReplaysIdentically() {
            for (long seed = 1; seed <= 4; seed++) {
                Random rnd = new Random(seed);
                int harts = 1 + rnd.nextInt(3);
                Model model = new Model(harts);
                Rig a = new Rig(harts);
                int steps = 6000;
                int forkAt = 1500 + rnd.nextInt(2000);
                int claims = 0;
                for (int i = 0; i < forkAt; i++) {
                    Op op = randomOp(rnd, model);
                    long expected = apply(model, op);
                    long actual = apply(a.plic, op);
                    assertThat(actual).as("seed %d step %d %s", seed, i, op).isEqualTo(expected);
                    assertThat(a.outputs()).as("seed %d step %d %s", seed, i, op).isEqualTo(modelOutputs(model));
                    assertThat(a.plic.save()).as("seed %d step %d %s", seed, i, op).isEqualTo(model.state());
                    if (op.kind == 1 && (op.offset & 0xFFF) == 4 && op.offset >= Plic.CONTEXT_BASE && actual != 0) {
                        claims++;
                    }
                }

                // Fork into a fresh instance that has been scribbled on first.
                Rig b = new Rig(harts);
                Random noise = new Random(~seed);
                for (int i = 0; i < 200; i++) {
                    apply(b.plic, randomOp(noise, new Model(harts)));
                }
                b.plic.restore(a.plic.save());
                b.plic.resyncInterrupts();
                assertThat(b.outputs()).isEqualTo(a.outputs());
                assertThat(b.plic.save()).isEqualTo(a.plic.save());

                for (int i = forkAt; i < steps; i++) {
                    Op op = randomOp(rnd, model);
                    long expected = apply(model, op);
                    long ra = apply(a.plic, op);
                    long rb = apply(b.plic, op);
                    assertThat(ra).as("seed %d step %d %s", seed, i, op).isEqualTo(expected);
                    assertThat(rb).as("seed %d step %d %s", seed, i, op).isEqualTo(ra);
                    assertThat(b.outputs()).as("seed %d step %d", seed, i).isEqualTo(a.outputs())
                            .isEqualTo(modelOutputs(model));
                }
                assertThat(b.plic.save()).isEqualTo(a.plic.save()).isEqualTo(model.state());
                assertThat(claims).as("seed %d exercised claims", seed).isGreaterThan(20);
            }
        }
    }
}
