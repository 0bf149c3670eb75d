package io.tunekit.analysis.importance;

import io.tunekit.distribution.Distribution;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

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
        ScottParzenGrid[][] grids = grids(columns);
        double[] scores = new double[columns.params().size()];
        for (int p = 0; p < scores.length; p++) {
            scores[p] = score(columns, p, grids[p], inRegion, inTarget, regionCount, targetCount, settings.baseline())
                    * share
                    * share;
        }
        return scores;
    }

    /**
     * The grid of each parameter's each distribution ({@code null} for a single-valued one, which
     * has no density to compare). Parameters with the same distribution instance (as read from a
     * storage) share a grid and its prior kernel; telling equal instances apart would cost the
     * first call more (the records' {@code equals}) than the few grids it saves.
     */
    private static ScottParzenGrid[][] grids(ParamColumns columns) {
        Map<Distribution, ScottParzenGrid> made = new IdentityHashMap<>();
        ScottParzenGrid[][] grids = new ScottParzenGrid[columns.distinct().length][];
        for (int p = 0; p < grids.length; p++) {
            Distribution[] distinct = columns.distinct()[p];
            grids[p] = new ScottParzenGrid[distinct.length];
            for (int r = 0; r < distinct.length; r++) {
                Distribution d = distinct[r];
                if (!d.isSingle()) {
                    ScottParzenGrid grid = made.get(d);
                    if (grid == null) {
                        grid = ScottParzenGrid.of(d);
                        made.put(d, grid);
                    }
                    grids[p][r] = grid;
                }
            }
        }
        return grids;
    }

    /**
     * One parameter's importance before the scaling by {@code (|top| / |region|)^2}.
     *
     * @param regimeGrids the grid of each of the parameter's distributions, by number
     */
    private static double score(
            ParamColumns columns,
            int p,
            ScottParzenGrid[] regimeGrids,
            boolean[] inRegion,
            boolean[] inTarget,
            int regionCount,
            int targetCount,
            PedAnova.Baseline baseline) {
        Regimes regimes =
                Regimes.count(regimeGrids, columns.distributionIds()[p], columns.values()[p], inRegion, inTarget);
        double score = 0;
        for (int r : regimes.order()) {
            if (regimes.regionSizes()[r] < MIN_TRIALS_IN_REGIME
                    || regimeGrids[r] == null
                    || regimes.targetSizes()[r] == 0) {
                continue;
            }
            double alpha = (double) regimes.targetSizes()[r] / targetCount;
            double beta = (double) regimes.regionSizes()[r] / regionCount;
            score += alpha
                    * alpha
                    / beta
                    * pearsonDivergence(regimeGrids[r], regimes.targetCounts()[r], regimes.regionCounts()[r], baseline);
        }
        return score;
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
     * A parameter's region trials grouped by its distribution in them (a regime; trials without
     * the parameter form none), with the number of region and top trials in each regime and their
     * counts on the regime's grid.
     *
     * @param order the regimes in the order they first appear among the region trials
     */
    private record Regimes(
            int[] order, int[] regionSizes, int[] targetSizes, int[][] regionCounts, int[][] targetCounts) {

        /**
         * One pass over the trials.
         *
         * @param grids each regime's grid, {@code null} for a single-valued distribution (not counted)
         * @param regimeOf each trial's regime, -1 where it lacks the parameter
         */
        static Regimes count(
                ScottParzenGrid[] grids, int[] regimeOf, double[] values, boolean[] inRegion, boolean[] inTarget) {
            int regimes = grids.length;
            int[] regionSizes = new int[regimes];
            int[] targetSizes = new int[regimes];
            int[][] regionCounts = new int[regimes][];
            int[][] targetCounts = new int[regimes][];
            int[] order = new int[regimes];
            int seen = 0;
            for (int r = 0; r < regimes; r++) {
                int size = grids[r] == null ? 0 : grids[r].size();
                regionCounts[r] = new int[size];
                targetCounts[r] = new int[size];
            }
            for (int i = 0; i < regimeOf.length; i++) {
                int r = regimeOf[i];
                if (r < 0 || !inRegion[i]) {
                    continue;
                }
                if (regionSizes[r]++ == 0) {
                    order[seen++] = r;
                }
                boolean top = inTarget[i];
                if (top) {
                    targetSizes[r]++;
                }
                ScottParzenGrid grid = grids[r];
                if (grid != null) {
                    int k = grid.index(values[i]);
                    regionCounts[r][k]++;
                    if (top) {
                        targetCounts[r][k]++;
                    }
                }
            }
            return new Regimes(Arrays.copyOf(order, seen), regionSizes, targetSizes, regionCounts, targetCounts);
        }
    }

    private static double pearsonDivergence(
            ScottParzenGrid grid, int[] targetCounts, int[] regionCounts, PedAnova.Baseline baseline) {
        double[] top = grid.density(targetCounts);
        double[] reference =
                baseline == PedAnova.Baseline.REGION_TRIALS ? grid.density(regionCounts) : uniform(top.length);
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
