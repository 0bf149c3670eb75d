package io.tunekit.samplers.cmaes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the study stores for a CMA-ES search: the current run's optimizer and the restart
 * bookkeeping (how many restarts, the BIPOP budgets and the seed that randomises restarts).
 *
 * @param optimizer the current run
 * @param restarts how many restarts happened before it
 * @param popsize0 the population of the first run
 * @param largeRestarts BIPOP: restarts in the large-population regime
 * @param smallEvaluations BIPOP: evaluations spent in small-population runs
 * @param largeEvaluations BIPOP: evaluations spent in large-population runs (the first run included)
 * @param smallRegime BIPOP: whether the current run is a small-population one
 * @param seed the seed of the restarts' random choices
 */
record CmaRun(
        CmaOptimizer optimizer,
        int restarts,
        int popsize0,
        int largeRestarts,
        long smallEvaluations,
        long largeEvaluations,
        boolean smallRegime,
        long seed) {

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("restarts", restarts);
        out.put("popsize0", popsize0);
        out.put("large_restarts", largeRestarts);
        out.put("small_evaluations", smallEvaluations);
        out.put("large_evaluations", largeEvaluations);
        out.put("small_regime", smallRegime);
        out.put("seed", seed);
        out.put("optimizer", optimizer.toJson());
        return out;
    }

    static CmaRun fromJson(Map<?, ?> json) {
        return new CmaRun(
                CmaOptimizer.fromJson((Map<?, ?>) json.get("optimizer")),
                ((Number) json.get("restarts")).intValue(),
                ((Number) json.get("popsize0")).intValue(),
                ((Number) json.get("large_restarts")).intValue(),
                ((Number) json.get("small_evaluations")).longValue(),
                ((Number) json.get("large_evaluations")).longValue(),
                (Boolean) json.get("small_regime"),
                ((Number) json.get("seed")).longValue());
    }
}
