package org.oaplatform.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.broadcasts.boundary.BroadcastSpeeds;
import org.oaplatform.broadcasts.boundary.Broadcasts;
import org.oaplatform.broadcasts.boundary.FanOut;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.broadcasts.control.BroadcastSpeed;
import org.oaplatform.broadcasts.entity.Broadcast;
import org.oaplatform.broadcasts.entity.BroadcastStatus;
import org.oaplatform.officialaccounts.boundary.OfficialAccounts;
import org.oaplatform.officialaccounts.entity.AccountId;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.InstantConverter;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.MovableClock;
import org.oaplatform.testsupport.TestData;

/**
 * Broadcast quotas with the clock: a subscription account's one a day ends at midnight in Beijing, not in UTC; a
 * service account's followers get four a month and a fifth in the next month; a {@code clientmsgid} repeated within
 * the minute is 45066 and after it 45065 naming the first broadcast, and two broadcasts at once share the last of the
 * month's allowance. And the fan-out's exactly-once: a chunk run again changes nothing, and a chunk whose message was
 * lost is finished by the recovery timer.
 */
@ExtendWith(ArquillianExtension.class)
class BroadcastQuotasIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithMovableClock();
    }

    @ArquillianResource
    URL base;

    @Inject
    MovableClock clock;

    @Inject
    Broadcasts broadcasts;

    @Inject
    FanOut fanOut;

    @Inject
    OfficialAccounts accounts;

    @Inject
    BroadcastSpeeds speeds;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Resource(lookup = "jdbc/oaplatform")
    DataSource database;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aSubscriptionAccountsDayEndsAtMidnightInBeijing() throws Exception {
        AccountId account = account("SUBSCRIPTION", 1);
        // to 23:59 of today in Beijing
        ZonedDateTime beijing = ZonedDateTime.now(BroadcastCalendar.CHINA);
        ZonedDateTime lastMinute = beijing.toLocalDate().plusDays(1).atStartOfDay(BroadcastCalendar.CHINA)
                .minusMinutes(1);
        clock.advance(Duration.between(beijing, lastMinute));
        broadcasts.sendAll(account, text("今天的"));
        assertEquals(45028, refusal(() -> broadcasts.sendAll(account, text("还是今天"))));
        clock.advance(Duration.ofMinutes(1));
        broadcasts.sendAll(account, text("明天的"));
    }

    @Test
    void aServiceAccountsFollowersGetFourAMonthAndMoreTheNextMonth() throws Exception {
        AccountId account = account("SERVICE", 2);
        for (int i = 1; i <= 4; i++) {
            assertEquals(2, sent(broadcasts.sendAll(account, text("第 " + i + " 条")).msgId()));
        }
        long fifth = broadcasts.sendAll(account, text("第五条")).msgId();
        assertEquals(0, sent(fifth), "filtered at four");
        assertEquals(2, broadcast(fifth).totalCount());
        LocalDate today = LocalDate.now(BroadcastCalendar.CHINA);
        Instant nextMonth = today.withDayOfMonth(1).plusMonths(1).atStartOfDay(BroadcastCalendar.CHINA).toInstant();
        clock.advance(Duration.between(Instant.now(), nextMonth).plusMinutes(1));
        assertEquals(2, sent(broadcasts.sendAll(account, text("下个月")).msgId()));
    }

    @Test
    void twoBroadcastsAtOnceShareTheLastOfTheMonthsAllowance() throws Exception {
        AccountId account = account("SERVICE", 6);
        int month = BroadcastCalendar.of(AccountRegion.CN).month(clock.clock().instant());
        long first;
        long second;
        // every follower at three this month, in a transaction held open until both broadcasts' first chunks wait for
        // those receipts: then both take them at the same moment
        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement threeEach = holder.prepareStatement("INSERT INTO broadcast_monthly (month_key,"
                    + " follower_id, person_id, received) SELECT ?, f.id, f.person_id, 3 FROM follower f"
                    + " WHERE f.account_id = ?")) {
                threeEach.setInt(1, month);
                threeEach.setLong(2, account.value());
                assertEquals(6, threeEach.executeUpdate());
            }
            first = broadcasts.sendAll(account, text("第四条之一")).msgId();
            second = broadcasts.sendAll(account, text("第四条之二")).msgId();
            long waiting = Eventually.poll(Duration.ofSeconds(30), this::lockWaits, n -> n >= 4);
            assertEquals(4L, waiting, "two chunks of each broadcast wait for the held receipts");
            holder.commit();
        }
        assertEquals(6, sent(first) + sent(second), "each follower got one of the two");
        assertEquals(6L, recipients(first) + recipients(second));
        List<?> receipts = em.createNativeQuery("SELECT MIN(m.received), MAX(m.received), COUNT(*)"
                + " FROM broadcast_monthly m JOIN follower f ON f.id = m.follower_id WHERE f.account_id = ?"
                + " AND m.month_key = ?").setParameter(1, account.value()).setParameter(2, month).getResultList();
        Object[] row = (Object[]) receipts.get(0);
        assertEquals(List.of(4L, 4L, 6L), List.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue()), "every follower at four, none at five");
    }

    @Test
    void aClientMsgIdIsRefusedWithinTheMinuteAndNamesTheFirstAfterIt() throws Exception {
        AccountId account = account("SERVICE", 1);
        JsonObject once = Json.createObjectBuilder(text("只发一次")).add("clientmsgid", "order-7").build();
        long first = broadcasts.sendAll(account, once).msgId();
        assertEquals(45066, refusal(() -> broadcasts.sendAll(account, once)));
        clock.advance(Duration.ofSeconds(61));
        Broadcasts.AlreadySent again = assertThrows(Broadcasts.AlreadySent.class,
                () -> broadcasts.sendAll(account, once));
        assertEquals(45065, again.code().errcode());
        assertEquals(first, again.msgId());
    }

    @Test
    void aChunkRunTwiceChangesNothingAndALostOneIsFinishedByTheTimer() throws Exception {
        AccountId account = account("SERVICE", 6);
        long done = broadcasts.sendAll(account, text("一次")).msgId();
        assertEquals(6, sent(done));
        fanOut.process(done, 0);
        fanOut.process(done, 1);
        assertEquals(6, broadcast(done).sentCount(), "a chunk redelivered after it committed counts nothing");
        assertEquals(6L, recipients(done));

        // what an instance that died with a chunk's message leaves behind: the chunk PENDING, no message anywhere
        long lost = broadcasts.sendAll(account, text("丢了的")).msgId();
        sent(lost);
        transaction.begin();
        em.createNativeQuery("DELETE FROM broadcast_recipient WHERE broadcast_id = ?").setParameter(1, lost)
                .executeUpdate();
        em.createNativeQuery("UPDATE broadcast_chunk SET state = 'PENDING' WHERE broadcast_id = ? AND chunk_no = 1")
                .setParameter(1, lost).executeUpdate();
        em.createNativeQuery("DELETE FROM broadcast_chunk WHERE broadcast_id = ? AND chunk_no > 1")
                .setParameter(1, lost).executeUpdate();
        em.createNativeQuery("UPDATE broadcast SET status = 'SENDING', sent_count = 4, total_count = 4,"
                + " filter_count = 4, chunk_count = 1 WHERE id = ?").setParameter(1, lost).executeUpdate();
        em.createNativeQuery("INSERT INTO broadcast_recipient (broadcast_id, follower_id, person_id, delivered_at)"
                + " SELECT ?, f.id, f.person_id, UTC_TIMESTAMP(6) FROM follower f WHERE f.account_id = ?"
                + " ORDER BY f.id LIMIT 4").setParameter(1, lost).setParameter(2, account.value()).executeUpdate();
        transaction.commit();
        em.getEntityManagerFactory().getCache().evictAll();
        clock.advance(Duration.ofMinutes(2));
        fanOut.recoverDue();
        assertEquals(6, sent(lost), "the timer sent the chunk again and the chain finished");
        assertEquals(6L, recipients(lost), "nobody twice");
    }

    @Test
    void chunksJoinWithoutGapsAndACappedBroadcastsAreDueAtItsSpeed() throws Exception {
        AccountId account = account("SERVICE", 13);
        speeds.set(account, 4);
        long msgId = broadcasts.sendAll(account, text("慢慢来")).msgId();
        assertEquals(13, sent(msgId));
        assertEquals(13L, recipients(msgId), "each follower once");
        List<?> chunks = em.createNativeQuery("SELECT from_follower_id, to_follower_id, due_at FROM broadcast_chunk"
                + " WHERE broadcast_id = ? ORDER BY chunk_no").setParameter(1, msgId).getResultList();
        assertEquals(4, chunks.size(), "three of four followers and the last with one");
        assertEquals(4, broadcast(msgId).chunkCount());
        Duration interval = BroadcastSpeed.chunkInterval(4, 4);
        for (int i = 1; i < chunks.size(); i++) {
            Object[] before = (Object[]) chunks.get(i - 1);
            Object[] chunk = (Object[]) chunks.get(i);
            assertEquals(((Number) before[1]).longValue(), ((Number) chunk[0]).longValue(),
                    "chunk " + i + " starts where the one before ended");
            Duration apart = Duration.between(InstantConverter.fromUtc(before[2]), InstantConverter.fromUtc(chunk[2]));
            assertTrue(apart.compareTo(interval) >= 0, "chunk " + i + " due " + apart + " after the one before");
        }
        assertEquals(Long.MAX_VALUE, ((Number) ((Object[]) chunks.get(3))[1]).longValue());
    }

    @Test
    void aChunkThatFailsIsRunAgainByTheTimerAndNobodyGetsItTwice() throws Exception {
        AccountId account = account("SERVICE", 6);
        long fourth = ((Number) em.createNativeQuery("SELECT id FROM follower WHERE account_id = ? ORDER BY id"
                + " LIMIT 1 OFFSET 3").setParameter(1, account.value()).getSingleResult()).longValue();
        String trigger = "broadcast_chunk_fails_" + fourth;
        // the second chunk (the one after the fourth follower) fails at its end, after its recipients and receipts
        ddl("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON broadcast_chunk FOR EACH ROW BEGIN"
                + " IF NEW.from_follower_id = " + fourth + " AND NEW.state = 'DONE' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'chunk fails'; END IF; END");
        long msgId;
        try {
            msgId = broadcasts.sendAll(account, text("失败一次")).msgId();
            Eventually.poll(Duration.ofSeconds(30), () -> broadcast(msgId), b -> b.chunkCount() == 1);
            Broadcast stuck = Eventually.stays(Duration.ofSeconds(3), () -> broadcast(msgId),
                    b -> b.status() == BroadcastStatus.SENDING && b.chunkCount() == 1);
            assertEquals(BroadcastStatus.SENDING, stuck.status(), "the chain waits at the failed chunk");
            assertEquals(1, stuck.chunkCount());
            assertEquals(4, stuck.sentCount(), "the failed chunk left nothing");
            assertEquals(4L, recipients(msgId));
        } finally {
            ddl("DROP TRIGGER IF EXISTS " + trigger);
        }
        clock.advance(Duration.ofMinutes(2));
        fanOut.recoverDue();
        assertEquals(6, sent(msgId), "the timer ran the failed chunk again");
        assertEquals(6L, recipients(msgId), "nobody twice");
        assertEquals(6L, ((Number) em.createNativeQuery("SELECT SUM(m.received) FROM broadcast_monthly m"
                + " JOIN follower f ON f.id = m.follower_id WHERE f.account_id = ?").setParameter(1, account.value())
                .getSingleResult()).longValue(), "each follower's month counted once");
    }

    /** Transactions of the database waiting for a row lock. */
    private long lockWaits() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                + " WHERE trx_state = 'LOCK WAIT'").getSingleResult()).longValue();
    }

    private void ddl(String statement) throws Exception {
        transaction.begin();
        em.createNativeQuery(statement).executeUpdate();
        transaction.commit();
    }

    /** A verified account of the type with {@code followers} followers. */
    private AccountId account(String type, int followers) throws Exception {
        Api owner = TestData.person(new Api(base), TestData.cnPhone());
        JsonObject created = owner.post("api/v1/official-accounts", Json.createObjectBuilder(
                TestData.serviceAccount(TestData.accountName("Q"))).add("type", type).build()).json();
        String appid = created.getString("appid");
        TestData.verify(owner, appid);
        for (int i = 0; i < followers; i++) {
            Api fan = TestData.person(new Api(base), TestData.cnPhone());
            assertEquals(201, fan.post("api/v1/me/following", Json.createObjectBuilder().add("appid", appid)
                    .build()).status());
        }
        return accounts.byAppId(appid).accountId();
    }

    /** Waits (a bounded poll) for the fan-out to finish; answers how many received it. */
    private long sent(long msgId) {
        Broadcast finished = Eventually.poll(Duration.ofSeconds(30), () -> broadcast(msgId),
                b -> b.status() == BroadcastStatus.SEND_SUCCESS);
        assertEquals(BroadcastStatus.SEND_SUCCESS, finished.status(), "broadcast " + msgId + " did not finish");
        return finished.sentCount();
    }

    private Broadcast broadcast(long msgId) {
        em.getEntityManagerFactory().getCache().evictAll();
        return em.createQuery("SELECT b FROM Broadcast b WHERE b.id = :id", Broadcast.class).setParameter("id", msgId)
                .setHint("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)
                .getSingleResult();
    }

    private long recipients(long msgId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM broadcast_recipient WHERE broadcast_id = ?")
                .setParameter(1, msgId).getSingleResult()).longValue();
    }

    private static JsonObject text(String content) {
        return Json.createObjectBuilder().add("filter", Json.createObjectBuilder().add("is_to_all", true))
                .add("msgtype", "text").add("text", Json.createObjectBuilder().add("content", content)).build();
    }

    private static int refusal(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(BusinessException.class, call).code().errcode();
    }
}
