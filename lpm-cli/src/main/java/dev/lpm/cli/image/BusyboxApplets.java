package dev.lpm.cli.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The applet names a busybox binary provides, read from the binary itself (it cannot run on this host: it is
 * a RISC-V program). Busybox keeps them as one sorted, NUL-separated string that starts with the applets
 * {@code [} and {@code [[} and ends with an empty name; this finds that string.
 */
public final class BusyboxApplets {
    private static final byte[] START = "[\0[[\0".getBytes(StandardCharsets.US_ASCII);

    private BusyboxApplets() {
    }

    public static List<String> names(byte[] busybox) {
        for (int at = indexOf(busybox, START, 0); at >= 0; at = indexOf(busybox, START, at + 1)) {
            List<String> names = read(busybox, at);
            if (names.size() >= 10 && names.contains("sh") && isSorted(names)) {
                return names;
            }
        }
        throw new ImageBuildException("cannot find the applet list in the busybox binary");
    }

    private static List<String> read(byte[] b, int at) {
        List<String> out = new ArrayList<>();
        int i = at;
        while (i < b.length) {
            int end = i;
            while (end < b.length && b[end] != 0) {
                if (b[end] < 0x21 || b[end] > 0x7e) {
                    return out; // not a name: the list ended without its empty terminator
                }
                end++;
            }
            if (end == i) {
                break;
            }
            out.add(new String(b, i, end - i, StandardCharsets.US_ASCII));
            i = end + 1;
        }
        return out;
    }

    private static boolean isSorted(List<String> names) {
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i - 1).compareTo(names.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
