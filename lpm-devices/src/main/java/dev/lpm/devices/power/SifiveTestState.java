package dev.lpm.devices.power;

/** The SiFive test device has no state; this empty record lets a machine treat every device alike. */
public record SifiveTestState() {
}
