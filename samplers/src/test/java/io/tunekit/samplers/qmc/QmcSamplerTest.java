package io.tunekit.samplers.qmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class QmcSamplerTest {

    private static double objective(Trial t) {
        double x = t.suggestFloat("x", -5, 10);
        double lr = t.suggestLogFloat("lr", 1e-5, 1);
        int n = t.suggestInt("n", 1, 8);
        String kind = t.suggestCategorical("kind", List.of("a", "b", "c"));
        return x + Math.log(lr) + n + kind.length();
    }

    @Test
    void theCounterKeyIsOptunas() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("x", FloatDistribution.of(-5, 10));
        space.put("lr", FloatDistribution.logScale(1e-5, 1));
        space.put("n", IntDistribution.of(1, 8));
        space.put("kind", new CategoricalDistribution(Arrays.asList("a", "b", null, 2.5, true)));
        // src/test/python/qmc_reference.py
        assertThat(QmcSampler.builder().build().counterKey(space, 0))
                .isEqualTo("qmc:85e1c98f98a76771b570ec0c25c53e6ddd3823fa782fdec5b0d01e9703effb36");
        assertThat(QmcSampler.builder().scrambling(Scrambling.OWEN).build().counterKey(space, 42))
                .isEqualTo("qmc:32de23c974152c700c0bc52cd9af5b21904d944211ba04f434a49ca747641fca");
    }

    @Test
    void pythonFloatReprs() {
        assertThat(QmcSampler.pythonFloat(1e-5)).isEqualTo("1e-05");
        assertThat(QmcSampler.pythonFloat(0.0001)).isEqualTo("0.0001");
        assertThat(QmcSampler.pythonFloat(-5)).isEqualTo("-5.0");
        assertThat(QmcSampler.pythonFloat(1e16)).isEqualTo("1e+16");
        assertThat(QmcSampler.pythonFloat(123456789.125)).isEqualTo("123456789.125");
        assertThat(QmcSampler.pythonFloat(2.5e-7)).isEqualTo("2.5e-07");
    }

    @Test
    void fourThreadsDrawDistinctIndicesOfOneSequence() {
        QmcSampler sampler =
                QmcSampler.builder().scrambling(Scrambling.OWEN).seed(3).build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(QmcSamplerTest::objective, OptimizeOptions.trials(65).parallelism(4));
        List<Long> ids = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            if (t.systemAttrs().get(QmcSampler.SAMPLE_ID_KEY) instanceof Number n) {
                ids.add(n.longValue());
            }
        }
        // the first trial (nothing finished, nothing else running) may be sampled at random, and
        // with four threads the first few may all be: every other one drew a distinct index 0..k-1
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids))
                .isEqualTo(new HashSet<>(
                        java.util.stream.LongStream.range(0, ids.size()).boxed().toList()));
        assertThat(ids.size()).isGreaterThanOrEqualTo(61);
    }

    @Test
    void oneWorkerMapsTheSequenceOntoTheSpace() {
        QmcSampler sampler = QmcSampler.builder().seed(0).build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(QmcSamplerTest::objective, OptimizeOptions.trials(9));
        List<FrozenTrial> trials = study.trials();
        assertThat(trials.get(0).systemAttrs()).doesNotContainKey(QmcSampler.SAMPLE_ID_KEY);
        // dimensions in name order: kind, lr, n, x
        QmcSequence sobol = new QmcSequence(QmcType.SOBOL, Scrambling.NONE, 4, 0);
        for (int i = 1; i < 9; i++) {
            FrozenTrial t = trials.get(i);
            assertThat(t.systemAttrs().get(QmcSampler.SAMPLE_ID_KEY)).isEqualTo(i - 1);
            double[] u = sobol.point(i - 1);
            assertThat((double) t.params().get("x"))
                    .isCloseTo(-5 + 15 * u[3], org.assertj.core.data.Offset.offset(1e-9));
            double lr = Math.exp(Math.log(1e-5) + u[1] * (0 - Math.log(1e-5)));
            assertThat((double) t.params().get("lr")).isCloseTo(lr, org.assertj.core.data.Offset.offset(1e-12));
            // ints: the range widened by half a step on each side, then rounded to the grid
            assertThat(t.params().get("n")).isEqualTo(1 + (int) Math.floor(u[2] * 8));
            assertThat(t.params().get("kind")).isEqualTo(List.of("a", "b", "c").get((int) Math.floor(u[0] * 3)));
        }
        // point 0 of the plain sequence is the lower corner, point 1 the centre
        assertThat(trials.get(1).params())
                .containsEntry("x", -5.0)
                .containsEntry("n", 1)
                .containsEntry("kind", "a");
        assertThat(trials.get(2).params()).containsEntry("x", 2.5).containsEntry("kind", "b");
    }

    @Test
    void parametersOutsideTheFirstTrialsSpaceAreSampledIndependently() {
        QmcSampler sampler =
                QmcSampler.builder().seed(1).warnIndependentSampling(false).build();
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(
                t -> {
                    double x = t.suggestFloat("x", 0, 1);
                    return t.number() > 0 ? x + t.suggestFloat("extra", 0, 1) : x;
                },
                OptimizeOptions.trials(6));
        Set<Object> extras = new HashSet<>();
        for (FrozenTrial t : study.trials().subList(1, 6)) {
            assertThat(t.systemAttrs()).containsKey(QmcSampler.SAMPLE_ID_KEY);
            extras.add(t.params().get("extra"));
        }
        assertThat(extras).hasSize(5);
    }

    @Property(tries = 200)
    void everyValueLiesInItsDistribution(
            @ForAll @LongRange(min = 0, max = 1_000_000) long index,
            @ForAll @IntRange(min = -20, max = 20) int low,
            @ForAll @IntRange(min = 0, max = 30) int width,
            @ForAll @IntRange(min = 1, max = 7) int step,
            @ForAll @LongRange(min = 0, max = 5) long seed) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("i", IntDistribution.stepped(low, low + width, step));
        space.put("f", FloatDistribution.stepped(low, low + width + 0.5, step * 0.25));
        space.put("g", FloatDistribution.of(low, low + width + 1));
        space.put("l", IntDistribution.logScale(1, 1 + width));
        space.put("c", new CategoricalDistribution(List.of("a", "b", "c")));
        for (Scrambling s : Scrambling.values()) {
            QmcSequence seq = new QmcSequence(QmcType.SOBOL, s, space.size(), seed);
            Map<String, Double> values = QmcSampler.mapPoint(space, seq.point(index));
            space.forEach((name, d) -> assertThat(d.contains(values.get(name)))
                    .as("%s=%s in %s", name, values.get(name), d)
                    .isTrue());
        }
    }
}
