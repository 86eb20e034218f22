package org.oaplatform.bench;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.oaplatform.devserver.DevServer;

/**
 * Benchmark ({@code mvn -Pbench package}): throughput and latency of a token-checked WeChat call
 * ({@code /cgi-bin/get_api_domain_ip}: token lookup, whitelist, capability, quota upsert) against a call that does
 * nothing ({@code /api/v1/ping}) on the same server, at the same concurrency, in the same run. Prints a table and
 * the ratio. Closed loop: each client sends its next request when the previous answer arrived.
 */
public final class TokenCheckBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.concurrency", "1,16").split(","))
            .mapToInt(Integer::parseInt).toArray();

    record Result(String name, int clients, long requests, long errors, double perSecond, double p50, double p99) {
    }

    public static void main(String[] args) throws Exception {
        DevServer server = DevServer.fromEnvironment();
        try {
            server.start();
            String base = server.baseUrl();
            String token = token(base);
            List<Result> results = new ArrayList<>();
            for (int clients : CONCURRENCY) {
                String ping = base + "/api/v1/ping";
                String checked = base + "/cgi-bin/get_api_domain_ip?access_token=" + token;
                run("warm-up", ping, clients, WARM_UP);
                run("warm-up", checked, clients, WARM_UP);
                results.add(run("ping (baseline)", ping, clients, MEASURE));
                results.add(run("get_api_domain_ip (token-checked)", checked, clients, MEASURE));
            }
            print(results);
        } finally {
            server.stop();
        }
    }

    private static String token(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/cgi-bin/token?grant_type=client_credential&appid=wx0123456789abcdef"
                + "&secret=0123456789abcdef0123456789abcdef")).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(response.body())).readObject().getString("access_token");
    }

    private static Result run(String name, String url, int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200 || response.body().contains("errcode")) {
                        errors[client]++;
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long errorCount = Arrays.stream(errors).sum();
        return new Result(name, clients, latencies.length, errorCount,
                latencies.length / (double) duration.toSeconds(), millis(latencies, 0.50), millis(latencies, 0.99));
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static void print(List<Result> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n| endpoint | clients | requests | errors | req/s | p50 ms | p99 ms |%n|---|---|---|---|---|---|---|%n"));
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f |%n", r.name(),
                    r.clients(), r.requests(), r.errors(), r.perSecond(), r.p50(), r.p99()));
        }
        for (int i = 0; i + 1 < results.size(); i += 2) {
            table.append(String.format(Locale.ROOT, "ratio token-checked / ping at %d clients: %.2f%n",
                    results.get(i).clients(), results.get(i + 1).perSecond() / results.get(i).perSecond()));
        }
        System.out.println(table);
    }
}
