package org.oaplatform.broadcasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.TestData;
import org.oaplatform.testsupport.TestDomain;

/**
 * The server restarts in the middle of a broadcast's fan-out, and while a scheduled broadcast waits for its time: both
 * finish by themselves afterwards, and nobody gets one twice or has it counted twice against the month's allowance.
 * A chunk in the middle is held back by a lock the test keeps on its followers' allowance rows, so the restart is
 * certain to come between chunks done and chunks to do.
 * <p>
 * Not an Arquillian test: an Arquillian deployment does not survive a restart of the server.
 */
class BroadcastRestartIT {

    static final String APPLICATION = "oa-platform-broadcast-restart";
    static final int FOLLOWERS = 4_001;
    /** The followers whose chunk waits for the test's lock: in the middle, so that chunks come before and after. */
    static final int HELD_FROM = 2_000;
    static final int HELD = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    final Api api = new Api("http://localhost:8080/", TestData.clientAddress());

    @AfterAll
    static void cleanUp() {
        TestDomain.undeployIfPresent(APPLICATION);
    }

    @Test
    void aFanOutAndAScheduledBroadcastFinishAfterARestartAndNobodyGetsOneTwice() throws Exception {
        TestDomain.deploy(APPLICATION);
        Api owner = TestData.person(api, TestData.cnPhone());
        TestData.App big = TestData.verifiedServiceAccount(owner);
        TestData.App small = TestData.verifiedServiceAccount(owner);
        for (int i = 0; i < 2; i++) {
            assertEquals(201, TestData.person(api, TestData.cnPhone()).post("api/v1/me/following",
                    Json.createObjectBuilder().add("appid", small.appid()).build()).status());
        }
        String scheduled = owner.post("api/v1/official-accounts/" + small.appid() + "/broadcasts",
                Json.createObjectBuilder().add("target", "ALL").add("sendAt", Instant.now().plusSeconds(90).toString())
                        .add("message", Json.createObjectBuilder().add("msgtype", "text").add("text",
                                Json.createObjectBuilder().add("content", "重启之后"))).build()).json().getString("id");

        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), "oa", "oa")) {
            long accountId = single(db, "SELECT id FROM official_account WHERE app_id = '" + big.appid() + "'");
            loadFollowers(db, accountId);
            try (Connection holder = DriverManager.getConnection(System.getProperty("it.db.url"), "oa", "oa")) {
                holdChunkInTheMiddle(holder, accountId);
                long msgId = owner.post("cgi-bin/message/mass/sendall?access_token=" + big.token(),
                        Json.createObjectBuilder().add("filter", Json.createObjectBuilder().add("is_to_all", true))
                                .add("msgtype", "text").add("text", Json.createObjectBuilder().add("content", "四千人"))
                                .build()).json().getJsonNumber("msg_id").longValueExact();
                Eventually.poll(Duration.ofSeconds(60), () -> doneChunks(db, msgId), done -> done >= HELD_FROM / 4);

                Instant restarting = Instant.now();
                TestDomain.restart();
                Instant restarted = Instant.now();
                holder.rollback();

                long finished = Eventually.poll(Duration.ofMinutes(4), () -> status(big, msgId).equals("SEND_SUCCESS")
                        ? 1L : 0L, f -> f == 1L);
                assertEquals(1L, finished, "the fan-out finished after the restart");
                assertEquals(FOLLOWERS, single(db, "SELECT sent_count FROM broadcast WHERE id = " + msgId));
                assertEquals(FOLLOWERS, single(db, "SELECT total_count FROM broadcast WHERE id = " + msgId),
                        "no chunk counted twice");
                assertEquals(FOLLOWERS, single(db, "SELECT COUNT(*) FROM broadcast_recipient WHERE broadcast_id = "
                        + msgId));
                assertEquals(FOLLOWERS, single(db, "SELECT SUM(m.received) FROM broadcast_monthly m JOIN follower f"
                        + " ON f.id = m.follower_id WHERE f.account_id = " + accountId), "each allowance counted once");
                assertEquals(1, single(db, "SELECT MAX(m.received) FROM broadcast_monthly m JOIN follower f"
                        + " ON f.id = m.follower_id WHERE f.account_id = " + accountId));
                assertTrue(chunkDoneBefore(db, msgId, restarting), "chunks were done before the restart");
                assertTrue(chunkDoneAfter(db, msgId, restarted), "and chunks after it");
            }
        }
        String status = Eventually.poll(Duration.ofMinutes(3), () -> owner.get("api/v1/official-accounts/"
                + small.appid() + "/broadcasts/" + scheduled).json().getString("status"), "SEND_SUCCESS"::equals);
        assertEquals("SEND_SUCCESS", status, "the scheduled broadcast started after the restart");
    }

    /** Persons and their following, in bulk over JDBC as the followers benchmark loads them. */
    private static void loadFollowers(Connection db, long accountId) throws SQLException {
        TimeOrderedIds ids = TimeOrderedIds.onNode(1_000 + RANDOM.nextInt(24));
        String phones = "+86137" + String.format("%02d", RANDOM.nextInt(100));
        StringBuilder persons = new StringBuilder("INSERT INTO person (id, phone, region, password_hash, display_name,"
                + " language, created_at) VALUES ");
        StringBuilder followers = new StringBuilder("INSERT INTO follower (account_id, person_id, openid, subscribed,"
                + " subscribe_time, subscribe_scene) VALUES ");
        for (int i = 0; i < FOLLOWERS; i++) {
            long personId = ids.next();
            String sep = i == 0 ? "" : ",";
            persons.append(sep).append('(').append(personId).append(",'").append(phones)
                    .append(String.format("%06d", i)).append("','CN','x','Fan','en',UTC_TIMESTAMP(6))");
            followers.append(sep).append('(').append(accountId).append(',').append(personId).append(",'")
                    .append(openid()).append("',TRUE,UTC_TIMESTAMP(6),'ADD_SCENE_SEARCH')");
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate(persons.toString());
            s.executeUpdate(followers.toString());
            s.executeUpdate("INSERT INTO follower_count (account_id, subscribed) VALUES (" + accountId + ", "
                    + FOLLOWERS + ") ON DUPLICATE KEY UPDATE subscribed = subscribed + " + FOLLOWERS);
        }
    }

    /**
     * Allowance rows (nothing received yet) for a few followers in the middle, locked by a transaction the test keeps
     * open: their chunk's count of receipts waits for it, and everything after that chunk with it.
     */
    private static void holdChunkInTheMiddle(Connection holder, long accountId) throws SQLException {
        int month = BroadcastCalendar.of(AccountRegion.CN).month(Instant.now());
        holder.setAutoCommit(false);
        try (PreparedStatement rows = holder.prepareStatement("INSERT INTO broadcast_monthly (follower_id, person_id,"
                + " month_key, received) SELECT f.id, f.person_id, ?, 0 FROM follower f WHERE f.account_id = ?"
                + " ORDER BY f.id LIMIT ? OFFSET ?")) {
            rows.setInt(1, month);
            rows.setLong(2, accountId);
            rows.setInt(3, HELD);
            rows.setInt(4, HELD_FROM);
            assertEquals(HELD, rows.executeUpdate());
        }
    }

    private static long doneChunks(Connection db, long msgId) {
        try {
            return single(db, "SELECT COUNT(*) FROM broadcast_chunk WHERE state = 'DONE' AND broadcast_id = " + msgId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean chunkDoneBefore(Connection db, long msgId, Instant at) throws SQLException {
        return exists(db, "SELECT 1 FROM broadcast_chunk WHERE broadcast_id = ? AND done_at < ?", msgId, at);
    }

    private static boolean chunkDoneAfter(Connection db, long msgId, Instant at) throws SQLException {
        return exists(db, "SELECT 1 FROM broadcast_chunk WHERE broadcast_id = ? AND done_at > ?", msgId, at);
    }

    private static boolean exists(Connection db, String sql, long msgId, Instant at) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, msgId);
            query.setTimestamp(2, Timestamp.valueOf(java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC)));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private String status(TestData.App app, long msgId) {
        try {
            return api.post("cgi-bin/message/mass/get?access_token=" + app.token(), Json.createObjectBuilder()
                    .add("msg_id", msgId).build()).json().getString("msg_status", "");
        } catch (RuntimeException notYet) {
            return "";
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An openid of the server's shape (28 URL-safe characters starting with o). */
    private static String openid() {
        byte[] bytes = new byte[21];
        RANDOM.nextBytes(bytes);
        return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 27);
    }
}
