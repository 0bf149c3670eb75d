package io.tunekit.samplers.bruteforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.FrozenTrial;
import io.tunekit.OptimizeOptions;
import io.tunekit.Study;
import io.tunekit.StudyExhaustedException;
import io.tunekit.Trial;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BruteForceSamplerTest {

    /** 3 x 3 x 2 = 18 points. */
    private static double staticObjective(Trial t) {
        int a = t.suggestInt("a", 0, 2);
        double b = t.suggestFloat("b", 0, 1, 0.5);
        String c = t.suggestCategorical("c", List.of("x", "y"));
        return a + b + (c.equals("x") ? 0 : 10);
    }

    /** Optuna's documented example: c=float -> x in {1, 1.5, ..., 3} (5); c=int -> a, b with a <= b (6). */
    private static double conditionalObjective(Trial t) {
        String c = t.suggestCategorical("c", List.of("float", "int"));
        if (c.equals("float")) {
            return t.suggestFloat("x", 1, 3, 0.5);
        }
        int a = t.suggestInt("a", 1, 3);
        int b = t.suggestInt("b", a, 3);
        return a + b;
    }

    private static List<Map<String, Object>> evaluatedPoints(Study study) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            if (!t.systemAttrs().containsKey(BruteForceSampler.SURPLUS_KEY)) {
                points.add(new TreeMap<>(t.params()));
            }
        }
        return points;
    }

    private static void assertSurplusTrialsArePrunedAndMarked(Study study) {
        for (FrozenTrial t : study.trials()) {
            if (t.systemAttrs().containsKey(BruteForceSampler.SURPLUS_KEY)) {
                assertThat(t.state()).isEqualTo(TrialState.PRUNED);
            } else {
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            }
        }
    }

    @Test
    void oneWorkerVisitsEachOfTheEighteenPointsOnceAndStops() {
        Study study = Study.builder().sampler(new BruteForceSampler(1)).build();
        study.optimize(BruteForceSamplerTest::staticObjective, OptimizeOptions.trials(100));
        assertThat(study.trials()).hasSize(18).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(new HashSet<>(evaluatedPoints(study))).hasSize(18);
        assertThatThrownBy(study::ask)
                .isInstanceOf(StudyExhaustedException.class)
                .hasMessageContaining("no point of the search space is left");
    }

    @Test
    void conditionalSpaceIsCoveredExactlyOnce() {
        Study study = Study.builder().sampler(new BruteForceSampler(3)).build();
        study.optimize(BruteForceSamplerTest::conditionalObjective, OptimizeOptions.unlimited());
        List<Map<String, Object>> points = evaluatedPoints(study);
        Set<Map<String, Object>> expected = new HashSet<>();
        for (double x = 1; x <= 3; x += 0.5) {
            expected.add(new TreeMap<>(Map.of("c", "float", "x", x)));
        }
        for (int a = 1; a <= 3; a++) {
            for (int b = a; b <= 3; b++) {
                expected.add(new TreeMap<>(Map.of("c", "int", "a", a, "b", b)));
            }
        }
        assertThat(points).hasSize(11);
        assertThat(new HashSet<>(points)).isEqualTo(expected);
        assertThat(study.trials()).hasSize(11);
    }

    @Test
    void fourThreadsNeverEvaluateAPointTwice() {
        for (int run = 0; run < 5; run++) {
            Study study = Study.builder().sampler(new BruteForceSampler(run)).build();
            study.optimize(
                    BruteForceSamplerTest::conditionalObjective,
                    OptimizeOptions.unlimited().parallelism(4));
            List<Map<String, Object>> points = evaluatedPoints(study);
            assertThat(points).doesNotHaveDuplicates().hasSize(11);
            assertSurplusTrialsArePrunedAndMarked(study);

            Study flat = Study.builder().sampler(new BruteForceSampler(run)).build();
            flat.optimize(
                    BruteForceSamplerTest::staticObjective,
                    OptimizeOptions.unlimited().parallelism(4));
            assertThat(evaluatedPoints(flat)).doesNotHaveDuplicates().hasSize(18);
            assertSurplusTrialsArePrunedAndMarked(flat);
        }
    }

    @Test
    void aTrialThatFindsEveryPointTakenEndsAsSurplusInsteadOfRepeatingOne() {
        Study study = Study.builder().sampler(new BruteForceSampler(0)).build();
        Trial first = study.ask();
        Trial second = study.ask();
        Trial third = study.ask(); // created while no point was claimed yet
        int a = first.suggestInt("a", 0, 1);
        int b = second.suggestInt("a", 0, 1);
        assertThat(Set.of(a, b)).containsExactlyInAnyOrder(0, 1);
        assertThatThrownBy(() -> third.suggestInt("a", 0, 1))
                .isInstanceOf(TrialPrunedException.class)
                .hasMessageContaining("ends without a point");
        assertThat(study.trials().get(2).systemAttrs()).containsEntry(BruteForceSampler.SURPLUS_KEY, true);
        // both points are held by running trials: nobody can start another
        assertThatThrownBy(study::ask).isInstanceOf(StudyExhaustedException.class);
        study.tell(first, 1.0);
        study.tell(second, 2.0);
        study.tell(third.number(), TrialState.PRUNED);
        assertThat(evaluatedPoints(study)).hasSize(2);
    }

    @Test
    void aClaimLeftByAFailedTrialIsTakenOver() {
        Study study = Study.builder().sampler(new BruteForceSampler(0)).build();
        Trial crashed = study.ask();
        // a worker that claimed a=0 and died before storing the parameter
        String key = BruteForceSampler.claimKey(new TreeMap<>(Map.of("a", 0.0)));
        assertThat(study.view().compareAndSetSystemAttr(key, null, crashed.number()))
                .isTrue();
        study.tell(crashed.number(), TrialState.FAIL);
        Set<Integer> seen = new HashSet<>();
        study.optimize(t -> seen.add(t.suggestInt("a", 0, 1)) ? 0 : 1, OptimizeOptions.unlimited());
        assertThat(seen).containsExactlyInAnyOrder(0, 1);
        assertThat(study.view().systemAttrs().get(key)).isEqualTo(2);
    }

    @Test
    void aContinuousFloatIsRefusedByName() {
        Study study = Study.builder().sampler(new BruteForceSampler()).build();
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestFloat("lr", 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lr'")
                .hasMessageContaining("needs a step");
    }

    @Test
    void aSpaceThatChangesIsReportedNotSilentlyMixed() {
        Study study = Study.builder().sampler(new BruteForceSampler(0)).build();
        study.optimize(t -> t.suggestInt("a", 0, 3), OptimizeOptions.trials(1));
        Trial t = study.ask();
        assertThatThrownBy(() -> t.suggestInt("a", 0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the search space changed");
    }

    @Test
    void floatCandidatesUseDecimalSteps() {
        assertThat(Candidates.of("x", FloatDistribution.stepped(0.1, 0.5, 0.1)))
                .containsExactly(0.1, 0.2, 0.3, 0.4, 0.5);
        assertThat(Candidates.of("n", IntDistribution.stepped(-3, 4, 3))).containsExactly(-3.0, 0.0, 3.0);
        assertThat(Candidates.of("n", IntDistribution.logScale(1, 4))).containsExactly(1.0, 2.0, 3.0, 4.0);
    }
}
