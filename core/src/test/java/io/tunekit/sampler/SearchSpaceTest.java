package io.tunekit.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private final Study study = Study.builder().build();

    private Trial trialWith(Map<String, double[]> floats) {
        Trial t = study.ask();
        floats.forEach((name, range) -> t.suggestFloat(name, range[0], range[1]));
        return t;
    }

    private static double[] r(double low, double high) {
        return new double[] {low, high};
    }

    @Test
    void intersectionKeepsParametersEveryFinishedTrialHasWithTheSameDistribution() {
        IntersectionSearchSpace space = new IntersectionSearchSpace(false);
        assertThat(space.calculate(study.view())).isEmpty();
        study.tell(trialWith(Map.of("a", r(0, 1), "b", r(0, 1), "c", r(0, 1))), 1.0);
        assertThat(space.calculate(study.view())).containsOnlyKeys("a", "b", "c");
        Trial running = trialWith(Map.of("a", r(0, 1)));
        study.tell(trialWith(Map.of("a", r(0, 1), "b", r(0, 2), "c", r(0, 1))), 1.0);
        assertThat(space.calculate(study.view())).as("b changed its range").containsOnlyKeys("a", "c");
        study.tell(running, 2.0);
        assertThat(space.calculate(study.view()))
                .as("the late trial is taken into account")
                .containsOnlyKeys("a");
        assertThat(space.calculate(study.view())).isEqualTo(IntersectionSearchSpace.of(study.view(), false));
    }

    @Test
    void prunedTrialsCountOnlyWhenAsked() {
        study.tell(trialWith(Map.of("a", r(0, 1), "b", r(0, 1))), 1.0);
        study.tell(trialWith(Map.of("a", r(0, 1))), TrialState.PRUNED);
        study.tell(trialWith(Map.of("z", r(0, 1))), TrialState.FAIL);
        assertThat(IntersectionSearchSpace.of(study.view(), false)).containsOnlyKeys("a", "b");
        assertThat(IntersectionSearchSpace.of(study.view(), true)).containsOnlyKeys("a");
    }

    @Test
    void intersectionIsSortedByName() {
        Trial t = study.ask();
        t.suggestCategorical("z", List.of(1, 2));
        t.suggestFloat("m", 0, 1);
        t.suggestFloat("a", 0, 1);
        study.tell(t, 0.0);
        assertThat(IntersectionSearchSpace.of(study.view(), false).keySet()).containsExactly("a", "m", "z");
        assertThat(IntersectionSearchSpace.of(study.view(), false).get("z"))
                .isEqualTo(CategoricalDistribution.of(1, 2));
    }

    @Test
    void groupDecompositionSplitsConditionalParameters() {
        GroupDecomposedSearchSpace groups = new GroupDecomposedSearchSpace(false);
        study.tell(trialWith(Map.of("kind", r(0, 1), "x", r(0, 1), "y", r(0, 1))), 1.0);
        assertThat(groups.calculate(study.view())).hasSize(1);
        study.tell(trialWith(Map.of("kind", r(0, 1), "u", r(0, 1))), 1.0);
        study.tell(trialWith(Map.of("kind", r(0, 1), "x", r(0, 1))), 1.0);
        List<java.util.SortedMap<String, io.tunekit.distribution.Distribution>> result = groups.calculate(study.view());
        assertThat(result)
                .extracting(Map::keySet)
                .map(Object::toString)
                .containsExactlyInAnyOrder("[kind]", "[x]", "[y]", "[u]");
        assertThat(result.get(0).get("kind")).isEqualTo(FloatDistribution.of(0, 1));
    }
}
