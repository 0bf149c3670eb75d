package io.tunekit.samplers.gp.internal;

import java.util.Arrays;

/**
 * The hyperparameters of the GP prior: one inverse squared length scale per dimension (ARD), the
 * kernel scale (prior variance of the function) and the observation noise variance. Immutable.
 */
public final class KernelParams {

    private final double[] inverseSquaredLengthscales;
    private final double scale;
    private final double noiseVariance;

    /**
     * @throws IllegalArgumentException if a value is not finite and positive
     */
    public KernelParams(double[] inverseSquaredLengthscales, double scale, double noiseVariance) {
        for (int d = 0; d < inverseSquaredLengthscales.length; d++) {
            requirePositive("inverse squared length scale " + d, inverseSquaredLengthscales[d]);
        }
        requirePositive("kernel scale", scale);
        requirePositive("noise variance", noiseVariance);
        this.inverseSquaredLengthscales = inverseSquaredLengthscales.clone();
        this.scale = scale;
        this.noiseVariance = noiseVariance;
    }

    /** Optuna's starting point: every parameter 1. */
    public static KernelParams defaults(int dimension) {
        double[] ones = new double[dimension];
        Arrays.fill(ones, 1.0);
        return new KernelParams(ones, 1.0, 1.0);
    }

    public int dimension() {
        return inverseSquaredLengthscales.length;
    }

    public double inverseSquaredLengthscale(int d) {
        return inverseSquaredLengthscales[d];
    }

    /** A copy of the inverse squared length scales. */
    public double[] inverseSquaredLengthscales() {
        return inverseSquaredLengthscales.clone();
    }

    /** The length scale of dimension d, {@code 1 / sqrt(theta_d)}. */
    public double lengthscale(int d) {
        return 1 / Math.sqrt(inverseSquaredLengthscales[d]);
    }

    public double scale() {
        return scale;
    }

    public double noiseVariance() {
        return noiseVariance;
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + "=" + v + " must be finite and > 0");
        }
    }

    @Override
    public String toString() {
        return "KernelParams[inverseSquaredLengthscales=" + Arrays.toString(inverseSquaredLengthscales) + ", scale="
                + scale + ", noiseVariance=" + noiseVariance + "]";
    }
}
