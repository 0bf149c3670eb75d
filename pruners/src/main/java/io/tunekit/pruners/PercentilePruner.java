package io.tunekit.pruners;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.pruner.Pruner;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * Prunes a trial whose best intermediate value so far falls outside the given percentile of the
 * completed trials' values at the same step (Optuna's {@code PercentilePruner}).
 *
 * <p>At a check, with {@code step} the trial's latest step: no pruning while fewer than
 * {@code startupTrials} trials (and at least one) are COMPLETE (pruned trials do not count),
 * before {@code warmupSteps}, or except at the first report of each window of
 * {@code intervalSteps} steps after the warm-up. The trial's best value over all its steps
 * (NaN reports ignored) is compared with the {@code percentile}-th percentile (linear
 * interpolation, NaN ignored) of the completed trials' values at exactly {@code step}; for
 * MAXIMIZE the {@code (100 - percentile)}-th. It is pruned if it is worse. A trial whose reports
 * are all NaN is pruned; with fewer than {@code minTrials} completed trials reporting at
 * {@code step} nothing is pruned.
 *
 * <p>Immutable and thread-safe.
 */
public final class PercentilePruner implements Pruner {

    private final double percentile;
    private final int startupTrials;
    private final CheckSchedule schedule;
    private final int minTrials;

    /**
     * A pruner with Optuna's defaults: 5 startup trials, no warm-up, a check at every step, one
     * trial needed at the step.
     *
     * @param percentile in [0, 100]: the share of trials kept, e.g. 25 keeps the best quarter
     * @throws IllegalArgumentException if the percentile is outside [0, 100]
     */
    public PercentilePruner(double percentile) {
        this(percentile, builder(percentile));
    }

    /** The pruner of the options; {@link MedianPruner} builds its own at 50 with this too. */
    PercentilePruner(double percentile, PercentileOptions<?> options) {
        this.percentile = Validation.between("percentile", percentile, 0, 100);
        this.startupTrials = Validation.atLeast("startupTrials", options.startupTrials(), 0);
        this.schedule = options.schedule();
        this.minTrials = Validation.atLeast("minTrials", options.minTrials(), 1);
    }

    /**
     * A builder for a pruner that keeps the given percentile.
     *
     * @param percentile in [0, 100] (checked by {@link Builder#build()})
     */
    public static Builder builder(double percentile) {
        return new Builder(percentile);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        List<FrozenTrial> completed = study.trials(EnumSet.of(TrialState.COMPLETE));
        if (completed.isEmpty() || completed.size() < startupTrials) {
            return false;
        }
        OptionalInt last = trial.lastStep();
        if (last.isEmpty()) {
            return false;
        }
        int step = last.getAsInt();
        if (!schedule.isDue(step, trial.intermediateValues().keySet())) {
            return false;
        }
        Direction direction = study.directions().get(0);
        double best = NanBest.of(trial.intermediateValues().values(), direction);
        if (Double.isNaN(best)) {
            return true;
        }
        double[] atStep = completed.stream()
                .filter(t -> t.intermediateValues().containsKey(step))
                .mapToDouble(t -> t.intermediateValues().get(step))
                .toArray();
        if (atStep.length < minTrials) {
            return false;
        }
        double q = direction == Direction.MAXIMIZE ? 100 - percentile : percentile;
        double threshold = LinearPercentile.of(atStep, q);
        if (Double.isNaN(threshold)) {
            return false;
        }
        return direction == Direction.MAXIMIZE ? best < threshold : best > threshold;
    }

    @Override
    public String toString() {
        return "PercentilePruner[percentile=" + percentile + ", startupTrials=" + startupTrials
                + ", warmupSteps=" + schedule.warmupSteps() + ", intervalSteps=" + schedule.intervalSteps()
                + ", minTrials=" + minTrials + "]";
    }

    /**
     * Options of a {@link PercentilePruner}; each defaults to Optuna's: 5 startup trials, no
     * warm-up, a check at every step, one trial needed at the step.
     */
    public static final class Builder extends PercentileOptions<Builder> {
        private final double percentile;

        private Builder(double percentile) {
            this.percentile = percentile;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException naming the option whose value breaks its rule
         */
        public PercentilePruner build() {
            return new PercentilePruner(percentile, this);
        }
    }
}
