package io.tunekit.samplers.nsga;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's survival (Deb et al. 2002), as Optuna 5.0 does it: whole non-domination fronts (by
 * constrained domination when trials have constraints) while they fit in the population, then
 * the members of the next front with the largest crowding distance.
 *
 * <p>The crowding distance of a trial is the sum over objectives of the gap between its two
 * neighbours in that objective, divided by the objective's finite range; the ends of each
 * objective get an infinite distance; an objective whose values are all equal adds nothing; and
 * {@code inf - inf} counts as 0. Ties keep Optuna's order (a stable sort by each objective in
 * turn, then by distance, reversed).
 *
 * @param populationSize how many trials survive, at least 2
 */
public record CrowdingDistanceSelection(int populationSize) implements ElitePopulationSelection {

    /** Validates the population size. */
    public CrowdingDistanceSelection {
        if (populationSize < 2) {
            throw new IllegalArgumentException(
                    "CrowdingDistanceSelection: populationSize=" + populationSize + " must be >= 2");
        }
    }

    @Override
    public List<FrozenTrial> select(List<Direction> directions, List<FrozenTrial> population) {
        List<FrozenTrial> elite = new ArrayList<>();
        for (List<FrozenTrial> front : Fronts.of(directions, population)) {
            if (elite.size() + front.size() < populationSize) {
                elite.addAll(front);
            } else {
                List<FrozenTrial> sorted = sortByCrowdingDistance(front);
                elite.addAll(sorted.subList(0, populationSize - elite.size()));
                break;
            }
        }
        return elite;
    }

    /** The front sorted by decreasing crowding distance, ties in Optuna's order. */
    static List<FrozenTrial> sortByCrowdingDistance(List<FrozenTrial> front) {
        List<FrozenTrial> order = new ArrayList<>(front);
        double[] distance = crowdingDistances(order);
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            index.add(i);
        }
        index.sort(Comparator.comparingDouble(i -> distance[i]));
        List<FrozenTrial> out = new ArrayList<>();
        for (int k = index.size() - 1; k >= 0; k--) {
            out.add(order.get(index.get(k)));
        }
        return out;
    }

    /**
     * The crowding distance of each trial, at the trial's position in {@code front} after the
     * call: like Optuna, the computation sorts the list (stably) by each objective in turn, and
     * the resulting order decides later ties.
     */
    static double[] crowdingDistances(List<FrozenTrial> front) {
        int n = front.size();
        double[] byId = new double[n];
        if (n == 0) {
            return byId;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        List<FrozenTrial> original = List.copyOf(front);
        int objectives = original.get(0).values().size();
        for (int m = 0; m < objectives; m++) {
            int objective = m;
            order.sort(Comparator.comparingDouble(i -> original.get(i).values().get(objective)));
            double first = value(original, order.get(0), m);
            double last = value(original, order.get(n - 1), m);
            if (first == last) {
                continue;
            }
            double[] vs = new double[n + 2];
            vs[0] = Double.NEGATIVE_INFINITY;
            vs[n + 1] = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                vs[j + 1] = value(original, order.get(j), m);
            }
            double min = Double.POSITIVE_INFINITY;
            for (double v : vs) {
                if (v != Double.NEGATIVE_INFINITY) {
                    min = v;
                    break;
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = vs.length - 1; j >= 0; j--) {
                if (vs[j] != Double.POSITIVE_INFINITY) {
                    max = vs[j];
                    break;
                }
            }
            double width = max - min;
            if (!(width > 0)) {
                width = 1.0;
            }
            for (int j = 0; j < n; j++) {
                double gap = vs[j] == vs[j + 2] ? 0.0 : vs[j + 2] - vs[j];
                byId[order.get(j)] += gap / width;
            }
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            front.set(j, original.get(order.get(j)));
            out[j] = byId[order.get(j)];
        }
        return out;
    }

    private static double value(List<FrozenTrial> trials, int i, int m) {
        return trials.get(i).values().get(m);
    }
}
