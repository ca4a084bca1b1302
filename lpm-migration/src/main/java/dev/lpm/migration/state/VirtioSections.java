package dev.lpm.migration.state;

import dev.lpm.devices.net.MacAddress;
import dev.lpm.devices.virtio.VirtioBlockState;
import dev.lpm.devices.virtio.VirtioConsoleState;
import dev.lpm.devices.virtio.VirtioDeviceState;
import dev.lpm.devices.virtio.VirtioMmioState;
import dev.lpm.devices.virtio.VirtioNetState;
import dev.lpm.devices.virtio.VirtioRngState;
import dev.lpm.devices.virtio.VirtqueueState;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sections "virtio/N/transport" (registers and queue count), "virtio/N/queue/K" (one per queue) and
 * "virtio/N/device" (a kind tag, block/net/console/rng, then that device's fields).
 */
final class VirtioSections {
    private VirtioSections() {
    }

    static final int TRANSPORT_VERSION = 1;
    static final int QUEUE_VERSION = 1;
    static final int DEVICE_VERSION = 1;
    private static final int KIND_BYTES = 16;

    static String transportId(int slot) {
        return "virtio/" + slot + "/transport";
    }

    static String queueId(int slot, int queue) {
        return "virtio/" + slot + "/queue/" + queue;
    }

    static String deviceId(int slot) {
        return "virtio/" + slot + "/device";
    }

    static List<SectionWriter> write(int slot, VirtioMmioState s) {
        List<SectionWriter> out = new ArrayList<>();
        out.add(new SectionWriter(transportId(slot), TRANSPORT_VERSION)
                .i32(s.deviceId()).i64(s.deviceFeatures()).i32(s.status()).i32(s.deviceFeaturesSel())
                .i32(s.driverFeaturesSel()).i64(s.driverFeatures()).i32(s.queueSel()).i32(s.interruptStatus())
                .i32(s.configGeneration()).count(s.queues().size(), Limits.QUEUES_PER_DEVICE, "queues"));
        for (int k = 0; k < s.queues().size(); k++) {
            VirtqueueState q = s.queues().get(k);
            out.add(new SectionWriter(queueId(slot, k), QUEUE_VERSION)
                    .i32(q.size()).bool(q.ready()).i64(q.descAddr()).i64(q.driverAddr()).i64(q.deviceAddr())
                    .u16(q.lastAvailIdx(), "last_avail_idx").u16(q.usedIdx(), "used idx"));
        }
        out.add(writeDevice(new SectionWriter(deviceId(slot), DEVICE_VERSION), s.device()));
        return out;
    }

    private static SectionWriter writeDevice(SectionWriter w, VirtioDeviceState device) {
        return switch (device) {
            case VirtioBlockState b -> kind(w, "block").i64(b.capacity()).bool(b.readOnly());
            case VirtioNetState n -> {
                kind(w, "net").i64(n.mac().value()).i32(n.mtu()).i32(n.status());
                List<byte[]> frames = n.pendingFrames();
                w.count(frames.size(), Limits.NET_PENDING_FRAMES, "pending frames");
                for (byte[] frame : frames) {
                    w.bytes(frame, Limits.NET_FRAME_BYTES, "pending frame");
                }
                yield w;
            }
            case VirtioConsoleState c -> kind(w, "console").bytes(c.hostInput(), Limits.CONSOLE_HOST_INPUT_BYTES,
                    "host input");
            case VirtioRngState r -> kind(w, "rng");
            default -> throw new IllegalArgumentException("cannot encode section '" + w.id() + "': no format for "
                    + device.getClass().getName());
        };
    }

    private static SectionWriter kind(SectionWriter w, String kind) {
        return w.bytes(kind.getBytes(StandardCharsets.US_ASCII), KIND_BYTES, "device kind");
    }

    /** Reads slot {@code slot}'s transport, its queues and its device from {@code table}. */
    static VirtioMmioState read(SectionTable table, int slot) throws StateFormatException {
        SectionReader r = table.take(transportId(slot), TRANSPORT_VERSION);
        int deviceId = r.i32("device id");
        long deviceFeatures = r.i64("device features");
        int status = r.i32("status");
        int deviceFeaturesSel = r.i32("device features select");
        int driverFeaturesSel = r.i32("driver features select");
        long driverFeatures = r.i64("driver features");
        int queueSel = r.i32("queue select");
        int interruptStatus = r.i32("interrupt status");
        int configGeneration = r.i32("config generation");
        int queueCount = r.count(1, Limits.QUEUES_PER_DEVICE, 0, "queues");
        r.end();
        List<VirtqueueState> queues = new ArrayList<>(queueCount);
        for (int k = 0; k < queueCount; k++) {
            queues.add(readQueue(table.take(queueId(slot, k), QUEUE_VERSION)));
        }
        VirtioDeviceState device = readDevice(table.take(deviceId(slot), DEVICE_VERSION));
        return r.build("transport", () -> new VirtioMmioState(deviceId, deviceFeatures, status, deviceFeaturesSel,
                driverFeaturesSel, driverFeatures, queueSel, interruptStatus, configGeneration, queues, device));
    }

    private static VirtqueueState readQueue(SectionReader r) throws StateFormatException {
        int size = r.i32("size");
        boolean ready = r.bool("ready");
        long desc = r.i64("descriptor table address");
        long driver = r.i64("driver ring address");
        long device = r.i64("device ring address");
        int lastAvail = r.u16("last_avail_idx");
        int used = r.u16("used idx");
        r.end();
        return r.build("queue", () -> new VirtqueueState(size, ready, desc, driver, device, lastAvail, used));
    }

    private static VirtioDeviceState readDevice(SectionReader r) throws StateFormatException {
        String kind = new String(r.bytes(KIND_BYTES, "device kind"), StandardCharsets.ISO_8859_1);
        VirtioDeviceState device = switch (kind) {
            case "block" -> {
                long capacity = r.i64("capacity");
                boolean readOnly = r.bool("read-only");
                yield r.build("block device", () -> new VirtioBlockState(capacity, readOnly));
            }
            case "net" -> readNet(r);
            case "console" -> {
                byte[] input = r.bytes(Limits.CONSOLE_HOST_INPUT_BYTES, "host input");
                yield r.build("console", () -> new VirtioConsoleState(input));
            }
            case "rng" -> new VirtioRngState();
            default -> throw r.fail("unknown device kind '" + printable(kind) + "' (block, net, console or rng)");
        };
        r.end();
        return device;
    }

    private static VirtioNetState readNet(SectionReader r) throws StateFormatException {
        long macValue = r.i64("MAC address");
        int mtu = r.i32("MTU");
        int status = r.i32("status");
        // a frame is at least its u32 length
        int count = r.count(0, Limits.NET_PENDING_FRAMES, 4, "pending frames");
        List<byte[]> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(r.bytes(Limits.NET_FRAME_BYTES, "pending frame " + i));
        }
        MacAddress mac = r.build("MAC address", () -> new MacAddress(macValue));
        return r.build("network device", () -> new VirtioNetState(mac, mtu, status, frames));
    }

    /** A hostile tag, shown without control characters. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
