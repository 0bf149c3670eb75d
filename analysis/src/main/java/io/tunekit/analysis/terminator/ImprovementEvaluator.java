package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.List;

/**
 * How much room for improvement a study has left, in the objective's units (or standardised, for
 * {@link Emmr}): {@link RegretBound} (the default), {@link BestValueStagnation} or {@link Emmr}.
 * The {@link Terminator} stops a study when this falls below an {@link ErrorEvaluator}'s estimate
 * of the objective's noise.
 */
public interface ImprovementEvaluator {

    /**
     * @param trials the study's trials (those not COMPLETE are ignored)
     * @param direction the study's direction
     * @throws IllegalArgumentException if the trials cannot be evaluated (none COMPLETE, no
     *     parameter shared by them all, ...)
     */
    double evaluate(List<FrozenTrial> trials, Direction direction);
}
