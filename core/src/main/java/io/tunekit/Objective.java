package io.tunekit;

/** A single-objective function: defines its search space through the trial and returns its value. */
@FunctionalInterface
public interface Objective {

    /**
     * Evaluates one configuration.
     *
     * @param trial the live trial to suggest parameters from and report to
     * @return the objective value; NaN makes the trial FAIL, infinities are accepted
     * @throws TrialPrunedException to end the trial as PRUNED
     * @throws Exception anything else makes the trial FAIL
     */
    double evaluate(Trial trial) throws Exception;
}
