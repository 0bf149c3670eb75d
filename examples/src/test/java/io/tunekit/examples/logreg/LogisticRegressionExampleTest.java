package io.tunekit.examples.logreg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.examples.ml.Dataset;
import io.tunekit.examples.ml.Datasets;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LogisticRegressionExampleTest {

    @TempDir
    static Path dir;

    private static String storageUrl;
    private static String output;
    private static int exitCode;

    /** One run of the example as a user starts it, shared by the tests below. */
    @BeforeAll
    static void runTheExample() {
        storageUrl = "sqlite:" + dir.resolve("lr.db");
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new LogisticRegressionExample());
        cmd.setOut(new PrintWriter(out));
        exitCode = cmd.execute("--storage", storageUrl, "--trials", "8", "--no-progress");
        output = out.toString();
    }

    @Test
    void terminateStopsWhenTheRegretBoundFallsBelowTheCrossValidationError() {
        String url = "sqlite:" + dir.resolve("terminated.db");
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new LogisticRegressionExample());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("--storage", url, "--terminate", "--max-trials", "60", "--no-progress");
        String text = out.toString();
        assertThat(code).as(text).isZero();
        assertThat(text)
                .containsPattern("The terminator stopped the study after trial \\d+ \\(\\d+ of at most 60 trials\\)")
                .containsPattern("regret bound [0-9.e-]+ < cross-validation error [0-9.e-]+")
                .contains("Which parameters mattered (PED-ANOVA")
                .contains("The same by fANOVA");
        try (Storage storage = Storages.open(url)) {
            Study study = Study.load("lr-accuracy-terminated", storage);
            List<FrozenTrial> trials = study.trials(EnumSet.of(TrialState.COMPLETE));
            assertThat(trials).hasSizeBetween(20, 59);
            // Stored under Optuna's key, so Optuna's terminator reads the same scores.
            assertThat((List<?>) study.bestTrial().systemAttrs().get("terminator:cv_scores"))
                    .hasSize(5);
        }
    }

    private static Study study(Storage storage, String method) {
        return Study.load("lr-accuracy-" + method, storage);
    }

    @Test
    void everyMethodFindsAnAccurateModel() {
        assertThat(exitCode).isZero();
        try (Storage storage = Storages.open(storageUrl)) {
            for (SearchMethod method : SearchMethod.values()) {
                Study study = study(storage, method.label());
                assertThat(study.trials(EnumSet.of(TrialState.COMPLETE)))
                        .as(method.label())
                        .hasSize(8);
                assertThat(study.bestValue()).as(method.label()).isGreaterThan(0.95);
                FrozenTrial best = study.bestTrial();
                assertThat((List<?>) best.userAttrs().get("fold_scores")).hasSize(5);
            }
        }
    }

    @Test
    void theGridCoversItsEightPointsExactlyOnce() {
        try (Storage storage = Storages.open(storageUrl)) {
            List<Map<String, Object>> points = study(storage, "grid").trials().stream()
                    .map(FrozenTrial::params)
                    .toList();
            assertThat(points).hasSize(SearchMethod.GRID_POINTS).doesNotHaveDuplicates();
            Set<String> expected =
                    Set.of("0.1/l1", "0.1/l2", "1.0/l1", "1.0/l2", "10.0/l1", "10.0/l2", "100.0/l1", "100.0/l2");
            assertThat(points.stream()
                            .map(p -> p.get("C") + "/" + p.get("penalty"))
                            .collect(Collectors.toSet()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void continuousSearchesStayInTheirSpace() {
        try (Storage storage = Storages.open(storageUrl)) {
            for (String method : List.of("random", "tpe")) {
                for (FrozenTrial t : study(storage, method).trials()) {
                    assertThat((Double) t.params().get("C")).isBetween(1e-3, 1e3);
                    assertThat(t.params().get("penalty")).isIn("l1", "l2");
                }
            }
        }
    }

    @Test
    void printsTheComparisonTable() {
        assertThat(output)
                .contains("breast-cancer, 569 rows x 30 features")
                .contains("method    best accuracy  best params")
                .containsPattern("(?m)^grid +0\\.9\\d{3}  C=\\S+, penalty=l[12] +8 +\\d+\\.\\d s$")
                .containsPattern("(?m)^random +0\\.9\\d{3}  C=")
                .containsPattern("(?m)^tpe +0\\.9\\d{3}  C=");
    }

    @Test
    void runsOnTheUsersCsvWithAnotherMetric(@TempDir Path own) throws IOException {
        // The breast-cancer rows with the label first, text labels and a header line.
        Dataset data = Datasets.breastCancer();
        StringBuilder csv = new StringBuilder("diagnosis");
        for (int j = 0; j < data.featureCount(); j++) {
            csv.append(",f").append(j);
        }
        double[][] rows = data.features();
        int[] labels = data.labels();
        for (int i = 0; i < rows.length; i++) {
            csv.append('\n').append(labels[i] == 1 ? "B" : "M");
            for (double v : rows[i]) {
                csv.append(',').append(v);
            }
        }
        Path file = own.resolve("cancer.csv");
        Files.writeString(file, csv);
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new LogisticRegressionExample());
        cmd.setOut(new PrintWriter(out));
        String url = "sqlite:" + own.resolve("own.db");
        int code = cmd.execute(
                "--csv",
                file.toString(),
                "--label-column",
                "0",
                "--metric",
                "roc_auc",
                "--trials",
                "3",
                "--folds",
                "3",
                "--storage",
                url,
                "--no-progress");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("cancer.csv, 569 rows x 30 features, classes B (357), M (212)")
                .contains("the positive class is 'M'")
                .contains("best roc_auc");
        try (Storage storage = Storages.open(url)) {
            Study random = Study.load("lr-roc_auc-random", storage);
            assertThat(random.trials()).hasSize(3);
            assertThat(random.bestValue()).isGreaterThan(0.95);
        }
    }

    @Test
    void rejectsAnUnknownMetricWithTheValidNames() {
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new LogisticRegressionExample());
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("--metric", "auc")).isEqualTo(2);
        assertThat(err.toString()).contains("metric 'auc' is not one of accuracy, precision, recall, f1, roc_auc");
    }
}
