package io.tunekit.samplers.nsga;

import java.util.List;
import java.util.random.RandomGenerator;

/** Random draws in the order Optuna's NumPy code makes them. */
final class Draws {

    private Draws() {}

    /** {@code n} uniforms on [0, 1), as {@code rng.rand(n)}. */
    static double[] uniforms(RandomGenerator random, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }

    /** {@code n} normal draws with standard deviation {@code scale}, as {@code rng.normal(0, scale, n)}. */
    static double[] normals(RandomGenerator random, double scale, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = scale * random.nextGaussian();
        }
        return z;
    }

    /** Fisher-Yates shuffle in place. */
    static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
