package io.tunekit.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.samplers.gp.internal.GaussianProcess;
import io.tunekit.samplers.gp.internal.KernelParams;
import io.tunekit.samplers.gp.internal.Matern52;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static final boolean[] NUMERIC = {false};

    /**
     * Two observations y(0) = 1, y(1) = -1 with theta = 1, s = 1, noise 0.01: the 2 x 2 algebra by
     * hand. C = [[c, m], [m, c]] with c = 1.01 and m = M(1); C^-1 = [[c, -m], [-m, c]] / (c^2 - m^2).
     */
    @Test
    void posteriorOfTwoPointsMatchesTheHandComputation() {
        double[][] x = {{0}, {1}};
        double[] y = {1, -1};
        KernelParams params = new KernelParams(new double[] {1}, 1, 0.01);
        GaussianProcess gp = new GaussianProcess(x, y, NUMERIC, params);
        double c = 1.01;
        double m = Math.exp(-Math.sqrt(5)) * (1 + Math.sqrt(5) + 5.0 / 3);
        double det = c * c - m * m;
        double alpha0 = (c * 1 - m * -1) / det;
        double alpha1 = (-m * 1 + c * -1) / det;

        for (double at : new double[] {0, 0.25, 0.5, 1.7}) {
            double k0 = Matern52.value(at * at);
            double k1 = Matern52.value((at - 1) * (at - 1));
            double mean = k0 * alpha0 + k1 * alpha1;
            double variance = 1 - (c * k0 * k0 - 2 * m * k0 * k1 + c * k1 * k1) / det;
            double[] out = new double[2];

            gp.posterior(new double[] {at}, out, null, null);

            assertThat(out[0]).as("mean at %s", at).isCloseTo(mean, within(1e-12));
            assertThat(out[1]).as("variance at %s", at).isCloseTo(variance, within(1e-12));
        }
        // At the midpoint the two observations cancel exactly.
        double[] mid = new double[2];
        gp.posterior(new double[] {0.5}, mid, null, null);
        assertThat(mid[0]).isCloseTo(0, within(1e-15));
    }

    @Test
    void posteriorGradientsMatchFiniteDifferences() {
        double[][] x = KernelFitTest.randomInputs(12, 21);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.cos(3 * x[i][0]) * (1 + x[i][1]) + x[i][2];
        }
        boolean[] categorical = {false, true, false};
        GaussianProcess gp =
                new GaussianProcess(x, y, categorical, new KernelParams(new double[] {3, 0.5, 8}, 1.4, 1e-3));
        double[] point = {0.37, 1, 0.61};
        double[] out = new double[2];
        double[] meanGradient = new double[3];
        double[] varianceGradient = new double[3];

        gp.posterior(point, out, meanGradient, varianceGradient);

        for (int d : new int[] {0, 2}) {
            double numericMean = FiniteDifferences.partial(p -> posterior(gp, p)[0], point, d, 1e-6);
            double numericVariance = FiniteDifferences.partial(p -> posterior(gp, p)[1], point, d, 1e-6);
            assertThat(meanGradient[d]).as("d mean / d x%s", d).isCloseTo(numericMean, within(1e-7));
            assertThat(varianceGradient[d]).as("d var / d x%s", d).isCloseTo(numericVariance, within(1e-7));
        }
        assertThat(meanGradient[1]).isZero();
        assertThat(varianceGradient[1]).isZero();
    }

    /**
     * Batched scoring (blocks of kernel columns solved together) must give exactly what scoring
     * one point at a time gives: the acquisition argmax and roulette picks depend on it. 300
     * points is more than two blocks and not a multiple of the block size.
     */
    @Test
    void batchedPosteriorEqualsThePointwisePosteriorExactly() {
        double[][] x = KernelFitTest.randomInputs(40, 5);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(5 * x[i][0]) - x[i][1] + x[i][2] * x[i][2];
        }
        boolean[] categorical = {false, true, false};
        GaussianProcess gp =
                new GaussianProcess(x, y, categorical, new KernelParams(new double[] {6, 0.7, 2}, 0.9, 1e-4));
        double[][] points = KernelFitTest.randomInputs(300, 6);
        points[7] = x[3].clone(); // at an observation the variance nearly vanishes
        double[] means = new double[points.length];
        double[] variances = new double[points.length];

        gp.posterior(points, means, variances);

        for (int j = 0; j < points.length; j++) {
            double[] one = posterior(gp, points[j]);
            assertThat(means[j]).as("mean %s", j).isEqualTo(one[0]);
            assertThat(variances[j]).as("variance %s", j).isEqualTo(one[1]);
        }
        assertThat(variances[7]).isLessThan(1e-3);
    }

    private static double[] posterior(GaussianProcess gp, double[] point) {
        double[] out = new double[2];
        gp.posterior(point, out, null, null);
        return out;
    }

    @Test
    void krigingBelieverCollapsesTheVarianceAtPendingPointsAndKeepsTheMean() {
        double[][] x = {{0.1}, {0.9}};
        double[] y = {0.5, -0.2};
        GaussianProcess gp = new GaussianProcess(x, y, NUMERIC, new KernelParams(new double[] {4}, 1, 1e-6));
        double[] pending = {0.5};
        double[] before = new double[2];
        double[] after = new double[2];
        gp.posterior(pending, before, null, null);

        GaussianProcess believed = gp.believing(new double[][] {pending});
        believed.posterior(pending, after, null, null);

        assertThat(believed.size()).isEqualTo(3);
        assertThat(before[1]).isGreaterThan(0.1);
        assertThat(after[1]).isLessThan(1e-5);
        assertThat(after[0]).isCloseTo(before[0], within(1e-5));
        assertThat(gp.believing(new double[0][])).isSameAs(gp);
    }

    @Test
    void rejectsACovarianceThatIsNotPositiveDefiniteInDoublePrecision() {
        // Two identical points: the noise 1e-6 vanishes next to a scale of 1e20, C is singular.
        KernelParams params = new KernelParams(new double[] {1}, 1e20, 1e-6);

        assertThatThrownBy(() ->
                        new GaussianProcess(new double[][] {{0.5}, {0.5}}, new double[] {1, 2}, NUMERIC, params))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not positive definite");
    }

    @Test
    void rejectsInconsistentInputs() {
        assertThatThrownBy(() -> new GaussianProcess(
                        new double[][] {{0}}, new double[] {1, 2}, NUMERIC, KernelParams.defaults(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 inputs but 2 outputs");
        assertThatThrownBy(() -> new KernelParams(new double[] {0}, 1, 1))
                .hasMessageContaining("inverse squared length scale 0=0.0 must be finite and > 0");
    }
}
