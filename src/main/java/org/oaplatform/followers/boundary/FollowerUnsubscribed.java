package org.oaplatform.followers.boundary;

import java.time.Instant;

/** A person stopped following an account (an {@code unsubscribe} push). Fired inside the transaction. */
public record FollowerUnsubscribed(long accountId, String appId, String openid, Instant at) {
}
