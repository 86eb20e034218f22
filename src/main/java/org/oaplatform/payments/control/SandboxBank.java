package org.oaplatform.payments.control;

import java.util.Map;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;

/**
 * A bank that exists only in this application, so that top-ups, withdrawals and their failures can be tried without
 * a real one. What a card does is fixed by its last four digits (docs/sandbox-bank.md lists them), so that a test or
 * a demo picks a failure by picking a card number.
 *
 * <p>It keeps no state: the application runs on several instances, and a card linked through one must behave the same
 * on another. So the behaviour is written into the token it issues, {@code sbx_<behaviour>_<random hex>}, and read
 * back from it; the token carries nothing of the card number. Being stateless it cannot deduplicate references the
 * way a real bank does; the wallet's own idempotency keys make sure it is not asked twice. Timeouts are reported at
 * once instead of after a wait, so that tests stay fast.
 *
 * <p>Chosen only in dev mode or by {@code OA_BANK_GATEWAY=sandbox} ({@link BankGateways}), which then warns in the
 * log and on {@code /health}: on a production domain it would mint balance from made-up cards.
 */
public final class SandboxBank implements BankGateway {

    private static final String TOKEN_PREFIX = "sbx_";
    private static final int TOKEN_RANDOM_BYTES = 16;

    private static final Map<String, String> BANKS_BY_BIN = Map.of(
            "622202", "Industrial and Commercial Bank of China",
            "621700", "China Construction Bank",
            "622848", "Agricultural Bank of China",
            "621661", "Bank of China",
            "622588", "China Merchants Bank");
    private static final String OTHER_BANK = "Sandbox Bank";

    /** What a linked card does, and its word in the token. */
    private enum Behaviour {
        OK("ok"),
        CHARGE_DECLINED("chargedeclined"),
        TIMES_OUT("timesout"),
        PAYOUT_FAILS_LATER("payoutfails"),
        /** The charge goes through but its answer is lost on the way back: only a status query tells. */
        CHARGE_ANSWER_LOST("answerlost");

        final String word;

        Behaviour(String word) {
            this.word = word;
        }

        static Behaviour ofLastFour(String lastFour) {
            return switch (lastFour) {
                case "0051" -> CHARGE_DECLINED;
                case "0119" -> TIMES_OUT;
                case "0077" -> PAYOUT_FAILS_LATER;
                case "0127" -> CHARGE_ANSWER_LOST;
                default -> OK;
            };
        }

        static Behaviour ofToken(String token) {
            if (token != null && token.startsWith(TOKEN_PREFIX)) {
                String rest = token.substring(TOKEN_PREFIX.length());
                int end = rest.indexOf('_');
                if (end > 0 && end < rest.length() - 1) {
                    String word = rest.substring(0, end);
                    for (Behaviour b : values()) {
                        if (b.word.equals(word)) {
                            return b;
                        }
                    }
                }
            }
            throw new BusinessException(PaymentError.CARD_DECLINED, "the bank does not know this card");
        }
    }

    private final Ids ids;

    public SandboxBank(Ids ids) {
        this.ids = ids;
    }

    @Override
    public LinkedCard link(String cardDigits) {
        String digits = CardNumbers.digitsOf(cardDigits).orElse(null);
        if (digits == null || !digits.equals(cardDigits) || !CardNumbers.passesLuhn(digits)) {
            throw new BusinessException(PaymentError.CARD_DECLINED, "the bank does not know this card number");
        }
        String lastFour = CardNumbers.lastFour(digits);
        switch (lastFour) {
            case "0002" -> throw new BusinessException(PaymentError.CARD_DECLINED);
            case "0069" -> throw new BusinessException(PaymentError.BANK_UNAVAILABLE);
            default -> {
                // links
            }
        }
        String token = TOKEN_PREFIX + Behaviour.ofLastFour(lastFour).word + "_" + ids.hex(TOKEN_RANDOM_BYTES);
        String bank = BANKS_BY_BIN.getOrDefault(digits.substring(0, 6), OTHER_BANK);
        char network = digits.charAt(0);
        CardType type = network == '4' || network == '5' ? CardType.CREDIT : CardType.DEBIT;
        return new LinkedCard(token, fingerprint(digits), bank, type);
    }

    @Override
    public void charge(String cardToken, long amountFen, String reference) {
        requireMovement(amountFen, reference);
        switch (Behaviour.ofToken(cardToken)) {
            case CHARGE_DECLINED -> throw new BusinessException(PaymentError.CARD_DECLINED);
            case TIMES_OUT, CHARGE_ANSWER_LOST -> throw new BusinessException(PaymentError.BANK_UNAVAILABLE);
            case OK, PAYOUT_FAILS_LATER -> {
                // charged
            }
        }
    }

    /**
     * Decided at once. Being stateless, the sandbox cannot tell a charge it never received from one it made, so it
     * answers by the card: {@code FAILED} for the declining card and for the one whose charges never arrive,
     * {@code SUCCEEDED} for all others.
     */
    @Override
    public MovementStatus chargeStatus(String cardToken, String reference) {
        return switch (Behaviour.ofToken(cardToken)) {
            case CHARGE_DECLINED, TIMES_OUT -> MovementStatus.FAILED;
            case OK, PAYOUT_FAILS_LATER, CHARGE_ANSWER_LOST -> MovementStatus.SUCCEEDED;
        };
    }

    @Override
    public void payout(String cardToken, long amountFen, String reference) {
        requireMovement(amountFen, reference);
        if (Behaviour.ofToken(cardToken) == Behaviour.TIMES_OUT) {
            throw new BusinessException(PaymentError.BANK_UNAVAILABLE);
        }
    }

    /**
     * Settled at once: {@code FAILED} for the failing card, and also for the card whose payouts time out, since
     * such a payout never reached the bank; {@code SUCCEEDED} otherwise.
     */
    @Override
    public MovementStatus payoutStatus(String cardToken, String reference) {
        return switch (Behaviour.ofToken(cardToken)) {
            case PAYOUT_FAILS_LATER, TIMES_OUT -> MovementStatus.FAILED;
            case OK, CHARGE_DECLINED, CHARGE_ANSWER_LOST -> MovementStatus.SUCCEEDED;
        };
    }

    /** The sandbox's stand-in for a bank's card fingerprint; a real gateway keys it with a secret of its own. */
    private static String fingerprint(String digits) {
        return "sbxfp_" + Hashing.sha256Hex("sandbox-bank-card:" + digits);
    }

    private static void requireMovement(long amountFen, String reference) {
        if (amountFen < 1) {
            throw new IllegalArgumentException("a bank moves at least 1 fen, not " + amountFen);
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a money movement needs the platform's reference");
        }
    }
}
