package io.tunekit.samplers.nsga;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The options NSGA-II and NSGA-III share, with Optuna 5.0's defaults: population 50, uniform
 * crossover, crossover probability 0.9, swapping probability 0.5, mutation probability
 * {@code 1 / number of parameters}, a mutated parameter drawn afresh.
 *
 * @param <B> the concrete builder
 */
public abstract class NsgaBuilder<B extends NsgaBuilder<B>> {

    int populationSize = 50;
    Mutation mutation = Mutation.RESAMPLE;
    OptionalDouble mutationProbability = OptionalDouble.empty();
    Crossover crossover;
    double crossoverProbability = 0.9;
    double swappingProbability = 0.5;
    OptionalLong seed = OptionalLong.empty();
    ElitePopulationSelection elitePopulationSelection;

    NsgaBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Trials per generation (default 50); at least 2 and at least the crossover's parents. */
    public B populationSize(int populationSize) {
        this.populationSize = populationSize;
        return self();
    }

    /** What a parameter chosen for mutation becomes (default {@link Mutation#RESAMPLE}). */
    public B mutation(Mutation mutation) {
        this.mutation = Objects.requireNonNull(mutation, "mutation");
        return self();
    }

    /** The probability that each parameter mutates, in [0, 1] (default {@code 1 / number of parameters}). */
    public B mutationProbability(double probability) {
        this.mutationProbability = OptionalDouble.of(probability);
        return self();
    }

    /** The numeric parameters' crossover (default {@code new UniformCrossover(swappingProbability)}). */
    public B crossover(Crossover crossover) {
        this.crossover = Objects.requireNonNull(crossover, "crossover");
        return self();
    }

    /** The probability that a child is made by crossover rather than copied from a parent (default 0.9). */
    public B crossoverProbability(double probability) {
        this.crossoverProbability = probability;
        return self();
    }

    /** The probability of taking a parameter from the first parent in uniform crossovers (default 0.5). */
    public B swappingProbability(double probability) {
        this.swappingProbability = probability;
        return self();
    }

    /** Seeds every random draw (default: the system's entropy). */
    public B seed(long seed) {
        this.seed = OptionalLong.of(seed);
        return self();
    }

    /**
     * Who survives each generation (Optuna's {@code elite_population_selection_strategy}); the
     * default is the sampler's own: crowding distance for NSGA-II, reference points for NSGA-III.
     */
    public B elitePopulationSelection(ElitePopulationSelection selection) {
        this.elitePopulationSelection = Objects.requireNonNull(selection, "selection");
        return self();
    }

    NsgaOptions options() {
        return new NsgaOptions(
                populationSize,
                mutation,
                mutationProbability,
                crossover != null ? crossover : new UniformCrossover(swappingProbabilityChecked()),
                crossoverProbability,
                swappingProbability,
                seed);
    }

    private double swappingProbabilityChecked() {
        return Crossover.requireProbability("NSGA", "swappingProbability", swappingProbability);
    }
}
