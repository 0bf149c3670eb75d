package io.tunekit.analysis.importance;

/**
 * PED-ANOVA (Watanabe et al., IJCAI 2023), Optuna 5.0's default importance: for each parameter,
 * the Pearson divergence between its density among the best {@code targetQuantile} of the trials
 * and its density among the best {@code regionQuantile} (the "region"). A parameter whose good
 * values are spread like all its values scores 0; one that the best trials concentrate on scores
 * high. The densities are one-dimensional Parzen estimators with Scott's bandwidth on a grid of
 * at most 50 points per parameter, plus a uniform prior of weight 1.
 *
 * <p>Conditional parameters are handled as conditional PED-ANOVA does (Optuna 5.0): the region
 * trials are split into regimes by the parameter's distribution (absent is a regime of its own);
 * each regime with at least two trials contributes its divergence weighted by
 * {@code alpha^2 / beta}, where alpha is its share of the top trials and beta its share of the
 * region. The result is scaled by {@code (|top| / |region|)^2}.
 *
 * @param targetQuantile the share of trials that counts as "good", in (0, regionQuantile)
 * @param regionQuantile the share of trials the good ones are compared with, in (targetQuantile, 1]
 * @param baseline what the good trials' density is compared with
 */
public record PedAnova(double targetQuantile, double regionQuantile, Baseline baseline) implements ImportanceEvaluator {

    /** What the top trials' density is compared with. */
    public enum Baseline {
        /** The density of the region trials: which parameters mattered during this study (Optuna's default). */
        REGION_TRIALS,
        /** The uniform density over the search space grid: which parameters matter in the space. */
        SEARCH_SPACE
    }

    /**
     * @throws IllegalArgumentException unless {@code 0 < targetQuantile < regionQuantile <= 1}
     */
    public PedAnova {
        if (!(0.0 < targetQuantile && targetQuantile < regionQuantile && regionQuantile <= 1.0)) {
            throw new IllegalArgumentException("PedAnova: targetQuantile " + targetQuantile + " and regionQuantile "
                    + regionQuantile + " must satisfy 0 < targetQuantile < regionQuantile <= 1");
        }
        if (baseline == null) {
            throw new IllegalArgumentException("PedAnova: baseline must not be null");
        }
    }

    /** Optuna 5.0's defaults: the top 10% against all trials. */
    public static PedAnova defaults() {
        return new PedAnova(0.1, 1.0, Baseline.REGION_TRIALS);
    }

    @Override
    public String label() {
        return "ped-anova";
    }
}
