package org.oaplatform.payments.control;

/**
 * The seam between the wallet and a bank or payment service provider. The platform never keeps a card number
 * (payments.md §5.2): it hands the number over once, at {@link #link}, and afterwards names the card only by the
 * token the bank issued. Today {@link SandboxBank} is the only implementation; a real one replaces it without the
 * wallet noticing, which is the one reason this is an interface.
 *
 * <p>Every failure is a {@link org.oaplatform.platform.control.BusinessException}: {@code CARD_DECLINED} when the
 * bank refused, {@code BANK_UNAVAILABLE} when it did not answer in time. The {@code reference} of a money movement is
 * the platform's own id of the top-up or withdrawal; a real bank deduplicates by it, so a retry with the same
 * reference never moves money twice.
 */
public interface BankGateway {

    /**
     * Registers a card with the bank (in real life after the bank's SMS check).
     *
     * @param cardDigits 13 to 19 ASCII digits that pass the Luhn check, as {@link CardNumbers#digitsOf} gives them
     */
    LinkedCard link(String cardDigits);

    /** Pulls {@code amountFen} from the card into the platform (a top-up); done when this returns. */
    void charge(String cardToken, long amountFen, String reference);

    /**
     * Asks the bank to pay {@code amountFen} out to the card (a withdrawal). Returning means only that the bank
     * accepted it; the money arrives, or does not, later: see {@link #payoutStatus}.
     */
    void payout(String cardToken, long amountFen, String reference);

    /** Where an accepted payout stands. */
    PayoutStatus payoutStatus(String cardToken, String reference);

    /**
     * What the bank says about a card it linked.
     *
     * @param token the bank's name for the card from now on; stored instead of the number
     * @param fingerprint the same for every link of the same card number (like a PSP's card fingerprint), so that a
     *     card linked twice is recognised without the platform keeping anything derived from the number itself
     */
    record LinkedCard(String token, String fingerprint, String bankName, CardType cardType) {
    }

    enum CardType {
        DEBIT, CREDIT
    }

    enum PayoutStatus {
        /** Accepted, not settled yet: ask again later. */
        PROCESSING,
        /** The money reached the card. */
        SUCCEEDED,
        /** The money did not reach the card and is the platform's again; the withdrawal must be refunded. */
        FAILED
    }
}
