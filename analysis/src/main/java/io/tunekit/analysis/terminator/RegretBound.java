package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.distribution.Distribution;
import io.tunekit.samplers.gp.internal.GaussianProcess;
import io.tunekit.samplers.gp.internal.KernelFit;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An upper bound, with high probability under a GP model, on the regret of the best trial so far
 * (Makarova et al., 2022): how much better than the current best the optimum can still be. A GP
 * (the GP sampler's model, with Optuna's kernel prior) is fitted to the best
 * {@code topTrialsRatio} of the COMPLETE trials (at least {@code minTrials} of them), standardised;
 * the bound is the highest upper confidence bound anywhere minus the highest lower confidence bound
 * at an observed point, in the objective's units.
 *
 * @param topTrialsRatio the share of best trials the GP is fitted to (Optuna: 0.5), in (0, 1]
 * @param minTrials the least number of trials the GP is fitted to (Optuna: 20), at least 1
 * @param seed seeds the random candidates of the upper-bound search (mixed with the trial count)
 */
public record RegretBound(double topTrialsRatio, int minTrials, long seed) implements ImprovementEvaluator {

    /** The confidence level parameter delta of the bound (Optuna's 0.1). */
    static final double DELTA = 0.1;

    /** @throws IllegalArgumentException if a setting is out of its range */
    public RegretBound {
        if (!(0 < topTrialsRatio && topTrialsRatio <= 1)) {
            throw new IllegalArgumentException(
                    "RegretBound: topTrialsRatio is " + topTrialsRatio + "; it must be in (0, 1]");
        }
        if (minTrials < 1) {
            throw new IllegalArgumentException("RegretBound: minTrials is " + minTrials + "; it must be at least 1");
        }
    }

    /** Optuna's defaults (ratio 0.5, at least 20 trials) with seed 0. */
    public static RegretBound defaults() {
        return new RegretBound(0.5, 20, 0);
    }

    /**
     * @throws IllegalArgumentException if no trial is COMPLETE or the COMPLETE trials share no
     *     parameter
     */
    @Override
    public double evaluate(List<FrozenTrial> trials, Direction direction) {
        List<FrozenTrial> complete = TrialData.complete(trials);
        if (complete.isEmpty()) {
            throw new IllegalArgumentException(
                    "RegretBound: no trial has been completed yet, so the regret bound cannot be evaluated");
        }
        Map<String, Distribution> space = TrialData.intersection(complete);
        if (space.isEmpty()) {
            throw new IllegalArgumentException(
                    "RegretBound: the COMPLETE trials share no parameter (empty intersection search space)");
        }
        SearchSpaceEncoding encoding = new SearchSpaceEncoding(space);
        double[][] x = TrialData.encode(encoding, complete);
        int n = complete.size();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // Maximised internally, as the bound's derivation.
            values[i] = direction == Direction.MINIMIZE
                    ? -complete.get(i).value()
                    : complete.get(i).value();
        }
        int top = Math.max(minTrials, Math.min(n, (int) (n * topTrialsRatio)));
        top = Math.min(top, n);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double cutoff = sorted[n - top];
        int kept = 0;
        for (double v : values) {
            kept += v >= cutoff ? 1 : 0;
        }
        double[][] topX = new double[kept][];
        double[] topY = new double[kept];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] >= cutoff) {
                topX[k] = x[i];
                topY[k++] = values[i];
            }
        }
        double mean = Arrays.stream(topY).sum() / kept;
        double variance = 0;
        for (double v : topY) {
            variance += (v - mean) * (v - mean) / kept;
        }
        double sd = Math.max(1e-10, Math.sqrt(variance));
        double[] standardized = new double[kept];
        for (int i = 0; i < kept; i++) {
            standardized[i] = (topY[i] - mean) / sd;
        }
        boolean[] categorical = encoding.categoricalMask();
        KernelFit.Fit fit = GpRegret.fit(topX, standardized, categorical, false, null);
        GaussianProcess gp = new GaussianProcess(topX, standardized, categorical, fit.params());
        return GpRegret.standardizedRegretBound(gp, encoding, topX, DELTA, new SplittableRandom(seed + n)) * sd;
    }
}
