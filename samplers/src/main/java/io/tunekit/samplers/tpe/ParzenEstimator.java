package io.tunekit.samplers.tpe;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A mixture of product kernels over a search space: one kernel per observation plus one prior
 * kernel. Mixture weights are the observations' weights with the prior weight appended,
 * normalised (a lone prior kernel has weight 1). The log density of the mixture is a logsumexp
 * over kernels of {@code log w_k + sum over dimensions of log kernel_k}. Values are internal
 * representations; dimensions are in the order of the space.
 */
final class ParzenEstimator {

    private final KernelDimension[] dimensions;
    private final double[] logWeights;
    private double[] constants; // log weight plus every dimension's point-independent terms, per kernel
    private final double[] cumulativeWeights;

    /**
     * @param space the distributions, one per dimension
     * @param observations {@code observations[d][i]}: internal value of observation {@code i} in dimension {@code d}
     * @param weights the observations' (unnormalised, non-negative) weights
     * @param sortedOrders per dimension, the observations in ascending order of value, or {@code null}
     *     (then sorted here); ignored for categorical dimensions
     * @param settings prior weight, magic clip, endpoints
     */
    ParzenEstimator(
            List<Distribution> space,
            double[][] observations,
            double[] weights,
            int[][] sortedOrders,
            EstimatorSettings settings) {
        this(space, observations, weights, sortedOrders, settings, null, null);
    }

    /**
     * As above; numeric dimension {@code d} reuses normalisers from {@code caches[d]} (if not
     * null) for the kernels with a slot {@code slots[k] >= 0}.
     */
    ParzenEstimator(
            List<Distribution> space,
            double[][] observations,
            double[] weights,
            int[][] sortedOrders,
            EstimatorSettings settings,
            NormalizerCache[] caches,
            int[] slots) {
        int n = weights.length;
        double[] w = new double[n + 1];
        if (n == 0) {
            w[0] = 1;
        } else {
            System.arraycopy(weights, 0, w, 0, n);
            w[n] = settings.priorWeight();
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        logWeights = new double[n + 1];
        cumulativeWeights = new double[n + 1];
        double cumulative = 0;
        for (int k = 0; k <= n; k++) {
            logWeights[k] = Math.log(w[k] / total);
            cumulative += w[k] / total;
            cumulativeWeights[k] = cumulative;
        }
        dimensions = new KernelDimension[space.size()];
        for (int d = 0; d < space.size(); d++) {
            Distribution dist = space.get(d);
            if (observations[d].length != n) {
                throw new IllegalArgumentException(
                        "dimension " + d + " has " + observations[d].length + " observations, the weights " + n);
            }
            if (dist instanceof CategoricalDistribution c) {
                int[] chosen = new int[n];
                for (int i = 0; i < n; i++) {
                    chosen[i] = (int) observations[d][i];
                }
                dimensions[d] = new CategoricalKernels(chosen, c.choices().size(), settings.priorWeight());
            } else {
                dimensions[d] = new NumericKernels(
                        dist,
                        observations[d],
                        sortedOrders == null ? null : sortedOrders[d],
                        settings,
                        caches == null ? null : caches[d],
                        slots);
            }
        }
    }

    /** The number of kernels, the prior included. */
    int kernelCount() {
        return logWeights.length;
    }

    /** The normalised mixture weight of kernel {@code k} (the prior is the last). */
    double weight(int k) {
        return Math.exp(logWeights[k]);
    }

    /** The kernels of dimension {@code d}. */
    KernelDimension dimension(int d) {
        return dimensions[d];
    }

    /** {@code count} draws: a kernel by weight, then each dimension from that kernel. */
    double[][] sample(SplittableRandom random, int count) {
        double[][] out = new double[count][dimensions.length];
        for (int s = 0; s < count; s++) {
            int k = chooseKernel(random.nextDouble());
            for (int d = 0; d < dimensions.length; d++) {
                out[s][d] = dimensions[d].sample(k, random);
            }
        }
        return out;
    }

    private int chooseKernel(double u) {
        int lo = 0;
        int hi = cumulativeWeights.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulativeWeights[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        // skip kernels of zero weight that a rounding u could land on
        while (lo > 0 && logWeights[lo] == Double.NEGATIVE_INFINITY) {
            lo--;
        }
        return lo;
    }

    /**
     * The log density of the mixture at each point ({@code points[p][d]}, internal values).
     *
     * <p>Dimensions that can raise a kernel (categorical) are added first; after that every term
     * is at most 0, so a kernel's running sum bounds its final value from above. Once the best
     * kernel so far is completed over the remaining dimensions, its value bounds the maximum from
     * below, and kernels already more than {@value #NEGLIGIBLE} below it are dropped: together
     * they weigh less than {@code K exp(-60)} of the sum, far below double precision.
     */
    double[] logPdf(double[][] points) {
        if (constants == null) {
            constants = logWeights.clone();
            for (KernelDimension d : dimensions) {
                d.addConstants(constants);
            }
        }
        int kernels = logWeights.length;
        int[] order = raisingFirst();
        int[] active = new int[kernels];
        double[] out = new double[points.length];
        double[] acc = new double[kernels];
        // bit j: the check after 2^j lowering dimensions, while every kernel was still summed, dropped
        // under a quarter of them for the last point that ran it. In many dimensions the early
        // bounds are loose (the best kernel so far is far off in the dimensions still to come), and
        // a useless check costs two passes over the kernels; it is retried every few points.
        long fruitless = 0;
        for (int p = 0; p < points.length; p++) {
            double[] x = points[p];
            System.arraycopy(constants, 0, acc, 0, kernels);
            int count = kernels;
            boolean all = true;
            int lowering = 0;
            for (int i = 0; i < order.length; i++) {
                KernelDimension dim = dimensions[order[i]];
                dim.add(x[order[i]], acc, all ? null : active, count);
                // check after 1, 2, 4, 8, ... lowering dimensions: the bound costs the remaining dimensions
                if (!dim.lowersOnly()
                        || Integer.bitCount(++lowering) != 1
                        || i == order.length - 1
                        || count < PRUNE_FROM) {
                    continue;
                }
                int level = Integer.numberOfTrailingZeros(lowering);
                if (all && (fruitless & (1L << level)) != 0 && p % RETRY_EVERY != 0) {
                    continue; // this check dropped too little for an earlier point: save its two passes
                }
                int best = all ? 0 : active[0];
                double bestValue = acc[best];
                for (int j = 0; j < count; j++) {
                    int k = all ? j : active[j];
                    double v = acc[k];
                    if (v > bestValue) {
                        bestValue = v;
                        best = k;
                    }
                }
                double bound = bestValue;
                for (int r = i + 1; r < order.length; r++) {
                    bound += dimensions[order[r]].term(best, x[order[r]]);
                }
                double cut = bound - NEGLIGIBLE;
                // branch-free compaction: which kernels survive is data-dependent and unpredictable
                int kept = 0;
                if (all) {
                    for (int k = 0; k < count; k++) {
                        active[kept] = k;
                        kept += acc[k] >= cut ? 1 : 0;
                    }
                } else {
                    for (int j = 0; j < count; j++) {
                        int k = active[j];
                        active[kept] = k;
                        kept += acc[k] >= cut ? 1 : 0;
                    }
                }
                if (all) {
                    fruitless = kept > count - (count >> 2) ? fruitless | (1L << level) : fruitless & ~(1L << level);
                }
                if (all && kept > count - (count >> 2)) {
                    // under a quarter dropped: keep summing every kernel, in tight loops without
                    // indirection. The same terms reach the log-sum-exp: a kernel that could have
                    // been dropped only keeps falling, and that sum skips it as it is NEGLIGIBLE below
                    // the largest (the bound is a kernel's final value, so at most the largest).
                    continue;
                }
                count = kept;
                all = false;
            }
            out[p] = NormalMath.logSumExp(acc, all ? null : active, count);
        }
        return out;
    }

    /** Kernels further below the best than this (in log units) are left out of a density. */
    static final double NEGLIGIBLE = NormalMath.NEGLIGIBLE;

    private static final int PRUNE_FROM = 32;
    private static final int RETRY_EVERY = 8;

    /** The dimensions in evaluation order: those that can raise a kernel first. */
    private int[] raisingFirst() {
        int[] order = new int[dimensions.length];
        int n = 0;
        for (int d = 0; d < dimensions.length; d++) {
            if (!dimensions[d].lowersOnly()) {
                order[n++] = d;
            }
        }
        for (int d = 0; d < dimensions.length; d++) {
            if (dimensions[d].lowersOnly()) {
                order[n++] = d;
            }
        }
        return order;
    }
}
