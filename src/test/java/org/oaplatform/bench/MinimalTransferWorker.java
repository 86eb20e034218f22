package org.oaplatform.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The least a durable transfer can do in this database: lock two balance rows in ascending id order, update both,
 * commit. Nothing else (no session, key, posting or history), so its throughput is the physical limit of the database
 * here, the second baseline of the transfers suite. It moves fen between rows of a scratch table of its own
 * ({@code bench_minimal_account}, outside the application's schema), so the ledger and its audit never see it.
 */
final class MinimalTransferWorker implements TransfersBenchmark.Worker {

    /** Row ids of the scratch table: each client its own sender row, receivers shared like the other sides'. */
    private static final long RECEIVER_BASE = 1_000_000;

    private final Connection db;
    private final long sender;
    private final int receivers;
    private int next;
    private final PreparedStatement lock;
    private final PreparedStatement update;

    private MinimalTransferWorker(Connection db, int client, int receivers) throws SQLException {
        this.db = db;
        this.sender = client + 1;
        this.receivers = receivers;
        this.next = client;
        try {
            db.setAutoCommit(false);
            lock = db.prepareStatement("SELECT balance FROM bench_minimal_account WHERE id = ? FOR UPDATE");
            update = db.prepareStatement("UPDATE bench_minimal_account SET balance = balance + ? WHERE id = ?");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    static List<MinimalTransferWorker> workers(String jdbcUrl, int clients, int receivers) throws SQLException {
        try (Connection db = TransfersBenchmark.connect(jdbcUrl); Statement s = db.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS bench_minimal_account (id BIGINT NOT NULL PRIMARY KEY,"
                    + " balance BIGINT NOT NULL) ENGINE = InnoDB");
            try (PreparedStatement row = db.prepareStatement(
                    "INSERT IGNORE INTO bench_minimal_account (id, balance) VALUES (?, ?)")) {
                for (int c = 1; c <= clients; c++) {
                    add(row, c, 1_000_000_000L);
                }
                for (int r = 1; r <= receivers; r++) {
                    add(row, RECEIVER_BASE + r, 0);
                }
                row.executeBatch();
            }
        }
        List<MinimalTransferWorker> workers = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                workers.add(new MinimalTransferWorker(TransfersBenchmark.connect(jdbcUrl), c, receivers));
            }
        } catch (SQLException | RuntimeException e) {
            for (MinimalTransferWorker worker : workers) {
                worker.close();
            }
            throw e;
        }
        return workers;
    }

    private static void add(PreparedStatement row, long id, long balance) throws SQLException {
        row.setLong(1, id);
        row.setLong(2, balance);
        row.addBatch();
    }

    @Override
    public String transfer() throws SQLException {
        long receiver = RECEIVER_BASE + 1 + Math.floorMod(next++, receivers);
        long fen = 1 + ThreadLocalRandom.current().nextInt(TransfersBenchmark.MAX_AMOUNT);
        try {
            // Ascending id order, as the ledger locks: the sender's id is always the lower one.
            lockRow(sender);
            lockRow(receiver);
            move(sender, -fen);
            move(receiver, fen);
            db.commit();
            return null;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
    }

    private void lockRow(long id) throws SQLException {
        lock.setLong(1, id);
        lock.executeQuery().close();
    }

    private void move(long id, long fen) throws SQLException {
        update.setLong(1, fen);
        update.setLong(2, id);
        update.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
