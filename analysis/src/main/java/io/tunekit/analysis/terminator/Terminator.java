package io.tunekit.analysis.terminator;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.StudyView;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when more trials cannot pay (Makarova et al., 2022, as Optuna's
 * {@code optuna.terminator}): a study should stop when the room left for improvement
 * ({@link ImprovementEvaluator}) falls below the statistical error of the objective
 * ({@link ErrorEvaluator}). By default the room is the {@link RegretBound} of a GP fitted to the
 * trials, and the error is the {@link CrossValidationError} of the best trial's fold scores.
 *
 * <pre>{@code
 * Terminator terminator = Terminator.defaults();
 * TerminatorCallback stopper = new TerminatorCallback(terminator);
 * study.optimize(trial -> {
 *     double c = trial.suggestLogFloat("C", 1e-3, 1e2);
 *     double[] folds = crossValidate(c, 5);                  // one accuracy per fold
 *     Terminator.reportCrossValidationScores(trial, folds);  // read by CrossValidationError
 *     return mean(folds);
 * }, OptimizeOptions.trials(200).callbacks(stopper));
 * stopper.stopCheck().ifPresent(check -> System.out.println(check.explanation()));
 * // after trial 41: regret bound 0.00312 < cross-validation error 0.00498: ... stop
 * }</pre>
 *
 * Single-objective studies only. The terminator judges only with at least {@code minTrials}
 * COMPLETE trials (default 20). Thread-safe if its evaluators are (those here are).
 */
public final class Terminator {

    /** The trial system attribute holding the cross-validation scores (Optuna's key, so Optuna reads them). */
    public static final String CV_SCORES_KEY = "terminator:cv_scores";

    private final ImprovementEvaluator improvement;
    private final ErrorEvaluator error;
    private final int minTrials;

    private Terminator(ImprovementEvaluator improvement, ErrorEvaluator error, int minTrials) {
        this.improvement = improvement;
        this.error = error;
        this.minTrials = minTrials;
    }

    /** The regret bound against the cross-validation error, from 20 COMPLETE trials on (Optuna's defaults). */
    public static Terminator defaults() {
        return builder().build();
    }

    /** A builder; every setting has Optuna's default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stores the cross-validation scores of a running trial (one per fold) in its system
     * attributes under {@value #CV_SCORES_KEY}, where {@link CrossValidationError} and Optuna
     * 5.0's {@code CrossValidationErrorEvaluator} read them.
     *
     * @throws IllegalArgumentException if fewer than 2 scores are given or one is not finite
     */
    public static void reportCrossValidationScores(Trial trial, double... scores) {
        if (scores.length <= 1) {
            throw new IllegalArgumentException(
                    "reportCrossValidationScores: " + scores.length + " scores given; at least 2 folds are needed");
        }
        List<Double> values = new ArrayList<>(scores.length);
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("reportCrossValidationScores: score " + s + " is not finite");
            }
            values.add(s);
        }
        trial.study().view().setTrialSystemAttr(trial.snapshot(), CV_SCORES_KEY, values);
    }

    /** The cross-validation scores a trial reported, if any. */
    public static Optional<double[]> crossValidationScores(FrozenTrial trial) {
        if (!(trial.systemAttrs().get(CV_SCORES_KEY) instanceof List<?> list) || list.size() < 2) {
            return Optional.empty();
        }
        double[] scores = new double[list.size()];
        for (int i = 0; i < scores.length; i++) {
            if (!(list.get(i) instanceof Number number)) {
                return Optional.empty();
            }
            scores[i] = number.doubleValue();
        }
        return Optional.of(scores);
    }

    /** Whether the study should stop now. */
    public boolean shouldTerminate(Study study) {
        return check(study.view()).shouldTerminate();
    }

    /** Evaluates the study now: improvement, error and decision. */
    public TerminationCheck check(Study study) {
        return check(study.view());
    }

    /**
     * Evaluates the study now: improvement, error and decision.
     *
     * @throws IllegalArgumentException for a multi-objective study, or when an evaluator cannot
     *     evaluate the trials (e.g. the best trial reported no cross-validation scores)
     */
    public TerminationCheck check(StudyView study) {
        if (study.directions().size() != 1) {
            throw new IllegalArgumentException("Terminator: study '" + study.name() + "' has "
                    + study.directions().size() + " objectives; the terminator needs exactly one");
        }
        return check(
                study.trials(EnumSet.allOf(TrialState.class)),
                study.directions().get(0));
    }

    /** Evaluates trials of a single-objective study with the given direction. */
    public TerminationCheck check(List<FrozenTrial> trials, Direction direction) {
        List<FrozenTrial> complete = TrialData.complete(trials);
        int last = complete.stream().mapToInt(FrozenTrial::number).max().orElse(-1);
        if (complete.size() < minTrials) {
            return new TerminationCheck(
                    complete.size(),
                    last,
                    Double.NaN,
                    Double.NaN,
                    TerminationCheck.Decision.TOO_FEW_TRIALS,
                    name(improvement),
                    name(error));
        }
        double room = improvement.evaluate(trials, direction);
        double noise = error.evaluate(trials, direction);
        return new TerminationCheck(
                complete.size(),
                last,
                room,
                noise,
                room < noise ? TerminationCheck.Decision.TERMINATE : TerminationCheck.Decision.CONTINUE,
                name(improvement),
                name(error));
    }

    private static String name(Object evaluator) {
        if (evaluator instanceof RegretBound) {
            return "regret bound";
        }
        if (evaluator instanceof BestValueStagnation) {
            return "trials left before stagnation";
        }
        if (evaluator instanceof Emmr) {
            return "EMMR";
        }
        if (evaluator instanceof CrossValidationError) {
            return "cross-validation error";
        }
        if (evaluator instanceof StaticError) {
            return "threshold";
        }
        if (evaluator instanceof MedianError) {
            return "median-based threshold";
        }
        return evaluator.getClass().getSimpleName();
    }

    /** Settings of a {@link Terminator}. */
    public static final class Builder {
        private ImprovementEvaluator improvement = RegretBound.defaults();
        private ErrorEvaluator error;
        private int minTrials = 20;

        private Builder() {}

        /** What measures the room for improvement (default {@link RegretBound#defaults()}). */
        public Builder improvement(ImprovementEvaluator evaluator) {
            this.improvement = Objects.requireNonNull(evaluator, "evaluator");
            return this;
        }

        /**
         * What measures the noise (default {@link CrossValidationError}, or {@code StaticError(0)}
         * with {@link BestValueStagnation}, as Optuna).
         */
        public Builder error(ErrorEvaluator evaluator) {
            this.error = Objects.requireNonNull(evaluator, "evaluator");
            return this;
        }

        /**
         * The least number of COMPLETE trials before the terminator judges (default 20).
         *
         * @throws IllegalArgumentException if {@code minTrials < 1}
         */
        public Builder minTrials(int minTrials) {
            if (minTrials < 1) {
                throw new IllegalArgumentException("Terminator: minTrials is " + minTrials + "; it must be at least 1");
            }
            this.minTrials = minTrials;
            return this;
        }

        public Terminator build() {
            ErrorEvaluator e = error != null
                    ? error
                    : improvement instanceof BestValueStagnation ? new StaticError(0) : new CrossValidationError();
            return new Terminator(improvement, e, minTrials);
        }
    }
}
