package io.vigil.crawler.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private final AddressPolicy policy = new AddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.9.9.9",
                "10.0.0.1",
                "172.16.5.4",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.254",
                "0.0.0.0",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd00:ec2::254",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "64:ff9b::a00:1",
                "2002:a00:1::1"
            })
    void refusesNonPublicAddresses(String address) throws UnknownHostException {
        assertThat(policy.isBlocked(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "172.32.0.1",
                "100.128.0.1",
                "2606:4700:4700::1111",
                "::ffff:8.8.8.8"
            })
    void acceptsPublicAddresses(String address) throws UnknownHostException {
        assertThat(policy.isBlocked(InetAddress.getByName(address))).isFalse();
    }

    @Test
    void allowListOverridesForAddressesAndBlocks() throws UnknownHostException {
        AddressPolicy allowing = new AddressPolicy(List.of("127.0.0.1", "10.20.0.0/16"));

        assertThat(allowing.isBlocked(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(allowing.isBlocked(InetAddress.getByName("127.0.0.2"))).isTrue();
        assertThat(allowing.isBlocked(InetAddress.getByName("10.20.3.4"))).isFalse();
        assertThat(allowing.isBlocked(InetAddress.getByName("10.21.3.4"))).isTrue();
    }

    @Test
    void rejectsHostNamesInTheAllowList() {
        assertThatThrownBy(() -> new AddressPolicy(List.of("localhost")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
