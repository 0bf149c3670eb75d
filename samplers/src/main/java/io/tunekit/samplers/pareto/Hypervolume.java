package io.tunekit.samplers.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hypervolume indicator of loss vectors (every objective minimised): the volume dominated by
 * the points and bounded by a reference point, exact. Two objectives: one sweep; three: a sweep
 * over the third objective keeping the two-dimensional front of the points below; more: the WFG
 * recursion (exclusive volumes of limit sets).
 */
public final class Hypervolume {

    private Hypervolume() {}

    /**
     * The volume dominated by {@code points} and bounded by {@code ref}; a point that is not
     * strictly better than {@code ref} in every objective adds nothing.
     *
     * @throws IllegalArgumentException if a point's length differs from the reference point's
     */
    public static double of(List<double[]> points, double[] ref) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != ref.length) {
                throw new IllegalArgumentException(
                        "a point has " + p.length + " objectives, the reference point " + ref.length);
            }
            boolean within = true;
            for (int m = 0; m < ref.length; m++) {
                within &= p[m] < ref[m];
            }
            if (within) {
                inside.add(p);
            }
        }
        return switch (ref.length) {
            case 1 -> inside.stream().mapToDouble(p -> ref[0] - p[0]).max().orElse(0);
            case 2 -> sweep2d(inside, ref);
            case 3 -> sweep3d(inside, ref);
            default -> wfg(nonDominated(inside), ref);
        };
    }

    private static double sweep2d(List<double[]> points, double[] ref) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        double volume = 0;
        double lastY = ref[1];
        for (double[] p : sorted) {
            if (p[1] < lastY) {
                volume += (ref[0] - p[0]) * (lastY - p[1]);
                lastY = p[1];
            }
        }
        return volume;
    }

    /** Slabs between consecutive third coordinates, each the area of the 2-D front below it. */
    private static double sweep3d(List<double[]> points, double[] ref) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[2]));
        TreeMap<Double, Double> front = new TreeMap<>(); // x -> y, y strictly decreasing in x
        double area = 0;
        double volume = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double[] p = sorted.get(i);
            if (insert(front, p[0], p[1])) {
                area = area(front, ref);
            }
            double nextZ = i + 1 < sorted.size() ? sorted.get(i + 1)[2] : ref[2];
            volume += area * (nextZ - p[2]);
        }
        return volume;
    }

    /** Adds (x, y) to a 2-D front unless a member dominates or equals it; whether it changed. */
    private static boolean insert(TreeMap<Double, Double> front, double x, double y) {
        Map.Entry<Double, Double> left = front.floorEntry(x);
        if (left != null && left.getValue() <= y) {
            return false;
        }
        // members at or right of x that are no better in y are dominated by (x, y)
        Map.Entry<Double, Double> right = front.ceilingEntry(x);
        while (right != null && right.getValue() >= y) {
            front.remove(right.getKey());
            right = front.higherEntry(right.getKey());
        }
        front.put(x, y);
        return true;
    }

    private static double area(TreeMap<Double, Double> front, double[] ref) {
        double area = 0;
        Map.Entry<Double, Double> e = front.firstEntry();
        while (e != null) {
            Map.Entry<Double, Double> next = front.higherEntry(e.getKey());
            double width = (next == null ? ref[0] : next.getKey()) - e.getKey();
            area += width * (ref[1] - e.getValue());
            e = next;
        }
        return area;
    }

    private static double wfg(List<double[]> points, double[] ref) {
        if (points.isEmpty()) {
            return 0;
        }
        if (ref.length == 2) {
            return sweep2d(points, ref);
        }
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        double volume = 0;
        for (int k = 0; k < sorted.size(); k++) {
            double[] p = sorted.get(k);
            List<double[]> limited = new ArrayList<>();
            for (int j = k + 1; j < sorted.size(); j++) {
                double[] q = sorted.get(j);
                double[] l = new double[p.length];
                for (int m = 0; m < p.length; m++) {
                    l[m] = Math.max(p[m], q[m]);
                }
                limited.add(l);
            }
            volume += box(p, ref) - wfg(nonDominated(limited), ref);
        }
        return volume;
    }

    private static double box(double[] p, double[] ref) {
        double v = 1;
        for (int m = 0; m < ref.length; m++) {
            v *= ref[m] - p[m];
        }
        return v;
    }

    private static List<double[]> nonDominated(List<double[]> points) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            boolean keep = true;
            for (int j = 0; j < points.size() && keep; j++) {
                double[] q = points.get(j);
                // drop dominated points and all but the first of equal ones
                keep = !(NonDominatedSort.dominates(q, p) || j < i && Arrays.equals(p, q));
            }
            if (keep) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Greedy hypervolume subset selection: {@code k} indices of {@code points}, each step adding
     * the point whose hypervolume contribution to those chosen is largest (the first on ties).
     */
    public static int[] greedySubset(double[][] points, int k, double[] ref) {
        int n = points.length;
        boolean[] chosen = new boolean[n];
        List<double[]> selected = new ArrayList<>();
        int[] out = new int[Math.min(k, n)];
        double current = 0;
        for (int s = 0; s < out.length; s++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (chosen[i]) {
                    continue;
                }
                selected.add(points[i]);
                double gain = of(selected, ref) - current;
                selected.remove(selected.size() - 1);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            chosen[best] = true;
            selected.add(points[best]);
            current = of(selected, ref);
            out[s] = best;
        }
        return out;
    }
}
