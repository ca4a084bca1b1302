package dev.lpm.devices.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacAddressTest {

    @Test
    void parsesFormatsAndCopiesInWireOrder() {
        MacAddress mac = MacAddress.parse("52:54:00:AB:cd:0f");
        assertThat(mac.value()).isEqualTo(0x5254_00AB_CD0FL);
        assertThat(mac).hasToString("52:54:00:ab:cd:0f");
        assertThat(MacAddress.parse("52-54-00-ab-cd-0f")).isEqualTo(mac);
        assertThat(mac.bytes()).containsExactly(0x52, 0x54, 0x00, 0xab, 0xcd, 0x0f);
        byte[] b = new byte[10];
        mac.copyTo(b, 2);
        assertThat(MacAddress.of(b, 2)).isEqualTo(mac);
        assertThat(mac.isMulticast()).isFalse();
        assertThat(mac.isLocallyAdministered()).isTrue(); // 0x52 has bit 1 set
        assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
        assertThat(MacAddress.parse("00:16:3e:00:00:01").isLocallyAdministered()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "52:54:00:12:34", "52:54:00:12:34:56:78", "52:54:00:12:34:5", "52:54:00:12:34:5g",
            "525400123456", "52:54:00:12:34:+5", " 52:54:00:12:34:56"})
    void rejectsWhatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsValuesWiderThan48BitsAndShortArrays() {
        assertThatThrownBy(() -> new MacAddress(1L << 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MacAddress(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.of(new byte[6], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.of(new byte[6], -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomAddressesAreLocallyAdministeredUnicast() {
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            MacAddress mac = MacAddress.random(r);
            assertThat(mac.isMulticast()).isFalse();
            assertThat(mac.isLocallyAdministered()).isTrue();
            assertThat(MacAddress.parse(mac.toString())).isEqualTo(mac);
        }
    }

    @Test
    void maxFrameLengthAllowsOneVlanTag() {
        assertThat(Ethernet.maxFrameLength(1500)).isEqualTo(1518);
        assertThat(Ethernet.etherType(new byte[13])).isEqualTo(-1);
    }
}
