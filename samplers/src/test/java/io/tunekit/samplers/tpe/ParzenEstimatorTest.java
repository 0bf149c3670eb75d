package io.tunekit.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The estimator against values computed independently with scipy ({@code truncnorm.logpdf},
 * {@code norm.cdf}, {@code logsumexp}) from the rules written in docs/semantics.md §4.3; the
 * bandwidths are worked out by hand in the comments.
 */
class ParzenEstimatorTest {

    private static final EstimatorSettings DEFAULTS = new EstimatorSettings(1.0, true, false);

    private static ParzenEstimator estimator(Distribution d, double... obs) {
        double[] w = new double[obs.length];
        Arrays.fill(w, 1.0);
        return new ParzenEstimator(List.of(d), new double[][] {obs}, w, null, DEFAULTS);
    }

    private static double logPdf(ParzenEstimator e, double x) {
        return e.logPdf(new double[][] {{x}})[0];
    }

    @Test
    void neighbourBandwidthsWithTheOutermostFromTheirOneNeighbour() {
        // sorted and padded: [0, .2, .5, .9, 1]; larger gap: .3, .4, .4; outermost: .2 -> .3, .9 -> .4
        NumericKernels k = (NumericKernels)
                estimator(FloatDistribution.of(0, 1), 0.2, 0.9, 0.5).dimension(0);
        assertThat(k.sigma).containsExactly(new double[] {0.3, 0.4, 0.4, 1.0}, within(1e-15));
        assertThat(k.mu).containsExactly(new double[] {0.2, 0.9, 0.5, 0.5}, within(1e-15));
    }

    @Test
    void logPdfOfASmallContinuousMixture() {
        ParzenEstimator e = estimator(FloatDistribution.of(0, 1), 0.2, 0.9, 0.5);
        assertThat(e.kernelCount()).isEqualTo(4);
        assertThat(e.weight(3)).isCloseTo(0.25, within(1e-15));
        assertThat(logPdf(e, 0.5)).isCloseTo(0.10038905107989682, within(1e-12));
        assertThat(logPdf(e, 0.05)).isCloseTo(-0.17168090178766282, within(1e-12));
        assertThat(logPdf(e, 0.99)).isCloseTo(-0.21226992304117498, within(1e-12));
    }

    @Test
    void endpointsOptionKeepsTheDomainGapsAndMagicClipRaisesSmallBandwidths() {
        EstimatorSettings endpoints = new EstimatorSettings(1.0, true, true);
        NumericKernels withEnds = (NumericKernels) new ParzenEstimator(
                        List.of(FloatDistribution.of(0, 1)),
                        new double[][] {{0.2, 0.9, 0.5}},
                        new double[] {1, 1, 1},
                        null,
                        endpoints)
                .dimension(0);
        assertThat(withEnds.sigma).containsExactly(new double[] {0.3, 0.4, 0.4, 1.0}, within(1e-15));
        NumericKernels ends2 = (NumericKernels) new ParzenEstimator(
                        List.of(FloatDistribution.of(0, 1)),
                        new double[][] {{0.3, 0.35}},
                        new double[] {1, 1},
                        null,
                        endpoints)
                .dimension(0);
        // padded [0, .3, .35, 1]: .3 -> max(.3, .05); .35 -> max(.05, .65); min clip 1/4
        assertThat(ends2.sigma).containsExactly(new double[] {0.3, 0.65, 1.0}, within(1e-15));
        // clustered: raw gaps .01 are clipped to range / min(100, n + 2) = 1/5
        NumericKernels clipped = (NumericKernels)
                estimator(FloatDistribution.of(0, 1), 0.5, 0.51, 0.52).dimension(0);
        assertThat(clipped.sigma).containsExactly(new double[] {0.2, 0.2, 0.2, 1.0}, within(1e-15));
        NumericKernels unclipped = (NumericKernels) new ParzenEstimator(
                        List.of(FloatDistribution.of(0, 1)),
                        new double[][] {{0.5, 0.51, 0.52}},
                        new double[] {1, 1, 1},
                        null,
                        new EstimatorSettings(1.0, false, false))
                .dimension(0);
        assertThat(unclipped.sigma[0]).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void aLoneObservationTakesItsLargerGapToTheBounds() {
        // log int [1, 100]: transformed range [log .5, log 100.5]; mu = log 10;
        // sigma = max(log 10 - log .5, log 100.5 - log 10) = 2.9957..., above the clip range / 3
        ParzenEstimator e = estimator(IntDistribution.logScale(1, 100), 10);
        NumericKernels k = (NumericKernels) e.dimension(0);
        assertThat(k.sigma[0]).isCloseTo(2.9957322735539913, within(1e-14));
        assertThat(logPdf(e, 10)).isCloseTo(-3.8851631171393137, within(1e-12));
        assertThat(logPdf(e, 1)).isCloseTo(-1.6935121418704013, within(1e-12));
        assertThat(logPdf(e, 100)).isCloseTo(-6.397612337302872, within(1e-12));
    }

    @Test
    void intKernelsAreMassesOfTheStepCellOverTheWidenedRange() {
        // [0, 10] widened to [-0.5, 10.5]; obs 3 and 7: outermost rule gives sigma 4 each
        ParzenEstimator e = estimator(IntDistribution.of(0, 10), 3, 7);
        assertThat(((NumericKernels) e.dimension(0)).sigma).containsExactly(new double[] {4, 4, 11}, within(1e-15));
        assertThat(logPdf(e, 5)).isCloseTo(-2.2372213471671936, within(1e-12));
        assertThat(logPdf(e, 0)).isCloseTo(-2.6602563570069333, within(1e-12));
        assertThat(logPdf(e, 10)).isCloseTo(-2.6602563570069333, within(1e-12));
        double total = 0;
        for (int x = 0; x <= 10; x++) {
            total += Math.exp(logPdf(e, x));
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void logScaleFloatKernelsLiveInLogSpace() {
        // log [1e-3, 1e3]; obs 1, 10, 100: gaps ln 10, clipped up to range / 5
        ParzenEstimator e = estimator(FloatDistribution.logScale(1e-3, 1e3), 1, 10, 100);
        assertThat(((NumericKernels) e.dimension(0)).sigma[1]).isCloseTo(Math.log(1e6) / 5, within(1e-14));
        assertThat(logPdf(e, 3.0)).isCloseTo(-2.2323079365486294, within(1e-12));
        assertThat(logPdf(e, 0.001)).isCloseTo(-3.9955425607463964, within(1e-12));
        assertThat(logPdf(e, 999.0)).isCloseTo(-2.8185191117751573, within(1e-12));
    }

    @Test
    void categoricalRowsAddOneToTheObservedChoiceOverAPriorShare() {
        ParzenEstimator e = estimator(CategoricalDistribution.of("a", "b", "c"), 0, 0, 2);
        CategoricalKernels k = (CategoricalKernels) e.dimension(0);
        // K = 4 kernels: row of choice j is (1/4 + [c == j]) / 1.75; the prior row is uniform
        assertThat(k.probability(0, 0)).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(k.probability(0, 1)).isCloseTo(1.0 / 7, within(1e-15));
        assertThat(k.probability(2, 2)).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(k.probability(3, 1)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(logPdf(e, 0)).isCloseTo(-0.7419373447293773, within(1e-12));
        assertThat(logPdf(e, 1)).isCloseTo(-1.6582280766035324, within(1e-12));
        assertThat(logPdf(e, 2)).isCloseTo(-1.0986122886681098, within(1e-12));
    }

    @Test
    void withoutObservationsOnlyThePriorRemains() {
        ParzenEstimator e = estimator(CategoricalDistribution.of(1, 2, 3, 4));
        assertThat(e.kernelCount()).isEqualTo(1);
        assertThat(logPdf(e, 2)).isCloseTo(Math.log(0.25), within(1e-15));
        ParzenEstimator f = estimator(FloatDistribution.of(-2, 2));
        // prior N(0, 4) truncated to [-2, 2]
        double z = 0.5 * (NormalMath.ndtr(0.5) - NormalMath.ndtr(-0.5));
        assertThat(Math.exp(logPdf(f, 0))).isCloseTo(Math.exp(NormalMath.logPhi(0)) / 4 / (2 * z), within(1e-14));
    }

    @Test
    void defaultWeightsRampTheOldestBeyondTwentyFive() {
        assertThat(Weights.DEFAULT.weights(3)).containsExactly(1, 1, 1);
        double[] w30 = Weights.DEFAULT.weights(30);
        assertThat(Arrays.copyOf(w30, 6))
                .containsExactly(
                        new double[] {1.0 / 30, 0.275, 0.5166666666666667, 0.7583333333333333, 1.0, 1.0},
                        within(1e-15));
        assertThat(Arrays.stream(w30).skip(5).allMatch(x -> x == 1.0)).isTrue();
        assertThat(Weights.DEFAULT.weights(26)[0]).isEqualTo(1.0 / 26);
        assertThat(Weights.DEFAULT.weights(25)).containsOnly(1.0);
        assertThat(Weights.DEFAULT.weights(0)).isEmpty();
        assertThat(Gamma.DEFAULT.nBelow(0)).isZero();
        assertThat(Gamma.DEFAULT.nBelow(11)).isEqualTo(2);
        assertThat(Gamma.DEFAULT.nBelow(1000)).isEqualTo(25);
        assertThat(Gamma.MULTI_OBJECTIVE_DEFAULT.nBelow(1000)).isEqualTo(100);
        assertThat(Gamma.HYPEROPT.nBelow(100)).isEqualTo(3);
    }

    @Test
    void weightsAreAppliedInObservationOrderWithThePriorAppended() {
        ParzenEstimator e = new ParzenEstimator(
                List.of(FloatDistribution.of(0, 1)),
                new double[][] {{0.1, 0.9}},
                new double[] {1, 3},
                null,
                new EstimatorSettings(4, true, false));
        assertThat(e.weight(0)).isCloseTo(0.125, within(1e-15));
        assertThat(e.weight(1)).isCloseTo(0.375, within(1e-15));
        assertThat(e.weight(2)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void aGivenSortedOrderGivesTheSameEstimatorAsSortingHere() {
        SplittableRandom r = new SplittableRandom(7);
        double[] obs = new double[200];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = r.nextInt(5) == 0 ? 3 : r.nextInt(0, 21); // many ties
        }
        int[] order = NumericKernels.argsort(obs);
        double[] w = Weights.DEFAULT.weights(obs.length);
        for (Distribution d : List.of(IntDistribution.of(0, 20), FloatDistribution.of(0, 20))) {
            ParzenEstimator a = new ParzenEstimator(List.of(d), new double[][] {obs}, w, null, DEFAULTS);
            ParzenEstimator b = new ParzenEstimator(List.of(d), new double[][] {obs}, w, new int[][] {order}, DEFAULTS);
            double[][] points = {{0}, {3}, {7}, {20}, {3}};
            assertThat(b.logPdf(points)).containsExactly(a.logPdf(points));
        }
    }

    @Test
    void cachedNormalisersGiveTheSameDensitiesAsFreshOnes() {
        NormalizerCache cache = new NormalizerCache();
        Distribution d = FloatDistribution.of(0, 1);
        double[][] points = {{0.0}, {0.03}, {0.5}, {0.999}};
        double[] first = {0.01, 0.02, 0.5, 0.97};
        double[] second = {0.01, 0.02, 0.5, 0.97, 0.015}; // a new neighbour changes two bandwidths
        for (double[] obs : new double[][] {first, second, second}) {
            int[] slots = java.util.stream.IntStream.range(0, obs.length).toArray();
            double[] w = Weights.DEFAULT.weights(obs.length);
            ParzenEstimator fresh = new ParzenEstimator(List.of(d), new double[][] {obs}, w, null, DEFAULTS);
            ParzenEstimator cached = new ParzenEstimator(
                    List.of(d), new double[][] {obs}, w, null, DEFAULTS, new NormalizerCache[] {cache}, slots);
            assertThat(cached.logPdf(points)).containsExactly(fresh.logPdf(points));
        }
        // other bounds: everything is recomputed
        Distribution wider = FloatDistribution.of(-1, 1);
        double[] w = Weights.DEFAULT.weights(5);
        assertThat(new ParzenEstimator(
                                List.of(wider),
                                new double[][] {second},
                                w,
                                null,
                                DEFAULTS,
                                new NormalizerCache[] {cache},
                                new int[] {0, 1, 2, 3, 4})
                        .logPdf(points))
                .containsExactly(
                        new ParzenEstimator(List.of(wider), new double[][] {second}, w, null, DEFAULTS).logPdf(points));
    }

    @Test
    void droppingNegligibleKernelsKeepsTheDensityOfEveryKernelSummed() {
        List<Distribution> space = List.of(
                FloatDistribution.of(0, 1),
                IntDistribution.of(0, 50),
                CategoricalDistribution.of("a", "b", "c"),
                FloatDistribution.logScale(1e-4, 1),
                FloatDistribution.of(-3, 3),
                IntDistribution.logScale(1, 1000),
                FloatDistribution.stepped(0, 10, 0.5),
                FloatDistribution.of(0, 1),
                CategoricalDistribution.of(1, 2),
                FloatDistribution.of(0, 1),
                FloatDistribution.of(0, 1),
                FloatDistribution.of(0, 1));
        SplittableRandom r = new SplittableRandom(5);
        ParzenEstimator prior = new ParzenEstimator(space, new double[space.size()][0], new double[0], null, DEFAULTS);
        int n = 800;
        double[][] obs = new double[space.size()][n];
        for (int i = 0; i < n; i++) {
            double[] x = prior.sample(r, 1)[0];
            for (int d = 0; d < x.length; d++) {
                obs[d][i] = x[d];
            }
        }
        ParzenEstimator e = new ParzenEstimator(space, obs, Weights.DEFAULT.weights(n), null, DEFAULTS);
        double[][] points = e.sample(r, 30);
        double[] fast = e.logPdf(points);
        for (int p = 0; p < points.length; p++) {
            // every kernel in full: weight, constants and terms of every dimension, plain log-sum-exp
            double[] total = new double[e.kernelCount()];
            for (int k = 0; k < total.length; k++) {
                total[k] = Math.log(e.weight(k));
            }
            for (int d = 0; d < space.size(); d++) {
                double[] constants = new double[total.length];
                e.dimension(d).addConstants(constants);
                for (int k = 0; k < total.length; k++) {
                    total[k] += constants[k] + e.dimension(d).term(k, points[p][d]);
                }
            }
            double max = Arrays.stream(total).max().orElseThrow();
            double reference = max
                    + Math.log(Arrays.stream(total).map(v -> Math.exp(v - max)).sum());
            assertThat(fast[p]).isCloseTo(reference, within(1e-12 * Math.max(1, Math.abs(reference))));
        }
    }

    @Test
    void samplesStayInTheDomainAndOnTheGrid() {
        SplittableRandom r = new SplittableRandom(1);
        ParzenEstimator ints = estimator(IntDistribution.stepped(0, 30, 3), 0, 3, 30);
        ParzenEstimator logs = estimator(FloatDistribution.logScale(1e-5, 1), 1e-5, 1);
        ParzenEstimator steps = estimator(FloatDistribution.stepped(-1, 1, 0.25), 1, 1, 1);
        for (int i = 0; i < 2000; i++) {
            double x = ints.sample(r, 1)[0][0];
            assertThat(x).isBetween(0.0, 30.0);
            assertThat(x % 3).isZero();
            assertThat(logs.sample(r, 1)[0][0]).isBetween(1e-5, 1.0);
            double s = steps.sample(r, 1)[0][0];
            assertThat(s).isBetween(-1.0, 1.0);
            assertThat((s + 1) / 0.25).isEqualTo(Math.rint((s + 1) / 0.25));
        }
    }
}
