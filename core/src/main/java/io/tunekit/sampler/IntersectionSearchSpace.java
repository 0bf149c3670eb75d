package io.tunekit.sampler;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.distribution.Distribution;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parameters every COMPLETE trial (and PRUNED one, if asked) has, each with the same
 * distribution in all of them; a parameter whose range changed between trials drops out.
 * Computed incrementally: each call looks only at trials that finished since the last one. One
 * instance follows one study.
 */
public final class IntersectionSearchSpace {

    private final boolean includePruned;
    private final TrialCursor cursor = new TrialCursor();
    private SortedMap<String, Distribution> space;
    /** The unmodifiable copy of {@code space} that callers get, replaced when it changes. */
    private SortedMap<String, Distribution> result = Collections.emptySortedMap();

    /** @param includePruned whether PRUNED trials count as well as COMPLETE ones */
    public IntersectionSearchSpace(boolean includePruned) {
        this.includePruned = includePruned;
    }

    /**
     * The intersection search space, sorted by name: unmodifiable, and the same instance as
     * long as it does not change, so callers can derive things from it once.
     */
    public synchronized SortedMap<String, Distribution> calculate(StudyView study) {
        cursor.advance(study.trials(), this::add);
        return result;
    }

    private void add(FrozenTrial trial) {
        if (!TrialCursor.counts(trial.state(), includePruned)) {
            return;
        }
        if (space == null) {
            space = new TreeMap<>(trial.distributions());
        } else if (!space.entrySet()
                .removeIf(e -> !e.getValue().equals(trial.distributions().get(e.getKey())))) {
            return;
        }
        result = Collections.unmodifiableSortedMap(new TreeMap<>(space));
    }

    /** Convenience: the intersection of one study, computed from scratch. */
    public static SortedMap<String, Distribution> of(StudyView study, boolean includePruned) {
        return new IntersectionSearchSpace(includePruned).calculate(study);
    }
}
