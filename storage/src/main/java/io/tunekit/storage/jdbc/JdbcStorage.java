package io.tunekit.storage.jdbc;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.storage.CreationGuard;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.NameRules;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import io.tunekit.storage.jdbc.TrialRows.Attributes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
 *   <li>with a heartbeat interval, running trials' heartbeats use the database clock Optuna
 *       uses, the first one is written with the claim of the trial ({@link Claim#HEARTBEAT}),
 *       and {@link #failStaleTrials} fails a trial only if its heartbeat is still older than the
 *       grace period inside the failing transaction;</li>
 *   <li>every failure is a {@link io.tunekit.storage.StorageException} naming the operation, the
 *       study or trial and the cause; after a failed write the connection is rolled back or
 *       replaced.</li>
 * </ul>
 *
 * <p>This class holds the storage operations, each a transaction; {@link TrialRows} writes the
 * rows, {@link TrialLoader} reads trials back, {@link TrialCache} and {@link OwnedTrials} spare
 * reads, {@link StaleTrials} keeps heartbeats, and {@link Dialect} every database difference.
 */
public final class JdbcStorage implements Storage {

    private final Transactions tx;
    private final TrialRows rows;
    private final TrialLoader loader;
    private final StaleTrials stale;
    private final OwnedTrials owned = new OwnedTrials();
    private final String displayUrl;
    private final Duration heartbeatInterval;
    private final Duration gracePeriod;
    private final Dialect dialect;

    private record StudyMeta(String name, List<Direction> directions) {}

    private final Map<Long, StudyMeta> studies = new ConcurrentHashMap<>();
    private final Map<Long, TrialCache> caches = new ConcurrentHashMap<>();

    JdbcStorage(StorageUrl url, StorageSettings settings) {
        DatabaseOpener.Database db = DatabaseOpener.open(url, settings);
        this.tx = db.tx();
        this.dialect = db.dialect();
        this.displayUrl = db.display();
        this.heartbeatInterval = settings.heartbeatInterval();
        this.gracePeriod = settings.effectiveGracePeriod();
        this.rows = new TrialRows(dialect);
        this.loader = new TrialLoader(dialect);
        this.stale = new StaleTrials(tx, dialect, db.clock(), loader, gracePeriod);
    }

    // ------------------------------------------------------------------ studies

    @Override
    public long createStudy(String name, List<Direction> directions) {
        NameRules.require("study name", name);
        if (directions == null || directions.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one direction");
        }
        List<Direction> dirs = List.copyOf(directions);
        long id;
        try {
            id = tx.write("create study '" + name + "'", c -> {
                long studyId = rows.insert(c, "INSERT INTO studies (study_name) VALUES (?)", "study_id", name);
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
        if (name == null) {
            return OptionalLong.empty();
        }
        return tx.read("find study '" + name + "'", c -> {
            PreparedStatement ps = c.prepare("SELECT study_id, study_name FROM studies WHERE study_name = ?");
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // exactly this name, also where an Optuna-made MySQL table ignores case
                    if (name.equals(rs.getString(2))) {
                        return OptionalLong.of(rs.getLong(1));
                    }
                }
                return OptionalLong.empty();
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
                rows.update(c, "DELETE FROM " + table + trialsOfStudy, studyId);
            }
            for (String table : List.of(
                    "trials", "study_directions", "study_user_attributes", "study_system_attributes", "studies")) {
                rows.update(c, "DELETE FROM " + table + " WHERE study_id = ?", studyId);
            }
            return null;
        });
        TrialCache cache = caches.remove(studyId);
        if (cache != null) {
            owned.forget(cache.knownIds());
        }
        studies.remove(studyId);
    }

    @Override
    public Map<String, Object> studyUserAttrs(long studyId) {
        return studyAttrs(studyId, Attributes.STUDY_USER);
    }

    @Override
    public Map<String, Object> studySystemAttrs(long studyId) {
        return studyAttrs(studyId, Attributes.STUDY_SYSTEM);
    }

    private Map<String, Object> studyAttrs(long studyId, Attributes table) {
        meta(studyId);
        return tx.read(
                "read the " + table.label + "s of study " + studyId,
                c -> Collections.unmodifiableMap(rows.attrs(c, table, studyId, new LinkedHashMap<>())));
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, Attributes.STUDY_USER, key, value);
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, Attributes.STUDY_SYSTEM, key, value);
    }

    private void setStudyAttr(long studyId, Attributes table, String attrKey, Object value) {
        String json = PythonJson.dumps(JsonValues.copy(value));
        NameRules.require("attribute key", attrKey);
        meta(studyId);
        tx.write("set " + table.label + " '" + attrKey + "' of study " + studyId, c -> {
            lockStudy(c, studyId);
            rows.upsertAttr(c, table, studyId, attrKey, json);
            return null;
        });
    }

    @Override
    public boolean compareAndSetStudySystemAttr(long studyId, String attrKey, Object expected, Object value) {
        String json = PythonJson.dumps(JsonValues.copy(value));
        NameRules.require("attribute key", attrKey);
        meta(studyId);
        return tx.write("compare-and-set system attribute '" + attrKey + "' of study " + studyId, c -> {
            lockStudy(c, studyId);
            Optional<TrialRows.StoredValue> current = rows.attr(c, Attributes.STUDY_SYSTEM, studyId, attrKey);
            boolean matches = expected == null
                    ? current.isEmpty()
                    : current.isPresent() && JsonValues.sameValue(current.get().value(), expected);
            if (matches) {
                rows.upsertAttr(c, Attributes.STUDY_SYSTEM, studyId, attrKey, json);
            }
            return matches;
        });
    }

    // ------------------------------------------------------------------ trials

    @Override
    public Optional<FrozenTrial> createTrial(long studyId, FrozenTrial template, List<CreationGuard> guards) {
        return createTrial(studyId, template, guards, Claim.UNWATCHED);
    }

    @Override
    public Optional<FrozenTrial> createTrial(
            long studyId, FrozenTrial template, List<CreationGuard> guards, Claim claim) {
        if (template != null) {
            NameRules.requireNames(template);
        }
        TrialState state = template == null ? TrialState.RUNNING : template.state();
        boolean beat = beatsWithClaim(claim, state);
        meta(studyId);
        TrialCache cache = cache(studyId);
        List<CreationGuard> checks = guards == null ? List.of() : List.copyOf(guards);
        Instant start = dialect.stored(template == null ? Instant.now() : template.datetimeStart());
        Instant complete = template == null ? null : dialect.stored(template.datetimeComplete());
        Optional<FrozenTrial> created = tx.write("create a trial in study " + studyId, c -> {
            lockStudy(c, studyId);
            int number = rows.nextNumber(c, studyId);
            Optional<Map<CreationGuard.Ticket, Long>> tickets = takeTickets(c, studyId, number, checks);
            if (tickets.isEmpty()) {
                return Optional.<FrozenTrial>empty();
            }
            if (template != null) {
                for (Map.Entry<String, Distribution> e :
                        template.distributions().entrySet()) {
                    checkCompatible(c, cache, e.getKey(), e.getValue());
                }
            }
            long id = rows.insertTrial(c, studyId, number, state, start, complete);
            Map<String, Object> systemAttrs = new LinkedHashMap<>(template == null ? Map.of() : template.systemAttrs());
            for (Map.Entry<CreationGuard.Ticket, Long> e : tickets.get().entrySet()) {
                rows.upsertAttr(
                        c,
                        Attributes.STUDY_SYSTEM,
                        studyId,
                        e.getKey().counterKey(),
                        PythonJson.dumps(JsonValues.copy(e.getValue() + 1)));
                systemAttrs.put(e.getKey().trialKey(), JsonValues.copy(e.getValue()));
            }
            if (template != null) {
                rows.insertParams(c, id, template);
                rows.upsertValues(c, id, template.values());
                rows.upsertIntermediate(c, id, template.intermediateValues());
                rows.insertAttrs(c, Attributes.TRIAL_USER, id, template.userAttrs());
            }
            rows.insertAttrs(c, Attributes.TRIAL_SYSTEM, id, systemAttrs);
            if (beat) {
                stale.beat(c, id);
            }
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
                owned.started(t);
            }
        });
        return created;
    }

    /**
     * Checks the creation guards for a trial with this number under the study lock; returns the
     * ticket numbers to take, or empty if a guard refuses.
     */
    private Optional<Map<CreationGuard.Ticket, Long>> takeTickets(
            Session c, long studyId, int number, List<CreationGuard> guards) throws SQLException {
        Map<CreationGuard.Ticket, Long> tickets = new LinkedHashMap<>();
        for (CreationGuard guard : guards) {
            if (guard instanceof CreationGuard.TrialLimit limit) {
                if (number >= limit.maxTrials()) {
                    return Optional.empty();
                }
            } else if (guard instanceof CreationGuard.Ticket ticket) {
                Optional<TrialRows.StoredValue> counter =
                        rows.attr(c, Attributes.STUDY_SYSTEM, studyId, ticket.counterKey());
                long next = counter.isPresent() && counter.get().value() instanceof Number n ? n.longValue() : 0L;
                if (next >= ticket.limit()) {
                    return Optional.empty();
                }
                tickets.put(ticket, next);
            }
        }
        return Optional.of(tickets);
    }

    /** A trial row as the waiting-trial scan sees it. */
    private record ScannedTrial(long id, boolean waiting) {}

    @Override
    public Optional<FrozenTrial> popWaitingTrial(long studyId) {
        return popWaitingTrial(studyId, Claim.UNWATCHED);
    }

    @Override
    public Optional<FrozenTrial> popWaitingTrial(long studyId, Claim claim) {
        boolean beat = beatsWithClaim(claim, TrialState.RUNNING);
        meta(studyId);
        TrialCache cache = cache(studyId);
        while (true) {
            long watermark = cache.waitingWatermark();
            List<ScannedTrial> scanned = tx.read("look for waiting trials in study " + studyId, c -> {
                List<ScannedTrial> out = new ArrayList<>();
                PreparedStatement ps = c.prepare(
                        "SELECT trial_id, state FROM trials WHERE study_id = ? AND trial_id > ? ORDER BY trial_id");
                ps.setLong(1, studyId);
                ps.setLong(2, watermark);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ScannedTrial(rs.getLong(1), "WAITING".equals(rs.getString(2))));
                    }
                }
                return out;
            });
            if (scanned.isEmpty()) {
                return Optional.empty();
            }
            boolean sawWaiting = false;
            for (ScannedTrial row : scanned) {
                if (!row.waiting()) {
                    continue;
                }
                sawWaiting = true;
                long id = row.id();
                Optional<FrozenTrial> popped = tx.write("pop waiting trial id " + id, c -> {
                    if (!rows.moveState(
                            c, id, TrialState.WAITING, TrialState.RUNNING, "datetime_start", Instant.now())) {
                        return Optional.<FrozenTrial>empty();
                    }
                    if (beat) {
                        stale.beat(c, id);
                    }
                    return Optional.of(loader.load(c, "trial_id = ?", id).get(0));
                });
                if (popped.isPresent()) {
                    cache.advanceWaitingWatermark(id);
                    owned.started(popped.get());
                    return popped;
                }
            }
            // Every row read is now known not to be WAITING (ids commit in order within a study).
            cache.advanceWaitingWatermark(scanned.get(scanned.size() - 1).id());
            if (!sawWaiting) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        NameRules.require("parameter name", name);
        Object external = distribution.toExternal(internalValue);
        String json = DistributionJson.toJson(distribution);
        long studyId;
        try {
            studyId = tx.write("set parameter '" + name + "' of trial id " + trialId, c -> {
                TrialRows.LockedTrial trial = lockUnfinished(c, trialId);
                checkCompatible(c, cache(trial.studyId()), name, distribution);
                rows.insertParam(c, trialId, name, internalValue, json);
                return trial.studyId();
            });
        } catch (Transactions.UniqueViolation e) {
            throw new IllegalArgumentException("Trial with id " + trialId + " already has parameter '" + name + "'", e);
        }
        cache(studyId).firstDistributions.putIfAbsent(name, distribution);
        owned.change(trialId, t -> t.param(name, distribution, external));
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        tx.write("report step " + step + " of trial id " + trialId, c -> {
            lockUnfinished(c, trialId);
            rows.upsertIntermediate(c, trialId, Map.of(step, value));
            return null;
        });
        owned.change(trialId, t -> t.intermediateValue(step, value));
    }

    @Override
    public void setTrialUserAttr(long trialId, String attrKey, Object value) {
        setTrialAttr(trialId, Attributes.TRIAL_USER, attrKey, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String attrKey, Object value) {
        setTrialAttr(trialId, Attributes.TRIAL_SYSTEM, attrKey, value);
    }

    private void setTrialAttr(long trialId, Attributes table, String attrKey, Object value) {
        Object copy = JsonValues.copy(value);
        String json = PythonJson.dumps(copy);
        NameRules.require("attribute key", attrKey);
        tx.write("set " + table.label + " '" + attrKey + "' of trial id " + trialId, c -> {
            lockUnfinished(c, trialId);
            rows.upsertAttr(c, table, trialId, attrKey, json);
            return null;
        });
        owned.change(trialId, t -> {
            if (table == Attributes.TRIAL_USER) {
                t.userAttr(attrKey, copy);
            } else {
                t.systemAttr(attrKey, copy);
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
        boolean done = tx.write("finish trial id " + trialId + " as " + state, c -> {
            if (!rows.moveState(c, trialId, TrialState.RUNNING, state, "datetime_complete", complete)) {
                if (rows.state(c, trialId) == TrialState.WAITING) {
                    throw new IllegalStateException(
                            "Trial with id " + trialId + " is WAITING; only a RUNNING trial can finish");
                }
                return false;
            }
            rows.upsertValues(c, trialId, copy);
            return true;
        });
        owned.finishedHere(trialId, done, state, copy, complete);
        return done;
    }

    @Override
    public FrozenTrial trial(long trialId) {
        // With heartbeats on, another process may fail a trial this one runs (its heartbeat went
        // stale): the snapshot kept here could then still say RUNNING, so the database answers.
        Optional<FrozenTrial> known = heartbeatInterval == null ? owned.running(trialId) : Optional.empty();
        if (known.isEmpty()) {
            known = owned.finished(trialId);
        }
        if (known.isPresent()) {
            return known.get();
        }
        List<FrozenTrial> read = tx.read("read trial id " + trialId, c -> loader.load(c, "trial_id = ?", trialId));
        if (read.isEmpty()) {
            throw new IllegalArgumentException("No trial with id " + trialId + " in the storage");
        }
        FrozenTrial fresh = read.get(0);
        if (fresh.state().isFinished()) {
            owned.finishedElsewhere(fresh);
        }
        return fresh;
    }

    /** What a lookup of a trial number found. */
    private record NumberLookup(Optional<Long> id, int trialCount) {}

    @Override
    public long trialId(long studyId, int number) {
        StudyMeta m = meta(studyId);
        long known = cache(studyId).idOf(number);
        if (known >= 0) {
            return known;
        }
        NumberLookup found = tx.read(
                "find trial number " + number + " of study " + studyId,
                c -> new NumberLookup(rows.idOf(c, studyId, number), rows.nextNumber(c, studyId)));
        return found.id()
                .orElseThrow(() -> new IllegalArgumentException("Study '" + m.name() + "' has no trial number " + number
                        + " (it has " + found.trialCount() + " trials)"));
    }

    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        meta(studyId);
        TrialCache cache = cache(studyId);
        String condition = cache.refreshCondition();
        List<FrozenTrial> fresh = tx.read("read trials of study " + studyId, c -> loader.load(c, condition));
        cache.absorb(fresh, owned.finishedById());
        return cache.trials(states);
    }

    @Override
    public int trialCount(long studyId) {
        meta(studyId);
        return tx.read("count the trials of study " + studyId, c -> rows.nextNumber(c, studyId));
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
        tx.write("record heartbeat of trial id " + trialId, c -> {
            stale.beat(c, trialId);
            return null;
        });
    }

    /** Whether a claim writes the first heartbeat: heartbeats on, asked for, a RUNNING trial. */
    private boolean beatsWithClaim(Claim claim, TrialState state) {
        return claim == Claim.HEARTBEAT && heartbeatInterval != null && state == TrialState.RUNNING;
    }

    @Override
    public List<FrozenTrial> failStaleTrials(long studyId) {
        if (heartbeatInterval == null) {
            return List.of();
        }
        List<FrozenTrial> failed = stale.failStale(trials(studyId, EnumSet.of(TrialState.RUNNING)));
        failed.forEach(owned::finishedElsewhere);
        return Collections.unmodifiableList(failed);
    }

    // ------------------------------------------------------------------ helpers

    private TrialCache cache(long studyId) {
        return caches.computeIfAbsent(studyId, TrialCache::new);
    }

    private void lockStudy(Session c, long studyId) throws SQLException {
        if (!rows.lockStudy(c, studyId)) {
            studies.remove(studyId);
            throw new UnknownStudyException("with id " + studyId);
        }
    }

    private TrialRows.LockedTrial lockUnfinished(Session c, long trialId) throws SQLException {
        try {
            return rows.lockUnfinished(c, trialId);
        } catch (IllegalStateException finished) {
            owned.lost(trialId);
            throw finished;
        }
    }

    private void checkCompatible(Session c, TrialCache cache, String name, Distribution d) throws SQLException {
        Distribution first = cache.firstDistributions.get(name);
        if (first == null) {
            Optional<String> json = rows.firstDistribution(c, cache.studyId, name);
            if (json.isPresent()) {
                first = loader.distribution(json.get());
                cache.firstDistributions.putIfAbsent(name, first);
            }
        }
        if (first != null) {
            Distribution.requireCompatible(name, first, d);
        }
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
