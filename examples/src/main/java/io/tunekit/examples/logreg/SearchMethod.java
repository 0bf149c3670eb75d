package io.tunekit.examples.logreg;

import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.grid.GridSampler;
import io.tunekit.samplers.tpe.TpeSampler;
import java.util.List;
import java.util.Map;

/** The search methods the logistic-regression example compares, each with its sampler. */
public enum SearchMethod {
    /** The textbook grid: C in {0.1, 1, 10, 100} x penalty in {l1, l2}, every point once. */
    GRID("grid") {
        @Override
        public Sampler sampler(long seed, int trials) {
            return new GridSampler(
                    Map.of("C", List.of(0.1, 1.0, 10.0, 100.0), "penalty", LogisticRegressionObjective.PENALTIES),
                    seed);
        }
    },
    /** Independent uniform draws: C log-uniform in [1e-3, 1e3], the penalty uniform. */
    RANDOM("random") {
        @Override
        public Sampler sampler(long seed, int trials) {
            return new RandomSampler(seed);
        }
    },
    /**
     * TPE over the same space as {@link #RANDOM}. It starts from {@link #tpeStartupTrials}
     * random trials (Optuna's default of 10 would leave nothing to model in a budget of 8).
     */
    TPE("tpe") {
        @Override
        public Sampler sampler(long seed, int trials) {
            return TpeSampler.builder()
                    .seed(seed)
                    .nStartupTrials(tpeStartupTrials(trials))
                    .build();
        }
    };

    /** The number of points of {@link #GRID}. */
    public static final int GRID_POINTS = 8;

    private final String label;

    SearchMethod(String label) {
        this.label = label;
    }

    /** Random trials TPE runs before it models: half the budget, at most Optuna's 10. */
    public static int tpeStartupTrials(int trials) {
        return Math.max(1, Math.min(10, trials / 2));
    }

    /** The short name shown in tables and study names. */
    public String label() {
        return label;
    }

    /** A new sampler of this method, seeded, for a budget of {@code trials} trials. */
    public abstract Sampler sampler(long seed, int trials);
}
