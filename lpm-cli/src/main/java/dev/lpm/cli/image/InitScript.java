package dev.lpm.cli.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The image's {@code /init}: the template {@code init.sh} (a busybox sh script, next to this class) with the
 * kernel version, the modules to load in order, and the built-in drivers filled in.
 */
public final class InitScript {
    private InitScript() {
    }

    /** The template as shipped, placeholders and all (part of the image cache key). */
    public static String template() {
        try (InputStream in = InitScript.class.getResourceAsStream("init.sh")) {
            if (in == null) {
                throw new IllegalStateException("init.sh template missing from the lpm jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The script for a kernel: {@code modules} are loaded with insmod from
     * {@code /lib/modules/KERNEL_VERSION/NAME.ko} in the given order; {@code builtin} only appears in a comment.
     */
    public static String generate(String kernelVersion, List<String> modules, List<String> builtin) {
        for (String m : modules) {
            if (!m.matches("[A-Za-z0-9_]+")) {
                throw new IllegalArgumentException("bad module name '" + m + "'");
            }
        }
        if (!kernelVersion.matches("[A-Za-z0-9._+~-]+")) {
            throw new IllegalArgumentException("bad kernel version '" + kernelVersion + "'");
        }
        return template()
                .replace("@KERNEL_VERSION@", kernelVersion)
                .replace("@MODULES@", modules.isEmpty() ? "" : String.join(" ", modules))
                .replace("@BUILTIN@", builtin.isEmpty() ? "none of those wanted" : String.join(" ", builtin));
    }
}
