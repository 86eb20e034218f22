package org.oaplatform.bench;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput and latency of a token-checked WeChat call ({@code /cgi-bin/get_api_domain_ip}: token lookup,
 * whitelist, capability, quota) against a call that does nothing ({@code /api/v1/ping}) on the same server, at the
 * same concurrency, in the same run.
 */
final class TokenCheckBenchmark {

    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 10));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.concurrency", "1,16").split(","))
            .mapToInt(Integer::parseInt).toArray();

    static final String DEMO_APPID = "wx0123456789abcdef";
    static final String DEMO_SECRET = "0123456789abcdef0123456789abcdef";

    private TokenCheckBenchmark() {
    }

    static void run(String base, String jdbcUrl) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "oa", "oa")) {
            resetDemoQuotas(db);
        }
        String token = token(base);
        List<Load.Result> results = new ArrayList<>();
        String ping = base + "/api/v1/ping";
        String checked = base + "/cgi-bin/get_api_domain_ip?access_token=" + token;
        String warmedUp = Load.warmUpServer(List.of(Load.fixed(ping), Load.fixed(checked)));
        for (int clients : CONCURRENCY) {
            Load.measure("warm-up", Load.fixed(ping), clients, WARM_UP);
            Load.measure("warm-up", Load.fixed(checked), clients, WARM_UP);
            results.add(Load.measure("ping (baseline)", Load.fixed(ping), clients, MEASURE));
            results.add(Load.measure("get_api_domain_ip (token-checked)", Load.fixed(checked), clients, MEASURE));
        }
        Load.print("Token-checked call against ping (" + warmedUp + ")", results);
    }

    /**
     * Forgets today's API calls of the demo account (the warm-ups alone may make hundreds of thousands, and
     * {@code get_api_domain_ip} allows a million a day); answers the account's id.
     */
    static long resetDemoQuotas(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            ResultSet id = s.executeQuery("SELECT id FROM official_account WHERE app_id = '" + DEMO_APPID + "'");
            id.next();
            long accountId = id.getLong(1);
            s.executeUpdate("DELETE FROM api_quota_usage WHERE account_id = " + accountId);
            return accountId;
        }
    }

    /** An access token of the demo service account (dev mode's demo data). */
    static String token(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/cgi-bin/token?grant_type=client_credential&appid=" + DEMO_APPID + "&secret=" + DEMO_SECRET)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }
}
