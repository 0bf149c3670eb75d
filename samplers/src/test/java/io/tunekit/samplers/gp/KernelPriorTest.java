package io.tunekit.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.samplers.gp.internal.KernelFit;
import io.tunekit.samplers.gp.internal.KernelParams;
import io.tunekit.samplers.gp.internal.KernelPrior;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KernelPriorTest {

    private static final double[] THETAS = {1e-4, 0.03, 0.5, 1, 2.98, 40, 2e3};

    @Test
    void dimensionScaledIsTheLogNormalDensityOfTheLengthscale() {
        for (int dimension : new int[] {1, 6, 8, 20}) {
            LogNormalDistribution lengthscale =
                    new LogNormalDistribution(Math.sqrt(2) + 0.5 * Math.log(dimension), Math.sqrt(3));
            // Equal up to a constant: compare differences against theta = 1 (length scale 1).
            double offset = KernelPrior.DIMENSION_SCALED.logDensity(1, dimension) - lengthscale.logDensity(1);
            for (double theta : THETAS) {
                double l = 1 / Math.sqrt(theta);
                assertThat(KernelPrior.DIMENSION_SCALED.logDensity(theta, dimension) - offset)
                        .as("D=%d, theta=%s", dimension, theta)
                        .isCloseTo(
                                lengthscale.logDensity(l),
                                within(1e-12 * Math.max(1, Math.abs(lengthscale.logDensity(l)))));
            }
        }
    }

    @Test
    void dimensionScaledLengthscalesStayAboveTheFloorInTheFit() {
        assertThat(KernelPrior.DIMENSION_SCALED.maxInverseSquaredLengthscale()).isEqualTo(1600, within(1e-9));
        assertThat(KernelPrior.OPTUNA.maxInverseSquaredLengthscale()).isInfinite();
        // A wiggle far narrower than 0.025 of the box: the likelihood alone would shrink the
        // length scale below the floor.
        double[][] x = new double[40][1];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = i / 39.0;
            y[i] = i % 2 == 0 ? 1 : -1;
        }
        KernelParams fitted = KernelFit.fit(x, y, new boolean[1], true, KernelPrior.DIMENSION_SCALED, null)
                .params();

        assertThat(fitted.inverseSquaredLengthscale(0)).isLessThanOrEqualTo(1600 * (1 + 1e-12));
        assertThat(fitted.inverseSquaredLengthscale(0)).isGreaterThan(1000);
    }

    @Test
    void optunaIsOptunasFormula() {
        for (double theta : THETAS) {
            assertThat(KernelPrior.OPTUNA.logDensity(theta, 7)).isEqualTo(-(0.1 / theta + 0.1 * theta));
        }
    }

    @ParameterizedTest
    @EnumSource(KernelPrior.class)
    void slopeIsTheDerivativeInLogTheta(KernelPrior prior) {
        for (int dimension : new int[] {1, 8}) {
            for (double theta : THETAS) {
                double rho = Math.log(theta);
                double numeric = FiniteDifferences.partial(
                        r -> prior.logDensity(Math.exp(r[0]), dimension), new double[] {rho}, 0, 1e-6);
                assertThat(prior.logDensitySlope(theta, dimension))
                        .as("D=%d, theta=%s", dimension, theta)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
        }
    }

    @Test
    void dimensionScaledFavoursLongerLengthscalesInMoreDimensions() {
        // The mode in log theta solves slope = 0: log theta = 2 sigma^2 - 2 mu = 6 - 2 mu.
        double previousMode = Double.POSITIVE_INFINITY;
        for (int dimension : new int[] {1, 2, 8, 20, 100}) {
            double mode = Math.exp(6 - 2 * KernelPrior.logLengthscaleCentre(dimension));
            assertThat(KernelPrior.DIMENSION_SCALED.logDensitySlope(mode, dimension))
                    .isCloseTo(0, within(1e-12));
            assertThat(mode).isLessThan(previousMode);
            previousMode = mode;
        }
    }
}
