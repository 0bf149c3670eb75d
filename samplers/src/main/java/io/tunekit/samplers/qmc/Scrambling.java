package io.tunekit.samplers.qmc;

/**
 * How a {@link QmcSampler} randomises its sequence. A scrambled sequence keeps its low
 * discrepancy but loses the plain sequence's corner points (the first Sobol and Halton point is
 * the origin) and its grid-like alignment; the seed decides the scrambling.
 */
public enum Scrambling {
    /** The plain sequence, as Optuna's default {@code scramble=False}. */
    NONE,
    /**
     * Optuna's {@code scramble=True}: for Sobol, SciPy's scrambling (a random lower-triangular
     * binary matrix per dimension, linear matrix scrambling, followed by a random digital
     * shift); for Halton, a random digit permutation per dimension ({@code digit -> w * digit mod
     * base} with a random multiplier {@code w}, the weighted Halton sequence of Commons Math).
     */
    OWEN,
    /** Sobol only: a random digital shift (XOR of a random bit string per dimension). */
    DIGITAL_SHIFT
}
