package io.tunekit.samplers.gp;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KernelFitTest {

    private static final boolean[] MIXED = {false, true, false};

    @Test
    void maternValuesAndSlope() {
        assertThat(Matern52.value(0)).isEqualTo(1.0);
        // r2 = 0.2: sqrt(5 r2) = 1, so M = e^-1 (1 + 1 + 1/3).
        assertThat(Matern52.value(0.2)).isCloseTo(Math.exp(-1) * 7 / 3, within(1e-15));
        assertThat(Matern52.slope(0)).isEqualTo(-5.0 / 6.0);
        for (double r2 : new double[] {1e-4, 0.05, 0.2, 1, 3, 20}) {
            double h = 1e-6 * r2;
            double numeric = (Matern52.value(r2 + h) - Matern52.value(r2 - h)) / (2 * h);
            assertThat(Matern52.slope(r2)).as("r2=%s", r2).isCloseTo(numeric, within(1e-7));
        }
    }

    @Test
    void categoricalDimensionsUseTheHammingDistance() {
        KernelParams params = new KernelParams(new double[] {2, 3, 5}, 1, 1);
        double[] a = {0.1, 2, 0.5};
        double[] b = {0.4, 0, 0.5};
        double[] c = {0.4, 2, 0.5};

        // 2 * 0.3^2 + 3 * 1 + 5 * 0
        assertThat(Matern52.scaledSquaredDistance(a, b, params, MIXED)).isCloseTo(0.18 + 3, within(1e-15));
        assertThat(Matern52.scaledSquaredDistance(a, c, params, MIXED)).isCloseTo(0.18, within(1e-15));
    }

    @Test
    void lossOfOnePointIsTheClosedForm() {
        double[][] x = {{0.3}};
        double[] y = {1.5};
        KernelFit.MapLoss loss = new KernelFit.MapLoss(x, y, new boolean[] {false}, false);
        double[] raw = {Math.log(0.7), Math.log(1.3), Math.log(0.2 - KernelFit.MINIMUM_NOISE)};
        double c = 1.3 + 0.2;  // C = s + noise for a single point
        double logPrior = -(0.1 / 0.7 + 0.1 * 0.7) + (Math.log(1.3) - 1.3) + (0.1 * Math.log(0.2) - 30 * 0.2);
        double expected = 0.5 * Math.log(c) + 0.5 * y[0] * y[0] / c - logPrior;

        double actual = loss.valueAndGradient(raw, new double[3]);

        assertThat(actual).isCloseTo(expected, within(1e-13));
        assertThat(loss.params(raw).noiseVariance()).isCloseTo(0.2, within(1e-16));
    }

    @Test
    void lossGradientMatchesFiniteDifferences() {
        for (boolean deterministic : new boolean[] {false, true}) {
            double[][] x = randomInputs(9, 7);
            double[] y = new double[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.sin(4 * x[i][0]) + 0.3 * x[i][1] - x[i][2] * x[i][2];
            }
            KernelFit.MapLoss loss = new KernelFit.MapLoss(x, y, MIXED, deterministic);
            double[] raw = deterministic ? new double[] {0.4, -0.7, 1.1, 0.2} : new double[] {0.4, -0.7, 1.1, 0.2, -3};
            double[] gradient = new double[raw.length];
            loss.valueAndGradient(raw, gradient);

            for (int k = 0; k < raw.length; k++) {
                double numeric = FiniteDifferences.partial(r -> loss.valueAndGradient(r, new double[r.length]), raw, k, 1e-6);
                assertThat(gradient[k]).as("deterministic=%s, component %s", deterministic, k)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void fitFindsAStationaryPointAndLearnsWhichDimensionMatters() {
        double[][] x = randomInputs(40, 11);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.sin(6 * x[i][0]);  // depends on dimension 0 only
        }
        y = GpSampler.standardize(y).values();

        KernelParams fitted = KernelFit.fit(x, y, MIXED, false, null).params();

        KernelFit.MapLoss loss = new KernelFit.MapLoss(x, y, MIXED, false);
        double[] gradient = new double[5];
        loss.valueAndGradient(loss.raw(fitted), gradient);
        for (double g : gradient) {
            assertThat(Math.abs(g)).isLessThan(0.05);
        }
        assertThat(fitted.inverseSquaredLengthscale(0)).isGreaterThan(10 * fitted.inverseSquaredLengthscale(1));
        assertThat(fitted.inverseSquaredLengthscale(0)).isGreaterThan(10 * fitted.inverseSquaredLengthscale(2));
        // A noiseless smooth function: the fitted noise is small.
        assertThat(fitted.noiseVariance()).isLessThan(0.01);
    }

    @Test
    void warmStartFromTheOptimumNeedsNoWork() {
        double[][] x = randomInputs(25, 3);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i][0] - 2 * x[i][2];
        }
        y = GpSampler.standardize(y).values();
        KernelFit.Fit firstFit = KernelFit.fit(x, y, MIXED, false, null);
        KernelParams first = firstFit.params();

        KernelParams again = KernelFit.fit(x, y, MIXED, false, firstFit).params();

        assertThat(again.scale()).isCloseTo(first.scale(), within(1e-3 * first.scale()));
        assertThat(again.inverseSquaredLengthscale(0)).isCloseTo(first.inverseSquaredLengthscale(0),
                within(1e-2 * first.inverseSquaredLengthscale(0)));
    }

    @Test
    void deterministicObjectiveKeepsTheNoiseAtItsFloor() {
        double[][] x = randomInputs(15, 5);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i][0] * x[i][0];
        }
        y = GpSampler.standardize(y).values();

        assertThat(KernelFit.fit(x, y, MIXED, true, null).params().noiseVariance()).isEqualTo(KernelFit.MINIMUM_NOISE);
    }

    /** Points in [0,1] x {0,1,2} x [0,1]. */
    static double[][] randomInputs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) {
            row[0] = random.nextDouble();
            row[1] = random.nextInt(3);
            row[2] = random.nextDouble();
        }
        return x;
    }
}
