package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.List;

/**
 * The trials left before the best value has stagnated for {@code maxStagnationTrials}: that many
 * minus the COMPLETE trials since the best one (only a strict improvement counts). Paired with
 * {@code StaticError(0)} (the {@link Terminator}'s default for it), the study stops once the best
 * value has not improved for more than {@code maxStagnationTrials} trials.
 *
 * @param maxStagnationTrials the patience, at least 0 (Optuna: 30)
 */
public record BestValueStagnation(int maxStagnationTrials) implements ImprovementEvaluator {

    /** @throws IllegalArgumentException if {@code maxStagnationTrials < 0} */
    public BestValueStagnation {
        if (maxStagnationTrials < 0) {
            throw new IllegalArgumentException(
                    "BestValueStagnation: maxStagnationTrials is " + maxStagnationTrials + "; it must be at least 0");
        }
    }

    /** Optuna's default patience of 30 trials. */
    public static BestValueStagnation defaults() {
        return new BestValueStagnation(30);
    }

    @Override
    public double evaluate(List<FrozenTrial> trials, Direction direction) {
        List<FrozenTrial> complete = TrialData.complete(trials);
        int best = 0;
        for (int i = 1; i < complete.size(); i++) {
            double value = complete.get(i).value();
            double bestValue = complete.get(best).value();
            if (direction == Direction.MAXIMIZE ? value > bestValue : value < bestValue) {
                best = i;
            }
        }
        return maxStagnationTrials - (complete.size() - 1 - best);
    }
}
