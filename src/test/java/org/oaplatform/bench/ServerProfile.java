package org.oaplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU goes during a measured phase, by layer: with {@code -Dbench.profile=true} a Java Flight
 * Recorder recording of the server runs during the phase ({@code jcmd}, the JDK's own tool), and each execution sample
 * is given to the layer of the first frame, from the top of its stack, outside the JDK itself (so a {@code HashMap}
 * lookup counts for whoever called it). Off by default: sampling costs the server a little, so the ratios of a
 * profiled run are a few per cent lower than those of a plain one.
 */
final class ServerProfile {

    static final boolean ENABLED = Boolean.getBoolean("bench.profile");

    private static final Logger LOG = Logger.getLogger(ServerProfile.class.getName());
    private static final Path DIRECTORY = Path.of(System.getProperty("oa.target", "target"), "bench", "profiles");
    private static final ServerProfile NONE = new ServerProfile(-1, null, null);
    private static int recordings;

    /** Layers, and the package prefixes that belong to them, most specific first. */
    enum Layer {
        APPLICATION("org.oaplatform."),
        HTTP("org.glassfish.grizzly.", "org.apache.catalina.", "org.apache.coyote.", "com.sun.enterprise.web.",
                "org.glassfish.web.", "org.apache.jasper."),
        JAX_RS("org.glassfish.jersey."),
        JSON("org.eclipse.yasson.", "org.eclipse.parsson.", "org.glassfish.json."),
        VALIDATION("org.hibernate.validator."),
        SECURITY("com.sun.enterprise.security.", "com.sun.web.security.", "org.glassfish.soteria.",
                "org.glassfish.exousia.", "org.glassfish.security."),
        CDI("org.jboss.weld."),
        EJB_JTA("com.sun.ejb.", "org.glassfish.ejb.", "com.sun.enterprise.transaction.", "com.sun.jts.",
                "fish.payara.ejb.", "com.sun.enterprise.container.", "org.glassfish.api.invocation."),
        CONNECTION_POOL("com.sun.enterprise.resource.", "com.sun.gjc.", "com.sun.enterprise.connectors."),
        JPA("org.eclipse.persistence."),
        DRIVER("com.mysql."),
        DATA_GRID("com.hazelcast.", "fish.payara.nucleus.hazelcast.", "fish.payara.jcache.", "org.jsr107."),
        OTHER_SERVER("org.glassfish.", "com.sun.", "fish.payara.", "org.jvnet.", "org.omnifaces.", "org.flywaydb."),
        JDK_ONLY();

        private final String[] prefixes;

        Layer(String... prefixes) {
            this.prefixes = prefixes;
        }

        static Layer of(List<RecordedFrame> frames) {
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (isJdk(type)) {
                    continue;
                }
                for (Layer layer : values()) {
                    for (String prefix : layer.prefixes) {
                        if (type.startsWith(prefix)) {
                            return layer;
                        }
                    }
                }
                return OTHER_SERVER;
            }
            return JDK_ONLY;
        }

        private static boolean isJdk(String type) {
            return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                    || type.startsWith("sun.") || type.startsWith("com.sun.crypto.") || type.startsWith("jakarta.")
                    || type.startsWith("com.sun.proxy.") || type.startsWith("$Proxy");
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private final long pid;
    private final String name;
    private final String label;

    private ServerProfile(long pid, String name, String label) {
        this.pid = pid;
        this.name = name;
        this.label = label;
    }

    /** Starts recording the server for a phase named {@code label}; a no-op unless profiling was asked for. */
    static synchronized ServerProfile start(ProcessCpu cpu, String label) {
        Optional<Long> server = cpu.serverPid();
        if (!ENABLED || server.isEmpty()) {
            return NONE;
        }
        String name = "bench-" + (++recordings);
        ServerProfile profile = new ServerProfile(server.get(), name, label);
        profile.jcmd("JFR.start", "name=" + name, "settings=profile");
        return profile;
    }

    /** Stops the recording and prints the phase's layers, largest first. */
    void stopAndPrint() {
        if (this == NONE) {
            return;
        }
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name + ".jfr").toAbsolutePath();
            jcmd("JFR.stop", "name=" + name, "filename=" + file);
            System.out.println(summary(label, file));
        } catch (IOException e) {
            LOG.warning(() -> "no profile for " + label + ": " + e);
        }
    }

    static String summary(String label, Path recording) throws IOException {
        Map<Layer, Long> samples = new EnumMap<>(Layer.class);
        long total = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    samples.merge(Layer.of(event.getStackTrace().getFrames()), 1L, Long::sum);
                    total++;
                }
            }
        }
        long all = total;
        List<Map.Entry<Layer, Long>> largestFirst = new ArrayList<>(samples.entrySet());
        largestFirst.sort(Map.Entry.<Layer, Long>comparingByValue().reversed());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "server profile, %s (%d samples): ",
                label, all));
        for (Map.Entry<Layer, Long> entry : largestFirst) {
            line.append(String.format(Locale.ROOT, "%s %.0f %% · ", entry.getKey().label(),
                    100.0 * entry.getValue() / all));
        }
        return line.substring(0, line.length() - 3);
    }

    private void jcmd(String... command) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                LOG.warning(() -> "jcmd " + String.join(" ", command) + " did not succeed");
            }
        } catch (IOException e) {
            LOG.warning(() -> "jcmd " + String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
