package org.oaplatform.broadcasts.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The counts of an outlook for one audience (the account's followers, a tag's, a list's): each one {@code COUNT(*)}
 * over the index of the audience, never a loop over followers. Who is filtered is decided as {@link FanOutSql} decides
 * it at the send: the blacklisted first, then, of the others, those at their monthly allowance.
 */
final class AudienceSql {

    private static final String AT_ALLOWANCE = " AND EXISTS (SELECT 1 FROM broadcast_monthly m"
            + " WHERE m.follower_id = f.id AND m.month_key = ? AND m.received >= " + FanOut.MONTHLY_ALLOWANCE + ")";
    private static final String BLACKLISTED = " AND f.blacklisted_at IS NOT NULL";

    private final String source;
    private final List<Object> parameters;

    private AudienceSql(String source, List<Object> parameters) {
        this.source = source;
        this.parameters = parameters;
    }

    /** Walks {@code idx_follower_list (account_id, subscribed, id)}: the count of the allowance reads no row. */
    static AudienceSql all(long accountId) {
        return new AudienceSql(" FROM follower f WHERE f.account_id = ? AND f.subscribed = TRUE", List.of(accountId));
    }

    /** Walks {@code idx_tagging_tag (tag_pk, follower_id)}. */
    static AudienceSql tag(long accountId, long tagPk) {
        return new AudienceSql(" FROM follower_tagging t JOIN follower f ON f.id = t.follower_id WHERE t.tag_pk = ?"
                + " AND f.account_id = ? AND f.subscribed = TRUE", List.of(tagPk, accountId));
    }

    /** At most {@link Broadcasts#MAX_LIST} followers, by primary key; none is an empty audience. */
    static AudienceSql followers(long accountId, List<Long> followerIds) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(accountId);
        parameters.addAll(followerIds);
        String in = followerIds.isEmpty() ? " AND 1 = 0"
                : " AND f.id IN (" + String.join(", ", Collections.nCopies(followerIds.size(), "?")) + ")";
        return new AudienceSql(" FROM follower f WHERE f.account_id = ? AND f.subscribed = TRUE" + in, parameters);
    }

    long targeted(EntityManager em) {
        return count(em, "");
    }

    long blacklisted(EntityManager em) {
        return count(em, BLACKLISTED);
    }

    /**
     * Not blacklisted and at the allowance: all at the allowance less the blacklisted among them, two counts that walk
     * indexes only where a single one with {@code blacklisted_at IS NULL} would read every follower's row.
     */
    long overAllowance(EntityManager em, int month) {
        return count(em, AT_ALLOWANCE, month) - count(em, BLACKLISTED + AT_ALLOWANCE, month);
    }

    private long count(EntityManager em, String condition, Object... more) {
        Query count = em.createNativeQuery("SELECT COUNT(*)" + source + condition);
        int position = 1;
        for (Object parameter : parameters) {
            count.setParameter(position++, parameter);
        }
        for (Object parameter : more) {
            count.setParameter(position++, parameter);
        }
        return ((Number) count.getSingleResult()).longValue();
    }
}
