package io.tunekit.pruners;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.pruner.Pruner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lets a trial run while it still improves (Optuna's {@code PatientPruner}). Once a trial has
 * more than {@code patience + 1} reported steps, its best value over the last
 * {@code patience + 1} steps is compared with its best value before them (NaN reports ignored):
 * if it has not improved by more than {@code minDelta}, the wrapped pruner decides, or the trial
 * is pruned when nothing is wrapped; otherwise it is kept. A window whose values are all NaN
 * counts as no evidence of stagnation.
 *
 * <p>The sampler sees the study the wrapped pruner shows it (e.g. a Hyperband bracket).
 * Immutable and thread-safe if the wrapped pruner is.
 */
public final class PatientPruner implements Pruner {

    private final Pruner wrapped;
    private final int patience;
    private final double minDelta;

    private PatientPruner(Builder b) {
        this.wrapped = b.wrapped;
        this.patience = Validation.atLeast("patience", b.patience, 0);
        this.minDelta = Validation.nonNegative("minDelta", b.minDelta);
    }

    /**
     * A builder.
     *
     * @param patience steps without improvement tolerated (at least 0)
     */
    public static Builder builder(int patience) {
        return new Builder(patience);
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        List<Double> values = new ArrayList<>(trial.intermediateValues().values()); // ascending steps
        if (values.size() <= patience + 1) {
            return false;
        }
        int split = values.size() - patience - 1;
        Direction direction = study.directions().get(0);
        double before = NanBest.of(values.subList(0, split), direction);
        double recent = NanBest.of(values.subList(split, values.size()), direction);
        // Comparisons with NaN (an all-NaN window) are false, so such a window never prunes.
        boolean stalled = direction == Direction.MINIMIZE ? before + minDelta < recent : before - minDelta > recent;
        if (!stalled) {
            return false;
        }
        return wrapped == null || wrapped.prune(study, trial);
    }

    @Override
    public StudyView samplerView(StudyView study, FrozenTrial trial) {
        return wrapped == null ? study : wrapped.samplerView(study, trial);
    }

    @Override
    public String toString() {
        return "PatientPruner[patience=" + patience + ", minDelta=" + minDelta + ", wrapped=" + wrapped + "]";
    }

    /** Options of a {@link PatientPruner}. */
    public static final class Builder {
        private final int patience;
        private Pruner wrapped;
        private double minDelta = 0.0;

        private Builder(int patience) {
            this.patience = patience;
        }

        /** The pruner that decides once the trial has stalled (default: none, i.e. prune). */
        public Builder wrapped(Pruner wrapped) {
            this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
            return this;
        }

        /** The improvement that counts as one (default 0, at least 0). */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException if patience or minDelta is negative (or minDelta NaN)
         */
        public PatientPruner build() {
            return new PatientPruner(this);
        }
    }
}
