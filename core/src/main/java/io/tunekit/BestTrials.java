package io.tunekit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Best-trial and Pareto-front rules shared by {@link Study} and {@link StudyView}. */
final class BestTrials {

    private BestTrials() {}

    static Optional<FrozenTrial> best(List<Direction> directions, List<FrozenTrial> complete) {
        if (directions.size() != 1) {
            throw new IllegalStateException("best trial is defined for single-objective studies; this one has "
                    + directions.size() + " objectives (use bestTrials())");
        }
        Direction direction = directions.get(0);
        FrozenTrial best = null;
        for (FrozenTrial t : complete) {
            if (t.isFeasible() && (best == null || direction.isBetter(t.value(), best.value()))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The COMPLETE feasible trials no other such trial dominates, by number. */
    static List<FrozenTrial> paretoFront(List<Direction> directions, List<FrozenTrial> complete) {
        List<FrozenTrial> candidates = new ArrayList<>();
        for (FrozenTrial t : complete) {
            if (t.isFeasible() && t.values().size() == directions.size()) {
                candidates.add(t);
            }
        }
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial t : candidates) {
            boolean dominated = false;
            for (FrozenTrial other : candidates) {
                if (other != t && dominates(directions, other, t)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(t);
            }
        }
        return List.copyOf(front);
    }

    /** a dominates b: no worse in every objective and strictly better in one. */
    static boolean dominates(List<Direction> directions, FrozenTrial a, FrozenTrial b) {
        boolean strictly = false;
        for (int i = 0; i < directions.size(); i++) {
            double x = a.values().get(i);
            double y = b.values().get(i);
            if (directions.get(i).isBetter(y, x)) {
                return false;
            }
            if (directions.get(i).isBetter(x, y)) {
                strictly = true;
            }
        }
        return strictly;
    }
}
