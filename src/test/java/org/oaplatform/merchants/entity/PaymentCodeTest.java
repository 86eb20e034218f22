package org.oaplatform.merchants.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentCodeTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aCodeLivesSixtySecondsAndIsUsedOnce() {
        PaymentCode code = new PaymentCode("a".repeat(64), 7, T0);
        assertEquals(T0.plusSeconds(60), code.expiresAt());
        assertFalse(code.isExpiredAt(T0.plusSeconds(59)));
        assertTrue(code.isExpiredAt(T0.plusSeconds(60)));
        code.used(42, T0.plusSeconds(1));
        assertTrue(code.isUsed());
        assertThrows(IllegalStateException.class, () -> code.used(43, T0.plusSeconds(2)));
    }

    @Test
    void unifiedOrderDoesNotAcceptMicropay() {
        assertTrue(TradeType.ofWire("MICROPAY").isEmpty());
        assertEquals(TradeType.NATIVE, TradeType.ofWire("NATIVE").orElseThrow());
    }
}
