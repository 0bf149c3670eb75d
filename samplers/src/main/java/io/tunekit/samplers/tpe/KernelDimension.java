package io.tunekit.samplers.tpe;

import java.util.SplittableRandom;

/**
 * One dimension of a product-kernel mixture: kernel {@code k}'s density along this parameter.
 * Kernel {@code K-1} is the prior kernel; values are internal representations.
 */
interface KernelDimension {

    /**
     * Adds to {@code base[k]} the part of kernel {@code k}'s log density that does not depend on
     * the point (normalising constants): summed once per estimator instead of once per point.
     */
    void addConstants(double[] base);

    /**
     * Adds, for every point {@code p} and kernel {@code k}, the rest of the log density of kernel
     * {@code k} at {@code xs[p]} to {@code acc[p][k]}: with {@link #addConstants} the full log density.
     */
    void accumulate(double[] xs, double[][] acc);

    /** Draws a value from kernel {@code k}. */
    double sample(int k, SplittableRandom random);
}
