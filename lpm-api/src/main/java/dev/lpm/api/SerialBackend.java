package dev.lpm.api;

/**
 * The host end of a serial port: where transmitted bytes go and where received bytes come from.
 * The backend calls the registered receiver (from any thread) whenever input arrives.
 */
public interface SerialBackend {

    void transmit(byte value);

    /** Registers the UART's input sink; the backend calls {@code receiver.receive(b)} per input byte. */
    void connect(Receiver receiver);

    @FunctionalInterface
    interface Receiver {
        void receive(byte value);
    }

    /** A backend that discards output and never produces input. */
    SerialBackend NULL = new SerialBackend() {
        @Override
        public void transmit(byte value) {
        }

        @Override
        public void connect(Receiver receiver) {
        }
    };
}
