package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.List;

/**
 * A fixed error: the study stops once the improvement evaluator's estimate falls below it.
 *
 * @param constant the threshold, in the improvement evaluator's units
 */
public record StaticError(double constant) implements ErrorEvaluator {

    /** @throws IllegalArgumentException if the constant is NaN */
    public StaticError {
        if (Double.isNaN(constant)) {
            throw new IllegalArgumentException("StaticError: constant must not be NaN");
        }
    }

    @Override
    public double evaluate(List<FrozenTrial> trials, Direction direction) {
        return constant;
    }
}
