package io.tunekit.examples.logreg;

import io.tunekit.Direction;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.examples.ml.CrossValidation;
import io.tunekit.examples.ml.LogisticRegression;
import io.tunekit.examples.ml.Metric;
import io.tunekit.examples.ml.Penalty;
import io.tunekit.storage.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Runs each {@link SearchMethod} on the same cross-validated objective with the same trial
 * budget, one study per method in one storage, and collects what each achieved.
 *
 * <p>Study names are {@code <prefix>-<metric>-<method>}, e.g. {@code lr-accuracy-grid}. A study
 * of that name left by an earlier run is deleted first, so every run starts from scratch and
 * the table compares like with like.
 */
public final class MethodComparison {

    private final Storage storage;
    private final String studyPrefix;
    private final boolean progressBar;

    /**
     * @param storage where the studies go
     * @param studyPrefix the first part of every study name
     * @param progressBar whether {@code optimize} draws its progress line (on a terminal only)
     */
    public MethodComparison(Storage storage, String studyPrefix, boolean progressBar) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.studyPrefix = Objects.requireNonNull(studyPrefix, "studyPrefix");
        this.progressBar = progressBar;
    }

    /** The study name of a method for a metric. */
    public String studyName(Metric metric, SearchMethod method) {
        return studyPrefix + "-" + metric.label() + "-" + method.label();
    }

    /**
     * Tunes with every method in turn.
     *
     * @param trials the budget of each method (the grid stops earlier once its 8 points are done)
     * @param seed the seed of every sampler
     * @throws IllegalArgumentException if {@code trials <= 0}
     */
    public List<MethodResult> run(CrossValidation crossValidation, Metric metric, int trials, long seed) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials=" + trials + " must be > 0");
        }
        LogisticRegressionObjective objective = new LogisticRegressionObjective(crossValidation, metric);
        // Warm-up, untimed: without it the first method would pay the JIT compilation of the
        // solver in its wall time.
        for (Penalty penalty : Penalty.values()) {
            crossValidation.score(LogisticRegression.of(penalty, 1), metric);
        }
        List<MethodResult> results = new ArrayList<>();
        for (SearchMethod method : SearchMethod.values()) {
            String name = studyName(metric, method);
            storage.findStudy(name).ifPresent(storage::deleteStudy);
            Study study = Study.builder()
                    .name(name)
                    .direction(Direction.MAXIMIZE)
                    .sampler(method.sampler(seed, trials))
                    .storage(storage)
                    .build();
            study.setUserAttr("metric", metric.label());
            study.setUserAttr("folds", crossValidation.folds());
            long start = System.nanoTime();
            study.optimize(objective, OptimizeOptions.trials(trials).progressBar(progressBar));
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            int completed = study.trials(EnumSet.of(TrialState.COMPLETE)).size();
            results.add(new MethodResult(method, name, study.bestValue(), study.bestParams(), completed, wall));
        }
        return List.copyOf(results);
    }
}
