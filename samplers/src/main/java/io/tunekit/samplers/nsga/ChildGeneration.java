package io.tunekit.samplers.nsga;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.samplers.pareto.NonDominatedSort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.random.RandomGenerator;

/**
 * Makes one child from a generation's parents, with Optuna's steps and draw order: with
 * probability {@code crossoverProbability} a crossover of parents chosen by binary tournaments
 * (constrained domination when the parents have constraints), drawn again until the child lies in
 * the space; otherwise a copy of a random parent. Then each parameter mutates with probability
 * {@code mutationProbability} (default {@code 1 / number of parameters}). A parameter left out of
 * the result is drawn by the random sampler: that is how {@link Mutation.Resample} mutates.
 *
 * <p>Unlike Optuna, which retries for ever (or fails when there are fewer parents than the
 * crossover needs), a crossover whose children keep falling outside the space gives up after
 * {@value #MAX_ATTEMPTS} draws, and a crossover with too few parents is not tried: the child is
 * then a copy of a random parent.
 *
 * <p>What depends only on the parents and the space (their internal values, losses, the
 * continuous space) is prepared once per generation and kept while they stay the same.
 */
final class ChildGeneration {

    static final int MAX_ATTEMPTS = 100;

    private final Crossover crossover;
    private final double crossoverProbability;
    private final UniformCrossover categoricalCrossover;
    private final Mutation mutation;
    private final OptionalDouble mutationProbability;
    private Plan plan;

    ChildGeneration(
            Crossover crossover,
            double crossoverProbability,
            double swappingProbability,
            Mutation mutation,
            OptionalDouble mutationProbability) {
        this.crossover = crossover;
        this.crossoverProbability = crossoverProbability;
        this.categoricalCrossover = new UniformCrossover(swappingProbability);
        this.mutation = mutation;
        this.mutationProbability = mutationProbability;
    }

    /**
     * The parents and the space in the layout the operators use: categorical parameters first,
     * then numeric ones, each group in space order (Optuna's order of draws).
     */
    private static final class Plan {
        final List<FrozenTrial> parents;
        final SortedMap<String, Distribution> space;
        final String[] names;
        final int categoricalCount;
        final NumericSpace numeric;
        final double[][] bounds;
        /** [parent][parameter in {@link #names} order]: categorical internal values, then continuous coordinates. */
        final double[][] genes;

        final double[][] loss;
        final double[] violation;
        final boolean constrained;

        Plan(List<Direction> directions, SortedMap<String, Distribution> space, List<FrozenTrial> parents) {
            this.parents = parents;
            this.space = space;
            List<String> order = new ArrayList<>();
            List<Distribution> numericDistributions = new ArrayList<>();
            space.forEach((name, d) -> {
                if (d instanceof CategoricalDistribution) {
                    order.add(name);
                }
            });
            this.categoricalCount = order.size();
            space.forEach((name, d) -> {
                if (!(d instanceof CategoricalDistribution)) {
                    order.add(name);
                    numericDistributions.add(d);
                }
            });
            this.names = order.toArray(String[]::new);
            this.numeric = new NumericSpace(numericDistributions);
            this.bounds = numeric.bounds();
            int n = parents.size();
            this.genes = new double[n][names.length];
            this.loss = new double[n][];
            this.violation = new double[n];
            this.constrained = Fronts.isConstrained(parents);
            for (int j = 0; j < n; j++) {
                FrozenTrial t = parents.get(j);
                for (int k = 0; k < names.length; k++) {
                    double internal = t.internalParam(names[k]);
                    genes[j][k] =
                            k < categoricalCount ? internal : numeric.toContinuous(k - categoricalCount, internal);
                }
                loss[j] = Fronts.loss(directions, t);
                violation[j] = constrained ? Fronts.violation(t) : 0;
            }
        }

        /** The internal value of parameter {@code k} from a gene. */
        double internal(int k, double gene) {
            return k < categoricalCount ? gene : numeric.toInternal(k - categoricalCount, gene);
        }

        /** Whether parent {@code a} (constrained-)dominates parent {@code b}. */
        boolean dominates(int a, int b) {
            if (constrained && (violation[a] > 0 || violation[b] > 0)) {
                return violation[a] < violation[b];
            }
            return NonDominatedSort.dominates(loss[a], loss[b]);
        }
    }

    /** Internal values of the child for (a part of) {@code space}; parents are COMPLETE trials. */
    Map<String, Double> child(
            List<Direction> directions,
            SortedMap<String, Distribution> space,
            List<FrozenTrial> parents,
            RandomGenerator random) {
        Plan p = plan;
        if (p == null || p.parents != parents || !p.space.equals(space)) {
            p = new Plan(directions, space, parents);
            plan = p;
        }
        double[] genes = null;
        if (random.nextDouble() < crossoverProbability) {
            genes = crossover(p, directions.size() > 1, random);
        }
        if (genes == null) {
            genes = p.genes[random.nextInt(parents.size())];
        }
        double probability = mutationProbability.orElse(1.0 / Math.max(1, genes.length));
        Map<String, Double> out = new HashMap<>();
        for (int k = 0; k < genes.length; k++) {
            if (random.nextDouble() >= probability) {
                out.put(p.names[k], p.internal(k, genes[k]));
            } else if (mutation instanceof PolynomialMutation polynomial && k >= p.categoricalCount) {
                int d = k - p.categoricalCount;
                double[] b = p.bounds[d];
                // like Optuna, mutate the child's value, i.e. after rounding and clipping into the space
                double value = p.numeric.toContinuous(d, p.internal(k, genes[k]));
                double x = p.numeric.clipToBounds(d, polynomial.mutate(value, random, b[0], b[1]));
                out.put(p.names[k], p.numeric.toInternal(d, x));
            }
        }
        return out;
    }

    /** The genes of a crossover child; null after too many children outside the space. */
    private double[] crossover(Plan p, boolean multiObjective, RandomGenerator random) {
        int n = p.parents.size();
        if (n < crossover.parents()) {
            return null;
        }
        int numericCount = p.names.length - p.categoricalCount;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int[] chosen = tournamentParents(p, random);
            double[] child = new double[p.names.length];
            for (int k = 0; k < p.categoricalCount; k++) {
                int from = categoricalCrossover.takeSecond(random) ? chosen[chosen.length - 1] : chosen[0];
                child[k] = p.genes[from][k];
            }
            if (numericCount == 0) {
                return child;
            }
            double[][] x = new double[chosen.length][numericCount];
            for (int j = 0; j < chosen.length; j++) {
                System.arraycopy(p.genes[chosen[j]], p.categoricalCount, x[j], 0, numericCount);
            }
            double[] c = crossover.crossover(x, random, p.bounds, multiObjective);
            boolean inside = true;
            for (int d = 0; d < c.length && inside; d++) {
                inside = p.numeric.accepts(d, c[d]);
            }
            if (inside) {
                System.arraycopy(c, 0, child, p.categoricalCount, numericCount);
                return child;
            }
        }
        return null;
    }

    /** Distinct parents (indices), each the winner of a binary tournament among those not chosen yet. */
    private int[] tournamentParents(Plan p, RandomGenerator random) {
        List<Integer> left = new ArrayList<>(p.parents.size());
        for (int j = 0; j < p.parents.size(); j++) {
            left.add(j);
        }
        int[] chosen = new int[crossover.parents()];
        for (int k = 0; k < chosen.length; k++) {
            int a = left.get(random.nextInt(left.size()));
            int b = left.get(random.nextInt(left.size()));
            int winner = p.dominates(a, b) ? a : b;
            chosen[k] = winner;
            left.remove(Integer.valueOf(winner));
        }
        return chosen;
    }
}
