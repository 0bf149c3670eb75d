package io.tunekit.examples.logreg;

import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.grid.GridSampler;

import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** The search methods the logistic-regression example compares, each with its sampler. */
public enum SearchMethod {
    /** The textbook grid: C in {0.1, 1, 10, 100} x penalty in {l1, l2}, every point once. */
    GRID("grid", seed -> new GridSampler(Map.of(
            "C", List.of(0.1, 1.0, 10.0, 100.0),
            "penalty", LogisticRegressionObjective.PENALTIES), seed)),
    /** Independent uniform draws: C log-uniform in [1e-3, 1e3], the penalty uniform. */
    RANDOM("random", RandomSampler::new);

    /** The number of points of {@link #GRID}. */
    public static final int GRID_POINTS = 8;

    private final String label;
    private final LongFunction<Sampler> sampler;

    SearchMethod(String label, LongFunction<Sampler> sampler) {
        this.label = label;
        this.sampler = sampler;
    }

    /** The short name shown in tables and study names. */
    public String label() {
        return label;
    }

    /** A new sampler of this method, seeded. */
    public Sampler sampler(long seed) {
        return sampler.apply(seed);
    }
}
