package io.tunekit.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void matchesNumpyLinearInterpolation() {
        // numpy.quantile([7, 1, 3, 10], [0, .25, .5, .75, 1]) == [1, 2.5, 5, 7.75, 10]
        double[] x = {7, 1, 3, 10};
        assertThat(Quantiles.of(x, 0)).isEqualTo(1);
        assertThat(Quantiles.of(x, 0.25)).isEqualTo(2.5);
        assertThat(Quantiles.median(x)).isEqualTo(5);
        assertThat(Quantiles.of(x, 0.75)).isEqualTo(7.75);
        assertThat(Quantiles.of(x, 1)).isEqualTo(10);
        assertThat(x).containsExactly(7, 1, 3, 10);
    }

    @Test
    void fifteenSeedsUseTheOrderStatisticsThreeAndElevenForTheQuartiles() {
        double[] x = new double[15];
        for (int i = 0; i < 15; i++) {
            x[i] = (14 - i) * (14 - i); // 196, 169, ..., 0
        }
        // h = 14 * 0.25 = 3.5: between sorted[3] = 9 and sorted[4] = 16
        assertThat(Quantiles.of(x, 0.25)).isCloseTo(12.5, within(1e-12));
        assertThat(Quantiles.median(x)).isEqualTo(49);
        assertThat(Quantiles.of(x, 0.75)).isCloseTo((100 + 121) / 2.0, within(1e-12));
    }

    @Test
    void rejectsEmptySamplesAndBadProbabilities() {
        assertThatThrownBy(() -> Quantiles.median(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.of(new double[] {1}, 1.5)).hasMessageContaining("p=1.5");
    }

    @Test
    void seedListsAcceptRangesAndSingles() {
        assertThat(Seeds.parse("0-3")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(Seeds.parse("5, 1-2,5")).containsExactly(5L, 1L, 2L);
        assertThatThrownBy(() -> Seeds.parse("3-1")).hasMessageContaining("from <= to");
        assertThatThrownBy(() -> Seeds.parse("a")).hasMessageContaining("'a'");
    }
}
