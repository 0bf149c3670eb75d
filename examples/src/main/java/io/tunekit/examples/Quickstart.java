package io.tunekit.examples;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import java.util.List;

/**
 * The smallest complete Tunekit program: a define-by-run objective with a float, an int and a
 * categorical parameter, 200 trials on two threads, the best trial printed.
 */
public final class Quickstart {

    private Quickstart() {}

    /**
     * Runs the study on {@code threads} threads and returns it (the test inspects it). With one
     * thread a seed fixes every trial; with more, which trial gets which of the sampler's draws
     * depends on the threads' timing.
     */
    static Study run(int trials, long seed, int threads) {
        Study study = Study.builder()
                .name("quickstart")
                .direction(Direction.MINIMIZE)
                .sampler(new RandomSampler(seed))
                .build();
        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", -10, 10);
                    int n = trial.suggestInt("n", 1, 5);
                    String shape = trial.suggestCategorical("shape", List.of("bowl", "ridge"));
                    double penalty = shape.equals("bowl") ? 0 : 1;
                    return (x - 2) * (x - 2) + (n - 3) * (n - 3) + penalty;
                },
                OptimizeOptions.trials(trials).parallelism(threads));
        return study;
    }

    /** Usage: {@code quickstart [trials]}. */
    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Study study = run(trials, 42, 2);
        FrozenTrial best = study.bestTrial();
        System.out.printf(
                "Ran %d trials. Best is trial %d with value %.6f and parameters %s%n",
                study.trials().size(), best.number(), best.value(), best.params());
    }
}
