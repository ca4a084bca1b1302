package dev.lpm.cpu.fp;

/**
 * Accumulates IEEE 754 exception flags raised by {@link SoftFloat} operations, encoded exactly like the
 * RISC-V {@code fflags} CSR: operations only ever OR bits into {@link #value}, never clear them.
 */
public final class FpFlags {
    /** Inexact. */
    public static final int NX = 1;
    /** Underflow (tiny after rounding and inexact). */
    public static final int UF = 2;
    /** Overflow. */
    public static final int OF = 4;
    /** Divide by zero. */
    public static final int DZ = 8;
    /** Invalid operation. */
    public static final int NV = 16;

    /** The accumulated flag bits (a subset of {@code NX|UF|OF|DZ|NV}). */
    public int value;

    public FpFlags() {
    }

    public FpFlags(int value) {
        this.value = value;
    }

    /** Returns the accumulated bits and clears them. */
    public int take() {
        int v = value;
        value = 0;
        return v;
    }

    @Override
    public String toString() {
        return toString(value);
    }

    /** Renders flag bits like {@code "NV|NX"}, or {@code "-"} for none. */
    public static String toString(int flags) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"NX", "UF", "OF", "DZ", "NV"};
        for (int i = names.length - 1; i >= 0; i--) {
            if ((flags & (1 << i)) != 0) {
                if (!sb.isEmpty()) {
                    sb.append('|');
                }
                sb.append(names[i]);
            }
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }
}
