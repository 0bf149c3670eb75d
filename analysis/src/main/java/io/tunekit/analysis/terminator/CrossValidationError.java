package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.List;

/**
 * The statistical error of a cross-validated objective: the standard deviation of the best
 * trial's fold scores, scaled by {@code 1/k + 1/(k - 1)} for k folds (Nadeau and Bengio's
 * correction for overlapping training sets, as Optuna). The scores come from
 * {@link Terminator#reportCrossValidationScores}; the objective is assumed to be their mean.
 */
public record CrossValidationError() implements ErrorEvaluator {

    /**
     * @throws IllegalArgumentException if the study has no COMPLETE trial, or its best trial
     *     reported no cross-validation scores
     */
    @Override
    public double evaluate(List<FrozenTrial> trials, Direction direction) {
        List<FrozenTrial> complete = TrialData.complete(trials);
        if (complete.isEmpty()) {
            throw new IllegalArgumentException("CrossValidationError: the study has no COMPLETE trial");
        }
        FrozenTrial best = complete.get(0);
        for (FrozenTrial t : complete) {
            if (direction == Direction.MAXIMIZE ? t.value() > best.value() : t.value() < best.value()) {
                best = t;
            }
        }
        double[] scores = Terminator.crossValidationScores(best)
                .orElseThrow(() -> new IllegalArgumentException("CrossValidationError: the best trial has no "
                        + "cross-validation scores; call Terminator.reportCrossValidationScores(trial, scores)"
                        + " in the objective"));
        int k = scores.length;
        double mean = 0;
        for (double s : scores) {
            mean += s / k;
        }
        double variance = 0;
        for (double s : scores) {
            variance += (s - mean) * (s - mean) / k;
        }
        return Math.sqrt((1.0 / k + 1.0 / (k - 1)) * variance);
    }
}
