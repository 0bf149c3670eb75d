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
        this.median = new PercentilePruner(50, b);
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

    /**
     * Options of a {@link MedianPruner}: those of {@link PercentilePruner.Builder}, with the same
     * defaults.
     */
    public static final class Builder extends PercentileOptions<Builder> {
        private Builder() {}

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
