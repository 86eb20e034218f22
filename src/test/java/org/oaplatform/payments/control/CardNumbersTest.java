package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oaplatform.testsupport.SandboxCards;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
        "6222020000031234", "4222222222222", "6222020000000000000"})
    void knownValidNumbersPass(String digits) {
        assertEquals(Optional.of(digits), CardNumbers.digitsOf(digits));
        assertTrue(CardNumbers.passesLuhn(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "4111111111111121", "6222020000031235", "5555555555554445"})
    void aWrongCheckDigitOrSwappedDigitsFail(String digits) {
        assertFalse(CardNumbers.passesLuhn(digits));
    }

    @Test
    void spacesAndHyphensBetweenGroupsAreDropped() {
        assertEquals(Optional.of("4111111111111111"), CardNumbers.digitsOf("4111 1111 1111 1111"));
        assertEquals(Optional.of("4111111111111111"), CardNumbers.digitsOf("4111-1111-1111-1111"));
        assertEquals(Optional.of("6222020000031234"), CardNumbers.digitsOf(" 6222 0200-0003 1234 "));
    }

    @Test
    void thirteenToNineteenDigitsAreANumber() {
        assertTrue(CardNumbers.digitsOf("1".repeat(13)).isPresent());
        assertTrue(CardNumbers.digitsOf("1".repeat(19)).isPresent());
        assertTrue(CardNumbers.digitsOf("1".repeat(12)).isEmpty());
        assertTrue(CardNumbers.digitsOf("1".repeat(20)).isEmpty());
        assertTrue(CardNumbers.digitsOf("1234 5678 9012").isEmpty());
        assertTrue(CardNumbers.digitsOf("").isEmpty());
        assertTrue(CardNumbers.digitsOf("   ").isEmpty());
        assertTrue(CardNumbers.digitsOf(null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111a11111111111", "4111.1111.1111.1111", "4111\t1111\t1111\t1111", "+4111111111111111",
        "４１１１１１１１１１１１１１１１", "4111111111111111\n"})
    void anythingButDigitsSpacesAndHyphensIsNotANumber(String raw) {
        assertTrue(CardNumbers.digitsOf(raw).isEmpty());
    }

    @Test
    void luhnOfNonDigitsIsFalseNotAnError() {
        assertFalse(CardNumbers.passesLuhn(null));
        assertFalse(CardNumbers.passesLuhn(""));
        assertFalse(CardNumbers.passesLuhn("4111 1111 1111 1111"));
        assertFalse(CardNumbers.passesLuhn("４１１１１１１１１１１１１１１１"));
    }

    @Test
    void lastFourIsAllThatIsShown() {
        assertEquals("1111", CardNumbers.lastFour("4111111111111111"));
        assertEquals("0002", CardNumbers.lastFour(SandboxCards.DECLINED_AT_LINK));
        assertThrows(IllegalArgumentException.class, () -> CardNumbers.lastFour("123"));
    }

    @Test
    void theSandboxCardsAreValidCardNumbersExceptTheInvalidOne() {
        List<String> valid = List.of(SandboxCards.OK_DEBIT, SandboxCards.OK_DEBIT_2, SandboxCards.CREDIT_OK,
                SandboxCards.DECLINED_AT_LINK, SandboxCards.LINK_TIMES_OUT, SandboxCards.CHARGE_DECLINED,
                SandboxCards.BANK_TIMES_OUT, SandboxCards.PAYOUT_FAILS_LATER, SandboxCards.CHARGE_ANSWER_LOST);
        for (String number : valid) {
            assertEquals(Optional.of(number), CardNumbers.digitsOf(number), number);
            assertEquals(16, number.length(), number);
            assertTrue(CardNumbers.passesLuhn(number), number);
        }
        assertTrue(SandboxCards.OK_DEBIT.startsWith("622202"));
        assertTrue(SandboxCards.OK_DEBIT_2.startsWith("622588"));
        assertTrue(SandboxCards.CREDIT_OK.startsWith("4"));
        assertEquals("0002", CardNumbers.lastFour(SandboxCards.DECLINED_AT_LINK));
        assertEquals("0069", CardNumbers.lastFour(SandboxCards.LINK_TIMES_OUT));
        assertEquals("0051", CardNumbers.lastFour(SandboxCards.CHARGE_DECLINED));
        assertEquals("0119", CardNumbers.lastFour(SandboxCards.BANK_TIMES_OUT));
        assertEquals("0077", CardNumbers.lastFour(SandboxCards.PAYOUT_FAILS_LATER));
        assertEquals("0127", CardNumbers.lastFour(SandboxCards.CHARGE_ANSWER_LOST));
        assertTrue(CardNumbers.digitsOf(SandboxCards.LUHN_INVALID).isPresent());
        assertFalse(CardNumbers.passesLuhn(SandboxCards.LUHN_INVALID));
    }

    @Test
    void randomSandboxDebitCardsAreValidAndOrdinary() {
        SplittableRandom random = new SplittableRandom(42);
        List<String> special = List.of("0002", "0069", "0051", "0119", "0077", "0127");
        for (int i = 0; i < 10_000; i++) {
            String number = SandboxCards.randomOkDebit(random);
            assertEquals(16, number.length(), number);
            assertTrue(number.startsWith("622202"), number);
            assertTrue(CardNumbers.passesLuhn(number), number);
            assertFalse(special.contains(CardNumbers.lastFour(number)), number);
        }
    }
}
