package io.tunekit.benchmarks.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ZDT and DTLZ2 formulas at points whose values are known in closed form. */
class ParetoProblemsTest {

    private static double[] point(int n, double first, double rest) {
        double[] x = new double[n];
        Arrays.fill(x, rest);
        x[0] = first;
        return x;
    }

    @Test
    void zdtFrontsAndWorstCorner() {
        // on the front (x_i = 0 for i >= 1, g = 1): f2 = 1 - sqrt(f1), 1 - f1^2, 1 - sqrt(f1) - f1 sin(10 pi f1)
        double f1 = 0.36;
        assertThat(ParetoProblems.zdt1().evaluate(point(30, f1, 0)))
                .containsExactly(new double[] {f1, 0.4}, within(1e-12));
        assertThat(ParetoProblems.zdt2().evaluate(point(30, f1, 0))[1]).isCloseTo(1 - f1 * f1, within(1e-12));
        assertThat(ParetoProblems.zdt3().evaluate(point(30, f1, 0))[1])
                .isCloseTo(1 - 0.6 - f1 * Math.sin(10 * Math.PI * f1), within(1e-12));
        // every x_i = 1 for i >= 1: g = 10, f2 = 10 (1 - sqrt(f1 / 10)); at f1 = 0: 10, inside the reference 11
        assertThat(ParetoProblems.zdt1().evaluate(point(30, 0, 1)))
                .containsExactly(new double[] {0, 10}, within(1e-12));
        assertThat(ParetoProblems.zdt1().referencePoint()).containsExactly(1.1, 11);
    }

    @Test
    void dtlz2LiesOnTheUnitSphereWhenTheDistanceVariablesAreOneHalf() {
        double[] x = point(12, 0.3, 0.5);
        x[1] = 0.8;
        double[] f = ParetoProblems.dtlz2().evaluate(x);
        assertThat(f).hasSize(3);
        assertThat(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]).isCloseTo(1, within(1e-12));
        assertThat(f[2]).isCloseTo(Math.sin(0.3 * Math.PI / 2), within(1e-12));
        assertThat(ParetoProblems.dtlz2().objectives()).isEqualTo(3);
    }

    @Test
    void unknownNamesAndWrongLengthsAreRefused() {
        assertThatThrownBy(() -> ParetoProblems.byName("zdt4")).hasMessageContaining("zdt1, zdt2, zdt3, dtlz2");
        assertThatThrownBy(() -> ParetoProblems.zdt1().evaluate(new double[3]))
                .hasMessageContaining("takes 30 values, got 3");
    }
}
