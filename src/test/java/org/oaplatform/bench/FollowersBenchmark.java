package org.oaplatform.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Issue 3's benchmark: a million followers of one account (the demo service account), all paged through with
 * {@code user/get}, then {@code user/info} throughput and latency against ping at the same concurrency. The
 * followers are loaded once in bulk SQL (the follow flow itself is tested elsewhere) and kept for later runs.
 */
final class FollowersBenchmark {

    static final int FOLLOWERS = Integer.getInteger("bench.followers", 1_000_000);
    private static final int CHUNK = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FollowersBenchmark() {
    }

    static void run(String base, String jdbcUrl) throws Exception {
        Duration loading = ensureFollowers(jdbcUrl);
        String token = TokenCheckBenchmark.token(base);

        List<String> openids = new ArrayList<>(FOLLOWERS);
        long[] pageNanos = new long[FOLLOWERS / 10_000 + 2];
        int pages = 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String next = "";
        long start = System.nanoTime();
        while (true) {
            long pageStart = System.nanoTime();
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/cgi-bin/user/get?access_token=" + token
                    + "&next_openid=" + next)).build(), HttpResponse.BodyHandlers.ofString()).body();
            pageNanos[pages] = System.nanoTime() - pageStart;
            JsonObject page = Json.createReader(new StringReader(body)).readObject();
            if (page.containsKey("errcode")) {
                throw new IllegalStateException("user/get failed: " + body);
            }
            if (page.getInt("count") == 0) {
                break;
            }
            page.getJsonObject("data").getJsonArray("openid").getValuesAs(JsonString.class)
                    .forEach(s -> openids.add(s.getString()));
            next = page.getString("next_openid");
            pages++;
        }
        Duration paging = Duration.ofNanos(System.nanoTime() - start);
        long[] sorted = Arrays.copyOf(pageNanos, pages + 1);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%nFollowers: %d (bulk load %s s this run)%n| user/get paging | pages | openids | "
                + "total s | page p50 ms | page p99 ms |%n|---|---|---|---|---|---|%n| all followers | %d | %d | %.1f | %.1f | %.1f |%n",
                FOLLOWERS, loading.toSeconds(), pages + 1, openids.size(), paging.toMillis() / 1000.0,
                Load.millis(sorted, 0.5), Load.millis(sorted, 0.99));
        if (openids.size() != FOLLOWERS) {
            throw new IllegalStateException("paged " + openids.size() + " openids of " + FOLLOWERS);
        }

        List<String> infos = openids.stream().limit(100_000)
                .map(o -> base + "/cgi-bin/user/info?access_token=" + token + "&openid=" + o + "&lang=zh_CN").toList();
        List<Load.Result> results = new ArrayList<>();
        String warmedUp = Load.warmUpServer(List.of(Load.fixed(base + "/api/v1/ping"), Load.anyOf(infos)));
        for (int clients : TokenCheckBenchmark.CONCURRENCY) {
            Load.measure("warm-up", Load.fixed(base + "/api/v1/ping"), clients, TokenCheckBenchmark.WARM_UP);
            Load.measure("warm-up", Load.anyOf(infos), clients, TokenCheckBenchmark.WARM_UP);
            results.add(Load.measure("ping (baseline)", Load.fixed(base + "/api/v1/ping"), clients,
                    TokenCheckBenchmark.MEASURE));
            results.add(Load.measure("user/info (1M followers)", Load.anyOf(infos), clients, TokenCheckBenchmark.MEASURE));
        }
        Load.print("user/info against ping (" + warmedUp + ")", results);
    }

    /** Loads the followers in bulk unless an earlier run did; resets today's quotas of the account (user/get: 500 a day). */
    static Duration ensureFollowers(String jdbcUrl) throws SQLException {
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "oa", "oa")) {
            long accountId = TokenCheckBenchmark.resetDemoQuotas(db);
            long present = single(db, "SELECT COALESCE(MAX(subscribed), 0) FROM follower_count WHERE account_id = " + accountId);
            if (present >= FOLLOWERS) {
                ensureUnionids(db, accountId);
                return Duration.ZERO;
            }
            db.setAutoCommit(false);
            long personBase = single(db, "SELECT COALESCE(MAX(id), 0) FROM person");
            for (int from = (int) present; from < FOLLOWERS; from += CHUNK) {
                int to = Math.min(FOLLOWERS, from + CHUNK);
                StringBuilder persons = new StringBuilder(
                        "INSERT INTO person (id, phone, region, password_hash, display_name, language, created_at) VALUES ");
                StringBuilder followers = new StringBuilder("INSERT INTO follower (account_id, person_id, openid, subscribed,"
                        + " subscribe_time, subscribe_scene) VALUES ");
                for (int i = from; i < to; i++) {
                    long personId = personBase + 1 + i - present;
                    String sep = i == from ? "" : ",";
                    persons.append(sep).append('(').append(personId).append(",'+8616").append(String.format("%09d", i))
                            .append("','CN','bench','Fan','en',UTC_TIMESTAMP(6))");
                    followers.append(sep).append('(').append(accountId).append(',').append(personId).append(",'")
                            .append(openid()).append("',TRUE,UTC_TIMESTAMP(6),'ADD_SCENE_SEARCH')");
                }
                try (Statement s = db.createStatement()) {
                    s.executeUpdate(persons.toString());
                    s.executeUpdate(followers.toString());
                }
                try (PreparedStatement count = db.prepareStatement("INSERT INTO follower_count (account_id, subscribed)"
                        + " VALUES (?, ?) ON DUPLICATE KEY UPDATE subscribed = subscribed + ?")) {
                    count.setLong(1, accountId);
                    count.setLong(2, to - from);
                    count.setLong(3, to - from);
                    count.executeUpdate();
                }
                db.commit();
            }
            db.setAutoCommit(true);
            ensureUnionids(db, accountId);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Following makes the unionid and copies it onto the follower (see Followers.follow); bulk-loaded followers get
     * theirs here, random like the server's.
     */
    private static void ensureUnionids(Connection db, long accountId) throws SQLException {
        long owner = single(db, "SELECT person_id FROM official_account_member WHERE role = 'OWNER' AND account_id = " + accountId);
        try (PreparedStatement fill = db.prepareStatement("INSERT INTO union_identity (owner_person_id, person_id, unionid)"
                + " SELECT ?, f.person_id, CONCAT('o', SUBSTRING(REPLACE(REPLACE(TO_BASE64(RANDOM_BYTES(21)), '+', '-'),"
                + " '/', '_'), 1, 27)) FROM follower f LEFT JOIN union_identity u ON u.owner_person_id = ?"
                + " AND u.person_id = f.person_id WHERE f.account_id = ? AND u.id IS NULL")) {
            fill.setLong(1, owner);
            fill.setLong(2, owner);
            fill.setLong(3, accountId);
            fill.executeUpdate();
        }
        try (PreparedStatement copy = db.prepareStatement("UPDATE follower f JOIN union_identity u"
                + " ON u.owner_person_id = ? AND u.person_id = f.person_id SET f.unionid = u.unionid"
                + " WHERE f.account_id = ? AND f.unionid IS NULL")) {
            copy.setLong(1, owner);
            copy.setLong(2, accountId);
            copy.executeUpdate();
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An openid of the same shape as the server's (28 URL-safe characters starting with o). */
    private static String openid() {
        byte[] bytes = new byte[21];
        RANDOM.nextBytes(bytes);
        return "o" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 27);
    }
}
