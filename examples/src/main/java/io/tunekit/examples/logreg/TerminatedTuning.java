package io.tunekit.examples.logreg;

import io.tunekit.Direction;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.TrialState;
import io.tunekit.analysis.importance.Fanova;
import io.tunekit.analysis.importance.Importance;
import io.tunekit.analysis.importance.ParamImportances;
import io.tunekit.analysis.terminator.TerminationCheck;
import io.tunekit.analysis.terminator.Terminator;
import io.tunekit.analysis.terminator.TerminatorCallback;
import io.tunekit.examples.ml.CrossValidation;
import io.tunekit.examples.ml.Metric;
import io.tunekit.storage.Storage;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Tuning that stops on its own: TPE on the cross-validated objective, with a
 * {@link TerminatorCallback} that ends the study when the regret bound of a GP fitted to the
 * trials falls below the cross-validation error of the best trial (the noise of the 5 fold
 * scores): past that point another trial cannot be told apart from luck. Then it shows which
 * parameters mattered, with bootstrap intervals.
 */
public final class TerminatedTuning {

    private final Storage storage;
    private final String studyName;
    private final boolean progressBar;

    /**
     * @param storage where the study goes (a study of the same name is replaced)
     * @param studyName the study's name
     * @param progressBar whether {@code optimize} draws its progress line
     */
    public TerminatedTuning(Storage storage, String studyName, boolean progressBar) {
        this.storage = storage;
        this.studyName = studyName;
        this.progressBar = progressBar;
    }

    /** What happened: the study, and the check that stopped it if one did. */
    public record Outcome(Study study, Optional<TerminationCheck> stop, int maxTrials) {}

    /** Runs at most {@code maxTrials} trials; prints progress of the decision and the importances. */
    public Outcome run(CrossValidation crossValidation, Metric metric, int maxTrials, long seed, PrintWriter out) {
        storage.findStudy(studyName).ifPresent(storage::deleteStudy);
        Study study = Study.builder()
                .name(studyName)
                .direction(Direction.MAXIMIZE)
                .sampler(SearchMethod.TPE.sampler(seed, maxTrials))
                .storage(storage)
                .build();
        study.setUserAttr("metric", metric.label());
        study.setUserAttr("folds", crossValidation.folds());
        TerminatorCallback stopper = new TerminatorCallback(Terminator.defaults());
        study.optimize(
                new LogisticRegressionObjective(crossValidation, metric),
                OptimizeOptions.trials(maxTrials).callbacks(stopper).progressBar(progressBar));
        Optional<TerminationCheck> stop = stopper.stopCheck();
        int done = study.trials(EnumSet.of(TrialState.COMPLETE)).size();
        if (stop.isPresent()) {
            out.printf(
                    Locale.ROOT,
                    "The terminator stopped the study after trial %d (%d of at most %d trials):%n  %s%n",
                    stop.get().lastTrial(),
                    done,
                    maxTrials,
                    stop.get().explanation());
        } else {
            TerminationCheck last = stopper.checks().get(stopper.checks().size() - 1);
            out.printf(
                    Locale.ROOT,
                    "All %d trials ran; the terminator never stopped the study. Last check:%n  %s%n",
                    maxTrials,
                    last.explanation());
        }
        out.printf(
                Locale.ROOT,
                "Best %s %.4f with %s (trial %d)%n",
                metric.label(),
                study.bestValue(),
                study.bestParams(),
                study.bestTrial().number());
        ParamImportances ped = Importance.builder().withIntervals(200).evaluate(study);
        out.printf("%nWhich parameters mattered (PED-ANOVA, 95%% bootstrap intervals over %d trials):%n", ped.trials());
        out.print(ped.toTable());
        ParamImportances fanova =
                Importance.builder().evaluator(Fanova.defaults()).evaluate(study);
        out.printf("%nThe same by fANOVA (64 trees, seed 0):%n");
        out.print(fanova.toTable());
        return new Outcome(study, stop, maxTrials);
    }
}
