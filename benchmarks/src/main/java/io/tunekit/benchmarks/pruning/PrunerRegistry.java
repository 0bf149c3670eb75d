package io.tunekit.benchmarks.pruning;

import io.tunekit.pruner.NopPruner;
import io.tunekit.pruner.Pruner;
import io.tunekit.pruners.HyperbandPruner;
import io.tunekit.pruners.MedianPruner;
import io.tunekit.pruners.PatientPruner;
import io.tunekit.pruners.PercentilePruner;
import io.tunekit.pruners.SuccessiveHalvingPruner;
import io.tunekit.pruners.ThresholdPruner;
import io.tunekit.pruners.WilcoxonPruner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The pruners the pruning benchmark compares, by name: each maps the steps of a full curve to a
 * fresh pruner. Optuna's defaults unless said otherwise.
 */
public final class PrunerRegistry {

    private static final Map<String, IntFunction<Pruner>> PRUNERS = new LinkedHashMap<>();

    static {
        PRUNERS.put("none", steps -> new NopPruner());
        PRUNERS.put("median", steps -> new MedianPruner());
        // At step 0 every curve is 1.5 plus noise: the default warm-up of 0 prunes on noise alone.
        PRUNERS.put(
                "median-warmup",
                steps -> MedianPruner.builder().warmupSteps(steps / 10).build());
        PRUNERS.put("percentile25", steps -> new PercentilePruner(25));
        PRUNERS.put("successive-halving", steps -> new SuccessiveHalvingPruner());
        PRUNERS.put(
                "hyperband",
                steps -> HyperbandPruner.builder().maxResource(steps).build());
        // Curves start at 1.5 and the worst final score is about 0.99: above 1.0 after a tenth
        // of the curve is hopeless.
        PRUNERS.put(
                "threshold",
                steps -> ThresholdPruner.builder()
                        .upper(1.0)
                        .warmupSteps(steps / 10)
                        .build());
        PRUNERS.put(
                "patient-median",
                steps -> PatientPruner.builder(3).wrapped(new MedianPruner()).build());
        PRUNERS.put("wilcoxon", steps -> new WilcoxonPruner());
    }

    private PrunerRegistry() {}

    /** The registered names, in registration order. */
    public static List<String> names() {
        return List.copyOf(PRUNERS.keySet());
    }

    /**
     * A new pruner of this name for curves of {@code steps} steps.
     *
     * @throws IllegalArgumentException naming the known pruners if the name is unknown
     */
    public static Pruner create(String name, int steps) {
        IntFunction<Pruner> factory = PRUNERS.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown pruner '" + name + "'; known: " + names());
        }
        return factory.apply(steps);
    }
}
