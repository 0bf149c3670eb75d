package io.tunekit.samplers.tpe;

import java.util.SplittableRandom;

/**
 * The categorical dimension of a Parzen estimator with {@code n} observations and {@code C}
 * choices: the row of observation {@code j} with choice {@code c_j} puts {@code priorWeight / K}
 * on every choice plus 1 on {@code c_j}, normalised ({@code K = n + 1}); the prior row is
 * uniform. Without observations there is only the uniform row.
 */
final class CategoricalKernels implements KernelDimension {

    private final int[] observed;
    private final int choices;
    private final double logHit;
    private final double logMiss;
    private final double logUniform;
    private final double missMass;
    private final int[][] kernelsByChoice;

    /**
     * @param observed the observed choice indices, one per observation kernel
     * @param choices the number of choices
     * @param priorWeight the prior weight
     */
    CategoricalKernels(int[] observed, int choices, double priorWeight) {
        this.observed = observed.clone();
        this.choices = choices;
        int kernels = observed.length + 1;
        this.missMass = priorWeight / kernels;
        double rowSum = 1 + choices * missMass;
        this.logHit = Math.log((missMass + 1) / rowSum);
        this.logMiss = Math.log(missMass / rowSum);
        this.logUniform = -Math.log(choices);
        int[] counts = new int[choices];
        for (int c : observed) {
            counts[c]++;
        }
        this.kernelsByChoice = new int[choices][];
        for (int c = 0; c < choices; c++) {
            kernelsByChoice[c] = new int[counts[c]];
        }
        int[] filled = new int[choices];
        for (int k = 0; k < observed.length; k++) {
            kernelsByChoice[observed[k]][filled[observed[k]]++] = k;
        }
    }

    /** The probability of {@code choice} under kernel {@code k}. */
    double probability(int k, int choice) {
        if (k == observed.length) {
            return 1.0 / choices;
        }
        return Math.exp(observed[k] == choice ? logHit : logMiss);
    }

    @Override
    public void addConstants(double[] base) {
        if (Double.isInfinite(logMiss)) {
            return;  // no prior share: accumulate sets each kernel's term itself
        }
        for (int k = 0; k < observed.length; k++) {
            base[k] += logMiss;
        }
        base[observed.length] += logUniform;
    }

    @Override
    public void accumulate(double[] xs, double[][] acc) {
        int n = observed.length;
        if (Double.isInfinite(logMiss)) {
            for (int p = 0; p < xs.length; p++) {
                int c = (int) xs[p];
                double[] a = acc[p];
                for (int k = 0; k < n; k++) {
                    a[k] += observed[k] == c ? logHit : logMiss;
                }
                a[n] += logUniform;
            }
            return;
        }
        // the miss term is in the constants: only the kernels that observed the point's choice move
        double bonus = logHit - logMiss;
        for (int p = 0; p < xs.length; p++) {
            double[] a = acc[p];
            for (int k : kernelsByChoice[(int) xs[p]]) {
                a[k] += bonus;
            }
        }
    }

    @Override
    public double sample(int k, SplittableRandom random) {
        if (k == observed.length) {
            return random.nextInt(choices);
        }
        // inverse CDF over the row: missMass everywhere, plus 1 at the observed choice
        double u = random.nextDouble() * (1 + choices * missMass);
        double cumulative = 0;
        for (int c = 0; c < choices - 1; c++) {
            cumulative += missMass + (c == observed[k] ? 1 : 0);
            if (u < cumulative) {
                return c;
            }
        }
        return choices - 1;
    }
}
