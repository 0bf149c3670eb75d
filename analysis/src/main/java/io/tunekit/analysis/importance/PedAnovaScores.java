package io.tunekit.analysis.importance;

import io.tunekit.FrozenTrial;
import io.tunekit.distribution.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The computation behind {@link PedAnova}: raw (unnormalised) importances of given parameters. */
final class PedAnovaScores {

    /** A regime holds a parameter's distribution in at least this many region trials to count. */
    private static final int MIN_TRIALS_IN_REGIME = 2;
    /** Added to both densities so that their ratio is defined where a density underflows. */
    private static final double DENSITY_FLOOR = 1e-12;

    private PedAnovaScores() {}

    /**
     * @param trials the analysed trials
     * @param losses their target values, lower is better
     * @throws IllegalArgumentException if the top quantile selects the same trials as the region
     *     (ties at the cutoff), where every importance would be 0
     */
    static double[] compute(PedAnova settings, List<String> params, List<FrozenTrial> trials, double[] losses) {
        boolean[] inRegion = topQuantile(losses, settings.regionQuantile());
        boolean[] inTarget = topQuantile(losses, settings.targetQuantile());
        List<FrozenTrial> region = new ArrayList<>();
        List<Boolean> regionIsTarget = new ArrayList<>();
        int targetCount = 0;
        for (int i = 0; i < trials.size(); i++) {
            if (inRegion[i]) {
                region.add(trials.get(i));
                regionIsTarget.add(inTarget[i]);
                targetCount += inTarget[i] ? 1 : 0;
            }
        }
        if (targetCount == region.size()) {
            throw new IllegalArgumentException("PED-ANOVA: the top " + settings.targetQuantile()
                    + " quantile selects the same " + targetCount + " trials as the region (quantile "
                    + settings.regionQuantile() + "): too many trials tie at the cutoff value, so no parameter"
                    + " can be told apart; use a smaller targetQuantile or another evaluator");
        }
        double share = (double) targetCount / region.size();
        double[] scores = new double[params.size()];
        for (int p = 0; p < params.size(); p++) {
            String param = params.get(p);
            double score = 0;
            for (Map.Entry<Distribution, List<Integer>> regime :
                    regimes(param, region).entrySet()) {
                Distribution distribution = regime.getKey();
                List<FrozenTrial> regionTrials = new ArrayList<>();
                List<FrozenTrial> targetTrials = new ArrayList<>();
                for (int i : regime.getValue()) {
                    regionTrials.add(region.get(i));
                    if (regionIsTarget.get(i)) {
                        targetTrials.add(region.get(i));
                    }
                }
                if (distribution == null || distribution.isSingle() || targetTrials.isEmpty()) {
                    continue;
                }
                double alpha = (double) targetTrials.size() / targetCount;
                double beta = (double) regionTrials.size() / region.size();
                score += alpha
                        * alpha
                        / beta
                        * pearsonDivergence(param, distribution, targetTrials, regionTrials, settings.baseline());
            }
            scores[p] = score * share * share;
        }
        return scores;
    }

    /**
     * The trials whose loss is at most the {@code quantile}'s order statistic (the
     * {@code ceil(quantile * n)}-th smallest): ties at the cutoff are all kept.
     */
    static boolean[] topQuantile(double[] losses, double quantile) {
        boolean[] keep = new boolean[losses.length];
        if (quantile == 1.0) {
            Arrays.fill(keep, true);
            return keep;
        }
        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        double cutoff = sorted[(int) Math.ceil(quantile * losses.length) - 1];
        for (int i = 0; i < losses.length; i++) {
            keep[i] = losses[i] <= cutoff;
        }
        return keep;
    }

    /**
     * The region trials (by index) grouped by the parameter's distribution, {@code null} for trials
     * without the parameter; regimes with fewer than {@value #MIN_TRIALS_IN_REGIME} trials are left
     * out.
     */
    private static Map<Distribution, List<Integer>> regimes(String param, List<FrozenTrial> region) {
        Map<Distribution, List<Integer>> regimes = new LinkedHashMap<>();
        for (int i = 0; i < region.size(); i++) {
            regimes.computeIfAbsent(region.get(i).distributions().get(param), d -> new ArrayList<>())
                    .add(i);
        }
        Map<Distribution, List<Integer>> kept = new HashMap<>();
        regimes.forEach((d, members) -> {
            if (members.size() >= MIN_TRIALS_IN_REGIME) {
                kept.put(d, members);
            }
        });
        return kept;
    }

    private static double pearsonDivergence(
            String param,
            Distribution distribution,
            List<FrozenTrial> targetTrials,
            List<FrozenTrial> regionTrials,
            PedAnova.Baseline baseline) {
        double[] top = ScottParzenGrid.density(distribution, ScottParzenGrid.counts(param, distribution, targetTrials));
        double[] reference = baseline == PedAnova.Baseline.REGION_TRIALS
                ? ScottParzenGrid.density(distribution, ScottParzenGrid.counts(param, distribution, regionTrials))
                : null;
        double divergence = 0;
        for (int k = 0; k < top.length; k++) {
            double q = reference == null ? 1.0 / top.length : reference[k] + DENSITY_FLOOR;
            double ratio = (top[k] + DENSITY_FLOOR) / q - 1;
            divergence += q * ratio * ratio;
        }
        return divergence;
    }
}
