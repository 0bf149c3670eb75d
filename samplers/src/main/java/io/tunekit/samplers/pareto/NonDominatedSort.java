package io.tunekit.samplers.pareto;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Pareto dominance and non-domination ranks of loss vectors (every objective minimised), with
 * the constrained variant of Deb's NSGA-II: feasible points (penalty {@code <= 0}) are ranked by
 * dominance first, then infeasible ones by their penalty alone, the smallest penalty first.
 */
public final class NonDominatedSort {

    private NonDominatedSort() {}

    /** Whether {@code a} is no worse than {@code b} everywhere and better somewhere. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int m = 0; m < a.length; m++) {
            if (a[m] > b[m]) {
                return false;
            }
            better |= a[m] < b[m];
        }
        return better;
    }

    /** The non-domination rank of every point: 0 for the Pareto front, 1 for the front without it, ... */
    public static int[] ranks(double[][] loss) {
        return ranks(loss, loss.length);
    }

    /**
     * Non-domination ranks computed until at least {@code enough} points are ranked; the others
     * keep -1. Equal points share a rank. Each point first counts the points that dominate it
     * (all pairs once); a front is the unranked points with a count of 0, and ranking it lowers
     * the counts of the points it dominates, so the cost stays within twice the pairs whatever
     * the number of fronts.
     */
    public static int[] ranks(double[][] loss, int enough) {
        int n = loss.length;
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        int[] dominators = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(loss[i], loss[j])) {
                    dominators[j]++;
                } else if (dominates(loss[j], loss[i])) {
                    dominators[i]++;
                }
            }
        }
        int[] front = new int[n];
        int ranked = 0;
        for (int r = 0; ranked < Math.min(enough, n); r++) {
            int size = 0;
            for (int i = 0; i < n; i++) {
                if (rank[i] == -1 && dominators[i] == 0) {
                    front[size++] = i;
                }
            }
            for (int k = 0; k < size; k++) {
                rank[front[k]] = r;
            }
            ranked += size;
            if (ranked >= Math.min(enough, n)) {
                break;
            }
            for (int q = 0; q < n; q++) {
                if (rank[q] != -1) {
                    continue;
                }
                for (int k = 0; k < size; k++) {
                    if (dominates(loss[front[k]], loss[q])) {
                        dominators[q]--;
                    }
                }
            }
        }
        return rank;
    }

    /**
     * Constrained non-domination ranks: the points whose {@code penalty} (total constraint
     * violation) is {@code <= 0} get their {@link #ranks(double[][]) ranks} among themselves; an
     * infeasible point ranks after every feasible one, by the position of its penalty among the
     * distinct penalties of the infeasible points.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a penalty is NaN
     */
    public static int[] ranks(double[][] loss, double[] penalty) {
        if (penalty.length != loss.length) {
            throw new IllegalArgumentException(
                    "penalty has " + penalty.length + " entries for " + loss.length + " loss vectors");
        }
        int n = loss.length;
        int feasibleCount = 0;
        TreeSet<Double> infeasiblePenalties = new TreeSet<>();
        for (double p : penalty) {
            if (Double.isNaN(p)) {
                throw new IllegalArgumentException("NaN is not acceptable as a constraint value");
            }
            if (p <= 0) {
                feasibleCount++;
            } else {
                infeasiblePenalties.add(p);
            }
        }
        double[][] feasible = new double[feasibleCount][];
        for (int i = 0, k = 0; i < n; i++) {
            if (penalty[i] <= 0) {
                feasible[k++] = loss[i];
            }
        }
        int[] feasibleRanks = ranks(feasible);
        int firstInfeasibleRank = Arrays.stream(feasibleRanks).max().orElse(-1) + 1;
        int[] rank = new int[n];
        for (int i = 0, k = 0; i < n; i++) {
            rank[i] = penalty[i] <= 0
                    ? feasibleRanks[k++]
                    : firstInfeasibleRank
                            + infeasiblePenalties.headSet(penalty[i]).size();
        }
        return rank;
    }
}
