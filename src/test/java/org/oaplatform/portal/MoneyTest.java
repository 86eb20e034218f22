package org.oaplatform.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.faces.convert.ConverterException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void fenAreShownAsYuanWithTwoDecimals() {
        assertEquals("123.45", Money.yuan(12345));
        assertEquals("25.00", Money.yuan(2500));
        assertEquals("0.05", Money.yuan(5));
        assertEquals("0.00", Money.yuan(0));
    }

    @Test
    void negativeAmountsKeepTheirSign() {
        assertEquals("-25.00", Money.yuan(-2500));
        assertEquals("-0.01", Money.yuan(-1));
        assertEquals("-92233720368547758.08", Money.yuan(Long.MIN_VALUE));
    }

    @Test
    void theConverterReadsYuanBackIntoFen() {
        Money money = new Money();
        assertEquals(12345L, money.getAsObject(null, null, "123.45"));
        assertEquals(-2500L, money.getAsObject(null, null, " -25 "));
        assertEquals("", money.getAsString(null, null, null));
        assertThrows(ConverterException.class, () -> money.getAsObject(null, null, "1.005"));
        assertThrows(ConverterException.class, () -> money.getAsObject(null, null, "lunch"));
    }
}
