package io.tunekit.samplers.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Hypervolume of points (all objectives minimised) dominated up to a reference point, exact:
 * a sweep in two dimensions, the WFG recursion (exclusive volumes of limit sets) above.
 */
final class Hypervolume {

    private Hypervolume() {}

    /** The volume dominated by {@code points} and bounded by {@code ref}; points beyond ref count 0. */
    static double of(List<double[]> points, double[] ref) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            boolean within = true;
            for (int m = 0; m < ref.length; m++) {
                within &= p[m] < ref[m];
            }
            if (within) {
                inside.add(p);
            }
        }
        return wfg(nonDominated(inside), ref);
    }

    private static double wfg(List<double[]> points, double[] ref) {
        if (points.isEmpty()) {
            return 0;
        }
        if (ref.length == 2) {
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
                keep = !(MultiObjectiveSplit.dominates(q, p) || j < i && Arrays.equals(p, q));
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
    static int[] greedySubset(double[][] points, int k, double[] ref) {
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
