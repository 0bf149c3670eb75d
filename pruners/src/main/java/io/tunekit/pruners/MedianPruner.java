package io.tunekit.pruners;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.pruner.Pruner;

/**
 * Prunes a trial whose best intermediate value so far is worse than the median of the completed
 * trials' values at the same step: a {@link PercentilePruner} at the 50th percentile, with the
 * same options and rules (Optuna's {@code MedianPruner}, the pruner Optuna uses by default).
 *
 * <p>Immutable and thread-safe.
 */
public final class MedianPruner implements Pruner {

    private final PercentilePruner median;

    /** A pruner with Optuna's defaults: 5 startup trials, no warm-up, a check at every step. */
    public MedianPruner() {
        this(builder());
    }

    private MedianPruner(Builder b) {
        this.median = b.options.build();
    }

    /** A builder for the options (each defaults to Optuna's). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        return median.prune(study, trial);
    }

    @Override
    public String toString() {
        return "MedianPruner[" + median + "]";
    }

    /** Options of a {@link MedianPruner}: those of {@link PercentilePruner.Builder}. */
    public static final class Builder {
        private final PercentilePruner.Builder options = PercentilePruner.builder(50);

        private Builder() {}

        /** Completed trials needed before anything is pruned (default 5, at least 0). */
        public Builder startupTrials(int startupTrials) {
            options.startupTrials(startupTrials);
            return this;
        }

        /** Steps before which a trial is not pruned (default 0, at least 0). */
        public Builder warmupSteps(int warmupSteps) {
            options.warmupSteps(warmupSteps);
            return this;
        }

        /** Steps between checks, counted from the end of the warm-up (default 1, at least 1). */
        public Builder intervalSteps(int intervalSteps) {
            options.intervalSteps(intervalSteps);
            return this;
        }

        /** Completed trials that must have reported at the step judged (default 1, at least 1). */
        public Builder minTrials(int minTrials) {
            options.minTrials(minTrials);
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException naming the option whose value breaks its rule
         */
        public MedianPruner build() {
            return new MedianPruner(this);
        }
    }
}
