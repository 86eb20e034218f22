package org.oaplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The test domain's way to its database: a TCP relay on 127.0.0.1 that the JDBC pool connects through (pom.xml points
 * the domain's {@code DB_URL} at it), so that a test can take the database away as a crash would, new connections
 * refused and open ones cut, and bring it back, without stopping the database the other tests use. It relays bytes
 * unchanged and adds no delay of its own (no Nagle); while it is not cut, nobody can tell it is there.
 * <p>
 * One per test run, started before the first deployment by {@link DatabaseLinkSession}. A test that cuts it must
 * restore it in a {@code finally}.
 */
public final class DatabaseLink {

    private static DatabaseLink current;

    private final InetSocketAddress address;
    private final InetSocketAddress database;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService relays = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "database-link");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocketChannel listener;

    private DatabaseLink(int port, int databasePort) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.address = new InetSocketAddress(loopback, port);
        this.database = new InetSocketAddress(loopback, databasePort);
    }

    /** Starts the run's link if the build asked for one ({@code it.db.link.port}); idempotent. */
    static synchronized void startIfConfigured() {
        String port = System.getProperty("it.db.link.port");
        String databasePort = System.getProperty("it.db.port");
        if (current == null && port != null && databasePort != null) {
            current = new DatabaseLink(Integer.parseInt(port), Integer.parseInt(databasePort));
            current.restore();
        }
    }

    static synchronized void stop() {
        if (current != null) {
            current.cut();
            current.relays.shutdownNow();
            current = null;
        }
    }

    /** The link the test domain's pool uses. */
    public static synchronized DatabaseLink current() {
        startIfConfigured();
        if (current == null) {
            throw new IllegalStateException("no database link: run the integration tests through the build (mvn verify)");
        }
        return current;
    }

    /** The database is away: connections are refused and every open one is closed, as when the database crashes. */
    public synchronized void cut() {
        close(listener);
        listener = null;
        open.forEach(DatabaseLink::close);
        open.clear();
    }

    /** The database is back: new connections reach it again. */
    public synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 128);
            listener = server;
            relays.execute(() -> acceptUntilClosed(server));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    public synchronized boolean isCut() {
        return listener == null;
    }

    private void acceptUntilClosed(ServerSocketChannel server) {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                SocketChannel upstream = SocketChannel.open(database);
                for (SocketChannel channel : new SocketChannel[] {client, upstream}) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    open.add(channel);
                }
                if (!server.isOpen()) { // cut while connecting: this one must not survive it
                    close(client);
                    close(upstream);
                    continue;
                }
                relays.execute(() -> relay(client, upstream));
                relays.execute(() -> relay(upstream, client));
            } catch (IOException e) {
                close(client);
            }
        }
    }

    private void relay(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException closedEitherWay) {
            // a side went away, or the link was cut
        } finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
