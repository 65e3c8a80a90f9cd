package org.signalaudit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    private static final ClientAddress NOBODY_TRUSTED = ClientAddress.trusting("");
    private static final ClientAddress PROXIES = ClientAddress.trusting("10.0.0.0/8, 192.168.1.10, 2001:db8::/32");

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        assertThat(NOBODY_TRUSTED.resolve("198.51.100.7", List.of("203.0.113.9"), List.of("for=203.0.113.9")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(PROXIES.resolve("198.51.100.7", List.of("10.1.1.1, 203.0.113.9"), List.of()))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void aChainThroughTrustedProxiesResolvesToTheFirstUntrustedHopFromTheRight() {
        // client 203.0.113.9 -> proxy 10.2.2.2 -> proxy 192.168.1.10 (peer); the left-most entry is forged.
        assertThat(PROXIES.resolve("192.168.1.10", List.of("6.6.6.6, 203.0.113.9", "10.2.2.2"), List.of()))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void allHopsTrustedGivesTheFarthest() {
        assertThat(PROXIES.resolve("10.0.0.1", List.of("10.0.0.3, 10.0.0.2"), List.of())).isEqualTo("10.0.0.3");
    }

    @Test
    void forwardedIsReadWithQuotesBracketsAndPortsAndWinsOverXForwardedFor() {
        String header = "for=198.51.100.17;proto=https, for=\"[2001:db8:cafe::17]:4711\"";
        assertThat(PROXIES.resolve("10.0.0.1", List.of("203.0.113.1"), List.of(header)))
                .isEqualTo("198.51.100.17");
        assertThat(PROXIES.resolve("10.0.0.1", List.of(), List.of("for=\"[2001:db9::1]:443\"")))
                .isEqualTo("2001:db9:0:0:0:0:0:1");
        assertThat(PROXIES.resolve("10.0.0.1", List.of(), List.of("for=203.0.113.5:8080"))).isEqualTo("203.0.113.5");
    }

    @Test
    void ipv6PeersAndBlocksAreMatched() {
        assertThat(PROXIES.resolve("2001:db8::1", List.of("2001:db9::2"), List.of())).isEqualTo("2001:db9:0:0:0:0:0:2");
        assertThat(PROXIES.resolve("2001:dead::1", List.of("203.0.113.9"), List.of())).isEqualTo("2001:dead:0:0:0:0:0:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-ip", "203.0.113.9, evil.example", "999.1.1.1", "", " , ", "unknown"})
    void malformedXForwardedForFallsBackToThePeer(String header) {
        assertThat(PROXIES.resolve("10.0.0.1", List.of(header), List.of())).isEqualTo("10.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"for=unknown", "by=10.0.0.1", "for=_hidden", "garbage"})
    void malformedForwardedFallsBackToThePeer(String header) {
        assertThat(PROXIES.resolve("10.0.0.1", List.of("203.0.113.9"), List.of(header))).isEqualTo("10.0.0.1");
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(ClientAddress.literal("localhost")).isEmpty();
        assertThat(ClientAddress.literal("example.com")).isEmpty();
    }

    @Test
    void aBadTrustedProxyConfigurationFailsLoudly() {
        assertThatThrownBy(() -> ClientAddress.trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddress.trusting("proxy.example")).isInstanceOf(IllegalArgumentException.class);
    }
}
