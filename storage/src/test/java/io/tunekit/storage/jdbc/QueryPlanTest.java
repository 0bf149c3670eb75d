package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.FloatDistribution;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the cost of a trial stays flat as a study grows, checked without timing: the queries that
 * run at every trial reach rows through indexes (SQLite's plans show SEARCH), never by scanning a
 * table or the whole study.
 */
class QueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void refreshingTheTrialCacheNeverScans() throws Exception {
        Path db = dir.resolve("plans.db");
        TrialCache cache = new TrialCache(1); // the first study's id
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            long study = storage.createStudy("plans", List.of(Direction.MINIMIZE));
            growStudy(db, study, 5000);
            long running = -1;
            for (int i = 0; i < 50; i++) {
                FrozenTrial t = storage.createTrial(study, null, List.of()).orElseThrow();
                storage.setTrialParam(t.id(), "x", 0.5, FloatDistribution.of(0, 1));
                storage.setTrialUserAttr(t.id(), "k", i);
                if (i == 10) {
                    running = t.id();
                } else {
                    storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0));
                }
            }
            // the cache state after a first read: everything seen, trial 10 still running
            List<FrozenTrial> all = storage.trials(study, EnumSet.allOf(TrialState.class));
            cache.absorb(all, new java.util.HashMap<>());
            assertThat(all.stream().filter(t -> t.state() == TrialState.RUNNING))
                    .hasSize(1);
            assertThat(running).isPositive();
        }
        List<String> refresh = new TrialLoader(Dialect.SQLITE).queries(cache.refreshCondition());
        List<String> queries = new ArrayList<>(refresh);
        // MAX over the (study_id, rowid) index reads one entry (SQLite's min/max optimisation)
        queries.add(
                "SELECT number FROM trials WHERE trial_id = (SELECT MAX(trial_id) FROM trials WHERE study_id = 1)"); // next number
        queries.add(
                "SELECT trial_id, state FROM trials WHERE study_id = 1 AND trial_id > 5040 ORDER BY trial_id"); // pop
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("ANALYZE"); // plans as a grown database would get them
            for (String sql : queries) {
                List<String> plan = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                    while (rs.next()) {
                        plan.add(rs.getString("detail"));
                    }
                }
                assertThat(plan).as(sql).noneMatch(line -> line.startsWith("SCAN"));
                if (refresh.contains(sql)) { // never all of the study's trials
                    assertThat(plan)
                            .as(sql)
                            .noneMatch(line -> line.matches("SEARCH trials USING .*\\(study_id=\\?\\)"));
                }
            }
        }
    }

    /** Adds {@code n} finished trials with a param, a value and attributes each, in plain SQL (fast). */
    private static void growStudy(Path db, long study, int n) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < " + (n - 1) + ") "
                    + "INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete) SELECT i, "
                    + study
                    + ", 'COMPLETE', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:01.000000' FROM k");
            String all = " FROM trials WHERE study_id = " + study;
            s.execute(
                    "INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) SELECT trial_id, 'x', "
                            + "0.5, '{\"name\": \"FloatDistribution\", \"attributes\": {\"step\": null, \"low\": 0.0, "
                            + "\"high\": 1.0, \"log\": false}}'" + all);
            s.execute(
                    "INSERT INTO trial_values (trial_id, objective, value, value_type) SELECT trial_id, 0, 1.0, 'FINITE'"
                            + all);
            s.execute(
                    "INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type) "
                            + "SELECT trial_id, 0, 1.0, 'FINITE'" + all);
            s.execute("INSERT INTO trial_user_attributes (trial_id, \"key\", value_json) SELECT trial_id, 'k', '1'"
                    + all);
            s.execute("INSERT INTO trial_system_attributes (trial_id, \"key\", value_json) SELECT trial_id, 'k', '1'"
                    + all);
            s.execute("COMMIT");
        }
    }
}
