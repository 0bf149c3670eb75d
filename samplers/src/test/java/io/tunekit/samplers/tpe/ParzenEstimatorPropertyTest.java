package io.tunekit.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the estimator over random domains and observations. */
class ParzenEstimatorPropertyTest {

    @Provide
    Arbitrary<Distribution> domains() {
        Arbitrary<Distribution> floats = Combinators.combine(
                        Arbitraries.doubles().between(-1e3, 1e3).ofScale(9),
                        Arbitraries.doubles().between(1e-3, 1e3).ofScale(9))
                .as((low, width) -> FloatDistribution.of(low, low + width));
        Arbitrary<Distribution> logs = Combinators.combine(
                        Arbitraries.doubles().between(1e-8, 10).ofScale(9),
                        Arbitraries.doubles().between(1.01, 1e6).ofScale(9))
                .as((low, factor) -> FloatDistribution.logScale(low, low * factor));
        Arbitrary<Distribution> ints = Combinators.combine(
                        Arbitraries.integers().between(-1000, 1000),
                        Arbitraries.integers().between(1, 500),
                        Arbitraries.integers().between(1, 7))
                .as((low, n, step) -> IntDistribution.stepped(low, low + n * step, step));
        Arbitrary<Distribution> logInts = Combinators.combine(
                        Arbitraries.integers().between(1, 100),
                        Arbitraries.integers().between(1, 100000))
                .as((low, n) -> IntDistribution.logScale(low, low + n));
        Arbitrary<Distribution> cats = Arbitraries.integers()
                .between(2, 9)
                .map(n -> new CategoricalDistribution(
                        java.util.stream.IntStream.range(0, n).boxed().toList()));
        return Arbitraries.oneOf(floats, logs, ints, logInts, cats);
    }

    @Property(tries = 300)
    void samplesLieInTheDomainAndEveryDomainPointHasAFiniteDensity(
            @ForAll("domains") Distribution domain, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = random.nextInt(0, 40);
        double[] obs = new double[n];
        ParzenEstimator prior = new ParzenEstimator(
                List.of(domain),
                new double[][] {new double[0]},
                new double[0],
                null,
                new EstimatorSettings(1.0, true, false));
        for (int i = 0; i < n; i++) {
            obs[i] = prior.sample(random, 1)[0][0];
        }
        ParzenEstimator e = new ParzenEstimator(
                List.of(domain),
                new double[][] {obs},
                Weights.DEFAULT.weights(n),
                null,
                new EstimatorSettings(1.0, random.nextBoolean(), random.nextBoolean()));
        double[][] samples = e.sample(random, 50);
        for (double[] s : samples) {
            assertThat(domain.contains(s[0])).as("%s in %s", s[0], domain).isTrue();
        }
        for (double lp : e.logPdf(samples)) {
            assertThat(lp).isFinite();
        }
    }
}
