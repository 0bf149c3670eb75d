package io.tunekit.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardNormalLogsTest {

    /** log(phi(z) + z Phi(z)) evaluated naively: fine wherever it does not underflow. */
    private static double naiveLogEi(double z) {
        return Math.log(Math.exp(StandardNormalLogs.logPdf(z)) + z * StandardNormalLogs.cdf(z));
    }

    @Test
    void logEiAtZeroIsTheLogDensityAtZero() {
        assertThat(StandardNormalLogs.logExpectedImprovement(0)).isCloseTo(-0.5 * Math.log(2 * Math.PI), within(1e-15));
    }

    @Test
    void logEiEqualsLogOfEiWhereverEiIsRepresentable() {
        for (double z = -35; z <= 30; z += 0.125) {
            double expected = naiveLogEi(z);
            assertThat(Double.isFinite(expected)).isTrue();
            // The naive form cancels digits as z falls (phi and z Phi nearly cancel): allow for it.
            double tolerance = 1e-12 * Math.max(1, z * z) * Math.max(1, Math.abs(expected));
            assertThat(StandardNormalLogs.logExpectedImprovement(z))
                    .as("z=%s", z)
                    .isCloseTo(expected, within(tolerance));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-40, -100, -1e3, -1e5, -1e8})
    void logEiStaysFiniteAndMatchesTheAsymptoticSeriesFarBelow(double z) {
        assertThat(naiveLogEi(z)).isEqualTo(Double.NEGATIVE_INFINITY); // what a naive version would give
        double t = -z;
        // phi(t) (1/t^2 - 3/t^4 + 15/t^6 - 105/t^8 + ...)
        double series = StandardNormalLogs.logPdf(t)
                - 2 * Math.log(t)
                + Math.log1p(-3 / (t * t) + 15 / Math.pow(t, 4) - 105 / Math.pow(t, 6));

        double actual = StandardNormalLogs.logExpectedImprovement(z);

        assertThat(actual).isFinite();
        assertThat(actual).isCloseTo(series, within(1e-12 * Math.abs(series) + 1e-9));
    }

    @Test
    void logEiIsIncreasingAndContinuousAcrossTheBranch() {
        double previous = Double.NEGATIVE_INFINITY;
        for (double z = -60; z <= 10; z += 0.01) {
            double v = StandardNormalLogs.logExpectedImprovement(z);
            assertThat(v).as("z=%s", z).isGreaterThan(previous);
            previous = v;
        }
        double below = StandardNormalLogs.logExpectedImprovement(Math.nextDown(StandardNormalLogs.TAIL));
        double at = StandardNormalLogs.logExpectedImprovement(StandardNormalLogs.TAIL);
        assertThat(below).isCloseTo(at, within(1e-11));
    }

    @Test
    void logEiSlopeMatchesFiniteDifferences() {
        for (double z : new double[] {-200, -30, -6, -5.0000001, -4.9999999, -2, -0.3, 0, 1.7, 8}) {
            double h = 1e-6 * Math.max(1, Math.abs(z));
            double numeric = (StandardNormalLogs.logExpectedImprovement(z + h)
                            - StandardNormalLogs.logExpectedImprovement(z - h))
                    / (2 * h);
            assertThat(StandardNormalLogs.logExpectedImprovementSlope(z))
                    .as("z=%s", z)
                    .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void logCdfEqualsLogOfCdfWhereRepresentableAndStaysFiniteBelow() {
        for (double z = -37; z <= 8; z += 0.125) {
            double expected = Math.log(StandardNormalLogs.cdf(z));
            assertThat(StandardNormalLogs.logCdf(z))
                    .as("z=%s", z)
                    .isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
        double t = 1e3;
        double series = StandardNormalLogs.logPdf(t) - Math.log(t) + Math.log1p(-1 / (t * t) + 3 / Math.pow(t, 4));
        assertThat(StandardNormalLogs.logCdf(-t)).isCloseTo(series, within(1e-9));
        // Far above, log Phi -> 0 from below without rounding to a positive value.
        assertThat(StandardNormalLogs.logCdf(10)).isNegative().isCloseTo(-7.6198530241605e-24, within(1e-30));
    }

    @Test
    void logCdfSlopeMatchesFiniteDifferences() {
        for (double z : new double[] {-300, -20, -5.0000001, -4.9999999, -1, 0, 2.5}) {
            double h = 1e-6 * Math.max(1, Math.abs(z));
            double numeric = (StandardNormalLogs.logCdf(z + h) - StandardNormalLogs.logCdf(z - h)) / (2 * h);
            assertThat(StandardNormalLogs.logCdfSlope(z))
                    .as("z=%s", z)
                    .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }
}
