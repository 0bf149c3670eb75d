package io.tunekit.analysis.importance;

import java.util.ArrayList;
import java.util.List;

/** fANOVA importances from a fitted forest: per parameter, the mean over trees of its variance share. */
final class FanovaScores {

    private FanovaScores() {}

    static double[] compute(List<RegressionTree> forest, ImportanceInput.OneHotEncoding encoding) {
        List<FanovaTree> trees = new ArrayList<>();
        for (RegressionTree tree : forest) {
            FanovaTree t = new FanovaTree(tree, encoding.lows(), encoding.highs());
            // A tree without variance (a single leaf) explains nothing and is left out, as Optuna.
            if (t.variance() > 0) {
                trees.add(t);
            }
        }
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("fanova: every tree of the forest is constant; the sampled trials"
                    + " give the forest nothing to split");
        }
        int[][] groups = encoding.columnsOfParam();
        double[] scores = new double[groups.length];
        for (int p = 0; p < groups.length; p++) {
            double sum = 0;
            for (FanovaTree t : trees) {
                sum += t.marginalVariance(groups[p]) / t.variance();
            }
            scores[p] = sum / trees.size();
        }
        return scores;
    }
}
