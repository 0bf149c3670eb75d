package io.tunekit.samplers.gp.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Minimises a smooth function inside a box {@code lower <= x <= upper} with a limited-memory
 * quasi-Newton method in the spirit of L-BFGS-B (Commons Math 3.6.1 has no bounded L-BFGS).
 *
 * <p>Each iteration splits the variables into <em>bound</em> ones (at a bound with the gradient
 * pushing outwards, or pointing outwards in the quasi-Newton direction) and <em>free</em> ones,
 * takes the L-BFGS direction on the free subspace (the two-loop recursion restricted to it), and
 * backtracks along the projected path {@code P(x + a d)} until the Armijo condition holds. When
 * the quasi-Newton direction is not a descent direction the memory is dropped and the projected
 * steepest descent direction is used, which always is. Curvature pairs with
 * {@code s.y <= 0} are skipped, so the implicit Hessian stays positive definite.
 *
 * <p>It stops, as SciPy's {@code L-BFGS-B} does, when the projected gradient's largest component
 * is at most {@code gradientTolerance}, when an iteration lowers the value by less than
 * {@code 2.2e-9} relative, or after {@code maxIterations}. Bounds may be infinite. Instances are
 * immutable and thread-safe; the objective is called from the calling thread only.
 */
public final class BoundedLbfgs {

    /**
     * A function with its gradient. The optimiser asks for the gradient only at points it
     * accepts, right after asking for the value there, so an implementation may reuse work from
     * {@link #value} in {@link #gradient} (the kernel fit reuses its Cholesky factor).
     */
    public interface Objective {
        /** The value at x; a non-finite value means "outside the domain": the line search backs off. */
        double value(double[] x);

        /** Writes the gradient at x, the point of the latest {@link #value} call, into {@code gradient}. */
        void gradient(double[] x, double[] gradient);

        /** An objective from a function that computes its value and gradient together. */
        static Objective of(ValueAndGradient function) {
            return new Objective() {
                private double[] lastGradient;

                @Override
                public double value(double[] x) {
                    lastGradient = new double[x.length];
                    return function.valueAndGradient(x, lastGradient);
                }

                @Override
                public void gradient(double[] x, double[] gradient) {
                    System.arraycopy(lastGradient, 0, gradient, 0, gradient.length);
                }
            };
        }
    }

    /** A function that writes its gradient at x and returns its value. */
    @FunctionalInterface
    public interface ValueAndGradient {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /**
     * The curvature pairs of a finished run, to start a later run on a similar function with a
     * ready-made Hessian approximation (the kernel fit of the next trial). Immutable.
     */
    public static final class Memory {
        static final Memory EMPTY = new Memory(List.of());
        private final List<double[][]> pairs;

        private Memory(List<double[][]> pairs) {
            List<double[][]> copy = new ArrayList<>(pairs.size());
            for (double[][] pair : pairs) {
                copy.add(new double[][] {pair[0].clone(), pair[1].clone()});
            }
            this.pairs = List.copyOf(copy);
        }

        /** The number of stored pairs. */
        public int size() {
            return pairs.size();
        }
    }

    /** Why the minimisation stopped. */
    public enum Status {
        /** The projected gradient is below the tolerance. */
        GRADIENT_TOLERANCE,
        /** The last iteration improved the value by a negligible relative amount. */
        VALUE_TOLERANCE,
        /** The iteration limit was reached. */
        MAX_ITERATIONS,
        /** No step along the projected steepest descent path lowered the value. */
        LINE_SEARCH_FAILED,
        /** The value at the start point is not finite. */
        NON_FINITE_START
    }

    /**
     * The outcome: the best point found (inside the box), its value, and effort spent.
     *
     * @param point the final point (a fresh array)
     * @param value the objective there
     * @param iterations accepted steps
     * @param evaluations objective calls
     * @param status why it stopped
     * @param memory the curvature pairs at the end, to warm-start a related run
     */
    public record Result(double[] point, double value, int iterations, int evaluations, Status status, Memory memory) {

        /** Whether the stop is a convergence criterion (not a limit or a failure). */
        public boolean converged() {
            return status == Status.GRADIENT_TOLERANCE || status == Status.VALUE_TOLERANCE;
        }
    }

    /** SciPy's default {@code factr = 1e7} times the machine epsilon. */
    public static final double VALUE_TOLERANCE = 1e7 * Math.ulp(1.0);

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 40;

    private final double gradientTolerance;
    private final int maxIterations;

    /**
     * @param gradientTolerance stop when every projected gradient component is at most this
     * @param maxIterations the largest number of accepted steps
     * @throws IllegalArgumentException if the tolerance is negative or NaN, or the limit is below 1
     */
    public BoundedLbfgs(double gradientTolerance, int maxIterations) {
        if (!(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("gradientTolerance=" + gradientTolerance + " must be >= 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations=" + maxIterations + " must be >= 1");
        }
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Minimises {@code objective} from {@code start} (projected into the box first).
     *
     * @throws IllegalArgumentException if the arrays differ in length, a bound is NaN or
     *     {@code lower[i] > upper[i]}
     */
    public Result minimize(Objective objective, double[] start, double[] lower, double[] upper) {
        return minimize(objective, start, lower, upper, Memory.EMPTY);
    }

    /**
     * As {@link #minimize(Objective, double[], double[], double[])}, starting with the curvature
     * pairs of an earlier run (ignored if they have another dimension).
     */
    public Result minimize(Objective objective, double[] start, double[] lower, double[] upper, Memory initial) {
        int n = start.length;
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("start, lower and upper must have the same length, got " + n + ", "
                    + lower.length + ", " + upper.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("bounds of variable " + i + " must satisfy lower <= upper, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = clamp(start[i], lower[i], upper[i]);
        }
        double[] g = new double[n];
        double f = objective.value(x);
        int evaluations = 1;
        if (!Double.isFinite(f)) {
            return new Result(x, f, 0, evaluations, Status.NON_FINITE_START, Memory.EMPTY);
        }
        objective.gradient(x, g);
        Deque<double[][]> memory = new ArrayDeque<>();
        for (double[][] pair : initial.pairs) {
            if (pair[0].length == n) {
                memory.addLast(new double[][] {pair[0].clone(), pair[1].clone()});
            }
        }
        boolean[] free = new boolean[n];
        double[] d = new double[n];
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (projectedGradientNorm(x, g, lower, upper) <= gradientTolerance) {
                return new Result(
                        x, f, iteration, evaluations, Status.GRADIENT_TOLERANCE, new Memory(List.copyOf(memory)));
            }
            boolean steepest = !direction(memory, x, g, lower, upper, free, d);
            if (steepest) {
                memory.clear();
                steepestDirection(x, g, lower, upper, d);
            }
            // A first step of unit length would be blind to the scale of the gradient.
            double step = memory.isEmpty() ? Math.min(1.0, 1.0 / maxAbs(d)) : 1.0;
            double trialValue = Double.NaN;
            boolean accepted = false;
            for (int backtrack = 0; backtrack < MAX_BACKTRACKS; backtrack++) {
                double decrease = 0;
                boolean moved = false;
                for (int i = 0; i < n; i++) {
                    trial[i] = clamp(x[i] + step * d[i], lower[i], upper[i]);
                    decrease += g[i] * (trial[i] - x[i]);
                    moved |= trial[i] != x[i];
                }
                if (!moved) {
                    break;
                }
                trialValue = objective.value(trial);
                evaluations++;
                if (Double.isFinite(trialValue) && trialValue <= f + ARMIJO * decrease) {
                    accepted = true;
                    objective.gradient(trial, trialGradient);
                    break;
                }
                step = shorterStep(step, decrease, f, trialValue);
            }
            if (!accepted) {
                if (!memory.isEmpty()) {
                    memory.clear(); // a stale curvature model can give a poor direction: retry plainly
                    iteration--;
                    continue;
                }
                return new Result(x, f, iteration, evaluations, Status.LINE_SEARCH_FAILED, Memory.EMPTY);
            }
            remember(memory, x, g, trial, trialGradient);
            double previous = f;
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            f = trialValue;
            if (previous - f <= VALUE_TOLERANCE * Math.max(Math.max(Math.abs(previous), Math.abs(f)), 1.0)) {
                return new Result(
                        x, f, iteration + 1, evaluations, Status.VALUE_TOLERANCE, new Memory(List.copyOf(memory)));
            }
        }
        return new Result(x, f, maxIterations, evaluations, Status.MAX_ITERATIONS, new Memory(List.copyOf(memory)));
    }

    /**
     * The next step after {@code step} failed the Armijo test: the minimiser of the quadratic
     * through the value at 0, the slope at 0 along the (projected) step and the value at the step,
     * kept within [0.1, 0.5] of the step (Nocedal and Wright, section 3.5). Halving blindly needs
     * about two more evaluations per iteration on the kernel fit, where each evaluation is a
     * Cholesky factorisation. A non-finite value cuts the step tenfold.
     */
    public static double shorterStep(double step, double decrease, double value, double trialValue) {
        if (!Double.isFinite(trialValue)) {
            return 0.1 * step;
        }
        double slope = decrease / step;
        double curvature = trialValue - value - decrease;
        if (!(slope < 0) || !(curvature > 0)) {
            return 0.5 * step;
        }
        double minimiser = -slope * step * step / (2 * curvature);
        return Math.max(0.1 * step, Math.min(0.5 * step, minimiser));
    }

    /**
     * The L-BFGS direction on the free variables, zero on the others. Returns false if it is not
     * a usable descent direction (the caller then takes the steepest descent one).
     */
    private static boolean direction(
            Deque<double[][]> memory,
            double[] x,
            double[] g,
            double[] lower,
            double[] upper,
            boolean[] free,
            double[] d) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            free[i] = !(x[i] <= lower[i] && g[i] > 0 || x[i] >= upper[i] && g[i] < 0);
        }
        if (memory.isEmpty()) {
            return false;
        }
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = free[i] ? -g[i] : 0;
        }
        int m = memory.size();
        double[] alpha = new double[m];
        double[] rho = new double[m];
        int k = 0;
        // Newest pair first.
        for (Iterator<double[][]> it = memory.descendingIterator(); it.hasNext(); k++) {
            double[][] pair = it.next();
            double sy = freeDot(pair[0], pair[1], free);
            rho[k] = sy > 0 ? 1 / sy : 0;
            alpha[k] = rho[k] * freeDot(pair[0], q, free);
            axpy(-alpha[k], pair[1], q, free);
        }
        double[][] newest = memory.peekLast();
        double sy = freeDot(newest[0], newest[1], free);
        double yy = freeDot(newest[1], newest[1], free);
        double gamma = sy > 0 && yy > 0 ? sy / yy : 1;
        for (int i = 0; i < n; i++) {
            q[i] *= gamma;
        }
        k = m - 1;
        for (Iterator<double[][]> it = memory.iterator(); it.hasNext(); k--) {
            double[][] pair = it.next();
            double beta = rho[k] * freeDot(pair[1], q, free);
            axpy(alpha[k] - beta, pair[0], q, free);
        }
        double slope = 0;
        for (int i = 0; i < n; i++) {
            // A free variable sitting on a bound cannot move outwards: the step would be clipped
            // away and the predicted decrease would be a lie.
            boolean blocked = x[i] <= lower[i] && q[i] < 0 || x[i] >= upper[i] && q[i] > 0;
            d[i] = free[i] && !blocked ? q[i] : 0;
            slope += g[i] * d[i];
        }
        return slope < 0 && Double.isFinite(slope);
    }

    private static void steepestDirection(double[] x, double[] g, double[] lower, double[] upper, double[] d) {
        for (int i = 0; i < x.length; i++) {
            boolean blocked = x[i] <= lower[i] && g[i] > 0 || x[i] >= upper[i] && g[i] < 0;
            d[i] = blocked ? 0 : -g[i];
        }
    }

    private static void remember(Deque<double[][]> memory, double[] x, double[] g, double[] xNew, double[] gNew) {
        int n = x.length;
        double[] s = new double[n];
        double[] y = new double[n];
        double sy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            s[i] = xNew[i] - x[i];
            y[i] = gNew[i] - g[i];
            sy += s[i] * y[i];
            yy += y[i] * y[i];
        }
        // Without positive curvature the update would break positive definiteness.
        if (!(sy > 1e-10 * yy) || !Double.isFinite(sy)) {
            return;
        }
        if (memory.size() == MEMORY) {
            memory.removeFirst();
        }
        memory.addLast(new double[][] {s, y});
    }

    /** The largest component of {@code P(x - g) - x}, SciPy's {@code pgtol} measure. */
    public static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            norm = Math.max(norm, Math.abs(clamp(x[i] - g[i], lower[i], upper[i]) - x[i]));
        }
        return norm;
    }

    private static double freeDot(double[] a, double[] b, boolean[] free) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (free[i]) {
                sum += a[i] * b[i];
            }
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y, boolean[] free) {
        for (int i = 0; i < x.length; i++) {
            if (free[i]) {
                y[i] += a * x[i];
            }
        }
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max == 0 ? 1 : max;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public String toString() {
        return "BoundedLbfgs[gradientTolerance=" + gradientTolerance + ", maxIterations=" + maxIterations + ", memory="
                + MEMORY + "]";
    }
}
