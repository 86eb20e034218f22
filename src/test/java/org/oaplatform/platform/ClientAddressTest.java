package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.ClientAddress;

class ClientAddressTest {

    private final Set<String> proxies = Set.of("10.0.0.2", "10.0.0.3");

    @Test
    void withoutHeaderThePeerIsTheClient() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", null, proxies));
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "1.2.3.4", proxies));
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopIsTheClient() {
        assertEquals("198.51.100.7", ClientAddress.resolve("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", proxies));
    }

    @Test
    void aChainOfOnlyProxiesFallsBackToThePeer() {
        assertEquals("10.0.0.2", ClientAddress.resolve("10.0.0.2", "10.0.0.3", proxies));
    }
}
