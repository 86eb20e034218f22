package org.oaplatform.webhooks.control;

import java.time.Instant;
import java.util.Objects;

/**
 * What every push starts with: to the account (its original id, {@code gh_…}), from the follower (the openid for that
 * account), and when the follower acted. WeChat sends whole seconds; the fraction is dropped, not rounded.
 */
public record PushHeader(String accountOriginalId, String openid, Instant createdAt) {

    public PushHeader {
        Objects.requireNonNull(accountOriginalId, "accountOriginalId");
        Objects.requireNonNull(openid, "openid");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    long createTime() {
        return createdAt.getEpochSecond();
    }
}
