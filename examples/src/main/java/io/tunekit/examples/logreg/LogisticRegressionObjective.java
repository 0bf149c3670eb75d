package io.tunekit.examples.logreg;

import io.tunekit.Objective;
import io.tunekit.Trial;
import io.tunekit.analysis.terminator.Terminator;
import io.tunekit.examples.ml.CrossValidation;
import io.tunekit.examples.ml.LogisticRegression;
import io.tunekit.examples.ml.Metric;
import io.tunekit.examples.ml.Penalty;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The tuning objective of the logistic-regression examples: suggests {@code C} on a log scale in
 * [1e-3, 1e3] and the penalty ("l1" or "l2"), and returns the cross-validated metric (to be
 * maximised). Each trial keeps its per-fold scores in the user attribute {@code fold_scores} and
 * reports them to the terminator ({@link Terminator#reportCrossValidationScores}), which judges
 * from their spread when more trials cannot pay.
 * Thread-safe: trials may run in parallel.
 */
public final class LogisticRegressionObjective implements Objective {

    /** The smallest C the continuous searches explore. */
    public static final double MIN_C = 1e-3;
    /** The largest C the continuous searches explore. */
    public static final double MAX_C = 1e3;
    /** The penalty choices, in the order the categorical parameter lists them. */
    public static final List<String> PENALTIES = List.of("l1", "l2");

    private final CrossValidation crossValidation;
    private final Metric metric;

    /** An objective scoring each setting by {@code metric} over {@code crossValidation}'s folds. */
    public LogisticRegressionObjective(CrossValidation crossValidation, Metric metric) {
        this.crossValidation = Objects.requireNonNull(crossValidation, "crossValidation");
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    @Override
    public double evaluate(Trial trial) {
        double c = trial.suggestLogFloat("C", MIN_C, MAX_C);
        Penalty penalty = Penalty.parse(trial.suggestCategorical("penalty", PENALTIES));
        double[] folds = crossValidation.foldScores(LogisticRegression.of(penalty, c), metric);
        trial.setUserAttr("fold_scores", Arrays.stream(folds).boxed().toList());
        Terminator.reportCrossValidationScores(trial, folds);
        return Arrays.stream(folds).average().orElseThrow();
    }
}
