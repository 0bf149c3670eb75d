package io.tunekit.samplers.qmc;

/** The low-discrepancy sequence a {@link QmcSampler} draws from. */
public enum QmcType {
    /** Sobol's sequence (Joe and Kuo's direction numbers), Optuna's default. */
    SOBOL,
    /** Halton's sequence (the first primes as bases). */
    HALTON;

    /** The name Optuna uses ({@code "sobol"}, {@code "halton"}). */
    String optunaName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
