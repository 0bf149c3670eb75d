package io.tunekit.samplers.nsga;

/**
 * What happens to a parameter chosen for mutation: {@link Resample} draws it afresh from its
 * distribution, uniformly (Optuna's default, {@code mutation=None}); {@link PolynomialMutation}
 * moves a numeric parameter by a polynomial step (a categorical one is resampled).
 */
public sealed interface Mutation permits Mutation.Resample, PolynomialMutation {

    /** Optuna's default: the mutated parameter is drawn uniformly by the random sampler. */
    Mutation RESAMPLE = new Resample();

    /** Draw the parameter afresh, uniformly. */
    record Resample() implements Mutation {}
}
