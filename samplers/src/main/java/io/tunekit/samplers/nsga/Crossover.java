package io.tunekit.samplers.nsga;

import java.util.random.RandomGenerator;

/**
 * How a child's numeric parameters are made from its parents', Optuna's six operators. They work
 * on the numeric parameters in Optuna's continuous space (log scale for log parameters, ranges
 * widened by half a step for ints and stepped floats); categorical parameters always get a
 * uniform crossover. Implementations are immutable values.
 */
public sealed interface Crossover
        permits UniformCrossover, BlxAlphaCrossover, SbxCrossover, VsbxCrossover, UndxCrossover, SpxCrossover {

    /** How many parents one child needs. */
    int parents();

    /**
     * One child.
     *
     * @param parents {@link #parents()} rows, one per parent, each with a value per dimension
     * @param random the draws, in Optuna's order
     * @param bounds per dimension {@code {low, high}} of the continuous space
     * @param multiObjective whether the study has several objectives (some defaults depend on it)
     * @return the child, one value per dimension; it may lie outside the bounds (the sampler then
     *     draws another)
     */
    double[] crossover(double[][] parents, RandomGenerator random, double[][] bounds, boolean multiObjective);

    /** Checks that a probability lies in [0, 1]. */
    static double requireProbability(String what, String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + ": " + name + "=" + p + " must be in [0, 1]");
        }
        return p;
    }
}
