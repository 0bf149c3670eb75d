package io.tunekit.sampler;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Visits each finished trial of a study once, across calls: trials before the cursor are all
 * finished and visited; after it, visited trial ids are remembered until the cursor passes them.
 * Finished trials never change, so incremental search-space computations stay exact.
 */
final class TrialCursor {

    private int position;
    private final Set<Long> visitedAhead = new HashSet<>();

    /** Calls {@code visit} for each finished trial of {@code trials} not visited before. */
    void advance(List<FrozenTrial> trials, Consumer<FrozenTrial> visit) {
        boolean allFinishedSoFar = true;
        int next = position;
        for (int i = position; i < trials.size(); i++) {
            FrozenTrial t = trials.get(i);
            boolean finished = t.state().isFinished();
            if (finished && !visitedAhead.contains(t.id())) {
                visit.accept(t);
                visitedAhead.add(t.id());
            }
            if (allFinishedSoFar && finished) {
                visitedAhead.remove(t.id());
                next = i + 1;
            } else {
                allFinishedSoFar = false;
            }
        }
        position = next;
    }

    /** Whether a finished trial in this state should be taken into account. */
    static boolean counts(TrialState state, boolean includePruned) {
        return state == TrialState.COMPLETE || includePruned && state == TrialState.PRUNED;
    }
}
