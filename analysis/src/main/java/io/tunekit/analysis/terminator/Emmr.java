package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.distribution.Distribution;
import io.tunekit.samplers.gp.internal.GaussianProcess;
import io.tunekit.samplers.gp.internal.KernelFit;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The expected minimum model regret (Ishibashi et al., AISTATS 2023): an upper bound on how much
 * the expected minimum simple regret changed with the latest trial, from GPs (the GP sampler's
 * model) fitted to all COMPLETE trials but the last and to all of them, on standardised values.
 * It converges to 0 as the search settles; pair it with {@link MedianError}. The value is in
 * standardised units.
 *
 * @param noise whether the objective is deterministic (the GP's noise then stays at its floor)
 * @param delta the confidence parameter of the regret bound inside (Optuna: 0.1)
 * @param minTrials below this many COMPLETE trials the value is huge, so no study stops
 *     (Optuna: 2), at least 2
 * @param seed seeds the random candidates of the regret bound (mixed with the trial count)
 */
public record Emmr(Noise noise, double delta, int minTrials, long seed) implements ImprovementEvaluator {

    /** Whether repeated evaluations of the objective at one point can differ. */
    public enum Noise {
        NOISY,
        DETERMINISTIC
    }

    /** What "do not stop" returns: a huge value with room for sums (Optuna's margin 0.1). */
    static final double NO_DECISION = Double.MAX_VALUE * 0.1;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** @throws IllegalArgumentException if a setting is out of its range */
    public Emmr {
        if (noise == null) {
            throw new IllegalArgumentException("Emmr: noise must not be null");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("Emmr: delta is " + delta + "; it must be in (0, 1)");
        }
        if (minTrials < 2) {
            throw new IllegalArgumentException("Emmr: minTrials is " + minTrials + "; it must be at least 2");
        }
    }

    /** Optuna's defaults (noisy, delta 0.1, at least 2 trials) with seed 0. */
    public static Emmr defaults() {
        return new Emmr(Noise.NOISY, 0.1, 2, 0);
    }

    @Override
    public double evaluate(List<FrozenTrial> trials, Direction direction) {
        List<FrozenTrial> complete = TrialData.complete(trials);
        int n = complete.size();
        if (n < minTrials) {
            return NO_DECISION;
        }
        Map<String, Distribution> space = TrialData.intersection(complete);
        if (space.isEmpty()) {
            return NO_DECISION; // no shared parameter: nothing to model
        }
        SearchSpaceEncoding encoding = new SearchSpaceEncoding(space);
        double[][] x = TrialData.encode(encoding, complete);
        double[] y = standardized(complete, direction);
        boolean[] categorical = encoding.categoricalMask();
        boolean deterministic = noise == Noise.DETERMINISTIC;

        double[][] xBefore = java.util.Arrays.copyOf(x, n - 1);
        double[] yBefore = java.util.Arrays.copyOf(y, n - 1);
        KernelFit.Fit fitBefore = GpRegret.fit(xBefore, yBefore, categorical, deterministic, null);
        KernelFit.Fit fitNow = GpRegret.fit(x, y, categorical, deterministic, fitBefore);
        GaussianProcess before = new GaussianProcess(xBefore, yBefore, categorical, fitBefore.params());
        GaussianProcess now = new GaussianProcess(x, y, categorical, fitNow.params());

        int bestNow = argmax(y, n);
        int bestBefore = argmax(y, n - 1);
        double[] out = new double[2];
        now.posterior(x[bestNow], out, null, null);
        double meanBestNow = out[0];
        double varianceBestNow = out[1];
        now.posterior(x[bestBefore], out, null, null);
        double varianceBestBefore = out[1];
        double covariance = bestNow == bestBefore ? varianceBestNow : now.covariance(x[bestNow], x[bestBefore]);
        now.posterior(x[n - 1], out, null, null);
        double meanLast = out[0];
        double varianceLast = out[1];
        before.posterior(x[bestBefore], out, null, null);
        double meanBestBeforeThen = out[0];

        double kappa =
                GpRegret.standardizedRegretBound(before, encoding, xBefore, delta, new SplittableRandom(seed + n));

        double shift = meanBestBeforeThen - meanBestNow;
        double v = Math.sqrt(Math.max(1e-10, varianceBestNow - 2 * covariance + varianceBestBefore));
        double g = (meanBestNow - meanBestBeforeThen) / v;
        double lambda = 1 / KernelFit.MINIMUM_NOISE;
        double noiseVariance = 1 / lambda;
        double klTerm = 0.5 * Math.log(1 + lambda * varianceLast)
                - 0.5 * varianceLast / (varianceLast + noiseVariance)
                + 0.5 * varianceLast * Math.pow(y[n - 1] - meanLast, 2) / Math.pow(varianceLast + noiseVariance, 2);
        double value = shift
                + v * STANDARD_NORMAL.density(g)
                + v * g * STANDARD_NORMAL.cumulativeProbability(g)
                + kappa * Math.sqrt(0.5 * klTerm);
        return Math.min(Double.MAX_VALUE * 0.5, value);
    }

    /** Values turned to maximisation, infinities clipped to the finite range, standardised. */
    private static double[] standardized(List<FrozenTrial> complete, Direction direction) {
        int n = complete.size();
        double[] v = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            v[i] = direction == Direction.MINIMIZE
                    ? -complete.get(i).value()
                    : complete.get(i).value();
            if (Double.isFinite(v[i])) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                v[i] = lo > hi ? 0 : v[i] > 0 ? hi : lo;
            }
            mean += v[i] / n;
        }
        double variance = 0;
        for (double value : v) {
            variance += (value - mean) * (value - mean) / n;
        }
        double sd = Math.max(Double.MIN_NORMAL, Math.sqrt(variance));
        for (int i = 0; i < n; i++) {
            v[i] = (v[i] - mean) / sd;
        }
        return v;
    }

    private static int argmax(double[] values, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
