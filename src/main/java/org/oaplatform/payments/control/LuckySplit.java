package org.oaplatform.payments.control;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Splits a red packet into shares, in whole fen. A lucky packet uses the bounded double-mean method (二倍均值法,
 * payments.md §1.5): each share is drawn uniformly between the bounds that still let every later share be at least
 * 1 fen and at most the per-share cap, and at most twice the remaining mean, so that claiming early or late is fair
 * on average. The naive {@code rand(1, 2R/k)} can leave 0 fen for the last share, and {@code double} arithmetic can
 * lose a fen; the bounds below and integer arithmetic rule out both.
 *
 * <p>The invariants (I1–I4) hold for every input that meets the precondition {@code k ≤ R ≤ MAX·k}; inputs that do
 * not are refused with {@link IllegalArgumentException} rather than split badly. The random source is a parameter so
 * that callers choose it (a {@code SecureRandom} in production: shares are money) and tests can fix a seed.
 */
public final class LuckySplit {

    private LuckySplit() {
    }

    /**
     * The next share of a lucky packet that has {@code remainingFen} left for {@code remainingShares} claimers.
     * The last share takes whatever remains.
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ remainingShares ≤ remainingFen ≤ maxShareFen · remainingShares}
     */
    public static long nextShare(long remainingFen, int remainingShares, long maxShareFen, RandomGenerator random) {
        requireSplittable(remainingFen, remainingShares, maxShareFen);
        long r = remainingFen;
        int k = remainingShares;
        if (k == 1) {
            return r;
        }
        // The others can take at most MAX each, so this share must take the rest of what they cannot.
        long lo = Math.max(1, Math.subtractExact(r, saturatedProduct(maxShareFen, k - 1)));
        // floor(2R / k), computed without forming 2R (k ≥ 2, so 2·(R / k) cannot overflow).
        long twiceMean = 2 * (r / k) + 2 * (r % k) / k;
        // Leave at least 1 fen for each of the other k − 1 shares, and never exceed the cap.
        long hi = Math.min(Math.min(twiceMean, r - (k - 1)), maxShareFen);
        return random.nextLong(lo, hi + 1);
    }

    /**
     * All shares of a lucky packet, in claim order, drawn up front so that they can be stored and audited before
     * anyone claims.
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ shares ≤ totalFen ≤ maxShareFen · shares}
     */
    public static long[] lucky(long totalFen, int shares, long maxShareFen, RandomGenerator random) {
        requireSplittable(totalFen, shares, maxShareFen);
        long[] result = new long[shares];
        long remaining = totalFen;
        for (int i = 0; i < shares; i++) {
            result[i] = nextShare(remaining, shares - i, maxShareFen, random);
            remaining -= result[i];
        }
        return result;
    }

    /**
     * The shares of a normal packet: {@code shares} times {@code eachFen}.
     *
     * @throws IllegalArgumentException unless both are at least 1 and the total fits in a {@code long}
     */
    public static long[] equal(long eachFen, int shares) {
        if (eachFen < 1 || shares < 1) {
            throw new IllegalArgumentException("a share is at least 1 fen and a packet has at least 1 share");
        }
        try {
            Math.multiplyExact(eachFen, (long) shares);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the total of " + shares + " shares of " + eachFen + " fen overflows");
        }
        long[] result = new long[shares];
        Arrays.fill(result, eachFen);
        return result;
    }

    private static void requireSplittable(long totalFen, int shares, long maxShareFen) {
        if (shares < 1) {
            throw new IllegalArgumentException("a packet has at least 1 share, not " + shares);
        }
        if (totalFen < shares) {
            throw new IllegalArgumentException(
                    totalFen + " fen cannot give each of " + shares + " shares at least 1 fen");
        }
        if (maxShareFen < 1 || totalFen > saturatedProduct(maxShareFen, shares)) {
            throw new IllegalArgumentException(
                    totalFen + " fen in " + shares + " shares would put more than " + maxShareFen + " fen in one");
        }
    }

    /** {@code a · b} for non-negative factors, or {@link Long#MAX_VALUE} when that does not fit: a cap so large is no cap. */
    private static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
