package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Invariants I1–I4 of payments.md §1.5 as properties over generated packets (jqwik), and I5, fairness, as one
 * statistical check with a fixed seed (JUnit Jupiter). Both engines run in the same surefire run.
 */
class LuckySplitTest {

    private static final long CAP = 20_000;

    /** A lucky packet that meets the precondition {@code shares ≤ total ≤ max · shares}. */
    record Packet(long total, int shares, long max) {
    }

    @Provide
    Arbitrary<Packet> packets() {
        Arbitrary<Integer> shares = Arbitraries.integers().between(1, 200).edgeCases(c -> c.add(1, 2, 100));
        Arbitrary<Long> caps = Arbitraries.longs().between(1, CAP);
        Arbitrary<Packet> any = Combinators.combine(shares, caps).flatAs((n, max) -> Arbitraries.longs()
                .between(n, max * n)
                .edgeCases(c -> {
                    if (n <= 20_000 && 20_000 <= max * n) {
                        c.add(20_000L);
                    }
                })
                .map(total -> new Packet(total, n, max)));
        Arbitrary<Packet> edges = Arbitraries.of(
                new Packet(1, 1, CAP), new Packet(CAP, 1, CAP),
                new Packet(2, 2, CAP), new Packet(2 * CAP, 2, CAP), new Packet(3, 2, CAP),
                new Packet(100, 100, CAP), new Packet(100 * CAP, 100, CAP), new Packet(20_000, 100, CAP),
                new Packet(20_000, 10, CAP), new Packet(20_000, 2, CAP),
                new Packet(7, 7, 3), new Packet(21, 7, 3), new Packet(20, 7, 3));
        return Arbitraries.frequencyOf(Tuple.of(4, any), Tuple.of(1, edges));
    }

    private static long[] split(Packet p, long seed) {
        return LuckySplit.lucky(p.total(), p.shares(), p.max(), new SplittableRandom(seed));
    }

    @Property
    void i1EveryShareIsAtLeastOneFen(@ForAll("packets") Packet p, @ForAll long seed) {
        Statistics.label("total == N").collect(p.total() == p.shares());
        Statistics.label("total == MAX·N").collect(p.total() == p.max() * p.shares());
        Statistics.label("N").collect(p.shares() == 1 || p.shares() == 2 || p.shares() == 100 ? p.shares() : "other");
        Statistics.label("total 20 000").collect(p.total() == 20_000);

        for (long share : split(p, seed)) {
            assertTrue(share >= 1, () -> p + " gave a share of " + share);
        }

        Statistics.label("total == N").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("total == MAX·N").coverage(c -> c.check(true).count(n -> n > 0));
        Statistics.label("N").coverage(c -> {
            c.check(1).count(n -> n > 0);
            c.check(2).count(n -> n > 0);
            c.check(100).count(n -> n > 0);
        });
        Statistics.label("total 20 000").coverage(c -> c.check(true).count(n -> n > 0));
    }

    @Property
    void i2SharesSumExactlyToTheTotal(@ForAll("packets") Packet p, @ForAll long seed) {
        long sum = 0;
        for (long share : split(p, seed)) {
            sum = Math.addExact(sum, share);
        }
        assertEquals(p.total(), sum);
    }

    @Property
    void i3ThereAreExactlyNShares(@ForAll("packets") Packet p, @ForAll long seed) {
        assertEquals(p.shares(), split(p, seed).length);
    }

    @Property
    void i4NoShareExceedsTheCap(@ForAll("packets") Packet p, @ForAll long seed) {
        for (long share : split(p, seed)) {
            assertTrue(share <= p.max(), () -> p + " gave a share of " + share);
        }
    }

    @Property
    void nextShareStaysWithinItsBounds(@ForAll("packets") Packet p, @ForAll long seed) {
        long r = p.total();
        int k = p.shares();
        long share = LuckySplit.nextShare(r, k, p.max(), new SplittableRandom(seed));
        if (k == 1) {
            assertEquals(r, share);
            return;
        }
        assertTrue(share >= 1 && share <= p.max(), () -> p + " → " + share);
        assertTrue(share <= 2 * r / k, () -> p + " → " + share + " is more than twice the mean");
        long left = r - share;
        assertTrue(left >= k - 1, () -> p + " → " + share + " leaves less than 1 fen for someone");
        assertTrue(left <= p.max() * (k - 1), () -> p + " → " + share + " forces a later share above the cap");
    }

    @Property
    void tooLittleMoneyIsRefused(@ForAll @IntRange(min = 1, max = 200) int shares,
            @ForAll @LongRange(min = 1, max = CAP) long max, @ForAll @LongRange(min = 1, max = 1_000) long shortBy) {
        long total = shares - shortBy;
        assertThrows(IllegalArgumentException.class, () -> LuckySplit.lucky(total, shares, max, new SplittableRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> LuckySplit.nextShare(total, shares, max, new SplittableRandom()));
    }

    @Property
    void tooMuchMoneyForTheCapIsRefused(@ForAll @IntRange(min = 1, max = 200) int shares,
            @ForAll @LongRange(min = 1, max = CAP) long max, @ForAll @LongRange(min = 1, max = 1_000_000) long overBy) {
        long total = max * shares + overBy;
        assertThrows(IllegalArgumentException.class, () -> LuckySplit.lucky(total, shares, max, new SplittableRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> LuckySplit.nextShare(total, shares, max, new SplittableRandom()));
    }

    @Property
    void noSharesOrNoCapIsRefused(@ForAll @IntRange(min = -100, max = 0) int notAShareCount,
            @ForAll @LongRange(min = -100, max = 0) long notACap) {
        assertThrows(IllegalArgumentException.class,
                () -> LuckySplit.lucky(10_000, notAShareCount, CAP, new SplittableRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> LuckySplit.nextShare(10_000, notAShareCount, CAP, new SplittableRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> LuckySplit.lucky(10, 10, notACap, new SplittableRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> LuckySplit.nextShare(10, 10, notACap, new SplittableRandom()));
    }

    @Property
    void anEqualSplitGivesEveryoneTheSame(@ForAll @LongRange(min = 1, max = CAP) long each,
            @ForAll @IntRange(min = 1, max = 200) int shares) {
        long[] split = LuckySplit.equal(each, shares);
        assertEquals(shares, split.length);
        assertTrue(Arrays.stream(split).allMatch(share -> share == each));
        assertEquals(each * shares, Arrays.stream(split).sum());
    }

    @Property
    void anEqualSplitOfNothingIsRefused(@ForAll @LongRange(min = -100, max = 0) long notAnAmount,
            @ForAll @IntRange(min = -100, max = 0) int notAShareCount) {
        assertThrows(IllegalArgumentException.class, () -> LuckySplit.equal(notAnAmount, 10));
        assertThrows(IllegalArgumentException.class, () -> LuckySplit.equal(100, notAShareCount));
    }

    @Test
    void anEqualSplitWhoseTotalOverflowsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LuckySplit.equal(Long.MAX_VALUE / 2 + 1, 2));
    }

    @Test
    void twoFenForTwoIsOneEachNeverZeroAndTwo() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            assertArrayEquals(new long[] {1, 1}, LuckySplit.lucky(2, 2, CAP, random));
        }
    }

    @Test
    void aFullPacketGivesEveryoneTheCap() {
        long[] split = LuckySplit.lucky(10 * CAP, 10, CAP, new SplittableRandom(7));
        assertTrue(Arrays.stream(split).allMatch(share -> share == CAP));
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long[] split = LuckySplit.lucky(Long.MAX_VALUE, 3, Long.MAX_VALUE, new SplittableRandom(3));
        assertEquals(Long.MAX_VALUE, split[0] + split[1] + split[2]);
        assertTrue(Arrays.stream(split).allMatch(share -> share >= 1));
    }

    /** I5: 100 CNY in 10 shares, 20 000 times; every position's mean within ±2 % of 1 000 fen. */
    @Test
    void i5ClaimingEarlyOrLateIsFairOnAverage() {
        int packets = 20_000;
        int shares = 10;
        long total = 10_000;
        long[] sums = new long[shares];
        SplittableRandom random = new SplittableRandom(20_261_101L);
        for (int i = 0; i < packets; i++) {
            long[] split = LuckySplit.lucky(total, shares, CAP, random);
            for (int position = 0; position < shares; position++) {
                sums[position] += split[position];
            }
        }
        long expectedSum = total / shares * packets;
        long tolerance = expectedSum / 50;
        for (int position = 0; position < shares; position++) {
            long sum = sums[position];
            int claimer = position + 1;
            assertTrue(Math.abs(sum - expectedSum) <= tolerance, () -> "claimer " + claimer + " got "
                    + sum / packets + " fen on average, expected " + total / shares + " ± 2 %");
        }
    }
}
