package io.tunekit.samplers.tpe;

import io.tunekit.Direction;
import io.tunekit.samplers.pareto.Hypervolume;
import io.tunekit.samplers.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.List;

/**
 * The good group of a multi-objective study: whole non-domination fronts while they fit, then the
 * rest of the places from the next front by greedy hypervolume subset selection, with the
 * reference point {@code max(1.1 w, 0.9 w)} per objective ({@code w} the front's worst value,
 * 0 replaced by 1e-12). Values are sign-flipped so that every objective is minimised.
 */
final class MultiObjectiveSplit {

    private static final double EPS = 1e-12;

    private MultiObjectiveSplit() {}

    /** {@code take} of the {@code complete} history indices (all feasible, with all values). */
    static List<Integer> best(TrialHistory history, List<Integer> complete, int take) {
        List<Direction> directions = history.directions();
        int n = complete.size();
        double[][] loss = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = history.values(complete.get(i));
            loss[i] = new double[v.length];
            for (int m = 0; m < v.length; m++) {
                loss[i][m] = directions.get(m) == Direction.MAXIMIZE ? -v[m] : v[m];
            }
        }
        int[] rank = NonDominatedSort.ranks(loss, take);
        List<Integer> out = new ArrayList<>();
        for (int r = 0; out.size() < take; r++) {
            List<Integer> front = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (rank[i] == r) {
                    front.add(i);
                }
            }
            if (out.size() + front.size() <= take) {
                front.forEach(i -> out.add(complete.get(i)));
                continue;
            }
            double[][] points = new double[front.size()][];
            for (int j = 0; j < points.length; j++) {
                points[j] = loss[front.get(j)];
            }
            for (int j : Hypervolume.greedySubset(points, take - out.size(), referencePoint(points))) {
                out.add(complete.get(front.get(j)));
            }
        }
        return out;
    }

    static double[] referencePoint(double[][] points) {
        double[] worst = points[0].clone();
        for (double[] p : points) {
            for (int m = 0; m < p.length; m++) {
                worst[m] = Math.max(worst[m], p[m]);
            }
        }
        double[] ref = new double[worst.length];
        for (int m = 0; m < ref.length; m++) {
            ref[m] = Math.max(1.1 * worst[m], 0.9 * worst[m]);
            if (ref[m] == 0) {
                ref[m] = EPS;
            }
        }
        return ref;
    }
}
