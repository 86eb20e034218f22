package org.oaplatform.broadcasts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
        + " AND b.dayKey = :day AND b.target <> :preview AND b.status IN :holding")
@NamedQuery(name = Broadcast.DUE, query = "SELECT b.id FROM Broadcast b WHERE b.status = :scheduled"
        + " AND b.sendAt <= :now ORDER BY b.sendAt")
public class Broadcast {

    public static final String BY_CLIENT_MSG_ID = "Broadcast.byClientMsgId";
    public static final String COUNTED_ON_DAY = "Broadcast.countedOnDay";
    public static final String DUE = "Broadcast.due";

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
    @Column(nullable = false, length = 20)
    private BroadcastStatus status;

    /** The quota day and month: of its creation, or of the instant it is scheduled for or starts at. */
    @Column(name = "day_key", nullable = false)
    private int dayKey;

    @Column(name = "month_key", nullable = false)
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

    @Column(name = "blacklisted_count", nullable = false)
    private long blacklistedCount;

    @Column(name = "over_allowance_count", nullable = false)
    private long overAllowanceCount;

    @Column(name = "send_at")
    private Instant sendAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "composed_by", updatable = false)
    private Long composedBy;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = 200)
    private String decisionNote;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "deleted_articles", length = 32)
    private String deletedArticles;

    @Embedded
    private ChunkPlan plan = new ChunkPlan();

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
        this.startedAt = createdAt;
    }

    /**
     * A member's composition from the portal or the operator API, which waits for its time or for an approval.
     * {@code sendAt} null: at once (when approved).
     */
    public static Broadcast composed(long id, long accountId, BroadcastTarget target, Long tagPk, String msgType,
            String content, int dayKey, int monthKey, int speed, Instant createdAt, long composedBy, Instant sendAt,
            boolean needsApproval) {
        Broadcast broadcast = new Broadcast(id, accountId, target, tagPk, msgType, content, null, dayKey, monthKey,
                speed, createdAt);
        broadcast.composedBy = composedBy;
        broadcast.sendAt = sendAt;
        broadcast.status = needsApproval ? BroadcastStatus.PENDING_APPROVAL
                : sendAt == null ? BroadcastStatus.SENDING : BroadcastStatus.SCHEDULED;
        broadcast.startedAt = broadcast.status == BroadcastStatus.SENDING ? createdAt : null;
        return broadcast;
    }

    /** Its fan-out begins now: the quotas count in the calendar of this moment. */
    public void start(Instant at, int day, int month) {
        status = BroadcastStatus.SENDING;
        startedAt = at;
        dayKey = day;
        monthKey = month;
    }

    /** Approved, to wait for its time; {@link #start} follows when that time has come. */
    public void approve(long approver, Instant at, int day, int month) {
        decide(approver, at, null);
        status = BroadcastStatus.SCHEDULED;
        dayKey = day;
        monthKey = month;
    }

    public void reject(long approver, Instant at, String note) {
        decide(approver, at, note);
        status = BroadcastStatus.REJECTED;
    }

    public void cancel() {
        status = BroadcastStatus.CANCELLED;
    }

    private void decide(long approver, Instant at, String note) {
        decidedBy = approver;
        decidedAt = at;
        decisionNote = note;
    }

    /** A chunk's fan-out: how many it targeted, how many of those are blacklisted, and how many got the message. */
    public void chunkDone(long targeted, long blacklisted, long sent) {
        chunkCount++;
        totalCount += targeted;
        sentCount += sent;
        filterCount += sent; // WeChat's FilterCount: what is left after filtering (spec §2.3), SentCount + ErrorCount
        blacklistedCount += blacklisted;
        overAllowanceCount += Math.max(0, targeted - blacklisted - sent);
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

    public int dayKey() {
        return dayKey;
    }

    /** Chunks done. */
    public int chunkCount() {
        return chunkCount;
    }

    public ChunkPlan plan() {
        return plan;
    }

    public long blacklistedCount() {
        return blacklistedCount;
    }

    public long overAllowanceCount() {
        return overAllowanceCount;
    }

    public Instant sendAt() {
        return sendAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Long composedBy() {
        return composedBy;
    }

    public Long decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionNote() {
        return decisionNote;
    }
}
