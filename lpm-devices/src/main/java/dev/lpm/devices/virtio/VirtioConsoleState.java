package dev.lpm.devices.virtio;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A virtio console's state: host input received but not yet copied into a receive buffer, oldest first.
 * The array is copied on the way in and out.
 *
 * @param hostInput queued input (at most {@link VirtioConsole#HOST_INPUT_CAPACITY} bytes)
 */
public record VirtioConsoleState(byte[] hostInput) implements VirtioDeviceState {

    public VirtioConsoleState {
        if (hostInput.length > VirtioConsole.HOST_INPUT_CAPACITY) {
            throw new IllegalArgumentException("host input holds " + hostInput.length + " bytes");
        }
        hostInput = hostInput.clone();
    }

    @Override
    public byte[] hostInput() {
        return hostInput.clone();
    }

    @Override
    public int deviceId() {
        return Virtio.ID_CONSOLE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtioConsoleState s && Arrays.equals(hostInput, s.hostInput);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hostInput);
    }

    @Override
    public String toString() {
        return "VirtioConsoleState[hostInput=" + HexFormat.of().formatHex(hostInput, 0, Math.min(hostInput.length, 64))
                + (hostInput.length > 64 ? "... (" + hostInput.length + " bytes)" : "") + "]";
    }
}
