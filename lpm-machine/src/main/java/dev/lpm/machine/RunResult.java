package dev.lpm.machine;

/**
 * How a run of a partition ended.
 *
 * @param exitCode the code the guest powered off with (test device 0x5555 gives 0, 0x3333 | code << 16
 *                 gives code); -1 when it did not power off
 * @param console  every byte the guest wrote to its console
 * @param timedOut true when the run was stopped from outside before the guest powered off
 */
public record RunResult(int exitCode, byte[] console, boolean timedOut) {
    public String consoleText() {
        return new String(console, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
