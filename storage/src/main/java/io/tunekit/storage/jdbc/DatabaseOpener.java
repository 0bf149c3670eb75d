package io.tunekit.storage.jdbc;

import io.tunekit.storage.StorageException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens a database for a {@link JdbcStorage}: connections (read-only where the file cannot be
 * written or the user asked), the schema created or checked under the schema lock, the clock
 * heartbeats use, and only then settings that change the file (SQLite's WAL).
 */
final class DatabaseOpener {

    /**
     * An open database.
     *
     * @param tx its transactions
     * @param dialect the kind of database
     * @param clock the clock Optuna's heartbeats use there
     * @param display the URL without secrets
     */
    record Database(Transactions tx, Dialect dialect, Dialect.Clock clock, String display) {}

    /** How long tables without a revision row are taken for another process creating the schema. */
    private static final Duration SCHEMA_WAIT = Duration.ofSeconds(5);

    /** Collation warnings already given, by database: each is said once per process. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private static final System.Logger LOG = System.getLogger(JdbcStorage.class.getName());

    private DatabaseOpener() {}

    /**
     * @throws IllegalArgumentException if heartbeats are asked of a read-only database
     * @throws StorageException if it cannot be opened (see {@link Storages.Builder#build})
     */
    static Database open(StorageUrl url, StorageSettings settings) {
        Slf4jFallback.ensure(); // before the JDBC driver or the pool first logs
        Dialect dialect = url.dialect();
        String display = url.display();
        String readOnlyReason = readOnlyReason(url, settings);
        OptunaSchema.Access access =
                readOnlyReason == null ? OptunaSchema.Access.READ_WRITE : OptunaSchema.Access.READ_ONLY;
        if (readOnlyReason != null && settings.heartbeatInterval() != null) {
            throw new IllegalArgumentException("heartbeatInterval=" + settings.heartbeatInterval()
                    + " needs a writable storage, but " + display + " is read-only: " + readOnlyReason);
        }
        ConnectionSource source = dialect.ownsWholeDatabase()
                ? new SqliteConnections(
                        url.jdbcUrl(), (int) settings.busyTimeout().toMillis(), access)
                : new PooledConnections(url, settings.poolSize(), settings.busyTimeout(), access);
        Transactions tx = new Transactions(
                dialect,
                source,
                settings.maxAttempts(),
                5,
                1000,
                readOnlyReason == null ? null : display + " is read-only: " + readOnlyReason);
        try {
            OptunaSchema.Opening opening = new OptunaSchema.Opening(
                    settings.libraryVersion(),
                    settings.schemaRevision(),
                    access,
                    Instant.now().plus(SCHEMA_WAIT));
            Dialect.Clock clock = schema(tx, dialect, display, opening);
            prepareForUse(source, dialect, display);
            return new Database(tx, dialect, clock, display);
        } catch (RuntimeException e) {
            tx.close();
            throw e;
        }
    }

    private static String readOnlyReason(StorageUrl url, StorageSettings settings) {
        if (settings.access() == OptunaSchema.Access.READ_ONLY) {
            return "it was opened with readOnly()";
        }
        if (url.dialect().ownsWholeDatabase()) {
            return SqliteConnections.whyReadOnly(url.jdbcUrl())
                    .map(why -> why + ", so it was opened read-only")
                    .orElse(null);
        }
        return null;
    }

    /** Creates or checks the schema; returns the database clock heartbeats use. */
    private static Dialect.Clock schema(
            Transactions tx, Dialect dialect, String display, OptunaSchema.Opening opening) {
        Transactions.Work<Dialect.Clock> work = c -> {
            try (Statement s = c.statement()) {
                dialect.lockSchema(s);
            }
            try {
                OptunaSchema.ensure(c.connection(), dialect, opening);
                dialect.nameCollationWarning(c.connection()).ifPresent(warning -> {
                    if (WARNED.add(display)) {
                        LOG.log(System.Logger.Level.WARNING, display + ": " + warning);
                    }
                });
                return dialect.clock(c.connection());
            } finally {
                try (Statement s = c.statement()) {
                    dialect.unlockSchema(s);
                }
            }
        };
        return opening.access() == OptunaSchema.Access.READ_ONLY
                ? tx.read("check the schema of " + display, work)
                : tx.write("create or check the schema of " + display, work);
    }

    /** Settings that change the database itself, retried on contention like a transaction. */
    private static void prepareForUse(ConnectionSource source, Dialect dialect, String display) {
        for (int attempt = 1; ; attempt++) {
            try {
                source.prepareForUse();
                return;
            } catch (SQLException e) {
                if (!dialect.isTransient(e) || attempt >= 50) {
                    throw new StorageException("prepare " + display + " for use failed: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StorageException("interrupted while opening " + display, interrupted);
                }
            }
        }
    }
}
