package dev.lpm.migration.state;

import dev.lpm.devices.net.LoopbackBackend;
import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.uart.BufferSerial;
import dev.lpm.devices.virtio.BlockBackend;
import dev.lpm.devices.virtio.VirtioBlock;
import dev.lpm.devices.virtio.VirtioConsole;
import dev.lpm.devices.virtio.VirtioNet;
import dev.lpm.devices.virtio.VirtioRng;
import dev.lpm.machine.Machine;
import dev.lpm.machine.MachineConfig;
import dev.lpm.machine.MachineConfig.Execution;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A two-hart machine with a NIC (slot 0), a disk, an entropy source and a virtio console, built the same
 * way every time so that a state saved from one can be restored into another.
 */
final class RealMachine implements AutoCloseable {
    static final MachineConfig CONFIG = new MachineConfig(16L << 20, 2, "console=ttyS0", Execution.INTERPRET);
    static final MacAddress MAC = new MacAddress(0x5254_00AB_CDEFL);

    final Machine machine;
    final BufferSerial uartLine = new BufferSerial();
    final BufferSerial consoleLine = new BufferSerial();
    final LoopbackBackend.Pair cable = LoopbackBackend.pair();
    final VirtioNet nic;

    RealMachine() {
        machine = new Machine(CONFIG, uartLine);
        nic = new VirtioNet(MAC, cable.a());
        machine.attach(nic);
        machine.attach(new VirtioBlock(new MemoryDisk(1 << 20)));
        machine.attach(new VirtioRng());
        machine.attach(new VirtioConsole(consoleLine));
    }

    /**
     * Firmware run by both harts: starts driving the NIC's transport (status ACKNOWLEDGE | DRIVER, queue 1
     * selected and sized), sets mscratch and t2, then sleeps in WFI (mie is 0, so nothing wakes it).
     */
    static byte[] firmware() {
        int t0 = 5;
        int t1 = 6;
        int t2 = 7;
        int[] code = {
            lui(t0, 0x10001),         // the NIC's virtio-mmio window
            addi(t1, 0, 3),
            sw(t1, t0, 0x70),         // Status
            addi(t1, 0, 1),
            sw(t1, t0, 0x30),         // QueueSel
            addi(t1, 0, 64),
            sw(t1, t0, 0x38),         // QueueNum
            lui(t1, 0x5A5A5),
            csrrw(0, 0x340, t1),      // mscratch
            addi(t2, 0, 0x77),
            0x1050_0073,              // wfi
            0xFFDF_F06F,              // j .-4
        };
        ByteBuffer b = ByteBuffer.allocate(code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int insn : code) {
            b.putInt(insn);
        }
        return b.array();
    }

    private static int lui(int rd, int imm20) {
        return imm20 << 12 | rd << 7 | 0x37;
    }

    private static int addi(int rd, int rs1, int imm) {
        return (imm & 0xFFF) << 20 | rs1 << 15 | rd << 7 | 0x13;
    }

    private static int sw(int rs2, int rs1, int offset) {
        return (offset >> 5 & 0x7F) << 25 | rs2 << 20 | rs1 << 15 | 2 << 12 | (offset & 0x1F) << 7 | 0x23;
    }

    private static int csrrw(int rd, int csr, int rs1) {
        return csr << 20 | rs1 << 15 | 1 << 12 | rd << 7 | 0x73;
    }

    @Override
    public void close() {
        machine.close();
        cable.close();
    }

    /** A disk in a byte array. */
    private static final class MemoryDisk implements BlockBackend {
        private final byte[] data;

        MemoryDisk(int size) {
            data = new byte[size];
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public boolean readOnly() {
            return false;
        }

        @Override
        public void read(long position, ByteBuffer destination) {
            destination.put(data, (int) position, destination.remaining());
        }

        @Override
        public void write(long position, ByteBuffer source) {
            source.get(data, (int) position, source.remaining());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
