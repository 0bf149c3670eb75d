package io.tunekit.samplers.nsga;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * vSBX (Ballester and Carter 2003), the simulated binary crossover that excludes no region of the
 * space, as Optuna implements it. The operator defines two children; per dimension the child
 * takes the children's genes with probability {@code useChildGeneProbability} (else the
 * parents'), swapped between the two with probability {@code uniformCrossoverProbability}, and
 * one of the two resulting children is returned, each with probability 1/2.
 *
 * @param eta distribution index ({@code >= 0}); empty: 20 for several objectives, 2 for one
 * @param uniformCrossoverProbability in [0, 1] (Optuna's default 0.5)
 * @param useChildGeneProbability in (0, 1] (Optuna's default 0.5)
 */
public record VsbxCrossover(OptionalDouble eta, double uniformCrossoverProbability, double useChildGeneProbability)
        implements Crossover {

    private static final double EPS = 1e-10;

    /** Validates the options. */
    public VsbxCrossover {
        TwoChildren.validate("VsbxCrossover", eta, uniformCrossoverProbability, useChildGeneProbability);
    }

    /** Optuna's defaults. */
    public VsbxCrossover() {
        this(OptionalDouble.empty(), 0.5, 0.5);
    }

    /** Optuna's defaults with this distribution index. */
    public static VsbxCrossover withEta(double eta) {
        return new VsbxCrossover(OptionalDouble.of(eta), 0.5, 0.5);
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
        double[] beta1 = new double[n];
        double[] beta2 = new double[n];
        for (int d = 0; d < n; d++) {
            beta1[d] = Math.pow(1 / Math.max(2 * u[d], EPS), 1 / (e + 1));
            beta2[d] = Math.pow(1 / Math.max(2 * (1 - u[d]), EPS), 1 / (e + 1));
        }
        double[] x1 = parents[0];
        double[] x2 = parents[1];
        double[] c1 = new double[n];
        double[] c2 = new double[n];
        boolean firstLow = random.nextDouble() <= 0.5;
        for (int d = 0; d < n; d++) {
            c1[d] = firstLow
                    ? 0.5 * ((1 + beta1[d]) * x1[d] + (1 - beta2[d]) * x2[d])
                    : 0.5 * ((1 - beta1[d]) * x1[d] + (1 + beta2[d]) * x2[d]);
        }
        boolean secondLow = random.nextDouble() <= 0.5;
        for (int d = 0; d < n; d++) {
            c2[d] = secondLow
                    ? 0.5 * ((3 - beta1[d]) * x1[d] - (1 - beta2[d]) * x2[d])
                    : 0.5 * (-(1 - beta1[d]) * x1[d] + (3 - beta2[d]) * x2[d]);
        }
        return TwoChildren.pick(c1, c2, parents, random, uniformCrossoverProbability, useChildGeneProbability);
    }
}
