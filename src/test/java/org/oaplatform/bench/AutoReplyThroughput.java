package org.oaplatform.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oaplatform.demo.boundary.DemoData;
import org.oaplatform.testsupport.Api;

/**
 * The auto-reply path (no developer mode: a keyword rule answers each follower message) closed-loop at 1 and 16
 * clients, against ping at the same concurrency in the same run.
 */
final class AutoReplyThroughput {

    private AutoReplyThroughput() {
    }

    static void run(HttpClient http, String base, Api owner, List<String> tokens) throws Exception {
        Api.Reply rule = owner.post("api/v1/official-accounts/" + DemoData.SERVICE_APPID + "/auto-replies",
                Json.createObjectBuilder().add("kind", "KEYWORD").add("name", "bench " + System.nanoTime())
                        .add("priority", 1).add("keywords", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("keyword", "价格").add("match", "CONTAINS")))
                        .add("replies", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text")
                                .add("content", "今日价格请见菜单")))
                        .build());
        if (rule.status() != 201) {
            throw new IllegalStateException("auto-reply rule not created: " + rule);
        }
        String url = base + "/api/v1/conversations/" + DemoData.SERVICE_APPID + "/messages";
        String body = Json.createObjectBuilder().add("type", "text").add("content", "请问价格").build().toString();
        List<Load.Result> results = new ArrayList<>();
        for (int clients : TokenCheckBenchmark.CONCURRENCY) {
            closedLoop(http, url, body, tokens, clients, TokenCheckBenchmark.WARM_UP);
            results.add(Load.measure("ping (baseline)", Load.fixed(base + "/api/v1/ping"), clients,
                    TokenCheckBenchmark.MEASURE));
            results.add(closedLoop(http, url, body, tokens, clients, TokenCheckBenchmark.MEASURE));
        }
        Load.print("Follower message answered by an auto-reply rule against ping", results);
    }

    /** Each client sends as its own followers (client c uses tokens c, c + clients, ...), one message at a time. */
    private static Load.Result closedLoop(HttpClient http, String url, String body, List<String> tokens, int clients,
            Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 14];
                int n = 0;
                for (int i = client; System.nanoTime() < end; i += clients) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 201) {
                        errors[client]++;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        ProcessCpu.Sample before = Load.CPU.sample();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        ProcessCpu.Sample after = Load.CPU.sample();
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load.Result("follower message + auto-reply", clients,
                latencies.length, Arrays.stream(errors).sum(), latencies.length / (double) duration.toSeconds(),
                Load.millis(latencies, 0.50), Load.millis(latencies, 0.99),
                ProcessCpu.between(before, after, latencies.length));
    }
}
