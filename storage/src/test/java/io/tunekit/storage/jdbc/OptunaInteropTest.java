package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.sampler.RandomSampler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with real Optuna (Debian's python3-optuna 3.1, which {@code .ci/run}
 * installs): a study Optuna wrote reads back in Tunekit with every trial, parameter,
 * distribution, value, intermediate value and attribute equal, and Tunekit continues it; a study
 * Tunekit wrote reads back in Optuna the same way. Skipped where /usr/bin/python3 has no optuna.
 */
@Timeout(180)
class OptunaInteropTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOptuna() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing");
        Process p = new ProcessBuilder(PYTHON, "-c", "import optuna")
                .redirectErrorStream(true)
                .start();
        assumeTrue(
                p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "optuna is not installed for " + PYTHON + " (apt-get install python3-optuna)");
    }

    @Test
    void tunekitReadsAndContinuesAStudyOptunaWrote() throws Exception {
        Path db = dir.resolve("optuna.db");
        Map<String, Object> dump = optuna("write", db, "written.json");
        try (JdbcStorage storage = Storages.open("sqlite:///" + db)) {
            assertSameAsOptuna(storage, dump);

            Study study = Study.load("from-optuna", storage);
            assertThat(study.direction()).isEqualTo(Direction.MAXIMIZE);
            study.optimize(
                    trial -> {
                        double x = suggestOptunasSpace(trial);
                        int n = (Integer) trial.params().get("n");
                        trial.setUserAttr("from", "tunekit");
                        trial.report(x, 0);
                        return x + n;
                    },
                    5);
        }
        assertThat(alembic(db)).as("an Optuna 3.1 database is never re-stamped").isEqualTo("v3.0.0.d");

        Map<String, Object> again = optuna("dump", db, "continued.json");
        List<Map<String, Object>> trials = trials(again, "from-optuna");
        assertThat(trials.size())
                .as("8 Optuna trials, the enqueued one and 4 new ones run by Tunekit")
                .isEqualTo(13);
        Map<String, Object> enqueued = trials.get(8);
        assertThat(enqueued.get("state")).isEqualTo("COMPLETE");
        assertThat(((Map<?, ?>) enqueued.get("params")).get("x")).isEqualTo(1.5);
        assertThat(((Map<?, ?>) enqueued.get("params")).get("n")).isEqualTo(3);
        for (Map<String, Object> t : trials.subList(8, 13)) {
            assertThat(t.get("state")).isEqualTo("COMPLETE");
            assertThat(((Map<?, ?>) t.get("user_attrs")).get("from")).isEqualTo("tunekit");
            assertThat(new java.util.HashSet<Object>(((Map<?, ?>) t.get("params")).keySet()))
                    .isEqualTo(java.util.Set.of("x", "lr", "q", "n", "u", "c"));
        }
        try (JdbcStorage storage = Storages.open("sqlite:///" + db)) {
            assertSameAsOptuna(storage, again);
        }
    }

    @Test
    void optunaReadsAStudyTunekitWrote() throws Exception {
        Path db = dir.resolve("tunekit.db");
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            Study study = Study.builder()
                    .name("from-tunekit")
                    .storage(storage)
                    .sampler(new RandomSampler(7))
                    .build();
            study.setUserAttr("owner", Map.of("name", "zo\u00eb", "ratio", 0.1, "nan", Double.NaN));
            study.optimize(
                    trial -> {
                        double x = suggestOptunasSpace(trial);
                        int n = (Integer) trial.params().get("n");
                        trial.setUserAttr(
                                "note", Map.of("inf", Double.NEGATIVE_INFINITY, "text", "h\u00e9llo\n\"q\" \u2603"));
                        trial.report(x, 0);
                        trial.report(Double.NaN, 1);
                        trial.report(Double.POSITIVE_INFINITY, 2);
                        if (trial.number() == 2) {
                            throw new TrialPrunedException();
                        }
                        if (trial.number() == 3) {
                            throw new IllegalStateException("boom");
                        }
                        return trial.number() == 4 ? Double.NEGATIVE_INFINITY : x * n;
                    },
                    OptimizeOptions.trials(7).catching(IllegalStateException.class));
            study.enqueueTrial(Map.of("x", 0.5));
            Study multi = Study.builder()
                    .name("multi")
                    .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                    .storage(storage)
                    .build();
            multi.optimizeMulti(
                    t -> new double[] {t.suggestFloat("a", 0, 1), t.suggestInt("b", 0, 3)}, OptimizeOptions.trials(3));
        }
        // Optuna 3.1 opens only its own head revision; the tables are the same.
        Path copy = dir.resolve("for-optuna-3.1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + copy + "'");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement()) {
            s.execute("UPDATE alembic_version SET version_num = 'v3.0.0.d'");
        }
        Map<String, Object> dump = optuna("dump", copy, "read.json");
        assertThat(dump).containsOnlyKeys("from-tunekit", "multi");
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            assertSameAsOptuna(storage, dump);
        }
        List<Map<String, Object>> trials = trials(dump, "from-tunekit");
        assertThat(trials)
                .extracting(t -> t.get("state"))
                .containsExactly(
                        "COMPLETE", "COMPLETE", "PRUNED", "FAIL", "COMPLETE", "COMPLETE", "COMPLETE", "WAITING");
        assertThat(((List<?>) trials.get(4).get("values")).get(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /** The search space of optuna_interop.py's objective; returns x. */
    private static double suggestOptunasSpace(Trial trial) {
        double x = trial.suggestFloat("x", -5, 5);
        trial.suggestLogFloat("lr", 1e-5, 1e-1);
        trial.suggestFloat("q", 0, 1, 0.25);
        trial.suggestInt("n", 1, 9, 2);
        trial.suggestLogInt("u", 8, 1024);
        trial.suggest("c", CategoricalDistribution.of("relu", null, 2.5, true, 3));
        return x;
    }

    /** Every study, trial and attribute Optuna dumped equals what Tunekit reads from the same database. */
    private static void assertSameAsOptuna(JdbcStorage storage, Map<String, Object> dump) {
        assertThat(storage.studyNames()).containsExactlyInAnyOrderElementsOf(dump.keySet());
        for (String name : dump.keySet()) {
            Map<?, ?> expected = (Map<?, ?>) dump.get(name);
            long id = storage.findStudy(name).orElseThrow();
            assertThat(storage.studyDirections(id)).extracting(Direction::name).isEqualTo(expected.get("directions"));
            assertJsonEqual("user attrs of " + name, storage.studyUserAttrs(id), expected.get("user_attrs"));
            assertJsonEqual("system attrs of " + name, storage.studySystemAttrs(id), expected.get("system_attrs"));
            List<FrozenTrial> actual = storage.trials(id, EnumSet.allOf(TrialState.class));
            List<?> trials = (List<?>) expected.get("trials");
            assertThat(actual).hasSameSizeAs(trials);
            for (int i = 0; i < trials.size(); i++) {
                assertSameTrial(name, actual.get(i), (Map<?, ?>) trials.get(i));
            }
            // Optuna 3.1 stores +-inf as NULL and sorts by the NULL, so its best trial is only
            // comparable when every complete value is finite (Optuna >= 3.2 ranks by value_type).
            boolean finite = actual.stream()
                    .filter(t -> t.state() == TrialState.COMPLETE)
                    .allMatch(t -> t.values().stream().allMatch(Double::isFinite));
            if (expected.containsKey("best_number") && finite) {
                assertThat(Study.load(name, storage).bestTrial().number()).isEqualTo(expected.get("best_number"));
            }
        }
    }

    private static void assertSameTrial(String study, FrozenTrial t, Map<?, ?> e) {
        String what = study + " trial " + t.number();
        assertThat(t.number()).as(what).isEqualTo(e.get("number"));
        assertThat(t.state().name()).as(what).isEqualTo(e.get("state"));
        assertJsonEqual(what + " values", t.values(), e.get("values") == null ? List.of() : e.get("values"));
        assertJsonEqual(what + " params", t.params(), e.get("params"));
        Map<?, ?> distributions = (Map<?, ?>) e.get("distributions");
        assertThat(t.distributions().keySet()).as(what).isEqualTo(distributions.keySet());
        for (Map.Entry<String, Distribution> d : t.distributions().entrySet()) {
            assertThat(DistributionJson.toJson(d.getValue()))
                    .as(what + " distribution JSON of " + d.getKey())
                    .isEqualTo(distributions.get(d.getKey()));
        }
        Map<String, Object> intermediate = new java.util.LinkedHashMap<>();
        t.intermediateValues().forEach((step, v) -> intermediate.put(Integer.toString(step), v));
        assertJsonEqual(what + " intermediate values", intermediate, e.get("intermediate_values"));
        assertJsonEqual(what + " user attrs", t.userAttrs(), e.get("user_attrs"));
        assertJsonEqual(what + " system attrs", t.systemAttrs(), e.get("system_attrs"));
        assertThat(utc(t.datetimeStart())).as(what + " start").isEqualTo(local(e.get("datetime_start")));
        assertThat(utc(t.datetimeComplete())).as(what + " complete").isEqualTo(local(e.get("datetime_complete")));
    }

    private static void assertJsonEqual(String what, Object actual, Object expected) {
        assertThat(JsonValues.sameValue(JsonValues.copy(actual), JsonValues.copy(expected)))
                .as(what + ": Tunekit " + actual + " vs Optuna " + expected)
                .isTrue();
    }

    private static LocalDateTime utc(java.time.Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static LocalDateTime local(Object iso) {
        return iso == null ? null : LocalDateTime.parse((String) iso);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> trials(Map<String, Object> dump, String study) {
        return new ArrayList<>((List<Map<String, Object>>) ((Map<?, ?>) dump.get(study)).get("trials"));
    }

    /** Runs the Optuna side with TZ=UTC (Optuna 3.1 writes local time; Tunekit reads UTC). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> optuna(String mode, Path db, String out) throws Exception {
        Path script = dir.resolve("optuna_interop.py");
        if (!Files.exists(script)) {
            try (InputStream in = OptunaInteropTest.class.getResourceAsStream("/optuna/optuna_interop.py")) {
                Files.copy(in, script);
            }
        }
        Path json = dir.resolve(out);
        ProcessBuilder pb = new ProcessBuilder(PYTHON, script.toString(), mode, db.toString(), json.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(out + ".log").toFile());
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log(dir.resolve(out + ".log"))).isZero();
        return (Map<String, Object>) PythonJson.loads(Files.readString(json));
    }

    private static String log(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String alembic(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
