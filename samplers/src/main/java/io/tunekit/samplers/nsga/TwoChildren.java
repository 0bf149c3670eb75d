package io.tunekit.samplers.nsga;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * What SBX and vSBX share in Optuna: the distribution index {@code eta} (20 for several
 * objectives, 2 for one, unless given), and how the two children the operator defines become the
 * one child Optuna returns: per dimension, with probability {@code useChildGeneProbability} the
 * pair of children's genes, else the parents', swapped with probability
 * {@code uniformCrossoverProbability}; then one of the two resulting children, each with
 * probability 1/2.
 */
final class TwoChildren {

    private TwoChildren() {}

    static void validate(
            String what, OptionalDouble eta, double uniformCrossoverProbability, double useChildGeneProbability) {
        if (eta.isPresent() && !(eta.getAsDouble() >= 0)) {
            throw new IllegalArgumentException(what + ": eta=" + eta.getAsDouble() + " must be >= 0");
        }
        Crossover.requireProbability(what, "uniformCrossoverProbability", uniformCrossoverProbability);
        if (!(useChildGeneProbability > 0 && useChildGeneProbability <= 1)) {
            throw new IllegalArgumentException(
                    what + ": useChildGeneProbability=" + useChildGeneProbability + " must be in (0, 1]");
        }
    }

    static double eta(OptionalDouble eta, boolean multiObjective) {
        return eta.orElse(multiObjective ? 20.0 : 2.0);
    }

    static double[] pick(
            double[] c1,
            double[] c2,
            double[][] parents,
            RandomGenerator random,
            double uniformCrossoverProbability,
            double useChildGeneProbability) {
        int n = c1.length;
        double[] first = new double[n];
        double[] second = new double[n];
        for (int d = 0; d < n; d++) {
            boolean children = random.nextDouble() < useChildGeneProbability;
            double a = children ? c1[d] : parents[0][d];
            double b = children ? c2[d] : parents[1][d];
            boolean swap = random.nextDouble() < uniformCrossoverProbability;
            first[d] = swap ? b : a;
            second[d] = swap ? a : b;
        }
        return random.nextDouble() < 0.5 ? first : second;
    }
}
