package io.tunekit.distribution;

/**
 * The domain of one parameter: a float range, an integer range or a set of categorical choices.
 *
 * <p>Every value has an <em>internal representation</em> as a {@code double}, exactly as Optuna
 * stores it: the number itself for float and int parameters, the index of the choice for
 * categorical ones. Samplers work on internal values; objectives see external ones
 * ({@link Double}, {@link Integer} or the choice object).
 *
 * <p>Implementations are immutable, validate their arguments on construction and compare by
 * value.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /**
     * Converts an external value to its internal representation.
     *
     * @throws IllegalArgumentException if the value has the wrong type, is NaN, is not positive
     *     for a log distribution or is not one of the categorical choices
     */
    double toInternal(Object external);

    /** Converts an internal value back to the value an objective sees. */
    Object toExternal(double internal);

    /** Whether the internal value lies in the domain (range, step grid, choice index). */
    boolean contains(double internal);

    /** Whether the domain holds exactly one value, so no sampler is needed. */
    boolean isSingle();

    /** The internal value of a single-valued distribution (see {@link #isSingle()}). */
    double singleValue();

    /**
     * Checks that {@code next} may be used for a parameter first suggested with {@code first}:
     * the same kind, the same log flag and the same categorical choices. Ranges and steps may
     * differ.
     *
     * @throws IllegalArgumentException naming the parameter and the rule that is broken
     */
    static void requireCompatible(String name, Distribution first, Distribution next) {
        if (first.getClass() != next.getClass()) {
            throw new IllegalArgumentException("Cannot set different distribution kind to the same parameter name: '"
                    + name + "' was " + first + ", now " + next);
        }
        if (first instanceof FloatDistribution f && f.log() != ((FloatDistribution) next).log()
                || first instanceof IntDistribution i && i.log() != ((IntDistribution) next).log()) {
            throw new IllegalArgumentException("Cannot set different log configuration to the same parameter name: '"
                    + name + "' was " + first + ", now " + next);
        }
        if (first instanceof CategoricalDistribution c && !c.equals(next)) {
            throw new IllegalArgumentException("CategoricalDistribution does not support dynamic value space: '" + name
                    + "' was " + first + ", now " + next);
        }
    }
}
