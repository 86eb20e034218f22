package org.oaplatform.bench;

import java.util.List;
import org.oaplatform.devserver.DevServer;

/**
 * The benchmark profile's entry point ({@code mvn -Prun,bench package}): starts the server on a database of its own,
 * runs the suites named in {@code -Dbench=tokens,followers,messaging,broadcasts,transfers,merchant} (default:
 * all six), prints their tables, stops.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> suites = List.of(System.getProperty("bench", "tokens,followers,messaging,broadcasts,transfers,merchant").split(","));
        DevServer server = DevServer.forBenchmarks();
        try {
            server.start();
            if (suites.contains("tokens")) {
                TokenCheckBenchmark.run(server.baseUrl(), server.jdbcUrl());
            }
            if (suites.contains("followers")) {
                FollowersBenchmark.run(server.baseUrl(), server.jdbcUrl());
            }
            if (suites.contains("messaging")) {
                MessagingBenchmark.run(server.baseUrl(), server.jdbcUrl());
            }
            if (suites.contains("broadcasts")) {
                BroadcastsBenchmark.run(server.baseUrl(), server.jdbcUrl());
            }
            if (suites.contains("transfers")) {
                TransfersBenchmark.run(server.baseUrl(), server.jdbcUrl());
            }
            if (suites.contains("merchant")) {
                MerchantBenchmark.run(server.baseUrl(), server.jdbcUrl());
            }
        } finally {
            server.stop();
        }
    }
}
