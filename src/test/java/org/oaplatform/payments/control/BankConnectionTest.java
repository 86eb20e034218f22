package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankConnectionTest {

    private static final Optional<String> KEY = Optional.of("k".repeat(BankSignature.MINIMUM_KEY_LENGTH));

    private static String refusal(String url, String merchant, Optional<String> key, String timeout) {
        return assertThrows(IllegalArgumentException.class, () -> BankConnection.of(Optional.ofNullable(url),
                Optional.ofNullable(merchant), key, timeout)).getMessage();
    }

    @Test
    void anHttpsProviderWithMerchantAndKeyIsAccepted() {
        BankConnection connection = BankConnection.of(Optional.of("https://psp.example.com/oa/v1/"),
                Optional.of("m-1"), KEY, "PT20S");
        assertEquals("https://psp.example.com/oa/v1/charges/query", connection.endpoint("charges/query").toString());
        assertEquals(Duration.ofSeconds(20), connection.timeout());
    }

    @Test
    void eachMissingSettingIsNamed() {
        assertTrue(refusal(null, "m-1", KEY, "PT15S").contains("OA_BANK_URL"));
        assertTrue(refusal("https://psp.example.com", " ", KEY, "PT15S").contains("OA_BANK_MERCHANT_ID"));
        assertTrue(refusal("https://psp.example.com", "m-1", Optional.empty(), "PT15S")
                .contains("OA_BANK_SIGNING_KEY"));
        assertTrue(refusal("https://psp.example.com", "m-1", Optional.of("short"), "PT15S")
                .contains("OA_BANK_SIGNING_KEY"));
        assertTrue(refusal("https://psp.example.com", "m-1", KEY, "15 seconds").contains("OA_BANK_TIMEOUT"));
    }

    @Test
    void cardNumbersNeverTravelInPlainHttpExceptToThisMachine() {
        assertTrue(refusal("http://psp.example.com", "m-1", KEY, "PT15S").contains("https"));
        assertTrue(refusal("ftp://psp.example.com", "m-1", KEY, "PT15S").contains("https"));
        assertTrue(refusal("https://psp.example.com?x=1", "m-1", KEY, "PT15S").contains("https"));
        BankConnection.of(Optional.of("http://127.0.0.1:9000/psp"), Optional.of("m-1"), KEY, "PT15S");
        BankConnection.of(Optional.of("http://localhost:9000"), Optional.of("m-1"), KEY, "PT15S");
    }

    @Test
    void aCallMustEndBeforeTheReconciliationMayAskAboutIt() {
        assertTrue(refusal("https://psp.example.com", "m-1", KEY, "PT1M").contains("OA_BANK_TIMEOUT"));
        assertTrue(refusal("https://psp.example.com", "m-1", KEY, "PT0S").contains("OA_BANK_TIMEOUT"));
    }
}
