package dev.lpm.devices.clint;

import java.util.Arrays;

/**
 * The CLINT's architectural state: the guest's {@code mtime} at the moment of the save, and each hart's
 * {@code mtimecmp} and {@code msip}. Nothing here is host time: restoring it makes guest time continue from
 * {@link #mtime()} whenever (and wherever) the restore happens.
 *
 * <p>The arrays are copied on the way in and on the way out, so an instance is immutable. {@code mtime} and
 * {@code mtimecmp} are unsigned 64-bit values held in {@code long}s.
 *
 * @param mtime    the real-time counter when the state was saved
 * @param mtimecmp per-hart timer compare values (length = number of harts)
 * @param msip     per-hart machine software interrupt pending bits (same length)
 */
public record ClintState(long mtime, long[] mtimecmp, boolean[] msip) {

    public ClintState {
        if (mtimecmp.length != msip.length) {
            throw new IllegalArgumentException(
                    "mtimecmp has " + mtimecmp.length + " harts but msip has " + msip.length);
        }
        if (mtimecmp.length < 1 || mtimecmp.length > Clint.MAX_HARTS) {
            throw new IllegalArgumentException("hart count " + mtimecmp.length + " outside 1.." + Clint.MAX_HARTS);
        }
        mtimecmp = mtimecmp.clone();
        msip = msip.clone();
    }

    /** A copy of the per-hart compare values. */
    @Override
    public long[] mtimecmp() {
        return mtimecmp.clone();
    }

    /** A copy of the per-hart software interrupt bits. */
    @Override
    public boolean[] msip() {
        return msip.clone();
    }

    public int harts() {
        return mtimecmp.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClintState other
                && mtime == other.mtime
                && Arrays.equals(mtimecmp, other.mtimecmp)
                && Arrays.equals(msip, other.msip);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(mtime) * 31 * 31 + Arrays.hashCode(mtimecmp) * 31 + Arrays.hashCode(msip);
    }

    @Override
    public String toString() {
        return "ClintState[mtime=" + Long.toUnsignedString(mtime)
                + ", mtimecmp=" + Arrays.toString(mtimecmp) + ", msip=" + Arrays.toString(msip) + "]";
    }
}
