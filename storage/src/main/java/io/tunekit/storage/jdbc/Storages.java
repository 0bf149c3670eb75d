package io.tunekit.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Opening storages by URL. Study management (summaries, deletion, copying) works on any storage
 * and lives in core: {@link io.tunekit.Studies}.
 *
 * <pre>{@code
 * Storage storage = Storages.open("sqlite:tunekit.db");                 // or sqlite:///tunekit.db
 * Storage shared = Storages.builder("jdbc:postgresql://db/tuning?user=me")
 *         .heartbeatInterval(Duration.ofSeconds(60))                     // fail trials of dead workers
 *         .build();
 * }</pre>
 */
public final class Storages {

    private Storages() {}

    /**
     * Opens (and on first use creates) the database at {@code url} with default settings: no
     * heartbeats. See {@link #builder(String)} for the accepted URLs.
     */
    public static JdbcStorage open(String url) {
        return builder(url).build();
    }

    /**
     * A builder for a storage at {@code url}: {@code sqlite:PATH}, Optuna's {@code sqlite:///PATH}
     * ({@code sqlite:////abs/path}), {@code jdbc:sqlite:PATH}, {@code jdbc:postgresql:...},
     * {@code jdbc:mariadb:...} or {@code jdbc:mysql:...}.
     *
     * @throws IllegalArgumentException if the URL has none of these forms
     */
    public static Builder builder(String url) {
        return new Builder(StorageUrl.parse(url));
    }

    /** Settings of a {@link JdbcStorage}; every one has a default. */
    public static final class Builder {
        private final StorageUrl url;
        private Duration heartbeatInterval;
        private Duration gracePeriod;
        private Duration busyTimeout = Duration.ofSeconds(10);
        private int poolSize = 4;
        private int maxAttempts = 30;

        private Builder(StorageUrl url) {
            this.url = url;
        }

        /**
         * Turns heartbeats on: each running trial records one at this interval, and a trial whose
         * last heartbeat is older than the grace period is failed by the next worker that asks for
         * a trial. Off by default (as in Optuna).
         */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = positive("heartbeatInterval", interval);
            return this;
        }

        /** How long a running trial may stay silent before it is failed (default: 2 intervals). */
        public Builder gracePeriod(Duration grace) {
            this.gracePeriod = positive("gracePeriod", grace);
            return this;
        }

        /**
         * How long one attempt waits for a lock (SQLite's busy timeout) or a pooled connection
         * (default 10 s) before the transaction is retried.
         */
        public Builder busyTimeout(Duration timeout) {
            this.busyTimeout = positive("busyTimeout", timeout);
            return this;
        }

        /** Connections in the pool of a PostgreSQL/MySQL storage (default 4; SQLite uses 2). */
        public Builder poolSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("poolSize=" + size + " must be >= 1");
            }
            this.poolSize = size;
            return this;
        }

        /** How many times a transaction is tried on contention or a lost connection (default 30). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts=" + attempts + " must be >= 1");
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Opens the storage, creating Optuna's schema in a new database or checking the version
         * of an existing one.
         *
         * @throws IllegalArgumentException if the grace period is set without a heartbeat interval
         * @throws io.tunekit.storage.StorageException if the database cannot be opened or is at a
         *     schema revision Tunekit does not read
         */
        public JdbcStorage build() {
            if (gracePeriod != null && heartbeatInterval == null) {
                throw new IllegalArgumentException("gracePeriod=" + gracePeriod + " needs a heartbeatInterval");
            }
            return new JdbcStorage(
                    url,
                    new JdbcStorage.Settings(
                            heartbeatInterval,
                            gracePeriod,
                            busyTimeout,
                            poolSize,
                            maxAttempts,
                            "tunekit " + version()));
        }

        private static Duration positive(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + "=" + d + " must be positive");
            }
            return d;
        }
    }

    /** Tunekit's version, as written into {@code version_info.library_version}. */
    static String version() {
        try (InputStream in = Storages.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
