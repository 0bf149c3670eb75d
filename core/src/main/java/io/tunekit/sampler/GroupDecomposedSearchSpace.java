package io.tunekit.sampler;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.distribution.Distribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits the parameters of a study with a conditional search space into disjoint groups that
 * always appear together: for each trial's parameter set D, every group S becomes S&cap;D and
 * S&#8726;D, and what D adds beyond all groups becomes a new group. A sampler can then model
 * each group jointly. Incremental like {@link IntersectionSearchSpace}.
 */
public final class GroupDecomposedSearchSpace {

    private final boolean includePruned;
    private final TrialCursor cursor = new TrialCursor();
    private List<SortedMap<String, Distribution>> groups = new ArrayList<>();

    /** @param includePruned whether PRUNED trials count as well as COMPLETE ones */
    public GroupDecomposedSearchSpace(boolean includePruned) {
        this.includePruned = includePruned;
    }

    /** The groups, each sorted by name; the distributions are those first seen. */
    public synchronized List<SortedMap<String, Distribution>> calculate(StudyView study) {
        cursor.advance(study.trials(), this::add);
        List<SortedMap<String, Distribution>> out = new ArrayList<>(groups.size());
        for (SortedMap<String, Distribution> g : groups) {
            out.add(Collections.unmodifiableSortedMap(new TreeMap<>(g)));
        }
        return Collections.unmodifiableList(out);
    }

    private void add(FrozenTrial trial) {
        if (!TrialCursor.counts(trial.state(), includePruned)) {
            return;
        }
        Map<String, Distribution> distributions = trial.distributions();
        Set<String> rest = new HashSet<>(distributions.keySet());
        List<SortedMap<String, Distribution>> next = new ArrayList<>();
        for (SortedMap<String, Distribution> group : groups) {
            SortedMap<String, Distribution> inside = new TreeMap<>();
            SortedMap<String, Distribution> outside = new TreeMap<>();
            group.forEach((name, d) -> (distributions.containsKey(name) ? inside : outside).put(name, d));
            next.add(inside);
            next.add(outside);
            rest.removeAll(group.keySet());
        }
        SortedMap<String, Distribution> added = new TreeMap<>();
        for (String name : rest) {
            added.put(name, distributions.get(name));
        }
        next.add(added);
        next.removeIf(Map::isEmpty);
        groups = next;
    }
}
