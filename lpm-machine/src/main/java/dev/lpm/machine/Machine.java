package dev.lpm.machine;

import dev.lpm.api.PowerControl;
import dev.lpm.api.SerialBackend;
import dev.lpm.cpu.Cause;
import dev.lpm.cpu.Hart;
import dev.lpm.cpu.HartRunner;
import dev.lpm.cpu.HartState;
import dev.lpm.cpu.jit.BlockCache;
import dev.lpm.devices.HostDeviceTimer;
import dev.lpm.devices.clint.Clint;
import dev.lpm.devices.clint.ClintState;
import dev.lpm.devices.plic.Plic;
import dev.lpm.devices.plic.PlicState;
import dev.lpm.devices.power.SifiveTest;
import dev.lpm.devices.uart.Uart16550;
import dev.lpm.devices.uart.UartState;
import dev.lpm.devices.virtio.VirtioDevice;
import dev.lpm.devices.virtio.VirtioMmio;
import dev.lpm.devices.virtio.VirtioMmioState;
import dev.lpm.machine.fdt.VirtDeviceTree.BoardDescription;
import dev.lpm.machine.fdt.VirtDeviceTree;
import dev.lpm.memory.PhysicalBus;
import dev.lpm.memory.Ram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A partition: RAM, the virt board's devices, harts on their own threads, and the device tree. Lifecycle:
 * construct, load images, {@link #start}, then {@link #awaitPowerOff}; {@link #pause}/{@link #resume}
 * stop and restart the harts and guest time together, and {@link #save}/{@link #restore} move the
 * machine's state while paused.
 */
public final class Machine implements AutoCloseable {
    /** Times a block start is reached before it is translated ({@code -Dlpm.translate.threshold} for experiments). */
    static final int TRANSLATION_THRESHOLD = Integer.getInteger("lpm.translate.threshold", 50);
    private final MachineConfig config;
    private final Ram ram;
    private final PhysicalBus bus;
    private final HostDeviceTimer timer;
    private final Clint clint;
    private final Plic plic;
    private final Uart16550 uart;
    private final SifiveTest test;
    private final List<VirtioMmio> virtio = new ArrayList<>();
    private boolean started;
    private final Hart[] harts;
    private final HartRunner[] runners;
    private final List<Thread> threads = new ArrayList<>();
    private final long fdtAddress;
    private long kernelEnd;
    private long initrdStart;
    private long initrdEnd;
    private final Object powerLock = new Object();
    private boolean poweredOff;
    private int exitCode = -1;
    private RuntimeException failure;
    private volatile boolean resetRequested;

    public Machine(MachineConfig config, SerialBackend console) {
        this.config = config;
        this.ram = new Ram(VirtBoard.DRAM, config.ramBytes());
        this.bus = new PhysicalBus(ram);
        this.timer = new HostDeviceTimer("lpm-device-timer");
        int n = config.harts();
        this.harts = new Hart[n];
        this.runners = new HartRunner[n];
        var msip = new dev.lpm.api.InterruptLine[n];
        var mtip = new dev.lpm.api.InterruptLine[n];
        for (int i = 0; i < n; i++) {
            // the hart's time CSR reads the CLINT's mtime; the CLINT, built below, is read only once harts run
            harts[i] = new Hart(i, bus, this::mtime);
            msip[i] = harts[i].interruptLine(Cause.MSI);
            mtip[i] = harts[i].interruptLine(Cause.MTI);
            runners[i] = new HartRunner(harts[i], this::hartFailed);
        }
        // translated blocks: one cache per machine, shared by its harts (a block depends on its bytes only)
        BlockCache blocks = switch (config.execution()) {
            case INTERPRET -> null;
            case TRANSLATE_HOT -> new BlockCache(ram, TRANSLATION_THRESHOLD);
            case TRANSLATE_ALL -> new BlockCache(ram, 1);
        };
        for (Hart h : harts) {
            h.blockCache = blocks;
        }
        this.clint = new Clint(n, msip, mtip, timer);
        // PLIC contexts as on QEMU's virt: 2h drives hart h's MEIP, 2h + 1 its SEIP
        var contexts = new dev.lpm.api.InterruptLine[2 * n];
        for (int i = 0; i < n; i++) {
            contexts[2 * i] = harts[i].interruptLine(Cause.MEI);
            contexts[2 * i + 1] = harts[i].interruptLine(Cause.SEI);
        }
        this.plic = new Plic(n, contexts);
        this.uart = new Uart16550(console, plic.source(VirtDeviceTree.UART0_IRQ), timer);
        this.test = new SifiveTest(new PowerControl() {
            @Override
            public void powerOff(int code) {
                Machine.this.powerOff(code);
            }

            @Override
            public void reset() {
                resetRequested = true;
                Machine.this.powerOff(0);
            }
        });
        bus.map("test", VirtBoard.TEST, test);
        bus.map("clint", VirtBoard.CLINT, clint);
        bus.map("plic", VirtBoard.PLIC, plic);
        bus.map("uart0", VirtBoard.UART0, uart);
        this.fdtAddress = fdtPlacement(deviceTree().length);
    }

    /** The board's device tree, with the initrd's range once one is loaded and the attached virtio devices. */
    private byte[] deviceTree() {
        VirtDeviceTree tree = new VirtDeviceTree(new BoardDescription(config.harts(), VirtBoard.ISA,
                VirtBoard.MMU_TYPE, VirtBoard.DRAM, config.ramBytes(), config.bootargs(), initrdStart, initrdEnd,
                VirtBoard.TIMEBASE_HZ)).withPlic();
        for (int slot = 0; slot < virtio.size(); slot++) {
            tree.addVirtioMmio(VirtBoard.VIRTIO0 + slot * VirtBoard.VIRTIO_STRIDE, VirtBoard.VIRTIO_IRQ0 + slot);
        }
        return tree.build();
    }

    /**
     * Attaches a virtio device to the next free virtio-mmio transport (QEMU virt's slots at 0x1000_1000 +
     * n * 0x1000, PLIC sources 1 + n). Only before {@link #start}: the device tree lists the devices.
     */
    public VirtioMmio attach(VirtioDevice device) {
        if (started) {
            throw new IllegalStateException("virtio devices are attached before the machine starts");
        }
        int slot = virtio.size();
        if (slot >= VirtBoard.VIRTIO_SLOTS) {
            throw new IllegalArgumentException("a partition has at most " + VirtBoard.VIRTIO_SLOTS + " virtio devices");
        }
        VirtioMmio transport = new VirtioMmio(device, plic.source(VirtBoard.VIRTIO_IRQ0 + slot), ram);
        bus.map("virtio" + slot, VirtBoard.VIRTIO0 + slot * VirtBoard.VIRTIO_STRIDE, transport);
        virtio.add(transport);
        return transport;
    }

    /**
     * Where QEMU puts the device tree: below the end of RAM (or of the first 3 GiB), 2 MiB aligned, so the
     * kernel and initrd do not overwrite it. The tree is far smaller than 2 MiB, so adding /chosen entries
     * later never moves it.
     */
    private long fdtPlacement(int size) {
        long end = Math.min(VirtBoard.DRAM + config.ramBytes(), 3L << 30);
        return (end - size) & ~((2L << 20) - 1);
    }

    public MachineConfig config() {
        return config;
    }

    public Ram ram() {
        return ram;
    }

    public PhysicalBus bus() {
        return bus;
    }

    public long fdtAddress() {
        return fdtAddress;
    }

    public Hart hart(int id) {
        return harts[id];
    }

    /** Copies a raw firmware image to the start of RAM (QEMU's {@code -bios}). */
    public void loadFirmware(byte[] image) {
        if (image.length == 0) {
            throw new IllegalArgumentException("firmware image is empty");
        }
        if (VirtBoard.DRAM + image.length > fdtAddress) {
            throw new IllegalArgumentException("firmware image of " + image.length + " bytes does not fit below the"
                    + " device tree at 0x" + Long.toHexString(fdtAddress) + " in " + (config.ramBytes() >> 20)
                    + " MiB of RAM");
        }
        ram.write(VirtBoard.DRAM, image);
    }

    /**
     * Loads a RISC-V Linux kernel {@code Image} where OpenSBI's fw_jump jumps: the first 2 MiB boundary
     * after the firmware, 0x8020_0000 (QEMU's {@code -kernel} with {@code -bios fw_jump.bin}).
     *
     * @throws IllegalArgumentException when the image is not a RISC-V kernel Image, is truncated, or with
     *                                  its memory footprint does not fit below the device tree
     */
    public void loadKernel(byte[] image) {
        KernelImage kernel = KernelImage.parse(image);
        long end = VirtBoard.KERNEL + kernel.memorySize();
        if (end > fdtAddress) {
            throw new IllegalArgumentException("the kernel needs " + (kernel.memorySize() >> 20) + " MiB from 0x"
                    + Long.toHexString(VirtBoard.KERNEL) + ", more than " + (config.ramBytes() >> 20)
                    + " MiB of RAM leave below the device tree");
        }
        ram.write(VirtBoard.KERNEL, image);
        kernelEnd = end;
    }

    /**
     * Loads an initrd where QEMU does: min(RAM / 2, 128 MiB) above the kernel, so the kernel can decompress
     * and grow without overwriting it; its range goes in the device tree's /chosen.
     */
    public void loadInitrd(byte[] image) {
        if (image.length == 0) {
            throw new IllegalArgumentException("initrd is empty");
        }
        long start = VirtBoard.KERNEL + Math.min(config.ramBytes() / 2, 128L << 20);
        start = Math.max(start, (kernelEnd + 0xFFF) & ~0xFFFL);
        if (start + image.length > fdtAddress) {
            throw new IllegalArgumentException("initrd of " + (image.length >> 20) + " MiB does not fit in "
                    + (config.ramBytes() >> 20) + " MiB of RAM above the kernel (it would end at 0x"
                    + Long.toHexString(start + image.length) + ", the device tree is at 0x"
                    + Long.toHexString(fdtAddress) + "): give the partition more memory");
        }
        ram.write(start, image);
        initrdStart = start;
        initrdEnd = start + image.length;
    }

    /**
     * Resets every hart to the firmware entry the way QEMU's reset vector leaves it: pc = start of RAM,
     * M-mode, a0 = hart id, a1 = device tree address.
     */
    private void resetHarts() {
        for (Hart h : harts) {
            h.reset(VirtBoard.DRAM);
            h.x[10] = h.hartId;
            h.x[11] = fdtAddress;
            h.x[5] = VirtBoard.DRAM; // t0: QEMU's reset code jumps through it
        }
    }

    /** Writes the device tree and starts all harts at the firmware entry. */
    public void start() {
        started = true;
        ram.write(fdtAddress, deviceTree());
        resetHarts();
        resyncInterrupts(); // a hart reset clears its device lines; the devices drive them again
        startThreads();
    }

    /**
     * One pass that drives every interrupt line to the level its device's state implies: first the devices
     * wired to the PLIC's sources, then the PLIC's own outputs to the harts.
     */
    private void resyncInterrupts() {
        clint.resyncInterrupts();
        uart.resyncInterrupts();
        for (VirtioMmio v : virtio) {
            v.resyncInterrupts();
        }
        plic.resyncInterrupts();
    }

    private void startThreads() {
        threads.clear();
        for (HartRunner r : runners) {
            Thread t = Thread.ofPlatform().name("hart-" + r.hart().hartId).daemon().unstarted(r);
            threads.add(t);
            t.start();
        }
    }

    private void powerOff(int code) {
        synchronized (powerLock) {
            if (poweredOff) {
                return;
            }
            poweredOff = true;
            exitCode = code;
            powerLock.notifyAll();
        }
        for (HartRunner r : runners) {
            r.stop();
        }
    }

    /** The guest's time base, the CLINT's mtime (the harts' time CSR). */
    private long mtime() {
        return clint.mtime();
    }

    /** An emulator error on a hart thread stops the whole machine; {@link #awaitPowerOff} reports it. */
    private void hartFailed(RuntimeException e) {
        synchronized (powerLock) {
            if (failure == null) {
                failure = e;
            }
            poweredOff = true;
            powerLock.notifyAll();
        }
        for (HartRunner r : runners) {
            r.stop();
        }
    }

    /**
     * Waits until the guest powers off or {@code timeout} passes; returns the exit code, or empty on
     * timeout (the machine keeps running).
     *
     * @throws MachineFailure when the emulator itself failed (never for anything the guest does)
     */
    public java.util.OptionalInt awaitPowerOff(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (powerLock) {
            while (!poweredOff) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return java.util.OptionalInt.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(powerLock, left);
            }
            if (failure != null) {
                throw new MachineFailure(failure.getMessage(), failure);
            }
            return java.util.OptionalInt.of(exitCode);
        }
    }

    /** The emulator, not the guest, failed; the machine has stopped. */
    public static final class MachineFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MachineFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private volatile boolean stoppedFromOutside;

    /** Stops the partition as pulling its plug would (the user's Ctrl-A X); awaitPowerOff then returns 0. */
    public void stopFromOutside() {
        stoppedFromOutside = true;
        powerOff(0);
    }

    public boolean stoppedFromOutside() {
        return stoppedFromOutside;
    }

    /** True when the guest asked for a reset (test device 0x7777) rather than a poweroff. */
    public boolean resetRequested() {
        return resetRequested;
    }

    /**
     * Stops the harts and guest time at trace boundaries, then lets the virtio devices finish what is in
     * flight; returns once nothing is half-done.
     */
    public void pause() throws InterruptedException {
        for (HartRunner r : runners) {
            r.pause();
        }
        clint.pauseClock();
        for (VirtioMmio v : virtio) {
            v.quiesce();
        }
    }

    public void resume() {
        for (VirtioMmio v : virtio) {
            v.resume(); // serves buffers the guest queued before the pause
        }
        clint.resumeClock();
        for (HartRunner r : runners) {
            r.resume();
        }
    }

    /** The machine's CPU and device state (RAM travels separately). Only while paused. */
    public MachineState save() {
        List<HartState> hs = new ArrayList<>();
        for (Hart h : harts) {
            hs.add(h.save());
        }
        List<VirtioMmioState> vs = new ArrayList<>();
        for (VirtioMmio v : virtio) {
            vs.add(v.save());
        }
        return new MachineState(config, fdtAddress, List.copyOf(hs), clint.save(), plic.save(), uart.save(),
                List.copyOf(vs));
    }

    /** Loads {@code state} into this identically configured, not yet started (or paused) machine. */
    public void restore(MachineState state) {
        if (!state.config().equals(config)) {
            throw new IllegalArgumentException("state is of a machine configured as " + state.config()
                    + ", not " + config);
        }
        for (int i = 0; i < harts.length; i++) {
            harts[i].restore(state.harts().get(i));
        }
        if (state.virtio().size() != virtio.size()) {
            throw new IllegalArgumentException("state has " + state.virtio().size() + " virtio devices, this machine "
                    + virtio.size());
        }
        clint.restore(state.clint());
        plic.restore(state.plic());
        uart.restore(state.uart());
        for (int i = 0; i < virtio.size(); i++) {
            virtio.get(i).restore(state.virtio().get(i));
        }
        resyncInterrupts(); // one pass re-derives every line from the restored device state
    }

    /** Starts the harts from restored state (instead of the firmware entry); guest time runs on from it. */
    public void startRestored() {
        started = true;
        resume(); // a pause() before the threads existed (an incoming migration's) must not park them
        startThreads();
    }

    /**
     * Creates the hart threads of a restored machine that was paused before it was restored (an incoming
     * migration's) and leaves them parked: {@link #resume()} lets it run. An incoming migration resumes it
     * right after telling the source that it runs, so the new harts do not compete with that reply.
     */
    public void startRestoredPaused() {
        for (HartRunner r : runners) {
            if (!r.pauseRequested()) {
                throw new IllegalStateException("startRestoredPaused needs a machine paused before it started");
            }
        }
        started = true;
        startThreads();
    }

    /**
     * Holds every hart back for {@code percent} of host time (0..99; 0 = full speed): a migration uses it to
     * force convergence when the guest dirties memory faster than the link carries it.
     */
    public void setThrottle(int percent) {
        for (HartRunner r : runners) {
            r.setThrottle(percent);
        }
    }

    /** Host time the harts are held back, in percent. */
    public int throttlePercent() {
        return runners[0].throttlePercent();
    }

    /** True once the guest powered off, asked for a reset, or the machine was stopped. */
    public boolean poweredOff() {
        synchronized (powerLock) {
            return poweredOff;
        }
    }

    /** The virtio transports in slot order. */
    public List<VirtioMmio> virtioTransports() {
        return List.copyOf(virtio);
    }

    /** Stops the harts and waits for their threads. */
    public void stop() throws InterruptedException {
        for (HartRunner r : runners) {
            r.stop();
        }
        for (Thread t : threads) {
            t.join(5000);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.close();
        ram.close();
    }

    /** Everything but RAM. */
    public record MachineState(MachineConfig config, long fdtAddress, List<HartState> harts, ClintState clint,
                               PlicState plic, UartState uart, List<VirtioMmioState> virtio) {
    }
}
