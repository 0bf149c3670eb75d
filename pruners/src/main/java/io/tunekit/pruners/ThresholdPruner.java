package io.tunekit.pruners;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.pruner.Pruner;
import java.util.OptionalInt;

/**
 * Prunes a trial whose latest intermediate value is NaN or outside {@code [lower, upper]}, e.g.
 * a diverging loss (Optuna's {@code ThresholdPruner}). Checks follow the warm-up and interval
 * rule of {@link PercentilePruner}; the study's direction plays no part.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThresholdPruner implements Pruner {

    private final double lower;
    private final double upper;
    private final CheckSchedule schedule;

    private ThresholdPruner(Builder b) {
        if (b.lower == null && b.upper == null) {
            throw new IllegalArgumentException("ThresholdPruner needs a lower or an upper bound (or both)");
        }
        this.lower = b.lower == null ? Double.NEGATIVE_INFINITY : notNaN("lower", b.lower);
        this.upper = b.upper == null ? Double.POSITIVE_INFINITY : notNaN("upper", b.upper);
        if (lower > upper) {
            throw new IllegalArgumentException("lower must be <= upper, got lower=" + lower + " > upper=" + upper);
        }
        this.schedule = b.schedule();
    }

    /** A builder; at least one bound must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Prunes below {@code lower}; no warm-up, a check at every step. */
    public static ThresholdPruner below(double lower) {
        return builder().lower(lower).build();
    }

    /** Prunes above {@code upper}; no warm-up, a check at every step. */
    public static ThresholdPruner above(double upper) {
        return builder().upper(upper).build();
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        OptionalInt last = trial.lastStep();
        if (last.isEmpty()) {
            return false;
        }
        int step = last.getAsInt();
        if (!schedule.isDue(step, trial.intermediateValues().keySet())) {
            return false;
        }
        double latest = trial.intermediateValues().get(step);
        return Double.isNaN(latest) || latest < lower || latest > upper;
    }

    private static double notNaN(String option, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(option + " must not be NaN (leave it unset for no bound)");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ThresholdPruner[lower=" + lower + ", upper=" + upper + ", warmupSteps=" + schedule.warmupSteps()
                + ", intervalSteps=" + schedule.intervalSteps() + "]";
    }

    /** Options of a {@link ThresholdPruner}. */
    public static final class Builder extends StepScheduleOptions<Builder> {
        private Double lower;
        private Double upper;

        private Builder() {}

        /** Values below this are pruned (default: no lower bound). */
        public Builder lower(double lower) {
            this.lower = lower;
            return this;
        }

        /** Values above this are pruned (default: no upper bound). */
        public Builder upper(double upper) {
            this.upper = upper;
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException if no bound is set, a bound is NaN, lower > upper, or
         *     a step option breaks its rule
         */
        public ThresholdPruner build() {
            return new ThresholdPruner(this);
        }
    }
}
