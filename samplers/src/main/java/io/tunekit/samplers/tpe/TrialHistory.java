package io.tunekit.samplers.tpe;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the TPE sampler keeps of a study between asks. Finished trials never change, so each
 * COMPLETE or PRUNED trial is read once: its values, pruning key, constraint violation and internal
 * parameter values go into columns (sorted per parameter), and single-objective COMPLETE trials
 * into an order by value. Each ask then only maps the study's current trial list onto this
 * history ({@link #sync}); a filtered view of the study (a Hyperband bracket) just sees fewer of
 * the recorded trials.
 */
final class TrialHistory {

    /** The trials an ask sees: finished ones as history indices in number order, and running ones. */
    record Visible(int[] finished, List<FrozenTrial> running) {}

    private final List<Direction> directions;
    private final Map<Long, Integer> indexById = new HashMap<>();
    private final Map<String, ParamColumn> columns = new HashMap<>();
    private SortedMap<String, Distribution> intersection;
    private int size;
    private long[] ids = new long[16];
    private int[] numbers = new int[16];
    private boolean[] pruned = new boolean[16];
    private double[][] values = new double[16][];
    private double[] violations = new double[16];
    private int[] lastSteps = new int[16];
    private double[] lastIntermediate = new double[16];
    // single objective: COMPLETE trials by (signed value, number)
    private int[] completeOrder = new int[16];
    private int completeCount;
    // position cache of the last synced trial list: trial id and history index (-1: not finished then)
    private long[] positionIds = new long[0];
    private int[] positionIndices = new int[0];

    TrialHistory(List<Direction> directions) {
        this.directions = List.copyOf(directions);
    }

    /** The study's directions this history was made for. */
    List<Direction> directions() {
        return directions;
    }

    /**
     * Records the trials not seen before and returns what this list shows: its COMPLETE and PRUNED
     * trials, and its RUNNING trials other than {@code currentTrialId}.
     */
    Visible sync(List<FrozenTrial> trials, long currentTrialId) {
        int n = trials.size();
        int[] finished = new int[n];
        int count = 0;
        List<FrozenTrial> running = new ArrayList<>();
        long[] newIds = new long[n];
        int[] newIndices = new int[n];
        for (int i = 0; i < n; i++) {
            FrozenTrial t = trials.get(i);
            newIds[i] = t.id();
            int index = -1;
            if (i < positionIds.length && positionIds[i] == t.id() && positionIndices[i] >= 0) {
                index = positionIndices[i];
            } else if (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED) {
                index = indexOf(t);
            } else if (t.state() == TrialState.RUNNING && t.id() != currentTrialId) {
                running.add(t);
            }
            newIndices[i] = index;
            if (index >= 0) {
                finished[count++] = index;
            }
        }
        positionIds = newIds;
        positionIndices = newIndices;
        return new Visible(Arrays.copyOf(finished, count), running);
    }

    private int indexOf(FrozenTrial t) {
        Integer known = indexById.get(t.id());
        if (known != null && numbers[known] == t.number()) {
            return known;
        }
        return add(t);
    }

    private int add(FrozenTrial t) {
        if (size == ids.length) {
            int cap = size * 2;
            ids = Arrays.copyOf(ids, cap);
            numbers = Arrays.copyOf(numbers, cap);
            pruned = Arrays.copyOf(pruned, cap);
            values = Arrays.copyOf(values, cap);
            violations = Arrays.copyOf(violations, cap);
            lastSteps = Arrays.copyOf(lastSteps, cap);
            lastIntermediate = Arrays.copyOf(lastIntermediate, cap);
        }
        int index = size++;
        ids[index] = t.id();
        numbers[index] = t.number();
        pruned[index] = t.state() == TrialState.PRUNED;
        values[index] = t.values().stream().mapToDouble(Double::doubleValue).toArray();
        violations[index] = t.constraintViolation();
        if (t.intermediateValues().isEmpty()) {
            lastSteps[index] = -1;
            lastIntermediate[index] = Double.NaN;
        } else {
            int step = t.intermediateValues().lastKey();
            lastSteps[index] = step;
            lastIntermediate[index] = t.intermediateValues().get(step);
        }
        indexById.put(t.id(), index);
        t.distributions()
                .forEach((name, d) -> columns.computeIfAbsent(name, x -> new ParamColumn())
                        .put(index, d.toInternal(t.params().get(name))));
        if (intersection == null) {
            intersection = new TreeMap<>(t.distributions());
        } else {
            intersection
                    .entrySet()
                    .removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
        }
        if (!pruned[index] && directions.size() == 1 && values[index].length == 1) {
            insertComplete(index);
        }
        return index;
    }

    private void insertComplete(int index) {
        if (completeCount == completeOrder.length) {
            completeOrder = Arrays.copyOf(completeOrder, completeCount * 2);
        }
        int lo = 0;
        int hi = completeCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareComplete(completeOrder[mid], index) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(completeOrder, lo, completeOrder, lo + 1, completeCount - lo);
        completeOrder[lo] = index;
        completeCount++;
    }

    private int compareComplete(int a, int b) {
        int c = Double.compare(signedValue(a), signedValue(b));
        return c != 0 ? c : Integer.compare(numbers[a], numbers[b]);
    }

    /** The single objective value, negated when maximising, so that smaller is better. */
    double signedValue(int index) {
        double v = values[index][0];
        return directions.get(0) == Direction.MAXIMIZE ? -v : v;
    }

    /** Single objective: the {@code i}-th best COMPLETE trial (ties by number), over the whole history. */
    int completeByRank(int i) {
        return completeOrder[i];
    }

    /** Single objective: how many COMPLETE trials with one value the history holds. */
    int completeCount() {
        return completeCount;
    }

    int size() {
        return size;
    }

    int number(int index) {
        return numbers[index];
    }

    boolean isPruned(int index) {
        return pruned[index];
    }

    double[] values(int index) {
        return values[index];
    }

    double violation(int index) {
        return violations[index];
    }

    /** The last reported step, -1 if none. */
    int lastStep(int index) {
        return lastSteps[index];
    }

    /** The value reported at the last step, NaN if none. */
    double lastIntermediate(int index) {
        return lastIntermediate[index];
    }

    /**
     * The parameters every recorded trial has with the same distribution, sorted by name:
     * {@link io.tunekit.sampler.IntersectionSearchSpace} over COMPLETE and PRUNED trials, kept as
     * trials are recorded instead of reading the study once more.
     */
    SortedMap<String, Distribution> intersection() {
        return intersection == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(intersection);
    }

    /** The column of a parameter, or {@code null} if no finished trial has it. */
    ParamColumn column(String name) {
        return columns.get(name);
    }
}
