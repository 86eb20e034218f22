package org.oaplatform.payments.control;

/**
 * WeChat's withdrawal (提现) fee, payments.md §1.2: each person withdraws 1,000 CNY free over their lifetime; beyond
 * what is left of that quota a withdrawal costs 0.1 % of the excess, at least 0.10 CNY. The fee is taken from the
 * balance on top of the amount (a first withdrawal of 2,000 CNY needs 2,001 CNY).
 *
 * <p>No source gives a rounding rule, so this is our choice: the fee is rounded <em>up</em> to whole fen,
 * {@code max(10, ceil(excess / 1000))}, which never charges less than 0.1 % and never needs fractions of a fen. It
 * is a pure function of the amount and the quota already used, so that the caller can quote it before asking for
 * the payment password and charge exactly the quoted fee afterwards.
 */
public final class WithdrawalFee {

    /** The free quota of a person's whole life: 1,000 CNY. */
    public static final long LIFETIME_FREE_FEN = 100_000;

    /** The least fee of a withdrawal that exceeds the free quota at all: 0.10 CNY. */
    public static final long MINIMUM_FEE_FEN = 10;

    /** 0.1 % is one fen per this many fen of excess. */
    private static final long FEN_PER_FEE_FEN = 1_000;

    private WithdrawalFee() {
    }

    /**
     * What withdrawing {@code amountFen} costs.
     *
     * @param feeFen charged on top of the amount; zero while the free quota covers the whole amount
     * @param freeQuotaConsumedFen how much of the free quota this withdrawal uses up, to add to the person's total
     */
    public record Quote(long feeFen, long freeQuotaConsumedFen) {
    }

    /**
     * @param amountFen what the person withdraws, at least 1 fen
     * @param freeQuotaUsedFen how much of the lifetime quota earlier withdrawals used, between 0 and
     *        {@link #LIFETIME_FREE_FEN}
     * @throws IllegalArgumentException when either is out of range
     */
    public static Quote quote(long amountFen, long freeQuotaUsedFen) {
        if (amountFen < 1) {
            throw new IllegalArgumentException("a withdrawal is at least 1 fen, not " + amountFen);
        }
        if (freeQuotaUsedFen < 0 || freeQuotaUsedFen > LIFETIME_FREE_FEN) {
            throw new IllegalArgumentException("the free quota used must be between 0 and " + LIFETIME_FREE_FEN
                    + " fen, not " + freeQuotaUsedFen);
        }
        long consumed = Math.min(amountFen, LIFETIME_FREE_FEN - freeQuotaUsedFen);
        long excess = amountFen - consumed;
        if (excess == 0) {
            return new Quote(0, consumed);
        }
        long roundedUp = excess / FEN_PER_FEE_FEN + (excess % FEN_PER_FEE_FEN == 0 ? 0 : 1);
        return new Quote(Math.max(MINIMUM_FEE_FEN, roundedUp), consumed);
    }
}
