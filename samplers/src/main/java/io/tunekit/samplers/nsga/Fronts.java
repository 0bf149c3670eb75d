package io.tunekit.samplers.nsga;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.samplers.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.List;

/**
 * Non-domination fronts of COMPLETE trials and the binary dominance the parent tournament uses,
 * with Deb's constrained domination once any trial of the population has constraint values: a
 * feasible trial beats an infeasible one, of two infeasible trials the smaller total violation
 * wins, and feasible trials compare by Pareto dominance.
 */
final class Fronts {

    private Fronts() {}

    /** Whether constrained domination applies: some trial has constraint values. */
    static boolean isConstrained(List<FrozenTrial> population) {
        for (FrozenTrial t : population) {
            if (t.hasConstraints()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The trials grouped by non-domination rank, best first, each front in population order.
     *
     * @throws IllegalArgumentException if a constraint value is NaN
     */
    static List<List<FrozenTrial>> of(List<Direction> directions, List<FrozenTrial> population) {
        double[][] loss = new double[population.size()][];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = loss(directions, population.get(i));
        }
        int[] rank;
        if (isConstrained(population)) {
            double[] penalty = new double[population.size()];
            for (int i = 0; i < penalty.length; i++) {
                penalty[i] = violation(population.get(i));
            }
            rank = NonDominatedSort.ranks(loss, penalty);
        } else {
            rank = NonDominatedSort.ranks(loss);
        }
        List<List<FrozenTrial>> fronts = new ArrayList<>();
        for (int i = 0; i < rank.length; i++) {
            while (fronts.size() <= rank[i]) {
                fronts.add(new ArrayList<>());
            }
            fronts.get(rank[i]).add(population.get(i));
        }
        return fronts;
    }

    /** The trial's values with every objective turned into one to minimise. */
    static double[] loss(List<Direction> directions, FrozenTrial trial) {
        List<Double> values = trial.values();
        if (values.size() != directions.size()) {
            throw new IllegalArgumentException("trial " + trial.number() + " has " + values.size()
                    + " values; the study has " + directions.size() + " objectives");
        }
        double[] loss = new double[values.size()];
        for (int m = 0; m < loss.length; m++) {
            loss[m] = directions.get(m) == Direction.MAXIMIZE ? -values.get(m) : values.get(m);
        }
        return loss;
    }

    /** Whether {@code a} (constrained-)dominates {@code b}. */
    static boolean dominates(List<Direction> directions, FrozenTrial a, FrozenTrial b, boolean constrained) {
        if (constrained) {
            double va = violation(a);
            double vb = violation(b);
            if (va > 0 || vb > 0) {
                return va < vb;
            }
        }
        return NonDominatedSort.dominates(loss(directions, a), loss(directions, b));
    }

    /** The total violation (the sum of the positive constraint values), checked for NaN. */
    static double violation(FrozenTrial trial) {
        for (double c : trial.constraints().values()) {
            if (Double.isNaN(c)) {
                throw new IllegalArgumentException(
                        "trial " + trial.number() + ": NaN is not acceptable as a constraint value");
            }
        }
        return trial.constraintViolation();
    }
}
