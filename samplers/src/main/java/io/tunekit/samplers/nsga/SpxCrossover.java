package io.tunekit.samplers.nsga;

import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Simplex crossover SPX (Tsutsui, Goldberg and Sastry 2000) with three parents: a child uniform in
 * the parents' simplex expanded by {@code epsilon} about its centroid.
 *
 * @param epsilon the expansion rate ({@code > 0}); empty: Optuna's {@code sqrt(dimensions + 2)}
 */
public record SpxCrossover(OptionalDouble epsilon) implements Crossover {

    /** Validates epsilon. */
    public SpxCrossover {
        if (epsilon.isPresent() && !(epsilon.getAsDouble() > 0 && Double.isFinite(epsilon.getAsDouble()))) {
            throw new IllegalArgumentException(
                    "SpxCrossover: epsilon=" + epsilon.getAsDouble() + " must be finite and > 0");
        }
    }

    /** Optuna's default expansion rate. */
    public SpxCrossover() {
        this(OptionalDouble.empty());
    }

    @Override
    public int parents() {
        return 3;
    }

    @Override
    public double[] crossover(double[][] parents, RandomGenerator random, double[][] bounds, boolean multiObjective) {
        int n = bounds.length;
        int k = parents.length;
        double[] r = Draws.uniforms(random, k - 1);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.pow(r[i], 1.0 / (i + 1));
        }
        double e = epsilon.orElse(Math.sqrt(n + 2));
        double[] centroid = new double[n];
        for (double[] p : parents) {
            for (int d = 0; d < n; d++) {
                centroid[d] += p[d];
            }
        }
        for (int d = 0; d < n; d++) {
            centroid[d] /= k;
        }
        double[][] expanded = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int d = 0; d < n; d++) {
                expanded[j][d] = centroid[d] + e * (parents[j][d] - centroid[d]);
            }
        }
        double[] c = new double[n];
        for (int j = 1; j < k; j++) {
            for (int d = 0; d < n; d++) {
                c[d] = r[j - 1] * (expanded[j - 1][d] - expanded[j][d] + c[d]);
            }
        }
        double[] child = new double[n];
        for (int d = 0; d < n; d++) {
            child[d] = expanded[k - 1][d] + c[d];
        }
        return child;
    }
}
