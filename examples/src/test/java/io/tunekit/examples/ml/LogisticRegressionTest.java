package io.tunekit.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogisticRegressionTest {

    private static double[][] x;
    private static int[] y;

    @BeforeAll
    static void breastCancer() {
        Dataset data = Datasets.breastCancer();
        x = Standardizer.fit(data.features()).transform(data.features());
        y = data.labels();
    }

    /** The gradient of the smooth part (average log loss) at the model, intercept last. */
    private static double[] lossGradient(double[][] rows, int[] labels, LogisticModel model) {
        double[] params = Arrays.copyOf(model.weights(), rows[0].length + 1);
        params[rows[0].length] = model.intercept();
        double[] gradient = new double[params.length];
        new LogisticLoss(rows, labels).evaluate(params, gradient);
        return gradient;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 1, 100})
    void l2SolutionHasZeroGradient(double c) {
        LogisticModel model = LogisticRegression.of(Penalty.L2, c).fit(x, y);
        assertThat(model.converged()).isTrue();
        double strength = 1 / (c * x.length);
        double[] g = lossGradient(x, y, model);
        double[] w = model.weights();
        for (int j = 0; j < w.length; j++) {
            assertThat(g[j] + strength * w[j]).as("d/dw_%d", j).isCloseTo(0, within(1e-5));
        }
        assertThat(g[w.length]).as("d/db").isCloseTo(0, within(1e-5));
        assertThat(model.zeroWeights()).as("ridge zeroes no weight").isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 1, 20})
    void l1SolutionMeetsTheSubgradientConditions(double c) {
        LogisticModel model = LogisticRegression.of(Penalty.L1, c).fit(x, y);
        assertThat(model.converged()).isTrue();
        double strength = 1 / (c * x.length);
        double[] g = lossGradient(x, y, model);
        double[] w = model.weights();
        for (int j = 0; j < w.length; j++) {
            if (w[j] == 0) {
                assertThat(Math.abs(g[j])).as("|d/dw_%d| at a zero weight", j).isLessThanOrEqualTo(strength + 1e-5);
            } else {
                assertThat(g[j] + strength * Math.signum(w[j])).as("d/dw_%d", j).isCloseTo(0, within(1e-5));
            }
        }
        assertThat(g[w.length]).as("d/db").isCloseTo(0, within(1e-5));
    }

    @Test
    void l1ZeroesMoreWeightsAsRegularisationGrows() {
        int weak = LogisticRegression.of(Penalty.L1, 10).fit(x, y).zeroWeights();
        int medium = LogisticRegression.of(Penalty.L1, 0.1).fit(x, y).zeroWeights();
        assertThat(medium).isGreaterThan(weak).isLessThan(30);
    }

    @Test
    void strongL1LeavesOnlyTheInterceptAtTheLogOdds() {
        LogisticModel model = LogisticRegression.of(Penalty.L1, 1e-4).fit(x, y);
        assertThat(model.zeroWeights()).isEqualTo(30);
        // With w = 0 the optimal intercept matches the mean label: sigmoid(b) = 357 / 569.
        double positive = Arrays.stream(y).average().orElseThrow();
        assertThat(model.intercept()).isCloseTo(Math.log(positive / (1 - positive)), within(1e-5));
    }

    @Test
    void separableDataIsFittedPerfectlyAndWeightsGrowWithC() {
        double[][] rows = {{-2, 1}, {-1, -1}, {-0.5, 0.3}, {0.4, -0.2}, {1, 1}, {3, -1}};
        int[] labels = {0, 0, 0, 1, 1, 1};
        LogisticModel loose = LogisticRegression.of(Penalty.L2, 100).fit(rows, labels);
        LogisticModel tight = LogisticRegression.of(Penalty.L2, 1).fit(rows, labels);
        double[] p = loose.probabilities(rows);
        for (int i = 0; i < rows.length; i++) {
            assertThat(p[i] >= 0.5 ? 1 : 0).as("row %d", i).isEqualTo(labels[i]);
        }
        assertThat(loose.weights()[0]).isGreaterThan(tight.weights()[0]).isGreaterThan(0);
    }

    /** On random small problems no nearby point has a lower regularised objective. */
    @Property(tries = 40)
    void noPerturbationImprovesTheObjective(
            @ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 100) double c, @ForAll boolean l1) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 30;
        double[][] rows = new double[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                rows[i][j] = random.nextGaussian();
            }
            labels[i] = random.nextDouble() < LogisticLoss.sigmoid(rows[i][0] - 0.5 * rows[i][1]) ? 1 : 0;
        }
        labels[0] = 0;
        labels[1] = 1;
        Penalty penalty = l1 ? Penalty.L1 : Penalty.L2;
        LogisticModel model = LogisticRegression.of(penalty, c).fit(rows, labels);
        LogisticLoss loss = new LogisticLoss(rows, labels);
        double strength = 1 / (c * n);
        double[] best = Arrays.copyOf(model.weights(), 4);
        best[3] = model.intercept();
        double optimum = loss.evaluate(best, null) + strength * penalty.value(best, 3);
        for (int trial = 0; trial < 50; trial++) {
            double[] other = best.clone();
            for (int j = 0; j < 4; j++) {
                other[j] += 1e-3 * random.nextGaussian();
            }
            assertThat(loss.evaluate(other, null) + strength * penalty.value(other, 3))
                    .isGreaterThanOrEqualTo(optimum - 1e-10);
        }
    }

    @Test
    void rejectsInvalidSettingsAndLabels() {
        assertThatThrownBy(() -> LogisticRegression.of(Penalty.L2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("C=0.0 must be a finite number > 0");
        assertThatThrownBy(() -> LogisticRegression.of(Penalty.L2, 1).fit(new double[][] {{1}, {2}}, new int[] {0, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels 0 and 1, got 2");
        assertThatThrownBy(() -> Penalty.parse("elasticnet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("penalty 'elasticnet' is not one of l1, l2");
    }
}
