package org.oaplatform.payments.control;

import org.oaplatform.platform.control.BusinessException;

/**
 * The amount limits of the wallet, in fen, and the one check every flow applies to an amount a client sent. WeChat's
 * own caps depend on verification level (payments.md §1.1); these are the platform's defaults.
 */
public final class WalletLimits {

    public static final long MAX_TOP_UP = 5_000_000;
    public static final long MAX_WITHDRAWAL = 5_000_000;
    public static final long MAX_TRANSFER = 5_000_000;
    /** 200 CNY per red packet, whatever its kind. */
    public static final long MAX_RED_PACKET = 20_000;
    public static final int MAX_RED_PACKET_SHARES = 100;
    public static final int MAX_CARDS = 10;

    private WalletLimits() {
    }

    /** @throws BusinessException unless {@code 0 < amount <= limit} */
    public static long requireAmount(Long amount, long limit, String what) {
        if (amount == null || amount <= 0) {
            throw new BusinessException(PaymentError.AMOUNT_INVALID,
                    what + " must be a positive whole number of fen (1 CNY = 100 fen)");
        }
        if (amount > limit) {
            throw new BusinessException(PaymentError.AMOUNT_ABOVE_LIMIT,
                    what + " is above the limit of " + limit + " fen");
        }
        return amount;
    }
}
