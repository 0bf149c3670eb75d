package io.tunekit.benchmarks.problems;

import io.tunekit.MultiObjective;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A multi-objective minimisation problem of the NSGA benchmarks: named float parameters suggested
 * in a fixed order, a formula giving every objective, and the reference point the hypervolume is
 * measured against.
 *
 * @param name e.g. {@code zdt1}
 * @param parameters the parameters in suggestion order
 * @param referencePoint the hypervolume's reference point, one coordinate per objective
 * @param formula {@code f(x)}, one value per objective
 */
public record ParetoProblem(
        String name,
        List<Problem.Parameter> parameters,
        double[] referencePoint,
        Function<double[], double[]> formula) {

    public ParetoProblem {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        referencePoint = referencePoint.clone();
        Objects.requireNonNull(formula, "formula");
    }

    /** The number of objectives. */
    public int objectives() {
        return referencePoint.length;
    }

    /** The reference point (a copy). */
    @Override
    public double[] referencePoint() {
        return referencePoint.clone();
    }

    /**
     * {@code f(x)}.
     *
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double[] evaluate(double[] x) {
        if (x.length != parameters.size()) {
            throw new IllegalArgumentException(name + " takes " + parameters.size() + " values, got " + x.length);
        }
        return formula.apply(x);
    }

    /** The objective: suggests every parameter in order, then evaluates. */
    public MultiObjective objective() {
        return trial -> evaluate(Problem.suggestAll(trial, parameters));
    }
}
