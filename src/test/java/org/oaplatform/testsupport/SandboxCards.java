package org.oaplatform.testsupport;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Card numbers for the sandbox bank, one per behaviour (docs/sandbox-bank.md). All are Luhn-valid except
 * {@link #LUHN_INVALID}; since the last digit of a card number is its check digit, the numbers that must end in
 * given four digits were made valid by choosing an earlier digit.
 */
public final class SandboxCards {

    /** Industrial and Commercial Bank of China, debit; everything succeeds. */
    public static final String OK_DEBIT = "6222020000031234";
    /** China Merchants Bank, debit; everything succeeds. */
    public static final String OK_DEBIT_2 = "6225880000015678";
    /** Credit (starts with 4), "Sandbox Bank"; everything succeeds. */
    public static final String CREDIT_OK = "4111111111111111";
    /** The bank refuses to link it. */
    public static final String DECLINED_AT_LINK = "6222020000050002";
    /** The bank does not answer when it is linked. */
    public static final String LINK_TIMES_OUT = "6222020000050069";
    /** Links; top-ups from it are declined; withdrawals to it succeed. */
    public static final String CHARGE_DECLINED = "6222020000050051";
    /** Links; top-ups and withdrawals time out, and never reach the bank. */
    public static final String BANK_TIMES_OUT = "6222020000050119";
    /** Links; a top-up's charge goes through but its answer is lost: the bank's status query says it succeeded. */
    public static final String CHARGE_ANSWER_LOST = "6222020000050127";
    /** Links; a withdrawal is accepted and later reported failed. */
    public static final String PAYOUT_FAILS_LATER = "6222020000050077";
    /** {@link #OK_DEBIT} with a wrong check digit. */
    public static final String LUHN_INVALID = "6222020000031235";

    private static final Set<String> SPECIAL_LAST_FOUR = Set.of("0002", "0069", "0051", "0119", "0077", "0127");

    private SandboxCards() {
    }

    /** A fresh Luhn-valid ICBC debit number (622202...) that behaves like {@link #OK_DEBIT}. */
    public static String randomOkDebit(RandomGenerator random) {
        while (true) {
            StringBuilder number = new StringBuilder("622202");
            while (number.length() < 15) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            number.append(checkDigit(number));
            if (!SPECIAL_LAST_FOUR.contains(number.substring(12))) {
                return number.toString();
            }
        }
    }

    /** The digit that makes {@code body} followed by it pass the Luhn check. */
    private static char checkDigit(CharSequence body) {
        int sum = 0;
        boolean doubled = true; // the check digit itself is not doubled, so its neighbour is
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
