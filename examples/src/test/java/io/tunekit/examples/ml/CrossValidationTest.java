package io.tunekit.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void textbookSettingScoresWellOnBreastCancer() {
        CrossValidation cv = CrossValidation.stratified(Datasets.breastCancer(), 5, 0);
        assertThat(cv.folds()).isEqualTo(5);
        double[] folds = cv.foldScores(LogisticRegression.of(Penalty.L2, 1), Metric.ACCURACY);
        assertThat(folds).hasSize(5);
        assertThat(java.util.Arrays.stream(folds).min().orElseThrow()).isGreaterThan(0.9);
        assertThat(cv.score(LogisticRegression.of(Penalty.L2, 1), Metric.ACCURACY))
                .isGreaterThan(0.96);
        // With every weight forced to zero all rows get the same score: no ranking at all.
        assertThat(cv.score(LogisticRegression.of(Penalty.L1, 1e-4), Metric.ROC_AUC))
                .isEqualTo(0.5);
    }

    @Test
    void rejectsMoreThanTwoClasses() {
        Dataset three = new Dataset(new double[][] {{1}, {2}, {3}}, new int[] {0, 1, 2}, List.of("a", "b", "c"));
        assertThatThrownBy(() -> CrossValidation.stratified(three, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 classes");
    }
}
