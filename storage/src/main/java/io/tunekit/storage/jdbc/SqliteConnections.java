package io.tunekit.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Two connections to one SQLite file: one for write transactions, one for reads, each used by
 * one thread at a time and kept with its prepared statements. SQLite lets a single writer in at
 * a time anyway, so threads of this process queue on a fair lock instead of spinning on
 * SQLITE_BUSY; reads never wait for writes (WAL).
 *
 * <p>Transactions are begun with explicit statements in auto-commit mode: sqlite-jdbc's own
 * transaction handling begins the next transaction eagerly at commit, which with
 * {@code BEGIN IMMEDIATE} would hold the file's write lock between transactions.
 *
 * <p>Opening changes nothing in the file: the journal mode is switched to WAL only by
 * {@link #prepareForUse}, after the schema check has found an Optuna database. A read-only
 * storage opens the file read-only; if the file is in WAL mode and its directory cannot take
 * the shared-memory file SQLite needs, it opens it as immutable (an archived result).
 */
final class SqliteConnections implements ConnectionSource {

    private final String url;
    private final int busyTimeoutMillis;
    private final boolean readOnly;
    private final Slot writer = new Slot();
    private final Slot reader = new Slot();

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        Session session;
    }

    /**
     * @param access {@link OptunaSchema.Access#READ_ONLY} to open the file read-only
     */
    SqliteConnections(String jdbcUrl, int busyTimeoutMillis, OptunaSchema.Access access) {
        this.readOnly = access == OptunaSchema.Access.READ_ONLY;
        this.url = readOnly && needsImmutable(jdbcUrl) ? immutableUrl(jdbcUrl) : jdbcUrl;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    /** The database file of a {@code jdbc:sqlite:} URL. */
    static Path file(String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        return Path.of(query < 0 ? path : path.substring(0, query)).toAbsolutePath();
    }

    /**
     * Why the file of a {@code jdbc:sqlite:} URL can only be read (it or its directory is not
     * writable), if it exists and can only be read.
     */
    static Optional<String> whyReadOnly(String jdbcUrl) {
        Path file = file(jdbcUrl);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isWritable(file)) {
            return Optional.of("the file " + file + " is not writable");
        }
        Path dir = file.getParent();
        if (dir != null && !Files.isWritable(dir)) {
            return Optional.of("the directory " + dir + " is not writable (SQLite needs it for its journal)");
        }
        return Optional.empty();
    }

    /** A WAL file in a directory where SQLite cannot create its -shm file: readable only as immutable. */
    private static boolean needsImmutable(String jdbcUrl) {
        Path file = file(jdbcUrl);
        Path dir = file.getParent();
        if (dir == null || Files.isWritable(dir) || Files.exists(Path.of(file + "-shm"))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(20);
            return header.length == 20 && header[18] == 2 && header[19] == 2; // WAL read/write versions
        } catch (IOException e) {
            return false;
        }
    }

    private static String immutableUrl(String jdbcUrl) {
        return "jdbc:sqlite:" + file(jdbcUrl).toUri() + "?immutable=1";
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
        config.setReadOnly(readOnly);
        if (url.startsWith("jdbc:sqlite:file:")) {
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        }
        // synchronous=NORMAL is the usual WAL setting: a commit survives a process crash
        // (kill -9); only a power loss may drop the last transactions.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // The driver directly, not DriverManager: no service lookup (shaded jars) and no loading
        // of the other drivers on the class path.
        return org.sqlite.JDBC.createConnection(url, config.toProperties());
    }

    /**
     * Switches a writable file to WAL (readers never wait for the writer). Persistent in the
     * file: the first storage on a new file switches it; later ones find it set. Called after
     * the schema check, never on a file that is not an Optuna database.
     */
    @Override
    public void prepareForUse() throws SQLException {
        if (readOnly) {
            return;
        }
        Session c = acquire(true);
        try (Statement s = c.connection().createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            if (rs.next() && rs.getString(1).equalsIgnoreCase("wal")) {
                return;
            }
        } finally {
            release(c, true, false);
        }
        c = acquire(true);
        try (Statement s = c.connection().createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        } finally {
            release(c, true, false);
        }
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
