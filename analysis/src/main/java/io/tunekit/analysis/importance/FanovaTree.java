package io.tunekit.analysis.importance;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The functional ANOVA decomposition of one regression tree over a box-shaped search space
 * (Hutter et al., 2014). The tree is a piecewise-constant function; with the parameters uniformly
 * distributed over the box, its variance is the leaf values' variance weighted by leaf volume, and
 * the marginal mean function of a group of columns (one parameter: one column, or its one-hot
 * columns) is constant on the cells that the tree's split values on those columns cut the box
 * into. A leaf covers a block of those cells; it adds its value, weighted by its volume in the
 * other columns, to each of them.
 */
final class FanovaTree {

    private final RegressionTree tree;
    /** The box of every node, {@code [node][column]}. */
    private final double[][] lows;

    private final double[][] highs;
    private final int[] leaves;
    private final double[] leafVolume;
    private final double variance;

    FanovaTree(RegressionTree tree, double[] boxLow, double[] boxHigh) {
        this.tree = tree;
        int nodes = tree.nodes();
        lows = new double[nodes][];
        highs = new double[nodes][];
        lows[0] = boxLow.clone();
        highs[0] = boxHigh.clone();
        int leafCount = 0;
        // Children always come after their parent in node order.
        for (int n = 0; n < nodes; n++) {
            if (tree.isLeaf(n)) {
                leafCount++;
                continue;
            }
            int f = tree.feature[n];
            double t = tree.threshold[n];
            int l = tree.left[n];
            int r = tree.right[n];
            lows[l] = lows[n];
            highs[l] = highs[n].clone();
            highs[l][f] = t;
            lows[r] = lows[n].clone();
            lows[r][f] = t;
            highs[r] = highs[n];
        }
        leaves = new int[leafCount];
        leafVolume = new double[leafCount];
        double volume = 0;
        double sum = 0;
        int k = 0;
        for (int n = 0; n < nodes; n++) {
            if (tree.isLeaf(n)) {
                double v = 1;
                for (int c = 0; c < boxLow.length; c++) {
                    v *= highs[n][c] - lows[n][c];
                }
                leaves[k] = n;
                leafVolume[k++] = v;
                volume += v;
                sum += v * tree.value[n];
            }
        }
        double mean = sum / volume;
        double squares = 0;
        for (int j = 0; j < leafCount; j++) {
            double d = tree.value[leaves[j]] - mean;
            squares += leafVolume[j] * d * d;
        }
        variance = squares / volume;
    }

    /** The tree's variance over the box. */
    double variance() {
        return variance;
    }

    /** The variance of the marginal mean function of the given columns (at least 0). */
    double marginalVariance(int[] columns) {
        int groups = columns.length;
        double[][] edges = new double[groups][];
        int[] strides = new int[groups];
        int cells = 1;
        for (int g = 0; g < groups; g++) {
            edges[g] = cellEdges(columns[g]);
            strides[g] = cells;
            cells *= edges[g].length - 1;
        }
        double[] weightedValue = new double[cells];
        double[] weight = new double[cells];
        int[] from = new int[groups];
        int[] to = new int[groups];
        for (int j = 0; j < leaves.length; j++) {
            int n = leaves[j];
            double otherVolume = leafVolume[j];
            for (int g = 0; g < groups; g++) {
                int c = columns[g];
                otherVolume /= highs[n][c] - lows[n][c];
                from[g] = Arrays.binarySearch(edges[g], lows[n][c]);
                to[g] = Arrays.binarySearch(edges[g], highs[n][c]);
            }
            double v = tree.value[n];
            if (groups == 1) {
                // Difference arrays: add to cells [from, to) in O(1), summed below.
                weightedValue[from[0]] += v * otherVolume;
                weight[from[0]] += otherVolume;
                if (to[0] < cells) {
                    weightedValue[to[0]] -= v * otherVolume;
                    weight[to[0]] -= otherVolume;
                }
            } else {
                addToBlock(weightedValue, weight, from, to, strides, v * otherVolume, otherVolume);
            }
        }
        if (groups == 1) {
            for (int c = 1; c < cells; c++) {
                weightedValue[c] += weightedValue[c - 1];
                weight[c] += weight[c - 1];
            }
        }
        double total = 0;
        double sum = 0;
        double[] cellValue = new double[cells];
        double[] cellWeight = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            double size = 1;
            int rest = cell;
            for (int g = groups - 1; g >= 0; g--) {
                int index = rest / strides[g];
                rest %= strides[g];
                size *= edges[g][index + 1] - edges[g][index];
            }
            cellValue[cell] = weightedValue[cell] / weight[cell];
            cellWeight[cell] = weight[cell] * size;
            total += cellWeight[cell];
            sum += cellWeight[cell] * cellValue[cell];
        }
        double mean = sum / total;
        double squares = 0;
        for (int cell = 0; cell < cells; cell++) {
            double d = cellValue[cell] - mean;
            squares += cellWeight[cell] * d * d;
        }
        return Math.max(0, squares / total);
    }

    /** The box's bounds on a column and every split value the tree uses on it, ascending. */
    private double[] cellEdges(int column) {
        TreeSet<Double> edges = new TreeSet<>();
        edges.add(lows[0][column]);
        edges.add(highs[0][column]);
        for (int n = 0; n < tree.nodes(); n++) {
            if (tree.feature[n] == column) {
                edges.add(tree.threshold[n]);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void addToBlock(
            double[] weightedValue, double[] weight, int[] from, int[] to, int[] strides, double wv, double w) {
        int groups = from.length;
        int[] index = from.clone();
        while (true) {
            int cell = 0;
            for (int g = 0; g < groups; g++) {
                cell += index[g] * strides[g];
            }
            weightedValue[cell] += wv;
            weight[cell] += w;
            int g = 0;
            while (g < groups && ++index[g] == to[g]) {
                index[g] = from[g];
                g++;
            }
            if (g == groups) {
                return;
            }
        }
    }
}
