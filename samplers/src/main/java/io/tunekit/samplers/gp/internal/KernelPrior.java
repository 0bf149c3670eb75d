package io.tunekit.samplers.gp.internal;

/**
 * Internal to Tunekit (exported only to its analysis module): the length-scale priors of
 * {@code io.tunekit.samplers.gp.KernelPrior} as the model computes them. The prior on the
 * kernel's length scales in the MAP fit of the GP sampler's Gaussian process. Each is a density over one inverse squared length scale {@code theta = 1 / l^2} of
 * inputs normalised to [0, 1]; the fit maximises the likelihood times the product of these over
 * the dimensions (the kernel scale and the noise keep Optuna's Gamma priors either way).
 */
public enum KernelPrior {

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
    DIMENSION_SCALED {
        @Override
        public double logDensity(double theta, int dimension) {
            double rho = Math.log(theta);
            double centred = rho + 2 * logLengthscaleCentre(dimension);
            // log l = -rho / 2: the log-normal density of l, -log l - (log l - mu)^2 / (2 sigma^2)
            return 0.5 * rho - centred * centred / (8 * LOG_LENGTHSCALE_VARIANCE);
        }

        @Override
        public double logDensitySlope(double theta, int dimension) {
            double centred = Math.log(theta) + 2 * logLengthscaleCentre(dimension);
            return 0.5 - centred / (4 * LOG_LENGTHSCALE_VARIANCE);
        }
    },

    /**
     * Optuna's GPSampler prior, {@code log p(theta) = -(0.1 / theta + 0.1 theta)}, the same in
     * every dimension: it favours theta near 1, a length scale of about one box width.
     */
    OPTUNA {
        @Override
        public double logDensity(double theta, int dimension) {
            return -(0.1 / theta + 0.1 * theta);
        }

        @Override
        public double logDensitySlope(double theta, int dimension) {
            return 0.1 / theta - 0.1 * theta;
        }
    };

    /** The shortest length scale {@link #DIMENSION_SCALED} allows, as BoTorch does with it. */
    public static final double MIN_DIMENSION_SCALED_LENGTHSCALE = 0.025;

    /** The variance of log l in {@link #DIMENSION_SCALED}: sigma = sqrt(3). */
    private static final double LOG_LENGTHSCALE_VARIANCE = 3;

    /** The mean of log l in {@link #DIMENSION_SCALED}. */
    public static double logLengthscaleCentre(int dimension) {
        return Math.sqrt(2) + 0.5 * Math.log(dimension);
    }

    /**
     * The largest inverse squared length scale the fit may reach: {@code 1 / 0.025^2} for
     * {@link #DIMENSION_SCALED}, whose log-normal tails would otherwise let the fit wander to
     * spikes a thousandth of the box wide on a few points and back from one trial to the next;
     * unbounded for {@link #OPTUNA}, whose {@code 0.1 theta} term already keeps theta moderate.
     */
    public double maxInverseSquaredLengthscale() {
        return this == DIMENSION_SCALED
                ? 1 / (MIN_DIMENSION_SCALED_LENGTHSCALE * MIN_DIMENSION_SCALED_LENGTHSCALE)
                : Double.POSITIVE_INFINITY;
    }

    /** {@code log p(theta)} up to a constant, for an inverse squared length scale of one of {@code dimension} inputs. */
    public abstract double logDensity(double theta, int dimension);

    /** The derivative of {@link #logDensity} with respect to {@code log theta} (the fit's raw parameter). */
    public abstract double logDensitySlope(double theta, int dimension);
}
