package io.tunekit.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.sampler.RandomSampler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of distributions and of the random sampler over generated distributions. */
class DistributionPropertiesTest {

    private static final StudyView NO_STUDY = new StudyView() {
        @Override
        public String name() {
            return "properties";
        }

        @Override
        public List<io.tunekit.Direction> directions() {
            return List.of(io.tunekit.Direction.MINIMIZE);
        }

        @Override
        public List<FrozenTrial> trials(Set<TrialState> states) {
            return List.of();
        }

        @Override
        public Map<String, Object> systemAttrs() {
            return Map.of();
        }

        @Override
        public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
            return false;
        }

        @Override
        public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {}

        @Override
        public void stop() {}
    };

    @Provide
    Arbitrary<Distribution> distributions() {
        Arbitrary<Distribution> floats = Combinators.combine(
                        Arbitraries.doubles().between(-1e6, 1e6),
                        Arbitraries.doubles().between(0, 1e6))
                .as((low, width) -> FloatDistribution.of(low, low + width));
        Arbitrary<Distribution> logFloats = Combinators.combine(
                        Arbitraries.doubles().between(1e-12, 1e3).ofScale(15),
                        Arbitraries.doubles().between(1, 1e6))
                .as((low, factor) -> FloatDistribution.logScale(low, low * factor));
        Arbitrary<Distribution> steppedFloats = Combinators.combine(
                        Arbitraries.doubles().between(-100, 100).ofScale(3),
                        Arbitraries.integers().between(0, 500),
                        Arbitraries.of(0.001, 0.01, 0.1, 0.25, 0.3, 0.5, 1.0, 2.5))
                .as((low, n, step) -> FloatDistribution.stepped(low, low + n * step + step * 0.37, step));
        Arbitrary<Distribution> ints = Combinators.combine(
                        Arbitraries.integers().between(-100_000, 100_000),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(1, 50))
                .as((low, width, step) -> IntDistribution.stepped(low, low + width, step));
        Arbitrary<Distribution> logInts = Combinators.combine(
                        Arbitraries.integers().between(1, 1000),
                        Arbitraries.integers().between(0, 1_000_000))
                .as((low, width) -> IntDistribution.logScale(low, low + width));
        Arbitrary<Distribution> categoricals = Arbitraries.integers()
                .between(1, 20)
                .map(n -> {
                    Object[] choices = new Object[n];
                    for (int i = 0; i < n; i++) {
                        choices[i] = i % 3 == 0 ? "c" + i : i % 3 == 1 ? (Object) (long) i : (Object) (i + 0.5);
                    }
                    return CategoricalDistribution.of(choices);
                });
        return Arbitraries.oneOf(floats, logFloats, steppedFloats, ints, logInts, categoricals);
    }

    @Property(tries = 400)
    void everySampledValueIsContained(@ForAll("distributions") Distribution d, @ForAll long seed) {
        RandomSampler sampler = new RandomSampler(seed);
        for (int i = 0; i < 20; i++) {
            double v = d.isSingle() ? d.singleValue() : sampler.sampleIndependent(NO_STUDY, null, "p", d);
            assertThat(d.contains(v)).as("%s contains %s", d, v).isTrue();
        }
    }

    @Property(tries = 400)
    void internalExternalRoundTripIsExact(@ForAll("distributions") Distribution d, @ForAll long seed) {
        RandomSampler sampler = new RandomSampler(seed);
        for (int i = 0; i < 20; i++) {
            double v = d.isSingle() ? d.singleValue() : sampler.sampleIndependent(NO_STUDY, null, "p", d);
            Object external = d.toExternal(v);
            assertThat(d.toInternal(external)).isEqualTo(v);
            assertThat(d.toExternal(d.toInternal(external))).isEqualTo(external);
        }
    }

    @Property(tries = 200)
    void adjustedHighIsOnTheGridAndNotAboveTheRequestedHigh(@ForAll("distributions") Distribution d) {
        if (d instanceof FloatDistribution f && f.hasStep()) {
            assertThat(f.contains(f.high())).isTrue();
            assertThat(f.contains(f.low())).isTrue();
        }
        if (d instanceof IntDistribution i) {
            assertThat((i.high() - i.low()) % i.step()).isZero();
        }
    }
}
