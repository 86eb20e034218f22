package org.oaplatform.wechatapi.boundary;

import java.time.Clock;

/** Wires {@link ApiQuotas} by hand for unit tests, as CDI would. */
public final class TestAccess {

    private TestAccess() {
    }

    public static ApiQuotas quotas(QuotaReservations reservations, Clock clock) {
        ApiQuotas quotas = new ApiQuotas();
        quotas.reservations = reservations;
        quotas.clock = clock;
        return quotas;
    }
}
