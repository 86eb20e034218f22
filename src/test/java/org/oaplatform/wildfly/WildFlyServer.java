package org.oaplatform.wildfly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The WildFly of the smoke test: configured afresh by {@code server-config/wildfly/configure.cli} (offline), started
 * with a port offset so it never meets Payara's ports, the built WAR deployed by the deployment scanner, and stopped
 * with everything it started, also when the test fails or its JVM is told to end.
 */
final class WildFlyServer implements AutoCloseable {

    private static final String CONFIG = "oa-smoke.xml";
    private static final Duration CLI_LIMIT = Duration.ofMinutes(3);
    private static final Duration DEPLOY_LIMIT = Duration.ofMinutes(6);

    private final Path home;
    private final Path log;
    private final int portOffset;
    private Process process;
    private final Thread onJvmExit = new Thread(this::stop, "wildfly-smoke-stop");

    WildFlyServer(Path home, Path log, int portOffset) {
        this.home = home;
        this.log = log;
        this.portOffset = portOffset;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + (8080 + portOffset) + "/";
    }

    String managementUrl() {
        return "http://127.0.0.1:" + (9990 + portOffset) + "/";
    }

    /** A fresh configuration and a fresh data directory: nothing of an earlier run (timers, deployments) is left. */
    void configure(Path script, Path driver) throws IOException, InterruptedException {
        Path configuration = home.resolve("standalone/configuration");
        Files.copy(configuration.resolve("standalone-full.xml"), configuration.resolve(CONFIG),
                StandardCopyOption.REPLACE_EXISTING);
        for (String leftover : List.of("modules/com/mysql", "standalone/data", "standalone/tmp",
                "standalone/configuration/standalone_xml_history", "standalone/deployments/oa-platform.war",
                "standalone/deployments/oa-platform.war.deployed", "standalone/deployments/oa-platform.war.failed")) {
            delete(home.resolve(leftover));
        }
        Files.createDirectories(log.getParent());
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script,
                "-Dmysql.jar=" + driver, "-Dserver.config=" + CONFIG)
                .redirectErrorStream(true).redirectOutput(log.resolveSibling("wildfly-configure.log").toFile())
                .start();
        if (!cli.waitFor(CLI_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            destroyTree(cli.toHandle());
            throw new AssertionError("jboss-cli did not finish in " + CLI_LIMIT);
        }
        if (cli.exitValue() != 0) {
            throw new AssertionError("jboss-cli failed (" + cli.exitValue() + "):\n"
                    + tail(log.resolveSibling("wildfly-configure.log")));
        }
    }

    /** Starts the server with the WAR in its deployment directory and waits until the scanner deployed it. */
    void startWith(Path war, Map<String, String> environment) throws IOException, InterruptedException {
        Path deployments = home.resolve("standalone/deployments");
        Files.copy(war, deployments.resolve("oa-platform.war"), StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", CONFIG,
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        // A modest heap for a 2-core build machine; UTC and UTF-8 as server-config/jvm.asadmin gives Payara.
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m -XX:MaxMetaspaceSize=384m"
                + " -Djava.net.preferIPv4Stack=true -Duser.timezone=UTC -Dfile.encoding=UTF-8");
        Runtime.getRuntime().addShutdownHook(onJvmExit);
        process = builder.start();
        Instant until = Instant.now().plus(DEPLOY_LIMIT);
        while (Instant.now().isBefore(until)) {
            if (Files.exists(deployments.resolve("oa-platform.war.deployed"))) {
                return;
            }
            if (Files.exists(deployments.resolve("oa-platform.war.failed"))) {
                throw new AssertionError("the WAR did not deploy on WildFly:\n"
                        + Files.readString(deployments.resolve("oa-platform.war.failed")) + "\n" + tail(log));
            }
            if (!process.isAlive()) {
                throw new AssertionError("WildFly ended (" + process.exitValue() + "):\n" + tail(log));
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the WAR was not deployed on WildFly within " + DEPLOY_LIMIT + ":\n" + tail(log));
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(onJvmExit);
        } catch (IllegalStateException | IllegalArgumentException alreadyEndingOrNeverAdded) {
            // nothing to undo
        }
    }

    private synchronized void stop() {
        if (process != null) {
            destroyTree(process.toHandle());
            process = null;
        }
    }

    /** standalone.sh runs the server's JVM as its child: ending the script alone would leave the server running. */
    private static void destroyTree(ProcessHandle root) {
        List<ProcessHandle> all = Stream.concat(root.descendants(), Stream.of(root)).toList();
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
