package io.tunekit.storage.jdbc;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.internal.MutableTrial;
import io.tunekit.storage.CreationGuard;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link Storage} in a relational database, in Optuna's schema, so that Optuna (and
 * optuna-dashboard) read what Tunekit writes and the other way round; Python and Java workers
 * can share one study. Open one with {@link Storages#open(String)} or {@link Storages#builder}.
 *
 * <p>Guarantees, across threads, processes and machines sharing the database:
 * <ul>
 *   <li>every primitive of {@link Storage} is one transaction, retried (bounded, with jitter) on
 *       contention or a lost connection; SQLite writes begin with {@code BEGIN IMMEDIATE} and
 *       never surface "database is locked" unless the retries run out;</li>
 *   <li>trial numbers are 0..N-1 without gap or duplicate (the study row is locked while a trial
 *       is numbered); a WAITING trial is popped, a stale trial failed and a running trial
 *       finished by exactly one caller (conditional updates); creation guards (trial budget,
 *       tickets) and compare-and-set are checked under the same lock;</li>
 *   <li>finished trials are read once per process and cached; a refresh reads only new and
 *       unfinished trials, and the trials this process runs are served from memory, so the cost
 *       of a trial does not grow with the size of the study;</li>
 *   <li>with a heartbeat interval, running trials' heartbeats use the database clock, and
 *       {@link #failStaleTrials} fails a trial only if its heartbeat is still older than the
 *       grace period inside the failing transaction.</li>
 * </ul>
 */
public final class JdbcStorage implements Storage {

    private final Transactions tx;
    private final Dialect dialect;
    private final TrialLoader loader;
    private final String displayUrl;
    private final Duration heartbeatInterval;
    private final Duration gracePeriod;
    private final String key;

    private record StudyMeta(String name, List<Direction> directions) {}

    private final Map<Long, StudyMeta> studies = new ConcurrentHashMap<>();
    private final Map<Long, TrialCache> caches = new ConcurrentHashMap<>();
    /** Finished trials by id: they never change. */
    private final Map<Long, FrozenTrial> finished = new ConcurrentHashMap<>();
    /** Trials this process started and runs: every write to them goes through here. */
    private final Map<Long, FrozenTrial> owned = new ConcurrentHashMap<>();

    JdbcStorage(StorageUrl url, Settings settings) {
        Slf4jFallback.ensure(); // before the JDBC driver or the pool first logs
        this.dialect = url.dialect();
        this.displayUrl = url.display();
        this.heartbeatInterval = settings.heartbeatInterval();
        this.gracePeriod = settings.gracePeriod() != null
                ? settings.gracePeriod()
                : heartbeatInterval == null ? null : heartbeatInterval.multipliedBy(2);
        this.key = dialect.quote("key");
        this.loader = new TrialLoader(dialect);
        ConnectionSource source = dialect == Dialect.SQLITE
                ? new SqliteConnections(
                        url.jdbcUrl(), (int) settings.busyTimeout().toMillis())
                : new PooledConnections(url.jdbcUrl(), dialect, settings.poolSize(), settings.busyTimeout());
        this.tx = new Transactions(dialect, source, settings.maxAttempts(), 5, 1000);
        try {
            initialise(settings.libraryVersion());
        } catch (RuntimeException e) {
            tx.close();
            throw e;
        }
    }

    /** Settings of a storage; see {@link Storages.Builder}. */
    record Settings(
            Duration heartbeatInterval,
            Duration gracePeriod,
            Duration busyTimeout,
            int poolSize,
            int maxAttempts,
            String libraryVersion) {}

    private void initialise(String libraryVersion) {
        tx.write("create or check the schema", c -> {
            if (dialect == Dialect.POSTGRESQL) {
                try (Statement s = c.statement()) {
                    s.execute("SELECT pg_advisory_xact_lock(7426100612)");
                }
            }
            if (dialect == Dialect.MYSQL) {
                try (Statement s = c.statement()) {
                    s.execute("SELECT GET_LOCK('tunekit_schema', 60)");
                }
            }
            try {
                OptunaSchema.ensure(c.connection(), dialect, libraryVersion);
            } finally {
                if (dialect == Dialect.MYSQL) {
                    try (Statement s = c.statement()) {
                        s.execute("SELECT RELEASE_LOCK('tunekit_schema')");
                    }
                }
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ studies

    @Override
    public long createStudy(String name, List<Direction> directions) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("study name must be non-empty");
        }
        if (name.length() > 512) {
            throw new IllegalArgumentException("study name of " + name.length() + " characters is longer than 512");
        }
        if (directions == null || directions.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        List<Direction> dirs = List.copyOf(directions);
        long id;
        try {
            id = tx.write("create study '" + name + "'", c -> {
                long studyId = insert(c, "INSERT INTO studies (study_name) VALUES (?)", "study_id", name);
                PreparedStatement ps =
                        c.prepare("INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)");
                for (int i = 0; i < dirs.size(); i++) {
                    ps.setString(1, dirs.get(i).name());
                    ps.setLong(2, studyId);
                    ps.setInt(3, i);
                    ps.addBatch();
                }
                ps.executeBatch();
                return studyId;
            });
        } catch (Transactions.UniqueViolation e) {
            throw new DuplicatedStudyException(name);
        }
        studies.put(id, new StudyMeta(name, dirs));
        caches.remove(id); // an id reused after a deletion elsewhere
        return id;
    }

    @Override
    public OptionalLong findStudy(String name) {
        return tx.read("find study '" + name + "'", c -> {
            PreparedStatement ps = c.prepare("SELECT study_id FROM studies WHERE study_name = ?");
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    private StudyMeta meta(long studyId) {
        StudyMeta m = studies.get(studyId);
        if (m != null) {
            return m;
        }
        m = tx.read("read study " + studyId, c -> {
            String name;
            PreparedStatement byId = c.prepare("SELECT study_name FROM studies WHERE study_id = ?");
            byId.setLong(1, studyId);
            try (ResultSet rs = byId.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                name = rs.getString(1);
            }
            List<Direction> dirs = new ArrayList<>();
            PreparedStatement directions =
                    c.prepare("SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective");
            directions.setLong(1, studyId);
            try (ResultSet rs = directions.executeQuery()) {
                while (rs.next()) {
                    // NOT_SET only appears in databases of Optuna < 2.4, which minimised.
                    dirs.add("MAXIMIZE".equals(rs.getString(1)) ? Direction.MAXIMIZE : Direction.MINIMIZE);
                }
            }
            return new StudyMeta(name, List.copyOf(dirs));
        });
        if (m == null) {
            throw new UnknownStudyException("with id " + studyId);
        }
        studies.put(studyId, m);
        return m;
    }

    @Override
    public String studyName(long studyId) {
        return meta(studyId).name();
    }

    @Override
    public List<Direction> studyDirections(long studyId) {
        return meta(studyId).directions();
    }

    @Override
    public List<String> studyNames() {
        return tx.read("list studies", c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.statement();
                    ResultSet rs = s.executeQuery("SELECT study_name FROM studies ORDER BY study_id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return Collections.unmodifiableList(names);
        });
    }

    @Override
    public void deleteStudy(long studyId) {
        meta(studyId);
        String trialsOfStudy = " WHERE trial_id IN (SELECT trial_id FROM trials WHERE study_id = ?)";
        tx.write("delete study " + studyId, c -> {
            // Optuna's foreign keys do not cascade: children first.
            for (String table : List.of(
                    "trial_params",
                    "trial_values",
                    "trial_intermediate_values",
                    "trial_user_attributes",
                    "trial_system_attributes",
                    "trial_heartbeats")) {
                update(c, "DELETE FROM " + table + trialsOfStudy, studyId);
            }
            for (String table : List.of(
                    "trials", "study_directions", "study_user_attributes", "study_system_attributes", "studies")) {
                update(c, "DELETE FROM " + table + " WHERE study_id = ?", studyId);
            }
            return null;
        });
        TrialCache cache = caches.remove(studyId);
        if (cache != null) {
            cache.knownIds().forEach(finished::remove);
        }
        studies.remove(studyId);
    }

    @Override
    public Map<String, Object> studyUserAttrs(long studyId) {
        return studyAttrs(studyId, "study_user_attributes");
    }

    @Override
    public Map<String, Object> studySystemAttrs(long studyId) {
        return studyAttrs(studyId, "study_system_attributes");
    }

    private Map<String, Object> studyAttrs(long studyId, String table) {
        meta(studyId);
        return tx.read("read " + table, c -> Collections.unmodifiableMap(readAttrs(c, table, studyId)));
    }

    private Map<String, Object> readAttrs(Session c, String table, long studyId) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        PreparedStatement ps = c.prepare("SELECT " + key + ", value_json FROM " + table
                + " WHERE study_id = ? ORDER BY " + table.replace("attributes", "attribute_id"));
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), PythonJson.loads(rs.getString(2)));
            }
        }
        return out;
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, "study_user_attributes", key, value);
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, "study_system_attributes", key, value);
    }

    private void setStudyAttr(long studyId, String table, String attrKey, Object value) {
        String json = PythonJson.dumps(JsonValues.copy(value));
        requireKey(attrKey);
        meta(studyId);
        tx.write("set " + table + " '" + attrKey + "'", c -> {
            lockStudy(c, studyId);
            upsertAttr(c, table, "study_id", studyId, attrKey, json);
            return null;
        });
    }

    @Override
    public boolean compareAndSetStudySystemAttr(long studyId, String attrKey, Object expected, Object value) {
        String json = PythonJson.dumps(JsonValues.copy(value));
        requireKey(attrKey);
        meta(studyId);
        return tx.write("compare-and-set study system attribute '" + attrKey + "'", c -> {
            lockStudy(c, studyId);
            Object[] current = studyAttr(c, "study_system_attributes", studyId, attrKey);
            boolean matches =
                    expected == null ? current == null : current != null && JsonValues.sameValue(current[0], expected);
            if (matches) {
                upsertAttr(c, "study_system_attributes", "study_id", studyId, attrKey, json);
            }
            return matches;
        });
    }

    /** {@code null} if the attribute is absent, else a one-element array holding its (possibly null) value. */
    private Object[] studyAttr(Session c, String table, long studyId, String attrKey) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT value_json FROM " + table + " WHERE study_id = ? AND " + key + " = ?");
        ps.setLong(1, studyId);
        ps.setString(2, attrKey);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Object[] {PythonJson.loads(rs.getString(1))} : null;
        }
    }

    // ------------------------------------------------------------------ trials

    @Override
    public Optional<FrozenTrial> createTrial(long studyId, FrozenTrial template, List<CreationGuard> guards) {
        meta(studyId);
        TrialCache cache = cache(studyId);
        List<CreationGuard> checks = guards == null ? List.of() : List.copyOf(guards);
        Optional<FrozenTrial> created = tx.write("create a trial in study " + studyId, c -> {
            lockStudy(c, studyId);
            int number = nextNumber(c, studyId);
            Map<CreationGuard.Ticket, Long> tickets = new LinkedHashMap<>();
            for (CreationGuard guard : checks) {
                if (guard instanceof CreationGuard.TrialLimit limit) {
                    if (number >= limit.maxTrials()) {
                        return Optional.<FrozenTrial>empty();
                    }
                } else if (guard instanceof CreationGuard.Ticket ticket) {
                    Object[] counter = studyAttr(c, "study_system_attributes", studyId, ticket.counterKey());
                    long next = counter != null && counter[0] instanceof Number n ? n.longValue() : 0L;
                    if (next >= ticket.limit()) {
                        return Optional.<FrozenTrial>empty();
                    }
                    tickets.put(ticket, next);
                }
            }
            if (template != null) {
                for (Map.Entry<String, Distribution> e :
                        template.distributions().entrySet()) {
                    checkCompatible(c, cache, e.getKey(), e.getValue());
                }
            }
            TrialState state = template == null ? TrialState.RUNNING : template.state();
            Instant start = dialect.stored(template == null ? Instant.now() : template.datetimeStart());
            Instant complete = template == null ? null : dialect.stored(template.datetimeComplete());
            long id;
            PreparedStatement ps = c.prepareInsert(
                    "INSERT INTO trials (number, study_id, state, datetime_start, "
                            + "datetime_complete) VALUES (?, ?, ?, ?, ?)",
                    "trial_id",
                    dialect);
            ps.setInt(1, number);
            ps.setLong(2, studyId);
            ps.setString(3, state.name());
            dialect.setInstant(ps, 4, start);
            dialect.setInstant(ps, 5, complete);
            id = executeInsert(ps);
            Map<String, Object> systemAttrs = new LinkedHashMap<>(template == null ? Map.of() : template.systemAttrs());
            for (Map.Entry<CreationGuard.Ticket, Long> e : tickets.entrySet()) {
                upsertAttr(
                        c,
                        "study_system_attributes",
                        "study_id",
                        studyId,
                        e.getKey().counterKey(),
                        PythonJson.dumps(JsonValues.copy(e.getValue() + 1)));
                systemAttrs.put(e.getKey().trialKey(), JsonValues.copy(e.getValue()));
            }
            if (template != null) {
                writeParams(c, id, template);
                writeValues(c, id, template.values());
                writeIntermediate(c, id, template.intermediateValues());
                writeAttrs(c, "trial_user_attributes", id, template.userAttrs());
            }
            writeAttrs(c, "trial_system_attributes", id, systemAttrs);
            return Optional.of(
                    template == null
                            ? new FrozenTrial(
                                    number, id, state, List.of(), start, null, null, null, null, systemAttrs, null)
                            : new FrozenTrial(
                                    number,
                                    id,
                                    state,
                                    template.values(),
                                    start,
                                    complete,
                                    template.params(),
                                    template.distributions(),
                                    template.userAttrs(),
                                    systemAttrs,
                                    template.intermediateValues()));
        });
        created.ifPresent(t -> {
            t.distributions().forEach(cache.firstDistributions::putIfAbsent);
            if (template == null) {
                owned.put(t.id(), t);
            }
        });
        return created;
    }

    @Override
    public Optional<FrozenTrial> popWaitingTrial(long studyId) {
        meta(studyId);
        TrialCache cache = cache(studyId);
        while (true) {
            long watermark = cache.waitingWatermark();
            List<long[]> rows = tx.read("look for waiting trials", c -> {
                List<long[]> out = new ArrayList<>();
                PreparedStatement ps = c.prepare("SELECT trial_id, state FROM trials WHERE study_id = ? "
                        + "AND trial_id > ? ORDER BY trial_id");
                ps.setLong(1, studyId);
                ps.setLong(2, watermark);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new long[] {rs.getLong(1), "WAITING".equals(rs.getString(2)) ? 1 : 0});
                    }
                }
                return out;
            });
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            boolean sawWaiting = false;
            for (long[] row : rows) {
                if (row[1] == 0) {
                    continue;
                }
                sawWaiting = true;
                long id = row[0];
                Optional<FrozenTrial> popped = tx.write("pop waiting trial " + id, c -> {
                    int changed;
                    PreparedStatement ps = c.prepare("UPDATE trials SET state = 'RUNNING', "
                            + "datetime_start = ? WHERE trial_id = ? AND state = 'WAITING'");
                    dialect.setInstant(ps, 1, Instant.now());
                    ps.setLong(2, id);
                    changed = ps.executeUpdate();
                    return changed == 1
                            ? Optional.of(loader.load(c, "trial_id = ?", id).get(0))
                            : Optional.<FrozenTrial>empty();
                });
                if (popped.isPresent()) {
                    cache.advanceWaitingWatermark(id);
                    owned.put(id, popped.get());
                    return popped;
                }
            }
            // Every row read is now known not to be WAITING (ids commit in order within a study).
            cache.advanceWaitingWatermark(rows.get(rows.size() - 1)[0]);
            if (!sawWaiting) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        if (name == null || name.isEmpty() || name.length() > 512) {
            throw new IllegalArgumentException("parameter name '" + name + "' must have 1 to 512 characters");
        }
        Object external = distribution.toExternal(internalValue);
        String json = DistributionJson.toJson(distribution);
        long[] studyOf = new long[1];
        try {
            tx.write("set parameter '" + name + "'", c -> {
                long studyId = lockUnfinished(c, trialId);
                studyOf[0] = studyId;
                checkCompatible(c, cache(studyId), name, distribution);
                update(
                        c,
                        "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) "
                                + "VALUES (?, ?, ?, ?)",
                        trialId,
                        name,
                        internalValue,
                        json);
                return null;
            });
        } catch (Transactions.UniqueViolation e) {
            throw new IllegalArgumentException("Trial with id " + trialId + " already has parameter '" + name + "'", e);
        }
        cache(studyOf[0]).firstDistributions.putIfAbsent(name, distribution);
        touchOwned(trialId, p -> p.param(name, distribution, external));
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        tx.write("report step " + step, c -> {
            lockUnfinished(c, trialId);
            writeIntermediate(c, trialId, Map.of(step, value));
            return null;
        });
        touchOwned(trialId, p -> p.intermediateValue(step, value));
    }

    @Override
    public void setTrialUserAttr(long trialId, String attrKey, Object value) {
        setTrialAttr(trialId, "trial_user_attributes", attrKey, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String attrKey, Object value) {
        setTrialAttr(trialId, "trial_system_attributes", attrKey, value);
    }

    private void setTrialAttr(long trialId, String table, String attrKey, Object value) {
        Object copy = JsonValues.copy(value);
        String json = PythonJson.dumps(copy);
        requireKey(attrKey);
        tx.write("set " + table + " '" + attrKey + "'", c -> {
            lockUnfinished(c, trialId);
            upsertAttr(c, table, "trial_id", trialId, attrKey, json);
            return null;
        });
        boolean user = table.equals("trial_user_attributes");
        touchOwned(trialId, p -> {
            if (user) {
                p.userAttr(attrKey, copy);
            } else {
                p.systemAttr(attrKey, copy);
            }
        });
    }

    @Override
    public boolean finishTrial(long trialId, TrialState state, List<Double> values) {
        if (state == null || !state.isFinished()) {
            throw new IllegalArgumentException("finishTrial: state " + state + " is not a finished state");
        }
        List<Double> copy = values == null ? List.of() : List.copyOf(values);
        Instant complete = dialect.stored(Instant.now());
        boolean done = tx.write("finish trial " + trialId, c -> {
            int changed;
            PreparedStatement ps = c.prepare(
                    "UPDATE trials SET state = ?, datetime_complete = ? " + "WHERE trial_id = ? AND state = 'RUNNING'");
            ps.setString(1, state.name());
            dialect.setInstant(ps, 2, complete);
            ps.setLong(3, trialId);
            changed = ps.executeUpdate();
            if (changed == 0) {
                TrialState current = currentState(c, trialId);
                if (current == TrialState.WAITING) {
                    throw new IllegalStateException(
                            "Trial with id " + trialId + " is WAITING; only a RUNNING trial can finish");
                }
                return false;
            }
            writeValues(c, trialId, copy);
            return true;
        });
        FrozenTrial mine = owned.remove(trialId);
        if (done && mine != null) {
            finished.put(
                    trialId,
                    new FrozenTrial(
                            mine.number(),
                            trialId,
                            state,
                            copy,
                            mine.datetimeStart(),
                            complete,
                            mine.params(),
                            mine.distributions(),
                            mine.userAttrs(),
                            mine.systemAttrs(),
                            mine.intermediateValues()));
        }
        return done;
    }

    @Override
    public FrozenTrial trial(long trialId) {
        // With heartbeats on, another process may fail a trial this one runs (its heartbeat went
        // stale): the snapshot kept here could then still say RUNNING, so the database answers.
        FrozenTrial t = heartbeatInterval == null ? owned.get(trialId) : null;
        if (t == null) {
            t = finished.get(trialId);
        }
        if (t != null) {
            return t;
        }
        List<FrozenTrial> read = tx.read("read trial " + trialId, c -> loader.load(c, "trial_id = ?", trialId));
        if (read.isEmpty()) {
            throw new IllegalArgumentException("No trial with id " + trialId + " in the storage");
        }
        FrozenTrial fresh = read.get(0);
        if (fresh.state().isFinished()) {
            finished.put(trialId, fresh);
            owned.remove(trialId);
        }
        return fresh;
    }

    @Override
    public long trialId(long studyId, int number) {
        StudyMeta m = meta(studyId);
        long known = cache(studyId).idOf(number);
        if (known >= 0) {
            return known;
        }
        long[] found = tx.read("find trial number " + number, c -> {
            PreparedStatement ps = c.prepare("SELECT trial_id FROM trials WHERE study_id = ? AND number = ?");
            ps.setLong(1, studyId);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                return new long[] {rs.next() ? rs.getLong(1) : -1, nextNumber(c, studyId)};
            }
        });
        if (found[0] < 0) {
            throw new IllegalArgumentException(
                    "Study '" + m.name() + "' has no trial number " + number + " (it has " + found[1] + " trials)");
        }
        return found[0];
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        meta(studyId);
        TrialCache cache = cache(studyId);
        String condition = cache.refreshCondition();
        List<FrozenTrial> fresh = tx.read("read trials of study " + studyId, c -> loader.load(c, condition));
        cache.absorb(fresh, finished);
        return cache.trials(states);
    }

    @Override
    public int trialCount(long studyId) {
        meta(studyId);
        return tx.read("count trials", c -> nextNumber(c, studyId));
    }

    // ------------------------------------------------------------------ heartbeats

    @Override
    public Optional<Duration> heartbeatInterval() {
        return Optional.ofNullable(heartbeatInterval);
    }

    /** The grace period after which a silent running trial is failed, if heartbeats are on. */
    public Optional<Duration> gracePeriod() {
        return Optional.ofNullable(gracePeriod);
    }

    @Override
    public void recordHeartbeat(long trialId) {
        tx.write("record heartbeat of trial " + trialId, c -> {
            update(
                    c,
                    "INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, " + dialect.now() + ")"
                            + dialect.upsert("trial_id", "heartbeat"),
                    trialId);
            return null;
        });
    }

    @Override
    public List<FrozenTrial> failStaleTrials(long studyId) {
        if (heartbeatInterval == null) {
            return List.of();
        }
        List<FrozenTrial> running = trials(studyId, EnumSet.of(TrialState.RUNNING));
        if (running.isEmpty()) {
            return List.of();
        }
        StringBuilder ids = new StringBuilder();
        for (FrozenTrial t : running) {
            ids.append(ids.length() == 0 ? "" : ",").append(t.id());
        }
        List<Long> stale = tx.read("look for stale trials", c -> {
            LocalDateTime now = databaseNow(c);
            List<Long> out = new ArrayList<>();
            try (Statement s = c.statement();
                    ResultSet rs = s.executeQuery(
                            "SELECT trial_id, heartbeat FROM trial_heartbeats WHERE trial_id IN (" + ids + ")")) {
                while (rs.next()) {
                    LocalDateTime beat = dialect.getDatetime(rs, "heartbeat");
                    if (beat != null && Duration.between(beat, now).compareTo(gracePeriod) > 0) {
                        out.add(rs.getLong("trial_id"));
                    }
                }
            }
            return out;
        });
        List<FrozenTrial> failed = new ArrayList<>();
        for (long id : stale) {
            Optional<FrozenTrial> t = tx.write("fail stale trial " + id, c -> {
                LocalDateTime threshold = databaseNow(c).minus(gracePeriod);
                int changed;
                PreparedStatement ps = c.prepare("UPDATE trials SET state = 'FAIL', datetime_complete = ? "
                        + "WHERE trial_id = ? AND state = 'RUNNING' AND EXISTS (SELECT 1 FROM trial_heartbeats h "
                        + "WHERE h.trial_id = ? AND h.heartbeat < ?)");
                dialect.setInstant(ps, 1, Instant.now());
                ps.setLong(2, id);
                ps.setLong(3, id);
                dialect.setDatetime(ps, 4, threshold);
                changed = ps.executeUpdate();
                return changed == 1
                        ? Optional.of(loader.load(c, "trial_id = ?", id).get(0))
                        : Optional.<FrozenTrial>empty();
            });
            owned.remove(id);
            t.ifPresent(trial -> {
                finished.put(id, trial);
                failed.add(trial);
            });
        }
        return Collections.unmodifiableList(failed);
    }

    private LocalDateTime databaseNow(Session c) throws SQLException {
        try (Statement s = c.statement();
                ResultSet rs = s.executeQuery("SELECT " + dialect.now() + " AS now")) {
            rs.next();
            return dialect.getDatetime(rs, "now");
        }
    }

    // ------------------------------------------------------------------ helpers

    private TrialCache cache(long studyId) {
        return caches.computeIfAbsent(studyId, TrialCache::new);
    }

    private void lockStudy(Session c, long studyId) throws SQLException {
        PreparedStatement ps = c.prepare(dialect.lockStudyRow());
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                studies.remove(studyId);
                throw new UnknownStudyException("with id " + studyId);
            }
        }
    }

    /** The next trial number: the newest trial's number + 1 (an index lookup, not a count). */
    private static int nextNumber(Session c, long studyId) throws SQLException {
        PreparedStatement ps = c.prepare(
                "SELECT number FROM trials WHERE trial_id = (SELECT MAX(trial_id) FROM trials WHERE study_id = ?)");
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) + 1 : 0;
        }
    }

    /** Locks the trial row and checks it is unfinished; returns its study id. */
    private long lockUnfinished(Session c, long trialId) throws SQLException {
        String sql = "SELECT study_id, state, number FROM trials WHERE trial_id = ?"
                + (dialect == Dialect.SQLITE ? "" : " FOR UPDATE");
        PreparedStatement ps = c.prepare(sql);
        ps.setLong(1, trialId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("No trial with id " + trialId + " in the storage");
            }
            TrialState state = TrialState.valueOf(rs.getString(2));
            if (state.isFinished()) {
                owned.remove(trialId);
                throw new IllegalStateException(
                        "Trial " + rs.getInt(3) + " is already finished (" + state + ") and cannot be changed");
            }
            return rs.getLong(1);
        }
    }

    private static TrialState currentState(Session c, long trialId) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT state FROM trials WHERE trial_id = ?");
        ps.setLong(1, trialId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("No trial with id " + trialId + " in the storage");
            }
            return TrialState.valueOf(rs.getString(1));
        }
    }

    private void checkCompatible(Session c, TrialCache cache, String name, Distribution d) throws SQLException {
        Distribution first = cache.firstDistributions.get(name);
        if (first == null) {
            PreparedStatement ps = c.prepare("SELECT p.distribution_json FROM trial_params p "
                    + "JOIN trials t ON t.trial_id = p.trial_id WHERE t.study_id = ? AND p.param_name = ? "
                    + "ORDER BY p.param_id LIMIT 1");
            ps.setLong(1, cache.studyId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    first = loader.distribution(rs.getString(1));
                    cache.firstDistributions.putIfAbsent(name, first);
                }
            }
        }
        if (first != null) {
            Distribution.requireCompatible(name, first, d);
        }
    }

    private void writeParams(Session c, long trialId, FrozenTrial template) throws SQLException {
        if (template.params().isEmpty()) {
            return;
        }
        PreparedStatement ps = c.prepare("INSERT INTO trial_params (trial_id, param_name, param_value, "
                + "distribution_json) VALUES (?, ?, ?, ?)");
        for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
            ps.setLong(1, trialId);
            ps.setString(2, e.getKey());
            ps.setDouble(3, e.getValue().toInternal(template.params().get(e.getKey())));
            ps.setString(4, DistributionJson.toJson(e.getValue()));
            ps.addBatch();
        }
        ps.executeBatch();
    }

    private void writeValues(Session c, long trialId, List<Double> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        PreparedStatement ps = c.prepare("INSERT INTO trial_values (trial_id, objective, value, value_type) "
                + "VALUES (?, ?, ?, ?)" + dialect.upsert("trial_id, objective", "value", "value_type"));
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            ps.setLong(1, trialId);
            ps.setInt(2, i);
            setFloat(ps, 3, v);
            ps.setString(4, TrialLoader.valueType(v));
            ps.addBatch();
        }
        ps.executeBatch();
    }

    private void writeIntermediate(Session c, long trialId, Map<Integer, Double> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        PreparedStatement ps = c.prepare("INSERT INTO trial_intermediate_values (trial_id, step, "
                + "intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?)"
                + dialect.upsert("trial_id, step", "intermediate_value", "intermediate_value_type"));
        for (Map.Entry<Integer, Double> e : values.entrySet()) {
            ps.setLong(1, trialId);
            ps.setInt(2, e.getKey());
            setFloat(ps, 3, e.getValue());
            ps.setString(4, TrialLoader.valueType(e.getValue()));
            ps.addBatch();
        }
        ps.executeBatch();
    }

    private static void setFloat(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(index, v);
        } else {
            ps.setNull(index, java.sql.Types.DOUBLE);
        }
    }

    private void writeAttrs(Session c, String table, long trialId, Map<String, Object> attrs) throws SQLException {
        if (attrs.isEmpty()) {
            return;
        }
        PreparedStatement ps =
                c.prepare("INSERT INTO " + table + " (trial_id, " + key + ", value_json) VALUES (?, ?, ?)");
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            ps.setLong(1, trialId);
            ps.setString(2, e.getKey());
            ps.setString(3, PythonJson.dumps(e.getValue()));
            ps.addBatch();
        }
        ps.executeBatch();
    }

    private void upsertAttr(Session c, String table, String owner, long ownerId, String attrKey, String json)
            throws SQLException {
        update(
                c,
                "INSERT INTO " + table + " (" + owner + ", " + key + ", value_json) VALUES (?, ?, ?)"
                        + dialect.upsert(owner + ", " + key, "value_json"),
                ownerId,
                attrKey,
                json);
    }

    private static int update(Session c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepare(sql);
        TrialLoader.bind(ps, args);
        return ps.executeUpdate();
    }

    private static long executeInsert(PreparedStatement ps) throws SQLException {
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated key");
            }
            return keys.getLong(1);
        }
    }

    private long insert(Session c, String sql, String idColumn, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareInsert(sql, idColumn, dialect);
        TrialLoader.bind(ps, args);
        return executeInsert(ps);
    }

    private static void requireKey(String attrKey) {
        if (attrKey == null || attrKey.isEmpty() || attrKey.length() > 512) {
            throw new IllegalArgumentException("attribute key '" + attrKey + "' must have 1 to 512 characters");
        }
    }

    /** A write-through update of the snapshot of a trial this process runs. */
    private void touchOwned(long trialId, Consumer<MutableTrial> change) {
        owned.computeIfPresent(trialId, (id, t) -> {
            MutableTrial p = MutableTrial.of(t);
            change.accept(p);
            return p.build();
        });
    }

    @Override
    public void close() {
        tx.close();
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + displayUrl + "]";
    }
}
