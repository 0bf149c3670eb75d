package io.tunekit.samplers.nsga;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The settings NSGA-II and NSGA-III share, validated.
 *
 * @param populationSize trials per generation, at least 2 and at least the crossover's parents
 * @param mutation what a mutated parameter becomes
 * @param mutationProbability per parameter; empty: {@code 1 / number of parameters}
 * @param crossover the numeric parameters' crossover
 * @param crossoverProbability of making a child by crossover rather than copying a parent
 * @param swappingProbability of the categorical parameters' uniform crossover
 * @param seed of every random draw; empty: from the system's entropy
 */
record NsgaOptions(
        int populationSize,
        Mutation mutation,
        OptionalDouble mutationProbability,
        Crossover crossover,
        double crossoverProbability,
        double swappingProbability,
        OptionalLong seed) {

    NsgaOptions {
        if (populationSize < 2) {
            throw new IllegalArgumentException("populationSize=" + populationSize + " must be >= 2");
        }
        if (populationSize < crossover.parents()) {
            throw new IllegalArgumentException("populationSize=" + populationSize + " must be >= " + crossover.parents()
                    + ", the parents " + crossover + " needs");
        }
        if (mutationProbability.isPresent()) {
            Crossover.requireProbability("NSGA", "mutationProbability", mutationProbability.getAsDouble());
        }
        Crossover.requireProbability("NSGA", "crossoverProbability", crossoverProbability);
        Crossover.requireProbability("NSGA", "swappingProbability", swappingProbability);
    }
}
