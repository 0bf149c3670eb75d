package io.tunekit.benchmarks.pruning;

import java.util.List;

/**
 * One study of the pruning benchmark.
 *
 * @param pruner the pruner's registry name
 * @param sampler the sampler's registry name
 * @param seed the seed of the sampler and of the curves' noise
 * @param trials trials run
 * @param pruned trials that ended PRUNED
 * @param steps steps consumed: reports over all trials
 * @param stepBudget the steps without pruning: trials times steps per curve
 * @param bestValue the best value the study reports (a noisy last value); NaN if no trial completed
 * @param bestFinalScore the true final score of that best trial; NaN if no trial completed
 * @param wallSeconds the wall time of the study
 * @param bestFinalByTrials element k: the true final score of the best COMPLETE trial among the
 *     first k + 1 trials (by reported value), NaN while none is complete
 */
public record PruningRun(
        String pruner,
        String sampler,
        long seed,
        int trials,
        int pruned,
        long steps,
        long stepBudget,
        double bestValue,
        double bestFinalScore,
        double wallSeconds,
        List<Double> bestFinalByTrials) {

    /** Copies the list. */
    public PruningRun {
        bestFinalByTrials = List.copyOf(bestFinalByTrials);
    }
}
