package org.oaplatform.payments.control;

import org.oaplatform.platform.control.BusinessException;

/**
 * The gateway of an installation without a bank ({@code OA_BANK_GATEWAY=none}, production's default): the wallet
 * still holds, sends and receives money, but nothing enters or leaves it. The boundaries ask
 * {@link #requireConfigured} before they record anything; the operations refuse as well, so that a movement left
 * pending from a time when a bank was configured stays pending (and is logged by its timer) instead of being settled
 * on a guess.
 */
public final class NoBank implements BankGateway {

    @Override
    public void requireConfigured() {
        throw notConfigured();
    }

    @Override
    public LinkedCard link(String cardDigits) {
        throw notConfigured();
    }

    @Override
    public void charge(String cardToken, long amountFen, String reference) {
        throw notConfigured();
    }

    @Override
    public MovementStatus chargeStatus(String cardToken, String reference) {
        throw notConfigured();
    }

    @Override
    public void payout(String cardToken, long amountFen, String reference) {
        throw notConfigured();
    }

    @Override
    public MovementStatus payoutStatus(String cardToken, String reference) {
        throw notConfigured();
    }

    private static BusinessException notConfigured() {
        return new BusinessException(PaymentError.BANK_NOT_CONFIGURED);
    }
}
