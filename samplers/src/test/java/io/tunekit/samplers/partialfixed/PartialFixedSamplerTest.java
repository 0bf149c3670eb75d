package io.tunekit.samplers.partialfixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.samplers.tpe.TpeSampler;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartialFixedSamplerTest {

    @Test
    void fixedParametersKeepTheirValueAndTheOthersComeFromTheBase() {
        PartialFixedSampler sampler = new PartialFixedSampler(Map.of("y", 2, "kind", "b"), new RandomSampler(0));
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(
                t -> {
                    double x = t.suggestFloat("x", -5, 5);
                    int y = t.suggestInt("y", -5, 5);
                    String kind = t.suggestCategorical("kind", List.of("a", "b", "c"));
                    return x * x + y + kind.length();
                },
                OptimizeOptions.trials(20));
        Set<Object> xs = new HashSet<>();
        for (FrozenTrial t : study.trials()) {
            assertThat(t.params()).containsEntry("y", 2).containsEntry("kind", "b");
            xs.add(t.params().get("x"));
        }
        assertThat(xs).hasSize(20);
    }

    @Test
    void aRelativeBaseSamplerNeverSeesTheFixedParameters() {
        TpeSampler tpe = TpeSampler.builder().seed(1).nStartupTrials(5).build();
        PartialFixedSampler sampler = new PartialFixedSampler(Map.of("y", 0.25), tpe);
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(
                t -> Math.pow(t.suggestFloat("x", -5, 5), 2) + t.suggestFloat("y", 0, 1), OptimizeOptions.trials(15));
        Map<String, Distribution> space =
                sampler.inferRelativeSearchSpace(study.view(), study.trials().get(14));
        assertThat(space).containsOnlyKeys("x");
        assertThat(study.trials()).allMatch(t -> t.params().get("y").equals(0.25));
        assertThat(study.bestValue()).isLessThan(study.trials().get(0).values().get(0) + 1e-12);
    }

    @Test
    void aValueOutsideTheRangeIsUsedAsGiven() {
        Study study = Study.builder()
                .sampler(new PartialFixedSampler(Map.of("y", 7.5), new RandomSampler(0)))
                .build();
        Trial t = study.ask();
        assertThat(t.suggestFloat("y", 0, 1)).isEqualTo(7.5);
    }

    @Test
    void aValueOfTheWrongKindIsAClearError() {
        Study study = Study.builder()
                .sampler(new PartialFixedSampler(Map.of("y", "high"), new RandomSampler(0)))
                .build();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestFloat("y", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'y'")
                .hasMessageContaining("high");
    }
}
