package io.tunekit.benchmarks.problems;

import io.tunekit.distribution.FloatDistribution;
import java.util.ArrayList;
import java.util.List;

/**
 * The five problems of docs/benchmarks.md §1, with the parameter names ({@code x0}, {@code x1},
 * ...), domains, formulas (evaluated in the order the protocol writes them, so that
 * {@code test_vectors.json} is reproduced to rounding) and optima of the protocol.
 */
public final class Problems {

    private static final double PI = Math.PI;
    private static final double E = Math.E;

    private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] HARTMANN_A = {
        {10, 3, 17, 3.5, 1.7, 8},
        {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8},
        {17, 8, 0.05, 10, 0.1, 14}
    };
    private static final double[][] HARTMANN_P = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
    };

    private Problems() {}

    /** Branin, 2-D, optimum 5/(4 pi) at three points. */
    public static Problem branin() {
        List<Problem.Parameter> params = List.of(
                new Problem.Parameter("x0", FloatDistribution.of(-5, 10)),
                new Problem.Parameter("x1", FloatDistribution.of(0, 15)));
        return new Problem("branin", params, 0.3978873577297384, x -> {
            double a = 1;
            double b = 5.1 / (4 * PI * PI);
            double c = 5 / PI;
            double r = 6;
            double s = 10;
            double t = 1 / (8 * PI);
            double inner = x[1] - b * x[0] * x[0] + c * x[0] - r;
            return a * inner * inner + s * (1 - t) * Math.cos(x[0]) + s;
        });
    }

    /** Hartmann 6-D on the unit cube, optimum -3.3223680114155134. */
    public static Problem hartmann6() {
        return new Problem("hartmann6", floats(6, 0, 1), -3.3223680114155134, x -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x[j] - HARTMANN_P[i][j];
                    inner += HARTMANN_A[i][j] * d * d;
                }
                sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        });
    }

    /** Rosenbrock, 5-D on [-2.048, 2.048], optimum 0 at (1, ..., 1). */
    public static Problem rosenbrock5() {
        return new Problem("rosenbrock5", floats(5, -2.048, 2.048), 0.0, x -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                sum += 100 * a * a + b * b;
            }
            return sum;
        });
    }

    /** Ackley, 10-D on [-32.768, 32.768], optimum 0 at the centre of the box. */
    public static Problem ackley10() {
        return new Problem("ackley10", floats(10, -32.768, 32.768), 0.0, x -> {
            int d = 10;
            double squares = 0;
            double cosines = 0;
            for (double xi : x) {
                squares += xi * xi;
                cosines += Math.cos(2 * PI * xi);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt((1.0 / d) * squares)) - Math.exp((1.0 / d) * cosines) + 20 + E;
        });
    }

    /** Styblinski-Tang, 8-D on [-5, 5], optimum 8 * -39.16616570377142. */
    public static Problem styblinskiTang8() {
        return new Problem("styblinski_tang8", floats(8, -5, 5), -313.32932563017135, x -> {
            double sum = 0;
            for (double xi : x) {
                sum += xi * xi * xi * xi - 16 * xi * xi + 5 * xi;
            }
            return 0.5 * sum;
        });
    }

    /** All five, in protocol order. */
    public static List<Problem> all() {
        return List.of(branin(), hartmann6(), rosenbrock5(), ackley10(), styblinskiTang8());
    }

    /**
     * The problem with this protocol name.
     *
     * @throws IllegalArgumentException naming the known problems if there is none
     */
    public static Problem byName(String name) {
        for (Problem p : all()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown problem '" + name + "'; known: "
                + all().stream().map(Problem::name).toList());
    }

    static List<Problem.Parameter> floats(int n, double low, double high) {
        List<Problem.Parameter> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Problem.Parameter("x" + i, FloatDistribution.of(low, high)));
        }
        return out;
    }
}
