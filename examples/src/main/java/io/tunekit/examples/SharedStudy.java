package io.tunekit.examples;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.util.List;

/**
 * The quickstart's study kept in a database: a SQLite file by default, or PostgreSQL/MySQL.
 * Every run creates the study or joins it, so the same command started several times, at once
 * or one after another, on one machine (a SQLite file) or many (a database server), works on one
 * study: each trial runs exactly once, numbered 0, 1, 2, ... across all of them. The file opens
 * in Optuna (and optuna-dashboard) too.
 */
public final class SharedStudy {

    private SharedStudy() {}

    /** Creates or joins the study at {@code url}, runs {@code trials} trials and returns it. */
    static Study run(Storage storage, int trials) {
        Study study = Study.builder()
                .name("shared-quickstart")
                .direction(Direction.MINIMIZE)
                .sampler(new RandomSampler())
                .storage(storage)
                .loadIfExists(true) // the first process creates, the others join
                .build();
        study.optimize(
                trial -> {
                    double x = trial.suggestFloat("x", -10, 10);
                    int n = trial.suggestInt("n", 1, 5);
                    String shape = trial.suggestCategorical("shape", List.of("bowl", "ridge"));
                    return (x - 2) * (x - 2) + (n - 3) * (n - 3) + (shape.equals("bowl") ? 0 : 1);
                },
                OptimizeOptions.trials(trials));
        return study;
    }

    /** Usage: {@code shared [storage URL, default sqlite:tunekit.db] [trials, default 100]}. */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "sqlite:tunekit.db";
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (Storage storage = Storages.open(url)) {
            Study study = run(storage, trials);
            FrozenTrial best = study.bestTrial();
            System.out.printf(
                    "The study holds %d trials. Best is trial %d with value %.6f and parameters %s%n",
                    study.trials().size(), best.number(), best.value(), best.params());
        }
    }
}
