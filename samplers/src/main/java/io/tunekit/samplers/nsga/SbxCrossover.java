package io.tunekit.samplers.nsga;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Simulated binary crossover (Deb and Agrawal 1995) in Optuna's bounded form: the spread factors
 * are drawn so that both children stay inside the bounds. The operator defines two children; per
 * dimension the child takes the children's genes with probability {@code useChildGeneProbability}
 * (else the parents'), swapped between the two with probability
 * {@code uniformCrossoverProbability}, and one of the two resulting children is returned, each
 * with probability 1/2.
 *
 * @param eta distribution index ({@code >= 0}); empty: 20 for several objectives, 2 for one
 * @param uniformCrossoverProbability in [0, 1] (Optuna's default 0.5)
 * @param useChildGeneProbability in (0, 1] (Optuna's default 0.5)
 */
public record SbxCrossover(OptionalDouble eta, double uniformCrossoverProbability, double useChildGeneProbability)
        implements Crossover {

    /** Validates the options. */
    public SbxCrossover {
        TwoChildren.validate("SbxCrossover", eta, uniformCrossoverProbability, useChildGeneProbability);
    }

    /** Optuna's defaults. */
    public SbxCrossover() {
        this(OptionalDouble.empty(), 0.5, 0.5);
    }

    /** Optuna's defaults with this distribution index. */
    public static SbxCrossover withEta(double eta) {
        return new SbxCrossover(OptionalDouble.of(eta), 0.5, 0.5);
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public double[] crossover(double[][] parents, RandomGenerator random, double[][] bounds, boolean multiObjective) {
        int n = bounds.length;
        double e = TwoChildren.eta(eta, multiObjective);
        double[] u = Draws.uniforms(random, n);
        double[] c1 = new double[n];
        double[] c2 = new double[n];
        for (int d = 0; d < n; d++) {
            double min = Math.min(parents[0][d], parents[1][d]);
            double max = Math.max(parents[0][d], parents[1][d]);
            double diff = Math.max(max - min, 1e-10);
            double beta1 = 1 + 2 * (min - bounds[d][0]) / diff;
            double beta2 = 1 + 2 * (bounds[d][1] - max) / diff;
            double alpha1 = 2 - Math.pow(beta1, -(e + 1));
            double alpha2 = 2 - Math.pow(beta2, -(e + 1));
            c1[d] = 0.5 * ((min + max) - spread(u[d], alpha1, e) * diff);
            c2[d] = 0.5 * ((min + max) + spread(u[d], alpha2, e) * diff);
        }
        return TwoChildren.pick(c1, c2, parents, random, uniformCrossoverProbability, useChildGeneProbability);
    }

    private static double spread(double u, double alpha, double eta) {
        return u > 1 / alpha ? Math.pow(1 / (2 - u * alpha), 1 / (eta + 1)) : Math.pow(u * alpha, 1 / (eta + 1));
    }
}
