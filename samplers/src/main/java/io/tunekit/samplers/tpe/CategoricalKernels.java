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
            return; // no prior share: accumulate sets each kernel's term itself
        }
        for (int k = 0; k < observed.length; k++) {
            base[k] += logMiss;
        }
        base[observed.length] += logUniform;
    }

    @Override
    public void add(double x, double[] acc, int[] active, int count) {
        int c = (int) x;
        int n = observed.length;
        if (Double.isInfinite(logMiss)) {
            for (int i = 0; i < count; i++) {
                int k = active == null ? i : active[i];
                acc[k] += k == n ? logUniform : observed[k] == c ? logHit : logMiss;
            }
            return;
        }
        // the miss term is among the constants: only the kernels that observed this choice move
        // (inactive ones may move too: their values are no longer read)
        double bonus = logHit - logMiss;
        for (int k : kernelsByChoice[c]) {
            acc[k] += bonus;
        }
    }

    @Override
    public double term(int k, double x) {
        int c = (int) x;
        int n = observed.length;
        if (Double.isInfinite(logMiss)) {
            return k == n ? logUniform : observed[k] == c ? logHit : logMiss;
        }
        return k < n && observed[k] == c ? logHit - logMiss : 0;
    }

    @Override
    public boolean lowersOnly() {
        return false;
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
