package org.oaplatform.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oaplatform.accounts.entity.ActiveSession;
import org.oaplatform.officialaccounts.entity.AccountAdmission;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.VerificationStatus;
import org.oaplatform.wechatapi.entity.TokenGrant;

/** Every value kept in the grid comes back equal to what was cached. */
class GridValuesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T19:04:05.123456Z");

    @Test
    void tokenGrants() {
        roundTrip(TokenGrant.GRID, new TokenGrant(7, NOW, null));
        roundTrip(TokenGrant.GRID, new TokenGrant(7, NOW.plusSeconds(7200), NOW));
    }

    @Test
    void sessions() {
        roundTrip(ActiveSession.GRID, new ActiveSession(1L << 50, 3, NOW));
    }

    @Test
    void accountAdmissions() {
        for (AccountType type : AccountType.values()) {
            roundTrip(AccountAdmission.GRID, new AccountAdmission(9, "wx0123456789abcdef", type,
                    AccountRegion.values()[0], VerificationStatus.values()[0], null, Set.of()));
        }
        roundTrip(AccountAdmission.GRID, new AccountAdmission(9, "wx0123456789abcdef", AccountType.values()[0],
                AccountRegion.values()[AccountRegion.values().length - 1], VerificationStatus.VERIFIED, NOW,
                Set.of("203.0.113.7", "2001:db8::1")));
    }

    private static <V> void roundTrip(GridCodec<V> codec, V value) {
        assertEquals(value, codec.decode(codec.encode(value)));
    }
}
