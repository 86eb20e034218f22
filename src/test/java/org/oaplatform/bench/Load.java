package org.oaplatform.bench;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A closed-loop load generator for benchmarks: each client sends its next request when the previous answer arrived,
 * for a fixed time. A request counts as an error unless it answers 200 without a WeChat {@code errcode}.
 */
final class Load {

    record Result(String name, int clients, long requests, long errors, double perSecond, double p50, double p99,
            ProcessCpu.PerTransfer cpu) {
    }

    /** The server and database of this machine, found once: their CPU time per request goes into each row. */
    static final ProcessCpu CPU = ProcessCpu.ofLocalProcesses();

    private Load() {
    }

    static Result measure(String name, Supplier<String> urls, int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
                    HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get())).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200 || response.body().contains("\"errcode\"")) {
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
        ServerProfile profile = name.equals("warm-up") ? null
                : ServerProfile.start(CPU, name + ", " + clients + " clients");
        ProcessCpu.Sample before = CPU.sample();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        ProcessCpu.Sample after = CPU.sample();
        if (profile != null) {
            profile.stopAndPrint();
        }
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, clients, latencies.length, Arrays.stream(errors).sum(),
                latencies.length / (double) duration.toSeconds(), millis(latencies, 0.50), millis(latencies, 0.99),
                ProcessCpu.between(before, after, latencies.length));
    }

    /**
     * Runs {@code urls} at 16 clients in slices (alternating, so both paths get compiled) until the server's JIT
     * compilers used under 10 % of a core during a slice, or for at most {@code -Dbench.jitSeconds} (300); answers how
     * it went, for the table. A ten-second warm-up left the first rows measuring compilation, not the paths.
     */
    static String warmUpServer(List<Supplier<String>> urls) throws Exception {
        Duration slice = Duration.ofSeconds(10);
        Duration patience = Duration.ofSeconds(Long.getLong("bench.jitSeconds", 300));
        long start = System.nanoTime();
        while (true) {
            long compilingBefore = CPU.serverCompilerNanos();
            long sliceStart = System.nanoTime();
            for (Supplier<String> url : urls) {
                measure("warm-up", url, 16, slice.dividedBy(urls.size()));
            }
            long compilingAfter = CPU.serverCompilerNanos();
            long now = System.nanoTime();
            double seconds = (now - start) / 1e9;
            if (compilingBefore < 0 || compilingAfter < 0) {
                if (now - start >= Duration.ofSeconds(60).toNanos()) {
                    return String.format(Locale.ROOT, "server warmed up for %.0f s (compiler threads not visible)",
                            seconds);
                }
                continue;
            }
            double share = (compilingAfter - compilingBefore) / (double) (now - sliceStart);
            if (share < 0.10) {
                return String.format(Locale.ROOT, "server warmed up for %.0f s, until its JIT compilers used under"
                        + " 10 %% of a core", seconds);
            }
            if (now - start >= patience.toNanos()) {
                return String.format(Locale.ROOT, "server warmed up for %.0f s; its JIT compilers were still at"
                        + " %.0f %% of a core", seconds, 100 * share);
            }
        }
    }

    static Supplier<String> fixed(String url) {
        return () -> url;
    }

    static Supplier<String> anyOf(List<String> urls) {
        return () -> urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
    }

    static double millis(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    /** Prints the results as a table and the ratio of each measurement to the baseline before it. */
    static void print(String title, List<Result> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%s%n| endpoint | clients | requests | errors | req/s | p50 ms | p99 ms | CPU ms/request: server + db"
                        + " + load generator |%n|---|---|---|---|---|---|---|---|%n",
                title));
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %s |%n", r.name(),
                    r.clients(), r.requests(), r.errors(), r.perSecond(), r.p50(), r.p99(), r.cpu().fineCell()));
        }
        for (int i = 0; i + 1 < results.size(); i += 2) {
            table.append(String.format(Locale.ROOT, "ratio %s / %s at %d clients: %.2f%n", results.get(i + 1).name(),
                    results.get(i).name(), results.get(i).clients(),
                    results.get(i + 1).perSecond() / results.get(i).perSecond()));
        }
        System.out.println(table);
    }
}
