package io.tunekit.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricTest {

    // Predicted 1 at p >= 0.5: [1, 1, 0, 1, 0, 0, 1, 1] -> TP 3 (rows 0, 1, 6), FN 1 (row 2),
    // FP 2 (rows 3, 7), TN 2 (rows 4, 5).
    private static final int[] TRUTH = {1, 1, 1, 0, 0, 0, 1, 0};
    private static final double[] PROBABILITY = {0.9, 0.8, 0.3, 0.6, 0.2, 0.1, 0.7, 0.55};

    @Test
    void labelMetricsFromTheConfusionMatrix() {
        assertThat(Metric.ACCURACY.score(TRUTH, PROBABILITY)).isCloseTo(5 / 8.0, within(1e-12));
        assertThat(Metric.PRECISION.score(TRUTH, PROBABILITY)).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(Metric.RECALL.score(TRUTH, PROBABILITY)).isCloseTo(3 / 4.0, within(1e-12));
        assertThat(Metric.F1.score(TRUTH, PROBABILITY)).isCloseTo(6 / 9.0, within(1e-12));
    }

    @Test
    void rocAucCountsCorrectlyOrderedPairs() {
        // Positives 0.9, 0.8, 0.3, 0.7 against negatives 0.6, 0.2, 0.1, 0.55: 4 + 4 + 2 + 4 = 14 of 16 pairs.
        assertThat(Metric.ROC_AUC.score(TRUTH, PROBABILITY)).isCloseTo(14 / 16.0, within(1e-12));
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // Pairs (0.5, 0.5) = 1/2, (0.5, 0.2) = 1, (0.8, 0.5) = 1, (0.8, 0.2) = 1.
        assertThat(Metric.ROC_AUC.score(new int[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.8, 0.2}))
                .isCloseTo(3.5 / 4, within(1e-12));
    }

    @Test
    void perfectAndReversedRankings() {
        int[] truth = {0, 0, 1, 1};
        assertThat(Metric.ROC_AUC.score(truth, new double[] {0.1, 0.2, 0.3, 0.4}))
                .isEqualTo(1.0);
        assertThat(Metric.ROC_AUC.score(truth, new double[] {0.4, 0.3, 0.2, 0.1}))
                .isEqualTo(0.0);
    }

    @Test
    void halfIsPredictedPositive() {
        assertThat(Metric.ACCURACY.score(new int[] {1, 0}, new double[] {0.5, 0.4999}))
                .isEqualTo(1.0);
    }

    @Test
    void emptyDenominatorsScoreZero() {
        int[] truth = {1, 0, 1};
        double[] allNegative = {0.1, 0.2, 0.3};
        assertThat(Metric.PRECISION.score(truth, allNegative)).isZero();
        assertThat(Metric.RECALL.score(truth, allNegative)).isZero();
        assertThat(Metric.F1.score(truth, allNegative)).isZero();
        assertThat(Metric.RECALL.score(new int[] {0, 0}, new double[] {0.9, 0.1}))
                .isZero();
    }

    @Test
    void rejectsInputItCannotScore() {
        assertThatThrownBy(() -> Metric.ROC_AUC.score(new int[] {1, 1}, new double[] {0.2, 0.9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one class");
        assertThatThrownBy(() -> Metric.ACCURACY.score(new int[] {1, 2}, new double[] {0.2, 0.9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 2");
        assertThatThrownBy(() -> Metric.ACCURACY.score(new int[] {1}, new double[] {0.2, 0.9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 labels and 2 predictions");
        assertThatThrownBy(() -> Metric.F1.score(new int[] {1}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    @Test
    void parsesCommandLineNames() {
        assertThat(Metric.parse("roc-auc")).isEqualTo(Metric.ROC_AUC);
        assertThat(Metric.parse("F1")).isEqualTo(Metric.F1);
        assertThatThrownBy(() -> Metric.parse("auc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric 'auc' is not one of accuracy, precision, recall, f1, roc_auc");
    }
}
