package org.oaplatform.accounts.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * What authenticating a request needs to know about an unrevoked session, small enough to keep in the data grid.
 * It carries its expiry, so a cached session ends exactly when the session does.
 */
public record ActiveSession(long sessionId, long personId, Instant expiresAt) implements Serializable {

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
