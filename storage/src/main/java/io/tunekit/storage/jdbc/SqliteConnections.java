package io.tunekit.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Two connections to one SQLite file: one for write transactions, one for reads, each used by
 * one thread at a time and kept with its prepared statements. SQLite lets a single writer in at
 * a time anyway, so threads of this process queue on a fair lock instead of spinning on
 * SQLITE_BUSY; reads never wait for writes (WAL).
 *
 * <p>Transactions are begun with explicit statements in auto-commit mode: sqlite-jdbc's own
 * transaction handling begins the next transaction eagerly at commit, which with
 * {@code BEGIN IMMEDIATE} would hold the file's write lock between transactions.
 */
final class SqliteConnections implements ConnectionSource {

    private final String url;
    private final int busyTimeoutMillis;
    private final Slot writer = new Slot();
    private final Slot reader = new Slot();

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        Session session;
    }

    SqliteConnections(String jdbcUrl, int busyTimeoutMillis) {
        this.url = jdbcUrl;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    @Override
    public Session acquire(boolean write) throws SQLException {
        Slot slot = write ? writer : reader;
        slot.lock.lock();
        try {
            if (slot.session == null || slot.session.connection().isClosed()) {
                slot.session = new Session(open(), true);
            }
            return slot.session;
        } catch (SQLException | RuntimeException e) {
            slot.lock.unlock();
            throw e;
        }
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMillis);
        // synchronous=NORMAL is the usual WAL setting: a commit survives a process crash
        // (kill -9); only a power loss may drop the last transactions.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // The driver directly, not DriverManager: no service lookup (shaded jars) and no loading
        // of the other drivers on the class path.
        Connection c = org.sqlite.JDBC.createConnection(url, config.toProperties());
        try (Statement s = c.createStatement()) {
            // Persistent in the file: the first connection to a new file switches it (a busy
            // answer here is retried like any contention); later ones find it already set.
            s.execute("PRAGMA journal_mode=WAL");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public void begin(Session c, boolean write) throws SQLException {
        execute(c, write ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    public void commit(Session c) throws SQLException {
        execute(c, "COMMIT");
    }

    @Override
    public void rollback(Session c) throws SQLException {
        execute(c, "ROLLBACK");
    }

    private static void execute(Session c, String sql) throws SQLException {
        c.prepare(sql).execute();
    }

    @Override
    public void release(Session c, boolean write, boolean broken) {
        Slot slot = write ? writer : reader;
        c.endTransaction();
        if (broken && slot.session != null) {
            slot.session.close();
            slot.session = null;
        }
        slot.lock.unlock();
    }

    @Override
    public void close() {
        for (Slot slot : new Slot[] {writer, reader}) {
            slot.lock.lock();
            try {
                if (slot.session != null) {
                    slot.session.close();
                    slot.session = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }
}
