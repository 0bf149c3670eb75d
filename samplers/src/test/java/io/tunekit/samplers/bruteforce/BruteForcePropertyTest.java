package io.tunekit.samplers.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever the ranges and steps, brute force visits each grid value combination once, on the grid. */
class BruteForcePropertyTest {

    @Property(tries = 40)
    void everyCombinationOnceAndOnTheGrid(
            @ForAll @IntRange(min = -20, max = 20) int low,
            @ForAll @IntRange(min = 0, max = 4) int intValues,
            @ForAll @IntRange(min = 1, max = 5) int step,
            @ForAll @DoubleRange(min = 0.05, max = 2.5) double floatStep,
            @ForAll @IntRange(min = 0, max = 3) int floatValues,
            @ForAll @IntRange(min = 1, max = 3) int choices,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        List<String> options = List.of("a", "b", "c").subList(0, choices);
        Study study = Study.builder().sampler(new BruteForceSampler(seed)).build();
        study.optimize(
                t -> {
                    int i = t.suggestInt("i", low, low + intValues * step, step);
                    double f = t.suggestFloat("f", low, low + floatValues * floatStep, floatStep);
                    String c = t.suggestCategorical("c", options);
                    return i + f + c.length();
                },
                OptimizeOptions.trials(500));
        List<List<Object>> points = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            t.distributions()
                    .forEach((name, d) -> assertThat(
                                    d.contains(d.toInternal(t.params().get(name))))
                            .as("%s=%s in %s", name, t.params().get(name), d)
                            .isTrue());
            points.add(
                    List.of(t.params().get("i"), t.params().get("f"), t.params().get("c")));
        }
        int floats = study.trials().get(0).distributions().get("f").isSingle()
                ? 1
                : Candidates.of("f", study.trials().get(0).distributions().get("f"))
                        .size();
        Set<List<Object>> distinct = new HashSet<>(points);
        assertThat(points).hasSize(distinct.size());
        assertThat(points).hasSize((intValues + 1) * floats * choices);
    }
}
