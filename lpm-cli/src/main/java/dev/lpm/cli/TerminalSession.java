package dev.lpm.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * The console's host side. On a terminal it switches it to raw mode (so keys reach the guest as typed, as
 * QEMU's -nographic does), restores it on close or exit, and watches for Ctrl-A X, which stops the
 * partition; Ctrl-A Ctrl-A sends one Ctrl-A. Without a terminal the input passes through untouched.
 */
final class TerminalSession implements AutoCloseable {
    private static final int CTRL_A = 1;
    private final String savedMode;
    private final InputStream input;
    private volatile Runnable onQuit = () -> { };

    private TerminalSession(String savedMode) {
        this.savedMode = savedMode;
        this.input = savedMode == null ? System.in : new EscapeFilter(System.in);
        if (savedMode != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::restore));
        }
    }

    static TerminalSession open() {
        if (System.console() == null || !System.console().isTerminal()) {
            return new TerminalSession(null);
        }
        String saved = stty("-g");
        if (saved == null || stty("raw", "-echo") == null) {
            return new TerminalSession(null);
        }
        return new TerminalSession(saved.strip());
    }

    InputStream input() {
        return input;
    }

    void onQuit(Runnable action) {
        this.onQuit = action;
    }

    private void restore() {
        if (savedMode != null) {
            stty(savedMode);
        }
    }

    @Override
    public void close() {
        restore();
    }

    /** Runs stty on the controlling terminal; null when that fails. */
    private static String stty(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Passes bytes through, turning Ctrl-A X into a quit and Ctrl-A Ctrl-A into one Ctrl-A. */
    private final class EscapeFilter extends FilterInputStream {
        private boolean escape;

        EscapeFilter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            while (true) {
                int b = super.read();
                if (b < 0) {
                    return b;
                }
                if (escape) {
                    escape = false;
                    if (b == 'x' || b == 'X') {
                        onQuit.run();
                        continue;
                    }
                    return b; // Ctrl-A Ctrl-A, or Ctrl-A followed by any other key: pass that key
                }
                if (b == CTRL_A) {
                    escape = true;
                    continue;
                }
                return b;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int b = read();
            if (b < 0) {
                return -1;
            }
            buffer[offset] = (byte) b;
            return 1;
        }
    }
}
