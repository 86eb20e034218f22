package org.oaplatform.payments.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where and as whom {@link HttpBankGateway} talks to the payment service provider: {@code OA_BANK_URL},
 * {@code OA_BANK_MERCHANT_ID}, {@code OA_BANK_SIGNING_KEY} and {@code OA_BANK_TIMEOUT}. Checked once, when the
 * installation starts, so that a missing or wrong setting stops the deployment with a sentence saying which.
 *
 * @param baseUrl the provider's API root; operations are resolved below it ({@code <baseUrl>/charges})
 * @param timeout the most one call may take, connecting included; a call without an answer by then has an unknown
 *     outcome
 */
public record BankConnection(URI baseUrl, String merchantId, BankSignature signature, Duration timeout) {

    /** Card numbers travel in link requests: plain HTTP only to an adapter on this very machine. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public BankConnection {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(BankGateway.LONGEST_CALL) >= 0) {
            // The reconciliation asks about a movement only once it is older than LONGEST_CALL: a call allowed to
            // last longer could still be on its way when the bank is asked about it and answers "never received".
            throw new IllegalArgumentException("OA_BANK_TIMEOUT must be positive and shorter than "
                    + BankGateway.LONGEST_CALL + ", not " + timeout);
        }
    }

    public static BankConnection of(Optional<String> url, Optional<String> merchantId, Optional<String> signingKey,
            String timeout) {
        URI base = baseUrl(required(url, "OA_BANK_URL"));
        String merchant = required(merchantId, "OA_BANK_MERCHANT_ID");
        BankSignature signature;
        try {
            signature = new BankSignature(required(signingKey, "OA_BANK_SIGNING_KEY"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OA_BANK_SIGNING_KEY: " + e.getMessage(), e);
        }
        Duration limit;
        try {
            limit = Duration.parse(timeout.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("OA_BANK_TIMEOUT must be an ISO-8601 duration such as PT15S", e);
        }
        return new BankConnection(base, merchant, signature, limit);
    }

    /** The URL of one operation, e.g. {@code charges/query}. */
    public URI endpoint(String operation) {
        return URI.create(baseUrl + "/" + operation);
    }

    private static URI baseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("OA_BANK_URL is not a URL: " + value, e);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (uri.getHost() == null || !(https || http) || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("OA_BANK_URL must be an https URL without query, such as"
                    + " https://psp.example.com/oa/v1, not " + value);
        }
        if (http && !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("OA_BANK_URL must use https (card numbers travel in it);"
                    + " plain http is allowed only to this machine (localhost), not " + value);
        }
        return uri;
    }

    private static String required(Optional<String> value, String name) {
        return value.map(String::trim).filter(v -> !v.isEmpty()).orElseThrow(() ->
                new IllegalArgumentException(name + " must be set when OA_BANK_GATEWAY=http"));
    }
}
