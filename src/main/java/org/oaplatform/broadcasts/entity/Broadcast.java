package org.oaplatform.broadcasts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One mass send: what, to whom, in which quota day and month, and how far its fan-out has come. */
@Entity
@Table(name = "broadcast")
@NamedQuery(name = Broadcast.BY_CLIENT_MSG_ID, query = "SELECT b FROM Broadcast b WHERE b.accountId = :accountId"
        + " AND b.clientMsgId = :clientMsgId")
@NamedQuery(name = Broadcast.COUNTED_ON_DAY, query = "SELECT COUNT(b) FROM Broadcast b WHERE b.accountId = :accountId"
        + " AND b.dayKey = :day AND b.target <> :preview AND b.status <> :failed")
public class Broadcast {

    public static final String BY_CLIENT_MSG_ID = "Broadcast.byClientMsgId";
    public static final String COUNTED_ON_DAY = "Broadcast.countedOnDay";

    @Id
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 8)
    private BroadcastTarget target;

    @Column(name = "tag_pk", updatable = false)
    private Long tagPk;

    @Column(name = "msg_type", nullable = false, updatable = false, length = 12)
    private String msgType;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(name = "client_msg_id", updatable = false, length = 64)
    private String clientMsgId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private BroadcastStatus status;

    @Column(name = "day_key", nullable = false, updatable = false)
    private int dayKey;

    @Column(name = "month_key", nullable = false, updatable = false)
    private int monthKey;

    @Column(nullable = false, updatable = false)
    private int speed;

    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;

    @Column(name = "total_count", nullable = false)
    private long totalCount;

    @Column(name = "filter_count", nullable = false)
    private long filterCount;

    @Column(name = "sent_count", nullable = false)
    private long sentCount;

    @Column(name = "error_count", nullable = false)
    private long errorCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "deleted_articles", length = 32)
    private String deletedArticles;

    @Version
    private long version;

    protected Broadcast() {
    }

    public Broadcast(long id, long accountId, BroadcastTarget target, Long tagPk, String msgType, String content,
            String clientMsgId, int dayKey, int monthKey, int speed, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.target = target;
        this.tagPk = tagPk;
        this.msgType = msgType;
        this.content = content;
        this.clientMsgId = clientMsgId;
        this.dayKey = dayKey;
        this.monthKey = monthKey;
        this.speed = speed;
        this.createdAt = createdAt;
        this.status = BroadcastStatus.SENDING;
    }

    /** A chunk's fan-out: how many it targeted and how many got the message. */
    public void chunkDone(long targeted, long sent) {
        chunkCount++;
        totalCount += targeted;
        sentCount += sent;
        filterCount += sent; // WeChat's FilterCount: what is left after filtering (spec §2.3), SentCount + ErrorCount
    }

    public void finished(Instant at) {
        status = BroadcastStatus.SEND_SUCCESS;
        finishedAt = at;
    }

    /**
     * {@code mass/delete}: the whole broadcast ({@code article} 0) or one article of a news broadcast of
     * {@code articleCount}; deleting the last one left deletes the whole. The follower keeps the card, not the page.
     */
    public void delete(int article, int articleCount) {
        if (article == 0) {
            status = BroadcastStatus.DELETE;
            return;
        }
        Set<String> deleted = new TreeSet<>(deletedArticles());
        deleted.add(Integer.toString(article));
        deletedArticles = String.join(",", deleted);
        if (deleted.size() >= articleCount) {
            status = BroadcastStatus.DELETE;
        }
    }

    public List<String> deletedArticles() {
        return deletedArticles == null ? List.of() : List.of(deletedArticles.split(","));
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public BroadcastTarget target() {
        return target;
    }

    public Long tagPk() {
        return tagPk;
    }

    public String msgType() {
        return msgType;
    }

    public String content() {
        return content;
    }

    public String clientMsgId() {
        return clientMsgId;
    }

    public BroadcastStatus status() {
        return status;
    }

    public int monthKey() {
        return monthKey;
    }

    public int speed() {
        return speed;
    }

    public long totalCount() {
        return totalCount;
    }

    public long filterCount() {
        return filterCount;
    }

    public long sentCount() {
        return sentCount;
    }

    public long errorCount() {
        return errorCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
