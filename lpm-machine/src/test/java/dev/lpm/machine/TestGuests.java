package dev.lpm.machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Bare-metal guests kept as assembly under src/test/resources/guests, assembled on first use. */
public final class TestGuests {
    private static byte[] dirtier;

    private TestGuests() {
    }

    /**
     * The memory-rewriting guest (guests/dirtier.S): hart 0 rewrites 512 pages from 0x8020_0000 generation by
     * generation, checks no write was lost, and prints "HB counter" every 1024 generations.
     */
    public static synchronized byte[] dirtier() {
        if (dirtier == null) {
            dirtier = GuestAssembler.assemble(source("guests/dirtier.S"));
        }
        return dirtier.clone();
    }

    private static byte[] sweeper;

    /**
     * The wide, slow dirtier (guests/dirtier.S with SWEEP defined): sweeps 32 MiB from 0x8020_0000 a page at a time with a
     * pause between pages, checks no write was lost, prints "HB counter" every sweep.
     */
    public static synchronized byte[] sweeper() {
        if (sweeper == null) {
            sweeper = GuestAssembler.assemble(".equ SWEEP, 1\n" + source("guests/dirtier.S"));
        }
        return sweeper.clone();
    }

    /** Where the dirtier keeps its generation counter. */
    public static final long DIRTIER_COUNTER = 0x8010_0000L;

    private static String source(String resource) {
        try (InputStream in = TestGuests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
