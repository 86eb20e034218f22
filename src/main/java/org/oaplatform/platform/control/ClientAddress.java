package org.oaplatform.platform.control;

import java.util.Set;

/**
 * The address a request really came from. Behind a load balancer every request arrives from the balancer, so the
 * {@code X-Forwarded-For} header is believed, but only when the direct peer is a configured trusted proxy
 * ({@code OA_TRUSTED_PROXIES}); otherwise anybody could claim any address and slip past whitelists and limits.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * @param peer         the TCP peer
     * @param forwardedFor the {@code X-Forwarded-For} header, may be null
     * @param trusted      addresses of proxies whose forwarding headers are believed
     * @return the right-most address of the chain that is not a trusted proxy
     */
    public static String resolve(String peer, String forwardedFor, Set<String> trusted) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
