package org.oaplatform.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oaplatform.accounts.control.AccountError;
import org.oaplatform.accounts.control.CodePolicy;

class CodePolicyTest {

    private final CodePolicy policy = CodePolicy.STANDARD;
    private final Instant now = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void firstCodeIsAllowed() {
        assertEquals(Optional.empty(), policy.refusal(now, Optional.empty(), 0, 0));
    }

    @Test
    void resendNeedsSixtySeconds() {
        assertEquals(Optional.of(AccountError.CODE_REQUESTED_TOO_SOON),
                policy.refusal(now, Optional.of(now.minusSeconds(59)), 1, 1));
        assertEquals(Optional.empty(), policy.refusal(now, Optional.of(now.minusSeconds(60)), 1, 1));
    }

    @Test
    void tenPerPhonePerDay() {
        assertEquals(Optional.empty(), policy.refusal(now, Optional.of(now.minusSeconds(600)), 9, 0));
        assertEquals(Optional.of(AccountError.CODE_LIMIT_REACHED),
                policy.refusal(now, Optional.of(now.minusSeconds(600)), 10, 0));
    }

    @Test
    void hourlyCapPerAddress() {
        assertEquals(Optional.empty(), policy.refusal(now, Optional.empty(), 0, 29));
        assertEquals(Optional.of(AccountError.CODE_LIMIT_REACHED), policy.refusal(now, Optional.empty(), 0, 30));
    }

    @Test
    void codeLivesFiveMinutes() {
        Instant expiry = policy.expiryOf(now);
        assertEquals(now.plusSeconds(300), expiry);
        assertTrue(policy.usable(now.plusSeconds(299), expiry, 0, false));
        assertFalse(policy.usable(now.plusSeconds(300), expiry, 0, false));
    }

    @Test
    void fiveWrongTriesBurnACode() {
        Instant expiry = policy.expiryOf(now);
        assertTrue(policy.usable(now, expiry, 4, false));
        assertFalse(policy.usable(now, expiry, 5, false));
    }

    @Test
    void aSpentCodeIsNotUsable() {
        assertFalse(policy.usable(now, policy.expiryOf(now), 0, true));
    }
}
