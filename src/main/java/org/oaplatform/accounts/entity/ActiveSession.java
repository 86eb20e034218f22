package org.oaplatform.accounts.entity;

import java.time.Instant;
import org.oaplatform.platform.control.GridCodec;
import org.oaplatform.platform.control.GridFields;

/**
 * What authenticating a request needs to know about an unrevoked session, small enough to keep in the data grid.
 * It carries its expiry, so a cached session ends exactly when the session does.
 */
public record ActiveSession(long sessionId, long personId, Instant expiresAt) {

    public static final GridCodec<ActiveSession> GRID = new GridCodec<>() {
        @Override
        public String encode(ActiveSession session) {
            return GridFields.writer().add(session.sessionId).add(session.personId).add(session.expiresAt).toString();
        }

        @Override
        public ActiveSession decode(String encoded) {
            GridFields fields = GridFields.reader(encoded);
            return new ActiveSession(fields.nextLong(), fields.nextLong(), fields.nextInstant());
        }
    };

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
