package io.tunekit.samplers.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.RetryFailedTrialCallback;
import io.tunekit.Study;
import io.tunekit.StudyExhaustedException;
import io.tunekit.Trial;
import io.tunekit.TrialState;
import io.tunekit.storage.InMemoryStorage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

    private static Map<String, List<Double>> grid200() {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            xs.add(-10 + 20.0 * i / 19);
        }
        List<Double> ys = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            ys.add(-10 + 20.0 * j / 9);
        }
        return Map.of("x", xs, "y", ys);
    }

    private static double objective(Trial t) {
        double x = t.suggestFloat("x", -10, 10);
        double y = t.suggestFloat("y", -10, 10);
        return x * x + y * y;
    }

    private static Set<List<Object>> points(Study study) {
        Set<List<Object>> seen = new HashSet<>();
        for (FrozenTrial t : study.trials()) {
            seen.add(List.of(t.params().get("x"), t.params().get("y")));
        }
        return seen;
    }

    @Test
    void everyPointExactlyOnceWithFourThreadsThenTheStudyStops() {
        GridSampler sampler = new GridSampler(grid200());
        assertThat(sampler.size()).isEqualTo(200);
        Study study = Study.builder().sampler(sampler).build();
        study.optimize(GridSamplerTest::objective, OptimizeOptions.unlimited().parallelism(4));
        assertThat(study.trials()).hasSize(200);
        assertThat(study.trials()).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(points(study)).hasSize(200);
        assertThat(sampler.isExhausted(study.view())).isTrue();
        assertThat(study.bestValue()).isEqualTo(Math.pow(-10 + 20.0 * 9 / 19, 2) + Math.pow(-10 + 20.0 * 4 / 9, 2));
        assertThatThrownBy(study::ask)
                .isInstanceOf(StudyExhaustedException.class)
                .hasMessageContaining("all 200 values")
                .hasMessageContaining("no point left");
    }

    @Test
    void workersWithDifferentSeedsShareTheStudysOrderAndNeverRepeatAPoint() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.builder()
                .name("grid")
                .storage(storage)
                .sampler(new GridSampler(grid200(), 1))
                .build();
        Study second = Study.builder()
                .name("grid")
                .storage(storage)
                .sampler(new GridSampler(grid200(), 2))
                .loadIfExists(true)
                .build();
        Thread other = new Thread(() -> second.optimize(
                GridSamplerTest::objective, OptimizeOptions.unlimited().parallelism(2)));
        other.start();
        first.optimize(GridSamplerTest::objective, OptimizeOptions.unlimited().parallelism(2));
        other.join();
        assertThat(first.trials()).hasSize(200);
        assertThat(points(first)).hasSize(200);
    }

    @Test
    void theOrderIsShuffledAndTrialsRecordTheirGridPoint() {
        Study study = Study.builder().sampler(new GridSampler(grid200(), 5)).build();
        study.optimize(GridSamplerTest::objective, 10);
        List<Object> xs = study.trials().stream().map(t -> t.params().get("x")).toList();
        assertThat(new HashSet<>(xs))
                .as("a shuffled order visits many x values early")
                .hasSizeGreaterThan(3);
        FrozenTrial t = study.trial(3);
        assertThat(t.systemAttrs()).containsEntry(GridSampler.GRID_ID_KEY, 3);
        assertThat(t.systemAttrs().get(GridSampler.SEARCH_SPACE_KEY)).isInstanceOf(Map.class);
    }

    @Test
    void aParameterOutsideTheGridIsAClearError() {
        Study study = Study.builder()
                .sampler(new GridSampler(Map.of("x", List.of(1, 2))))
                .build();
        Trial t = study.ask();
        assertThat(t.suggestInt("x", 0, 5)).isIn(1, 2);
        assertThatThrownBy(() -> t.suggestFloat("lr", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'lr' is not in the grid [x]");
    }

    @Test
    void enqueuedTrialsKeepTheirValuesAndTakeNoPoint() {
        Study study = Study.builder()
                .sampler(new GridSampler(Map.of("x", List.of(1, 2, 3), "c", List.of("a", "b"))))
                .build();
        study.enqueueTrial(Map.of("x", 7, "c", "b"));
        study.enqueueTrial(Map.of("x", 1));
        Trial fixed = study.ask();
        assertThat(fixed.suggestInt("x", 0, 10)).isEqualTo(7);
        assertThat(fixed.suggestCategorical("c", List.of("a", "b"))).isEqualTo("b");
        study.tell(fixed, 0.0);
        Trial partial = study.ask();
        assertThat(partial.suggestInt("x", 0, 10)).isEqualTo(1);
        assertThatThrownBy(() -> partial.suggestCategorical("c", List.of("a", "b")))
                .hasMessageContaining("all parameters must be specified when using GridSampler with enqueueTrial");
        study.tell(partial, TrialState.FAIL);
        study.optimize(
                t -> t.suggestInt("x", 0, 10)
                        + (t.suggestCategorical("c", List.of("a", "b")).equals("a") ? 0 : 1),
                OptimizeOptions.unlimited());
        assertThat(study.trials()).hasSize(2 + 6);
    }

    @Test
    void aRetriedTrialKeepsItsPointAndParameters() {
        Study study = Study.builder()
                .sampler(new GridSampler(Map.of("x", List.of(1, 2, 3))))
                .build();
        Trial t = study.ask();
        int x = t.suggestInt("x", 0, 10);
        FrozenTrial failed = study.tell(t, TrialState.FAIL);
        new RetryFailedTrialCallback().onTrialFinished(study, failed);
        Trial retry = study.ask();
        assertThat(retry.suggestInt("x", 0, 10)).isEqualTo(x);
        assertThat(retry.snapshot().systemAttrs())
                .containsEntry(GridSampler.GRID_ID_KEY, failed.systemAttrs().get(GridSampler.GRID_ID_KEY));
        study.tell(retry, 1.0);
        study.optimize(tr -> tr.suggestInt("x", 0, 10), OptimizeOptions.unlimited());
        assertThat(study.trials()).hasSize(4);
        assertThat(study.trials(java.util.EnumSet.of(TrialState.COMPLETE)))
                .extracting(f -> f.params().get("x"))
                .containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void badGridsAreRejected() {
        assertThatThrownBy(() -> new GridSampler(Map.of())).hasMessageContaining("at least one parameter");
        assertThatThrownBy(() -> new GridSampler(Map.of("x", List.of()))).hasMessageContaining("'x' has no values");
        assertThatThrownBy(() -> new GridSampler(Map.of("x", List.of(new Object()))))
                .hasMessageContaining("java.lang.Object");
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            big.add(i);
        }
        assertThatThrownBy(() -> new GridSampler(Map.of("a", big, "b", big))).hasMessageContaining("more than");
    }
}
