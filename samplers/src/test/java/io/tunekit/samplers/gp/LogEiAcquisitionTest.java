package io.tunekit.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.samplers.gp.internal.GaussianProcess;
import io.tunekit.samplers.gp.internal.KernelParams;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogEiAcquisitionTest {

    private static final boolean[] MIXED = {false, true, false};

    private static GaussianProcess gp(double shift) {
        double[][] x = KernelFitTest.randomInputs(15, 41);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(5 * x[i][0] + shift) - x[i][2] + 0.2 * x[i][1];
        }
        return new GaussianProcess(x, y, MIXED, new KernelParams(new double[] {4, 0.7, 2}, 1.1, 1e-4));
    }

    @Test
    void valueIsLogEiOfThePosteriorPlusLogFeasibility() {
        GaussianProcess objective = gp(0);
        GaussianProcess constraint = gp(1);
        double best = 0.8;
        double threshold = -0.3;
        LogEiAcquisition acquisition =
                new LogEiAcquisition(objective, best, List.of(constraint), new double[] {threshold}, 3);
        double[] point = {0.42, 2, 0.13};
        double[] o = new double[2];
        double[] c = new double[2];
        objective.posterior(point, o, null, null);
        constraint.posterior(point, c, null, null);
        double sigma = Math.sqrt(o[1] + 1e-12);
        double z = (o[0] - best) / sigma;
        double ei = sigma * (Math.exp(StandardNormalLogs.logPdf(z)) + z * StandardNormalLogs.cdf(z));
        double feasible = StandardNormalLogs.cdf((c[0] - threshold) / Math.sqrt(c[1] + 1e-12));

        assertThat(acquisition.value(point)).isCloseTo(Math.log(ei) + Math.log(feasible), within(1e-10));
        double[] batch = new double[1];
        acquisition.values(new double[][] {point}, batch);
        assertThat(batch[0]).isCloseTo(acquisition.value(point), within(1e-12));
    }

    @Test
    void withoutAFeasibleIncumbentOnlyFeasibilityCounts() {
        GaussianProcess constraint = gp(1);
        LogEiAcquisition acquisition =
                new LogEiAcquisition(null, Double.NEGATIVE_INFINITY, List.of(constraint), new double[] {0.1}, 3);
        double[] point = {0.3, 0, 0.9};
        double[] c = new double[2];
        constraint.posterior(point, c, null, null);

        assertThat(acquisition.value(point))
                .isCloseTo(StandardNormalLogs.logCdf((c[0] - 0.1) / Math.sqrt(c[1] + 1e-12)), within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        LogEiAcquisition acquisition = new LogEiAcquisition(gp(0), 0.5, List.of(gp(2)), new double[] {0.2}, 3);
        for (double[] point : new double[][] {{0.42, 2, 0.13}, {0.9, 0, 0.55}, {0.05, 1, 0.97}}) {
            double[] gradient = new double[3];
            double value = acquisition.valueAndGradient(point, gradient);
            assertThat(value).isCloseTo(acquisition.value(point), within(1e-12));
            for (int d : new int[] {0, 2}) {
                double numeric = FiniteDifferences.partial(acquisition::value, point, d, 1e-6);
                assertThat(gradient[d])
                        .as("d/dx%s at %s", d, java.util.Arrays.toString(point))
                        .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
            }
            assertThat(gradient[1]).isZero();
        }
    }

    @Test
    void staysFiniteAndOrderedFarBelowTheIncumbent() {
        GaussianProcess objective = gp(0);
        double[] near = {0.42, 2, 0.13};
        double[] o = new double[2];
        objective.posterior(near, o, null, null);
        // An incumbent hundreds of standard deviations above the predicted mean.
        LogEiAcquisition far =
                new LogEiAcquisition(objective, o[0] + 500 * Math.sqrt(o[1]), List.of(), new double[0], 3);
        LogEiAcquisition farther =
                new LogEiAcquisition(objective, o[0] + 900 * Math.sqrt(o[1]), List.of(), new double[0], 3);

        assertThat(far.value(near)).isFinite().isGreaterThan(farther.value(near));
    }

    @Test
    void krigingBelieverCollapsesTheAcquisitionAtARunningPoint() {
        GaussianProcess objective = gp(0);
        double[] pending = {0.61, 1, 0.35};
        double[] o = new double[2];
        objective.posterior(pending, o, null, null);
        double best = o[0]; // make the pending point attractive: its mean equals the incumbent
        LogEiAcquisition before = new LogEiAcquisition(objective, best, List.of(), new double[0], 3);
        LogEiAcquisition after =
                new LogEiAcquisition(objective.believing(new double[][] {pending}), best, List.of(), new double[0], 3);

        // EI with z = 0 is sigma * phi(0): sigma drops to the noise level, log EI by several units.
        assertThat(before.value(pending) - after.value(pending)).isGreaterThan(3);
    }
}
