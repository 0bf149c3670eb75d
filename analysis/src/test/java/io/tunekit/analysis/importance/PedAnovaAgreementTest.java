package io.tunekit.analysis.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunekit.Study;
import io.tunekit.storage.jdbc.JdbcStorage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PED-ANOVA is deterministic: on studies Tunekit writes to SQLite, Tunekit's importances equal
 * Optuna 5.0's to 1e-6 (in fact to about 1e-15): every kind of parameter, a maximised study,
 * a conditional space, few trials, a subset of parameters, a target, raw scores.
 */
class PedAnovaAgreementTest {

    private static final double TOLERANCE = 1e-6;

    @TempDir
    static Path dir;

    static Study linear;
    static Study mixed;
    static Study conditional;
    static Study small;
    static Map<String, Map<Integer, Map<String, Double>>> optuna;

    @BeforeAll
    static void studies() throws Exception {
        assumeTrue(OptunaImportance.PYTHON != null, "TUNEKIT_OPTUNA5_PYTHON is not set");
        Path db = dir.resolve("studies.db");
        JdbcStorage storage = Storages.open("sqlite:" + db);
        linear = StudyFixtures.linear(storage, "linear", 300, 11);
        mixed = StudyFixtures.mixed(storage, "mixed", 400, 12);
        conditional = StudyFixtures.conditional(storage, "conditional", 300, 13);
        small = StudyFixtures.mixed(storage, "small", 23, 14);
        optuna = OptunaImportance.run(
                db,
                List.of(
                        "linear linear ped-anova 0",
                        "mixed mixed ped-anova 0",
                        "conditional conditional ped-anova 0",
                        "small small ped-anova 0",
                        "mixed-subset mixed ped-anova 0 --params lr,act,units",
                        "conditional-subset conditional ped-anova 0 --params C,x",
                        "mixed-target mixed ped-anova 0 --target negated",
                        "linear-raw linear ped-anova 0 --raw",
                        "conditional-raw conditional ped-anova 0 --raw"));
    }

    @Test
    void linear() {
        agree("linear", linear, Importance.builder());
    }

    @Test
    void everyKindOfParameterMaximised() {
        agree("mixed", mixed, Importance.builder());
    }

    @Test
    void conditionalSpace() {
        agree("conditional", conditional, Importance.builder());
    }

    @Test
    void fewTrials() {
        agree("small", small, Importance.builder());
    }

    @Test
    void subsetOfParams() {
        agree("mixed-subset", mixed, Importance.builder().params("lr", "act", "units"));
        agree("conditional-subset", conditional, Importance.builder().params("C", "x"));
    }

    @Test
    void targetAndRawScores() {
        agree("mixed-target", mixed, Importance.builder().target(t -> -t.value()));
        agree("linear-raw", linear, Importance.builder().normalize(false));
        agree("conditional-raw", conditional, Importance.builder().normalize(false));
    }

    private static void agree(String tag, Study study, Importance.Builder builder) {
        Map<String, Double> expected = optuna.get(tag).get(0);
        Map<String, Double> tunekit = builder.evaluate(study).asMap();
        System.out.printf("%s%n  tunekit %s%n  optuna  %s%n", tag, tunekit, expected);
        assertThat(tunekit.keySet()).isEqualTo(expected.keySet());
        tunekit.forEach((name, value) ->
                assertThat(value).as("%s in %s", name, tag).isCloseTo(expected.get(name), within(TOLERANCE)));
    }
}
