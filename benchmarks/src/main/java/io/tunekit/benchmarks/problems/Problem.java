package io.tunekit.benchmarks.problems;

import io.tunekit.Objective;
import io.tunekit.Trial;
import io.tunekit.distribution.FloatDistribution;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A minimisation problem of the benchmark protocol (docs/benchmarks.md §1): named float
 * parameters suggested in a fixed order, a formula and its known optimum.
 *
 * @param name the protocol's name, e.g. {@code branin}
 * @param parameters the parameters in suggestion order
 * @param optimum the minimum value {@code f*}, for the simple regret {@code best - f*}
 * @param formula {@code f(x)} on the values in parameter order
 */
public record Problem(String name, List<Parameter> parameters, double optimum, ToDoubleFunction<double[]> formula) {

    /** A float parameter of a problem. */
    public record Parameter(String name, FloatDistribution distribution) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(distribution, "distribution");
        }
    }

    public Problem {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(formula, "formula");
    }

    /** The number of parameters. */
    public int dimension() {
        return parameters.size();
    }

    /**
     * {@code f(x)}.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double evaluate(double[] x) {
        if (x.length != parameters.size()) {
            throw new IllegalArgumentException(name + " takes " + parameters.size() + " values, got " + x.length);
        }
        return formula.applyAsDouble(x);
    }

    /** The objective: suggests every parameter in protocol order, then evaluates. */
    public Objective objective() {
        return trial -> evaluate(suggestAll(trial, parameters));
    }

    /** Suggests every parameter in order; the values in the same order. */
    static double[] suggestAll(Trial trial, List<Parameter> parameters) {
        double[] x = new double[parameters.size()];
        for (int i = 0; i < x.length; i++) {
            Parameter p = parameters.get(i);
            x[i] = (Double) trial.suggest(p.name(), p.distribution());
        }
        return x;
    }
}
