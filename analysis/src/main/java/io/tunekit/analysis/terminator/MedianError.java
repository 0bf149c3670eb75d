package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.List;

/**
 * A threshold relative to the paired improvement evaluator's early values (Ishibashi et al.,
 * 2023), meant for {@link Emmr}: after {@code warmUpTrials} COMPLETE trials are skipped, the
 * improvement is evaluated on the first 1, 2, ..., {@code initialTrials} of the following ones;
 * the threshold is {@code thresholdRatio} times the median of these values. Computed once, then
 * kept: an instance serves one study. Until there are enough trials it returns
 * {@code -Double.MIN_NORMAL}, below any improvement, so that the study continues.
 */
public final class MedianError implements ErrorEvaluator {

    private final ImprovementEvaluator paired;
    private final int warmUpTrials;
    private final int initialTrials;
    private final double thresholdRatio;
    private Double threshold;

    /**
     * @param paired the improvement evaluator this error is compared with
     * @param warmUpTrials initial trials to skip (Optuna: 10), at least 0
     * @param initialTrials trials whose improvements form the median (Optuna: 20), at least 1
     * @param thresholdRatio the threshold as a share of the median (Optuna: 0.01), positive
     * @throws IllegalArgumentException if a setting is out of its range
     */
    public MedianError(ImprovementEvaluator paired, int warmUpTrials, int initialTrials, double thresholdRatio) {
        if (warmUpTrials < 0) {
            throw new IllegalArgumentException("MedianError: warmUpTrials is " + warmUpTrials + "; it must be >= 0");
        }
        if (initialTrials <= 0) {
            throw new IllegalArgumentException("MedianError: initialTrials is " + initialTrials + "; it must be > 0");
        }
        if (!(thresholdRatio > 0) || Double.isInfinite(thresholdRatio)) {
            throw new IllegalArgumentException(
                    "MedianError: thresholdRatio is " + thresholdRatio + "; it must be positive and finite");
        }
        this.paired = paired;
        this.warmUpTrials = warmUpTrials;
        this.initialTrials = initialTrials;
        this.thresholdRatio = thresholdRatio;
    }

    /** Optuna's defaults: 10 warm-up trials, 20 initial trials, ratio 0.01. */
    public static MedianError pairedWith(ImprovementEvaluator paired) {
        return new MedianError(paired, 10, 20, 0.01);
    }

    @Override
    public synchronized double evaluate(List<FrozenTrial> trials, Direction direction) {
        if (threshold != null) {
            return threshold;
        }
        List<FrozenTrial> complete = TrialData.complete(trials);
        if (complete.size() < warmUpTrials + initialTrials) {
            return -Double.MIN_NORMAL; // improvements are non-negative: never stop yet
        }
        double[] criteria = new double[initialTrials];
        for (int i = 1; i <= initialTrials; i++) {
            criteria[i - 1] = paired.evaluate(complete.subList(warmUpTrials, warmUpTrials + i), direction);
        }
        java.util.Arrays.sort(criteria);
        threshold = Math.min(Double.MAX_VALUE, criteria[criteria.length / 2] * thresholdRatio);
        return threshold;
    }
}
