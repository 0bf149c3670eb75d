package io.tunekit.analysis.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A random forest of CART regression trees with scikit-learn's {@code RandomForestRegressor}
 * semantics as Optuna configures it: each tree is grown on a bootstrap sample (n draws with
 * replacement, used as weights), every feature is considered at every split in a random order
 * (the first best split wins a tie), the split minimises the weighted squared error, thresholds
 * are midpoints between neighbouring values at least {@value #FEATURE_THRESHOLD} apart, a node is
 * split while it holds at least two distinct samples, its targets differ and it is shallower than
 * {@code maxDepth}.
 *
 * <p>The samples are sorted once per feature; each tree keeps, for every feature, its samples in
 * that order and partitions these lists stably at each split, so a level of the tree costs
 * O(features x samples) and no node sorts.
 */
final class RegressionForest {

    /** Neighbouring feature values closer than this are not split between (scikit-learn's value). */
    static final double FEATURE_THRESHOLD = 1e-7;

    private RegressionForest() {}

    /**
     * @param columns the features, {@code columns[f][i]} for sample i
     * @param y the targets
     */
    static List<RegressionTree> fit(double[][] columns, double[] y, int trees, int maxDepth, long seed) {
        int n = y.length;
        int[][] order = new int[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            double[] column = columns[f];
            order[f] = IntStream.range(0, n)
                    .boxed()
                    .sorted(Comparator.comparingDouble(i -> column[i]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        List<RegressionTree> forest = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            SplittableRandom random = seeds.split();
            double[] weights = new double[n];
            for (int draw = 0; draw < n; draw++) {
                weights[random.nextInt(n)]++;
            }
            forest.add(new Builder(columns, y, weights, order, maxDepth, random).build());
        }
        return forest;
    }

    /** Grows one tree. */
    private static final class Builder {
        private final double[][] x;
        private final double[] y;
        private final double[] w;
        private final int maxDepth;
        private final SplittableRandom random;
        /** For each feature, the node's samples in ascending order of that feature, node by node. */
        private final int[][] sorted;

        private final int[] buffer;
        private final boolean[] goesLeft;
        private final int[] featureOrder;

        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] left = new int[64];
        private int[] right = new int[64];
        private double[] value = new double[64];
        private double[] weight = new double[64];
        private double[] impurity = new double[64];
        private int nodes;

        Builder(double[][] x, double[] y, double[] w, int[][] order, int maxDepth, SplittableRandom random) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.maxDepth = maxDepth;
            this.random = random;
            int m = 0;
            for (double wi : w) {
                m += wi > 0 ? 1 : 0;
            }
            sorted = new int[x.length][m];
            for (int f = 0; f < x.length; f++) {
                int k = 0;
                for (int i : order[f]) {
                    if (w[i] > 0) {
                        sorted[f][k++] = i;
                    }
                }
            }
            buffer = new int[m];
            goesLeft = new boolean[y.length];
            featureOrder = IntStream.range(0, x.length).toArray();
        }

        RegressionTree build() {
            grow(0, buffer.length, 0);
            return new RegressionTree(
                    Arrays.copyOf(feature, nodes),
                    Arrays.copyOf(threshold, nodes),
                    Arrays.copyOf(left, nodes),
                    Arrays.copyOf(right, nodes),
                    Arrays.copyOf(value, nodes),
                    Arrays.copyOf(weight, nodes),
                    Arrays.copyOf(impurity, nodes));
        }

        /** Grows the node holding samples [start, end) of every sorted list; returns its index. */
        private int grow(int start, int end, int depth) {
            int node = newNode();
            int[] any = sorted[0];
            double sw = 0;
            double swy = 0;
            double swyy = 0;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int k = start; k < end; k++) {
                int i = any[k];
                double wi = w[i];
                double yi = y[i];
                sw += wi;
                swy += wi * yi;
                swyy += wi * yi * yi;
                minY = Math.min(minY, yi);
                maxY = Math.max(maxY, yi);
            }
            double mean = swy / sw;
            value[node] = mean;
            weight[node] = sw;
            impurity[node] = Math.max(0, swyy / sw - mean * mean);
            feature[node] = -1;
            if (depth >= maxDepth || end - start < 2 || minY == maxY) {
                return node;
            }
            Split split = bestSplit(start, end, sw, swy);
            if (split == null) {
                return node;
            }
            int middle = partition(start, end, split);
            feature[node] = split.feature;
            threshold[node] = split.threshold;
            int l = grow(start, middle, depth + 1);
            int r = grow(middle, end, depth + 1);
            left[node] = l;
            right[node] = r;
            return node;
        }

        private record Split(int feature, double threshold) {}

        private Split bestSplit(int start, int end, double sw, double swy) {
            // Random feature order: the first of equally good splits wins, as in scikit-learn.
            for (int f = featureOrder.length - 1; f > 0; f--) {
                int j = random.nextInt(f + 1);
                int tmp = featureOrder[f];
                featureOrder[f] = featureOrder[j];
                featureOrder[j] = tmp;
            }
            double best = Double.NEGATIVE_INFINITY;
            int bestFeature = -1;
            double bestThreshold = 0;
            for (int f : featureOrder) {
                int[] list = sorted[f];
                double[] column = x[f];
                if (column[list[end - 1]] <= column[list[start]] + FEATURE_THRESHOLD) {
                    continue; // constant in this node
                }
                double leftW = 0;
                double leftWy = 0;
                for (int k = start; k < end - 1; k++) {
                    int i = list[k];
                    leftW += w[i];
                    leftWy += w[i] * y[i];
                    double here = column[i];
                    double next = column[list[k + 1]];
                    if (next <= here + FEATURE_THRESHOLD) {
                        continue;
                    }
                    double rightW = sw - leftW;
                    double rightWy = swy - leftWy;
                    // Maximising this proxy minimises the children's weighted squared error.
                    double proxy = leftWy * leftWy / leftW + rightWy * rightWy / rightW;
                    if (proxy > best) {
                        best = proxy;
                        bestFeature = f;
                        double mid = here / 2.0 + next / 2.0;
                        bestThreshold = mid == next || Double.isInfinite(mid) ? here : mid;
                    }
                }
            }
            return bestFeature < 0 ? null : new Split(bestFeature, bestThreshold);
        }

        /** Stably moves the left child's samples before the right child's in every sorted list. */
        private int partition(int start, int end, Split split) {
            double[] column = x[split.feature];
            int[] list = sorted[split.feature];
            int middle = start;
            for (int k = start; k < end; k++) {
                int i = list[k];
                goesLeft[i] = column[i] <= split.threshold;
                middle += goesLeft[i] ? 1 : 0;
            }
            for (int[] other : sorted) {
                int l = start;
                int r = 0;
                for (int k = start; k < end; k++) {
                    int i = other[k];
                    if (goesLeft[i]) {
                        other[l++] = i;
                    } else {
                        buffer[r++] = i;
                    }
                }
                System.arraycopy(buffer, 0, other, l, r);
            }
            return middle;
        }

        private int newNode() {
            if (nodes == feature.length) {
                int size = nodes * 2;
                feature = Arrays.copyOf(feature, size);
                threshold = Arrays.copyOf(threshold, size);
                left = Arrays.copyOf(left, size);
                right = Arrays.copyOf(right, size);
                value = Arrays.copyOf(value, size);
                weight = Arrays.copyOf(weight, size);
                impurity = Arrays.copyOf(impurity, size);
            }
            return nodes++;
        }
    }
}
