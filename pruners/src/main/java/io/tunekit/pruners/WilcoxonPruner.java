package io.tunekit.pruners;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.pruner.Pruner;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Prunes a trial that a one-sided Wilcoxon signed-rank test finds worse than the study's best
 * trial (Optuna's {@code WilcoxonPruner}). Meant for objectives that aggregate many evaluations,
 * e.g. folds or problem instances: each step is one instance, reported in any order, and the
 * reported values need not converge.
 *
 * <p>The differences current − best are taken over the steps both trials reported. The trial is
 * pruned iff there are at least {@code max(2, startupSteps)} of them, the test's p-value (the
 * alternative: the current trial is worse; zeros split as SciPy's {@code zsplit}; exact up to 50
 * pairs) is below {@code pThreshold}, and the trial's mean over all its reports is worse than the
 * best trial's mean over all of its reports (a safety rule). A trial with a NaN or infinite
 * report, or whose best trial has one, is never pruned; neither is one when no trial is COMPLETE
 * or the best trial reported nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class WilcoxonPruner implements Pruner {

    private static final System.Logger LOG = System.getLogger(WilcoxonPruner.class.getName());

    private final double pThreshold;
    private final int startupSteps;

    /** A pruner with Optuna's defaults: p-value threshold 0.1, 2 startup steps. */
    public WilcoxonPruner() {
        this(builder());
    }

    private WilcoxonPruner(Builder b) {
        this.pThreshold = Validation.between("pThreshold", b.pThreshold, 0, 1);
        this.startupSteps = Validation.atLeast("startupSteps", b.startupSteps, 0);
    }

    /** A builder for the options (each defaults to Optuna's). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        SortedMap<Integer, Double> current = trial.intermediateValues();
        if (current.isEmpty()) {
            return false;
        }
        if (!allFinite(current)) {
            LOG.log(
                    Level.WARNING,
                    "The intermediate values of the current trial (trial {0}) contain "
                            + "infinity/NaN. WilcoxonPruner will not prune this trial.",
                    trial.number());
            return false;
        }
        Optional<FrozenTrial> bestTrial = study.bestTrial();
        if (bestTrial.isEmpty() || bestTrial.get().intermediateValues().isEmpty()) {
            return false;
        }
        SortedMap<Integer, Double> best = bestTrial.get().intermediateValues();
        if (!allFinite(best)) {
            LOG.log(
                    Level.WARNING,
                    "The intermediate values of the best trial (trial {0}) contain "
                            + "infinity/NaN. WilcoxonPruner will not prune the current trial.",
                    bestTrial.get().number());
            return false;
        }
        double[] differences = current.entrySet().stream()
                .filter(e -> best.containsKey(e.getKey()))
                .mapToDouble(e -> e.getValue() - best.get(e.getKey()))
                .toArray();
        if (differences.length < current.size()) {
            LOG.log(
                    Level.WARNING,
                    "WilcoxonPruner finds steps of trial {0} that the best trial {1} did not "
                            + "report. Those values are ignored.",
                    trial.number(),
                    bestTrial.get().number());
        }
        if (differences.length < Math.max(2, startupSteps)) {
            return false;
        }
        boolean minimize = study.directions().get(0) == Direction.MINIMIZE;
        double p = WilcoxonSignedRank.pValue(
                differences, minimize ? WilcoxonSignedRank.Alternative.GREATER : WilcoxonSignedRank.Alternative.LESS);
        if (!(p < pThreshold)) {
            return false;
        }
        // The test says worse, but if the trial's mean is no worse than the best trial's, the
        // evidence is contradictory: keep it for now.
        double currentMean = mean(current);
        double bestMean = mean(best);
        boolean averageIsBest = minimize ? bestMean >= currentMean : bestMean <= currentMean;
        return !averageIsBest;
    }

    private static boolean allFinite(Map<Integer, Double> values) {
        return values.values().stream().allMatch(Double::isFinite);
    }

    private static double mean(Map<Integer, Double> values) {
        double sum = 0;
        for (double v : values.values()) {
            sum += v;
        }
        return sum / values.size();
    }

    @Override
    public String toString() {
        return "WilcoxonPruner[pThreshold=" + pThreshold + ", startupSteps=" + startupSteps + "]";
    }

    /** Options of a {@link WilcoxonPruner}; each defaults to Optuna's. */
    public static final class Builder {
        private double pThreshold = 0.1;
        private int startupSteps = 2;

        private Builder() {}

        /**
         * The p-value below which a trial is pruned (default 0.1, in [0, 1]); larger prunes more.
         * The test is repeated at every report, so expect about twice this rate of good trials
         * pruned by mistake.
         */
        public Builder pThreshold(double pThreshold) {
            this.pThreshold = pThreshold;
            return this;
        }

        /** Paired steps needed before anything is pruned (default 2, at least 0; 2 at the least in effect). */
        public Builder startupSteps(int startupSteps) {
            this.startupSteps = startupSteps;
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException naming the option whose value breaks its rule
         */
        public WilcoxonPruner build() {
            return new WilcoxonPruner(this);
        }
    }
}
