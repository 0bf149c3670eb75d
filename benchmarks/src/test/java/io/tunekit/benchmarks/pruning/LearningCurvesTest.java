package io.tunekit.benchmarks.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningCurvesTest {

    @Test
    void the_final_score_is_best_at_the_centre() {
        assertThat(LearningCurves.of(new double[] {0.3, 0.7, 0.5, 0.2}, 0).finalScore())
                .isCloseTo(0.1, within(1e-15));
        // 0.1 + 1.0 * 0.09 + 0.8 * 0.09 + 0.6 * 0.25 + 0.4 * 0.04
        assertThat(LearningCurves.of(new double[] {0, 1, 0, 0}, 0).finalScore()).isCloseTo(0.428, within(1e-12));
    }

    @Test
    void a_curve_starts_at_1_5_and_approaches_the_final_score() {
        LearningCurves curve = LearningCurves.of(new double[] {0.0, 0.7, 0.5, 0.2}, 0);

        assertThat(curve.expected(0)).isEqualTo(LearningCurves.START);
        assertThat(curve.expected(10)).isGreaterThan(curve.expected(11)).isGreaterThan(curve.finalScore());
        assertThat(curve.expected(49) - curve.finalScore()).isBetween(0.0, 0.03);
    }

    @Test
    void a_slow_learner_looks_worse_early_than_a_fast_one_that_ends_worse() {
        LearningCurves slowButGood = LearningCurves.of(new double[] {0.0, 0.7, 0.5, 0.2}, 0);
        LearningCurves fastButWorse = LearningCurves.of(new double[] {1.0, 0.7, 0.5, 0.2}, 0);

        assertThat(slowButGood.finalScore()).isLessThan(fastButWorse.finalScore());
        assertThat(slowButGood.expected(5)).isGreaterThan(fastButWorse.expected(5));
    }

    @Test
    void observations_are_noisy_around_the_curve_and_reproducible_by_seed() {
        LearningCurves a = LearningCurves.of(new double[] {0.5, 0.5, 0.5, 0.5}, 42);
        LearningCurves b = LearningCurves.of(new double[] {0.5, 0.5, 0.5, 0.5}, 42);
        double sum = 0;
        double sumSquares = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double noise = a.observe(100) - a.expected(100);
            assertThat(b.observe(100) - b.expected(100)).isEqualTo(noise);
            sum += noise;
            sumSquares += noise * noise;
        }
        assertThat(sum / n).isCloseTo(0, within(0.002));
        assertThat(Math.sqrt(sumSquares / n)).isCloseTo(LearningCurves.NOISE, within(0.002));
    }

    @Test
    void rejects_a_configuration_of_the_wrong_size() {
        assertThatThrownBy(() -> LearningCurves.of(new double[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 parameters");
    }
}
