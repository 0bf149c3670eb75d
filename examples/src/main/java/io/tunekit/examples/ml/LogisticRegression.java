package io.tunekit.examples.ml;

import java.util.Objects;

/**
 * An L1- or L2-regularised binary logistic regression, fitted by accelerated proximal gradient
 * descent (FISTA with backtracking and adaptive restart).
 *
 * <p>It minimises scikit-learn's objective {@code penalty(w) + C * sum_i logloss_i(w, b)}, so
 * {@code C} means what it means there: the inverse regularisation strength (small C: strong
 * regularisation). The intercept is not penalised. Internally the objective is divided by
 * {@code C * n}, so the tolerance applies to an average loss and does not depend on the data
 * set's size.
 *
 * <p>The fit stops when the proximal gradient step moves no coordinate by more than
 * {@code tolerance} (measured as a gradient, i.e. the step divided by the step size), which at
 * the limit is the optimality condition; or after {@code maxIterations}. Immutable; the
 * {@code with...} methods return new instances.
 */
public final class LogisticRegression {

    /** The default tolerance on the proximal gradient's largest coordinate. */
    public static final double DEFAULT_TOLERANCE = 1e-6;
    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;

    private final Penalty penalty;
    private final double c;
    private final double tolerance;
    private final int maxIterations;

    private LogisticRegression(Penalty penalty, double c, double tolerance, int maxIterations) {
        this.penalty = Objects.requireNonNull(penalty, "penalty");
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C=" + c + " must be a finite number > 0");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance=" + tolerance + " must be > 0");
        }
        if (maxIterations <= 0) {
            throw new IllegalArgumentException("maxIterations=" + maxIterations + " must be > 0");
        }
        this.c = c;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * A regression with this penalty and inverse strength {@code c}.
     *
     * @throws IllegalArgumentException unless {@code c} is finite and positive
     */
    public static LogisticRegression of(Penalty penalty, double c) {
        return new LogisticRegression(penalty, c, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /** The same regression with another stopping tolerance ({@code > 0}). */
    public LogisticRegression withTolerance(double tolerance) {
        return new LogisticRegression(penalty, c, tolerance, maxIterations);
    }

    /** The same regression with another iteration limit ({@code > 0}). */
    public LogisticRegression withMaxIterations(int maxIterations) {
        return new LogisticRegression(penalty, c, tolerance, maxIterations);
    }

    /** The penalty. */
    public Penalty penalty() {
        return penalty;
    }

    /** The inverse regularisation strength. */
    public double c() {
        return c;
    }

    /**
     * Fits the model.
     *
     * @param x rows of features (standardise them first: the penalty treats all weights alike)
     * @param y labels, 0 or 1
     * @throws IllegalArgumentException if the sizes differ, there are no rows or a label is not 0/1
     */
    public LogisticModel fit(double[][] x, int[] y) {
        LogisticLoss loss = new LogisticLoss(x, y);
        int d = loss.featureCount();
        double strength = 1.0 / (c * x.length);
        double[] current = new double[d + 1];
        double[] point = new double[d + 1];
        double[] next = new double[d + 1];
        double[] gradient = new double[d + 1];
        // Start from a step the data certainly allow: 1/L with L an upper bound of the loss
        // curvature, a quarter of the mean squared row norm (intercept included). Each
        // iteration then tries a longer step first, since near the optimum the curvature of the
        // logistic loss is far below that bound.
        double lipschitz = 0;
        for (double[] row : x) {
            double norm = 1;
            for (double v : row) {
                norm += v * v;
            }
            lipschitz += norm;
        }
        lipschitz = 0.25 * lipschitz / x.length;
        double momentumT = 1;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double atPoint = loss.evaluate(point, gradient);
            lipschitz *= 0.9;
            while (true) {
                for (int j = 0; j <= d; j++) {
                    next[j] = point[j] - gradient[j] / lipschitz;
                }
                penalty.shrink(next, d, strength / lipschitz);
                double linear = 0;
                double squared = 0;
                for (int j = 0; j <= d; j++) {
                    double delta = next[j] - point[j];
                    linear += gradient[j] * delta;
                    squared += delta * delta;
                }
                double bound = atPoint + linear + 0.5 * lipschitz * squared;
                if (loss.evaluate(next, null) <= bound + 1e-15 * Math.abs(atPoint)) {
                    break;
                }
                lipschitz *= 2;
            }
            double largestMove = 0;
            double restartTest = 0;
            for (int j = 0; j <= d; j++) {
                largestMove = Math.max(largestMove, Math.abs(next[j] - point[j]));
                restartTest += (point[j] - next[j]) * (next[j] - current[j]);
            }
            if (largestMove * lipschitz <= tolerance) {
                return model(next, d, iteration, true);
            }
            // Adaptive restart (O'Donoghue and Candes): drop the momentum when it points uphill.
            double momentum;
            if (restartTest > 0) {
                momentumT = 1;
                momentum = 0;
            } else {
                double nextT = (1 + Math.sqrt(1 + 4 * momentumT * momentumT)) / 2;
                momentum = (momentumT - 1) / nextT;
                momentumT = nextT;
            }
            for (int j = 0; j <= d; j++) {
                point[j] = next[j] + momentum * (next[j] - current[j]);
                current[j] = next[j];
            }
        }
        return model(current, d, maxIterations, false);
    }

    private static LogisticModel model(double[] params, int d, int iterations, boolean converged) {
        return new LogisticModel(java.util.Arrays.copyOf(params, d), params[d], iterations, converged);
    }

    @Override
    public String toString() {
        return "LogisticRegression[penalty=" + penalty.label() + ", C=" + c + "]";
    }
}
