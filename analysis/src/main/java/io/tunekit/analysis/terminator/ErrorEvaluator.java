package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.List;

/**
 * How large an improvement is still noise: {@link CrossValidationError} (the default),
 * {@link StaticError} or {@link MedianError}.
 */
public interface ErrorEvaluator {

    /**
     * @param trials the study's trials (those not COMPLETE are ignored)
     * @param direction the study's direction
     * @throws IllegalArgumentException if the error cannot be evaluated (e.g. no reported scores)
     */
    double evaluate(List<FrozenTrial> trials, Direction direction);
}
