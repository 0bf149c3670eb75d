package io.tunekit.analysis.importance;

/** The settings {@link Fanova} and {@link MeanDecreaseImpurity} share, validated in one place. */
record ForestSettings(int trees, int maxDepth, long seed) {

    static void validate(String evaluator, int trees, int maxDepth) {
        if (trees < 1) {
            throw new IllegalArgumentException(evaluator + ": trees is " + trees + "; it must be at least 1");
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException(evaluator + ": maxDepth is " + maxDepth + "; it must be at least 1");
        }
    }
}
