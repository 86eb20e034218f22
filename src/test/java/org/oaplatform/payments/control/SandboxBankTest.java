package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oaplatform.payments.control.BankGateway.CardType;
import org.oaplatform.payments.control.BankGateway.LinkedCard;
import org.oaplatform.payments.control.BankGateway.MovementStatus;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.ErrorCode;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.testsupport.SandboxCards;

class SandboxBankTest {

    private final SandboxBank bank = new SandboxBank(new Ids());

    private static void assertFails(ErrorCode expected, Executable call) {
        assertEquals(expected, assertThrows(BusinessException.class, call).code());
    }

    @Test
    void anOrdinaryCardDoesEverything() {
        LinkedCard card = bank.link(SandboxCards.OK_DEBIT);
        assertEquals("Industrial and Commercial Bank of China", card.bankName());
        assertEquals(CardType.DEBIT, card.cardType());
        assertDoesNotThrow(() -> bank.charge(card.token(), 10_000, "topup-1"));
        assertDoesNotThrow(() -> bank.payout(card.token(), 10_000, "withdrawal-1"));
        assertEquals(MovementStatus.SUCCEEDED, bank.payoutStatus(card.token(), "withdrawal-1"));
    }

    @Test
    void randomOrdinaryCardsDoEverything() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            LinkedCard card = bank.link(SandboxCards.randomOkDebit(random));
            bank.charge(card.token(), 1, "topup-" + i);
            bank.payout(card.token(), 1, "withdrawal-" + i);
            assertEquals(MovementStatus.SUCCEEDED, bank.payoutStatus(card.token(), "withdrawal-" + i));
        }
    }

    @Test
    void aCardDeclinedAtLinkIsNotLinked() {
        assertFails(PaymentError.CARD_DECLINED, () -> bank.link(SandboxCards.DECLINED_AT_LINK));
    }

    @Test
    void aLinkTheBankDoesNotAnswerTimesOut() {
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.link(SandboxCards.LINK_TIMES_OUT));
    }

    @Test
    void aCardWhoseChargesAreDeclinedStillTakesPayouts() {
        LinkedCard card = bank.link(SandboxCards.CHARGE_DECLINED);
        assertFails(PaymentError.CARD_DECLINED, () -> bank.charge(card.token(), 100, "topup-1"));
        bank.payout(card.token(), 100, "withdrawal-1");
        assertEquals(MovementStatus.SUCCEEDED, bank.payoutStatus(card.token(), "withdrawal-1"));
    }

    @Test
    void aBankThatTimesOutMovesNothing() {
        LinkedCard card = bank.link(SandboxCards.BANK_TIMES_OUT);
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge(card.token(), 100, "topup-1"));
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.payout(card.token(), 100, "withdrawal-1"));
        assertEquals(MovementStatus.FAILED, bank.payoutStatus(card.token(), "withdrawal-1"));
        assertEquals(MovementStatus.FAILED, bank.chargeStatus(card.token(), "topup-1"));
    }

    @Test
    void aChargeWhoseAnswerIsLostIsFoundByTheStatusQuery() {
        LinkedCard card = bank.link(SandboxCards.CHARGE_ANSWER_LOST);
        assertFails(PaymentError.BANK_UNAVAILABLE, () -> bank.charge(card.token(), 100, "topup-1"));
        assertEquals(MovementStatus.SUCCEEDED, bank.chargeStatus(card.token(), "topup-1"));
        bank.payout(card.token(), 100, "withdrawal-1");
        assertEquals(MovementStatus.SUCCEEDED, bank.payoutStatus(card.token(), "withdrawal-1"));
    }

    @Test
    void declinedChargesAreReportedFailedAndGoodOnesSucceeded() {
        assertEquals(MovementStatus.FAILED,
                bank.chargeStatus(bank.link(SandboxCards.CHARGE_DECLINED).token(), "topup-1"));
        assertEquals(MovementStatus.SUCCEEDED, bank.chargeStatus(bank.link(SandboxCards.OK_DEBIT).token(), "topup-1"));
    }

    @Test
    void aPayoutCanBeAcceptedAndFailLater() {
        LinkedCard card = bank.link(SandboxCards.PAYOUT_FAILS_LATER);
        bank.charge(card.token(), 100, "topup-1");
        assertDoesNotThrow(() -> bank.payout(card.token(), 100, "withdrawal-1"));
        assertEquals(MovementStatus.FAILED, bank.payoutStatus(card.token(), "withdrawal-1"));
    }

    @ParameterizedTest
    @CsvSource({
        "6222020000031234, Industrial and Commercial Bank of China, DEBIT",
        "6217000000004321, China Construction Bank, DEBIT",
        "6228480000014321, Agricultural Bank of China, DEBIT",
        "6216610000074321, Bank of China, DEBIT",
        "6225880000015678, China Merchants Bank, DEBIT",
        "6000000000014321, Sandbox Bank, DEBIT",
        "4111111111111111, Sandbox Bank, CREDIT",
        "5123450000024321, Sandbox Bank, CREDIT",
        "5555555555554444, Sandbox Bank, CREDIT"})
    void theBankAndTheCardTypeFollowTheNumber(String number, String bankName, CardType type) {
        LinkedCard card = bank.link(number);
        assertEquals(bankName, card.bankName());
        assertEquals(type, card.cardType());
    }

    @Test
    void tokensAreFreshAndRevealNothingOfTheNumber() {
        LinkedCard first = bank.link(SandboxCards.OK_DEBIT);
        LinkedCard second = bank.link(SandboxCards.OK_DEBIT);
        assertNotEquals(first.token(), second.token());
        assertTrue(first.token().startsWith("sbx_"), first.token());
        assertFalse(first.token().contains("1234"), first.token());
        assertFalse(first.token().contains("622202"), first.token());
    }

    @Test
    void anotherInstanceHonoursTheTokensOfThisOne() {
        SandboxBank elsewhere = new SandboxBank(new Ids());
        LinkedCard failing = bank.link(SandboxCards.PAYOUT_FAILS_LATER);
        LinkedCard declining = bank.link(SandboxCards.CHARGE_DECLINED);
        LinkedCard ok = bank.link(SandboxCards.OK_DEBIT_2);
        assertEquals(MovementStatus.FAILED, elsewhere.payoutStatus(failing.token(), "w"));
        assertFails(PaymentError.CARD_DECLINED, () -> elsewhere.charge(declining.token(), 1, "t"));
        elsewhere.charge(ok.token(), 1, "t");
        assertEquals(MovementStatus.SUCCEEDED, elsewhere.payoutStatus(ok.token(), "w"));
    }

    @Test
    void tokensTheBankDidNotIssueAreDeclined() {
        for (String token : new String[] {null, "", "sbx_", "sbx_ok_", "sbx_rich_abcdef", "tok_ok_abcdef", "ok"}) {
            assertFails(PaymentError.CARD_DECLINED, () -> bank.charge(token, 100, "topup-1"));
            assertFails(PaymentError.CARD_DECLINED, () -> bank.payout(token, 100, "withdrawal-1"));
            assertFails(PaymentError.CARD_DECLINED, () -> bank.payoutStatus(token, "withdrawal-1"));
        }
    }

    @Test
    void numbersThatAreNotCardNumbersAreDeclined() {
        assertFails(PaymentError.CARD_DECLINED, () -> bank.link(SandboxCards.LUHN_INVALID));
        assertFails(PaymentError.CARD_DECLINED, () -> bank.link("6222 0200 0003 1234"));
        assertFails(PaymentError.CARD_DECLINED, () -> bank.link("123"));
        assertFails(PaymentError.CARD_DECLINED, () -> bank.link(null));
    }

    @Test
    void movingNothingOrWithoutAReferenceIsAProgrammingError() {
        String token = bank.link(SandboxCards.OK_DEBIT).token();
        assertThrows(IllegalArgumentException.class, () -> bank.charge(token, 0, "topup-1"));
        assertThrows(IllegalArgumentException.class, () -> bank.payout(token, -1, "withdrawal-1"));
        assertThrows(IllegalArgumentException.class, () -> bank.charge(token, 100, " "));
        assertThrows(IllegalArgumentException.class, () -> bank.payout(token, 100, null));
    }
}
