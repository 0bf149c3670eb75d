package io.tunekit.examples;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.examples.ml.Dataset;
import io.tunekit.examples.ml.Datasets;
import io.tunekit.examples.ml.SgdLogisticRegression;
import io.tunekit.examples.ml.Standardizer;
import io.tunekit.examples.ml.StratifiedKFold;
import io.tunekit.pruner.NopPruner;
import io.tunekit.pruner.Pruner;
import io.tunekit.pruners.HyperbandPruner;
import io.tunekit.pruners.MedianPruner;
import io.tunekit.pruners.PatientPruner;
import io.tunekit.pruners.PercentilePruner;
import io.tunekit.pruners.SuccessiveHalvingPruner;
import io.tunekit.pruners.ThresholdPruner;
import io.tunekit.pruners.WilcoxonPruner;
import io.tunekit.samplers.tpe.TpeSampler;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Pruning in practice: tunes a logistic regression trained by stochastic gradient descent on the
 * breast-cancer data (TPE over the learning rate, the L2 penalty and the batch size), reporting the
 * validation log loss after every epoch, and stops trials the chosen pruner judges hopeless. It prints how many epochs were trained against the budget
 * without pruning, and the best trial.
 *
 * <pre>
 * java -jar examples/target/tunekit-examples.jar pruning --pruner hyperband --trials 60 --epochs 30
 * </pre>
 */
@Command(
        name = "pruning",
        mixinStandardHelpOptions = true,
        description = "Tune an SGD logistic regression epoch by epoch, pruning weak trials.")
public final class PruningExample implements Callable<Integer> {

    /** The pruners to choose from, by their command-line names. */
    static final List<String> PRUNERS = List.of(
            "none", "median", "percentile", "successive-halving", "hyperband", "threshold", "patient", "wilcoxon");

    @Option(
            names = "--pruner",
            defaultValue = "median",
            description = "none, median, percentile, successive-halving, hyperband, threshold, patient or wilcoxon "
                    + "(default: ${DEFAULT-VALUE})")
    private String pruner;

    @Option(names = "--trials", defaultValue = "60", description = "trials to run (default: ${DEFAULT-VALUE})")
    private int trials;

    @Option(
            names = "--epochs",
            defaultValue = "30",
            description = "epochs per trial at most (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the split, the sampler and the shuffles")
    private long seed;

    /** What a run produced: the study and the epochs it trained. */
    record Result(Study study, int epochsTrained, int epochBudget) {}

    @Mixin
    private ProgressOption progress;

    /** Usage: {@code pruning [--pruner NAME] [--trials N] [--epochs N] [--seed S] [--no-progress]}. */
    public static void main(String[] args) {
        ExampleMain.run(new PruningExample(), args);
    }

    @Override
    public Integer call() {
        Result result = run(pruner, trials, epochs, seed, progress.show());
        List<FrozenTrial> all = result.study().trials();
        long pruned = all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        FrozenTrial best = result.study().bestTrial();
        System.out.printf(Locale.ROOT, "Pruner: %s%n", pruner.equals("none") ? "none" : pruner(pruner, epochs));
        System.out.printf(
                Locale.ROOT, "Trials: %d (%d complete, %d pruned)%n", all.size(), all.size() - pruned, pruned);
        System.out.printf(
                Locale.ROOT,
                "Epochs trained: %d of %d without pruning (%.0f%% saved)%n",
                result.epochsTrained(),
                result.epochBudget(),
                100.0 * (result.epochBudget() - result.epochsTrained()) / result.epochBudget());
        System.out.printf(
                Locale.ROOT,
                "Best trial %d: validation log loss %.4f with %s%n",
                best.number(),
                best.value(),
                best.params());
        return 0;
    }

    /**
     * Runs the study.
     *
     * @throws IllegalArgumentException for an unknown pruner name
     */
    static Result run(String prunerName, int trials, int epochs, long seed, boolean progressBar) {
        Pruner pruner = pruner(prunerName, epochs);
        Dataset data = Datasets.breastCancer();
        StratifiedKFold.Fold fold =
                StratifiedKFold.split(data.labels(), 4, seed).get(0);
        Standardizer standardizer = Standardizer.fit(data.rows(fold.train()));
        double[][] xTrain = standardizer.transform(data.rows(fold.train()));
        int[] yTrain = data.labels(fold.train());
        double[][] xValid = standardizer.transform(data.rows(fold.validation()));
        int[] yValid = data.labels(fold.validation());

        Study study = Study.builder()
                .name("pruning-" + prunerName)
                .direction(Direction.MINIMIZE)
                .sampler(TpeSampler.builder().seed(seed).build())
                .pruner(pruner)
                .build();
        AtomicInteger epochsTrained = new AtomicInteger();
        study.optimize(
                trial -> {
                    double learningRate = trial.suggestLogFloat("learning_rate", 1e-4, 1.0);
                    double l2 = trial.suggestLogFloat("l2", 1e-6, 1e-1);
                    int batchSize = trial.suggestCategorical("batch_size", List.of(8, 32, 128));
                    SgdLogisticRegression sgd = SgdLogisticRegression.start(
                            xTrain, yTrain, learningRate, l2, batchSize, seed * 1_000_003 + trial.number());
                    double loss = Double.NaN;
                    for (int epoch = 0; epoch < epochs; epoch++) {
                        sgd.epoch();
                        epochsTrained.incrementAndGet();
                        loss = sgd.loss(xValid, yValid);
                        trial.report(loss, epoch);
                        if (trial.shouldPrune()) {
                            throw new TrialPrunedException();
                        }
                    }
                    return loss;
                },
                OptimizeOptions.trials(trials).progressBar(progressBar));
        return new Result(study, epochsTrained.get(), trials * epochs);
    }

    /**
     * The pruner of this name, set up for curves of {@code epochs} steps.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    static Pruner pruner(String name, int epochs) {
        return switch (name) {
            case "none" -> new NopPruner();
            case "median" -> new MedianPruner();
            case "percentile" -> new PercentilePruner(25);
            case "successive-halving" -> new SuccessiveHalvingPruner();
            case "hyperband" -> HyperbandPruner.builder().maxResource(epochs).build();
            // Good settings reach a log loss near 0.1 within a few epochs; 0.25 after 5 is a slow learner.
            case "threshold" ->
                ThresholdPruner.builder().upper(0.25).warmupSteps(5).build();
            // A median pruner made lenient: a trial below the median goes on while it still improves.
            // SGD's slow learners keep improving here, so it seldom prunes on this problem.
            case "patient" ->
                PatientPruner.builder(3).wrapped(new MedianPruner()).build();
            case "wilcoxon" -> new WilcoxonPruner();
            default -> throw new IllegalArgumentException("Unknown pruner '" + name + "'; choose one of " + PRUNERS);
        };
    }
}
