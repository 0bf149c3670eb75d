package io.tunekit.samplers.nsga;

/**
 * NSGA-II (Deb et al. 2002), the elitist non-dominated sorting genetic algorithm, with Optuna
 * 5.0's {@code NSGAIISampler} semantics and defaults: generations of {@code populationSize}
 * trials (50); the first generation random; each later trial a child of the parents its
 * generation inherited: binary tournaments, crossover with probability 0.9 (uniform by default,
 * or BLX-alpha, SBX, vSBX, UNDX, SPX), mutation of each parameter with probability
 * {@code 1 / number of parameters}; survivors chosen by non-domination rank and crowding
 * distance ({@link CrowdingDistanceSelection}). Trials that set constraints
 * ({@code trial.setConstraint}) are compared by constrained domination. Parameters outside the
 * space every COMPLETE trial shares, and categorical ones chosen for mutation, are drawn at
 * random.
 *
 * <p>Workers in other threads, processes and machines share the search through the storage:
 * each generation has exactly {@code populationSize} places, each given to one trial when the
 * storage creates it, and each generation's parents are selected once and stored for all (see
 * the README's samplers section). A seeded sampler repeats its trials exactly when they run one
 * at a time.
 *
 * <pre>{@code
 * Study study = Study.builder()
 *         .directions(Direction.MINIMIZE, Direction.MINIMIZE)
 *         .sampler(NsgaIISampler.builder().populationSize(50).crossover(new SbxCrossover()).seed(42).build())
 *         .build();
 * }</pre>
 */
public final class NsgaIISampler extends GeneticSampler {

    /** Optuna's class name, the prefix of the attributes the sampler stores. */
    static final String NAME = "NSGAIISampler";

    private NsgaIISampler(Builder b) {
        this(b, b.options());
    }

    private NsgaIISampler(Builder b, NsgaOptions options) {
        super(
                NAME,
                options,
                b.elitePopulationSelection != null
                        ? b.elitePopulationSelection
                        : new CrowdingDistanceSelection(options.populationSize()),
                "NsgaIISampler" + options);
    }

    /** A sampler with Optuna's defaults. */
    public NsgaIISampler() {
        this(builder());
    }

    /** A builder with Optuna's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of {@link NsgaIISampler}; see {@link NsgaBuilder} for the shared ones. */
    public static final class Builder extends NsgaBuilder<Builder> {

        private Builder() {}

        /**
         * The sampler.
         *
         * @throws IllegalArgumentException naming the option if one is out of range
         */
        public NsgaIISampler build() {
            return new NsgaIISampler(this);
        }
    }
}
