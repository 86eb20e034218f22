package org.oaplatform.broadcasts.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.platform.control.InstantConverter;

/**
 * The statements of one chunk, for a broadcast's target: who it targets among the account's current followers in a
 * range of follower ids, and who of them receives it (not blacklisted; for service and enterprise accounts, not at
 * their monthly allowance yet). Set-based: the database does the filtering, never a loop over followers.
 */
final class FanOutSql {

    private final Broadcast broadcast;
    private final boolean monthlyAllowance;
    private final String source;
    private final List<Object> sourceParameters = new ArrayList<>();

    FanOutSql(Broadcast broadcast, boolean monthlyAllowance) {
        this.broadcast = broadcast;
        this.monthlyAllowance = monthlyAllowance;
        this.source = switch (broadcast.target()) {
            case ALL -> " FROM follower f WHERE f.account_id = ?";
            case TAG -> " FROM follower_tagging t JOIN follower f ON f.id = t.follower_id WHERE t.tag_pk = ?"
                    + " AND f.account_id = ?";
            case LIST -> " FROM broadcast_list_member l JOIN follower f ON f.id = l.follower_id"
                    + " WHERE l.broadcast_id = ? AND f.account_id = ?";
            case PREVIEW -> throw new IllegalStateException("a preview has no chunks");
        };
        switch (broadcast.target()) {
            case TAG -> sourceParameters.add(broadcast.tagPk());
            case LIST -> sourceParameters.add(broadcast.id());
            default -> { }
        }
        sourceParameters.add(broadcast.accountId());
    }

    /** The current followers of the target in a range (WeChat's TotalCount) and how many of them are blacklisted. */
    record Targeted(long followers, long blacklisted) {
    }

    Targeted count(EntityManager em, long from, long to) {
        Query count = em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(CASE WHEN f.blacklisted_at IS NULL THEN 0"
                + " ELSE 1 END), 0)" + source + inRange());
        int next = bind(count, 1);
        count.setParameter(next, from).setParameter(next + 1, to);
        Object[] row = (Object[]) count.getSingleResult();
        return new Targeted(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** @return how many received it */
    int insertRecipients(EntityManager em, long from, long to, Instant now) {
        String allowance = monthlyAllowance ? " AND NOT EXISTS (SELECT 1 FROM broadcast_monthly m"
                + " WHERE m.follower_id = f.id AND m.month_key = ? AND m.received >= " + FanOut.MONTHLY_ALLOWANCE + ")"
                : "";
        Query insert = em.createNativeQuery("INSERT INTO broadcast_recipient (broadcast_id, follower_id, person_id,"
                + " delivered_at) SELECT ?, f.id, f.person_id, ?" + source + inRange()
                + " AND f.blacklisted_at IS NULL" + allowance);
        insert.setParameter(1, broadcast.id()).setParameter(2, InstantConverter.utc(now));
        int next = bind(insert, 3);
        insert.setParameter(next, from).setParameter(next + 1, to);
        if (monthlyAllowance) {
            insert.setParameter(next + 2, broadcast.monthKey());
        }
        return insert.executeUpdate();
    }

    /** Counts the chunk's recipients' receipts of the month, where the allowance applies. */
    void countReceipts(EntityManager em, long from, long to) {
        if (!monthlyAllowance) {
            return;
        }
        em.createNativeQuery("INSERT INTO broadcast_monthly (follower_id, month_key, received)"
                + " SELECT r.follower_id, ?, 1 FROM broadcast_recipient r WHERE r.broadcast_id = ?"
                + " AND r.follower_id > ? AND r.follower_id <= ? ON DUPLICATE KEY UPDATE received = received + 1")
                .setParameter(1, broadcast.monthKey()).setParameter(2, broadcast.id()).setParameter(3, from)
                .setParameter(4, to).executeUpdate();
    }

    private static String inRange() {
        return " AND f.id > ? AND f.id <= ? AND f.subscribed = TRUE";
    }

    private int bind(Query query, int first) {
        int position = first;
        for (Object parameter : sourceParameters) {
            query.setParameter(position++, parameter);
        }
        return position;
    }
}
