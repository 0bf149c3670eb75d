package io.tunekit.samplers.tpe;

import io.tunekit.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the finished trials an ask sees into "below" (the good group of size {@code nBelow})
 * and the rest, Optuna 5's rules: feasible COMPLETE trials first (by value, or for several
 * objectives by non-domination rank with a greedy hypervolume tie-break), then PRUNED trials by
 * (furthest last step, best last value; none reported ranks last), then infeasible trials by
 * violation. Running trials are never below (the constant liar puts them above).
 */
final class TrialSplit {

    private TrialSplit() {}

    /**
     * The history indices of the below trials, in number order.
     *
     * @param history the study's history
     * @param visible the finished trials this ask sees (history indices, number order)
     * @param nBelow how many to take
     */
    static int[] below(TrialHistory history, int[] visible, int nBelow) {
        boolean singleObjective = history.directions().size() == 1;
        boolean[] isVisible = new boolean[history.size()];
        int completeCount = 0;
        List<Integer> complete = new ArrayList<>(); // multi-objective only: single walks the history's order
        List<Integer> prunedList = new ArrayList<>();
        List<Integer> infeasible = new ArrayList<>();
        for (int h : visible) {
            isVisible[h] = true;
            if (history.violation(h) > 0) {
                infeasible.add(h);
            } else if (history.isPruned(h)) {
                prunedList.add(h);
            } else {
                completeCount++;
                if (!singleObjective) {
                    complete.add(h);
                }
            }
        }
        List<Integer> below = new ArrayList<>();
        int remaining = nBelow;
        if (remaining > 0 && completeCount > 0) {
            int take = Math.min(remaining, completeCount);
            if (singleObjective) {
                // the history keeps single-objective COMPLETE trials sorted by value: walk it
                for (int r = 0; r < history.completeCount() && below.size() < take; r++) {
                    int h = history.completeByRank(r);
                    if (isVisible[h] && history.violation(h) <= 0) {
                        below.add(h);
                    }
                }
            } else {
                below.addAll(MultiObjectiveSplit.best(history, complete, take));
            }
            remaining -= take;
        }
        if (remaining > 0 && !prunedList.isEmpty()) {
            boolean maximize = history.directions().get(0) == Direction.MAXIMIZE;
            prunedList.sort(Comparator.comparingInt((Integer h) -> history.lastStep(h) < 0 ? 1 : -history.lastStep(h))
                    .thenComparingDouble(h -> prunedValueKey(history, h, maximize)));
            int take = Math.min(remaining, prunedList.size());
            below.addAll(prunedList.subList(0, take));
            remaining -= take;
        }
        if (remaining > 0 && !infeasible.isEmpty()) {
            infeasible.sort(Comparator.comparingDouble(history::violation));
            below.addAll(infeasible.subList(0, Math.min(remaining, infeasible.size())));
        }
        int[] out = below.stream().mapToInt(Integer::intValue).toArray();
        Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingInt(history::number));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static double prunedValueKey(TrialHistory history, int h, boolean maximize) {
        if (history.lastStep(h) < 0) {
            return 0;
        }
        double v = history.lastIntermediate(h);
        if (Double.isNaN(v)) {
            return Double.POSITIVE_INFINITY;
        }
        return maximize ? -v : v;
    }
}
