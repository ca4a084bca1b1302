package dev.lpm.devices.clint;

import dev.lpm.devices.HostDeviceTimer;
import dev.lpm.devices.ManualTimer;
import dev.lpm.devices.RecordingLine;
import dev.lpm.devices.Waits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClintTest {

    private static final int W = 2; // sizeLog2 of a word
    private static final int D = 3; // sizeLog2 of a doubleword
    private static final long NS_PER_TICK = 100;

    /** A CLINT on a fake clock, with its lines. */
    static final class Rig {
        final ManualTimer timer;
        final RecordingLine[] msip;
        final RecordingLine[] mtip;
        final Clint clint;

        Rig(int harts) {
            this(harts, new ManualTimer());
        }

        Rig(int harts, ManualTimer timer) {
            this.timer = timer;
            msip = RecordingLine.array(harts);
            mtip = RecordingLine.array(harts);
            clint = new Clint(harts, msip, mtip, timer, timer::nanoTime);
        }

        long mtime() {
            return clint.load(Clint.MTIME, D);
        }

        void mtimecmp(int hart, long value) {
            clint.store(Clint.MTIMECMP_BASE + 8 * hart, value, D);
        }
    }

    @Nested
    class Registers {

        @Test
        void resetStateMatchesQemu() {
            Rig r = new Rig(2);
            assertThat(r.mtime()).isZero();
            assertThat(r.clint.load(Clint.MTIMECMP_BASE, D)).isZero();
            assertThat(r.clint.load(Clint.MSIP_BASE, W)).isZero();
            // mtimecmp = 0 <= mtime = 0, so MTIP is pending out of reset, as on QEMU.
            assertThat(r.mtip[0].level()).isTrue();
            assertThat(r.mtip[1].level()).isTrue();
            assertThat(r.msip[0].level()).isFalse();
            assertThat(r.timer.pending()).isZero();
            assertThat(r.clint.length()).isEqualTo(0x10000);
            assertThat(r.clint.supportedSizes()).isEqualTo(0b1100);
        }

        @Test
        void mtimeCountsAtTenMegahertzOfHostTime() {
            Rig r = new Rig(1);
            r.timer.advance(1_000_000); // 1 ms
            assertThat(r.mtime()).isEqualTo(10_000);
            r.timer.advance(99);
            assertThat(r.mtime()).isEqualTo(10_000);
            r.timer.advance(1);
            assertThat(r.mtime()).isEqualTo(10_001);
            assertThat(r.clint.timebase().now()).isEqualTo(10_001);
            assertThat(r.clint.mtime()).isEqualTo(10_001);
        }

        @Test
        void mtimeHalvesAreReadableAndWritable() {
            Rig r = new Rig(1);
            r.clint.store(Clint.MTIME, 0x1234_5678_9ABC_DEF0L, D);
            assertThat(r.mtime()).isEqualTo(0x1234_5678_9ABC_DEF0L);
            assertThat(r.clint.load(Clint.MTIME, W)).isEqualTo(0x9ABC_DEF0L);
            assertThat(r.clint.load(Clint.MTIME + 4, W)).isEqualTo(0x1234_5678L);
            assertThat(r.clint.load(Clint.MTIME + 4, D)).isEqualTo(0x1234_5678L);
            r.clint.store(Clint.MTIME, 0xFFFF_FFFF_0000_0001L, W); // low word only
            assertThat(r.mtime()).isEqualTo(0x1234_5678_0000_0001L);
            r.clint.store(Clint.MTIME + 4, 0xAAAA_AAAA_0000_00FFL, W); // high word only
            assertThat(r.mtime()).isEqualTo(0x0000_00FF_0000_0001L);
            r.clint.store(Clint.MTIME + 4, -1L, D); // 64-bit write to the high word: ignored
            assertThat(r.mtime()).isEqualTo(0x0000_00FF_0000_0001L);
            r.timer.advance(500);
            assertThat(r.mtime()).isEqualTo(0x0000_00FF_0000_0006L);
        }

        @Test
        void msipHoldsOnlyBitZeroAndDrivesTheLine() {
            Rig r = new Rig(3);
            r.clint.store(4, 0xFFFF_FFFFL, W);
            assertThat(r.clint.load(4, W)).isEqualTo(1);
            assertThat(r.msip[1].level()).isTrue();
            assertThat(r.msip[0].level()).isFalse();
            r.clint.store(4, 2, W);
            assertThat(r.clint.load(4, W)).isZero();
            assertThat(r.msip[1].level()).isFalse();
        }

        @Test
        void msipOfMissingHartsAndMisalignedWordsIsReadAsZeroWriteIgnored() {
            Rig r = new Rig(2);
            r.clint.store(8, 1, W); // hart 2 does not exist
            assertThat(r.clint.load(8, W)).isZero();
            r.clint.store(2, 1, W); // misaligned
            assertThat(r.clint.load(0, W)).isZero();
            assertThat(r.msip[0].level()).isFalse();
            assertThat(r.clint.load(0x3FFC, W)).isZero();
        }

        @Test
        void doublewordMsipAccessCoversTwoHarts() {
            Rig r = new Rig(2);
            r.clint.store(0, 1L << 32 | 1, D);
            assertThat(r.msip[0].level()).isTrue();
            assertThat(r.msip[1].level()).isTrue();
            assertThat(r.clint.load(0, D)).isEqualTo(1L << 32 | 1);
            r.clint.store(0, 1L << 32, D);
            assertThat(r.msip[0].level()).isFalse();
            assertThat(r.clint.load(0, D)).isEqualTo(1L << 32);
        }

        @Test
        void mtimecmpHalves() {
            Rig r = new Rig(2);
            int hart1 = Clint.MTIMECMP_BASE + 8;
            r.clint.store(hart1, 0x1111_2222_3333_4444L, D);
            assertThat(r.clint.load(hart1, W)).isEqualTo(0x3333_4444L);
            assertThat(r.clint.load(hart1 + 4, W)).isEqualTo(0x1111_2222L);
            assertThat(r.clint.load(hart1 + 4, D)).isEqualTo(0x1111_2222L);
            r.clint.store(hart1, 0xDEAD_BEEF_5555_6666L, W);
            assertThat(r.clint.load(hart1, D)).isEqualTo(0x1111_2222_5555_6666L);
            r.clint.store(hart1 + 4, 0x7777_8888L, W);
            assertThat(r.clint.load(hart1, D)).isEqualTo(0x7777_8888_5555_6666L);
            r.clint.store(hart1 + 4, 0, D); // 64-bit write at the high word: ignored, as QEMU
            assertThat(r.clint.load(hart1, D)).isEqualTo(0x7777_8888_5555_6666L);
            assertThat(r.clint.load(Clint.MTIMECMP_BASE, D)).isZero();
        }

        @Test
        void holesReadZeroAndIgnoreWrites() {
            Rig r = new Rig(1);
            for (int offset : new int[] {Clint.MTIMECMP_BASE + 8, 0x8000, 0xBFF0, 0xC000, 0xFFF8, 0xBFFA}) {
                r.clint.store(offset, -1L, W);
                assertThat(r.clint.load(offset, W)).as("0x%x", offset).isZero();
            }
            assertThat(r.clint.load(Clint.MTIMECMP_BASE, D)).isZero();
            assertThat(r.mtime()).isZero();
        }

        @Test
        void rejectsBadWiring() {
            ManualTimer t = new ManualTimer();
            assertThatThrownBy(() -> new Clint(0, RecordingLine.array(0), RecordingLine.array(0), t))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Clint(2, RecordingLine.array(2), RecordingLine.array(1), t))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Clint(4096, RecordingLine.array(4096), RecordingLine.array(4096), t))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void maximumHartCountReachesUpToMtime() {
            int harts = Clint.MAX_HARTS;
            Rig r = new Rig(harts);
            int last = Clint.MTIMECMP_BASE + 8 * (harts - 1);
            assertThat(last + 8).isEqualTo(Clint.MTIME);
            r.clint.store(last, 77, D);
            assertThat(r.clint.load(last, D)).isEqualTo(77);
            assertThat(r.mtime()).isZero();
            r.clint.store(4 * (harts - 1), 1, W);
            assertThat(r.msip[harts - 1].level()).isTrue();
        }
    }

    @Nested
    class Deadlines {

        @Test
        void futureCompareLowersMtipAndSchedulesTheDeadline() {
            Rig r = new Rig(1);
            r.timer.advance(10 * NS_PER_TICK);
            r.mtimecmp(0, 1000);
            assertThat(r.mtip[0].level()).isFalse();
            assertThat(r.timer.pending()).isEqualTo(1);
            assertThat(r.timer.lastDelay()).isEqualTo(990 * NS_PER_TICK);
            r.timer.advance(990 * NS_PER_TICK - 1);
            assertThat(r.mtip[0].level()).isFalse();
            r.timer.advance(1);
            assertThat(r.mtip[0].level()).isTrue();
            assertThat(r.mtime()).isEqualTo(1000);
            assertThat(r.timer.pending()).isZero();
        }

        @Test
        void pastCompareRaisesAtOnceWithoutADeadline() {
            Rig r = new Rig(1);
            r.timer.advance(5000 * NS_PER_TICK);
            r.mtimecmp(0, -1L);
            assertThat(r.mtip[0].level()).isFalse();
            r.mtimecmp(0, 4000);
            assertThat(r.mtip[0].level()).isTrue();
            assertThat(r.timer.pending()).isZero();
            r.mtimecmp(0, 5000); // equal counts as reached
            assertThat(r.mtip[0].level()).isTrue();
        }

        @Test
        void rewritingTheCompareCancelsTheOlderDeadline() {
            Rig r = new Rig(1);
            r.mtimecmp(0, 1000);
            r.mtimecmp(0, 3000);
            assertThat(r.timer.pending()).isEqualTo(1);
            r.timer.advance(1000 * NS_PER_TICK);
            assertThat(r.mtip[0].level()).isFalse();
            r.timer.advance(2000 * NS_PER_TICK);
            assertThat(r.mtip[0].level()).isTrue();
        }

        @Test
        void compareIsUnsignedAndFarDeadlinesAreNotArmed() {
            Rig r = new Rig(1);
            r.mtimecmp(0, -1L); // 2^64-1: never
            assertThat(r.mtip[0].level()).isFalse();
            assertThat(r.timer.pending()).isZero();
            r.mtimecmp(0, Long.MIN_VALUE); // 2^63 ticks ahead: also beyond any host delay
            assertThat(r.mtip[0].level()).isFalse();
            assertThat(r.timer.pending()).isZero();
            r.clint.store(Clint.MTIME, 0x8000_0000_0000_0005L, D);
            assertThat(r.mtip[0].level()).isTrue(); // mtime >= 2^63 unsigned
            r.mtimecmp(0, 0x8000_0000_0000_0010L);
            assertThat(r.mtip[0].level()).isFalse();
            assertThat(r.timer.lastDelay()).isEqualTo(11 * NS_PER_TICK);
        }

        @Test
        void aWrappingCounterLeavesMtipRaisedUntilTheNextWriteLikeQemu() {
            Rig r = new Rig(1);
            r.mtimecmp(0, -10L);
            r.clint.store(Clint.MTIME, -20L, D);
            assertThat(r.mtip[0].level()).isFalse();
            r.timer.advance(15 * NS_PER_TICK);
            assertThat(r.mtip[0].level()).isTrue();
            r.timer.advance(10 * NS_PER_TICK); // mtime wraps to 5
            assertThat(r.mtime()).isEqualTo(5);
            assertThat(r.mtip[0].level()).isTrue();
            r.mtimecmp(0, -10L);
            assertThat(r.mtip[0].level()).isFalse();
        }

        @Test
        void writingMtimeReevaluatesEveryHart() {
            Rig r = new Rig(2);
            r.mtimecmp(0, 100);
            r.mtimecmp(1, 200);
            assertThat(r.mtip[0].level()).isFalse();
            assertThat(r.mtip[1].level()).isFalse();
            r.clint.store(Clint.MTIME, 150, D);
            assertThat(r.mtip[0].level()).isTrue();
            assertThat(r.mtip[1].level()).isFalse();
            assertThat(r.timer.pending()).isEqualTo(1);
            r.clint.store(Clint.MTIME, 50, W);
            assertThat(r.mtip[0].level()).isFalse();
            assertThat(r.timer.pending()).isEqualTo(2);
            r.timer.advance(50 * NS_PER_TICK);
            assertThat(r.mtip[0].level()).isTrue();
            assertThat(r.mtip[1].level()).isFalse();
            r.timer.advance(100 * NS_PER_TICK);
            assertThat(r.mtip[1].level()).isTrue();
        }

        @Test
        void hartsHaveIndependentTimers() {
            Rig r = new Rig(3);
            r.mtimecmp(0, 300);
            r.mtimecmp(1, 100);
            r.mtimecmp(2, 200);
            r.timer.advance(150 * NS_PER_TICK);
            assertThat(new boolean[] {r.mtip[0].level(), r.mtip[1].level(), r.mtip[2].level()})
                    .containsExactly(false, true, false);
            r.timer.advance(100 * NS_PER_TICK);
            assertThat(new boolean[] {r.mtip[0].level(), r.mtip[1].level(), r.mtip[2].level()})
                    .containsExactly(false, true, true);
        }

        @Test
        void firesThroughARealHostTimer() {
            try (HostDeviceTimer timer = new HostDeviceTimer("clint-test-timer")) {
                RecordingLine[] mtip = RecordingLine.array(1);
                Clint clint = new Clint(1, RecordingLine.array(1), mtip, timer);
                long now = clint.mtime();
                clint.store(Clint.MTIMECMP_BASE, now + 20_000, D); // 2 ms ahead
                assertThat(Waits.await(mtip[0]::level, Duration.ofSeconds(20))).isTrue();
                assertThat(Long.compareUnsigned(clint.mtime(), now + 20_000)).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Nested
    class Pause {

        @Test
        void pausedClockStandsStillAndDeadlinesWaitForResume() {
            Rig r = new Rig(1);
            r.timer.advance(100 * NS_PER_TICK);
            r.mtimecmp(0, 300);
            r.clint.pauseClock();
            assertThat(r.clint.clockRunning()).isFalse();
            assertThat(r.timer.pending()).isZero();
            r.timer.advance(1_000_000 * NS_PER_TICK);
            assertThat(r.mtime()).isEqualTo(100);
            assertThat(r.clint.timebase().now()).isEqualTo(100);
            assertThat(r.mtip[0].level()).isFalse();
            r.clint.pauseClock(); // idempotent
            r.clint.resumeClock();
            assertThat(r.clint.clockRunning()).isTrue();
            assertThat(r.mtime()).isEqualTo(100);
            assertThat(r.timer.pending()).isEqualTo(1);
            r.timer.advance(199 * NS_PER_TICK);
            assertThat(r.mtip[0].level()).isFalse();
            r.timer.advance(NS_PER_TICK);
            assertThat(r.mtip[0].level()).isTrue();
        }

        @Test
        void writesWhilePausedTakeEffectOnResume() {
            Rig r = new Rig(1);
            r.clint.pauseClock();
            r.clint.store(Clint.MTIME, 1000, D);
            r.mtimecmp(0, 1010);
            assertThat(r.timer.pending()).isZero();
            r.timer.advance(1_000_000);
            assertThat(r.mtime()).isEqualTo(1000);
            r.clint.resumeClock();
            r.timer.advance(10 * NS_PER_TICK);
            assertThat(r.mtip[0].level()).isTrue();
        }

        @Test
        void resetZeroesMtimeAndMsipButKeepsCompare() {
            Rig r = new Rig(1);
            r.timer.advance(1000 * NS_PER_TICK);
            r.mtimecmp(0, 500);
            r.clint.store(0, 1, W);
            r.clint.reset();
            assertThat(r.mtime()).isZero();
            assertThat(r.msip[0].level()).isFalse();
            assertThat(r.clint.load(Clint.MTIMECMP_BASE, D)).isEqualTo(500);
            assertThat(r.mtip[0].level()).isFalse();
            assertThat(r.timer.pending()).isEqualTo(1);
        }
    }

    @Nested
    class SaveRestore {

        @Test
        void stateIsImmutable() {
            long[] cmp = {1, 2};
            boolean[] sip = {true, false};
            ClintState s = new ClintState(5, cmp, sip);
            cmp[0] = 99;
            sip[0] = false;
            s.mtimecmp()[1] = 99;
            s.msip()[1] = true;
            assertThat(s.mtimecmp()).containsExactly(1, 2);
            assertThat(s.msip()).containsExactly(true, false);
            assertThat(s).isEqualTo(new ClintState(5, new long[] {1, 2}, new boolean[] {true, false}));
            assertThat(s.hashCode()).isEqualTo(new ClintState(5, new long[] {1, 2}, new boolean[] {true, false}).hashCode());
            assertThatThrownBy(() -> new ClintState(0, new long[2], new boolean[1]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ClintState(0, new long[0], new boolean[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void roundTripIntoAFreshInstanceWithPendingInterrupts() {
            Rig a = new Rig(2);
            a.timer.advance(1000 * NS_PER_TICK);
            a.mtimecmp(0, 500); // MTIP pending on hart 0
            a.mtimecmp(1, 1500); // hart 1: deadline 500 ticks ahead
            a.clint.store(4, 1, W); // MSIP pending on hart 1
            ClintState saved = a.clint.save();
            assertThat(saved).isEqualTo(new ClintState(1000, new long[] {500, 1500}, new boolean[] {false, true}));

            Rig b = new Rig(2, new ManualTimer(77_000_000_000L));
            b.mtimecmp(0, -1L);
            b.mtimecmp(1, -1L);
            int setsBefore = b.msip[1].sets() + b.mtip[0].sets();
            b.clint.restore(saved);
            // restore touches no line and arms nothing
            assertThat(b.msip[1].sets() + b.mtip[0].sets()).isEqualTo(setsBefore);
            assertThat(b.timer.pending()).isZero();
            b.clint.resyncInterrupts();
            assertThat(b.mtip[0].level()).isTrue();
            assertThat(b.mtip[1].level()).isFalse();
            assertThat(b.msip[1].level()).isTrue();
            assertThat(b.msip[0].level()).isFalse();
            assertThat(b.clint.save()).isEqualTo(saved);
            b.timer.advance(500 * NS_PER_TICK);
            assertThat(b.mtip[1].level()).isTrue();
        }

        @Test
        void restoreCancelsTheOldDeadlines() {
            Rig r = new Rig(1);
            r.mtimecmp(0, 100);
            r.clint.restore(new ClintState(0, new long[] {-1L}, new boolean[] {false}));
            assertThat(r.timer.pending()).isZero();
            r.clint.resyncInterrupts();
            r.timer.advance(1000 * NS_PER_TICK);
            assertThat(r.mtip[0].level()).isFalse();
        }

        @Test
        void restoreRejectsAnotherHartCount() {
            Rig r = new Rig(2);
            assertThatThrownBy(() -> r.clint.restore(new ClintState(0, new long[1], new boolean[1])))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void guestTimeContinuesFromTheSavedValueOnAFakeClock() {
            Rig a = new Rig(1);
            a.timer.advance(123_456 * NS_PER_TICK);
            ClintState saved = a.clint.save();
            Rig b = new Rig(1, new ManualTimer(5));
            b.timer.advance(999_999_999);
            b.clint.restore(saved);
            assertThat(b.mtime()).isEqualTo(123_456);
            b.timer.advance(NS_PER_TICK);
            assertThat(b.mtime()).isEqualTo(123_457);
        }

        @Test
        void restoreIntoAPausedClintKeepsItPausedAtTheSavedTime() {
            Rig a = new Rig(1);
            a.timer.advance(42 * NS_PER_TICK);
            ClintState saved = a.clint.save();
            Rig b = new Rig(1);
            b.clint.pauseClock();
            b.clint.restore(saved);
            b.clint.resyncInterrupts();
            b.timer.advance(1_000_000);
            assertThat(b.mtime()).isEqualTo(42);
            b.clint.resumeClock();
            b.timer.advance(NS_PER_TICK);
            assertThat(b.mtime()).isEqualTo(43);
        }

        @Test
        void guestTimeDoesNotJumpAcrossSaveSleepRestoreOnTheHostClock() throws InterruptedException {
            HostDeviceTimer timer = new HostDeviceTimer("clint-continuity");
            try (timer) {
                Clint a = new Clint(1, RecordingLine.array(1), RecordingLine.array(1), timer);
                Thread.sleep(5);
                a.pauseClock();
                ClintState saved = a.save();
                Thread.sleep(30); // the machine is "away"

                Clint paused = new Clint(1, RecordingLine.array(1), RecordingLine.array(1), timer);
                paused.pauseClock();
                paused.restore(saved);
                Thread.sleep(5);
                assertThat(paused.mtime()).isEqualTo(saved.mtime());

                Clint running = new Clint(1, RecordingLine.array(1), RecordingLine.array(1), timer);
                long before = System.nanoTime();
                running.restore(saved);
                long value = running.mtime();
                long elapsedTicks = (System.nanoTime() - before) / NS_PER_TICK + 1;
                assertThat(value).isBetween(saved.mtime(), saved.mtime() + elapsedTicks);
            }
        }

        @Test
        void timebaseIsMonotonicAcrossPauseAndResume() {
            Clint c = new Clint(1, RecordingLine.array(1), RecordingLine.array(1), new ManualTimer());
            long last = c.timebase().now();
            for (int i = 0; i < 200; i++) {
                if (i % 50 == 10) {
                    c.pauseClock();
                } else if (i % 50 == 20) {
                    c.resumeClock();
                }
                long now = c.timebase().now();
                assertThat(now).isGreaterThanOrEqualTo(last);
                last = now;
            }
        }
    }

    @Nested
    class Fuzz {

        private record Op(int kind, int offset, int sizeLog2, long value) {
        }

        private Op randomOp(Random rnd, int harts) {
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                return new Op(0, 0, 0, rnd.nextInt(4) == 0 ? rnd.nextInt(100_000) : rnd.nextInt(3000) * NS_PER_TICK);
            }
            if (kind == 1) {
                return new Op(1, 0, 0, 0); // pause / resume toggle
            }
            int sizeLog2 = rnd.nextBoolean() ? W : D;
            int offset = switch (rnd.nextInt(6)) {
                case 0 -> rnd.nextInt(harts + 1) * 4 + (rnd.nextInt(8) == 0 ? 2 : 0);
                case 1, 2 -> Clint.MTIMECMP_BASE + rnd.nextInt(harts + 1) * 8 + (rnd.nextBoolean() ? 4 : 0);
                case 3 -> Clint.MTIME + (rnd.nextBoolean() ? 4 : 0);
                default -> rnd.nextInt(Clint.LENGTH / 4) * 4;
            };
            if (sizeLog2 == D && offset + 8 > Clint.LENGTH) {
                sizeLog2 = W;
            }
            long value = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextLong();
                case 1 -> rnd.nextInt(5000);
                case 2 -> -1L;
                default -> rnd.nextInt(2);
            };
            // relative compare values keep deadlines reachable
            if (offset >= Clint.MTIMECMP_BASE && offset < Clint.MTIME && rnd.nextBoolean()) {
                value = rnd.nextInt(20_000);
            }
            // Keep mtime well away from 2^64: a counter that wraps leaves MTIP raised (on QEMU too) until the next
            // write, which would break the invariant below; wrapping is covered by its own test.
            if (offset == Clint.MTIME && sizeLog2 == D && value >>> 40 == 0xFF_FFFFL) {
                value ^= 1L << 62;
            } else if (offset == Clint.MTIME + 4 && (value & 0xFF00_0000L) == 0xFF00_0000L) {
                value ^= 1L << 30;
            }
            return new Op(rnd.nextBoolean() ? 2 : 3, offset, sizeLog2, value);
        }

        /** Applies {@code op}; returns what a load returned (or a marker). */
        private long apply(Rig r, Op op) {
            switch (op.kind) {
                case 0 -> {
                    r.timer.advance(op.value);
                    return -2;
                }
                case 1 -> {
                    if (r.clint.clockRunning()) {
                        r.clint.pauseClock();
                    } else {
                        r.clint.resumeClock();
                    }
                    return -3;
                }
                case 2 -> {
                    return r.clint.load(op.offset, op.sizeLog2);
                }
                default -> {
                    r.clint.store(op.offset, op.value, op.sizeLog2);
                    return -4;
                }
            }
        }

        private void checkInvariants(Rig r, int harts) {
            ClintState s = r.clint.save();
            long now = r.clint.mtime();
            assertThat(now).isEqualTo(s.mtime());
            for (int h = 0; h < harts; h++) {
                boolean due = Long.compareUnsigned(now, s.mtimecmp()[h]) >= 0;
                assertThat(r.mtip[h].level()).as("MTIP of hart %d", h).isEqualTo(due);
                assertThat(r.msip[h].level()).as("MSIP of hart %d", h).isEqualTo(s.msip()[h]);
                assertThat(r.clint.load(4 * h, W)).isEqualTo(s.msip()[h] ? 1 : 0);
            }
            assertThat(r.timer.pending()).isLessThanOrEqualTo(harts);
        }

        private List<Boolean> levels(Rig r) {
            List<Boolean> out = new ArrayList<>();
            for (int h = 0; h < r.mtip.length; h++) {
                out.add(r.mtip[h].level());
                out.add(r.msip[h].level());
            }
            return out;
        }

        @Test
        void randomAccessesKeepInvariantsAndSnapshotsReplayIdentically() {
            for (long seed = 1; seed <= 4; seed++) {
                Random rnd = new Random(seed);
                int harts = 1 + rnd.nextInt(4);
                Rig a = new Rig(harts);
                int steps = 5000;
                int forkAt = 1000 + rnd.nextInt(2000);
                for (int i = 0; i < forkAt; i++) {
                    apply(a, randomOp(rnd, harts));
                    checkInvariants(a, harts);
                }
                // Fork: restore into a fresh instance whose host clock reads something else entirely.
                Rig b = new Rig(harts, new ManualTimer(a.timer.nanoTime() * 3 + 12345));
                if (!a.clint.clockRunning()) {
                    b.clint.pauseClock();
                }
                b.clint.restore(a.clint.save());
                b.clint.resyncInterrupts();
                assertThat(levels(b)).isEqualTo(levels(a));
                for (int i = forkAt; i < steps; i++) {
                    Op op = randomOp(rnd, harts);
                    long ra = apply(a, op);
                    long rb = apply(b, op);
                    assertThat(rb).as("seed %d step %d %s", seed, i, op).isEqualTo(ra);
                    assertThat(levels(b)).as("seed %d step %d", seed, i).isEqualTo(levels(a));
                    checkInvariants(a, harts);
                }
                assertThat(b.clint.save()).isEqualTo(a.clint.save());
            }
        }
    }
}
