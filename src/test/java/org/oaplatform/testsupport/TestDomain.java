package org.oaplatform.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The integration tests' Payara domain as an operator drives it, with {@code asadmin}: for the few tests that need what
 * Arquillian cannot do, such as an application that stays deployed across a restart of the server.
 */
public final class TestDomain {

    private static final long PATIENCE_MINUTES = 5;

    private TestDomain() {
    }

    /** Deploys the build's WAR as an operator would, under {@code name} (at the context root its descriptor names). */
    public static void deploy(String name) {
        asadmin("deploy", "--force=true", "--name", name, System.getProperty("oa.war", "target/oa-platform.war"));
    }

    /** Undeploys {@code name}; quietly does nothing if it is not deployed. */
    public static void undeployIfPresent(String name) {
        run(List.of("undeploy", name));
    }

    /** Restarts the domain and answers when it listens again; applications deployed with asadmin are loaded again. */
    public static void restart() {
        asadmin("restart-domain", "domain1");
    }

    private static void asadmin(String... args) {
        Result result = run(List.of(args));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed (" + result.exitCode()
                    + "): " + result.output());
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> args) {
        String home = System.getProperty("payara.home");
        if (home == null) {
            throw new IllegalStateException("no payara.home: run the integration tests through the build (mvn verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(home, "bin", "asadmin").toString());
        command.addAll(args);
        try {
            // Into a file, not a pipe: a pipe nobody reads while waiting could fill and stall asadmin.
            Path output = Files.createTempFile("asadmin", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("asadmin " + String.join(" ", args) + " took over "
                            + PATIENCE_MINUTES + " minutes");
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run asadmin", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asadmin ran", e);
        }
    }
}
