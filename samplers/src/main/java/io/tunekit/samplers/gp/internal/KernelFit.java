package io.tunekit.samplers.gp.internal;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Maximum a posteriori kernel hyperparameters, as Optuna's GP sampler computes them (with a
 * choice of length scale prior).
 *
 * <p>The optimiser works on raw parameters {@code rho_d = log theta_d} (theta = inverse squared
 * length scale), {@code log s} and {@code log(noise - 1e-6)}, so every natural parameter stays
 * positive and the noise stays above its floor. The loss is
 * <pre>
 *   sum_i log L_ii + 1/2 |L^-1 y|^2                      (minus the log marginal likelihood)
 *   - sum_d log p(theta_d)                                (length scale prior, {@link KernelPrior})
 *   - (log s - s)                                         (Gamma(2, 1) on the scale)
 *   - (0.1 log noise - 30 noise)                          (Gamma(1.1, 30) on the noise)
 * </pre>
 * with its exact gradient {@code 1/2 tr((C^-1 - alpha alpha^T) dC)} plus the prior terms. It is
 * minimised by {@link BoundedLbfgs} (gradient tolerance 1e-2, as Optuna's SciPy call), each
 * {@code theta_d} at most the prior's {@link KernelPrior#maxInverseSquaredLengthscale()},
 * from the previous fit, or from all ones; if that fails, from all ones; if that fails too, all
 * ones are used with a warning.
 */
public final class KernelFit {

    /** The noise variance floor. */
    public static final double MINIMUM_NOISE = 1e-6;
    /** SciPy L-BFGS-B {@code gtol} Optuna uses for the fit. */
    public static final double GRADIENT_TOLERANCE = 1e-2;
    /** Enough for any realistic fit; each iteration costs one Cholesky and one inverse. */
    public static final int MAX_ITERATIONS = 500;

    private static final System.Logger LOG = System.getLogger(KernelFit.class.getName());

    private KernelFit() {}

    /**
     * A fit: the hyperparameters and the optimiser's curvature memory, to warm-start the next fit.
     *
     * @param params the MAP hyperparameters
     * @param memory the L-BFGS curvature pairs at the optimum (empty after a fallback)
     */
    public record Fit(KernelParams params, BoundedLbfgs.Memory memory) {}

    /**
     * The MAP hyperparameters for the data.
     *
     * @param prior the prior on the length scales
     * @param warmStart the previous fit to start from (parameters and curvature memory), or {@code null}
     * @param deterministic whether the noise is fixed at {@link #MINIMUM_NOISE}
     */
    public static Fit fit(
            double[][] x, double[] y, boolean[] categorical, boolean deterministic, KernelPrior prior, Fit warmStart) {
        MapLoss loss = new MapLoss(x, y, categorical, deterministic, prior);
        BoundedLbfgs optimizer = new BoundedLbfgs(GRADIENT_TOLERANCE, MAX_ITERATIONS);
        int size = loss.rawSize();
        double[] lower = new double[size];
        double[] upper = new double[size];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        Arrays.fill(upper, 0, categorical.length, Math.log(prior.maxInverseSquaredLengthscale()));
        Fit defaults = new Fit(KernelParams.defaults(categorical.length), BoundedLbfgs.Memory.EMPTY);
        Fit[] starts = warmStart != null && warmStart.params().dimension() == categorical.length
                ? new Fit[] {warmStart, defaults}
                : new Fit[] {defaults};
        for (Fit start : starts) {
            BoundedLbfgs.Result result =
                    optimizer.minimize(loss, loss.raw(start.params()), lower, upper, start.memory());
            if (Double.isFinite(result.value()) && result.status() != BoundedLbfgs.Status.NON_FINITE_START) {
                try {
                    return new Fit(loss.params(result.point()), result.memory());
                } catch (IllegalArgumentException overflow) {
                    // a raw parameter ran off to infinity: try the next start
                }
            }
        }
        LOG.log(
                Level.WARNING,
                "The optimisation of the GP kernel parameters failed; the default parameters "
                        + "(all ones) are used instead.");
        KernelParams fallback = deterministic
                ? new KernelParams(defaults.params().inverseSquaredLengthscales(), 1.0, MINIMUM_NOISE)
                : defaults.params();
        return new Fit(fallback, BoundedLbfgs.Memory.EMPTY);
    }

    /**
     * The MAP loss and its gradient over the raw parameters {@code [rho_1..rho_D, log s,
     * log(noise - 1e-6)]} (the last one absent when the objective is deterministic). The value
     * needs one Cholesky factorisation; the gradient reuses it and adds {@code C^-1}. Reuses its
     * buffers between evaluations; not thread-safe.
     */
    public static final class MapLoss implements BoundedLbfgs.Objective {

        private final double[][] x;
        private final double[] y;
        private final boolean[] categorical;
        private final boolean deterministic;
        private final KernelPrior prior;
        private final int n;
        private final int dim;
        private final DMatrixRMaj covariance;
        private final double[] kernelValues;
        private final double[] kernelSlopes;
        /** State of the latest {@link #value} call, for {@link #gradient}. */
        private double[] lastRaw;

        private CholeskyFactor lastFactor;
        private double[] lastAlpha;

        public MapLoss(double[][] x, double[] y, boolean[] categorical, boolean deterministic, KernelPrior prior) {
            this.x = x;
            this.y = y.clone();
            this.categorical = categorical.clone();
            this.deterministic = deterministic;
            this.prior = prior;
            this.n = x.length;
            this.dim = categorical.length;
            this.covariance = new DMatrixRMaj(n, n);
            this.kernelValues = new double[n * n];
            this.kernelSlopes = new double[n * n];
        }

        /** The number of raw parameters. */
        public int rawSize() {
            return dim + (deterministic ? 1 : 2);
        }

        /** The raw parameters of a starting point (Optuna leaves 1% of the floor as headroom). */
        public double[] raw(KernelParams p) {
            double[] raw = new double[rawSize()];
            for (int d = 0; d < dim; d++) {
                raw[d] = Math.log(p.inverseSquaredLengthscale(d));
            }
            raw[dim] = Math.log(p.scale());
            if (!deterministic) {
                raw[dim + 1] = Math.log(Math.max(p.noiseVariance() - 0.99 * MINIMUM_NOISE, 0.01 * MINIMUM_NOISE));
            }
            return raw;
        }

        /**
         * The natural parameters of a raw vector.
         *
         * @throws IllegalArgumentException if one of them overflows
         */
        public KernelParams params(double[] raw) {
            return new KernelParams(theta(raw), Math.exp(raw[dim]), noise(raw));
        }

        private double[] theta(double[] raw) {
            double[] theta = new double[dim];
            for (int d = 0; d < dim; d++) {
                theta[d] = Math.exp(raw[d]);
            }
            return theta;
        }

        private double noise(double[] raw) {
            return deterministic ? MINIMUM_NOISE : MINIMUM_NOISE + Math.exp(raw[dim + 1]);
        }

        /** Value and gradient in one call (for tests and callers outside the optimiser). */
        public double valueAndGradient(double[] raw, double[] gradient) {
            double value = value(raw);
            if (Double.isFinite(value)) {
                gradient(raw, gradient);
            }
            return value;
        }

        @Override
        public double value(double[] raw) {
            lastRaw = null;
            double[] theta = theta(raw);
            double scale = Math.exp(raw[dim]);
            double noise = noise(raw);
            if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(noise) || !positiveAndFinite(theta)) {
                return Double.NaN;
            }
            // Fields read into locals: C2 does not hoist their loads out of these loops (measured
            // 3x slower on CholeskyFactor's loops at n = 300 before the same change there).
            int n = this.n;
            int dim = this.dim;
            double[][] x = this.x;
            boolean[] categorical = this.categorical;
            double[] kernelValues = this.kernelValues;
            double[] kernelSlopes = this.kernelSlopes;
            double[] c = covariance.data;
            for (int i = 0; i < n; i++) {
                kernelValues[i * n + i] = 1;
                kernelSlopes[i * n + i] = Matern52.slope(0);
                c[i * n + i] = scale + noise;
                for (int j = 0; j < i; j++) {
                    double r2 = 0;
                    for (int d = 0; d < dim; d++) {
                        r2 += theta[d] * Matern52.squaredDelta(x[i][d], x[j][d], categorical[d]);
                    }
                    Matern52.valueAndSlope(r2, kernelValues, kernelSlopes, i * n + j);
                    double m = kernelValues[i * n + j];
                    c[i * n + j] = scale * m;
                    c[j * n + i] = scale * m;
                }
            }
            CholeskyFactor factor = CholeskyFactor.decompose(covariance);
            if (factor == null) {
                return Double.NaN;
            }
            double[] alpha = y.clone();
            factor.solve(alpha);
            double quadratic = 0;
            for (int i = 0; i < n; i++) {
                quadratic += y[i] * alpha[i];
            }
            double logPrior = 0;
            for (int d = 0; d < dim; d++) {
                logPrior += prior.logDensity(theta[d], dim);
            }
            logPrior += Math.log(scale) - scale;
            logPrior += 0.1 * Math.log(noise) - 30 * noise;
            lastRaw = raw.clone();
            lastFactor = factor;
            lastAlpha = alpha;
            return factor.halfLogDeterminant() + 0.5 * quadratic - logPrior;
        }

        @Override
        public void gradient(double[] raw, double[] gradient) {
            if (lastRaw == null || !Arrays.equals(raw, lastRaw)) {
                if (!Double.isFinite(value(raw))) {
                    throw new IllegalStateException("the MAP loss is not finite at " + Arrays.toString(raw));
                }
            }
            double[] theta = theta(raw);
            double scale = Math.exp(raw[dim]);
            double noise = noise(raw);
            // W = C^-1 - alpha alpha^T; d loss = 1/2 sum_ij W_ij dC_ij (plus the prior terms).
            double[][] inv = lastFactor.inverseLowerTriangle();
            double[] a = lastAlpha;
            int n = this.n; // locals, as in value()
            int dim = this.dim;
            double[][] x = this.x;
            boolean[] categorical = this.categorical;
            double[] kernelValues = this.kernelValues;
            double[] kernelSlopes = this.kernelSlopes;
            double scaleTerm = 0;
            double trace = 0;
            double[] lengthTerms = new double[dim];
            for (int i = 0; i < n; i++) {
                double wii = inv[i][i] - a[i] * a[i];
                trace += wii;
                scaleTerm += wii; // kernel value 1 on the diagonal
                for (int j = 0; j < i; j++) {
                    double w = 2 * (inv[i][j] - a[i] * a[j]); // both triangles
                    scaleTerm += w * kernelValues[i * n + j];
                    double ws = w * kernelSlopes[i * n + j];
                    for (int d = 0; d < dim; d++) {
                        lengthTerms[d] += ws * Matern52.squaredDelta(x[i][d], x[j][d], categorical[d]);
                    }
                }
            }
            for (int d = 0; d < dim; d++) {
                gradient[d] = 0.5 * scale * theta[d] * lengthTerms[d] - prior.logDensitySlope(theta[d], dim);
            }
            gradient[dim] = 0.5 * scale * scaleTerm - (1 - scale);
            if (!deterministic) {
                double rawNoise = noise - MINIMUM_NOISE;
                gradient[dim + 1] = 0.5 * rawNoise * trace - (0.1 / noise - 30) * rawNoise;
            }
        }

        private static boolean positiveAndFinite(double[] v) {
            for (double e : v) {
                if (!(e > 0) || !Double.isFinite(e)) {
                    return false;
                }
            }
            return true;
        }
    }
}
