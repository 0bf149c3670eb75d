package io.tunekit.samplers.gp.internal;

/**
 * The ARD Matern 5/2 kernel {@code k(x, x') = s * M(r2)} with
 * {@code r2 = sum_d theta_d * delta_d^2}, where {@code delta_d^2 = (x_d - x'_d)^2} for numeric
 * dimensions and {@code 1[x_d != x'_d]} (Hamming) for categorical ones, and
 * {@code M(r2) = exp(-sqrt(5 r2)) (1 + sqrt(5 r2) + 5 r2 / 3)}. Derivatives are taken with
 * respect to {@code r2}, where they stay finite at {@code r2 = 0}.
 */
public final class Matern52 {

    private Matern52() {}

    /** M(r2). */
    public static double value(double r2) {
        double d = Math.sqrt(5 * r2);
        return Math.exp(-d) * (1 + d + 5 * r2 / 3);
    }

    /** dM/d(r2) = -5/6 (1 + sqrt(5 r2)) exp(-sqrt(5 r2)). */
    public static double slope(double r2) {
        double d = Math.sqrt(5 * r2);
        return -5.0 / 6.0 * (1 + d) * Math.exp(-d);
    }

    /**
     * Writes {@link #value} and {@link #slope} of {@code r2} to {@code values[index]} and
     * {@code slopes[index]}, bit for bit the same, with one square root and one exponential
     * instead of two each (the kernel fit needs both for every pair of points at every
     * evaluation).
     */
    public static void valueAndSlope(double r2, double[] values, double[] slopes, int index) {
        double d = Math.sqrt(5 * r2);
        double decay = Math.exp(-d);
        values[index] = decay * (1 + d + 5 * r2 / 3);
        slopes[index] = -5.0 / 6.0 * (1 + d) * decay;
    }

    /** The squared difference of one dimension: squared distance, or 0/1 if categorical. */
    public static double squaredDelta(double a, double b, boolean categorical) {
        if (categorical) {
            return a == b ? 0 : 1;
        }
        double diff = a - b;
        return diff * diff;
    }

    /** r2 between two points under the given inverse squared length scales. */
    public static double scaledSquaredDistance(double[] a, double[] b, KernelParams params, boolean[] categorical) {
        double r2 = 0;
        for (int d = 0; d < a.length; d++) {
            r2 += params.inverseSquaredLengthscale(d) * squaredDelta(a[d], b[d], categorical[d]);
        }
        return r2;
    }
}
