package io.tunekit.samplers.tpe;

import java.util.SplittableRandom;

/**
 * One dimension of a product-kernel mixture: kernel {@code k}'s density along this parameter.
 * Kernel {@code K-1} is the prior kernel; values are internal representations. Instances belong
 * to one estimator and are not shared between threads.
 */
interface KernelDimension {

    /**
     * Adds to {@code base[k]} the part of kernel {@code k}'s log density that does not depend on
     * the point (normalising constants): summed once per estimator instead of once per point.
     */
    void addConstants(double[] base);

    /**
     * Adds the rest of each kernel's log density at {@code x} (with {@link #addConstants}, the
     * full log density) to {@code acc[k]}, for the kernels {@code active[0..count)}, or for every
     * kernel if {@code active} is null.
     */
    void add(double x, double[] acc, int[] active, int count);

    /** The term {@link #add} adds for kernel {@code k} at {@code x}. */
    double term(int k, double x);

    /** Whether every term {@link #add} adds is at most 0, so that this dimension never raises a kernel. */
    boolean lowersOnly();

    /** Draws a value from kernel {@code k}. */
    double sample(int k, SplittableRandom random);
}
