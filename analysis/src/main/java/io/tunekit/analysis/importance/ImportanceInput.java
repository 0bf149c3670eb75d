package io.tunekit.analysis.importance;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The trials and parameters one importance computation reads, checked: at least two trials, a
 * target that varies, parameters that exist. Losses are the target turned so that lower is better.
 */
final class ImportanceInput {

    /** What is explained, and which way is better. */
    record Target(ToDoubleFunction<FrozenTrial> function, Direction direction) {}

    private final List<String> params;
    private final ParamColumns columns;
    private final double[] losses;

    private ImportanceInput(List<String> params, ParamColumns columns, double[] losses) {
        this.params = params;
        this.columns = columns;
        this.losses = losses;
    }

    List<String> params() {
        return params;
    }

    int size() {
        return losses.length;
    }

    /**
     * Resolves the parameters and the trials for an evaluator and checks them.
     *
     * @param requested the parameters named by the user, or {@code null} for the evaluator's default
     * @param complete the study's COMPLETE trials
     */
    static ImportanceInput prepare(
            ImportanceEvaluator evaluator, List<String> requested, List<FrozenTrial> complete, Target target) {
        boolean forest = !(evaluator instanceof PedAnova);
        List<String> names;
        List<FrozenTrial> candidates = complete;
        if (requested != null) {
            names = checkRequested(requested, complete);
            if (forest && !names.isEmpty()) {
                candidates = complete.stream()
                        .filter(t -> t.params().keySet().containsAll(names))
                        .toList();
                requireSameDistributions(names, candidates, evaluator);
            }
        } else if (forest) {
            names = sharedParams(complete);
        } else {
            names = null; // every parameter of a COMPLETE trial, found while the columns are read
        }
        List<FrozenTrial> usable = new ArrayList<>(candidates.size());
        List<FrozenTrial> unusable = new ArrayList<>();
        double[] all = new double[candidates.size()];
        for (FrozenTrial t : candidates) {
            double v = target.function().applyAsDouble(t);
            if (Double.isFinite(v)) {
                all[usable.size()] = target.direction() == Direction.MAXIMIZE ? -v : v;
                usable.add(t);
            } else {
                unusable.add(t);
            }
        }
        double[] losses = Arrays.copyOf(all, usable.size());
        if (usable.size() < 2) {
            throw new IllegalArgumentException("importance needs at least 2 COMPLETE trials with a finite target"
                    + (forest && requested != null ? " and all of the parameters " + names : "") + "; found "
                    + usable.size() + " (of " + complete.size() + " COMPLETE trials)");
        }
        if (isConstant(losses)) {
            throw new IllegalArgumentException("the target is " + losses[0] * sign(target) + " in all "
                    + usable.size() + " usable trials: with a constant objective no parameter matters,"
                    + " so importance is undefined");
        }
        ParamColumns columns =
                names == null ? ParamColumns.ofEveryParam(usable, unusable) : ParamColumns.of(names, usable);
        if (columns.params().isEmpty() && requested == null) {
            throw new IllegalArgumentException(
                    forest
                            ? "no parameter is present, with the same distribution, in every COMPLETE trial;"
                                    + " name the parameters to assess with params(...) or use PedAnova"
                            : "the COMPLETE trials have no parameters");
        }
        return new ImportanceInput(columns.params(), columns, losses);
    }

    private static boolean isConstant(double[] losses) {
        for (double v : losses) {
            if (v != losses[0]) {
                return false;
            }
        }
        return true;
    }

    private static double sign(Target target) {
        return target.direction() == Direction.MAXIMIZE ? -1 : 1;
    }

    private static List<String> checkRequested(List<String> requested, List<FrozenTrial> complete) {
        Set<String> seen = new HashSet<>();
        for (String name : requested) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("params: '" + name + "' is named twice in " + requested);
            }
            List<Distribution> distributions = complete.stream()
                    .map(t -> t.distributions().get(name))
                    .filter(d -> d != null)
                    .distinct()
                    .toList();
            if (distributions.isEmpty()) {
                TreeSet<String> known = new TreeSet<>();
                complete.forEach(t -> known.addAll(t.params().keySet()));
                throw new IllegalArgumentException(
                        "params: no COMPLETE trial has parameter '" + name + "'; the COMPLETE trials have " + known);
            }
            if (distributions.stream().allMatch(Distribution::isSingle)) {
                throw new IllegalArgumentException("params: parameter '" + name + "' has a single-valued distribution "
                        + distributions.get(0) + ": it never varied, so its importance is undefined");
            }
        }
        return List.copyOf(requested);
    }

    private static void requireSameDistributions(
            List<String> names, List<FrozenTrial> trials, ImportanceEvaluator evaluator) {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException(
                    "params: no COMPLETE trial has all of " + names + " (the forest needs every parameter in a trial)");
        }
        Map<String, Distribution> first = trials.get(0).distributions();
        for (FrozenTrial t : trials) {
            for (String name : names) {
                if (!t.distributions().get(name).equals(first.get(name))) {
                    throw new IllegalArgumentException(evaluator.label() + ": parameter '" + name
                            + "' has the distribution " + first.get(name) + " in trial "
                            + trials.get(0).number() + " but "
                            + t.distributions().get(name) + " in trial "
                            + t.number() + "; a forest needs one search space (use PedAnova for dynamic spaces)");
                }
            }
        }
    }

    /** The parameters every COMPLETE trial has with the same distribution, by name. */
    private static List<String> sharedParams(List<FrozenTrial> complete) {
        if (complete.isEmpty()) {
            return List.of();
        }
        Map<String, Distribution> shared = new TreeMap<>(complete.get(0).distributions());
        for (FrozenTrial t : complete) {
            shared.entrySet()
                    .removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
        }
        return List.copyOf(shared.keySet());
    }

    /** The same parameters on trials drawn by index (with repetitions), for the bootstrap. */
    ImportanceInput resample(int[] picks) {
        double[] drawnLosses = new double[picks.length];
        boolean varies = false;
        for (int k = 0; k < picks.length; k++) {
            drawnLosses[k] = losses[picks[k]];
            varies |= drawnLosses[k] != drawnLosses[0];
        }
        if (!varies) {
            throw new IllegalArgumentException("resample has a constant target");
        }
        return new ImportanceInput(params, columns.pick(picks), drawnLosses);
    }

    /**
     * The raw importances, aligned with {@link #params()}.
     *
     * @param repetition 0 for the estimate itself; the bootstrap's repetitions reseed the forest
     */
    double[] scores(ImportanceEvaluator evaluator, int repetition) {
        if (params.isEmpty()) {
            return new double[0];
        }
        if (evaluator instanceof PedAnova ped) {
            return PedAnovaScores.compute(ped, columns, losses);
        }
        if (evaluator instanceof Fanova f) {
            return forestScores(new ForestSettings(f.trees(), f.maxDepth(), f.seed() + repetition), true);
        }
        MeanDecreaseImpurity m = (MeanDecreaseImpurity) evaluator;
        return forestScores(new ForestSettings(m.trees(), m.maxDepth(), m.seed() + repetition), false);
    }

    private double[] forestScores(ForestSettings settings, boolean fanova) {
        // Single-valued parameters cannot vary: importance 0, left out of the forest (as Optuna).
        List<Integer> varying = new ArrayList<>();
        for (int p = 0; p < params.size(); p++) {
            if (!columns.distribution(p, 0).isSingle()) {
                varying.add(p);
            }
        }
        double[] scores = new double[params.size()];
        if (varying.isEmpty()) {
            return scores;
        }
        OneHotEncoding encoding = OneHotEncoding.of(columns, varying);
        List<RegressionTree> forest = RegressionForest.fit(
                encoding.columns(), losses, settings.trees(), settings.maxDepth(), settings.seed());
        double[] perParam =
                fanova ? FanovaScores.compute(forest, encoding) : MeanDecreaseImpurityScores.compute(forest, encoding);
        for (int k = 0; k < varying.size(); k++) {
            scores[varying.get(k)] = perParam[k];
        }
        return scores;
    }

    /** Columns for the forest: numbers on their raw scale, one 0/1 column per categorical choice. */
    record OneHotEncoding(double[][] columns, double[] lows, double[] highs, int[][] columnsOfParam) {

        /** Encodes the columns {@code varying} of {@code columns} (each with one distribution throughout). */
        static OneHotEncoding of(ParamColumns columns, List<Integer> varying) {
            List<double[]> encoded = new ArrayList<>();
            List<Double> lows = new ArrayList<>();
            List<Double> highs = new ArrayList<>();
            int[][] columnsOfParam = new int[varying.size()][];
            for (int k = 0; k < varying.size(); k++) {
                int p = varying.get(k);
                Distribution d = columns.distribution(p, 0);
                double[] values = columns.values()[p];
                if (d instanceof CategoricalDistribution c) {
                    int choices = c.choices().size();
                    columnsOfParam[k] = new int[choices];
                    for (int choice = 0; choice < choices; choice++) {
                        columnsOfParam[k][choice] = encoded.size();
                        double[] column = new double[values.length];
                        for (int i = 0; i < values.length; i++) {
                            column[i] = values[i] == choice ? 1 : 0;
                        }
                        encoded.add(column);
                        lows.add(0.0);
                        highs.add(1.0);
                    }
                } else {
                    columnsOfParam[k] = new int[] {encoded.size()};
                    encoded.add(values);
                    lows.add(d instanceof FloatDistribution f ? f.low() : (double) ((IntDistribution) d).low());
                    highs.add(d instanceof FloatDistribution f ? f.high() : (double) ((IntDistribution) d).high());
                }
            }
            return new OneHotEncoding(
                    encoded.toArray(double[][]::new),
                    lows.stream().mapToDouble(Double::doubleValue).toArray(),
                    highs.stream().mapToDouble(Double::doubleValue).toArray(),
                    columnsOfParam);
        }
    }
}
