package io.tunekit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enum choices are stored as their names: Optuna (Debian's 3.1 at /usr/bin/python3) reads them
 * as strings and continues the study with the same string choices. Skipped where that Python
 * has no optuna.
 */
@Timeout(180)
class EnumChoicesOptunaTest {

    private static final String PYTHON = "/usr/bin/python3";

    enum Optimizer {
        SGD,
        ADAM,
        RMSPROP
    }

    @TempDir
    Path dir;

    @Test
    void optunaSeesEnumChoicesAsStrings() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing");
        Path db = dir.resolve("enums.db");
        // Optuna 3.1 creates the database (it opens only its own schema revision), Tunekit writes.
        python("import optuna, sys; optuna.create_study(study_name='enums', storage='sqlite:///' + sys.argv[1])", db);
        try (JdbcStorage storage = Storages.open("sqlite:" + db)) {
            Study study = Study.builder()
                    .name("enums")
                    .storage(storage)
                    .sampler(new RandomSampler(1))
                    .load();
            study.enqueueTrial(Map.of("optimizer", Optimizer.RMSPROP));
            study.optimize(
                    t -> t.suggestCategorical("optimizer", Optimizer.class).ordinal(), 4);
        }
        String script = String.join(
                "\n",
                "import json, sys, optuna",
                "optuna.logging.set_verbosity(optuna.logging.WARNING)",
                "s = optuna.load_study(study_name='enums', storage='sqlite:///' + sys.argv[1])",
                "t = s.ask()",
                "t.suggest_categorical('optimizer', ['SGD', 'ADAM', 'RMSPROP'])",
                "s.tell(t, 0.0)",
                "print(json.dumps([[type(t.params['optimizer']).__name__, t.params['optimizer'],"
                        + " list(t.distributions['optimizer'].choices)] for t in s.trials]))");
        String out = python(script, db);
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) PythonJson.loads(out.strip());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("str", "RMSPROP", List.of("SGD", "ADAM", "RMSPROP"));
        for (List<Object> row : rows) {
            assertThat(row.get(0)).isEqualTo("str");
            assertThat(row.get(1)).isIn("SGD", "ADAM", "RMSPROP");
            assertThat(row.get(2)).isEqualTo(List.of("SGD", "ADAM", "RMSPROP"));
        }
    }

    /** Runs a Python script with the database path as its argument; returns its output. */
    private static String python(String script, Path db) throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", script, db.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(!out.contains("No module named 'optuna'"), "optuna is not installed for " + PYTHON);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
