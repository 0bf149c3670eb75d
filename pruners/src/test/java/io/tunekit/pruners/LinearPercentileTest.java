package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The percentile equals NumPy 2.4's {@code np.nanpercentile(values, q)} to the last bit,
 * including the cases where Commons Math's R_7 percentile is an ulp off (marked) and NumPy's
 * NaN from interpolating towards an infinity.
 */
class LinearPercentileTest {

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 2 3 4                        | 50                | 2.5
            0.1 0.2 0.7                    | 10                | 0.12000000000000001
            -0.2 -0.18 0.3 0.9 1.1         | 10                | -0.192
            5.0 1.0 nan 3.0                | 75                | 4.0
            0.3 0.1 0.6 0.2 0.9 0.4 0.5    | 33.3              | 0.29979999999999996
            # Commons Math R_7 gives 0.30000000000000004 and 0.35 for the next two
            0.44 0.03 0.16 0.92            | 50                | 0.3
            0.05 0.05 1.0 0.65             | 50                | 0.35000000000000003
            0.66 0.14 0.3                  | 90                | 0.5880000000000001
            0.35 0.45 0.65 0.85            | 62.23133637152601 | 0.6233880182291561
            77.0 77.1 76.9 76.0 78.2       | 90                | 77.76
            7.0                            | 0                 | 7.0
            7.0                            | 100               | 7.0
            2.0 1.0                        | 0                 | 1.0
            nan                            | 50                | nan
            1.0 inf                        | 100               | nan
            1.0 inf                        | 50                | nan
            -inf 1.0                       | 25                | nan
            """)
    void equals_numpy_nanpercentile(String values, double q, String expected) {
        double[] v = Arrays.stream(values.trim().split("\\s+"))
                .mapToDouble(PrunerCase::number)
                .toArray();

        double p = LinearPercentile.of(v, q);

        assertThat(Double.doubleToLongBits(p))
                .as("%s, expected %s", p, expected)
                .isEqualTo(Double.doubleToLongBits(PrunerCase.number(expected)));
    }
}
