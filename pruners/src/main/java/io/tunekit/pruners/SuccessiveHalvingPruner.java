package io.tunekit.pruners;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.pruner.Pruner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * Asynchronous successive halving (ASHA, Optuna's {@code SuccessiveHalvingPruner}). Rung
 * {@code r} sits at step {@code minResource * reductionFactor^(minEarlyStoppingRate + r)}. When a
 * trial's latest step reaches its next rung, its latest value is recorded in the trial system
 * attribute {@code completed_rung_<r>} and compared with the values every trial of the study
 * recorded at that rung: the trial goes on only if it is within the best
 * {@code 1/reductionFactor} of them (the best one while fewer than {@code reductionFactor} have
 * arrived). A trial may pass several rungs in one call. A NaN value at a rung is pruned; while a
 * rung has at most {@code bootstrapCount} values, trials reaching it are pruned.
 *
 * <p>Rung values live in the storage, not in this object, so every process working on the study
 * compares against the same values. {@code minResource} may be left automatic: it is then
 * estimated, once the first trial is COMPLETE, as {@code max(1, largest last step / 100)} and
 * kept by this object; nothing is pruned before.
 *
 * <p>Thread-safe.
 */
public final class SuccessiveHalvingPruner implements Pruner {

    /** Prefix of the trial system attributes holding rung values: {@code completed_rung_<i>}. */
    public static final String RUNG_KEY_PREFIX = "completed_rung_";

    private final int fixedMinResource; // 0: automatic
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final int bootstrapCount;
    private volatile int estimatedMinResource; // 0: not estimated yet

    /** A pruner with Optuna's defaults: automatic minimum resource, reduction factor 4. */
    public SuccessiveHalvingPruner() {
        this(builder());
    }

    private SuccessiveHalvingPruner(Builder b) {
        this.fixedMinResource = b.minResource == null ? 0 : Validation.atLeast("minResource", b.minResource, 1);
        this.reductionFactor = Validation.atLeast("reductionFactor", b.reductionFactor, 2);
        this.minEarlyStoppingRate = Validation.atLeast("minEarlyStoppingRate", b.minEarlyStoppingRate, 0);
        this.bootstrapCount = Validation.atLeast("bootstrapCount", b.bootstrapCount, 0);
        if (bootstrapCount > 0 && b.minResource == null) {
            throw new IllegalArgumentException("bootstrapCount=" + bootstrapCount
                    + " needs a fixed minResource: bootstrapCount > 0 and an automatic minResource are incompatible");
        }
    }

    /** A builder for the options (each defaults to Optuna's). */
    public static Builder builder() {
        return new Builder();
    }

    /** The system attribute key of rung {@code rung}. */
    public static String rungKey(int rung) {
        return RUNG_KEY_PREFIX + rung;
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        OptionalInt last = trial.lastStep();
        if (last.isEmpty()) {
            return false;
        }
        int step = last.getAsInt();
        double value = trial.intermediateValues().get(step);
        int rung = currentRung(trial);
        int minResource = minResource(study);
        if (minResource == 0) {
            return false;
        }
        Direction direction = study.directions().get(0);
        List<FrozenTrial> trials = null;
        while (true) {
            if (step < promotionStep(minResource, minEarlyStoppingRate + rung)) {
                return false;
            }
            if (Double.isNaN(value)) {
                return true;
            }
            if (trials == null) {
                trials = study.trials();
            }
            String key = rungKey(rung);
            study.setTrialSystemAttr(trial, key, value);
            List<Double> competing = competingValues(trials, trial.number(), key);
            competing.add(value);
            // competing includes this trial, hence <=.
            if (competing.size() <= bootstrapCount || !isPromotable(value, competing, direction)) {
                return true;
            }
            rung++;
        }
    }

    /** The number of consecutive rungs, from 0, the trial has already passed. */
    private static int currentRung(FrozenTrial trial) {
        int rung = 0;
        while (trial.systemAttrs().containsKey(rungKey(rung))) {
            rung++;
        }
        return rung;
    }

    /** The minimum resource, estimating it if automatic; 0 while it cannot be estimated. */
    private int minResource(StudyView study) {
        if (fixedMinResource > 0) {
            return fixedMinResource;
        }
        int known = estimatedMinResource;
        if (known > 0) {
            return known;
        }
        int largestLastStep = -1;
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) {
            if (t.lastStep().isPresent()) {
                largestLastStep = Math.max(largestLastStep, t.lastStep().getAsInt());
            }
        }
        if (largestLastStep < 0) {
            return 0;
        }
        // A benign race: concurrent estimates differ only if trials completed in between.
        estimatedMinResource = Math.max(largestLastStep / 100, 1);
        return estimatedMinResource;
    }

    /** {@code minResource * reductionFactor^exponent}, saturated at Long.MAX_VALUE. */
    private long promotionStep(int minResource, int exponent) {
        long step = minResource;
        for (int i = 0; i < exponent; i++) {
            if (step > Long.MAX_VALUE / reductionFactor) {
                return Long.MAX_VALUE;
            }
            step *= reductionFactor;
        }
        return step;
    }

    private static List<Double> competingValues(List<FrozenTrial> trials, int self, String key) {
        List<Double> values = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.number() != self && t.systemAttrs().get(key) instanceof Number n) {
                values.add(n.doubleValue());
            }
        }
        return values;
    }

    private boolean isPromotable(double value, List<Double> competing, Direction direction) {
        // The best 1/eta go on; while fewer than eta values are in (Optuna cannot pause a trial
        // to wait for more), only the best one does.
        int index = Math.max(competing.size() / reductionFactor - 1, 0);
        Collections.sort(competing);
        return direction == Direction.MAXIMIZE
                ? value >= competing.get(competing.size() - 1 - index)
                : value <= competing.get(index);
    }

    @Override
    public String toString() {
        return "SuccessiveHalvingPruner[minResource=" + (fixedMinResource == 0 ? "auto" : fixedMinResource)
                + ", reductionFactor=" + reductionFactor + ", minEarlyStoppingRate=" + minEarlyStoppingRate
                + ", bootstrapCount=" + bootstrapCount + "]";
    }

    /** Options of a {@link SuccessiveHalvingPruner}; each defaults to Optuna's. */
    public static final class Builder {
        private Integer minResource;
        private int reductionFactor = 4;
        private int minEarlyStoppingRate = 0;
        private int bootstrapCount = 0;

        private Builder() {}

        /**
         * The steps of the first rung (at least 1). Default: automatic, estimated from the first
         * completed trials.
         */
        public Builder minResource(int minResource) {
            this.minResource = minResource;
            return this;
        }

        /** The factor by which each rung cuts the survivors (default 4, at least 2). */
        public Builder reductionFactor(int reductionFactor) {
            this.reductionFactor = reductionFactor;
            return this;
        }

        /** Rungs skipped at the bottom (default 0, at least 0). */
        public Builder minEarlyStoppingRate(int minEarlyStoppingRate) {
            this.minEarlyStoppingRate = minEarlyStoppingRate;
            return this;
        }

        /**
         * Values a rung needs before any trial reaching it can go on (default 0, at least 0);
         * needs a fixed {@link #minResource}.
         */
        public Builder bootstrapCount(int bootstrapCount) {
            this.bootstrapCount = bootstrapCount;
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException naming the option whose value breaks its rule
         */
        public SuccessiveHalvingPruner build() {
            return new SuccessiveHalvingPruner(this);
        }
    }
}
