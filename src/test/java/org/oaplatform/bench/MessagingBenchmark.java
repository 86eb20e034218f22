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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.oaplatform.demo.boundary.DemoData;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.DeveloperServerStub;
import org.oaplatform.testsupport.TestData;

/**
 * Follower messages through {@code POST /api/v1/conversations/{appid}/messages} to the demo service account in
 * developer mode, whose developer server (WxJava, in this JVM) answers each push with a passive text reply. Open loop:
 * message i is due at start + i / rate and its latency counts from then, so a server that falls behind cannot hide it
 * by slowing the sender. A message's latency ends when its reply is stored in the conversation, read afterwards from
 * the reply row's {@code created_at} (same machine, same clock), so observing costs the server nothing. Then the
 * auto-reply path (developer mode off, a keyword rule) closed-loop against ping.
 */
final class MessagingBenchmark {

    static final int[] RATES = Arrays.stream(System.getProperty("bench.messaging.rates", "250,500,750,1000,1500")
            .split(",")).mapToInt(Integer::parseInt).toArray();
    static final int FOLLOWERS = Integer.getInteger("bench.messaging.followers", 64);
    /** A step whose p99 passes this, or that lost more than 1 % of its messages, ends the climb. */
    static final Duration LATENCY_BOUND = Duration.ofMillis(Long.getLong("bench.messaging.boundMillis", 1000));
    private static final Pattern REPLY = Pattern.compile("re:s(-?\\d+)-(\\d+)");

    private MessagingBenchmark() {
    }

    /**
     * {@code acceptedP50/P99}: from due to the follower's 201, the part of the latency spent before the push; {@code cpu}:
     * the server's and database's CPU per message over the step, pushes and replies included.
     */
    record Step(int rate, long sent, long failed, long replied, double achieved, double p50, double p90, double p99,
            double max, double acceptedP50, double acceptedP99, ProcessCpu.PerTransfer cpu, double serverP50,
            double serverP99) {
    }

    static void run(String base, String jdbcUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> tokens = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "oa", "oa")) {
            TokenCheckBenchmark.resetDemoQuotas(db);
            List<String> phones = TransfersBenchmark.phones(20_000, FOLLOWERS);
            TransfersBenchmark.ensurePeople(http, base, db, phones);
            for (String phone : phones) {
                tokens.add(TransfersBenchmark.logIn(http, base, phone, TransfersBenchmark.PASSWORD));
            }
        }
        for (String token : tokens) {
            Api.Reply followed = api(base, token).post("api/v1/me/following", Json.createObjectBuilder()
                    .add("appid", DemoData.SERVICE_APPID).build());
            if (followed.status() != 201 && followed.status() != 200) {
                throw new IllegalStateException("follow failed: " + followed);
            }
        }
        Api owner = api(base, TransfersBenchmark.logIn(http, base, DemoData.OPERATOR_PHONE,
                DemoData.OPERATOR_PASSWORD));
        TestData.App app = new TestData.App(owner, DemoData.SERVICE_APPID, DemoData.SERVICE_SECRET);
        ConcurrentLinkedQueue<Long> serverNanos = new ConcurrentLinkedQueue<>();
        try (DeveloperServerStub developer = DeveloperServerStub.start(app.appid())) {
            developer.answer(push -> {
                long start = System.nanoTime();
                var reply = developer.reply(push, WxMpXmlOutMessage.TEXT().content("re:" + push.message().getContent())
                        .fromUser(push.message().getToUser()).toUser(push.message().getFromUser()).build());
                serverNanos.add(System.nanoTime() - start);
                return reply;
            });
            developer.connect(app, "PLAIN");
            Load.warmUpServer(List.of(Load.fixed(base + "/api/v1/ping")));
            String warmedUp = warmUpPushes(http, base, tokens, jdbcUrl, serverNanos);
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < RATES.length; i++) {
                Step step = openLoop(http, base, tokens, i + 1, RATES[i], TokenCheckBenchmark.MEASURE, jdbcUrl,
                        serverNanos);
                steps.add(step);
                if (step.p99() > LATENCY_BOUND.toMillis() || step.replied() < step.sent() * 0.99) {
                    break;
                }
            }
            print(steps, warmedUp);
            Api.Reply off = owner.put("api/v1/official-accounts/" + app.appid() + "/server", Json.createObjectBuilder()
                    .add("url", developer.url()).add("token", developer.config().getToken())
                    .add("encodingAesKey", developer.config().getAesKey()).add("mode", "PLAIN").add("enabled", false)
                    .build());
            if (off.status() != 200) {
                throw new IllegalStateException("developer mode not switched off: " + off);
            }
        }
        AutoReplyThroughput.run(http, base, owner, tokens);
    }

    /**
     * Warm-up steps of 10 s at 150 messages a second until the server's JIT compilers used under 10 % of a core during
     * one (at most {@code -Dbench.jitSeconds}, 300): a fixed 20 s left the first measured step paying for compilation
     * (8.3 ms of server CPU a message at 150 / s against 5.1 at the next step).
     */
    private static String warmUpPushes(HttpClient http, String base, List<String> tokens, String jdbcUrl,
            ConcurrentLinkedQueue<Long> serverNanos) throws Exception {
        long patience = Duration.ofSeconds(Long.getLong("bench.jitSeconds", 300)).toNanos();
        long start = System.nanoTime();
        for (int series = -1;; series--) {
            long compilingBefore = Load.CPU.serverCompilerNanos();
            long sliceStart = System.nanoTime();
            openLoop(http, base, tokens, series, 150, Duration.ofSeconds(10), jdbcUrl, serverNanos);
            long compilingAfter = Load.CPU.serverCompilerNanos();
            long now = System.nanoTime();
            double share = (compilingAfter - compilingBefore) / (double) (now - sliceStart);
            if (compilingBefore < 0 || share < 0.10 || now - start > patience) {
                double percent = compilingBefore < 0 ? Double.NaN : 100 * share;
                return String.format(Locale.ROOT, "push path warmed up for %.0f s; the JIT compilers used %.0f %% of"
                        + " a core in the last 10 s", (now - start) / 1e9, percent);
            }
        }
    }

    /** Sends at {@code rate} a second for {@code duration}; answers the step once every reply arrived or 30 s passed. */
    private static Step openLoop(HttpClient http, String base, List<String> tokens, int series, int rate,
            Duration duration, String jdbcUrl, ConcurrentLinkedQueue<Long> serverNanos) throws Exception {
        serverNanos.clear();
        int count = (int) (rate * duration.toSeconds());
        Instant start = Instant.now().plusMillis(200);
        long startNanos = System.nanoTime() + 200_000_000L;
        AtomicLong failed = new AtomicLong();
        long[] accepted = new long[count];
        List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
        ServerProfile profile = series <= 0 ? null : ServerProfile.start(Load.CPU, "follower messages at " + rate
                + " / s");
        ProcessCpu.Sample before = Load.CPU.sample();
        String url = base + "/api/v1/conversations/" + DemoData.SERVICE_APPID + "/messages";
        for (int i = 0; i < count; i++) {
            long due = startNanos + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = Json.createObjectBuilder().add("type", "text").add("content", "s" + series + "-" + i)
                    .build().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int number = i;
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                accepted[number] = System.nanoTime() - due;
                if (e != null || r.statusCode() != 201) {
                    failed.incrementAndGet();
                }
            }));
        }
        double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Map<Integer, Long> repliedAtMicros = replies(jdbcUrl, series, count, start);
        ProcessCpu.Sample after = Load.CPU.sample();
        if (profile != null) {
            profile.stopAndPrint();
        }
        Arrays.sort(accepted);
        long[] latencies = new long[repliedAtMicros.size()];
        int n = 0;
        long startMicros = start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000;
        for (Map.Entry<Integer, Long> reply : repliedAtMicros.entrySet()) {
            long dueMicros = startMicros + reply.getKey() * 1_000_000L / rate;
            latencies[n++] = Math.max(0, reply.getValue() - dueMicros) * 1_000;
        }
        Arrays.sort(latencies);
        long[] server = serverNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Step(rate, count, failed.get(), latencies.length, count / sendSeconds, Load.millis(latencies, 0.50),
                Load.millis(latencies, 0.90), Load.millis(latencies, 0.99), Load.millis(latencies, 1.0),
                Load.millis(accepted, 0.50), Load.millis(accepted, 0.99), ProcessCpu.between(before, after, count),
                Load.millis(server, 0.50), Load.millis(server, 0.99));
    }

    /** When each reply of the series was stored, by message number; waits up to 30 s for the last ones. */
    private static Map<Integer, Long> replies(String jdbcUrl, int series, int expected, Instant since)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<Integer, Long> found = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "oa", "oa");
                PreparedStatement query = db.prepareStatement("SELECT content, created_at FROM conversation_message"
                        + " WHERE source = 'PASSIVE_REPLY' AND created_at >= ?")) {
            query.setTimestamp(1, Timestamp.valueOf(since.atZone(java.time.ZoneOffset.UTC).toLocalDateTime()
                    .minusSeconds(1)));
            while (true) {
                found.clear();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Matcher m = REPLY.matcher(rows.getString(1));
                        if (m.find() && Integer.parseInt(m.group(1)) == series) {
                            Instant at = rows.getTimestamp(2).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
                            found.put(Integer.parseInt(m.group(2)), at.getEpochSecond() * 1_000_000L
                                    + at.getNano() / 1_000);
                        }
                    }
                }
                if (found.size() >= expected || System.nanoTime() > deadline) {
                    return found;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Api api(String base, String token) {
        return new Api(base, "127.0.0.1").as(token);
    }

    private static void print(List<Step> steps, String warmedUp) {
        System.out.println();
        System.out.println("Follower messages to a developer server that replies passively: latency from the moment a"
                + " message was due to its reply stored in the conversation (open loop, "
                + TokenCheckBenchmark.MEASURE.toSeconds() + " s a step, " + FOLLOWERS + " followers; " + warmedUp
                + ")");
        System.out.println("| offered/s | achieved/s | sent | failed | replied | p50 ms | p90 ms | p99 ms | max ms"
                + " | accepted (201) p50 / p99 ms | CPU ms/message: server + db + load generator"
                + " | developer server p50 / p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Step s : steps) {
            System.out.println(String.format(Locale.ROOT, "| %d | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |"
                    + " %.1f / %.1f | %s | %.2f / %.2f |", s.rate(), s.achieved(), s.sent(), s.failed(), s.replied(),
                    s.p50(), s.p90(), s.p99(), s.max(), s.acceptedP50(), s.acceptedP99(), s.cpu().fineCell(), s.serverP50(),
                    s.serverP99()));
        }
        System.out.println("A step ends the climb when its p99 passes " + LATENCY_BOUND.toMillis() + " ms or under 99 %"
                + " of its messages got their reply within 30 s of the last send.");
    }
}
