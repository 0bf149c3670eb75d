package io.tunekit.samplers.gp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BoundedLbfgsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    /** A standard test function with its gradient. */
    record TestFunction(String name, BoundedLbfgs.ValueAndGradient function) {
        BoundedLbfgs.Objective objective() {
            return BoundedLbfgs.Objective.of(function);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final TestFunction ROSENBROCK = new TestFunction("rosenbrock", (x, g) -> {
        double f = 0;
        Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * x[i] * a - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    });

    static final TestFunction BEALE = new TestFunction("beale", (x, g) -> {
        double a = 1.5 - x[0] + x[0] * x[1];
        double b = 2.25 - x[0] + x[0] * x[1] * x[1];
        double c = 2.625 - x[0] + x[0] * x[1] * x[1] * x[1];
        g[0] = 2 * a * (x[1] - 1) + 2 * b * (x[1] * x[1] - 1) + 2 * c * (x[1] * x[1] * x[1] - 1);
        g[1] = 2 * a * x[0] + 2 * b * 2 * x[0] * x[1] + 2 * c * 3 * x[0] * x[1] * x[1];
        return a * a + b * b + c * c;
    });

    static final TestFunction BOOTH = new TestFunction("booth", (x, g) -> {
        double a = x[0] + 2 * x[1] - 7;
        double b = 2 * x[0] + x[1] - 5;
        g[0] = 2 * a + 4 * b;
        g[1] = 4 * a + 2 * b;
        return a * a + b * b;
    });

    /** An ill-conditioned quadratic sum_i 10^(i-2) (x_i - 1)^2. */
    static final TestFunction ELLIPSOID = new TestFunction("ellipsoid", (x, g) -> {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double w = Math.pow(10, i - 2);
            f += w * (x[i] - 1) * (x[i] - 1);
            g[i] = 2 * w * (x[i] - 1);
        }
        return f;
    });

    /** Styblinski-Tang in 4-D: a local minimiser of each coordinate at -2.9035 and one at 2.7468. */
    static final TestFunction STYBLINSKI_TANG = new TestFunction("styblinski_tang", (x, g) -> {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * (Math.pow(x[i], 4) - 16 * x[i] * x[i] + 5 * x[i]);
            g[i] = 0.5 * (4 * Math.pow(x[i], 3) - 32 * x[i] + 5);
        }
        return f;
    });

    static Stream<Arguments> unconstrained() {
        return Stream.of(
                Arguments.of(ROSENBROCK, new double[] {-1.2, 1}, new double[] {1, 1}, 80),
                Arguments.of(ROSENBROCK, new double[] {0.2, -0.3, 0.5, 0.1, 0.8}, new double[] {1, 1, 1, 1, 1}, 100),
                Arguments.of(BEALE, new double[] {1, 1}, new double[] {3, 0.5}, 40),
                Arguments.of(BOOTH, new double[] {-8, 9}, new double[] {1, 3}, 20),
                Arguments.of(ELLIPSOID, new double[] {5, -3, 8, 0, -7, 2}, new double[] {1, 1, 1, 1, 1, 1}, 120),
                Arguments.of(STYBLINSKI_TANG, new double[] {-1, -2, -4, -3}, filled(4, -2.903534027771178), 30));
    }

    /** Quasi-Newton convergence, not a crawl: the evaluation budgets are about twice what is needed. */
    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("unconstrained")
    void findsTheMinimumWithoutBounds(TestFunction function, double[] start, double[] expected, int maxEvaluations) {
        double[] lower = filled(start.length, -INF);
        double[] upper = filled(start.length, INF);

        BoundedLbfgs.Result result = new BoundedLbfgs(1e-8, 2000).minimize(function.objective(), start, lower, upper);

        assertThat(result.converged()).as("status %s", result.status()).isTrue();
        assertThat(result.point()).containsExactly(expected, within(1e-4));
        assertThat(result.evaluations()).isLessThanOrEqualTo(maxEvaluations);
    }

    static Stream<Arguments> withActiveBounds() {
        return Stream.of(
                // Rosenbrock's valley cut at x0 <= 0.5: the minimiser is (0.5, 0.25) with x0 active.
                Arguments.of(
                        ROSENBROCK,
                        new double[] {-1.2, 1},
                        new double[] {-2, -2},
                        new double[] {0.5, 2},
                        new double[] {0.5, 0.25},
                        70),
                // Booth inside [2, 4] x [-1, 1]: x1 = 1 is active, then x0 = 2.6 minimises the rest.
                Arguments.of(
                        BOOTH,
                        new double[] {3, 0},
                        new double[] {2, -1},
                        new double[] {4, 1},
                        new double[] {2.6, 1},
                        10),
                // The ellipsoid's centre (1, ...) lies outside x <= 0: every coordinate ends on 0.
                Arguments.of(
                        ELLIPSOID,
                        new double[] {-3, -1, -2, -5, -0.5, -4},
                        filled(6, -10),
                        filled(6, 0),
                        filled(6, 0),
                        20),
                // Styblinski-Tang on [-2, 5]^4: the global minimiser is cut off, each coordinate
                // goes to the other local minimiser 2.7468 or to the bound -2 (f'(-2) > 0).
                Arguments.of(
                        STYBLINSKI_TANG,
                        new double[] {0.5, 1, -1.5, 4},
                        filled(4, -2),
                        filled(4, 5),
                        new double[] {2.746802770990837, 2.746802770990837, -2, 2.746802770990837},
                        30));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("withActiveBounds")
    void findsTheConstrainedMinimumOnTheBounds(
            TestFunction function,
            double[] start,
            double[] lower,
            double[] upper,
            double[] expected,
            int maxEvaluations) {
        BoundedLbfgs.Result result = new BoundedLbfgs(1e-8, 2000).minimize(function.objective(), start, lower, upper);

        assertThat(result.converged()).as("status %s", result.status()).isTrue();
        assertThat(result.point()).containsExactly(expected, within(1e-4));
        for (int i = 0; i < start.length; i++) {
            assertThat(result.point()[i]).isBetween(lower[i], upper[i]);
        }
        assertThat(result.evaluations()).isLessThanOrEqualTo(maxEvaluations);
    }

    @Test
    void projectsAStartOutsideTheBoxAndKeepsFixedVariables() {
        double[] lower = {-1, 2};
        double[] upper = {3, 2};

        BoundedLbfgs.Result result =
                new BoundedLbfgs(1e-8, 200).minimize(BOOTH.objective(), new double[] {7, 9}, lower, upper);

        // With x1 fixed at 2, Booth is (x0 - 3)^2 + (2 x0 - 3)^2, minimised at x0 = 1.8.
        assertThat(result.point()[1]).isEqualTo(2);
        assertThat(result.point()[0]).isCloseTo(1.8, within(1e-6));
    }

    @Test
    void stopsAtTheGradientToleranceOfItsCaller() {
        AtomicInteger calls = new AtomicInteger();
        BoundedLbfgs.Objective counted = BoundedLbfgs.Objective.of((x, g) -> {
            calls.incrementAndGet();
            return ROSENBROCK.function().valueAndGradient(x, g);
        });
        double[] lower = filled(2, -INF);
        double[] upper = filled(2, INF);

        BoundedLbfgs.Result loose =
                new BoundedLbfgs(1e-1, 2000).minimize(counted, new double[] {-1.2, 1}, lower, upper);
        int looseCalls = calls.getAndSet(0);
        BoundedLbfgs.Result tight =
                new BoundedLbfgs(1e-9, 2000).minimize(counted, new double[] {-1.2, 1}, lower, upper);

        assertThat(loose.status()).isIn(BoundedLbfgs.Status.GRADIENT_TOLERANCE, BoundedLbfgs.Status.VALUE_TOLERANCE);
        assertThat(loose.evaluations()).isEqualTo(looseCalls);
        assertThat(tight.iterations()).isGreaterThan(loose.iterations());
        assertThat(tight.value()).isLessThan(loose.value());
    }

    @Test
    void curvatureMemoryFromASimilarProblemSpeedsUpTheNextRun() {
        double[] lower = filled(6, -INF);
        double[] upper = filled(6, INF);
        BoundedLbfgs optimizer = new BoundedLbfgs(1e-6, 2000);
        BoundedLbfgs.Result first =
                optimizer.minimize(ELLIPSOID.objective(), new double[] {5, -3, 8, 0, -7, 2}, lower, upper);
        // The same ellipsoid moved a little: the old curvature pairs still describe it.
        BoundedLbfgs.ValueAndGradient shifted = (x, g) -> {
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] -= 0.1;
            }
            return ELLIPSOID.function().valueAndGradient(y, g);
        };

        BoundedLbfgs.Result cold = optimizer.minimize(BoundedLbfgs.Objective.of(shifted), first.point(), lower, upper);
        BoundedLbfgs.Result warm =
                optimizer.minimize(BoundedLbfgs.Objective.of(shifted), first.point(), lower, upper, first.memory());

        assertThat(first.memory().size()).isPositive();
        assertThat(warm.point()).containsExactly(filled(6, 1.1), within(1e-4));
        assertThat(warm.evaluations()).isLessThan(cold.evaluations() / 2);
    }

    @Test
    void aFailedStepShrinksToTheMinimiserOfTheInterpolatingQuadratic() {
        // phi(a) = 10 - 4 a + c a^2 with its minimiser 2 / c; the step 1 failed the Armijo test.
        double c = 6; // minimiser 1/3, inside [0.1, 0.5]
        assertThat(BoundedLbfgs.shorterStep(1, -4, 10, 10 - 4 + c)).isCloseTo(1.0 / 3, within(1e-15));
        // A minimiser beyond half the step or below a tenth of it is clamped there.
        assertThat(BoundedLbfgs.shorterStep(1, -4, 10, 10 - 4 + 2.2)).isEqualTo(0.5);
        assertThat(BoundedLbfgs.shorterStep(1, -4, 10, 10 - 4 + 100)).isEqualTo(0.1);
        // The slope along the step is decrease / step: the same quadratic seen from step 2.
        assertThat(BoundedLbfgs.shorterStep(2, -8, 10, 10 - 8 + c * 4)).isCloseTo(1.0 / 3, within(1e-15));
        // No usable model: a non-finite value cuts tenfold, a step that was not downhill halves.
        assertThat(BoundedLbfgs.shorterStep(1, -4, 10, Double.NaN)).isEqualTo(0.1);
        assertThat(BoundedLbfgs.shorterStep(1, 0, 10, 11)).isEqualTo(0.5);
    }

    @Test
    void respectsTheIterationLimit() {
        BoundedLbfgs.Result result = new BoundedLbfgs(0, 3)
                .minimize(ROSENBROCK.objective(), new double[] {-1.2, 1}, filled(2, -INF), filled(2, INF));

        assertThat(result.status()).isEqualTo(BoundedLbfgs.Status.MAX_ITERATIONS);
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(result.value()).isLessThan(24.2); // f(-1.2, 1) = 24.2
    }

    @Test
    void backsOffFromNonFiniteValues() {
        // log barrier: undefined for x <= 0, minimum of x - log(x) at x = 1.
        BoundedLbfgs.Objective barrier = BoundedLbfgs.Objective.of((x, g) -> {
            g[0] = 1 - 1 / x[0];
            return x[0] <= 0 ? Double.NaN : x[0] - Math.log(x[0]);
        });

        BoundedLbfgs.Result result =
                new BoundedLbfgs(1e-10, 200).minimize(barrier, new double[] {0.01}, filled(1, -INF), filled(1, INF));

        assertThat(result.point()[0]).isCloseTo(1, within(1e-6));
    }

    @Test
    void reportsANonFiniteStart() {
        BoundedLbfgs.Result result = new BoundedLbfgs(1e-5, 10)
                .minimize(
                        BoundedLbfgs.Objective.of((x, g) -> Double.NaN),
                        new double[] {1},
                        filled(1, -INF),
                        filled(1, INF));

        assertThat(result.status()).isEqualTo(BoundedLbfgs.Status.NON_FINITE_START);
        assertThat(result.converged()).isFalse();
    }

    @Test
    void rejectsInvertedBoundsAndBadSettings() {
        BoundedLbfgs optimizer = new BoundedLbfgs(1e-5, 10);
        assertThatThrownBy(() -> optimizer.minimize(
                        BOOTH.objective(), new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable 1")
                .hasMessageContaining("lower <= upper");
        assertThatThrownBy(() -> optimizer.minimize(
                        BOOTH.objective(), new double[] {0, 0}, new double[] {0}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same length");
        assertThatThrownBy(() -> new BoundedLbfgs(-1, 10)).hasMessageContaining("gradientTolerance=-1.0");
        assertThatThrownBy(() -> new BoundedLbfgs(1e-5, 0)).hasMessageContaining("maxIterations=0");
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
