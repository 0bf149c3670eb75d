package io.tunekit;

/** A multi-objective function: returns one value per direction of the study. */
@FunctionalInterface
public interface MultiObjective {

    /**
     * Evaluates one configuration.
     *
     * @param trial the live trial to suggest parameters from
     * @return one value per study direction; a NaN or a wrong count makes the trial FAIL
     * @throws Exception anything makes the trial FAIL ({@link TrialPrunedException}: PRUNED)
     */
    double[] evaluate(Trial trial) throws Exception;
}
