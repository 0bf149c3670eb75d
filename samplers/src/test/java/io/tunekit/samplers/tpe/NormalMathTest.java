package io.tunekit.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class NormalMathTest {

    @Test
    void erfcMatchesReferenceValuesAndCommonsMath() {
        // mpmath.erfc with 40 digits
        double[][] reference = {
            {-1.5, 1.9661051464753107},
            {0.1, 0.8875370839817151},
            {0.5, 0.47950012218695346},
            {1.0, 0.15729920705028513},
            {2.0, 0.0046777349810472658},
            {5.0, 1.5374597944280349e-12},
            {11.7709, 3.2046949978921458e-62},
            {26.5, 2.2109076642637343e-307}
        };
        for (double[] r : reference) {
            assertThat(NormalMath.erfc(r[0])).as("erfc(%s)", r[0]).isCloseTo(r[1], within(1e-15 * r[1]));
        }
        // a broad sweep against commons-math, whose continued fraction is itself off by ~1e-13 beyond x = 20
        for (double x = -6; x <= 26; x += 0.0371) {
            double expected = Erf.erfc(x);
            assertThat(NormalMath.erfc(x)).as("erfc(%s)", x).isCloseTo(expected, within(1e-12 * expected));
        }
        assertThat(NormalMath.erfc(0)).isEqualTo(1.0);
        assertThat(NormalMath.erfc(Double.POSITIVE_INFINITY)).isZero();
        assertThat(NormalMath.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
    }

    /** {@code log Phi(z)} for {@code z << 0} from the asymptotic series. */
    private static double logNdtrSeries(double z) {
        double z2 = z * z;
        double series = 1 - 1 / z2 + 3 / (z2 * z2) - 15 / (z2 * z2 * z2) + 105 / (z2 * z2 * z2 * z2);
        return NormalMath.logPhi(z) - Math.log(-z) + Math.log(series);
    }

    @Test
    void logNdtrIsFiniteAndAccurateDeepInTheTails() {
        for (double z : new double[] {-40, -60, -100, -1000}) {
            assertThat(NormalMath.logNdtr(z))
                    .as("z=%s", z)
                    .isCloseTo(logNdtrSeries(z), within(1e-12 * Math.abs(logNdtrSeries(z))));
        }
        assertThat(NormalMath.logNdtr(-3)).isCloseTo(Math.log(0.5 * Erf.erfc(3 / Math.sqrt(2))), within(1e-14));
        // upper tail: log(1 - Phi(-z)) with Phi(-9) ~ 1.1e-19
        assertThat(NormalMath.logNdtr(9)).isCloseTo(-0.5 * Erf.erfc(9 / Math.sqrt(2)), within(1e-30));
    }

    @Test
    void logMassOfFarIntervalsIsNeverMinusInfinity() {
        double tail = NormalMath.logGaussMass(-40, -39);
        assertThat(tail).isFinite().isCloseTo(logNdtrSeries(-39), within(1e-9));
        assertThat(NormalMath.logGaussMass(39, 40)).isEqualTo(tail);
        assertThat(NormalMath.logGaussMass(-1, 1)).isCloseTo(Math.log(1 - Erf.erfc(1 / Math.sqrt(2))), within(1e-15));
        assertThat(NormalMath.logGaussMass(2, 2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalMath.logCentralMass(-9.5, 20)).isZero();
        assertThat(NormalMath.logCentralMass(-3, 20)).isEqualTo(NormalMath.logGaussMass(-3, 20));
    }

    @Test
    void truncatedQuantilesInvertTheTruncatedCdfEvenInTheTails() {
        double[][] intervals = {{-1, 2}, {30, 31}, {-31, -30}, {-50, 50}, {0, 0.001}};
        for (double[] ab : intervals) {
            for (double q : new double[] {1e-10, 0.3, 0.5, 0.9999}) {
                double x = NormalMath.truncatedPpf(q, ab[0], ab[1]);
                assertThat(x).isBetween(ab[0], ab[1]);
                double cdf = Math.exp(NormalMath.logGaussMass(ab[0], x) - NormalMath.logGaussMass(ab[0], ab[1]));
                assertThat(cdf).as("q=%s on [%s, %s]", q, ab[0], ab[1]).isCloseTo(q, within(1e-9 * Math.max(q, 1e-3)));
            }
        }
        for (double z : new double[] {-50, -5, -0.1, 0, 0.7, 6}) {
            assertThat(NormalMath.inverseLogNdtr(NormalMath.logNdtr(z)))
                    .isCloseTo(z, within(1e-12 * Math.max(1, Math.abs(z))));
        }
    }

    @Test
    void as241QuantileAgreesWithTheNewtonInverseOfLogPhi() {
        for (double p : new double[] {0.5, 0.4999999, 0.3, 0.075, 0.07, 1e-3, 1e-10, 1e-11, 1e-50, 1e-200, 1e-300}) {
            double z = NormalMath.lowerQuantile(p);
            assertThat(z)
                    .as("p=%s", p)
                    .isCloseTo(NormalMath.inverseLogNdtr(Math.log(p)), within(1e-14 * Math.max(1, Math.abs(z))));
        }
        assertThat(NormalMath.lowerQuantile(0.5)).isEqualTo(0.0);
        assertThat(-NormalMath.lowerQuantile(0.025)).isCloseTo(1.959963984540054, within(1e-15));
    }

    @Test
    void theLinearTruncatedQuantileMatchesTheLogSpaceOneToRoundOff() {
        // the kernels' intervals: mean anywhere, bandwidth from 1/100 of the range to the range,
        // plus intervals deep in one tail where the log-space path takes over
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double a;
            double b;
            if (i % 10 == 0) {
                a = -60 + 120 * random.nextDouble();
                b = a + 0.01 + 5 * random.nextDouble();
            } else {
                double mu = -0.5 + 2 * random.nextDouble();
                double sigma = Math.exp(Math.log(0.01) * random.nextDouble());
                a = -mu / sigma;
                b = (1 - mu) / sigma;
            }
            double q = random.nextDouble();
            double fast = NormalMath.truncatedPpf(q, a, b);
            double reference = a >= 0 ? -NormalMath.logSpacePpf(1 - q, -b, -a) : NormalMath.logSpacePpf(q, a, b);
            reference = Math.min(Math.max(reference, a), b);
            assertThat(fast)
                    .as("q=%s on [%s, %s]", q, a, b)
                    .isCloseTo(reference, within(1e-13 * Math.max(1, Math.abs(reference))));
        }
    }

    @Test
    void logSumExpIsStableAndIgnoresMinusInfinity() {
        double[] x = {1000, 1000 + Math.log(3), Double.NEGATIVE_INFINITY};
        assertThat(NormalMath.logSumExp(x, 3)).isCloseTo(1000 + Math.log(4), within(1e-12));
        assertThat(NormalMath.logSumExp(new double[] {Double.NEGATIVE_INFINITY}, 1))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalMath.logAddExp(Math.log(2), Math.log(5))).isCloseTo(Math.log(7), within(1e-15));
    }
}
