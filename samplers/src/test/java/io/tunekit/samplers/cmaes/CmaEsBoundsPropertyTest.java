package io.tunekit.samplers.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever the ranges, steps and variant, CMA-ES proposes values inside their distributions. */
class CmaEsBoundsPropertyTest {

    @Property(tries = 40)
    void everyProposalLiesInItsDistribution(
            @ForAll @IntRange(min = -50, max = 50) int low,
            @ForAll @IntRange(min = 1, max = 40) int width,
            @ForAll @IntRange(min = 1, max = 6) int step,
            @ForAll @DoubleRange(min = 0.01, max = 3) double floatStep,
            @ForAll @DoubleRange(min = 0.01, max = 0.5) double sigma0,
            @ForAll @IntRange(min = 0, max = 2) int variant,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("i", IntDistribution.stepped(low, low + width * step, step));
        space.put("f", FloatDistribution.stepped(low, low + width * floatStep, floatStep));
        space.put("g", FloatDistribution.of(low, low + width));
        space.put("li", IntDistribution.logScale(1, 1 + width));
        space.put("lf", FloatDistribution.logScale(1e-3, 1e-3 + width));
        CmaEsSampler.Builder builder =
                CmaEsSampler.builder().seed(seed).sigma0(sigma0).popsize(4);
        if (variant == 1) {
            builder.useSeparableCma();
        } else if (variant == 2) {
            builder.withMargin();
        }
        Study study = Study.builder().sampler(builder.build()).build();
        study.optimize(
                t -> {
                    double sum = 0;
                    for (Map.Entry<String, Distribution> e : space.entrySet()) {
                        Object v = t.suggest(e.getKey(), e.getValue());
                        sum += ((Number) v).doubleValue();
                    }
                    return Math.abs(sum - 7.3);
                },
                OptimizeOptions.trials(14));
        for (FrozenTrial t : study.trials()) {
            t.distributions()
                    .forEach((name, d) -> assertThat(
                                    d.contains(d.toInternal(t.params().get(name))))
                            .as("%s=%s in %s", name, t.params().get(name), d)
                            .isTrue());
        }
    }
}
