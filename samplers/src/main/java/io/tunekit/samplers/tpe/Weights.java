package io.tunekit.samplers.tpe;

import java.util.Arrays;

/**
 * The weights of the {@code n} observations of a Parzen estimator, oldest trial (lowest number)
 * first. The prior kernel's weight is added by the estimator. Weights must be finite,
 * non-negative and not all zero.
 */
@FunctionalInterface
public interface Weights {

    /**
     * Optuna's default: all ones below 25 observations; otherwise a ramp from {@code 1/n} to 1 over
     * the oldest {@code n - 25} ({@code numpy.linspace(1/n, 1, n - 25)}) followed by 25 ones.
     */
    Weights DEFAULT = n -> {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        if (n >= 25) {
            int ramp = n - 25;
            double start = 1.0 / n;
            for (int i = 0; i < ramp; i++) {
                w[i] = ramp == 1 ? start : start + i * ((1.0 - start) / (ramp - 1));
            }
            if (ramp > 1) {
                w[ramp - 1] = 1.0;
            }
        }
        return w;
    };

    /** Every observation counts the same. */
    Weights UNIFORM = n -> {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    };

    /** The weights of {@code n} observations ordered by trial number (at least {@code n} values). */
    double[] weights(int n);
}
