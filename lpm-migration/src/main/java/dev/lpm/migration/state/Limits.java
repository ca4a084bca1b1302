package dev.lpm.migration.state;

import dev.lpm.cpu.mmu.Pmp;
import dev.lpm.devices.plic.Plic;
import dev.lpm.devices.uart.Uart16550;
import dev.lpm.devices.virtio.VirtioConsole;
import dev.lpm.devices.virtio.VirtioNet;
import dev.lpm.machine.MachineConfig;
import dev.lpm.machine.VirtBoard;

/**
 * The largest counts and lengths the format carries. The reader checks every count against these before it
 * allocates anything, so a hostile length costs an error message, never memory.
 */
final class Limits {
    private Limits() {
    }

    static final int HARTS = MachineConfig.MAX_HARTS;
    static final int VIRTIO_DEVICES = VirtBoard.VIRTIO_SLOTS;
    static final int QUEUES_PER_DEVICE = 8;
    static final int BOOTARGS_BYTES = 4096;
    static final int REGISTERS = 32;
    static final int PMP_ENTRIES = Pmp.ENTRIES;
    static final int PLIC_SOURCES = Plic.NUM_SOURCES;
    static final int PLIC_WORDS = Plic.WORDS;
    static final int PLIC_CONTEXTS = 2 * HARTS;
    static final int UART_FIFO_BYTES = Uart16550.FIFO_SIZE;
    static final int UART_HOST_INPUT_BYTES = Uart16550.HOST_INPUT_CAPACITY;
    static final int CONSOLE_HOST_INPUT_BYTES = VirtioConsole.HOST_INPUT_CAPACITY;
    static final int NET_PENDING_FRAMES = VirtioNet.RX_QUEUE_CAPACITY;
    /** 64 KiB of payload plus an Ethernet header and a VLAN tag: more than any MTU the NIC offers. */
    static final int NET_FRAME_BYTES = 65550;
    /** machine, the harts, clint, plic, uart0, and per virtio device its transport, queues and device. */
    static final int SECTIONS = 1 + HARTS + 3 + VIRTIO_DEVICES * (2 + QUEUES_PER_DEVICE);
    static final int ID_BYTES = 64;
}
