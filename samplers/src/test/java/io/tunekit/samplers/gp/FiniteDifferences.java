package io.tunekit.samplers.gp;

import java.util.function.ToDoubleFunction;

/** Central finite differences, the reference for every analytic gradient in these tests. */
public final class FiniteDifferences {

    private FiniteDifferences() {}

    /** {@code (f(x + h e_d) - f(x - h e_d)) / 2h}. */
    public static double partial(ToDoubleFunction<double[]> f, double[] x, int d, double h) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[d] += h;
        minus[d] -= h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }
}
