package io.tunekit.storage.jdbc;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows a storage writes and the small reads its writes depend on, inside the caller's
 * transaction: the counterpart of {@link TrialLoader}, which reads whole trials. Values go in as
 * Optuna writes them (a float column plus its type column for infinities and NaN, attribute
 * values as Python-compatible JSON, distributions as Optuna's JSON).
 */
final class TrialRows {

    /** The four attribute tables: which owner column they hang on and how messages name them. */
    enum Attributes {
        STUDY_USER("study_user_attributes", "study_id", "user attribute"),
        STUDY_SYSTEM("study_system_attributes", "study_id", "system attribute"),
        TRIAL_USER("trial_user_attributes", "trial_id", "user attribute"),
        TRIAL_SYSTEM("trial_system_attributes", "trial_id", "system attribute");

        final String table;
        final String owner;
        final String label;

        Attributes(String table, String owner, String label) {
            this.table = table;
            this.owner = owner;
            this.label = label;
        }

        /** The primary key column, which orders attributes as they were set. */
        String idColumn() {
            return table.replace("attributes", "attribute_id");
        }
    }

    /** A stored attribute value; {@code value} is {@code null} for a stored JSON null. */
    record StoredValue(Object value) {}

    /** An unfinished trial locked for the rest of the transaction. */
    record LockedTrial(long id, long studyId, int number) {}

    private final Dialect dialect;
    private final String key;

    TrialRows(Dialect dialect) {
        this.dialect = dialect;
        this.key = dialect.quote("key");
    }

    /** Locks the study row for the rest of the transaction; false if there is no such study. */
    boolean lockStudy(Session c, long studyId) throws SQLException {
        PreparedStatement ps = c.prepare(dialect.lockStudyRow());
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** The next trial number: the newest trial's number + 1 (an index lookup, not a count). */
    int nextNumber(Session c, long studyId) throws SQLException {
        PreparedStatement ps = c.prepare(
                "SELECT number FROM trials WHERE trial_id = (SELECT MAX(trial_id) FROM trials WHERE study_id = ?)");
        ps.setLong(1, studyId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) + 1 : 0;
        }
    }

    /** The id of the trial with this number in the study, if there is one. */
    Optional<Long> idOf(Session c, long studyId, int number) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT trial_id FROM trials WHERE study_id = ? AND number = ?");
        ps.setLong(1, studyId);
        ps.setInt(2, number);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    /**
     * Locks the trial row and checks it is unfinished.
     *
     * @throws IllegalArgumentException if there is no such trial
     * @throws IllegalStateException if it is finished
     */
    LockedTrial lockUnfinished(Session c, long trialId) throws SQLException {
        PreparedStatement ps =
                c.prepare("SELECT study_id, state, number FROM trials WHERE trial_id = ?" + dialect.forUpdate());
        ps.setLong(1, trialId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("No trial with id " + trialId + " in the storage");
            }
            TrialState state = TrialState.valueOf(rs.getString(2));
            if (state.isFinished()) {
                throw new IllegalStateException(
                        "Trial " + rs.getInt(3) + " is already finished (" + state + ") and cannot be changed");
            }
            return new LockedTrial(trialId, rs.getLong(1), rs.getInt(3));
        }
    }

    /**
     * The trial's state.
     *
     * @throws IllegalArgumentException if there is no such trial
     */
    TrialState state(Session c, long trialId) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT state FROM trials WHERE trial_id = ?");
        ps.setLong(1, trialId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("No trial with id " + trialId + " in the storage");
            }
            return TrialState.valueOf(rs.getString(1));
        }
    }

    /** The JSON text of the first distribution stored under {@code name} in the study, if any. */
    Optional<String> firstDistribution(Session c, long studyId, String name) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT p.distribution_json FROM trial_params p "
                + "JOIN trials t ON t.trial_id = p.trial_id WHERE t.study_id = ? AND p.param_name = ? "
                + "ORDER BY p.param_id LIMIT 1");
        ps.setLong(1, studyId);
        ps.setString(2, name);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Inserts a trial row; returns its id. */
    long insertTrial(Session c, long studyId, int number, TrialState state, Instant start, Instant complete)
            throws SQLException {
        PreparedStatement ps = c.prepareInsert(
                "INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete) "
                        + "VALUES (?, ?, ?, ?, ?)",
                "trial_id",
                dialect);
        ps.setInt(1, number);
        ps.setLong(2, studyId);
        ps.setString(3, state.name());
        dialect.setInstant(ps, 4, start);
        dialect.setInstant(ps, 5, complete);
        return executeInsert(ps);
    }

    /**
     * Moves a trial from {@code from} to {@code to} with a datetime column set to {@code at}, if
     * it is still in {@code from}; returns whether it was (exactly one caller wins).
     */
    boolean moveState(Session c, long trialId, TrialState from, TrialState to, String datetimeColumn, Instant at)
            throws SQLException {
        PreparedStatement ps = c.prepare("UPDATE trials SET state = ?, " + datetimeColumn + " = ? "
                + "WHERE trial_id = ? AND state = '" + from.name() + "'");
        ps.setString(1, to.name());
        dialect.setInstant(ps, 2, at);
        ps.setLong(3, trialId);
        return ps.executeUpdate() == 1;
    }

    /** Inserts every parameter of a trial template. */
    void insertParams(Session c, long trialId, FrozenTrial template) throws SQLException {
        if (template.params().isEmpty()) {
            return;
        }
        PreparedStatement ps = c.prepare(insertParam());
        for (Map.Entry<String, Distribution> e : template.distributions().entrySet()) {
            ps.setLong(1, trialId);
            ps.setString(2, e.getKey());
            ps.setDouble(3, e.getValue().toInternal(template.params().get(e.getKey())));
            ps.setString(4, DistributionJson.toJson(e.getValue()));
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /** Inserts one parameter (a second one of the same name violates the unique constraint). */
    void insertParam(Session c, long trialId, String name, double internalValue, String distributionJson)
            throws SQLException {
        PreparedStatement ps = c.prepare(insertParam());
        ps.setLong(1, trialId);
        ps.setString(2, name);
        ps.setDouble(3, internalValue);
        ps.setString(4, distributionJson);
        ps.executeUpdate();
    }

    private static String insertParam() {
        return "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?)";
    }

    /** Writes (or overwrites) the objective values. */
    void upsertValues(Session c, long trialId, List<Double> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        PreparedStatement ps = c.prepare("INSERT INTO trial_values (trial_id, objective, value, value_type) "
                + "VALUES (?, ?, ?, ?)" + dialect.upsert("trial_id, objective", "value", "value_type"));
        for (int i = 0; i < values.size(); i++) {
            bindFloat(ps, trialId, i, values.get(i));
        }
        ps.executeBatch();
    }

    /** Writes (or overwrites) intermediate values by step. */
    void upsertIntermediate(Session c, long trialId, Map<Integer, Double> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        PreparedStatement ps = c.prepare("INSERT INTO trial_intermediate_values (trial_id, step, "
                + "intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?)"
                + dialect.upsert("trial_id, step", "intermediate_value", "intermediate_value_type"));
        for (Map.Entry<Integer, Double> e : values.entrySet()) {
            bindFloat(ps, trialId, e.getKey(), e.getValue());
        }
        ps.executeBatch();
    }

    /** Binds (trial, index, value, type) and adds the batch: NULL plus a type for non-finite values. */
    private static void bindFloat(PreparedStatement ps, long trialId, int index, double v) throws SQLException {
        ps.setLong(1, trialId);
        ps.setInt(2, index);
        if (Double.isFinite(v)) {
            ps.setDouble(3, v);
        } else {
            ps.setNull(3, Types.DOUBLE);
        }
        ps.setString(4, valueType(v));
        ps.addBatch();
    }

    /** The type column's value for a float. */
    static String valueType(double v) {
        if (Double.isNaN(v)) {
            return "NAN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "INF_POS" : "INF_NEG";
        }
        return "FINITE";
    }

    /** Inserts a new trial's attributes. */
    void insertAttrs(Session c, Attributes table, long trialId, Map<String, Object> attrs) throws SQLException {
        if (attrs.isEmpty()) {
            return;
        }
        PreparedStatement ps = c.prepare(
                "INSERT INTO " + table.table + " (" + table.owner + ", " + key + ", value_json) VALUES (?, ?, ?)");
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            ps.setLong(1, trialId);
            ps.setString(2, e.getKey());
            ps.setString(3, PythonJson.dumps(e.getValue()));
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /** Sets (inserts or overwrites) one attribute given as JSON text. */
    void upsertAttr(Session c, Attributes table, long ownerId, String attrKey, String json) throws SQLException {
        PreparedStatement ps = c.prepare("INSERT INTO " + table.table + " (" + table.owner + ", " + key
                + ", value_json) VALUES (?, ?, ?)" + dialect.upsert(table.owner + ", " + key, "value_json"));
        ps.setLong(1, ownerId);
        ps.setString(2, attrKey);
        ps.setString(3, json);
        ps.executeUpdate();
    }

    /** One attribute, if it is set. */
    Optional<StoredValue> attr(Session c, Attributes table, long ownerId, String attrKey) throws SQLException {
        PreparedStatement ps = c.prepare(
                "SELECT value_json FROM " + table.table + " WHERE " + table.owner + " = ? AND " + key + " = ?");
        ps.setLong(1, ownerId);
        ps.setString(2, attrKey);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new StoredValue(PythonJson.loads(rs.getString(1)))) : Optional.empty();
        }
    }

    /** Every attribute of an owner, in the order they were first set. */
    Map<String, Object> attrs(Session c, Attributes table, long ownerId, Map<String, Object> into) throws SQLException {
        PreparedStatement ps = c.prepare("SELECT " + key + ", value_json FROM " + table.table + " WHERE " + table.owner
                + " = ? ORDER BY " + table.idColumn());
        ps.setLong(1, ownerId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.put(rs.getString(1), PythonJson.loads(rs.getString(2)));
            }
        }
        return into;
    }

    /** Runs an UPDATE/DELETE with positional arguments; returns the rows changed. */
    int update(Session c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepare(sql);
        TrialLoader.bind(ps, args);
        return ps.executeUpdate();
    }

    /** Runs an INSERT; returns the generated {@code idColumn}. */
    long insert(Session c, String sql, String idColumn, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareInsert(sql, idColumn, dialect);
        TrialLoader.bind(ps, args);
        return executeInsert(ps);
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
}
