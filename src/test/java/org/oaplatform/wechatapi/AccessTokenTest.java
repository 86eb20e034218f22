package org.oaplatform.wechatapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.oaplatform.wechatapi.entity.AccessToken.Kind;
import org.oaplatform.wechatapi.entity.AccessToken.State;
import org.oaplatform.wechatapi.entity.AccessToken;

class AccessTokenTest {

    private final Instant issued = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void validForTwoHours() {
        AccessToken token = new AccessToken(1, "h", Kind.NORMAL, issued, null);
        assertEquals(State.VALID, token.stateAt(issued.plusSeconds(7199)));
        assertEquals(State.EXPIRED, token.stateAt(issued.plusSeconds(7200)));
        assertEquals(7200, token.secondsLeftAt(issued));
    }

    @Test
    void endedTokenIsExpiredAtOnce() {
        AccessToken token = new AccessToken(1, "h", Kind.STABLE, issued, null);
        token.end(issued.plusSeconds(10));
        assertEquals(State.EXPIRED, token.stateAt(issued.plusSeconds(10)));
    }
}
