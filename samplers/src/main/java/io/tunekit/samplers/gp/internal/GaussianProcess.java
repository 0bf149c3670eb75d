package io.tunekit.samplers.gp.internal;

import org.ejml.data.DMatrixRMaj;

/**
 * A zero-mean GP with the {@link Matern52} kernel, conditioned on observations {@code (X, y)}
 * with Gaussian noise: {@code C = K(X, X) + noise * I = L L^T}, {@code alpha = C^-1 y}. The
 * posterior at x is
 * <pre>
 *   mean(x) = k(x)^T alpha,     var(x) = s - |L^-1 k(x)|^2   (clamped at 0)
 * </pre>
 * where {@code k(x) = K(X, x)} and {@code s = k(x, x)}. Gradients with respect to x are exact
 * for numeric dimensions and 0 for categorical ones (the Hamming distance is piecewise constant).
 *
 * <p>Immutable in its results, but it reuses scratch buffers between calls: one instance must
 * not be used by two threads at once.
 */
public final class GaussianProcess {

    /** Candidates per block in batched scoring: a 300 x 128 block of doubles stays in L2 cache. */
    private static final int POSTERIOR_BLOCK = 128;

    private final double[][] x;
    private final double[] y;
    private final boolean[] categorical;
    private final KernelParams params;
    private final CholeskyFactor factor;
    private final double[] alpha;
    private final int n;
    /** The inputs by dimension ({@code columns[d][i] = x[i][d]}), for loops over observations. */
    private final double[][] columns;

    private final double[] theta;
    private final double[] kBuffer;
    private final double[] slopeBuffer;
    private final double[] r2Buffer;
    private final double[] solveBuffer;

    /**
     * Conditions the GP on the data.
     *
     * @param x inputs, one row per observation (not copied: the caller must not modify them)
     * @param y outputs, one per row
     * @throws IllegalStateException if the covariance matrix is not positive definite
     */
    public GaussianProcess(double[][] x, double[] y, boolean[] categorical, KernelParams params) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " inputs but " + y.length + " outputs");
        }
        this.x = x;
        this.y = y.clone();
        this.categorical = categorical.clone();
        this.params = params;
        this.n = x.length;
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            c.unsafe_set(i, i, params.scale() + params.noiseVariance());
            for (int j = 0; j < i; j++) {
                double k = params.scale()
                        * Matern52.value(Matern52.scaledSquaredDistance(x[i], x[j], params, categorical));
                c.unsafe_set(i, j, k);
                c.unsafe_set(j, i, k);
            }
        }
        this.factor = CholeskyFactor.decompose(c);
        if (factor == null) {
            throw new IllegalStateException(
                    "The GP covariance matrix of " + n + " points is not positive definite" + " with " + params);
        }
        this.alpha = this.y.clone();
        factor.solve(alpha);
        this.theta = params.inverseSquaredLengthscales();
        this.columns = new double[categorical.length][n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < categorical.length; d++) {
                columns[d][i] = x[i][d];
            }
        }
        this.kBuffer = new double[n];
        this.slopeBuffer = new double[n];
        this.solveBuffer = new double[n];
        this.r2Buffer = new double[n];
    }

    /**
     * {@code r2[i]} = the scaled squared distance from {@code point} to observation i, the same
     * sum in the same order as {@link Matern52#scaledSquaredDistance}, but one dimension at a time
     * over all observations: contiguous loops instead of one short loop per pair.
     */
    private void squaredDistances(double[] point, double[] r2) {
        java.util.Arrays.fill(r2, 0, n, 0);
        for (int d = 0; d < theta.length; d++) {
            double t = theta[d];
            double p = point[d];
            double[] column = columns[d];
            if (categorical[d]) {
                for (int i = 0; i < n; i++) {
                    r2[i] += t * (p == column[i] ? 0 : 1);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double diff = p - column[i];
                    r2[i] += t * (diff * diff);
                }
            }
        }
    }

    /** The kernel hyperparameters. */
    public KernelParams params() {
        return params;
    }

    /** The number of observations. */
    public int size() {
        return n;
    }

    /**
     * The posterior mean and variance at {@code point}, written to {@code out[0]} and
     * {@code out[1]}; with non-null gradient arrays, also their gradients with respect to the
     * point.
     */
    public void posterior(double[] point, double[] out, double[] meanGradient, double[] varianceGradient) {
        boolean gradients = meanGradient != null;
        double scale = params.scale();
        double mean = 0;
        squaredDistances(point, r2Buffer);
        for (int i = 0; i < n; i++) {
            double r2 = r2Buffer[i];
            if (gradients) {
                Matern52.valueAndSlope(r2, kBuffer, slopeBuffer, i);
                kBuffer[i] *= scale;
                slopeBuffer[i] *= scale;
            } else {
                kBuffer[i] = scale * Matern52.value(r2);
            }
            mean += kBuffer[i] * alpha[i];
        }
        double[] w = solveBuffer;
        System.arraycopy(kBuffer, 0, w, 0, n);
        double variance;
        if (gradients) {
            factor.solve(w); // w = C^-1 k(x)
            variance = scale - dot(kBuffer, w);
        } else {
            factor.forwardSolve(w); // w = L^-1 k(x)
            variance = scale - dot(w, w);
        }
        out[0] = mean;
        out[1] = Math.max(variance, 0);
        if (!gradients) {
            return;
        }
        for (int d = 0; d < point.length; d++) {
            if (categorical[d]) {
                meanGradient[d] = 0;
                varianceGradient[d] = 0;
                continue;
            }
            double gm = 0;
            double gv = 0;
            for (int i = 0; i < n; i++) {
                // d k_i / d x_d = s M'(r2) * 2 theta_d (x_d - X_id)
                double dk = slopeBuffer[i] * (point[d] - x[i][d]);
                gm += dk * alpha[i];
                gv += dk * w[i];
            }
            double chain = 2 * params.inverseSquaredLengthscale(d);
            meanGradient[d] = chain * gm;
            varianceGradient[d] = variance > 0 ? -2 * chain * gv : 0;
        }
    }

    /**
     * The posterior means and variances of many points (no gradients), the same values as
     * {@link #posterior(double[], double[], double[], double[])} gives one point at a time. The
     * points go through in blocks: the kernel columns of a block are solved against {@code L}
     * together ({@link CholeskyFactor#forwardSolveColumns}), which is what makes scoring
     * thousands of candidates affordable.
     */
    public void posterior(double[][] points, double[] means, double[] variances) {
        int width = Math.min(POSTERIOR_BLOCK, points.length);
        double[][] block = new double[n][width];
        double[] squaredNorms = new double[width];
        double scale = params.scale();
        for (int start = 0; start < points.length; start += width) {
            int count = Math.min(width, points.length - start);
            for (int j = 0; j < count; j++) {
                double[] point = points[start + j];
                double mean = 0;
                squaredDistances(point, r2Buffer);
                for (int i = 0; i < n; i++) {
                    double k = scale * Matern52.value(r2Buffer[i]);
                    block[i][j] = k;
                    mean += k * alpha[i];
                }
                means[start + j] = mean;
            }
            factor.forwardSolveColumns(block, count); // column j = L^-1 k(x_j)
            java.util.Arrays.fill(squaredNorms, 0);
            for (int i = 0; i < n; i++) {
                double[] row = block[i];
                for (int j = 0; j < count; j++) {
                    squaredNorms[j] += row[j] * row[j];
                }
            }
            for (int j = 0; j < count; j++) {
                variances[start + j] = Math.max(scale - squaredNorms[j], 0);
            }
        }
    }

    /**
     * The posterior covariance of the latent function at two points:
     * {@code k(a, b) - k(a)^T C^-1 k(b)}.
     */
    public double covariance(double[] a, double[] b) {
        double scale = params.scale();
        double[] ka = new double[n];
        double[] kb = new double[n];
        for (int i = 0; i < n; i++) {
            ka[i] = scale * Matern52.value(Matern52.scaledSquaredDistance(a, x[i], params, categorical));
            kb[i] = scale * Matern52.value(Matern52.scaledSquaredDistance(b, x[i], params, categorical));
        }
        factor.forwardSolve(ka);
        factor.forwardSolve(kb);
        double prior = scale * Matern52.value(Matern52.scaledSquaredDistance(a, b, params, categorical));
        return prior - dot(ka, kb);
    }

    /**
     * The Kriging believer: this GP with the given points added as observations equal to their
     * posterior mean, same hyperparameters. The mean barely moves; the variance near those
     * points collapses, so an acquisition function stops proposing them again.
     */
    public GaussianProcess believing(double[][] points) {
        if (points.length == 0) {
            return this;
        }
        double[][] xs = new double[n + points.length][];
        double[] ys = new double[n + points.length];
        System.arraycopy(x, 0, xs, 0, n);
        System.arraycopy(y, 0, ys, 0, n);
        double[] means = new double[points.length];
        posterior(points, means, new double[points.length]);
        for (int j = 0; j < points.length; j++) {
            xs[n + j] = points[j];
            ys[n + j] = means[j];
        }
        return new GaussianProcess(xs, ys, categorical, params);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
