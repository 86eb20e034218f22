package org.oaplatform.payments.control;

import java.util.Optional;

/**
 * Bank card numbers as people type them. The number is checked here, before it goes to the bank, so that a typo is
 * answered at once as a typo rather than as a refusal; afterwards only the bank's token and the last four digits are
 * kept (payments.md §5.2), which is why nothing here returns more of the number than {@link #lastFour}.
 */
public final class CardNumbers {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /**
     * The digits of a card number written with spaces or hyphens between groups, present only when 13 to 19 ASCII
     * digits and nothing else remain. Other digits (full-width ones, say) are refused rather than converted: a bank
     * would not accept them either.
     */
    public static Optional<String> digitsOf(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            digits.append(c);
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(digits.toString());
    }

    /**
     * Whether the last digit is the Luhn check digit of the others (ISO/IEC 7812-1); false for anything that is not
     * a non-empty string of ASCII digits. It catches every single mistyped digit and most swaps of neighbours.
     */
    public static boolean passesLuhn(String digits) {
        if (digits == null || digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The last four digits, the most of a card number that is ever stored or shown. */
    public static String lastFour(String digits) {
        if (digits == null || digits.length() < 4) {
            throw new IllegalArgumentException("a card number has more than four digits");
        }
        return digits.substring(digits.length() - 4);
    }
}
