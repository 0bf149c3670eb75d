package io.tunekit.analysis.importance;

import java.util.List;

/**
 * Mean decrease impurity from a fitted forest: the trees' normalised impurity decreases averaged,
 * normalised again, and summed over each parameter's columns (scikit-learn's
 * {@code feature_importances_} as Optuna aggregates it).
 */
final class MeanDecreaseImpurityScores {

    private MeanDecreaseImpurityScores() {}

    static double[] compute(List<RegressionTree> forest, ImportanceInput.OneHotEncoding encoding) {
        int features = encoding.columns().length;
        double[] mean = new double[features];
        int splitTrees = 0;
        for (RegressionTree tree : forest) {
            if (tree.nodes() > 1) {
                double[] decrease = tree.impurityDecrease(features);
                for (int f = 0; f < features; f++) {
                    mean[f] += decrease[f];
                }
                splitTrees++;
            }
        }
        double total = 0;
        for (int f = 0; f < features; f++) {
            mean[f] /= Math.max(1, splitTrees);
            total += mean[f];
        }
        int[][] groups = encoding.columnsOfParam();
        double[] scores = new double[groups.length];
        for (int p = 0; p < groups.length; p++) {
            for (int column : groups[p]) {
                scores[p] += total > 0 ? mean[column] / total : 0;
            }
        }
        return scores;
    }
}
