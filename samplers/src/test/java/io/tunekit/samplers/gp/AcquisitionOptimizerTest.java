package io.tunekit.samplers.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.samplers.gp.internal.GaussianProcess;
import io.tunekit.samplers.gp.internal.KernelParams;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AcquisitionOptimizerTest {

    /** x: continuous, n: int 0..40 (line search), c: 3 choices (exhaustive). */
    private static final SearchSpaceEncoding SPACE = space();

    private static SearchSpaceEncoding space() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("x", FloatDistribution.of(0, 1));
        space.put("n", IntDistribution.of(0, 40));
        space.put("c", CategoricalDistribution.of("a", "b", "c"));
        return new SearchSpaceEncoding(space);
    }

    private static double target(double x, double n, double c) {
        return -Math.pow(x - 0.37, 2) * 4 - Math.pow(n - 0.62, 2) * 3 + (c == 1 ? 0.5 : 0) + 0.3 * Math.sin(9 * x);
    }

    private static LogEiAcquisition acquisition() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[30][];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), SPACE.gridPoint(1, random.nextInt(41)), random.nextInt(3)};
            y[i] = target(x[i][0], x[i][1], x[i][2]);
        }
        GaussianProcess gp = new GaussianProcess(
                x,
                GpSampler.standardize(y).values(),
                SPACE.categoricalMask(),
                new KernelParams(new double[] {8, 8, 1}, 1, 1e-4));
        double best = Double.NEGATIVE_INFINITY;
        for (double v : GpSampler.standardize(y).values()) {
            best = Math.max(best, v);
        }
        return new LogEiAcquisition(gp, best, List.of(), new double[0], 3);
    }

    @Test
    void candidatesAreOnTheGridAndDependOnlyOnTheRandomStream() {
        AcquisitionOptimizer optimizer = new AcquisitionOptimizer(SPACE, acquisition(), new double[] {0.35, 0.35, 1});

        double[][] first = optimizer.candidates(2048, new SplittableRandom(1));
        double[][] again = optimizer.candidates(2048, new SplittableRandom(1));
        double[][] other = optimizer.candidates(2048, new SplittableRandom(2));

        assertThat(again).isDeepEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        int[] perChoice = new int[3];
        for (double[] p : first) {
            assertThat(p[0]).isBetween(0.0, 1.0);
            assertThat(SPACE.snap(1, p[1])).isEqualTo(p[1]);
            assertThat(p[2]).isIn(0.0, 1.0, 2.0);
            perChoice[(int) p[2]]++;
        }
        // Sobol stratifies: each choice gets a third of the points, give or take one.
        for (int count : perChoice) {
            assertThat(count).isBetween(682, 684);
        }
    }

    @Test
    void beatsADenseGridSearchOfTheAcquisition() {
        LogEiAcquisition acquisition = acquisition();
        AcquisitionOptimizer optimizer = new AcquisitionOptimizer(SPACE, acquisition, new double[] {0.35, 0.35, 1});
        double gridBest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 400; i++) {
            for (long n = 0; n <= 40; n++) {
                for (int c = 0; c < 3; c++) {
                    gridBest =
                            Math.max(gridBest, acquisition.value(new double[] {i / 400.0, SPACE.gridPoint(1, n), c}));
                }
            }
        }

        double[] best = optimizer.maximize(List.of(), new SplittableRandom(3));

        assertThat(acquisition.value(best)).isGreaterThanOrEqualTo(gridBest - 1e-9);
        assertThat(SPACE.snap(1, best[1])).isEqualTo(best[1]);
        assertThat(best[2]).isIn(0.0, 1.0, 2.0);
        assertThat(best[0]).isBetween(0.0, 1.0);
    }
}
