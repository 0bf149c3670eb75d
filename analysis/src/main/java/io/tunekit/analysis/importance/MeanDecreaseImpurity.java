package io.tunekit.analysis.importance;

/**
 * Mean decrease impurity: the forest of {@link Fanova} is fitted the same way, and a parameter's
 * importance is the total reduction of squared error its splits achieve, per tree normalised to
 * sum to 1 and averaged over the trees (scikit-learn's {@code feature_importances_}). The columns
 * of a one-hot encoded categorical parameter are summed.
 *
 * @param trees the number of trees, at least 1 (Optuna: 64)
 * @param maxDepth the maximum depth of a tree, at least 1 (Optuna: 64)
 * @param seed the seed of the bootstrap samples and the split tie-breaks
 */
public record MeanDecreaseImpurity(int trees, int maxDepth, long seed) implements ImportanceEvaluator {

    /** @throws IllegalArgumentException if {@code trees} or {@code maxDepth} is below 1 */
    public MeanDecreaseImpurity {
        ForestSettings.validate("MeanDecreaseImpurity", trees, maxDepth);
    }

    /** Optuna's defaults (64 trees, depth 64) with seed 0. */
    public static MeanDecreaseImpurity defaults() {
        return new MeanDecreaseImpurity(64, 64, 0L);
    }

    /** The same forest with another seed. */
    public MeanDecreaseImpurity withSeed(long newSeed) {
        return new MeanDecreaseImpurity(trees, maxDepth, newSeed);
    }

    @Override
    public String label() {
        return "mdi";
    }
}
