package org.oaplatform.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.oaplatform.merchants.control.PaySignature;
import org.oaplatform.merchants.control.PaySignature.SignType;
import org.oaplatform.merchants.control.PayXml;
import org.oaplatform.testsupport.SandboxCards;

/**
 * Merchant payments ({@code -Dbench=merchant}): a NATIVE order placed through {@code /pay/unifiedorder} (signed XML)
 * and paid by a payer through the client API ({@code POST /api/v1/payments/scans}, then {@code POST
 * /api/v1/payments/{id}/pay} with the payment password and an Idempotency-Key): three requests, one payment, against
 * the transfers suite's raw-JDBC transfer in the same run, at 1, 8 and 64 clients (target: payments at least 0.5 of the
 * JDBC transfers a second). All payers pay one merchant, the demo data's service account, so every payment also
 * queues on that merchant's ledger account row, as a shop's payments do; its notify_url is a server in this JVM that
 * answers SUCCESS. The server is warmed up as for transfers (until its JIT compilers go quiet). The ledger audit must
 * pass afterwards.
 */
final class MerchantBenchmark {

    static final double TARGET = 0.5;
    private static final Logger LOG = Logger.getLogger(MerchantBenchmark.class.getName());
    private static final String API = "/api/v1/";
    /** The demo data's owner of the verified service account "OA Demo Service" (DevServer's banner). */
    private static final String OPERATOR_PHONE = "+8613900000001";
    private static final String OPERATOR_PASSWORD = "Operator123";
    private static final String DEMO_APPID = "wx0123456789abcdef";

    record Merchant(String appid, String mchId, String apiKey) {
    }

    private MerchantBenchmark() {
    }

    static void run(String base, String jdbcUrl) throws Exception {
        int maxClients = Arrays.stream(TransfersBenchmark.CONCURRENCY).max().orElseThrow();
        List<String> payerPhones = TransfersBenchmark.phones(0, maxClients);
        List<String> receiverPhones = TransfersBenchmark.phones(10_000, TransfersBenchmark.RECEIVERS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long[] escrows;
        String durability;
        try (var db = TransfersBenchmark.connect(jdbcUrl)) {
            List<String> everybody = new ArrayList<>(payerPhones);
            everybody.addAll(receiverPhones);
            TransfersBenchmark.ensurePeople(http, base, db, everybody);
            escrows = TransfersBenchmark.escrowShards(db);
            durability = TransfersBenchmark.durability(db);
        }
        AtomicInteger topUps = new AtomicInteger();
        List<TransfersBenchmark.Sender> payers = TransfersBenchmark.parallel(payerPhones.stream()
                .map(phone -> (Callable<TransfersBenchmark.Sender>) () -> {
                    String token = TransfersBenchmark.logIn(http, base, phone, TransfersBenchmark.PASSWORD);
                    return new TransfersBenchmark.Sender(phone, token, TransfersBenchmark.prepareWallet(http, base,
                            token));
                }).toList());
        TransfersBenchmark.ensureFunds(http, base, payers, topUps);
        Merchant merchant = merchant(http, base);
        LOG.info(() -> "merchant benchmark: " + payers.size() + " payers paying mch_id " + merchant.mchId());

        ProcessCpu cpu = ProcessCpu.ofLocalProcesses();
        List<TransfersBenchmark.Phase> phases = new ArrayList<>();
        HttpServer notifyServer = notifyServer();
        try {
            String notifyUrl = "http://127.0.0.1:" + notifyServer.getAddress().getPort() + "/notify";
            String setting = durability + "; " + TransfersBenchmark.warmUpServer(workers(base, merchant,
                    payers.subList(0, Math.min(8, maxClients)), notifyUrl), cpu, phases, durability);
            measure(base, jdbcUrl, http, merchant, payers, receiverPhones, escrows, notifyUrl, setting, cpu, phases,
                    topUps);
            print(phases, setting);
        } finally {
            notifyServer.stop(0);
        }
        JsonObject audit = TransfersBenchmark.audit(http, base);
        if (!audit.getBoolean("passed")) {
            throw new IllegalStateException("the ledger audit failed after the merchant benchmark: " + audit);
        }
    }

    private static void measure(String base, String jdbcUrl, HttpClient http, Merchant merchant,
            List<TransfersBenchmark.Sender> payers, List<String> receiverPhones, long[] escrows, String notifyUrl,
            String setting, ProcessCpu cpu, List<TransfersBenchmark.Phase> phases, AtomicInteger topUps)
            throws Exception {
        String durability = setting;
        for (int clients : TransfersBenchmark.CONCURRENCY) {
            List<TransfersBenchmark.Sender> active = payers.subList(0, clients);
            TransfersBenchmark.ensureFunds(http, base, active, topUps);
            List<TransfersBenchmark.JdbcWorker> jdbc = TransfersBenchmark.jdbcWorkers(jdbcUrl, active,
                    receiverPhones, escrows);
            try {
                TransfersBenchmark.checked(phases, TransfersBenchmark.run("JDBC warm-up", jdbc,
                        TransfersBenchmark.WARM_UP, cpu), durability);
                phases.add(TransfersBenchmark.checked(phases, TransfersBenchmark.run("JDBC", jdbc,
                        TransfersBenchmark.MEASURE, cpu), durability));
            } finally {
                for (TransfersBenchmark.JdbcWorker worker : jdbc) {
                    worker.close();
                }
            }
            TransfersBenchmark.ensureFunds(http, base, active, topUps);
            List<PaymentWorker> web = workers(base, merchant, active, notifyUrl);
            TransfersBenchmark.checked(phases, TransfersBenchmark.run("HTTP warm-up", web, TransfersBenchmark.WARM_UP,
                    cpu), durability);
            phases.add(TransfersBenchmark.checked(phases, TransfersBenchmark.run("HTTP", web,
                    TransfersBenchmark.MEASURE, cpu), durability));
        }
    }

    /**
     * The merchant's notify_url in this JVM, answering SUCCESS at once as a merchant's server does, so that every
     * payment's notification is delivered on its first attempt and costs the server what it costs in production.
     */
    private static HttpServer notifyServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        byte[] success = ("<xml><return_code><![CDATA[SUCCESS]]></return_code>"
                + "<return_msg><![CDATA[OK]]></return_msg></xml>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/notify", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, success.length);
            exchange.getResponseBody().write(success);
            exchange.close();
        });
        // Daemon threads: the benchmark's JVM (Maven's exec:java) waits for every other thread before it ends.
        server.setExecutor(Executors.newFixedThreadPool(4, work -> {
            Thread thread = new Thread(work, "merchant-notify-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    /** The demo service account as a merchant: enrolled on the first run, its API key reset on later ones. */
    private static Merchant merchant(HttpClient http, String base) throws Exception {
        String token = TransfersBenchmark.logIn(http, base, OPERATOR_PHONE, OPERATOR_PASSWORD);
        String path = base + API + "official-accounts/" + DEMO_APPID + "/merchant";
        TransfersBenchmark.Reply existing = TransfersBenchmark.call(http, "GET", path, token, null, null);
        if (existing.status() == 200) {
            JsonObject key = TransfersBenchmark.expect(TransfersBenchmark.call(http, "POST", path + "/api-key", token,
                    null, null), 200, "API key reset").json();
            return new Merchant(DEMO_APPID, key.getString("mchId"), key.getString("apiKey"));
        }
        String card = TransfersBenchmark.expect(TransfersBenchmark.call(http, "POST", base + API + "wallet/cards",
                token, null, Json.createObjectBuilder().add("number", SandboxCards.OK_DEBIT_2).build()), 201,
                "settlement card").json().getString("id");
        JsonObject enrolled = TransfersBenchmark.expect(TransfersBenchmark.call(http, "POST", path, token, null,
                Json.createObjectBuilder().add("settlementCardId", card).build()), 201, "enrolment").json();
        return new Merchant(DEMO_APPID, enrolled.getString("mchId"), enrolled.getString("apiKey"));
    }

    private static List<PaymentWorker> workers(String base, Merchant merchant, List<TransfersBenchmark.Sender> payers,
            String notifyUrl) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return payers.stream().map(p -> new PaymentWorker(http, base, merchant, p, notifyUrl)).toList();
    }

    /** One payer's closed loop: place an order as the merchant, scan it, pay it. */
    record PaymentWorker(HttpClient http, String base, Merchant merchant, TransfersBenchmark.Sender payer,
            String notifyUrl) implements TransfersBenchmark.Worker {

        @Override
        public String transfer() throws Exception {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("appid", merchant.appid());
            fields.put("mch_id", merchant.mchId());
            fields.put("nonce_str", Long.toHexString(ThreadLocalRandom.current().nextLong()));
            fields.put("body", "bench");
            fields.put("out_trade_no", "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 30));
            fields.put("total_fee", Integer.toString(1 + ThreadLocalRandom.current().nextInt(100)));
            fields.put("spbill_create_ip", "203.0.113.7");
            fields.put("notify_url", notifyUrl);
            fields.put("trade_type", "NATIVE");
            fields.put("product_id", "bench");
            fields.put("sign", PaySignature.sign(fields, SignType.MD5, merchant.apiKey()));
            HttpResponse<byte[]> placed = http.send(HttpRequest.newBuilder(URI.create(base + "/pay/unifiedorder"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(PayXml.write(fields), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> answer = PayXml.read(placed.body());
            String codeUrl = answer.get("code_url");
            if (codeUrl == null) {
                return "unifiedorder: " + answer;
            }
            TransfersBenchmark.Reply scanned = TransfersBenchmark.call(http, "POST", base + API + "payments/scans",
                    payer.token(), null, Json.createObjectBuilder().add("codeUrl", codeUrl).build());
            if (scanned.status() != 200) {
                return "scan " + scanned.status() + ": " + scanned.body();
            }
            TransfersBenchmark.Reply paid = TransfersBenchmark.call(http, "POST", base + API + "payments/"
                    + scanned.json().getString("id") + "/pay", payer.token(), UUID.randomUUID().toString(),
                    Json.createObjectBuilder().add("pin", TransfersBenchmark.PIN).build());
            return paid.status() == 200 ? null : "pay " + paid.status() + ": " + paid.body();
        }
    }

    private static void print(List<TransfersBenchmark.Phase> phases, String setting) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nMerchant payments through HTTP (NATIVE"
                + " unifiedorder + scan + pay) against the transfers suite's raw JDBC transfer (same database, same"
                + " run); %s%n| clients | payments/s | p50 ms | p99 ms | errors | JDBC transfers/s | JDBC p50 ms"
                + " | JDBC p99 ms | JDBC errors | ratio | HTTP CPU ms: server + db + client |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|%n", setting));
        List<String> verdicts = new ArrayList<>();
        for (int clients : TransfersBenchmark.CONCURRENCY) {
            TransfersBenchmark.Phase web = phases.stream().filter(p -> p.side().equals("HTTP")
                    && p.clients() == clients).findFirst().orElse(null);
            TransfersBenchmark.Phase jdbc = phases.stream().filter(p -> p.side().equals("JDBC")
                    && p.clients() == clients).findFirst().orElse(null);
            if (web == null && jdbc == null) {
                continue;
            }
            double ratio = web != null && jdbc != null && jdbc.tps() > 0 ? web.tps() / jdbc.tps() : Double.NaN;
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", clients,
                    TransfersBenchmark.cells(web), TransfersBenchmark.cells(jdbc),
                    Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                    web == null ? "-" : web.cpu().cell(true)));
            if (!Double.isNaN(ratio)) {
                verdicts.add(String.format(Locale.ROOT, "%d clients %.2f %s", clients, ratio,
                        ratio >= TARGET ? "met" : "NOT met"));
            }
        }
        table.append(String.format(Locale.ROOT, "Target payments/JDBC transfers >= %.2f: ", TARGET))
                .append(verdicts.isEmpty() ? "-" : String.join("; ", verdicts)).append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, "A payment: POST /pay/unifiedorder (MD5-signed XML), POST"
                + " /api/v1/payments/scans, POST /api/v1/payments/{id}/pay (bearer session, Idempotency-Key, payment"
                + " password); 1..100 fen; every payer pays the same merchant. tps over %d s after %d s warm-up.%n",
                TransfersBenchmark.MEASURE.toSeconds(), TransfersBenchmark.WARM_UP.toSeconds()));
        System.out.println(table);
    }
}
