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
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        checkExports();
        System.out.println(
                "Tunekit consumer: " + TRIALS + " trials on SQLite, best value " + best + "; all checks passed");
    }

    /**
     * The rule every Tunekit module keeps: a package is exported to everyone unless its name has
     * an {@code internal} segment; such a package is exported, if at all, only to Tunekit's own
     * modules. A package added without an {@code exports} line fails here.
     */
    private static void checkExports() {
        for (Module module : ModuleLayer.boot().modules()) {
            if (!module.getName().startsWith("io.tunekit.")) {
                continue;
            }
            ModuleDescriptor descriptor = module.getDescriptor();
            for (String pkg : descriptor.packages()) {
                boolean internal = List.of(pkg.split("\\.")).contains("internal");
                Optional<ModuleDescriptor.Exports> export = descriptor.exports().stream()
                        .filter(e -> e.source().equals(pkg))
                        .findFirst();
                if (internal) {
                    check(
                            export.map(e -> e.isQualified()
                                            && e.targets().stream().allMatch(t -> t.startsWith("io.tunekit.")))
                                    .orElse(true),
                            module.getName() + " exports " + pkg + " only to Tunekit modules");
                } else {
                    check(
                            export.map(e -> !e.isQualified()).orElse(false),
                            module.getName() + " exports its package " + pkg);
                }
            }
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            System.err.println("Tunekit consumer check failed: " + what);
            System.exit(1);
        }
    }
}
