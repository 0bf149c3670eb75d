package io.tunekit.analysis.importance;

/**
 * How {@link Importance} scores parameters: {@link PedAnova} (the default, as in Optuna 5.0),
 * {@link Fanova} or {@link MeanDecreaseImpurity}. Each is an immutable value holding its
 * settings; the computation lives in {@link Importance}.
 */
public sealed interface ImportanceEvaluator permits PedAnova, Fanova, MeanDecreaseImpurity {

    /** A short name for reports and command lines: {@code ped-anova}, {@code fanova} or {@code mdi}. */
    String label();

    /**
     * The evaluator with default settings for a command-line name.
     *
     * @throws IllegalArgumentException for a name other than ped-anova, fanova or mdi
     */
    static ImportanceEvaluator forLabel(String label) {
        return switch (label) {
            case "ped-anova" -> PedAnova.defaults();
            case "fanova" -> Fanova.defaults();
            case "mdi" -> MeanDecreaseImpurity.defaults();
            default ->
                throw new IllegalArgumentException(
                        "evaluator '" + label + "' is unknown: use ped-anova, fanova or mdi");
        };
    }
}
