package org.oaplatform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of the processes a benchmark drives, read from the operating system before and after a phase: the
 * application server, the database and this JVM (the load generator, and the JDBC side's driver). It shows where a
 * transfer's time goes on a machine where all three share the cores; a process that cannot be seen (another host, an
 * operating system that does not report it) is left out.
 */
final class ProcessCpu {

    record Sample(long serverNanos, long databaseNanos, long clientNanos) {
    }

    /** CPU milliseconds per transfer (or request) of each process over a phase; NaN where a process could not be seen. */
    record PerTransfer(double server, double database, double client) {

        static final PerTransfer UNKNOWN = new PerTransfer(Double.NaN, Double.NaN, Double.NaN);

        String cell(boolean withServer) {
            return (withServer ? millis(server) + " + " : "") + millis(database) + " + " + millis(client);
        }

        /** Two decimals: a token check costs well under a millisecond of server CPU. */
        String fineCell() {
            return fine(server) + " + " + fine(database) + " + " + fine(client);
        }

        private static String fine(double value) {
            return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.2f", value);
        }

        private static String millis(double value) {
            return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    private final Optional<ProcessHandle> server;
    private final Optional<ProcessHandle> database;

    private ProcessCpu(Optional<ProcessHandle> server, Optional<ProcessHandle> database) {
        this.server = server;
        this.database = database;
    }

    /** Finds the local Payara (its bootstrap class) and MariaDB/MySQL server processes, if they run here. */
    static ProcessCpu ofLocalProcesses() {
        return new ProcessCpu(find("com.sun.enterprise.glassfish.bootstrap.ASMain"), find("mariadbd", "mysqld"));
    }

    /**
     * CPU time the server's JIT compiler threads have used so far, or -1 when they cannot be seen (only Linux names
     * its threads in {@code /proc}). /proc counts in clock ticks of 10 ms (USER_HZ is 100 on Linux).
     */
    long serverCompilerNanos() {
        if (server.isEmpty()) {
            return -1;
        }
        Path tasks = Path.of("/proc", Long.toString(server.get().pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String name = read(thread.resolve("comm"));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    String stat = read(thread.resolve("stat"));
                    // After the parenthesised name: state is field 3, utime field 14 and stime field 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A thread that ended while being read, or no /proc at all: the caller falls back to a fixed warm-up.
            return -1;
        }
        return ticks * 10_000_000L;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /** The server's process id, if it runs here. */
    Optional<Long> serverPid() {
        return server.map(ProcessHandle::pid);
    }

    Sample sample() {
        return new Sample(nanos(server), nanos(database), nanos(Optional.of(ProcessHandle.current())));
    }

    static PerTransfer between(Sample before, Sample after, long transfers) {
        if (transfers == 0) {
            return PerTransfer.UNKNOWN;
        }
        return new PerTransfer(perTransfer(before.serverNanos(), after.serverNanos(), transfers),
                perTransfer(before.databaseNanos(), after.databaseNanos(), transfers),
                perTransfer(before.clientNanos(), after.clientNanos(), transfers));
    }

    private static double perTransfer(long before, long after, long transfers) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / 1e6 / transfers;
    }

    private static long nanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    private static Optional<ProcessHandle> find(String... commandParts) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(line -> Arrays.stream(commandParts).anyMatch(line::contains)).orElse(false))
                .findFirst();
    }
}
