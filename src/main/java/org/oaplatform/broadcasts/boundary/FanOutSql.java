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

    /**
     * Two counts where one with {@code SUM(CASE WHEN blacklisted_at …)} would read every follower's row a third time
     * in the chunk: to all followers, the first walks {@code idx_follower_list} only and the second
     * {@code idx_follower_blacklist}, which holds the blacklisted alone.
     */
    Targeted count(EntityManager em, long from, long to) {
        return new Targeted(count(em, "", from, to), count(em, " AND f.blacklisted_at IS NOT NULL", from, to));
    }

    private long count(EntityManager em, String condition, long from, long to) {
        Query count = em.createNativeQuery("SELECT COUNT(*)" + source + inRange() + condition);
        int next = bind(count, 1);
        count.setParameter(next, from).setParameter(next + 1, to);
        return ((Number) count.getSingleResult()).longValue();
    }

    /**
     * The chunk's deliveries. Without the monthly allowance, one {@code INSERT … SELECT} from the target. With it,
     * first each follower's receipt of the month is taken ({@link #takeReceipts}), then the recipient rows are written
     * from the receipts this broadcast took: one range of their key, read in order, where reading the target a second
     * time and looking up each follower's receipt cost the chunk a quarter more (docs/performance.md, run O).
     *
     * @return how many received it
     */
    int insertRecipients(EntityManager em, long from, long to, Instant now) {
        Query insert;
        if (monthlyAllowance) {
            takeReceipts(em, from, to);
            insert = em.createNativeQuery("INSERT INTO broadcast_recipient (broadcast_id, follower_id, person_id,"
                    + " delivered_at) SELECT ?, m.follower_id, m.person_id, ? FROM broadcast_monthly m"
                    + " WHERE m.month_key = ? AND m.follower_id > ? AND m.follower_id <= ?"
                    + " AND m.last_broadcast_id = ?");
            insert.setParameter(1, broadcast.id()).setParameter(2, InstantConverter.utc(now))
                    .setParameter(3, broadcast.monthKey()).setParameter(4, from).setParameter(5, to)
                    .setParameter(6, broadcast.id());
        } else {
            insert = em.createNativeQuery("INSERT INTO broadcast_recipient (broadcast_id, follower_id, person_id,"
                    + " delivered_at) SELECT ?, f.id, f.person_id, ?" + source + inRange()
                    + " AND f.blacklisted_at IS NULL");
            insert.setParameter(1, broadcast.id()).setParameter(2, InstantConverter.utc(now));
            int next = bind(insert, 3);
            insert.setParameter(next, from).setParameter(next + 1, to);
        }
        return insert.executeUpdate();
    }

    /**
     * Counts this broadcast in the month's receipts of the range's followers who are not blacklisted and are below the
     * allowance, and marks their rows with its id; a follower at the allowance keeps the row as it was and is filtered.
     * The rows this broadcast marked stay locked by its chunk until it commits, so no other broadcast's chunk can take
     * them before the recipients are read from them. Written before it is read, so that no chunk reads the receipts
     * with shared locks: an {@code INSERT … SELECT} that tested the allowance with {@code NOT EXISTS} left shared gap
     * locks where the chunk beside it had to insert, and two chunks side by side deadlocked on each other's receipts
     * (docs/broadcasts.md, "Fan-out"). The assignments run left to right, so the second sees whether the first took
     * the receipt.
     */
    private void takeReceipts(EntityManager em, long from, long to) {
        Query upsert = em.createNativeQuery("INSERT INTO broadcast_monthly (month_key, follower_id, person_id,"
                + " received, last_broadcast_id) SELECT ?, f.id, f.person_id, 1, ?" + source + inRange()
                + " AND f.blacklisted_at IS NULL"
                + " ON DUPLICATE KEY UPDATE last_broadcast_id = IF(received < " + FanOut.MONTHLY_ALLOWANCE
                + ", VALUES(last_broadcast_id), last_broadcast_id),"
                + " received = IF(last_broadcast_id = VALUES(last_broadcast_id), received + 1, received)");
        upsert.setParameter(1, broadcast.monthKey()).setParameter(2, broadcast.id());
        int next = bind(upsert, 3);
        upsert.setParameter(next, from).setParameter(next + 1, to).executeUpdate();
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
