package dev.lpm.host;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Set;

/**
 * What a partition is made of, stored under its host's data directory and carried in a migration's HELLO:
 * the target builds an identical machine from it.
 *
 * @param memoryMiB  guest RAM in MiB (16 to 16384)
 * @param firmware   raw firmware loaded at the start of RAM (OpenSBI's fw_jump.bin, or a bare-metal program)
 * @param kernel     RISC-V Linux Image, or null for a bare-metal partition
 * @param initrd     initramfs, or null
 * @param append     kernel command line
 * @param disks      raw disk images on storage every host of the partition reaches
 * @param networks   virtual NICs: a TAP interface (on a bridge) and the MAC the guest sees
 * @param compat     processor compatibility mode; a host takes only partitions whose mode it supports
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(String name, int memoryMiB, int harts, String firmware, String kernel, String initrd,
                      String append, List<String> disks, List<Nic> networks, String compat) {
    /** The RV64GC machine of lpm's first release (the board and extensions of this version). */
    public static final String COMPAT_RV64GC_1 = "rv64gc-virt-1";
    public static final Set<String> SUPPORTED_COMPAT = Set.of(COMPAT_RV64GC_1);

    public record Nic(String tap, String mac) {
    }

    public Profile {
        disks = disks == null ? List.of() : List.copyOf(disks);
        networks = networks == null ? List.of() : List.copyOf(networks);
        compat = compat == null ? COMPAT_RV64GC_1 : compat;
        harts = harts == 0 ? 1 : harts;
    }

    /** Checks the profile's own consistency (not whether this host can run it). */
    public void validate() {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("partition name '" + name + "': use 1-64 letters, digits, '.', '_' or '-'");
        }
        if (memoryMiB < 16 || memoryMiB > 16384) {
            throw new IllegalArgumentException("partition " + name + ": memory " + memoryMiB + " MiB is outside 16..16384");
        }
        if (harts < 1 || harts > dev.lpm.machine.MachineConfig.MAX_HARTS) {
            throw new IllegalArgumentException("partition " + name + ": " + harts + " harts (1.."
                    + dev.lpm.machine.MachineConfig.MAX_HARTS + ")");
        }
        if (firmware == null) {
            throw new IllegalArgumentException("partition " + name + " has no firmware");
        }
        if (kernel == null && (initrd != null || !disks.isEmpty() || !networks.isEmpty() || append != null)) {
            throw new IllegalArgumentException("partition " + name + ": an initrd, disks, networks and a command line"
                    + " need a kernel");
        }
        if (!SUPPORTED_COMPAT.contains(compat)) {
            throw new IllegalArgumentException("partition " + name + ": compatibility mode '" + compat
                    + "' is not one this lpm supports " + SUPPORTED_COMPAT);
        }
    }

    public long ramBytes() {
        return (long) memoryMiB << 20;
    }
}
