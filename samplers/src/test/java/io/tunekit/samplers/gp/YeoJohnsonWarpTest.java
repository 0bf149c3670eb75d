package io.tunekit.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class YeoJohnsonWarpTest {

    @Test
    void lambdaOneIsTheIdentity() {
        YeoJohnsonWarp identity = YeoJohnsonWarp.withLambda(1);
        for (double y : new double[] {-30, -2.5, -1e-9, 0, 1e-9, 0.7, 4, 30}) {
            assertThat(identity.apply(y)).as("y=%s", y).isCloseTo(y, within(1e-12 * Math.max(1, Math.abs(y))));
        }
    }

    @Test
    void matchesTheDefinitionAtHandPickedPoints() {
        // ((1 + 3)^0.5 - 1) / 0.5 = 2;  -((1 + 3)^(2 - 0.5) - 1) / 1.5 = -14/3
        assertThat(YeoJohnsonWarp.withLambda(0.5).apply(3)).isCloseTo(2, within(1e-14));
        assertThat(YeoJohnsonWarp.withLambda(0.5).apply(-3)).isCloseTo(-14.0 / 3, within(1e-14));
        // lambda = 0 is log(1 + y) above zero, lambda = 2 is -log(1 - y) below.
        assertThat(YeoJohnsonWarp.withLambda(0).apply(Math.E - 1)).isCloseTo(1, within(1e-15));
        assertThat(YeoJohnsonWarp.withLambda(2).apply(1 - Math.E)).isCloseTo(-1, within(1e-15));
    }

    @Test
    void isContinuousInLambdaAcrossTheLogarithmicLimits() {
        for (double y : new double[] {-5, -0.3, 0.3, 5}) {
            for (double limit : new double[] {0, 2}) {
                double at = YeoJohnsonWarp.withLambda(limit).apply(y);
                assertThat(YeoJohnsonWarp.withLambda(limit + 1e-9).apply(y)).isCloseTo(at, within(1e-7));
                assertThat(YeoJohnsonWarp.withLambda(limit - 1e-9).apply(y)).isCloseTo(at, within(1e-7));
            }
        }
    }

    @Property
    void keepsTheOrderOfValues(
            @ForAll @DoubleRange(min = -40, max = 40) double a,
            @ForAll @DoubleRange(min = -40, max = 40) double b,
            @ForAll @DoubleRange(min = YeoJohnsonWarp.MIN_LAMBDA, max = YeoJohnsonWarp.MAX_LAMBDA) double lambda) {
        YeoJohnsonWarp warp = YeoJohnsonWarp.withLambda(lambda);
        if (a < b) {
            assertThat(warp.apply(a)).isLessThanOrEqualTo(warp.apply(b));
        } else if (a > b) {
            assertThat(warp.apply(a)).isGreaterThanOrEqualTo(warp.apply(b));
        }
    }

    @Test
    void theFittedLambdaMaximisesTheLikelihoodOverAFineGrid() {
        double[] skewed = standardized(logNormal(200, 1.0, new Random(5)));
        YeoJohnsonWarp fitted = YeoJohnsonWarp.fit(skewed);
        double fittedLikelihood = YeoJohnsonWarp.logLikelihood(skewed, fitted.lambda());
        for (double l = YeoJohnsonWarp.MIN_LAMBDA; l <= YeoJohnsonWarp.MAX_LAMBDA; l += 0.01) {
            assertThat(YeoJohnsonWarp.logLikelihood(skewed, l))
                    .as("lambda=%s", l)
                    .isLessThanOrEqualTo(fittedLikelihood + 1e-9);
        }
    }

    /**
     * The exponent scipy.stats.yeojohnson finds for the standardised, negated styblinski_tang8
     * values of KernelFitTest's data sets ({@code benchmarks/scripts/gp_map_fit_check.py}).
     */
    @Test
    void theFittedLambdaIsScipys() {
        double[] scipyLambda = {1.210447, 1.175236, 1.215625};
        for (int seed = 1; seed <= 3; seed++) {
            double[] y = KernelFitTest.styblinskiTang8(new double[60][8], seed);
            assertThat(YeoJohnsonWarp.fit(y).lambda())
                    .as("seed %d", seed)
                    .isCloseTo(scipyLambda[seed - 1], within(1e-5));
        }
    }

    @Test
    void leavesNormalDataNearlyAlone() {
        Random random = new Random(11);
        double[] normal = new double[2000];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = random.nextGaussian();
        }
        assertThat(YeoJohnsonWarp.fit(normal).lambda()).isCloseTo(1, within(0.15));
    }

    @Test
    void compressesALongRightTailAndALongLeftTail() {
        double[] right = standardized(logNormal(300, 1.5, new Random(3)));
        double[] left = negated(right);

        YeoJohnsonWarp rightWarp = YeoJohnsonWarp.fit(right);
        YeoJohnsonWarp leftWarp = YeoJohnsonWarp.fit(left);

        assertThat(rightWarp.lambda()).isLessThan(0.5);
        assertThat(leftWarp.lambda()).isGreaterThan(1.5);
        assertThat(Math.abs(skewness(rightWarp.apply(right)))).isLessThan(Math.abs(skewness(right)) / 4);
        assertThat(Math.abs(skewness(leftWarp.apply(left)))).isLessThan(Math.abs(skewness(left)) / 4);
    }

    @Test
    void isTheIdentityWhenTheValuesDoNotVary() {
        assertThat(YeoJohnsonWarp.fit(new double[] {0.5, 0.5, 0.5}).lambda()).isEqualTo(1);
        assertThat(YeoJohnsonWarp.fit(new double[] {2}).lambda()).isEqualTo(1);
    }

    @Test
    void refusesNonFiniteInput() {
        assertThatThrownBy(() -> YeoJohnsonWarp.fit(new double[] {0, Double.NaN, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> YeoJohnsonWarp.withLambda(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lambda=Infinity");
    }

    private static double[] logNormal(int n, double sigma, Random random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.exp(sigma * random.nextGaussian());
        }
        return v;
    }

    private static double[] standardized(double[] v) {
        return GpSampler.standardize(v).values();
    }

    private static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double skewness(double[] v) {
        double mean = 0;
        for (double e : v) {
            mean += e;
        }
        mean /= v.length;
        double m2 = 0;
        double m3 = 0;
        for (double e : v) {
            m2 += (e - mean) * (e - mean);
            m3 += (e - mean) * (e - mean) * (e - mean);
        }
        m2 /= v.length;
        m3 /= v.length;
        return m3 / Math.pow(m2, 1.5);
    }
}
