package org.oaplatform.payments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.oaplatform.payments.control.WithdrawalFee.Quote;

class WithdrawalFeeTest {

    @Test
    void insideTheQuotaIsFree() {
        assertEquals(new Quote(0, 50_000), WithdrawalFee.quote(50_000, 0));
        assertEquals(new Quote(0, 1), WithdrawalFee.quote(1, 99_999));
    }

    @Test
    void exactlyUsingUpTheQuotaIsStillFree() {
        assertEquals(new Quote(0, 100_000), WithdrawalFee.quote(100_000, 0));
        assertEquals(new Quote(0, 60_000), WithdrawalFee.quote(60_000, 40_000));
    }

    @Test
    void aFirstWithdrawalOf2000CnyCosts1Cny() {
        assertEquals(new Quote(100, 100_000), WithdrawalFee.quote(200_000, 0));
    }

    @Test
    void crossingTheRestOfTheQuotaChargesOnlyTheExcess() {
        // 300 CNY left free, 500 CNY withdrawn: 0.1 % of 200 CNY is 0.20 CNY.
        assertEquals(new Quote(20, 30_000), WithdrawalFee.quote(50_000, 70_000));
    }

    @Test
    void anyExcessCostsAtLeastTenFen() {
        assertEquals(new Quote(10, 100_000), WithdrawalFee.quote(100_001, 0));
        assertEquals(new Quote(10, 1_000), WithdrawalFee.quote(2_000, 99_000));
        assertEquals(new Quote(10, 0), WithdrawalFee.quote(101_001 - 100_000, 100_000));
        assertEquals(new Quote(10, 0), WithdrawalFee.quote(9_001, 100_000));
        assertEquals(new Quote(10, 0), WithdrawalFee.quote(10_000, 100_000));
    }

    @Test
    void aboveTheMinimumTheFeeIsRoundedUpToWholeFen() {
        assertEquals(new Quote(11, 0), WithdrawalFee.quote(10_001, 100_000));
        assertEquals(new Quote(1_000, 100_000), WithdrawalFee.quote(1_100_000, 0));
        assertEquals(new Quote(1_001, 100_000), WithdrawalFee.quote(1_100_001, 0));
        assertEquals(new Quote(1_001, 0), WithdrawalFee.quote(1_001_000, 100_000));
    }

    @Test
    void anExhaustedQuotaChargesTheWholeAmount() {
        assertEquals(new Quote(10, 0), WithdrawalFee.quote(1, 100_000));
        assertEquals(new Quote(500, 0), WithdrawalFee.quote(500_000, 100_000));
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long excess = Long.MAX_VALUE - 100_000;
        assertEquals(new Quote(excess / 1_000 + 1, 100_000), WithdrawalFee.quote(Long.MAX_VALUE, 0));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WithdrawalFee.quote(0, 0));
        assertThrows(IllegalArgumentException.class, () -> WithdrawalFee.quote(-100, 0));
        assertThrows(IllegalArgumentException.class, () -> WithdrawalFee.quote(100, -1));
        assertThrows(IllegalArgumentException.class, () -> WithdrawalFee.quote(100, 100_001));
    }
}
