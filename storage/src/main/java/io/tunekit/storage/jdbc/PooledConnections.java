package io.tunekit.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tunekit.storage.StorageException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A HikariCP pool for PostgreSQL and MySQL/MariaDB. Connections run READ COMMITTED with
 * auto-commit off; a connection that fails with a connection error is evicted by the pool, so
 * the retried transaction gets a fresh one (reconnect after a dropped connection).
 */
final class PooledConnections implements ConnectionSource {

    private final HikariDataSource pool;

    /**
     * @throws StorageException naming the URL and the cause if the server cannot be reached or
     *     refuses the connection (wrong host, port, database, user or password)
     */
    PooledConnections(StorageUrl url, int maxPoolSize, Duration connectTimeout, OptunaSchema.Access access) {
        Dialect dialect = url.dialect();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        // Named explicitly: DriverManager's service lookup fails in shaded jars that merge
        // META-INF/services badly, and the name is known anyway.
        dialect.driverClass().ifPresent(config::setDriverClassName);
        config.setReadOnly(access == OptunaSchema.Access.READ_ONLY);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(connectTimeout.toMillis());
        config.setPoolName("tunekit-" + dialect.name().toLowerCase());
        dialect.driverProperties().forEach(config::addDataSourceProperty);
        try {
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StorageException(
                    "cannot connect to " + url.display() + ": " + cause.getMessage()
                            + " (check host, port, database name, user and password)",
                    cause);
        }
    }

    @Override
    public Session acquire(boolean write) throws SQLException {
        return new Session(pool.getConnection(), false);
    }

    @Override
    public void begin(Session c, boolean write) {
        // auto-commit is off: the first statement begins the transaction
    }

    @Override
    public void commit(Session c) throws SQLException {
        c.connection().commit();
    }

    @Override
    public void rollback(Session c) throws SQLException {
        c.connection().rollback();
    }

    @Override
    public void release(Session c, boolean write, boolean broken) {
        c.endTransaction();
        try {
            if (broken) {
                pool.evictConnection(c.connection());
            } else {
                c.connection().close();
            }
        } catch (SQLException ignored) {
            // the pool replaces a connection it cannot take back
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
