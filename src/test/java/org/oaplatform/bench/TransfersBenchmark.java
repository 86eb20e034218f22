package org.oaplatform.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.oaplatform.accounts.control.PhoneNumbers;
import org.oaplatform.demo.boundary.DemoData;
import org.oaplatform.payments.control.WalletLimits;
import org.oaplatform.payments.entity.PostingKind;
import org.oaplatform.payments.entity.Transfer;
import org.oaplatform.payments.entity.TransferStatus;
import org.oaplatform.platform.control.Hashing;
import org.oaplatform.platform.control.Ids;
import org.oaplatform.platform.control.Settings;
import org.oaplatform.platform.control.TimeOrderedIds;
import org.oaplatform.testsupport.SandboxCards;

/**
 * Transfers ({@code POST /api/v1/wallet/transfers}) through the server against raw JDBC doing the same SQL on the same
 * database in the same run, at 1, 8 and 64 concurrent clients: transfers per second, p50/p99 and their ratio (target:
 * HTTP at least 0.6 of JDBC), with durable commits. Each client sends from a sender of its own (no two clients queue
 * on one wallet row) to a rotating set of receivers. Afterwards the administrator's ledger audit must pass, over the
 * rows of both sides. A no-op request ({@code GET /api/v1/ping}) at the same concurrency shows what the request itself
 * costs the server, and, where the cores bound throughput, the table says how much server CPU a transfer may cost for
 * 0.60.
 *
 * <p>Setup goes through the client API: the senders log in, set their payment password, link a sandbox card and top
 * up. Only the people themselves are inserted with SQL, like the followers suite does, because registration is
 * limited to 30 SMS codes per address and hour: the first sender registers through the API (SMS code from the dev
 * outbox) and the others get its password hash. People and wallets are kept for later runs.
 */
final class TransfersBenchmark {

    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.transfers.warmupSeconds",
            Long.getLong("bench.warmupSeconds", 5)));
    static final Duration MEASURE = TokenCheckBenchmark.MEASURE;
    /**
     * The longest warm-up of the server before the first phase. It runs at 8 clients until the server's JIT compilers
     * go quiet: on the 2-core build machine they still used about a quarter of a core five minutes after deployment,
     * and after one minute of warm-up a transfer at one client cost 30 ms of server CPU instead of about 6.
     */
    static final Duration JIT_WARM_UP = Duration.ofSeconds(Long.getLong("bench.transfers.jitSeconds", 300));
    /** The server counts as warm once its compiler threads used less than this share of one core for a slice. */
    static final double JIT_QUIET = 0.10;
    static final Duration JIT_SLICE = Duration.ofSeconds(15);
    static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.transfers.concurrency", "1,8,64")
            .split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    static final int RECEIVERS = Integer.getInteger("bench.transfers.receivers", 16);
    /** The cores of this machine, which the server, the database and this load generator share. */
    static final int CORES = Runtime.getRuntime().availableProcessors();
    /** A phase that kept this share of the cores busy was bound by them rather than by its latency. */
    static final double SATURATED = 0.80;
    /** More failed transfers than this share of a phase's attempts stops the benchmark. */
    static final double MAX_ERROR_RATE = Double.parseDouble(System.getProperty("bench.transfers.maxErrorRate", "0.02"));

    static final String PASSWORD = "Bench12345";
    static final String PIN = "135790";
    /** Each transfer sends 1 to this many fen. */
    static final int MAX_AMOUNT = 100;
    /**
     * What every sender holds before each phase: enough for 8,000 transfers a second of the largest amount from one
     * client through the warm-up and the measurement, far above what one client with durable commits manages.
     */
    static final long FLOOR = Math.max(WalletLimits.MAX_TOP_UP,
            (WARM_UP.toSeconds() + MEASURE.toSeconds()) * 8_000L * MAX_AMOUNT);

    private static final Logger LOG = Logger.getLogger(TransfersBenchmark.class.getName());
    private static final String API = "/api/v1/";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Once: {@code Json.createObjectBuilder()} looks the provider up on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    record Sender(String phone, String token, String cardId) {
    }

    /** One measured (or warm-up) run of one side at one concurrency; tps and latencies of successful transfers. */
    record Phase(String side, int clients, long transfers, long errors, double tps, double p50, double p99,
            ProcessCpu.PerTransfer cpu, String firstError) {

        double errorRate() {
            return transfers + errors == 0 ? 0 : errors / (double) (transfers + errors);
        }
    }

    /**
     * One client of a closed loop: sends one transfer (or, for the ping side, one request), answers null when it went
     * through or why it did not.
     */
    interface Worker extends AutoCloseable {
        String transfer() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private TransfersBenchmark() {
    }

    static void run(String base, String jdbcUrl) throws Exception {
        int maxClients = Arrays.stream(CONCURRENCY).max().orElseThrow();
        List<String> senderPhones = phones(0, maxClients);
        List<String> receiverPhones = phones(10_000, RECEIVERS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        long setupStart = System.nanoTime();
        long[] escrows;
        String durability;
        int created;
        try (Connection db = connect(jdbcUrl)) {
            List<String> everybody = new ArrayList<>(senderPhones);
            everybody.addAll(receiverPhones);
            created = ensurePeople(http, base, db, everybody);
            escrows = escrowShards(db);
            durability = durability(db);
        }
        AtomicInteger topUps = new AtomicInteger();
        List<Sender> senders = parallel(senderPhones.stream().map(phone -> (Callable<Sender>) () -> {
            String token = logIn(http, base, phone, PASSWORD);
            return new Sender(phone, token, prepareWallet(http, base, token));
        }).toList());
        ensureFunds(http, base, senders, topUps);
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        LOG.info(() -> String.format(Locale.ROOT, "transfers benchmark: %d senders, %d receivers (%d people created"
                + " this run), %d top-ups, setup %.1f s", senders.size(), receiverPhones.size(), created, topUps.get(),
                setupSeconds));

        ProcessCpu cpu = ProcessCpu.ofLocalProcesses();
        // The server's JIT first, so that the first measured phase (one client) does not pay for it.
        List<Phase> phases = new ArrayList<>();
        int jitClients = Math.min(8, maxClients);
        String setting = durability + "; " + warmUpServer(httpWorkers(base, senders.subList(0, jitClients),
                receiverPhones), cpu, phases, durability);

        for (int clients : CONCURRENCY) {
            List<Sender> active = senders.subList(0, clients);
            ensureFunds(http, base, active, topUps);
            List<JdbcWorker> jdbc = jdbcWorkers(jdbcUrl, active, receiverPhones, escrows);
            try {
                checked(phases, run("JDBC warm-up", jdbc, WARM_UP, cpu), setting);
                phases.add(checked(phases, run("JDBC", jdbc, MEASURE, cpu), setting));
            } finally {
                for (JdbcWorker worker : jdbc) {
                    worker.close();
                }
            }
            List<MinimalTransferWorker> minimal = MinimalTransferWorker.workers(jdbcUrl, clients, RECEIVERS);
            try {
                checked(phases, run("minimal warm-up", minimal, WARM_UP, cpu), setting);
                phases.add(checked(phases, run("minimal", minimal, MEASURE, cpu), setting));
            } finally {
                for (MinimalTransferWorker worker : minimal) {
                    worker.close();
                }
            }
            ensureFunds(http, base, active, topUps);
            List<HttpWorker> web = httpWorkers(base, active, receiverPhones);
            checked(phases, run("HTTP warm-up", web, WARM_UP, cpu), setting);
            phases.add(checked(phases, run("HTTP", web, MEASURE, cpu), setting));
            List<PingWorker> pings = pingWorkers(base, clients);
            checked(phases, run("ping warm-up", pings, WARM_UP, cpu), setting);
            phases.add(checked(phases, run("ping", pings, MEASURE, cpu), setting));
        }
        print(phases, setting);

        JsonObject audit = audit(http, base);
        if (!audit.getBoolean("passed")) {
            throw new IllegalStateException("the ledger audit failed after the transfers benchmark: " + audit);
        }
        LOG.info(() -> String.format(Locale.ROOT, "ledger audit after the transfers benchmark (HTTP and JDBC rows)"
                + " passed: %d postings, %d accounts, balances sum to %d, escrow difference %d, %d ms",
                audit.getJsonNumber("postings").longValue(), audit.getJsonNumber("accounts").longValue(),
                audit.getJsonNumber("balanceTotal").longValue(), audit.getJsonNumber("escrowDifference").longValue(),
                audit.getJsonNumber("durationMs").longValue()));
    }

    /**
     * Transfers at 8 clients in slices until the server's JIT compilers have gone quiet or {@link #JIT_WARM_UP} is
     * over (also when the compiler threads cannot be seen); answers how it went, for the table.
     */
    static String warmUpServer(List<? extends Worker> workers, ProcessCpu cpu, List<Phase> done, String setting)
            throws Exception {
        long start = System.nanoTime();
        while (true) {
            long compilingBefore = cpu.serverCompilerNanos();
            long sliceStart = System.nanoTime();
            Phase slice = checked(done, run("HTTP warm-up", workers, JIT_SLICE, cpu), setting);
            long compilingAfter = cpu.serverCompilerNanos();
            long now = System.nanoTime();
            double seconds = (now - start) / 1e9;
            double compilerShare = (compilingAfter - compilingBefore) / (double) (now - sliceStart);
            LOG.info(() -> String.format(Locale.ROOT, "server warm-up, %.0f s: %.0f tps, server CPU %.1f ms a transfer,"
                    + " JIT compilers %s of a core", seconds, slice.tps(), slice.cpu().server(),
                    compilingBefore < 0 || compilingAfter < 0 ? "? %" : String.format(Locale.ROOT, "%.0f %%",
                            100 * compilerShare)));
            if (compilingBefore >= 0 && compilingAfter >= 0 && compilerShare < JIT_QUIET) {
                return String.format(Locale.ROOT, "server warmed up for %.0f s at %d clients, until its JIT compilers"
                        + " used under %.0f %% of a core for %d s", seconds, workers.size(), 100 * JIT_QUIET,
                        JIT_SLICE.toSeconds());
            }
            if (now - start >= JIT_WARM_UP.toNanos()) {
                return String.format(Locale.ROOT, "server warmed up for %.0f s at %d clients (%s)", seconds,
                        workers.size(), compilingAfter < 0 ? "its compiler threads are not visible"
                                : "its JIT compilers were still busy: the HTTP rows include compilation");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The closed loop

    static Phase run(String side, List<? extends Worker> workers, Duration duration, ProcessCpu cpu)
            throws Exception {
        int clients = workers.size();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            boolean measured = side.equals("HTTP") || side.equals("ping");
            ServerProfile profile = measured ? ServerProfile.start(cpu, "transfers " + side + ", " + clients
                    + " clients") : null;
            ProcessCpu.Sample cpuBefore = cpu.sample();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            for (Worker worker : workers) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 14];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long begin = System.nanoTime();
                        String error;
                        try {
                            error = worker.transfer();
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        long took = System.nanoTime() - begin;
                        if (error != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                            continue;
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
            double seconds = (System.nanoTime() - start) / 1e9;
            ProcessCpu.Sample cpuAfter = cpu.sample();
            if (profile != null) {
                profile.stopAndPrint();
            }
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Phase(side, clients, latencies.length, errors.get(), latencies.length / seconds,
                    Load.millis(latencies, 0.50), Load.millis(latencies, 0.99),
                    ProcessCpu.between(cpuBefore, cpuAfter, latencies.length + errors.get()), firstError.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops the benchmark, with the table so far, when a phase failed more than a few percent of its transfers. */
    static Phase checked(List<Phase> done, Phase phase, String setting) {
        if (phase.errorRate() > MAX_ERROR_RATE || phase.transfers() == 0) {
            print(done, setting);
            throw new IllegalStateException(String.format(Locale.ROOT, "%s at %d clients: %d of %d transfers failed"
                    + " (%.1f %%, at most %.1f %% allowed); first error: %s", phase.side(), phase.clients(),
                    phase.errors(), phase.transfers() + phase.errors(), 100 * phase.errorRate(), 100 * MAX_ERROR_RATE,
                    phase.firstError()));
        }
        return phase;
    }

    static void print(List<Phase> phases, String setting) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nTransfers through HTTP against raw JDBC"
                + " (same SQL, same database, same run); %s%n| clients | HTTP tps | HTTP p50 ms | HTTP p99 ms | HTTP errors"
                + " | JDBC tps | JDBC p50 ms | JDBC p99 ms | JDBC errors | HTTP/JDBC | minimal tps | HTTP/minimal"
                + " | HTTP CPU ms: server + db + client | JDBC CPU ms: db + client | ping server CPU ms"
                + " | server CPU budget ms for 0.60 |%n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n",
                setting));
        List<String> verdicts = new ArrayList<>();
        for (int clients : CONCURRENCY) {
            Phase web = phases.stream().filter(p -> p.side().equals("HTTP") && p.clients() == clients).findFirst()
                    .orElse(null);
            Phase jdbc = phases.stream().filter(p -> p.side().equals("JDBC") && p.clients() == clients).findFirst()
                    .orElse(null);
            if (web == null && jdbc == null) {
                continue;
            }
            Phase ping = phases.stream().filter(p -> p.side().equals("ping") && p.clients() == clients).findFirst()
                    .orElse(null);
            Phase minimal = phases.stream().filter(p -> p.side().equals("minimal") && p.clients() == clients)
                    .findFirst().orElse(null);
            double ratio = web != null && jdbc != null && jdbc.tps() > 0 ? web.tps() / jdbc.tps() : Double.NaN;
            String limit = minimal == null ? "- | -" : String.format(Locale.ROOT, "%.0f | %s", minimal.tps(),
                    web == null ? "-" : String.format(Locale.ROOT, "%.2f", web.tps() / minimal.tps()));
            table.append(String.format(Locale.ROOT, "| %d | %s | %s |%s %s | %s | %s | %s | %s |%n", clients,
                    cells(web), cells(jdbc), Double.isNaN(ratio) ? " - |" : String.format(Locale.ROOT, " %.2f |", ratio),
                    limit,
                    web == null ? "-" : web.cpu().cell(true), jdbc == null ? "-" : jdbc.cpu().cell(false),
                    ping == null || Double.isNaN(ping.cpu().server()) ? "-"
                            : String.format(Locale.ROOT, "%.2f", ping.cpu().server()),
                    serverBudget(web, jdbc)));
            if (!Double.isNaN(ratio)) {
                verdicts.add(String.format(Locale.ROOT, "%d clients %.2f %s", clients, ratio, ratio >= 0.6 ? "met" : "NOT met"));
            }
        }
        table.append("Target HTTP/JDBC >= 0.60 at equal concurrency: ").append(verdicts.isEmpty() ? "-"
                : String.join("; ", verdicts)).append(System.lineSeparator());
        table.append(String.format(Locale.ROOT, "tps = committed transfers (HTTP: 201 answers) per second over %d s after"
                + " %d s warm-up; p50/p99 over those;"
                + " errors (non-201 answers, failed transactions) counted apart.%n"
                + "HTTP: POST /api/v1/wallet/transfers (bearer session, Idempotency-Key, payment password, JPA/JTA).%n"
                + "JDBC: in this JVM, one connection and one transaction per transfer and client, the app's statements in"
                + " its order: session by token hash, INSERT IGNORE idempotency_record, sender by id, receiver by phone,"
                + " wallet, 2 x SELECT ledger_account ... FOR UPDATE, 2 x UPDATE ledger_account, then INSERT posting,"
                + " 2 x INSERT posting_leg and INSERT transfer (ids assigned by the application), UPDATE"
                + " idempotency_record with the answer (%d bytes of JSON shaped like the server's), COMMIT.%n"
                + "Left out of JDBC: the payment password's PBKDF2 check (1,000 iterations; CPU, not SQL); the app"
                + " looks the session up in the data grid, outside any transaction.%n"
                + "Each client sends from its own sender to %d rotating receivers, 1..%d fen a transfer.%n"
                + "CPU ms: CPU time each process used during the phase per transfer (client = this JVM: the HTTP"
                + " load generator, or the JDBC side's driver; ? = process not visible); their sum against the cores"
                + " bounds the tps.%n"
                + "minimal: the physical limit of this database here: lock two rows of a scratch table in ascending"
                + " id order, update both balances, commit (durable like the others), one connection per client.%n"
                + "ping: GET /api/v1/ping (no work) at the same concurrency, right after the HTTP phase: the server CPU"
                + " of a request that only passes through the HTTP and JAX-RS layers.%n"
                + "Server CPU budget: where the JDBC side kept the %d cores at least %.0f %% busy, throughput is the"
                + " cores divided by the CPU a transfer costs in all processes, so 0.60 needs the server at most"
                + " (JDBC db + client) / 0.60 - (HTTP db + client) ms a transfer; - where the cores were not the"
                + " bound. The server also needs at least the JDBC side's driver CPU (client) for the same statements"
                + " and the ping's CPU for the request itself.%n",
                MEASURE.toSeconds(), WARM_UP.toSeconds(), JdbcWorker.answerBytes, RECEIVERS,
                MAX_AMOUNT, CORES, 100 * SATURATED));
        System.out.println(table);
    }

    /**
     * The server CPU per transfer that would give 0.60 at this concurrency, when the cores bound both sides: the
     * cores divided by the CPU of one transfer everywhere is the throughput, so the HTTP side's total may be at most
     * the JDBC side's over 0.60. A dash where the JDBC side left the cores idle (the bound is then latency).
     */
    private static String serverBudget(Phase web, Phase jdbc) {
        if (web == null || jdbc == null) {
            return "-";
        }
        double jdbcCpu = jdbc.cpu().database() + jdbc.cpu().client();
        double busyCores = jdbc.tps() * jdbcCpu / 1000;
        if (Double.isNaN(jdbcCpu) || busyCores < SATURATED * CORES) {
            return "-";
        }
        double budget = jdbcCpu / 0.60 - web.cpu().database() - web.cpu().client();
        return Double.isNaN(budget) ? "-" : String.format(Locale.ROOT, "%.2f", budget);
    }

    static String cells(Phase p) {
        return p == null ? "- | - | - | -" : String.format(Locale.ROOT, "%.0f | %.2f | %.2f | %d", p.tps(), p.p50(),
                p.p99(), p.errors());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP side

    private static List<HttpWorker> httpWorkers(String base, List<Sender> senders, List<String> receivers) {
        // One client per phase like Load: its connections are opened by the warm-up and reused by the measurement.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<HttpWorker> workers = new ArrayList<>();
        for (int i = 0; i < senders.size(); i++) {
            workers.add(new HttpWorker(http, base, senders.get(i).token(), receivers, i));
        }
        return workers;
    }

    static final class HttpWorker implements Worker {

        private final HttpClient http;
        private final URI transfers;
        private final String bearer;
        private final List<String> receivers;
        private int next;

        HttpWorker(HttpClient http, String base, String token, List<String> receivers, int offset) {
            this.http = http;
            this.transfers = URI.create(base + API + "wallet/transfers");
            this.bearer = "Bearer " + token;
            this.receivers = receivers;
            this.next = offset;
        }

        @Override
        public String transfer() throws Exception {
            String to = receivers.get(Math.floorMod(next++, receivers.size()));
            long amount = 1 + ThreadLocalRandom.current().nextInt(MAX_AMOUNT);
            String body = "{\"to\":\"" + to + "\",\"amount\":" + amount + ",\"pin\":\"" + PIN + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(transfers).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("Authorization", bearer)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? null : "HTTP " + response.statusCode() + " " + response.body();
        }
    }

    private static List<PingWorker> pingWorkers(String base, int clients) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(base + API + "ping")).timeout(REQUEST_TIMEOUT).GET()
                .build();
        List<PingWorker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(new PingWorker(http, ping));
        }
        return workers;
    }

    /** A request that does no work on the server: what the HTTP and JAX-RS layers cost by themselves. */
    record PingWorker(HttpClient http, HttpRequest ping) implements Worker {

        @Override
        public String transfer() throws Exception {
            HttpResponse<Void> response = http.send(ping, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JDBC side: the statements one HTTP transfer makes the server issue, in the same order

    /** Sessions.resolve: the session with its person (JOIN FETCH), by the token's SHA-256. */
    static final String SESSION = "SELECT t0.id, t0.created_at, t0.expires_at, t0.revoked_at, t0.token_hash,"
            + " t0.person_id, t1.id, t1.created_at, t1.display_name, t1.handle, t1.handle_changes, t1.language,"
            + " t1.password_hash, t1.phone, t1.region, t1.version FROM person_session t0, person t1"
            + " WHERE t0.token_hash = ? AND t1.id = t0.person_id";
    /** IdempotentRequests.once claims the key. */
    static final String CLAIM = "INSERT IGNORE INTO idempotency_record (person_id, idem_key, fingerprint, created_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String PERSON_COLUMNS = "SELECT id, created_at, display_name, handle, handle_changes, language,"
            + " password_hash, phone, region, version FROM person";
    /** People.get(sender). */
    static final String SENDER = PERSON_COLUMNS + " WHERE id = ?";
    /** People.byHandleOrPhone(receiver) with a phone number. */
    static final String RECEIVER = PERSON_COLUMNS + " WHERE phone = ?";
    /** Wallets.requirePassword: the wallet row (its PIN hash and lock). */
    static final String WALLET = "SELECT person_id, account_id, created_at, free_withdrawal_used, pin_changed_at,"
            + " pin_failures, pin_hash, pin_locked_until FROM wallet WHERE person_id = ?";
    /** Ledger.post locks the accounts one by one, by primary key, in ascending id order. */
    static final String LOCK = "SELECT id, balance, created_at, kind, may_go_negative, person_id, shard FROM ledger_account"
            + " WHERE id = ? FOR UPDATE";
    /** Posting, legs and transfer get their ids from the application (TimeOrderedIds), so nothing is read back. */
    static final String POSTING = "INSERT INTO posting (id, public_id, kind, reference, reverses_id, posted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    static final String LEG = "INSERT INTO posting_leg (id, posting_id, account_id, amount, balance_after, posted_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    static final String BALANCE = "UPDATE ledger_account SET balance = ? WHERE id = ?";
    static final String TRANSFER = "INSERT INTO transfer (id, public_id, sender_id, receiver_id, amount, memo, status,"
            + " escrow_account_id, send_posting_id, settle_posting_id, created_at, expires_at, settled_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** IdempotentRequests.once stores the answer. */
    static final String ANSWER = "UPDATE idempotency_record SET http_status = ?, response_body = ?"
            + " WHERE person_id = ? AND idem_key = ?";

    static List<JdbcWorker> jdbcWorkers(String jdbcUrl, List<Sender> senders, List<String> receivers,
            long[] escrows) throws SQLException {
        Ids ids = new Ids();
        List<JdbcWorker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < senders.size(); i++) {
                workers.add(new JdbcWorker(connect(jdbcUrl), senders.get(i).token(), receivers, i, escrows, ids));
            }
        } catch (SQLException | RuntimeException e) {
            for (JdbcWorker worker : workers) {
                worker.close();
            }
            throw e;
        }
        return workers;
    }

    /** Ids for the JDBC side's rows, from a node of its own (the server's is random or OA_NODE_ID). */
    private static final TimeOrderedIds ROW_IDS = TimeOrderedIds.onNode(1023);

    static final class JdbcWorker implements Worker {

        /** The size of the last stored answer, for the table's notes. */
        static volatile int answerBytes;

        private final Connection db;
        private final String token;
        private final List<String> receivers;
        private final long[] escrows;
        private final Ids ids;
        private int next;
        private final PreparedStatement session;
        private final PreparedStatement claim;
        private final PreparedStatement senderById;
        private final PreparedStatement receiverByPhone;
        private final PreparedStatement wallet;
        private final PreparedStatement lock;
        private final PreparedStatement posting;
        private final PreparedStatement leg;
        private final PreparedStatement balance;
        private final PreparedStatement transfer;
        private final PreparedStatement answer;

        JdbcWorker(Connection db, String token, List<String> receivers, int offset, long[] escrows, Ids ids)
                throws SQLException {
            this.db = db;
            this.token = token;
            this.receivers = receivers;
            this.next = offset;
            this.escrows = escrows;
            this.ids = ids;
            try {
                db.setAutoCommit(false);
                session = db.prepareStatement(SESSION);
                claim = db.prepareStatement(CLAIM);
                senderById = db.prepareStatement(SENDER);
                receiverByPhone = db.prepareStatement(RECEIVER);
                wallet = db.prepareStatement(WALLET);
                lock = db.prepareStatement(LOCK);
                posting = db.prepareStatement(POSTING);
                leg = db.prepareStatement(LEG);
                balance = db.prepareStatement(BALANCE);
                transfer = db.prepareStatement(TRANSFER);
                answer = db.prepareStatement(ANSWER);
            } catch (SQLException e) {
                db.close();
                throw e;
            }
        }

        @Override
        public String transfer() throws SQLException {
            String to = receivers.get(Math.floorMod(next++, receivers.size()));
            long fen = 1 + ThreadLocalRandom.current().nextInt(MAX_AMOUNT);
            String key = UUID.randomUUID().toString();
            try {
                return send(to, fen, key);
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }

        private String send(String to, long fen, String key) throws SQLException {
            Instant now = Instant.now();
            long senderId;
            session.setString(1, Hashing.sha256Hex(token));
            try (ResultSet rs = session.executeQuery()) {
                if (!rs.next()) {
                    return rollback("no such session");
                }
                LocalDateTime expires = rs.getObject(3, LocalDateTime.class);
                if (rs.getObject(4, LocalDateTime.class) != null || !now.isBefore(expires.toInstant(ZoneOffset.UTC))) {
                    return rollback("session revoked or expired");
                }
                senderId = rs.getLong(6);
            }

            claim.setLong(1, senderId);
            claim.setString(2, key);
            claim.setString(3, fingerprint("transfer", to, fen, null));
            claim.setObject(4, utc(now));
            if (claim.executeUpdate() != 1) {
                return rollback("Idempotency-Key already used");
            }

            JsonObjectBuilder from = JSON.createObjectBuilder();
            senderById.setLong(1, senderId);
            try (ResultSet rs = senderById.executeQuery()) {
                if (!rs.next()) {
                    return rollback("no sender " + senderId);
                }
                party(from, rs);
            }
            long receiverId;
            JsonObjectBuilder toParty = JSON.createObjectBuilder();
            receiverByPhone.setString(1, to);
            try (ResultSet rs = receiverByPhone.executeQuery()) {
                if (!rs.next()) {
                    return rollback("no receiver " + to);
                }
                receiverId = rs.getLong(1);
                party(toParty, rs);
            }
            if (receiverId == senderId) {
                return rollback("self transfer");
            }

            long walletAccount;
            wallet.setLong(1, senderId);
            try (ResultSet rs = wallet.executeQuery()) {
                if (!rs.next() || rs.getString(7) == null) {
                    return rollback("payment password not set");
                }
                LocalDateTime lockedUntil = rs.getObject(8, LocalDateTime.class);
                if (lockedUntil != null && now.isBefore(lockedUntil.toInstant(ZoneOffset.UTC))) {
                    return rollback("payment password locked");
                }
                walletAccount = rs.getLong(2);
            }
            // (The server checks the PIN against the hash here: PBKDF2, CPU work, left out of the baseline.)
            long escrow = escrows[(int) Math.floorMod(walletAccount, (long) escrows.length)];

            long walletBalance = 0;
            long escrowBalance = 0;
            int locked = 0;
            for (long account : new long[] {Math.min(walletAccount, escrow), Math.max(walletAccount, escrow)}) {
                lock.setLong(1, account);
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        locked++;
                        if (rs.getLong(1) == walletAccount) {
                            walletBalance = rs.getLong(2);
                        } else {
                            escrowBalance = rs.getLong(2);
                        }
                    }
                }
            }
            if (locked != 2) {
                return rollback("unknown ledger account among " + walletAccount + ", " + escrow);
            }
            if (walletBalance < fen) {
                return rollback("insufficient balance: " + walletBalance + " fen, " + fen + " needed");
            }
            long walletAfter = Math.subtractExact(walletBalance, fen);
            long escrowAfter = Math.addExact(escrowBalance, fen);
            String transferId = "trf_" + ids.hex(8);
            Instant postedAt = Instant.now();
            LocalDateTime posted = utc(postedAt);

            // In the order EclipseLink flushes them: the balances (in lock order), then the inserts.
            balance(Math.min(walletAccount, escrow), walletAccount < escrow ? walletAfter : escrowAfter);
            balance(Math.max(walletAccount, escrow), walletAccount < escrow ? escrowAfter : walletAfter);
            long postingId = ROW_IDS.next();
            posting.setLong(1, postingId);
            posting.setString(2, "pst_" + ids.hex(8));
            posting.setString(3, PostingKind.TRANSFER_SENT.name());
            posting.setString(4, transferId);
            posting.setNull(5, Types.BIGINT);
            posting.setObject(6, posted);
            posting.executeUpdate();
            // The legs in the order Transfers.send gives them: the wallet's, then the escrow's.
            leg(postingId, walletAccount, -fen, walletAfter, posted);
            leg(postingId, escrow, fen, escrowAfter, posted);

            Instant expiresAt = postedAt.plus(Transfer.ACCEPTANCE_WINDOW);
            transfer.setLong(1, ROW_IDS.next());
            transfer.setString(2, transferId);
            transfer.setLong(3, senderId);
            transfer.setLong(4, receiverId);
            transfer.setLong(5, fen);
            transfer.setNull(6, Types.VARCHAR);
            transfer.setString(7, TransferStatus.PENDING.name());
            transfer.setLong(8, escrow);
            transfer.setLong(9, postingId);
            transfer.setNull(10, Types.BIGINT);
            transfer.setObject(11, posted);
            transfer.setObject(12, utc(expiresAt));
            transfer.setNull(13, Types.TIMESTAMP);
            transfer.executeUpdate();

            // The answer as the server serialises its TransferView (JSON-B leaves out nulls).
            String body = JSON.createObjectBuilder().add("amount", fen).add("createdAt", postedAt.toString())
                    .add("expiresAt", expiresAt.toString()).add("from", from).add("id", transferId)
                    .add("status", TransferStatus.PENDING.name()).add("to", toParty).build().toString();
            answerBytes = body.length();
            answer.setInt(1, 201);
            answer.setString(2, body);
            answer.setLong(3, senderId);
            answer.setString(4, key);
            answer.executeUpdate();
            db.commit();
            return null;
        }

        private void leg(long postingId, long account, long amount, long after, LocalDateTime posted)
                throws SQLException {
            leg.setLong(1, ROW_IDS.next());
            leg.setLong(2, postingId);
            leg.setLong(3, account);
            leg.setLong(4, amount);
            leg.setLong(5, after);
            leg.setObject(6, posted);
            leg.executeUpdate();
        }

        private void balance(long account, long newBalance) throws SQLException {
            balance.setLong(1, newBalance);
            balance.setLong(2, account);
            balance.executeUpdate();
        }

        private String rollback(String why) throws SQLException {
            db.rollback();
            return why;
        }

        private static void party(JsonObjectBuilder party, ResultSet person) throws SQLException {
            party.add("displayName", person.getString(3));
            String handle = person.getString(4);
            if (handle != null) {
                party.add("handle", handle);
            }
        }

        @Override
        public void close() throws SQLException {
            db.close();
        }
    }

    /** IdempotentRequests.fingerprint (not called directly: its class needs a JSON-B provider to load). */
    static String fingerprint(String operation, Object... parameters) {
        StringBuilder canonical = new StringBuilder(operation);
        for (Object parameter : parameters) {
            canonical.append('\u001f').append(Objects.toString(parameter, "\u0000"));
        }
        return Hashing.sha256Hex(canonical.toString());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Setup

    /** Bench phones +86188 followed by eight digits, checked to be valid mobile numbers as the server checks them. */
    static List<String> phones(int from, int count) {
        List<String> phones = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String phone = String.format(Locale.ROOT, "+86188%08d", i);
            if (!phone.equals(PhoneNumbers.normalise("CN", phone))) {
                throw new IllegalStateException("not a canonical phone number: " + phone);
            }
            phones.add(phone);
        }
        return phones;
    }

    /**
     * Creates the people that earlier runs did not: the first through the API (code from the dev SMS outbox), the
     * others in SQL with its password hash.
     *
     * @return how many were created
     */
    static int ensurePeople(HttpClient http, String base, Connection db, List<String> phones)
            throws Exception {
        Set<String> present = new HashSet<>();
        try (PreparedStatement find = db.prepareStatement("SELECT phone FROM person WHERE phone LIKE '+86188%'");
                ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        String template = phones.get(0);
        int created = 0;
        if (!present.contains(template)) {
            register(http, base, template, PASSWORD, displayName(0));
            created++;
        }
        String hash;
        try (PreparedStatement find = db.prepareStatement("SELECT password_hash FROM person WHERE phone = ?")) {
            find.setString(1, template);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException(template + " was registered but is not in the database");
                }
                hash = rs.getString(1);
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO person (phone, region, password_hash,"
                + " display_name, language, created_at) VALUES (?, ?, ?, ?, 'en', UTC_TIMESTAMP(6))")) {
            for (int i = 1; i < phones.size(); i++) {
                String phone = phones.get(i);
                if (present.contains(phone)) {
                    continue;
                }
                insert.setString(1, phone);
                insert.setString(2, PhoneNumbers.regionOf(phone));
                insert.setString(3, hash);
                insert.setString(4, displayName(i));
                insert.addBatch();
                created++;
            }
            insert.executeBatch();
        }
        return created;
    }

    private static String displayName(int index) {
        return String.format(Locale.ROOT, "Bench person %03d", index);
    }

    private static void register(HttpClient http, String base, String phone, String password, String name)
            throws Exception {
        expect(call(http, "POST", base + API + "verification-codes", null, null,
                Json.createObjectBuilder().add("phone", phone).build()), 202, "SMS code for " + phone);
        Reply outbox = expect(call(http, "GET", base + API + "dev/sms-outbox", null, null, null), 200, "SMS outbox");
        String code = null;
        for (JsonValue message : outbox.array()) {
            JsonObject sms = message.asJsonObject();
            if (sms.getString("phone").equals(phone)) {
                code = sms.getString("body").replaceAll("(?s).*?(\\d{6}).*", "$1");
                break;
            }
        }
        if (code == null) {
            throw new IllegalStateException("no SMS code for " + phone + " in the dev outbox (is dev mode on?)");
        }
        expect(call(http, "POST", base + API + "accounts", null, null, Json.createObjectBuilder().add("phone", phone)
                .add("code", code).add("password", password).add("displayName", name).build()), 201,
                "registration of " + phone);
    }

    static String logIn(HttpClient http, String base, String phone, String password) throws Exception {
        return expect(call(http, "POST", base + API + "sessions", null, null, Json.createObjectBuilder()
                .add("phone", phone).add("password", password).build()), 201, "login of " + phone).json()
                .getString("token");
    }

    /** Sets the payment password and links a card unless an earlier run did; returns the card's id. */
    static String prepareWallet(HttpClient http, String base, String token) throws Exception {
        JsonObject wallet = expect(call(http, "GET", base + API + "wallet", token, null, null), 200, "wallet").json();
        if (!wallet.getBoolean("paymentPasswordSet")) {
            expect(call(http, "PUT", base + API + "wallet/payment-password", token, null,
                    Json.createObjectBuilder().add("pin", PIN).build()), 204, "payment password");
        }
        JsonArray cards = expect(call(http, "GET", base + API + "wallet/cards", token, null, null), 200, "cards").array();
        if (!cards.isEmpty()) {
            return cards.getJsonObject(0).getString("id");
        }
        return expect(call(http, "POST", base + API + "wallet/cards", token, null,
                Json.createObjectBuilder().add("number", SandboxCards.randomOkDebit(new SecureRandom())).build()), 201,
                "card").json().getString("id");
    }

    /** Tops up (5,000,000 fen at a time, the limit) every sender holding less than {@link #FLOOR}. */
    static void ensureFunds(HttpClient http, String base, List<Sender> senders, AtomicInteger topUps)
            throws Exception {
        parallel(senders.stream().map(sender -> (Callable<Void>) () -> {
            long balance = expect(call(http, "GET", base + API + "wallet", sender.token(), null, null), 200,
                    "wallet").json().getJsonNumber("balance").longValue();
            while (balance < FLOOR) {
                balance = expect(call(http, "POST", base + API + "wallet/top-ups", sender.token(),
                        UUID.randomUUID().toString(), Json.createObjectBuilder().add("cardId", sender.cardId())
                                .add("amount", WalletLimits.MAX_TOP_UP).build()), 201, "top-up of " + sender.phone())
                        .json().getJsonNumber("balance").longValue();
                topUps.incrementAndGet();
            }
            return null;
        }).toList());
    }

    static JsonObject audit(HttpClient http, String base) throws Exception {
        String admin = logIn(http, base, Settings.DEMO_ADMIN_PHONE, DemoData.ADMIN_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + API + "admin/ledger/audits"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return expect(new Reply(response.statusCode(), response.body()), 201, "ledger audit").json();
    }

    static long[] escrowShards(Connection db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        // PlatformAccounts: the platform accounts of a kind ordered by shard; a wallet uses shard (account id mod n).
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM ledger_account WHERE person_id IS NULL"
                + " AND kind = 'TRANSFER_ESCROW' ORDER BY shard");
                ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no TRANSFER_ESCROW accounts: is migration V6 applied?");
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The settings that make a commit durable, for the table's header. */
    static String durability(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@innodb_flush_log_at_trx_commit, @@sync_binlog, @@log_bin,"
                        + " @@version")) {
            rs.next();
            // 1 writes and syncs the redo log at every commit; sync_binlog only matters when the binary log is on.
            boolean durable = "1".equals(rs.getString(1)) && ("0".equals(rs.getString(3)) || "1".equals(rs.getString(2)));
            return String.format(Locale.ROOT, "MariaDB %s, innodb_flush_log_at_trx_commit=%s, sync_binlog=%s,"
                    + " log_bin=%s: commits %s", rs.getString(4), rs.getString(1), rs.getString(2), rs.getString(3),
                    durable ? "durable" : "NOT durable");
        }
    }

    static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("DB_USER", "oa"),
                System.getenv().getOrDefault("DB_PASSWORD", "oa"));
    }

    static <T> List<T> parallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP for the setup

    record Reply(int status, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }
    }

    static Reply call(HttpClient http, String method, String url, String token, String idempotencyKey,
            JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    static Reply expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + " instead of " + status + ": "
                    + reply.body());
        }
        return reply;
    }
}
