package io.tunekit.samplers.nsga;

import java.util.random.RandomGenerator;

/**
 * Blend crossover BLX-alpha (Eshelman and Schaffer 1992): each dimension uniform on the parents'
 * interval widened by {@code alpha} times its length on both sides.
 *
 * @param alpha the widening, {@code >= 0} (Optuna's default 0.5)
 */
public record BlxAlphaCrossover(double alpha) implements Crossover {

    /** Validates alpha. */
    public BlxAlphaCrossover {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("BlxAlphaCrossover: alpha=" + alpha + " must be finite and >= 0");
        }
    }

    /** Optuna's default: alpha 0.5. */
    public BlxAlphaCrossover() {
        this(0.5);
    }

    @Override
    public int parents() {
        return 2;
    }

    @Override
    public double[] crossover(double[][] parents, RandomGenerator random, double[][] bounds, boolean multiObjective) {
        double[] child = new double[bounds.length];
        double[] u = Draws.uniforms(random, bounds.length);
        for (int d = 0; d < child.length; d++) {
            double min = Math.min(parents[0][d], parents[1][d]);
            double max = Math.max(parents[0][d], parents[1][d]);
            double widen = alpha * (max - min);
            double low = min - widen;
            double high = max + widen;
            child[d] = (high - low) * u[d] + low;
        }
        return child;
    }
}
