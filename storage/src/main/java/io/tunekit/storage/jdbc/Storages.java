package io.tunekit.storage.jdbc;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Opening storages by URL, and study management across any {@link Storage}: summaries, deletion
 * and copying (also between different kinds of storage, e.g. memory to SQLite).
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
        private SchemaRevision schemaRevision = SchemaRevision.V3_2_0_A;
        private OptunaSchema.Access access = OptunaSchema.Access.READ_WRITE;

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
         * The Optuna schema revision of a database this storage creates (default
         * {@link SchemaRevision#V3_2_0_A}, which Optuna 3.2 to 5.0 open). Optuna 3.0 and 3.1
         * refuse it; for a database they share, create it at {@link SchemaRevision#V3_0_0_D}.
         * An existing database keeps its revision: Tunekit reads and writes both alike.
         */
        public Builder schemaRevision(SchemaRevision revision) {
            this.schemaRevision = Objects.requireNonNull(revision, "schemaRevision");
            return this;
        }

        /**
         * Opens the database for reading only: nothing is created or changed (not even SQLite's
         * journal mode), and every write fails with a {@link io.tunekit.storage.StorageException}
         * saying the storage is read-only. A SQLite file that this process cannot write (or
         * whose directory it cannot write) is opened so without being asked: an archived result
         * is readable as it is.
         */
        public Builder readOnly() {
            this.access = OptunaSchema.Access.READ_ONLY;
            return this;
        }

        /**
         * Opens the storage, creating Optuna's schema in a new database or checking the version
         * of an existing one.
         *
         * @throws IllegalArgumentException if the grace period is set without a heartbeat
         *     interval, or heartbeats are asked of a read-only storage
         * @throws io.tunekit.storage.StorageException if the database cannot be reached or opened,
         *     is not an Optuna database (it is then left as it was) or is at a schema revision
         *     Tunekit does not read
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
                            "tunekit " + version(),
                            schemaRevision,
                            access));
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

    // ------------------------------------------------------------------ study management

    /** A summary of every study in the storage, in creation order. */
    public static List<StudySummary> studySummaries(Storage storage) {
        List<StudySummary> out = new ArrayList<>();
        for (String name : storage.studyNames()) {
            long id = storage.findStudy(name).orElse(-1);
            if (id < 0) {
                continue; // deleted meanwhile
            }
            List<Direction> directions = storage.studyDirections(id);
            List<FrozenTrial> trials = storage.trials(id, EnumSet.allOf(TrialState.class));
            FrozenTrial best = null;
            Instant start = null;
            for (FrozenTrial t : trials) {
                if (t.datetimeStart() != null
                        && (start == null || t.datetimeStart().isBefore(start))) {
                    start = t.datetimeStart();
                }
                if (directions.size() == 1
                        && t.state() == TrialState.COMPLETE
                        && t.values().size() == 1
                        && (best == null || directions.get(0).isBetter(t.value(), best.value()))) {
                    best = t;
                }
            }
            out.add(new StudySummary(
                    id,
                    name,
                    directions,
                    Optional.ofNullable(best),
                    storage.studyUserAttrs(id),
                    trials.size(),
                    Optional.ofNullable(start)));
        }
        return List.copyOf(out);
    }

    /**
     * Deletes a study with all its trials.
     *
     * @throws UnknownStudyException if there is no study of that name
     */
    public static void deleteStudy(Storage storage, String name) {
        long id = storage.findStudy(name).orElseThrow(() -> new UnknownStudyException("named '" + name + "'"));
        storage.deleteStudy(id);
    }

    /**
     * Copies a study into another storage (or the same one under another name), as Optuna's
     * {@code copy_study}: the same directions, the system then user attributes, then every trial
     * in number order with everything it holds. Numbers are reassigned 0..N-1 in the target;
     * unfinished trials are copied as they are.
     *
     * @param toName the name in the target; {@code null} keeps the source name
     * @return the id of the new study
     * @throws UnknownStudyException if the source has no such study
     * @throws io.tunekit.storage.DuplicatedStudyException if the target already has the name
     */
    public static long copyStudy(Storage from, String fromName, Storage to, String toName) {
        long source = from.findStudy(fromName).orElseThrow(() -> new UnknownStudyException("named '" + fromName + "'"));
        String name = toName == null ? fromName : toName;
        long target = to.createStudy(name, from.studyDirections(source));
        for (Map.Entry<String, Object> e : from.studySystemAttrs(source).entrySet()) {
            to.setStudySystemAttr(target, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : from.studyUserAttrs(source).entrySet()) {
            to.setStudyUserAttr(target, e.getKey(), e.getValue());
        }
        for (FrozenTrial t : from.trials(source, EnumSet.allOf(TrialState.class))) {
            to.createTrial(target, t, List.of());
        }
        return target;
    }
}
