package io.tunekit.examples.xgboost;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.examples.ExampleMain;
import io.tunekit.examples.ProgressOption;
import io.tunekit.examples.ml.Dataset;
import io.tunekit.examples.ml.Datasets;
import io.tunekit.examples.ml.StratifiedKFold;
import io.tunekit.pruner.NopPruner;
import io.tunekit.pruner.Pruner;
import io.tunekit.pruners.MedianPruner;
import io.tunekit.pruners.SuccessiveHalvingPruner;
import io.tunekit.samplers.tpe.TpeSampler;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.Storage;
import io.tunekit.storage.jdbc.Storages;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import ml.dmlc.xgboost4j.java.XGBoostError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Tunes XGBoost on the handwritten-digits data: seven booster parameters, the validation log
 * loss reported after every boosting round, and a pruner that stops weak trials; prints how
 * many rounds pruning saved against running every trial to the end.
 */
@Command(
        name = "xgboost",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Tunes XGBoost (max_depth, eta, subsample, colsample_bytree, min_child_weight, lambda, alpha) "
                + "on the digits data with a validation split; a pruner stops weak trials between boosting rounds.")
public final class XgboostExample implements Callable<Integer> {

    /** The pruners this example offers. */
    enum PrunerChoice {
        MEDIAN,
        HALVING,
        NONE;

        Pruner create() {
            return switch (this) {
                // Let every trial run a few rounds first: the first rounds of a slow learner say little.
                case MEDIAN ->
                    MedianPruner.builder().startupTrials(5).warmupSteps(10).build();
                case HALVING ->
                    SuccessiveHalvingPruner.builder()
                            .minResource(10)
                            .reductionFactor(3)
                            .build();
                case NONE -> new NopPruner();
            };
        }
    }

    /** What a run did, read back from its study. */
    record Summary(int complete, int pruned, long roundsRun, long roundsWithoutPruning, FrozenTrial best) {
        long roundsSaved() {
            return roundsWithoutPruning - roundsRun;
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--trials", defaultValue = "30", description = "trials (default: ${DEFAULT-VALUE})")
    private int trials;

    @Option(
            names = "--rounds",
            defaultValue = "100",
            description = "boosting rounds of a trial that is not pruned (default: ${DEFAULT-VALUE})")
    private int rounds;

    @Option(
            names = "--pruner",
            defaultValue = "median",
            description = "median, halving (successive halving) or none (default: ${DEFAULT-VALUE})")
    private String pruner;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the split, sampler and XGBoost")
    private long seed;

    @Option(names = "--storage", description = "storage URL such as sqlite:xgboost.db (default: in memory)")
    private String storageUrl;

    @Mixin
    private ProgressOption progress;

    /** Usage: {@code xgboost [--trials N] [--rounds R] [--pruner median|halving|none]}. */
    public static void main(String[] args) {
        ExampleMain.run(new XgboostExample(), args);
    }

    @Override
    public Integer call() throws XGBoostError {
        PrunerChoice choice = parsePruner();
        PrintWriter out = spec.commandLine().getOut();
        Summary s = run();
        out.printf(
                "%d trials: %d complete, %d pruned (pruner: %s)%n",
                s.complete() + s.pruned(),
                s.complete(),
                s.pruned(),
                choice.name().toLowerCase(Locale.ROOT));
        out.printf(
                "Boosting rounds run: %d of %d (%d trials x %d rounds): pruning saved %d rounds (%.0f%%)%n",
                s.roundsRun(),
                s.roundsWithoutPruning(),
                s.complete() + s.pruned(),
                rounds,
                s.roundsSaved(),
                100.0 * s.roundsSaved() / s.roundsWithoutPruning());
        out.printf(
                "Best is trial %d: validation log loss %.4f, accuracy %.4f, parameters %s%n",
                s.best().number(),
                s.best().value(),
                ((Number) s.best().userAttrs().get(BoostingObjective.ACCURACY_ATTR)).doubleValue(),
                s.best().params());
        out.flush();
        return 0;
    }

    private PrunerChoice parsePruner() {
        try {
            return PrunerChoice.valueOf(pruner.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--pruner '" + pruner + "' is not one of median, halving, none");
        }
    }

    /** Tunes with the options given and summarises. */
    Summary run() throws XGBoostError {
        PrunerChoice choice = parsePruner();
        if (trials <= 0 || rounds <= 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--trials=" + trials + " and --rounds=" + rounds + " must be > 0");
        }
        Dataset digits = Datasets.digits();
        // A stratified 80/20 split: the first of five folds validates.
        StratifiedKFold.Fold split =
                StratifiedKFold.split(digits.labels(), 5, seed).get(0);
        Dataset train = new Dataset(digits.rows(split.train()), digits.labels(split.train()), digits.classNames());
        Dataset validation =
                new Dataset(digits.rows(split.validation()), digits.labels(split.validation()), digits.classNames());
        try (Storage storage = storageUrl == null ? new InMemoryStorage() : Storages.open(storageUrl);
                BoostingObjective objective = new BoostingObjective(train, validation, rounds, seed)) {
            String name = "xgboost-digits-" + choice.name().toLowerCase(Locale.ROOT);
            storage.findStudy(name).ifPresent(storage::deleteStudy);
            Study study = Study.builder()
                    .name(name)
                    .direction(Direction.MINIMIZE)
                    .sampler(TpeSampler.builder().seed(seed).build())
                    .pruner(choice.create())
                    .storage(storage)
                    .build();
            study.optimize(objective, OptimizeOptions.trials(trials).progressBar(progress.show()));
            int complete = study.trials(EnumSet.of(TrialState.COMPLETE)).size();
            int pruned = study.trials(EnumSet.of(TrialState.PRUNED)).size();
            return new Summary(
                    complete, pruned, objective.roundsRun(), (long) (complete + pruned) * rounds, study.bestTrial());
        }
    }
}
