package io.tunekit.samplers.nsga;

import java.util.random.RandomGenerator;

/**
 * Uniform crossover (Syswerda 1989): each parameter comes from one of two parents. A draw
 * {@code u < swappingProbability} takes the first parent's value, otherwise the second's, as in
 * Optuna. The default crossover, and the one every categorical parameter gets.
 *
 * @param swappingProbability the probability of taking a parameter from the first parent, in [0, 1]
 */
public record UniformCrossover(double swappingProbability) implements Crossover {

    /** Validates the probability. */
    public UniformCrossover {
        Crossover.requireProbability("UniformCrossover", "swappingProbability", swappingProbability);
    }

    /** Optuna's default: 0.5. */
    public UniformCrossover() {
        this(0.5);
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public double[] crossover(double[][] parents, RandomGenerator random, double[][] bounds, boolean multiObjective) {
        double[] child = new double[bounds.length];
        for (int d = 0; d < child.length; d++) {
            child[d] = parents[takeSecond(random) ? 1 : 0][d];
        }
        return child;
    }

    /** One draw: whether the second parent gives this parameter. */
    boolean takeSecond(RandomGenerator random) {
        return random.nextDouble() >= swappingProbability;
    }
}
