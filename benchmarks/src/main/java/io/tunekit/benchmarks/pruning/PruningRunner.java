package io.tunekit.benchmarks.pruning;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.benchmarks.SamplerRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one study of the pruning benchmark: {@code trials} sequential trials of
 * {@link LearningCurves}, each reporting up to {@code steps} values and asking the pruner after
 * each, in a fresh in-memory study.
 */
public final class PruningRunner {

    private static final String FINAL_SCORE = "final_score";

    private final int trials;
    private final int steps;

    /**
     * @param trials trials per study, at least 1
     * @param steps steps of a full curve, at least 1
     */
    public PruningRunner(int trials, int steps) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials=" + trials + " must be >= 1");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps=" + steps + " must be >= 1");
        }
        this.trials = trials;
        this.steps = steps;
    }

    /** Runs the study with this sampler, pruner and seed. */
    public PruningRun run(String sampler, String pruner, long seed) {
        Study study = Study.builder()
                .name("pruning-" + pruner + "-" + seed)
                .direction(Direction.MINIMIZE)
                .sampler(SamplerRegistry.create(sampler, seed))
                .pruner(PrunerRegistry.create(pruner, steps))
                .build();
        long start = System.nanoTime();
        study.optimize(
                trial -> {
                    LearningCurves curve = LearningCurves.suggest(trial, seed * 1_000_003L + trial.number());
                    trial.setUserAttr(FINAL_SCORE, curve.finalScore());
                    double value = Double.NaN;
                    for (int t = 0; t < steps; t++) {
                        value = curve.observe(t);
                        trial.report(value, t);
                        if (trial.shouldPrune()) {
                            throw new TrialPrunedException();
                        }
                    }
                    return value;
                },
                trials);
        double wall = (System.nanoTime() - start) / 1e9;

        List<FrozenTrial> all = study.trials();
        long consumed =
                all.stream().mapToLong(t -> t.intermediateValues().size()).sum();
        int pruned =
                (int) all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        List<Double> bestFinalByTrials = new ArrayList<>();
        FrozenTrial best = null;
        for (FrozenTrial t : all) { // in number order
            if (t.state() == TrialState.COMPLETE && (best == null || t.value() < best.value())) {
                best = t;
            }
            bestFinalByTrials.add(best == null ? Double.NaN : finalScore(best));
        }
        return new PruningRun(
                pruner,
                sampler,
                seed,
                all.size(),
                pruned,
                consumed,
                (long) trials * steps,
                best == null ? Double.NaN : best.value(),
                best == null ? Double.NaN : finalScore(best),
                wall,
                bestFinalByTrials);
    }

    private static double finalScore(FrozenTrial trial) {
        return ((Number) trial.userAttrs().get(FINAL_SCORE)).doubleValue();
    }
}
