package io.tunekit.storage.jdbc;

import io.tunekit.storage.StorageException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a unit of work as one transaction, retrying it when the database reports contention
 * (SQLITE_BUSY, a deadlock, a serialization failure) or a lost connection. Retries are bounded
 * and spaced by exponential backoff with full jitter, so workers that collided do not collide
 * again in lock step. The caller's own exceptions (a finished trial, a bad argument) roll the
 * transaction back and pass through unchanged.
 */
final class Transactions implements AutoCloseable {

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    /**
     * A unique constraint refused a row. Callers translate it where it has a meaning for them (a
     * duplicated study name); elsewhere it reaches the user as the {@link StorageException} it
     * is, naming what was being done.
     */
    static final class UniqueViolation extends StorageException {
        UniqueViolation(String what, SQLException cause) {
            super(what + " failed: a unique constraint refused it: " + cause.getMessage(), cause);
        }
    }

    /** Why writes are refused, for a storage opened read-only; {@code null} if they are not. */
    private final String readOnlyReason;

    private static final System.Logger LOG = System.getLogger(Transactions.class.getName());

    private final Dialect dialect;
    private final ConnectionSource source;
    private final int maxAttempts;
    private final long baseBackoffMillis;
    private final long maxBackoffMillis;

    /**
     * @param readOnlyReason why writes are refused ({@code null}: they are not)
     */
    Transactions(
            Dialect dialect,
            ConnectionSource source,
            int maxAttempts,
            long baseBackoffMillis,
            long maxBackoffMillis,
            String readOnlyReason) {
        this.dialect = dialect;
        this.readOnlyReason = readOnlyReason;
        this.source = source;
        this.maxAttempts = maxAttempts;
        this.baseBackoffMillis = baseBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
    }

    /** Runs {@code work} in a write transaction (SQLite: BEGIN IMMEDIATE). */
    <T> T write(String what, Work<T> work) {
        if (readOnlyReason != null) {
            throw new StorageException(what + " refused: " + readOnlyReason);
        }
        return run(what, true, work);
    }

    /** Runs {@code work} in a read transaction (one consistent snapshot on SQLite). */
    <T> T read(String what, Work<T> work) {
        return run(what, false, work);
    }

    private <T> T run(String what, boolean write, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            Session c = null;
            boolean broken = false;
            boolean begun = false;
            try {
                c = source.acquire(write);
                source.begin(c, write);
                begun = true;
                T result = work.run(c);
                source.commit(c);
                return result;
            } catch (SQLException e) {
                broken = isConnectionLost(c, e) || dialect.leavesConnectionUnusable(e);
                if (begun && !broken) {
                    // a connection that cannot even roll back is given up (closing it rolls back)
                    broken = !rollback(c);
                }
                if ((e instanceof SQLTransientException || dialect.isTransient(e)) && attempt < maxAttempts) {
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            "{0}: attempt {1} met {2}; retrying",
                            what,
                            attempt,
                            e.getMessage());
                    pause(attempt);
                    continue;
                }
                if (dialect.isUniqueViolation(e)) {
                    throw new UniqueViolation(what, e);
                }
                throw new StorageException(
                        what + " failed" + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": "
                                + e.getMessage(),
                        e);
            } catch (RuntimeException | Error e) {
                if (begun) {
                    broken = !rollback(c);
                }
                throw e;
            } finally {
                if (c != null) {
                    source.release(c, write, broken);
                }
            }
        }
    }

    private static boolean isConnectionLost(Session c, SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01"))) {
            return true;
        }
        try {
            return c != null && !c.connection().isValid(1);
        } catch (SQLException ignored) {
            return true;
        }
    }

    /** Rolls back; false if the connection could not (it is then replaced, which undoes the work). */
    private boolean rollback(Session c) {
        try {
            source.rollback(c);
            return true;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "rollback failed; the connection is replaced: {0}", e.getMessage());
            return false;
        }
    }

    private void pause(int attempt) {
        long cap = Math.min(maxBackoffMillis, baseBackoffMillis << Math.min(attempt - 1, 20));
        long millis = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry a transaction", e);
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
