package io.tunekit.storage.jdbc;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.internal.MutableTrial;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads whole trials (row, params, values, attributes, intermediate values) for a condition on
 * the {@code trials} table: six queries however many trials match, so loading stays cheap in
 * round trips.
 */
final class TrialLoader {

    private static final int DISTRIBUTION_CACHE_LIMIT = 10_000;

    private final Dialect dialect;
    private final String key;
    private final Map<String, Distribution> distributions = new ConcurrentHashMap<>();

    TrialLoader(Dialect dialect) {
        this.dialect = dialect;
        this.key = dialect.quote("key");
    }

    /** The distribution stored as this text (parsed once per distinct text). */
    Distribution distribution(String json) {
        Distribution d = distributions.get(json);
        if (d == null) {
            d = DistributionJson.fromJson(json);
            if (distributions.size() < DISTRIBUTION_CACHE_LIMIT) {
                distributions.put(json, d);
            }
        }
        return d;
    }

    /**
     * The trials matching {@code where} (SQL over the {@code trials} columns), ordered by id.
     *
     * @param args the parameters of {@code where}
     */
    List<FrozenTrial> load(Session c, String where, Object... args) throws SQLException {
        Map<Long, MutableTrial> rows = new LinkedHashMap<>();
        List<String> sql = queries(where);
        PreparedStatement ps = c.prepare(sql.get(0));
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                MutableTrial r = new MutableTrial().id(rs.getLong("trial_id"));
                int number = rs.getInt("number");
                r.number(rs.wasNull() ? -1 : number)
                        .state(TrialState.valueOf(rs.getString("state")))
                        .datetimeStart(dialect.getInstant(rs, "datetime_start"))
                        .datetimeComplete(dialect.getInstant(rs, "datetime_complete"));
                rows.put(r.id(), r);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        query(c, sql.get(1), args, rows, (rs, r) -> {
            Distribution d = distribution(rs.getString("distribution_json"));
            String name = rs.getString("param_name");
            r.param(name, d, d.toExternal(rs.getDouble("param_value")));
        });
        query(
                c,
                sql.get(2),
                args,
                rows,
                (rs, r) -> r.value(rs.getInt("objective"), decode(rs, "value", rs.getString("value_type"))));
        query(
                c,
                sql.get(3),
                args,
                rows,
                (rs, r) -> r.intermediateValue(
                        rs.getInt("step"), decode(rs, "intermediate_value", rs.getString("intermediate_value_type"))));
        query(c, sql.get(4), args, rows, (rs, r) -> r.userAttr(rs.getString(2), PythonJson.loads(rs.getString(3))));
        query(c, sql.get(5), args, rows, (rs, r) -> r.systemAttr(rs.getString(2), PythonJson.loads(rs.getString(3))));
        List<FrozenTrial> out = new ArrayList<>(rows.size());
        for (MutableTrial r : rows.values()) {
            out.add(r.build());
        }
        return out;
    }

    /** The six queries that load the trials matching {@code where}: rows, then each child table. */
    List<String> queries(String where) {
        String ids = " WHERE trial_id IN (SELECT trial_id FROM trials WHERE (" + where + "))";
        return List.of(
                "SELECT trial_id, number, state, datetime_start, datetime_complete FROM trials WHERE (" + where
                        + ") ORDER BY trial_id",
                "SELECT trial_id, param_name, param_value, distribution_json FROM trial_params" + ids
                        + " ORDER BY trial_id, param_id",
                "SELECT trial_id, objective, value, value_type FROM trial_values" + ids,
                "SELECT trial_id, step, intermediate_value, intermediate_value_type FROM trial_intermediate_values"
                        + ids,
                "SELECT trial_id, " + key + ", value_json FROM trial_user_attributes" + ids
                        + " ORDER BY trial_id, trial_user_attribute_id",
                "SELECT trial_id, " + key + ", value_json FROM trial_system_attributes" + ids
                        + " ORDER BY trial_id, trial_system_attribute_id");
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs, MutableTrial row) throws SQLException;
    }

    private static void query(Session c, String sql, Object[] args, Map<Long, MutableTrial> rows, RowReader reader)
            throws SQLException {
        PreparedStatement ps = c.prepare(sql);
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                MutableTrial r = rows.get(rs.getLong("trial_id"));
                if (r != null) { // a trial created after the first query: read next time
                    reader.read(rs, r);
                }
            }
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /** A float column with its type column: NULL plus INF_POS/INF_NEG/NAN for non-finite values. */
    private static double decode(ResultSet rs, String column, String type) throws SQLException {
        return switch (type) {
            case "INF_POS" -> Double.POSITIVE_INFINITY;
            case "INF_NEG" -> Double.NEGATIVE_INFINITY;
            case "NAN" -> Double.NaN;
            default -> {
                double v = rs.getDouble(column);
                yield rs.wasNull() ? Double.NaN : v;
            }
        };
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
}
