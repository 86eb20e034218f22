package org.oaplatform.payments.control;

import java.time.Duration;

/**
 * The seam between the wallet and a bank or payment service provider. The platform never keeps a card number
 * (payments.md §5.2): it hands the number over once, at {@link #link}, and afterwards names the card only by the
 * token the bank issued. The installation chooses one implementation ({@link BankGateways}, {@code OA_BANK_GATEWAY}):
 * {@link HttpBankGateway} to a payment service provider, {@link SandboxBank} for development, or {@link NoBank}.
 * docs/bank-gateway.md is the contract a provider's adapter fulfils.
 *
 * <p>Every failure is a {@link org.oaplatform.platform.control.BusinessException}: {@code CARD_DECLINED} when the
 * bank refused, {@code BANK_UNAVAILABLE} when it did not answer in time. The {@code reference} of a money movement is
 * the platform's own id of the top-up or withdrawal; a real bank deduplicates by it, so a retry with the same
 * reference never moves money twice.
 */
public interface BankGateway {

    /**
     * The longest a call to the bank may take; an implementation gives up (with {@code BANK_UNAVAILABLE}) sooner.
     * The platform asks the bank about a charge or a payout only once it is older than this, so that a status query
     * never calls "never received" a movement whose request is still on its way.
     */
    Duration LONGEST_CALL = Duration.ofMinutes(1);

    /**
     * Refuses, before anything is recorded, when this installation has no bank ({@code BANK_NOT_CONFIGURED}): a
     * top-up or a withdrawal must not leave a pending row, an idempotency key or a debit behind that no bank will
     * ever settle.
     */
    default void requireConfigured() {
    }

    /**
     * Registers a card with the bank (in real life after the bank's SMS check).
     *
     * @param cardDigits 13 to 19 ASCII digits that pass the Luhn check, as {@link CardNumbers#digitsOf} gives them
     */
    LinkedCard link(String cardDigits);

    /**
     * Pulls {@code amountFen} from the card into the platform (a top-up); done when this returns. A
     * {@code BANK_UNAVAILABLE} failure is ambiguous: the charge may have gone through, so the caller keeps the top-up
     * pending and asks {@link #chargeStatus} later (or charges again with the same reference, which a bank
     * deduplicates).
     */
    void charge(String cardToken, long amountFen, String reference);

    /** Where a charge stands: {@code FAILED} also when the bank never received it. */
    MovementStatus chargeStatus(String cardToken, String reference);

    /**
     * Asks the bank to pay {@code amountFen} out to the card (a withdrawal). Returning means only that the bank
     * accepted it; the money arrives, or does not, later: see {@link #payoutStatus}.
     */
    void payout(String cardToken, long amountFen, String reference);

    /** Where an accepted payout stands. */
    MovementStatus payoutStatus(String cardToken, String reference);

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

    /** Where a charge or a payout stands at the bank. */
    enum MovementStatus {
        /** Accepted, not settled yet: ask again later. */
        PROCESSING,
        /** The money moved: off the card for a charge, onto it for a payout. */
        SUCCEEDED,
        /** The money did not move (declined, failed, or never received); a payout must be refunded. */
        FAILED
    }
}
