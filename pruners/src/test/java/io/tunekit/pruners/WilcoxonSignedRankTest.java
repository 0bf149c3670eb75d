package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.pruners.WilcoxonSignedRank.Alternative;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-sided signed-rank p-values against SciPy 1.17.1:
 * {@code scipy.stats.wilcoxon(d, alternative=..., zero_method="zsplit").pvalue}, or, where SciPy's
 * {@code auto} method is not exact (ties or zeros with 14 to 50 differences),
 * {@code scipy.stats.permutation_test((d,), r_plus, permutation_type="samples",
 * n_resamples=np.inf, alternative=...)} with the zsplit {@code R+} as statistic.
 */
class WilcoxonSignedRankTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            # textbook: every sign positive out of 5 has probability 1/32
            1 2 3 4 5;                        0.03125;            1.0
            -1 2 3 -4 5 6 7;                  0.078125;           0.9453125
            # ties and a zero, enumerated exactly by SciPy (n <= 13)
            0.5 -1.5 2.5 2.5 -0.5 3.0 0.0 1.0; 0.09375;           0.921875
            0 0 0;                            1.0;                1.0
            1 -1;                             0.75;               0.75
            """)
    void matches_scipy_on_small_samples(String differences, double greater, double less) {
        double[] d = Arrays.stream(differences.trim().split("\\s+"))
                .mapToDouble(Double::parseDouble)
                .toArray();

        assertThat(WilcoxonSignedRank.pValue(d, Alternative.GREATER)).isCloseTo(greater, within(1e-12));
        assertThat(WilcoxonSignedRank.pValue(d, Alternative.LESS)).isCloseTo(less, within(1e-12));
    }

    /**
     * Vectors {@code d_i = ((i * mult) % mod - shift) / scale}, i = 0..n-1, written the same way in
     * Python, so that long samples need not be pasted.
     */
    @ParameterizedTest(name = "n={0} mult={1} mod={2} shift={3} scale={4}")
    @CsvSource(delimiter = ';', textBlock = """
            # no ties, no zeros: SciPy's exact distribution
            12;  7919; 101;  50;  10.0;  0.849365234375;       0.169677734375
            30;  7919; 1009; 500; 100.0; 0.4276358615607023;   0.5803036279976368
            50;  7919; 1009; 480; 100.0; 0.23323651496260212;  0.7696949205968702
            # ties and zeros, 20 differences: SciPy's exact permutation test
            20;  7919; 101;  50;  10.0;  0.7481517791748047;   0.2577800750732422
            20;  13;   7;    3;   1.0;   0.43125152587890625;  0.6095657348632812
            # more than 50: SciPy's normal approximation with tie correction
            60;  7919; 101;  45;  10.0;  0.11867640374172267;  0.8813235962582773
            200; 7919; 1009; 470; 100.0; 0.04345710515968483;  0.9565428948403152
            """)
    void matches_scipy_on_generated_samples(
            int n, int mult, int mod, int shift, double scale, double greater, double less) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = ((long) i * mult % mod - shift) / scale;
        }

        assertThat(WilcoxonSignedRank.pValue(d, Alternative.GREATER)).isCloseTo(greater, within(1e-12));
        assertThat(WilcoxonSignedRank.pValue(d, Alternative.LESS)).isCloseTo(less, within(1e-12));
    }

    @Test
    void with_ties_and_zeros_up_to_50_differences_the_distribution_is_exact() {
        // 50 differences with ties and 4 zeros. SciPy 1.17's auto method gives its normal
        // approximation, 0.0339434481843006 / 0.9660565518156994. The exact tails below were
        // computed in Python with exact integers, as the coefficients of prod(1 + x^(2 r_i)) over
        // the non-zero differences' average ranks r_i, divided by 2^46.
        double[] d = new double[50];
        for (int i = 0; i < 50; i++) {
            d[i] = (i * 31 % 11 - 4) / 2.0;
        }

        assertThat(WilcoxonSignedRank.pValue(d, Alternative.GREATER)).isCloseTo(0.034069022534723103, within(1e-15));
        assertThat(WilcoxonSignedRank.pValue(d, Alternative.LESS)).isCloseTo(0.9665715526091248, within(1e-15));
    }

    @Property(tries = 200)
    void equals_the_brute_force_enumeration_of_signs(
            @ForAll @Size(min = 1, max = 14) List<@IntRange(min = -4, max = 4) Integer> values) {
        // Small integers: many ties and zeros, the cases where the exact counting is delicate.
        double[] d = values.stream().mapToDouble(Integer::doubleValue).toArray();

        assertThat(WilcoxonSignedRank.pValue(d, Alternative.GREATER))
                .isCloseTo(bruteForce(d, Alternative.GREATER), within(1e-12));
        assertThat(WilcoxonSignedRank.pValue(d, Alternative.LESS))
                .isCloseTo(bruteForce(d, Alternative.LESS), within(1e-12));
    }

    @Test
    void rejects_an_empty_sample_and_nan() {
        assertThatThrownBy(() -> WilcoxonSignedRank.pValue(new double[0], Alternative.GREATER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> WilcoxonSignedRank.pValue(new double[] {1, Double.NaN}, Alternative.GREATER))
                .isInstanceOf(RuntimeException.class);
    }

    /** The share of the 2^n sign flips of {@code d} whose zsplit R+ is at least (at most) the observed one. */
    private static double bruteForce(double[] d, Alternative alternative) {
        int n = d.length;
        double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE)
                .rank(Arrays.stream(d).map(Math::abs).toArray());
        double observed = rPlus(d, ranks, 0);
        int hits = 0;
        for (int flips = 0; flips < 1 << n; flips++) {
            double r = rPlus(d, ranks, flips);
            if (alternative == Alternative.GREATER ? r >= observed : r <= observed) {
                hits++;
            }
        }
        return (double) hits / (1 << n);
    }

    private static double rPlus(double[] d, double[] ranks, int flips) {
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            double v = (flips >> i & 1) == 1 ? -d[i] : d[i];
            sum += v > 0 ? ranks[i] : v == 0 ? ranks[i] / 2 : 0;
        }
        return sum;
    }
}
