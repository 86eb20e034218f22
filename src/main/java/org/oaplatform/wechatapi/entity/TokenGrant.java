package org.oaplatform.wechatapi.entity;

import java.time.Instant;
import org.oaplatform.platform.control.GridCodec;
import org.oaplatform.platform.control.GridFields;
import org.oaplatform.wechatapi.entity.AccessToken.State;

/**
 * What admitting a call needs to know about its access token, small enough to keep in the data grid: whose it is,
 * and when it ends. The state follows from the clock at each call, so a cached grant expires with its token.
 */
public record TokenGrant(long accountId, Instant expiresAt, Instant supersededAt) {

    public static final GridCodec<TokenGrant> GRID = new GridCodec<>() {
        @Override
        public String encode(TokenGrant grant) {
            return GridFields.writer().add(grant.accountId).add(grant.expiresAt).add(grant.supersededAt).toString();
        }

        @Override
        public TokenGrant decode(String encoded) {
            GridFields fields = GridFields.reader(encoded);
            return new TokenGrant(fields.nextLong(), fields.nextInstant(), fields.nextInstant());
        }
    };

    public State stateAt(Instant now) {
        if (!now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        if (supersededAt != null && !now.isBefore(supersededAt.plus(AccessToken.OVERLAP))) {
            return State.SUPERSEDED;
        }
        return State.VALID;
    }
}
