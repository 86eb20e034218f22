package org.oaplatform.merchants.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The platform's fee on merchant payments ({@code oa.merchant.fee-rate}, env {@code OA_MERCHANT_FEE_RATE}, default
 * 0.006 = 0.6 %, WeChat's usual rate). It is charged per transaction, rounded half-up to the fen, as WeChat's bill
 * lists it; a refund gives back the fee of the refunded amount. The bill and the settlement use this one rule, so the
 * bill's fee column adds up to what the settlement charged.
 */
public record FeeRate(BigDecimal rate) {

    /** A tenth: no installation charges more, and a typo such as 0.6 for 0.6 % is refused, not charged. */
    private static final BigDecimal MOST = new BigDecimal("0.1");

    public FeeRate {
        if (rate == null || rate.signum() < 0 || rate.compareTo(MOST) > 0) {
            throw new IllegalArgumentException("oa.merchant.fee-rate must be from 0 to 0.1 (0.006 is 0.6 %), not "
                    + rate);
        }
    }

    public static FeeRate of(String text) {
        try {
            return new FeeRate(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("oa.merchant.fee-rate must be a decimal such as 0.006, not " + text, e);
        }
    }

    /** The fee on {@code fen}, in fen, half-up; negative for a negative amount (a refund). */
    public long feeOf(long fen) {
        BigDecimal fee = BigDecimal.valueOf(Math.abs(fen)).multiply(rate).setScale(0, RoundingMode.HALF_UP);
        return fen < 0 ? -fee.longValueExact() : fee.longValueExact();
    }

    /** As the bill prints it: {@code 0.60%}. */
    public String label() {
        return rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
