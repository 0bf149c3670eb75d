package io.tunekit.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunekit.Study;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomSamplerTest {

    private static List<Map<String, Object>> run(long seed) {
        Study study = Study.builder().sampler(new RandomSampler(seed)).build();
        study.optimize(
                t -> {
                    t.suggestLogFloat("lr", 1e-5, 1);
                    t.suggestInt("n", 0, 100);
                    t.suggestCategorical("c", List.of("a", "b", "c"));
                    return 0;
                },
                30);
        List<Map<String, Object>> out = new ArrayList<>();
        study.trials().forEach(t -> out.add(t.params()));
        return out;
    }

    @Test
    void aSeedRepeatsTheSequenceExactly() {
        assertThat(run(7)).isEqualTo(run(7));
        assertThat(run(7)).isNotEqualTo(run(8));
    }

    @Test
    void intsAreUniformIncludingTheEndpoints() {
        RandomSampler sampler = new RandomSampler(1);
        Map<Double, Integer> counts = new HashMap<>();
        IntDistribution d = IntDistribution.stepped(0, 6, 2);
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            counts.merge(sampler.sampleIndependent(null, null, "n", d), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(0.0, 2.0, 4.0, 6.0);
        counts.values().forEach(c -> assertThat((double) c / n).isCloseTo(0.25, within(0.015)));
    }

    @Test
    void logIntsFavourSmallValuesAsALogScaleShould() {
        RandomSampler sampler = new RandomSampler(2);
        IntDistribution d = IntDistribution.logScale(1, 1000);
        int small = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double v = sampler.sampleIndependent(null, null, "n", d);
            assertThat(v).isBetween(1.0, 1000.0).isEqualTo(Math.rint(v));
            if (v <= 31) {
                small++;
            }
        }
        // log(31.5 / 0.5) / log(1000.5 / 0.5): about 0.545 of the draws
        assertThat((double) small / n).isCloseTo(0.545, within(0.02));
    }

    @Test
    void logFloatsAreUniformInLogSpace() {
        RandomSampler sampler = new RandomSampler(3);
        FloatDistribution d = FloatDistribution.logScale(1e-4, 1);
        int below = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            if (sampler.sampleIndependent(null, null, "x", d) < 1e-2) {
                below++;
            }
        }
        assertThat((double) below / n).isCloseTo(0.5, within(0.02));
    }

    @Test
    void steppedFloatsLandOnTheGridWithEndpointsAsLikelyAsInnerPoints() {
        RandomSampler sampler = new RandomSampler(4);
        FloatDistribution d = FloatDistribution.stepped(0, 1, 0.25);
        Map<Double, Integer> counts = new HashMap<>();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            counts.merge(sampler.sampleIndependent(null, null, "x", d), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(0.0, 0.25, 0.5, 0.75, 1.0);
        counts.values().forEach(c -> assertThat((double) c / n).isCloseTo(0.2, within(0.015)));
    }

    @Test
    void categoricalChoicesAreEquallyLikely() {
        RandomSampler sampler = new RandomSampler(5);
        CategoricalDistribution d = CategoricalDistribution.of("a", "b", "c", "d", "e");
        int[] counts = new int[5];
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            counts[(int) sampler.sampleIndependent(null, null, "c", d)]++;
        }
        for (int c : counts) {
            assertThat((double) c / n).isCloseTo(0.2, within(0.015));
        }
    }

    @Test
    void continuousFloatsStayBelowHigh() {
        RandomSampler sampler = new RandomSampler(6);
        FloatDistribution d = FloatDistribution.of(1, Math.nextUp(1.0));
        for (int i = 0; i < 1000; i++) {
            assertThat(sampler.sampleIndependent(null, null, "x", d)).isEqualTo(1.0);
        }
    }
}
