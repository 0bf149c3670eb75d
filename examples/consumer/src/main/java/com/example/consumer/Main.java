package com.example.consumer;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.pruners.MedianPruner;
import io.tunekit.samplers.tpe.TpeSampler;
import io.tunekit.storage.jdbc.JdbcStorage;
import io.tunekit.storage.jdbc.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a seeded TPE study with a median pruner on a fresh SQLite file, reads it back through a
 * second storage, and checks what a user relies on; exits with status 1 on the first failed check.
 * Also checks that it runs as a named module and that Tunekit's internal packages are hidden.
 */
public final class Main {

    private static final int TRIALS = 30;

    private Main() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.deleteIfExists(file);
        String url = "sqlite:///" + file;

        double best;
        try (JdbcStorage storage = Storages.open(url)) {
            Study study = Study.builder()
                    .name("consumer")
                    .direction(Direction.MINIMIZE)
                    .sampler(TpeSampler.builder().seed(0).build())
                    .pruner(new MedianPruner())
                    .storage(storage)
                    .build();
            study.optimize(
                    trial -> {
                        double x = trial.suggestFloat("x", -10, 10);
                        int n = trial.suggestInt("n", 1, 5);
                        String kind = trial.suggestCategorical("kind", List.of("a", "b"));
                        double value = (x - 2) * (x - 2) + n + ("a".equals(kind) ? 0 : 1);
                        for (int step = 0; step < 3; step++) {
                            trial.report(value + 3 - step, step);
                            if (trial.shouldPrune()) {
                                throw new TrialPrunedException();
                            }
                        }
                        return value;
                    },
                    TRIALS);
            best = study.bestValue();
        }

        try (JdbcStorage reopened = Storages.open(url)) {
            Study study = Study.load("consumer", reopened);
            List<FrozenTrial> trials = study.trials();
            check(trials.size() == TRIALS, "trials stored: " + trials.size());
            for (int i = 0; i < trials.size(); i++) {
                check(trials.get(i).number() == i, "trial numbers are 0.." + (TRIALS - 1));
            }
            check(
                    trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED),
                    "every trial COMPLETE or PRUNED");
            double min = trials.stream()
                    .filter(t -> t.state() == TrialState.COMPLETE)
                    .mapToDouble(FrozenTrial::value)
                    .min()
                    .orElseThrow();
            check(study.bestValue() == min && best == min, "best value " + best + " is the minimum " + min);
        }

        Module self = Main.class.getModule();
        Module core = Study.class.getModule();
        Module samplers = TpeSampler.class.getModule();
        Module storage = Storages.class.getModule();
        check("com.example.consumer".equals(self.getName()), "runs on the module path, as " + self);
        check("io.tunekit.core".equals(core.getName()), "core is the named module io.tunekit.core: " + core);
        check(core.isExported("io.tunekit"), "io.tunekit is exported");
        check(!core.isExported("io.tunekit.internal"), "io.tunekit.internal is not exported to users");
        check(core.isExported("io.tunekit.internal", storage), "io.tunekit.internal is exported to the storage");
        check(
                !samplers.isExported("io.tunekit.samplers.internal"),
                "io.tunekit.samplers.internal is not exported to users");
        System.out.println(
                "Tunekit consumer: " + TRIALS + " trials on SQLite, best value " + best + "; all checks passed");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            System.err.println("Tunekit consumer check failed: " + what);
            System.exit(1);
        }
    }
}
