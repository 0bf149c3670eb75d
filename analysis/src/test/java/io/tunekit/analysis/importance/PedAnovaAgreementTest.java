package io.tunekit.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.storage.jdbc.JdbcStorage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PED-ANOVA is deterministic: on studies Tunekit writes to SQLite, Tunekit's importances equal
 * Optuna 5.0's to 1e-6 (in fact to about 1e-15).
 */
class PedAnovaAgreementTest {

    private static final double TOLERANCE = 1e-6;

    @TempDir
    static Path dir;

    static Path db;
    static Study linear;
    static Study mixed;
    static Study conditional;
    static Study small;

    @BeforeAll
    static void studies() {
        assumeTrue(OptunaImportance.PYTHON != null, "TUNEKIT_OPTUNA5_PYTHON is not set");
        db = dir.resolve("studies.db");
        JdbcStorage storage = Storages.open("sqlite:" + db);
        linear = StudyFixtures.linear(storage, "linear", 300, 11);
        mixed = StudyFixtures.mixed(storage, "mixed", 400, 12);
        conditional = StudyFixtures.conditional(storage, "conditional", 300, 13);
        small = StudyFixtures.mixed(storage, "small", 23, 14);
    }

    @Test
    void linear() throws Exception {
        agree(linear, Importance.builder());
    }

    @Test
    void everyKindOfParameterMaximised() throws Exception {
        agree(mixed, Importance.builder());
    }

    @Test
    void conditionalSpace() throws Exception {
        agree(conditional, Importance.builder());
    }

    @Test
    void fewTrials() throws Exception {
        agree(small, Importance.builder());
    }

    @Test
    void subsetOfParams() throws Exception {
        agree(mixed, Importance.builder().params("lr", "act", "units"), "--params", "lr,act,units");
        agree(conditional, Importance.builder().params("C", "x"), "--params", "C,x");
    }

    @Test
    void targetAndRawScores() throws Exception {
        agree(mixed, Importance.builder().target(t -> -t.value()), "--target", "negated");
        agree(linear, Importance.builder().normalize(false), "--raw");
        agree(conditional, Importance.builder().normalize(false), "--raw");
    }

    private static void agree(Study study, Importance.Builder builder, String... options) throws Exception {
        Map<String, Double> optuna = OptunaImportance.run(db, study.name(), "ped-anova", "0", options)
                .get(0);
        Map<String, Double> tunekit = builder.evaluate(study).asMap();
        assertThat(tunekit.keySet()).isEqualTo(optuna.keySet());
        tunekit.forEach((name, value) ->
                assertThat(value).as("%s in %s", name, study.name()).isCloseTo(optuna.get(name), within(TOLERANCE)));
        System.out.printf(
                "%s %s: tunekit %s%n          optuna  %s%n", study.name(), String.join(" ", options), tunekit, optuna);
    }

    static double value(FrozenTrial t) {
        return t.value();
    }
}
