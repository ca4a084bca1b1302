package dev.lpm.migration.state;

import dev.lpm.cpu.HartState;
import dev.lpm.devices.virtio.Virtio;
import dev.lpm.devices.virtio.VirtioConsoleState;
import dev.lpm.devices.virtio.VirtioMmioState;
import dev.lpm.devices.virtio.VirtioNetState;
import dev.lpm.devices.virtio.VirtqueueState;
import dev.lpm.machine.Machine;
import dev.lpm.machine.Machine.MachineState;
import dev.lpm.machine.MachineConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineStateRoundTripTest {

    @Test
    void stateSavedFromARunningMachineDecodesEqualAndRestoresIntoAFreshOne() throws Exception {
        MachineState saved;
        try (RealMachine m = new RealMachine()) {
            m.machine.loadFirmware(RealMachine.firmware());
            m.uartLine.inject("uart input");
            m.consoleLine.inject("console input");
            // frames for the guest that find no receive buffer wait in the NIC, and travel with its state
            for (int i = 0; i < 2; i++) {
                byte[] frame = new byte[60 + i];
                RealMachine.MAC.copyTo(frame, 0);
                frame[12] = 0x08;
                frame[59] = (byte) (i + 1);
                m.cable.b().send(frame, 0, frame.length);
            }
            awaitPendingFrames(m, 2);
            m.machine.start();
            saved = pauseOnceAsleep(m.machine);
        }

        // the guest and the host really changed the state that is about to travel
        for (HartState h : saved.harts()) {
            assertThat(h.waitingForInterrupt()).isTrue();
            assertThat(h.csr().mscratch()).isEqualTo(0x5A5A_5000L);
            assertThat(h.x()[7]).isEqualTo(0x77);
        }
        VirtioMmioState nic = saved.virtio().getFirst();
        assertThat(nic.status()).isEqualTo(Virtio.STATUS_ACKNOWLEDGE | Virtio.STATUS_DRIVER);
        assertThat(nic.queues().get(1).size()).isEqualTo(64);
        assertThat(((VirtioNetState) nic.device()).pendingFrames()).hasSize(2);
        // FIFOs are off after reset: the first byte waits in RBR, the rest host-side
        assertThat(saved.uart().rbr()).isEqualTo('u');
        assertThat(saved.uart().hostInput()).isEqualTo("art input".getBytes(StandardCharsets.US_ASCII));
        assertThat(((VirtioConsoleState) saved.virtio().get(3).device()).hostInput())
                .isEqualTo("console input".getBytes(StandardCharsets.US_ASCII));

        MachineState decoded = MachineStateCodec.decode(MachineStateCodec.encode(saved));
        assertThat(decoded).isEqualTo(saved);

        try (RealMachine fresh = new RealMachine()) {
            fresh.machine.pause(); // stops guest time, so the restored mtime is what save() reports
            fresh.machine.restore(decoded);
            assertThat(fresh.machine.save()).isEqualTo(saved);
        }
    }

    @Test
    void everyFieldOfAHandBuiltStateTravels() throws Exception {
        MachineState state = States.everyFieldSet();
        States.assertEveryFieldSet(state, "state");

        MachineState decoded = MachineStateCodec.decode(MachineStateCodec.encode(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.config().bootargs()).isEqualTo("console=ttyS0 root=/dev/vda quiet \u00fc\u20ac");
        assertThat(decoded.config().execution()).isEqualTo(MachineConfig.Execution.TRANSLATE_ALL);
    }

    @Test
    void minimalStateWithoutBootargsOrVirtioTravels() throws Exception {
        MachineState state = States.minimal();

        MachineState decoded = MachineStateCodec.decode(MachineStateCodec.encode(state));

        assertThat(decoded).isEqualTo(state);
        assertThat(decoded.config().bootargs()).isNull();
        assertThat(decoded.virtio()).isEmpty();
    }

    @Test
    void sectionsFormATreeOfReadableIdsAfterTheHeader() {
        byte[] bytes = MachineStateCodec.encode(States.everyFieldSet());

        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("LPMS");
        assertThat(StateBytes.le(bytes).getShort(4)).isEqualTo((short) 1);
        List<String> expected = new ArrayList<>(List.of("machine", "hart/0", "hart/1", "clint", "plic", "uart0"));
        int[] queues = {1, 3, 2, 1};
        for (int slot = 0; slot < 4; slot++) {
            expected.add("virtio/" + slot + "/transport");
            for (int q = 0; q < queues[slot]; q++) {
                expected.add("virtio/" + slot + "/queue/" + q);
            }
            expected.add("virtio/" + slot + "/device");
        }
        assertThat(StateBytes.sections(bytes)).extracting(StateBytes.Section::id).containsExactlyElementsOf(expected);
        assertThat(StateBytes.sections(bytes)).extracting(StateBytes.Section::version).containsOnly(1);
    }

    @Test
    void encodingIsDeterministicAndLeavesTheStateUnchanged() throws Exception {
        MachineState state = States.everyFieldSet();
        byte[] first = MachineStateCodec.encode(state);
        byte[] second = MachineStateCodec.encode(state);

        assertThat(second).isEqualTo(first);
        assertThat(state).isEqualTo(States.everyFieldSet());
        assertThat(MachineStateCodec.encode(MachineStateCodec.decode(first))).isEqualTo(first);
    }

    @Test
    void encodeRefusesStatesTheFormatCannotCarry() {
        MachineState s = States.everyFieldSet();
        MachineState longBootargs = new MachineState(new MachineConfig(s.config().ramBytes(), 2, "x".repeat(4097),
                s.config().execution()), s.fdtAddress(), s.harts(), s.clint(), s.plic(), s.uart(), s.virtio());
        assertThatThrownBy(() -> MachineStateCodec.encode(longBootargs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4097 bytes of bootargs");

        VirtioMmioState rng = s.virtio().get(States.RNG);
        List<VirtqueueState> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(rng.queues().getFirst());
        }
        VirtioMmioState wide = new VirtioMmioState(rng.deviceId(), rng.deviceFeatures(), rng.status(),
                rng.deviceFeaturesSel(), rng.driverFeaturesSel(), rng.driverFeatures(), rng.queueSel(),
                rng.interruptStatus(), rng.configGeneration(), nine, rng.device());
        MachineState manyQueues = new MachineState(s.config(), s.fdtAddress(), s.harts(), s.clint(), s.plic(),
                s.uart(), List.of(wide));
        assertThatThrownBy(() -> MachineStateCodec.encode(manyQueues))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9 queues");

        MachineState oneHartMissing = new MachineState(s.config(), s.fdtAddress(), s.harts().subList(0, 1),
                s.clint(), s.plic(), s.uart(), s.virtio());
        assertThatThrownBy(() -> MachineStateCodec.encode(oneHartMissing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 hart states");
    }

    private static void awaitPendingFrames(RealMachine m, int frames) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (m.nic.pendingFrames() < frames) {
            assertThat(System.nanoTime()).as("frames reaching the NIC").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Pauses the machine once both harts have run the firmware into WFI; returns its saved state. */
    private static MachineState pauseOnceAsleep(Machine machine) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Thread.sleep(20);
            machine.pause();
            MachineState s = machine.save();
            if (s.harts().stream().allMatch(h -> h.waitingForInterrupt() && h.csr().mscratch() != 0)) {
                return s;
            }
            assertThat(System.nanoTime()).as("harts reaching WFI").isLessThan(deadline);
            machine.resume();
        }
    }
}
