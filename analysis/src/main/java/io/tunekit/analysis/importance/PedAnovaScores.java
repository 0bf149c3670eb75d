package io.tunekit.analysis.importance;

import io.tunekit.distribution.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The computation behind {@link PedAnova}: raw (unnormalised) importances of given parameters. */
final class PedAnovaScores {

    /** A regime holds a parameter's distribution in at least this many region trials to count. */
    private static final int MIN_TRIALS_IN_REGIME = 2;
    /** Added to both densities so that their ratio is defined where a density underflows. */
    private static final double DENSITY_FLOOR = 1e-12;

    private PedAnovaScores() {}

    /**
     * @param columns the analysed trials' parameter values and distributions
     * @param losses their target values, lower is better
     * @throws IllegalArgumentException if the top quantile selects the same trials as the region
     *     (ties at the cutoff), where every importance would be 0
     */
    static double[] compute(PedAnova settings, ParamColumns columns, double[] losses) {
        boolean[] inRegion = topQuantile(losses, settings.regionQuantile());
        boolean[] inTarget = topQuantile(losses, settings.targetQuantile());
        int regionCount = 0;
        int targetCount = 0;
        for (int i = 0; i < losses.length; i++) {
            regionCount += inRegion[i] ? 1 : 0;
            targetCount += inRegion[i] && inTarget[i] ? 1 : 0;
        }
        if (targetCount == regionCount) {
            throw new IllegalArgumentException("PED-ANOVA: the top " + settings.targetQuantile()
                    + " quantile selects the same " + targetCount + " trials as the region (quantile "
                    + settings.regionQuantile() + "): too many trials tie at the cutoff value, so no parameter"
                    + " can be told apart; use a smaller targetQuantile or another evaluator");
        }
        double share = (double) targetCount / regionCount;
        double[] scores = new double[columns.params().size()];
        for (int p = 0; p < scores.length; p++) {
            Distribution[] distributions = columns.distributions()[p];
            double score = 0;
            for (Regime regime : regimes(distributions, inRegion)) {
                Distribution distribution = regime.distribution();
                int[] regionTrials = regime.trials();
                int[] targetTrials =
                        Arrays.stream(regionTrials).filter(i -> inTarget[i]).toArray();
                if (distribution == null || distribution.isSingle() || targetTrials.length == 0) {
                    continue;
                }
                double alpha = (double) targetTrials.length / targetCount;
                double beta = (double) regionTrials.length / regionCount;
                score += alpha
                        * alpha
                        / beta
                        * pearsonDivergence(
                                distribution, columns.values()[p], targetTrials, regionTrials, settings.baseline());
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

    /** The region trials (by index) in which a parameter has one distribution ({@code null}: absent). */
    private record Regime(Distribution distribution, int[] trials) {}

    /**
     * The region trials grouped by the parameter's distribution, {@code null} for trials without
     * the parameter; regimes with fewer than {@value #MIN_TRIALS_IN_REGIME} trials are left out.
     */
    private static List<Regime> regimes(Distribution[] distributions, boolean[] inRegion) {
        // Trials mostly share one distribution: compare with the previous trial's before hashing.
        int[] regimeOf = new int[distributions.length];
        List<Distribution> keys = new ArrayList<>();
        Map<Distribution, Integer> ids = new HashMap<>();
        List<int[]> sizes = new ArrayList<>();
        Distribution previous = null;
        int previousId = -1;
        for (int i = 0; i < distributions.length; i++) {
            if (!inRegion[i]) {
                regimeOf[i] = -1;
                continue;
            }
            Distribution d = distributions[i];
            int id;
            if (previousId >= 0 && Objects.equals(d, previous)) {
                id = previousId;
            } else {
                id = ids.computeIfAbsent(d, key -> {
                    keys.add(key);
                    sizes.add(new int[1]);
                    return keys.size() - 1;
                });
                previous = d;
                previousId = id;
            }
            regimeOf[i] = id;
            sizes.get(id)[0]++;
        }
        int[][] members = new int[keys.size()][];
        for (int r = 0; r < members.length; r++) {
            members[r] = new int[sizes.get(r)[0]];
        }
        int[] filled = new int[keys.size()];
        for (int i = 0; i < regimeOf.length; i++) {
            int r = regimeOf[i];
            if (r >= 0) {
                members[r][filled[r]++] = i;
            }
        }
        List<Regime> regimes = new ArrayList<>();
        for (int r = 0; r < members.length; r++) {
            if (members[r].length >= MIN_TRIALS_IN_REGIME) {
                regimes.add(new Regime(keys.get(r), members[r]));
            }
        }
        return regimes;
    }

    private static double pearsonDivergence(
            Distribution distribution,
            double[] values,
            int[] targetTrials,
            int[] regionTrials,
            PedAnova.Baseline baseline) {
        double[] top =
                ScottParzenGrid.density(distribution, ScottParzenGrid.counts(distribution, values, targetTrials));
        double[] reference = baseline == PedAnova.Baseline.REGION_TRIALS
                ? ScottParzenGrid.density(distribution, ScottParzenGrid.counts(distribution, values, regionTrials))
                : uniform(top.length);
        double divergence = 0;
        for (int k = 0; k < top.length; k++) {
            double q = reference[k] + DENSITY_FLOOR;
            double ratio = (top[k] + DENSITY_FLOOR) / q - 1;
            divergence += q * ratio * ratio;
        }
        return divergence;
    }

    /** The uniform density on the grid, less the floor that {@link #pearsonDivergence} adds back. */
    private static double[] uniform(int size) {
        double[] u = new double[size];
        Arrays.fill(u, 1.0 / size - DENSITY_FLOOR);
        return u;
    }
}
