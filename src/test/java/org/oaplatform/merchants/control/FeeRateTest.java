package org.oaplatform.merchants.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The fee arithmetic that settlements charge and bills print. The cases sit on exact half fen, where half-up and the
 * banker's rounding that {@code BigDecimal} users often reach for differ, so a change of rounding mode shows here.
 */
class FeeRateTest {

    private static final FeeRate DEFAULT = FeeRate.of("0.006");

    @Test
    void anExactHalfFenRoundsUpNotToEven() {
        assertEquals(2, DEFAULT.feeOf(250), "1.5 fen");
        assertEquals(5, DEFAULT.feeOf(750), "4.5 fen: half-even would say 4");
        assertEquals(1, DEFAULT.feeOf(84), "0.504 fen");
        assertEquals(0, DEFAULT.feeOf(83), "0.498 fen");
        assertEquals(0, DEFAULT.feeOf(0));
    }

    @Test
    void aRefundGivesBackExactlyThePaymentsFeeOfTheSameAmount() {
        for (long fen : new long[] {1, 83, 84, 250, 750, 1_250, 99_999}) {
            assertEquals(-DEFAULT.feeOf(fen), DEFAULT.feeOf(-fen), "refund of " + fen);
        }
        assertEquals(-5, DEFAULT.feeOf(-750), "half away from zero for refunds too");
    }

    @Test
    void largeAmountsStayExact() {
        assertEquals(6_000_000, DEFAULT.feeOf(1_000_000_000L), "10 million yuan at 0.6 %");
        assertEquals(55_340_232_221_128_655L, FeeRate.of("0.006").feeOf(Long.MAX_VALUE), "no overflow, no double");
    }

    @Test
    void theConfiguredTextIsReadStrictly() {
        assertEquals(38, FeeRate.of(" 0.0038 ").feeOf(10_000), "surrounding spaces of an env var are ignored");
        assertEquals(0, FeeRate.of("0").feeOf(1_000_000), "a free installation");
        assertEquals(10, FeeRate.of("0.1").feeOf(100), "the highest rate allowed");
        assertEquals("0.60%", DEFAULT.label());
        assertThrows(IllegalArgumentException.class, () -> FeeRate.of("0.6"), "0.6 meant as 0.6 %");
        assertThrows(IllegalArgumentException.class, () -> FeeRate.of("-0.001"));
        assertThrows(IllegalArgumentException.class, () -> FeeRate.of("0.6%"));
        assertThrows(IllegalArgumentException.class, () -> FeeRate.of(""));
    }
}
