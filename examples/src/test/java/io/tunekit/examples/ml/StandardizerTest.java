package io.tunekit.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    @Test
    void fittedRowsGetMeanZeroAndDeviationOne() {
        double[][] train = {{1, 10}, {3, 10}, {5, 10}, {7, 10}};
        double[][] scaled = Standardizer.fit(train).transform(train);
        // Feature 0: mean 4, population deviation sqrt(5).
        double sd = Math.sqrt(5);
        assertThat(scaled[0][0]).isCloseTo(-3 / sd, within(1e-12));
        assertThat(scaled[3][0]).isCloseTo(3 / sd, within(1e-12));
        // A constant feature is centred and not divided by zero.
        assertThat(scaled[2][1]).isZero();
    }

    @Test
    void newRowsUseTheTrainingStatistics() {
        Standardizer scaler = Standardizer.fit(new double[][] {{0}, {2}});
        // Training mean 1 and deviation 1, whatever the new rows' own statistics are.
        assertThat(scaler.transform(new double[][] {{101}, {103}})).isEqualTo(new double[][] {{100}, {102}});
    }

    @Test
    void rejectsRowsOfAnotherWidth() {
        Standardizer scaler = Standardizer.fit(new double[][] {{0, 1}});
        assertThatThrownBy(() -> scaler.transform(new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 1 features");
    }
}
