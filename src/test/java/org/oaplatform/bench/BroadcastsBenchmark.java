package org.oaplatform.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.oaplatform.broadcasts.control.BroadcastCalendar;
import org.oaplatform.demo.boundary.DemoData;
import org.oaplatform.officialaccounts.entity.AccountRegion;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.DeveloperServerStub;
import org.oaplatform.testsupport.Eventually;
import org.oaplatform.testsupport.TestData;

/**
 * Issue 14's benchmark: one broadcast ({@code mass/sendall}, text, to all) from the demo service account to the
 * followers suite's million followers, timed from the call to the {@code MASSSENDJOBFINISH} push at the account's
 * developer server (in this JVM), against the bare SQL of the same rows in the same database: one {@code INSERT …
 * SELECT} of the recipients with the same filters and one of the month's receipts, in one transaction. Then the
 * inbox's read path for a person who follows 500 service accounts with four broadcasts each.
 */
final class BroadcastsBenchmark {

    static final int READER_ACCOUNTS = Integer.getInteger("bench.broadcasts.readerAccounts", 500);
    static final int INBOX_READS = Integer.getInteger("bench.broadcasts.inboxReads", 2_000);
    /** A month no real broadcast counts in: the baseline's receipts go there, and are deleted after. */
    private static final int BASELINE_MONTH = 190_001;
    private static final long BASELINE_BROADCAST = 1L;

    private BroadcastsBenchmark() {
    }

    record Run(String name, long recipients, double seconds, double perMinute, long heapPeakMb,
            ProcessCpu.PerTransfer cpu) {
    }

    static void run(String base, String jdbcUrl) throws Exception {
        Duration loaded = FollowersBenchmark.ensureFollowers(jdbcUrl);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Api owner = new Api(base, TestData.clientAddress()).as(TransfersBenchmark.logIn(http, base,
                DemoData.OPERATOR_PHONE, DemoData.OPERATOR_PASSWORD));
        TestData.App app = new TestData.App(owner, DemoData.SERVICE_APPID, DemoData.SERVICE_SECRET);
        List<Run> runs = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "oa", "oa")) {
            long accountId = single(db, "SELECT id FROM official_account WHERE app_id = '" + app.appid() + "'");
            int month = BroadcastCalendar.of(AccountRegion.CN).month(Instant.now());
            forgetTheMonth(db, accountId, month);
            Api.Reply speed = owner.post("cgi-bin/message/mass/speed/set?access_token=" + app.token(),
                    Json.createObjectBuilder().add("speed", 0).build());
            check(speed.errcode() == 0, "speed/set: " + speed);
            settle(db);
            runs.add(bare(db, accountId));
            settle(db);
            statementLog(db, true);
            runs.add(platform(owner, app, db));
            statementLog(db, false);
            forgetTheMonth(db, accountId, month);
            settle(db);
            runs.add(bare(db, accountId));
            System.out.println(table(runs, loaded));
            inboxReads(http, base, db);
        }
    }

    /** The rows the fan-out writes, written by two statements in one transaction: what the database alone costs. */
    private static Run bare(Connection db, long accountId) throws SQLException {
        HeapWatch heap = HeapWatch.start();
        ProcessCpu.Sample before = Load.CPU.sample();
        long start = System.nanoTime();
        long inserted;
        db.setAutoCommit(false);
        try (PreparedStatement recipients = db.prepareStatement("INSERT INTO broadcast_recipient (broadcast_id,"
                + " follower_id, person_id, delivered_at) SELECT ?, f.id, f.person_id, UTC_TIMESTAMP(6) FROM follower f"
                + " WHERE f.account_id = ? AND f.subscribed = TRUE AND f.blacklisted_at IS NULL AND NOT EXISTS"
                + " (SELECT 1 FROM broadcast_monthly m WHERE m.follower_id = f.id AND m.month_key = ?"
                + " AND m.received >= 4)");
                PreparedStatement receipts = db.prepareStatement("INSERT INTO broadcast_monthly (follower_id,"
                        + " person_id, month_key, received) SELECT r.follower_id, r.person_id, ?, 1"
                        + " FROM broadcast_recipient r"
                        + " WHERE r.broadcast_id = ? ON DUPLICATE KEY UPDATE received = received + 1")) {
            recipients.setLong(1, BASELINE_BROADCAST);
            recipients.setLong(2, accountId);
            recipients.setInt(3, BASELINE_MONTH);
            inserted = recipients.executeUpdate();
            receipts.setInt(1, BASELINE_MONTH);
            receipts.setLong(2, BASELINE_BROADCAST);
            receipts.executeUpdate();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessCpu.Sample after = Load.CPU.sample();
        Run run = new Run("bare INSERT … SELECT", inserted, seconds, inserted / seconds * 60, heap.stopMb(),
                ProcessCpu.between(before, after, inserted));
        inBatches(db, "DELETE FROM broadcast_recipient WHERE broadcast_id = " + BASELINE_BROADCAST);
        inBatches(db, "DELETE FROM broadcast_monthly WHERE month_key = " + BASELINE_MONTH);
        return run;
    }

    /** {@code mass/sendall} to the developer server's {@code MASSSENDJOBFINISH}. */
    private static Run platform(Api owner, TestData.App app, Connection db) throws Exception {
        DeveloperServerStub.warmUp();
        try (DeveloperServerStub developer = DeveloperServerStub.start(app.appid())) {
            developer.connect(app, "PLAIN");
            HeapWatch heap = HeapWatch.start();
            ServerProfile profile = ServerProfile.start(Load.CPU, "a broadcast's fan-out");
            ProcessCpu.Sample before = Load.CPU.sample();
            long start = System.nanoTime();
            Api.Reply sent = owner.post("cgi-bin/message/mass/sendall?access_token=" + app.token(),
                    Json.createObjectBuilder().add("filter", Json.createObjectBuilder().add("is_to_all", true))
                            .add("msgtype", "text").add("text", Json.createObjectBuilder().add("content",
                                    "百万粉丝，一条群发")).build());
            check(sent.errcode() == 0, "sendall: " + sent);
            String msgId = Long.toString(sent.json().getJsonNumber("msg_id").longValueExact());
            DeveloperServerStub.Received finished = Eventually.poll(Duration.ofMinutes(15), () -> developer.received()
                    .stream().filter(p -> p.body().contains("MASSSENDJOBFINISH") && p.body().contains(msgId))
                    .findFirst().orElse(null), p -> p != null);
            check(finished != null, "no MASSSENDJOBFINISH for " + msgId + " within 15 minutes");
            double seconds = (System.nanoTime() - start) / 1e9;
            ProcessCpu.Sample after = Load.CPU.sample();
            profile.stopAndPrint();
            long recipients = single(db, "SELECT sent_count FROM broadcast WHERE id = " + msgId);
            Run run = new Run("platform: sendall → MASSSENDJOBFINISH", recipients, seconds, recipients / seconds * 60,
                    heap.stopMb(), ProcessCpu.between(before, after, recipients));
            // the inbox of a million benchmark followers is of no use afterwards; keeping it would grow every run
            inBatches(db, "DELETE FROM broadcast_recipient WHERE broadcast_id = " + msgId);
            return run;
        }
    }

    /**
     * A person following {@link #READER_ACCOUNTS} service accounts (copies of the demo account's row) with four
     * broadcasts each, loaded over JDBC; then their chat list, first page and a later one, one request at a time.
     */
    private static void inboxReads(HttpClient http, String base, Connection db) throws Exception {
        String phone = "+86135" + String.format("%08d", (int) (Math.random() * 100_000_000));
        String token = TestData.registerAndLogIn(new Api(base, TestData.clientAddress()), phone);
        long personId = single(db, "SELECT id FROM person WHERE phone = '" + phone + "'");
        long demo = single(db, "SELECT id FROM official_account WHERE app_id = '" + DemoData.SERVICE_APPID + "'");
        TimeOrderedIds ids = TimeOrderedIds.onNode(1_023);
        List<String> columns = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COLUMN_NAME FROM"
                + " information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'official_account'"
                + " ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        String copied = String.join(", ", columns);
        String select = String.join(", ", columns.stream().map(c -> switch (c) {
            case "id" -> "?";
            case "app_id" -> "?";
            case "original_id" -> "?";
            case "name" -> "?";
            default -> c;
        }).toList());
        db.setAutoCommit(false);
        Instant now = Instant.now();
        int month = BroadcastCalendar.of(AccountRegion.CN).month(now);
        int day = BroadcastCalendar.of(AccountRegion.CN).day(now);
        try (PreparedStatement account = db.prepareStatement("INSERT INTO official_account (" + copied + ") SELECT "
                + select + " FROM official_account WHERE id = " + demo);
                PreparedStatement follower = db.prepareStatement("INSERT INTO follower (account_id, person_id, openid,"
                        + " subscribed, subscribe_time, subscribe_scene) VALUES (?, ?, ?, TRUE, UTC_TIMESTAMP(6),"
                        + " 'ADD_SCENE_SEARCH')");
                PreparedStatement broadcast = db.prepareStatement("INSERT INTO broadcast (id, account_id, target,"
                        + " msg_type, content, status, day_key, month_key, speed, chunk_count, total_count, sent_count,"
                        + " filter_count, created_at, finished_at) VALUES (?, ?, 'ALL', 'text', ?, 'SEND_SUCCESS', ?, ?,"
                        + " 0, 1, 1, 1, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))");
                PreparedStatement recipient = db.prepareStatement("INSERT INTO broadcast_recipient (broadcast_id,"
                        + " follower_id, person_id, delivered_at) SELECT ?, f.id, f.person_id, UTC_TIMESTAMP(6)"
                        + " FROM follower f WHERE f.account_id = ? AND f.person_id = ?")) {
            for (int a = 0; a < READER_ACCOUNTS; a++) {
                long accountId = ids.next();
                String suffix = Long.toString(accountId, 36);
                account.setLong(1, accountId);
                account.setString(2, ("wxb" + suffix + "0000000000000000").substring(0, 18));
                account.setString(3, ("gh_b" + suffix));
                account.setString(4, "Reader " + suffix);
                account.executeUpdate();
                follower.setLong(1, accountId);
                follower.setLong(2, personId);
                follower.setString(3, ("ob" + suffix + "000000000000000000000000000").substring(0, 28));
                follower.executeUpdate();
                for (int b = 0; b < 4; b++) {
                    long broadcastId = ids.next();
                    broadcast.setLong(1, broadcastId);
                    broadcast.setLong(2, accountId);
                    broadcast.setString(3, "{\"content\":\"第 " + b + " 条\"}");
                    broadcast.setInt(4, day);
                    broadcast.setInt(5, month);
                    broadcast.executeUpdate();
                    recipient.setLong(1, broadcastId);
                    recipient.setLong(2, accountId);
                    recipient.setLong(3, personId);
                    recipient.executeUpdate();
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        String second = json(http, base + "/api/v1/inbox?limit=20", token).getString("nextBefore");
        List<String> urls = List.of(base + "/api/v1/inbox?limit=20", base + "/api/v1/inbox?limit=20&before=" + second);
        for (int i = 0; i < 200; i++) {
            read(http, urls.get(i % 2), token);
        }
        long[] first = new long[INBOX_READS / 2];
        long[] later = new long[INBOX_READS / 2];
        AtomicLong errors = new AtomicLong();
        for (int i = 0; i < INBOX_READS / 2; i++) {
            first[i] = read(http, urls.get(0), token, errors);
            later[i] = read(http, urls.get(1), token, errors);
        }
        Arrays.sort(first);
        Arrays.sort(later);
        System.out.printf(Locale.ROOT, "%nThe chat list of a person following %d service accounts (%d broadcasts),"
                + " one request at a time%n| page | requests | errors | p50 ms | p99 ms |%n|---|---|---|---|---|%n"
                + "| first (20) | %d | %d | %.2f | %.2f |%n| later (20, by cursor) | %d | %d | %.2f | %.2f |%n",
                READER_ACCOUNTS, READER_ACCOUNTS * 4, first.length, errors.get(), Load.millis(first, 0.5),
                Load.millis(first, 0.99), later.length, errors.get(), Load.millis(later, 0.5),
                Load.millis(later, 0.99));
    }

    private static jakarta.json.JsonObject json(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() == 200, url + ": " + response.body());
        return Json.createReader(new java.io.StringReader(response.body())).readObject();
    }

    private static long read(HttpClient http, String url, String token) throws Exception {
        return read(http, url, token, new AtomicLong());
    }

    private static long read(HttpClient http, String url, String token, AtomicLong errors) throws Exception {
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            errors.incrementAndGet();
        }
        return took;
    }

    /** Earlier runs' receipts of this month would filter the followers at four: the benchmark starts every run at none. */
    private static void forgetTheMonth(Connection db, long accountId, int month) throws SQLException {
        inBatches(db, "DELETE FROM broadcast_monthly WHERE month_key = " + month + " AND follower_id IN"
                + " (SELECT f.id FROM follower f WHERE f.account_id = " + accountId + ")");
    }

    /**
     * With {@code -Dbench.broadcasts.statements}, the database logs every statement of the platform's run (slow log at
     * 0 s, to its table) and the benchmark prints them grouped, by total time: where the fan-out's time goes.
     */
    private static void statementLog(Connection db, boolean on) throws SQLException {
        if (!Boolean.getBoolean("bench.broadcasts.statements")) {
            return;
        }
        try (Statement s = db.createStatement()) {
            if (on) {
                s.execute("TRUNCATE TABLE mysql.slow_log");
                s.execute("SET GLOBAL log_output = 'TABLE', long_query_time = 0, slow_query_log = 1");
                return;
            }
            s.execute("SET GLOBAL slow_query_log = 0");
            try (ResultSet rs = s.executeQuery("SELECT LEFT(CONVERT(sql_text USING utf8mb4), 90) AS q, COUNT(*),"
                    + " SUM(TIME_TO_SEC(query_time)), SUM(rows_examined) FROM mysql.slow_log GROUP BY q"
                    + " ORDER BY 3 DESC LIMIT 15")) {
                System.out.printf("%n| statement | count | seconds | rows examined |%n|---|---|---|---|%n");
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %d |%n", rs.getString(1).replace('|', '/'),
                            rs.getLong(2), rs.getDouble(3), rs.getLong(4));
                }
            }
        }
    }

    /**
     * Waits (at most two minutes) until InnoDB has purged what the last run's clean-up deleted: a million deleted rows
     * purged in the background took a third of the next run's time in the first measurements, whichever run came next.
     */
    private static void settle(Connection db) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && single(db, "SELECT COUNT FROM information_schema.INNODB_METRICS"
                + " WHERE NAME = 'trx_rseg_history_len'") > 1_000) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs a DELETE of at most 50 000 rows a time until it deletes nothing: no transaction of a million rows. */
    private static void inBatches(Connection db, String delete) throws SQLException {
        String limited = delete + " LIMIT 50000";
        try (Statement s = db.createStatement()) {
            while (s.executeUpdate(limited) > 0) {
                // next batch
            }
        }
    }

    private static String table(List<Run> runs, Duration loaded) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nOne broadcast to the followers suite's"
                + " followers (%s) against the bare SQL of the same rows%n| run | recipients | seconds | recipients"
                + " / minute | server heap peak MB | CPU ms/1 000 recipients: server + db + load generator |%n"
                + "|---|---|---|---|---|---|%n", loaded.isZero() ? "loaded before" : "loaded in " + loaded.toSeconds()
                + " s"));
        for (Run r : runs) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f | %s | %s |%n", r.name(), r.recipients(),
                    r.seconds(), r.perMinute(), r.heapPeakMb() < 0 ? "?" : Long.toString(r.heapPeakMb()),
                    perThousand(r.cpu())));
        }
        double bare = (runs.get(0).seconds() + runs.get(2).seconds()) / 2;
        table.append(String.format(Locale.ROOT, "ratio bare time (mean of the two) / platform time: %.2f%n",
                bare / runs.get(1).seconds()));
        return table.toString();
    }

    private static String perThousand(ProcessCpu.PerTransfer cpu) {
        return String.format(Locale.ROOT, "%.1f + %.1f + %.1f", cpu.server() * 1000, cpu.database() * 1000,
                cpu.client() * 1000);
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /**
     * The server's heap in use, sampled every 100 ms with {@code jstat} (survivors, eden and old generation): the
     * high-water mark of what it sampled, in MB, or -1 when the server is not a local process.
     */
    static final class HeapWatch {
        private final Thread sampler;
        private final AtomicLong peakKb = new AtomicLong(-1);
        private volatile boolean running = true;

        private HeapWatch(Long pid) {
            sampler = new Thread(() -> {
                while (running && pid != null) {
                    peakKb.accumulateAndGet(usedKb(pid), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch(Load.CPU.serverPid().orElse(null));
            watch.sampler.start();
            return watch;
        }

        long stopMb() {
            running = false;
            try {
                sampler.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peakKb.get() < 0 ? -1 : peakKb.get() / 1024;
        }

        private static long usedKb(long pid) {
            try {
                Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true)
                        .start();
                String[] lines = new String(jstat.getInputStream().readAllBytes()).strip().split("\n");
                jstat.waitFor();
                List<String> names = List.of(lines[0].trim().split("\\s+"));
                String[] values = lines[lines.length - 1].trim().split("\\s+");
                double used = 0;
                for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                    used += Double.parseDouble(values[names.indexOf(column)]);
                }
                return (long) used;
            } catch (Exception e) {
                return -1;
            }
        }
    }
}
