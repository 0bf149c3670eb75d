package io.tunekit.samplers.cmaes;

/** What {@link CmaEsSampler} does when a CMA-ES run converges (the library's stopping tests). */
public enum RestartStrategy {
    /** Keep sampling from the converged run (Optuna's default). */
    NONE,
    /**
     * IPOP-CMA-ES (Auger and Hansen, 2005): restart from a random point with the population
     * multiplied by {@code incPopsize}.
     */
    IPOP,
    /**
     * BIPOP-CMA-ES (Hansen, 2009): alternate restarts with a growing large population and
     * restarts with a small random population, so each regime spends about the same number of
     * evaluations.
     */
    BIPOP
}
