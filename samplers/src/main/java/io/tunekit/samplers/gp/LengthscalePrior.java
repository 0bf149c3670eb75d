package io.tunekit.samplers.gp;

import io.tunekit.samplers.gp.internal.KernelPrior;

/**
 * The prior on the kernel's length scales in the MAP fit of {@link GpSampler}'s Gaussian
 * process. Each is a density over one inverse squared length scale {@code theta = 1 / l^2} of
 * inputs normalised to [0, 1]; the fit maximises the likelihood times the product of these over
 * the dimensions (the kernel scale and the noise keep Optuna's Gamma priors either way).
 */
public enum LengthscalePrior {

    /**
     * Log-normal length scales whose centre grows with the dimension D:
     * {@code log l ~ N(sqrt(2) + log(D) / 2, 3)}, the prior of Hvarfner, Hellsten and Nardi,
     * "Vanilla Bayesian Optimization Performs Great in High Dimensions" (ICML 2024), which BoTorch
     * uses by default. In D dimensions random points lie about sqrt(D/6) apart, so a length scale
     * that does not grow with D makes the model treat any two of them as nearly unrelated and
     * learn little from the data it has. Length scales are kept at least 0.025 (of the unit box),
     * as BoTorch does. The default; {@code benchmarks/results/gp.md} measures it against
     * {@link #OPTUNA}.
     */
    DIMENSION_SCALED(KernelPrior.DIMENSION_SCALED),

    /**
     * Optuna's GPSampler prior, {@code log p(theta) = -(0.1 / theta + 0.1 theta)}, the same in
     * every dimension: it favours theta near 1, a length scale of about one box width.
     */
    OPTUNA(KernelPrior.OPTUNA);

    private final KernelPrior model;

    LengthscalePrior(KernelPrior model) {
        this.model = model;
    }

    /** The prior as the GP model computes it. */
    KernelPrior model() {
        return model;
    }
}
