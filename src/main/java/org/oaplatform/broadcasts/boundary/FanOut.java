package org.oaplatform.broadcasts.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.oaplatform.broadcasts.control.BroadcastSpeed;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.broadcasts.entity.ChunkPlan;
import org.oaplatform.followers.entity.Follower;
import org.oaplatform.officialaccounts.entity.AccountType;
import org.oaplatform.officialaccounts.entity.OfficialAccount;
import org.oaplatform.platform.control.DueWork;
import org.oaplatform.platform.control.InstantConverter;

/**
 * The fan-out of a broadcast: its followers in chunks of {@code oa.broadcast.chunk-size} (50 000) by follower id, each
 * one transaction of set-based SQL ({@code INSERT … SELECT} of the recipients, with the blacklist and the monthly
 * allowance applied in the database). {@code oa.broadcast.parallel-chunks} (2) run side by side: the broadcast starts
 * with that many planned, and each chunk that ends plans the next one in its own transaction, which also sends the
 * new chunk's queue message — so the database's second core works while one chunk waits for its commit, which one
 * statement over all followers cannot do (docs/performance.md, run L).
 * <p>
 * Exactly once: a chunk's range is fixed when it is planned; a chunk that committed is DONE and its message redelivered
 * changes nothing; one that did not left nothing (not even the next chunk's plan), and its message or the recovery
 * timer runs it again. One recipient row per broadcast and follower (the primary key) makes a double delivery
 * impossible in any case. Lock order: the chunk's row for the whole chunk, the broadcast's row only at its end (where
 * the counts are added and the plan advances), so side-by-side chunks wait for each other only there.
 */
@Stateless
public class FanOut {

    public static final String QUEUE = "jms/oaplatform/BroadcastChunks";
    static final String BROADCAST_ID = "broadcastId";
    static final String CHUNK_NO = "chunkNo";
    /** WeChat's allowance for service accounts: each follower receives at most four broadcasts a month. */
    public static final int MONTHLY_ALLOWANCE = 4;
    /**
     * Followers per chunk unless configured: at 10 000 the chain's cost per chunk (a commit, a queue hop, the walk to the
     * chunk's end) kept a million-follower fan-out at 0.69–0.76 of the bare SQL; at 50 000, 0.81–0.87 (docs/performance.md,
     * run J), with transactions of about half a second.
     */
    public static final String DEFAULT_CHUNK_SIZE = "50000";
    /** How long a due chunk may wait for its message before the timer sends another. */
    static final Duration QUEUE_GRACE = Duration.ofMinutes(1);
    /**
     * A chunk due sooner than this is sent at once. With two chunks at once, the one planned last can be due a few
     * milliseconds after the planner's clock, and such short delivery delays appear to leave the message on the
     * broker until the recovery timer ran the chunk (a broadcast of a million took 105 s instead of 10, docs/performance.md
     * run L); a speed cap's real spacing is many seconds, and a chunk run a second early changes no rate that matters.
     */
    static final Duration SHORTEST_DELAY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(FanOut.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    @Inject
    Clock clock;

    /** Followers per chunk: small in the tests, so that a few followers make many chunks. */
    @Inject
    @ConfigProperty(name = "oa.broadcast.chunk-size", defaultValue = DEFAULT_CHUNK_SIZE)
    int chunkSize;

    /** Chunks of one broadcast that run at once; 1 makes a chain, one after the other. */
    @Inject
    @ConfigProperty(name = "oa.broadcast.parallel-chunks", defaultValue = "2")
    int parallelChunks;

    @Inject
    Event<BroadcastFinished> finished;

    @Resource
    SessionContext context;

    /** In the submitting transaction: the members of a list broadcast, kept until it starts, whenever that is. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordList(Broadcast broadcast, List<Long> listMembers) {
        for (int at = 0; at < listMembers.size(); at += 1000) {
            List<Long> batch = listMembers.subList(at, Math.min(listMembers.size(), at + 1000));
            StringBuilder sql = new StringBuilder("INSERT INTO broadcast_list_member (broadcast_id, follower_id) VALUES");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? " (?, ?)" : ", (?, ?)");
            }
            Query insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < batch.size(); i++) {
                insert.setParameter(2 * i + 1, broadcast.id()).setParameter(2 * i + 2, batch.get(i));
            }
            insert.executeUpdate();
        }
    }

    /** In the transaction that starts the broadcast: its first chunks, whose messages leave at commit. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void begin(Broadcast broadcast) {
        Instant now = clock.instant();
        for (int i = 0; i < Math.max(1, parallelChunks) && !broadcast.plan().fullyPlanned(); i++) {
            planNext(broadcast, now);
        }
    }

    /** A preview reaches its one follower at once: no chunks, no allowance, no push. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void deliverPreview(Broadcast preview, Follower follower) {
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO broadcast_recipient (broadcast_id, follower_id, person_id, delivered_at)"
                + " VALUES (?, ?, ?, ?)").setParameter(1, preview.id()).setParameter(2, follower.id())
                .setParameter(3, follower.personId()).setParameter(4, InstantConverter.utc(now)).executeUpdate();
        preview.chunkDone(1, 0, 1);
        preview.finished(now);
    }

    /** One chunk in one transaction; a chunk that is done already, or of a broadcast no longer sending, is skipped. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void process(long broadcastId, int chunkNo) {
        // Before the transaction's first statement, and for this transaction only: in read committed the chunk's
        // INSERT … SELECTs read followers and receipts without the shared lock repeatable read takes on every row
        // read, a lock structure per follower and about a quarter of the chunk's database time (docs/performance.md,
        // run N). The allowance stays exact: the receipts' upsert locks each receipt row and tests its latest version.
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL READ COMMITTED").executeUpdate();
        List<?> chunk = em.createNativeQuery("SELECT state, from_follower_id, to_follower_id FROM broadcast_chunk"
                + " WHERE broadcast_id = ? AND chunk_no = ? FOR UPDATE").setParameter(1, broadcastId)
                .setParameter(2, chunkNo).getResultList();
        if (chunk.isEmpty() || !"PENDING".equals(((Object[]) chunk.get(0))[0])) {
            return;
        }
        long from = ((Number) ((Object[]) chunk.get(0))[1]).longValue();
        long to = ((Number) ((Object[]) chunk.get(0))[2]).longValue();
        // Not locked yet: only the chunk's end changes the broadcast, and the status stays SENDING until the last one.
        Broadcast broadcast = em.find(Broadcast.class, broadcastId);
        if (broadcast.status() != BroadcastStatus.SENDING) {
            return;
        }
        OfficialAccount account = em.find(OfficialAccount.class, broadcast.accountId());
        Instant now = clock.instant();
        FanOutSql sql = new FanOutSql(broadcast, account.type() != AccountType.SUBSCRIPTION);
        FanOutSql.Targeted targeted = sql.count(em, from, to);
        long sent = sql.insertRecipients(em, from, to, now);
        // The latest counts and plan, which the chunk beside this one may have changed since it was read. Locked before
        // this chunk's row is written: every change to the chunk table (this row DONE, the next one planned) then
        // happens under the broadcast's lock, one chunk at a time, where two chunks changing the table's index at once
        // deadlocked (docs/broadcasts.md, "Fan-out").
        em.refresh(broadcast, LockModeType.PESSIMISTIC_WRITE);
        em.createNativeQuery("UPDATE broadcast_chunk SET state = 'DONE', done_at = ?, targeted = ?, sent = ?"
                + " WHERE broadcast_id = ? AND chunk_no = ?").setParameter(1, InstantConverter.utc(now))
                .setParameter(2, targeted.followers()).setParameter(3, sent).setParameter(4, broadcastId)
                .setParameter(5, chunkNo).executeUpdate();
        broadcast.chunkDone(targeted.followers(), targeted.blacklisted(), sent);
        if (broadcast.plan().completeWith(broadcast.chunkCount())) {
            broadcast.finished(now);
            finished.fire(new BroadcastFinished(broadcast.accountId(), broadcast.id(), broadcast.totalCount(),
                    broadcast.filterCount(), broadcast.sentCount(), broadcast.errorCount(), now));
        } else if (!broadcast.plan().fullyPlanned()) {
            planNext(broadcast, now);
        }
    }

    /** Every minute: due chunks of sending broadcasts whose message was lost (an instance died) are sent again. */
    @Schedule(hour = "*", minute = "*", second = "30", persistent = true, info = "broadcast-chunk-recovery")
    void recoverOnSchedule() {
        recoverDue();
    }

    public int recoverDue() {
        List<?> rows = em.createNativeQuery("SELECT c.broadcast_id FROM broadcast_chunk c JOIN broadcast b"
                + " ON b.id = c.broadcast_id WHERE c.state = 'PENDING' AND c.due_at <= ? AND b.status = 'SENDING'")
                .setParameter(1, InstantConverter.utc(clock.instant().minus(QUEUE_GRACE))).setMaxResults(1000)
                .getResultList();
        List<Long> due = new ArrayList<>();
        rows.forEach(id -> due.add(((Number) id).longValue()));
        FanOut self = context.getBusinessObject(FanOut.class);
        return DueWork.each(due, self::resend, LOG, "recovery of broadcast chunk");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean resend(long broadcastId) {
        List<?> pending = em.createNativeQuery("SELECT chunk_no FROM broadcast_chunk WHERE broadcast_id = ?"
                + " AND state = 'PENDING'").setParameter(1, broadcastId).getResultList();
        pending.forEach(no -> send(broadcastId, ((Number) no).intValue(), Duration.ZERO));
        return !pending.isEmpty();
    }

    /**
     * The next chunk: from the last planned one's end to the id of the {@code chunkSize}-th follower after it, or to
     * {@link ChunkPlan#LAST} when fewer are left; due when the broadcast's speed allows. Its message leaves at commit.
     */
    private void planNext(Broadcast broadcast, Instant now) {
        ChunkPlan plan = broadcast.plan();
        int chunkNo = plan.nextChunkNo();
        long from = plan.nextFrom();
        Long end = chunkEnd(broadcast, from);
        long through = end == null ? ChunkPlan.LAST : end;
        Instant due = plan.nextDue(now, BroadcastSpeed.chunkInterval(broadcast.speed(), chunkSize));
        em.createNativeQuery("INSERT INTO broadcast_chunk (broadcast_id, chunk_no, from_follower_id, to_follower_id,"
                + " state, due_at) VALUES (?, ?, ?, ?, 'PENDING', ?)").setParameter(1, broadcast.id())
                .setParameter(2, chunkNo).setParameter(3, from).setParameter(4, through)
                .setParameter(5, InstantConverter.utc(due)).executeUpdate();
        plan.planned(through, due);
        Duration delay = Duration.between(now, due);
        send(broadcast.id(), chunkNo, delay.compareTo(SHORTEST_DELAY) < 0 ? Duration.ZERO : delay);
    }

    /** The id of the last follower of the chunk that starts after {@code from}; null when fewer are left. */
    private Long chunkEnd(Broadcast broadcast, long from) {
        String walk = switch (broadcast.target()) {
            case ALL -> "SELECT f.id FROM follower f WHERE f.account_id = ? AND f.subscribed = TRUE AND f.id > ?"
                    + " ORDER BY f.id";
            case TAG -> "SELECT t.follower_id FROM follower_tagging t WHERE t.tag_pk = ? AND t.follower_id > ?"
                    + " ORDER BY t.follower_id";
            case LIST -> "SELECT l.follower_id FROM broadcast_list_member l WHERE l.broadcast_id = ?"
                    + " AND l.follower_id > ? ORDER BY l.follower_id";
            case PREVIEW -> throw new IllegalStateException("a preview has no chunks");
        };
        long key = switch (broadcast.target()) {
            case ALL -> broadcast.accountId();
            case TAG -> broadcast.tagPk();
            default -> broadcast.id();
        };
        List<?> end = em.createNativeQuery(walk + " LIMIT 1 OFFSET " + (chunkSize - 1))
                .setParameter(1, key).setParameter(2, from).getResultList();
        return end.isEmpty() ? null : ((Number) end.get(0)).longValue();
    }

    /** Joins the caller's transaction: the message leaves when it commits, not before {@code after}. */
    private void send(long broadcastId, int chunkNo, Duration after) {
        jms.createProducer().setDeliveryDelay(Math.max(0, after.toMillis())).setProperty(BROADCAST_ID, broadcastId)
                .setProperty(CHUNK_NO, chunkNo).send(queue, broadcastId + "/" + chunkNo);
    }
}
