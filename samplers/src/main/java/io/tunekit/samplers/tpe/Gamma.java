package io.tunekit.samplers.tpe;

/**
 * How many of the {@code n} finished trials (COMPLETE and PRUNED) form the "good" group whose
 * density {@code l(x)} the TPE sampler maximises against the rest, {@code g(x)}.
 */
@FunctionalInterface
public interface Gamma {

    /** Optuna's single-objective default: {@code min(ceil(0.1 n), 25)}. */
    Gamma DEFAULT = n -> Math.min((int) Math.ceil(0.1 * n), 25);

    /** Optuna 5's multi-objective default: {@code ceil(0.1 n)}, without a cap. */
    Gamma MULTI_OBJECTIVE_DEFAULT = n -> (int) Math.ceil(0.1 * n);

    /** hyperopt's choice: {@code min(ceil(0.25 sqrt(n)), 25)}. */
    Gamma HYPEROPT = n -> Math.min((int) Math.ceil(0.25 * Math.sqrt(n)), 25);

    /**
     * @param n the number of finished (non-running) trials considered
     * @return the size of the good group, at least 0 (larger values take every trial)
     */
    int nBelow(int n);
}
