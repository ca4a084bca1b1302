package dev.lpm.api;

/** The platform's real-time counter ({@code mtime}, the RISC-V {@code time} CSR), in ticks. */
@FunctionalInterface
public interface Timebase {

    long now();
}
