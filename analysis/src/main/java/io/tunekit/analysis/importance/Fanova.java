package io.tunekit.analysis.importance;

/**
 * fANOVA (Hutter et al., ICML 2014): a random forest of regression trees is fitted to the
 * objective, and each parameter's importance is the variance of its marginal mean function as a
 * share of the tree's total variance, averaged over the trees. The forest is Tunekit's own: CART
 * trees on bootstrap samples, every feature considered at every split, squared-error splits at
 * midpoints, as scikit-learn's {@code RandomForestRegressor} with Optuna's settings
 * ({@code min_samples_split 2}, {@code min_samples_leaf 1}).
 *
 * <p>As in Optuna, only parameters present in every analysed trial are assessed (conditional
 * parameters drop out unless named), numbers are used on their raw scale (no log transform), and
 * a categorical parameter is one-hot encoded: its importance is that of its columns together.
 *
 * @param trees the number of trees, at least 1 (Optuna: 64)
 * @param maxDepth the maximum depth of a tree, at least 1 (Optuna: 64)
 * @param seed the seed of the bootstrap samples and the split tie-breaks
 */
public record Fanova(int trees, int maxDepth, long seed) implements ImportanceEvaluator {

    /** @throws IllegalArgumentException if {@code trees} or {@code maxDepth} is below 1 */
    public Fanova {
        ForestSettings.validate("Fanova", trees, maxDepth);
    }

    /** Optuna's defaults (64 trees, depth 64) with seed 0. */
    public static Fanova defaults() {
        return new Fanova(64, 64, 0L);
    }

    /** The same forest with another seed. */
    public Fanova withSeed(long newSeed) {
        return new Fanova(trees, maxDepth, newSeed);
    }

    @Override
    public String label() {
        return "fanova";
    }
}
