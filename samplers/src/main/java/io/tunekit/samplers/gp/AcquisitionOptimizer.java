package io.tunekit.samplers.gp;

import io.tunekit.samplers.gp.internal.BoundedLbfgs;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximises a {@link LogEiAcquisition} over an encoded mixed search space, as Optuna's
 * {@code optimize_acqf_mixed}:
 * <ol>
 *   <li>evaluate 2048 quasi-random points (Sobol, digitally shifted with the caller's random
 *       generator; categorical values {@code floor(u C)}, discrete ones snapped to the grid);</li>
 *   <li>start local searches from the best of them, from up to {@code 10 - 1 - #warm starts}
 *       more picked without replacement with probability {@code exp(f - f_max)}, and from the
 *       warm starts (the best observed point);</li>
 *   <li>each local search alternates, up to 100 rounds and until nothing changes, a bounded
 *       quasi-Newton ascent on all continuous dimensions (in {@code z = x / lengthscale}, which
 *       preconditions the problem; bounds {@code [0, 1 / lengthscale]}) with a search along each
 *       discrete dimension in turn: exhaustive for categorical ones and grids of at most 16
 *       points, otherwise Brent's method on the piecewise-linear interpolation over the grid;
 *       a move is kept only if it improves the value;</li>
 *   <li>return the best point found (its discrete coordinates are on their grids).</li>
 * </ol>
 */
final class AcquisitionOptimizer {

    static final int PRELIMINARY_SAMPLES = 2048;
    static final int LOCAL_SEARCHES = 10;
    static final double TOLERANCE = 1e-4;
    static final int MAX_LOCAL_ROUNDS = 100;
    static final int MAX_EXHAUSTIVE_GRID = 16;
    static final int MAX_GRADIENT_ITERATIONS = 200;

    /** Sobol points come with 52 significant bits in Commons Math. */
    private static final double SOBOL_SCALE = 0x1p52;

    private static final long SOBOL_MASK = (1L << 52) - 1;
    private static final int SOBOL_MAX_DIMENSION = 1000;

    private final SearchSpaceEncoding space;
    private final LogEiAcquisition acquisition;
    private final double[] lengthscales;
    private final int[] continuous;
    private final int[] discrete;
    private final BoundedLbfgs lbfgs = new BoundedLbfgs(Math.sqrt(TOLERANCE), MAX_GRADIENT_ITERATIONS);

    /**
     * @param lengthscales the objective GP's length scale of every dimension (for preconditioning)
     */
    AcquisitionOptimizer(SearchSpaceEncoding space, LogEiAcquisition acquisition, double[] lengthscales) {
        this.space = space;
        this.acquisition = acquisition;
        this.lengthscales = lengthscales.clone();
        List<Integer> cont = new ArrayList<>();
        List<Integer> disc = new ArrayList<>();
        for (int d = 0; d < space.dimension(); d++) {
            (space.isContinuous(d) ? cont : disc).add(d);
        }
        this.continuous = cont.stream().mapToInt(Integer::intValue).toArray();
        this.discrete = disc.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The encoded point with the largest acquisition value found.
     *
     * @param warmStarts encoded points to search from as well (at most {@code LOCAL_SEARCHES - 1})
     * @param random the source of the Sobol shift and of the roulette picks
     */
    double[] maximize(List<double[]> warmStarts, SplittableRandom random) {
        double[][] candidates = candidates(PRELIMINARY_SAMPLES, random);
        double[] values = new double[candidates.length];
        acquisition.values(candidates, values);
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        List<double[]> starts = new ArrayList<>();
        starts.add(candidates[best]);
        for (int j : roulette(values, best, LOCAL_SEARCHES - 1 - warmStarts.size(), random)) {
            starts.add(candidates[j]);
        }
        starts.addAll(warmStarts);
        double[] bestPoint = candidates[best].clone();
        double bestValue = values[best];
        for (double[] start : starts) {
            double[] point = start.clone();
            double value = localSearch(point);
            if (value > bestValue) {
                bestValue = value;
                bestPoint = point;
            }
        }
        return bestPoint;
    }

    /** Quasi-random encoded points: digitally shifted Sobol (uniform draws beyond 1000 dimensions). */
    double[][] candidates(int count, SplittableRandom random) {
        int dim = space.dimension();
        double[][] points = new double[count][dim];
        if (dim <= SOBOL_MAX_DIMENSION) {
            long[] shift = new long[dim];
            for (int d = 0; d < dim; d++) {
                shift[d] = random.nextLong() & SOBOL_MASK;
            }
            SobolSequenceGenerator sobol = new SobolSequenceGenerator(dim);
            for (int j = 0; j < count; j++) {
                double[] u = sobol.nextVector();
                for (int d = 0; d < dim; d++) {
                    // XOR with a random shift keeps the net's stratification (a digital shift).
                    long bits = (long) (u[d] * SOBOL_SCALE) ^ shift[d];
                    points[j][d] = space.fromUnit(d, bits / SOBOL_SCALE);
                }
            }
        } else {
            for (double[] point : points) {
                for (int d = 0; d < dim; d++) {
                    point[d] = space.fromUnit(d, random.nextDouble());
                }
            }
        }
        return points;
    }

    /**
     * Up to {@code count} indices other than {@code best}, drawn without replacement with
     * probability proportional to {@code exp(values[j] - values[best])}.
     */
    private static List<Integer> roulette(double[] values, int best, int count, SplittableRandom random) {
        double[] weights = new double[values.length];
        int positive = 0;
        for (int j = 0; j < values.length; j++) {
            weights[j] = j == best ? 0 : Math.exp(values[j] - values[best]);
            if (weights[j] > 0) {
                positive++;
            }
        }
        List<Integer> picked = new ArrayList<>();
        for (int k = 0; k < Math.min(count, positive); k++) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double r = random.nextDouble() * total;
            int chosen = -1;
            for (int j = 0; j < weights.length; j++) {
                if (weights[j] > 0) {
                    chosen = j;
                    r -= weights[j];
                    if (r < 0) {
                        break;
                    }
                }
            }
            picked.add(chosen);
            weights[chosen] = 0;
        }
        return picked;
    }

    /** Improves {@code point} in place; returns its final value. */
    private double localSearch(double[] point) {
        double value = acquisition.value(point);
        final int none = -2;
        final int allContinuous = -1;
        int lastChanged = none;
        for (int round = 0; round < MAX_LOCAL_ROUNDS; round++) {
            if (lastChanged == allContinuous) {
                return value;
            }
            double ascended = gradientAscent(point, value);
            if (ascended > value) {
                value = ascended;
                lastChanged = allContinuous;
            }
            for (int d : discrete) {
                if (lastChanged == d) {
                    return value;
                }
                double moved = discreteSearch(point, value, d);
                if (moved > value) {
                    value = moved;
                    lastChanged = d;
                }
            }
            if (lastChanged == none) {
                return value;
            }
        }
        return value;
    }

    /** Bounded quasi-Newton ascent on the continuous coordinates; updates the point only on improvement. */
    private double gradientAscent(double[] point, double value) {
        int m = continuous.length;
        if (m == 0) {
            return value;
        }
        double[] z = new double[m];
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int k = 0; k < m; k++) {
            double l = lengthscales[continuous[k]];
            z[k] = point[continuous[k]] / l;
            upper[k] = 1 / l;
        }
        double[] x = point.clone();
        double[] gradient = new double[point.length];
        BoundedLbfgs.Result result = lbfgs.minimize(
                new BoundedLbfgs.Objective() {
                    @Override
                    public double value(double[] zz) {
                        place(zz);
                        return -acquisition.value(x);
                    }

                    @Override
                    public void gradient(double[] zz, double[] g) {
                        place(zz);
                        acquisition.valueAndGradient(x, gradient);
                        for (int k = 0; k < m; k++) {
                            g[k] = -gradient[continuous[k]] * lengthscales[continuous[k]];
                        }
                    }

                    private void place(double[] zz) {
                        for (int k = 0; k < m; k++) {
                            x[continuous[k]] = zz[k] * lengthscales[continuous[k]];
                        }
                    }
                },
                z,
                lower,
                upper);
        if (result.iterations() > 0 && -result.value() > value) {
            for (int k = 0; k < m; k++) {
                point[continuous[k]] = Math.max(0, Math.min(1, result.point()[k] * lengthscales[continuous[k]]));
            }
            return -result.value();
        }
        return value;
    }

    /** The best move along one discrete dimension; updates the point only on improvement. */
    private double discreteSearch(double[] point, double value, int d) {
        long size = space.gridSize(d);
        if (size <= 1) {
            return value;
        }
        long current = space.gridIndex(d, point[d]);
        double[] x = point.clone();
        if (space.isCategorical(d) || size <= MAX_EXHAUSTIVE_GRID) {
            long bestIndex = current;
            double bestValue = value;
            for (long i = 0; i < size; i++) {
                if (i == current) {
                    continue;
                }
                x[d] = space.gridPoint(d, i);
                double v = acquisition.value(x);
                if (v > bestValue) {
                    bestValue = v;
                    bestIndex = i;
                }
            }
            if (bestIndex != current) {
                point[d] = space.gridPoint(d, bestIndex);
                return bestValue;
            }
            return value;
        }
        return lineSearch(point, value, d, current, size, x);
    }

    /** Brent's method over the grid index, on the linear interpolation between grid points. */
    private double lineSearch(double[] point, double value, int d, long current, long size, double[] x) {
        Map<Long, Double> cache = new HashMap<>();
        cache.put(current, -value);
        java.util.function.LongToDoubleFunction negative = i -> cache.computeIfAbsent(i, k -> {
            x[d] = space.gridPoint(d, k);
            return -acquisition.value(x);
        });
        UnivariateObjectiveFunction interpolated = new UnivariateObjectiveFunction(t -> {
            long left = Math.max(0, Math.min(size - 2, (long) Math.floor(t)));
            double w = t - left;
            return (1 - w) * negative.applyAsDouble(left) + w * negative.applyAsDouble(left + 1);
        });
        // Stopping within a quarter of a grid gap: finer detail cannot change the nearest point.
        BrentOptimizer brent = new BrentOptimizer(1e-10, 0.25);
        UnivariatePointValuePair optimum = brent.optimize(
                interpolated, GoalType.MINIMIZE, new MaxEval(200), new SearchInterval(0, size - 1, current));
        long index = Math.max(0, Math.min(size - 1, Math.round(optimum.getPoint())));
        double found = -negative.applyAsDouble(index);
        if (index != current && found > value) {
            point[d] = space.gridPoint(d, index);
            return found;
        }
        return value;
    }
}
