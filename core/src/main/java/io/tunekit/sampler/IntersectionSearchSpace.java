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

    /** @param includePruned whether PRUNED trials count as well as COMPLETE ones */
    public IntersectionSearchSpace(boolean includePruned) {
        this.includePruned = includePruned;
    }

    /** The intersection search space, sorted by name. */
    public synchronized SortedMap<String, Distribution> calculate(StudyView study) {
        cursor.advance(study.trials(), this::add);
        return space == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(space));
    }

    private void add(FrozenTrial trial) {
        if (!TrialCursor.counts(trial.state(), includePruned)) {
            return;
        }
        if (space == null) {
            space = new TreeMap<>(trial.distributions());
            return;
        }
        space.entrySet()
                .removeIf(e -> !e.getValue().equals(trial.distributions().get(e.getKey())));
    }

    /** Convenience: the intersection of one study, computed from scratch. */
    public static SortedMap<String, Distribution> of(StudyView study, boolean includePruned) {
        return new IntersectionSearchSpace(includePruned).calculate(study);
    }
}
