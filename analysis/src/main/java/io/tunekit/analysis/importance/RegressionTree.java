package io.tunekit.analysis.importance;

import java.util.Arrays;

/**
 * One fitted CART regression tree, as flat arrays indexed by node (node 0 is the root). A leaf
 * has {@code feature == -1}. Samples with {@code x[feature] <= threshold} go left.
 */
final class RegressionTree {

    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    /** The mean target of the node's (weighted) samples. */
    final double[] value;
    /** The sum of the weights of the node's samples (bootstrap counts). */
    final double[] weight;
    /** The weighted variance of the node's targets. */
    final double[] impurity;

    RegressionTree(
            int[] feature,
            double[] threshold,
            int[] left,
            int[] right,
            double[] value,
            double[] weight,
            double[] impurity) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.weight = weight;
        this.impurity = impurity;
    }

    int nodes() {
        return feature.length;
    }

    boolean isLeaf(int node) {
        return feature[node] < 0;
    }

    /**
     * Impurity decrease per feature, summed over the splits and normalised to sum to 1 (all zero
     * for a tree without a split), as scikit-learn's {@code feature_importances_}.
     */
    double[] impurityDecrease(int features) {
        double[] decrease = new double[features];
        for (int n = 0; n < nodes(); n++) {
            if (!isLeaf(n)) {
                int l = left[n];
                int r = right[n];
                decrease[feature[n]] += weight[n] * impurity[n] - weight[l] * impurity[l] - weight[r] * impurity[r];
            }
        }
        double total = Arrays.stream(decrease).sum();
        if (total > 0) {
            for (int f = 0; f < features; f++) {
                decrease[f] /= total;
            }
        }
        return decrease;
    }
}
