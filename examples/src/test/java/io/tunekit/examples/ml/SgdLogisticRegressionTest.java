package io.tunekit.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SgdLogisticRegressionTest {

    private static double[][] x;
    private static int[] y;

    @BeforeAll
    static void breastCancer() {
        Dataset data = Datasets.breastCancer();
        x = Standardizer.fit(data.features()).transform(data.features());
        y = data.labels();
    }

    @Test
    void starts_at_chance_and_learns_epoch_by_epoch() {
        SgdLogisticRegression sgd = SgdLogisticRegression.start(x, y, 0.1, 1e-4, 32, 7);
        assertThat(sgd.loss(x, y)).isCloseTo(Math.log(2), within(1e-12));

        double previous = sgd.loss(x, y);
        for (int epoch = 1; epoch <= 5; epoch++) {
            sgd.epoch();
            double loss = sgd.loss(x, y);
            assertThat(loss).as("epoch %d", epoch).isLessThan(previous);
            previous = loss;
        }
        assertThat(sgd.epochs()).isEqualTo(5);
        assertThat(previous).isLessThan(0.15);
    }

    @Test
    void a_tiny_learning_rate_learns_slowly_and_the_seed_fixes_the_run() {
        SgdLogisticRegression slow = SgdLogisticRegression.start(x, y, 1e-4, 0, 32, 7);
        SgdLogisticRegression fast = SgdLogisticRegression.start(x, y, 0.1, 0, 32, 7);
        SgdLogisticRegression again = SgdLogisticRegression.start(x, y, 0.1, 0, 32, 7);
        for (int epoch = 0; epoch < 3; epoch++) {
            slow.epoch();
            fast.epoch();
            again.epoch();
        }

        assertThat(slow.loss(x, y)).isGreaterThan(0.5);
        assertThat(fast.loss(x, y)).isEqualTo(again.loss(x, y));
    }

    @Test
    void rejects_bad_settings() {
        assertThatThrownBy(() -> SgdLogisticRegression.start(x, y, 0, 0, 32, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learningRate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> SgdLogisticRegression.start(x, y, 0.1, -1, 32, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("l2 must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> SgdLogisticRegression.start(x, y, 0.1, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be >= 1, got 0");
        assertThatThrownBy(() -> SgdLogisticRegression.start(x, new int[] {1}, 0.1, 0, 32, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
