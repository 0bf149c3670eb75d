package io.tunekit.samplers.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.samplers.pareto.Hypervolume;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrialSplitTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static FrozenTrial trial(
            int number,
            TrialState state,
            List<Double> values,
            Map<String, Object> system,
            Map<Integer, Double> intermediate) {
        return new FrozenTrial(
                number,
                100 + number,
                state,
                values,
                T,
                state.isFinished() ? T : null,
                Map.of("x", 0.1 * number),
                Map.of("x", FloatDistribution.of(0, 10)),
                Map.of(),
                system,
                new TreeMap<>(intermediate));
    }

    private static FrozenTrial complete(int number, double value) {
        return trial(number, TrialState.COMPLETE, List.of(value), Map.of(), Map.of());
    }

    private static FrozenTrial pruned(int number, Map<Integer, Double> intermediate) {
        return trial(number, TrialState.PRUNED, List.of(), Map.of(), intermediate);
    }

    /** Completes 0-4 (values 5 1 3 4 2), pruned 5-8, infeasible completes 9-10, running 11 and 12. */
    private static List<FrozenTrial> study() {
        List<FrozenTrial> t = new ArrayList<>();
        double[] values = {5, 1, 3, 4, 2};
        for (int i = 0; i < 5; i++) {
            t.add(complete(i, values[i]));
        }
        t.add(pruned(5, Map.of(1, 1.0, 3, 10.0)));
        t.add(pruned(6, Map.of(5, 20.0)));
        t.add(pruned(7, Map.of(2, 0.0, 5, 15.0)));
        t.add(pruned(8, Map.of()));
        t.add(trial(9, TrialState.COMPLETE, List.of(0.0), Map.of("constraints:c", 2.0), Map.of()));
        t.add(trial(
                10, TrialState.COMPLETE, List.of(-1.0), Map.of("constraints:c", 0.5, "constraints:d", -3.0), Map.of()));
        t.add(trial(11, TrialState.RUNNING, List.of(), Map.of(), Map.of()));
        t.add(trial(12, TrialState.RUNNING, List.of(), Map.of(), Map.of()));
        return t;
    }

    private static int[] numbers(TrialHistory history, int[] indices) {
        return Arrays.stream(indices).map(history::number).toArray();
    }

    private static int[] belowNumbers(Direction direction, int nBelow) {
        TrialHistory history = new TrialHistory(List.of(direction));
        TrialHistory.Visible visible = history.sync(study(), 112);
        int[] below = TrialSplit.below(history, visible.finished(), nBelow);
        return Arrays.stream(below).map(history::number).toArray();
    }

    @Test
    void completeTrialsComeFirstByValueAndTheResultIsInNumberOrder() {
        assertThat(belowNumbers(Direction.MINIMIZE, 3)).containsExactly(1, 2, 4);
        assertThat(belowNumbers(Direction.MAXIMIZE, 2)).containsExactly(0, 3);
        assertThat(belowNumbers(Direction.MINIMIZE, 0)).isEmpty();
    }

    @Test
    void prunedTrialsRankByFurthestStepThenByLastValueAndThoseWithoutReportsLast() {
        // step 5: #7 (15) before #6 (20); then #5 (step 3); #8 reported nothing
        assertThat(belowNumbers(Direction.MINIMIZE, 6)).containsExactly(0, 1, 2, 3, 4, 7);
        assertThat(belowNumbers(Direction.MINIMIZE, 8)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(belowNumbers(Direction.MINIMIZE, 9)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        // maximising, the larger last value ranks first: #6 (20) before #7 (15)
        assertThat(belowNumbers(Direction.MAXIMIZE, 6)).containsExactly(0, 1, 2, 3, 4, 6);
    }

    @Test
    void infeasibleTrialsComeAfterEveryFeasibleOneByViolationAndRunningTrialsNever() {
        // #9 and #10 have the best values but violate their constraints: they come last, #10 (0.5) first
        assertThat(belowNumbers(Direction.MINIMIZE, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 10);
        assertThat(belowNumbers(Direction.MINIMIZE, 50)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void syncSeesRunningTrialsButNotTheCurrentOneAndRecordsFinishedTrialsOnce() {
        TrialHistory history = new TrialHistory(List.of(Direction.MINIMIZE));
        TrialHistory.Visible v = history.sync(study(), 112);
        assertThat(v.finished()).hasSize(11);
        assertThat(v.running()).extracting(FrozenTrial::number).containsExactly(11);
        TrialHistory.Visible again = history.sync(study(), 111);
        assertThat(history.size()).isEqualTo(11);
        assertThat(again.running()).extracting(FrozenTrial::number).containsExactly(12);
        // a filtered view (a bracket) sees a subset of the same history
        TrialHistory.Visible filtered = history.sync(study().subList(3, 6), 112);
        assertThat(numbers(history, filtered.finished())).containsExactly(3, 4, 5);
        assertThat(numbers(history, TrialSplit.below(history, filtered.finished(), 1)))
                .containsExactly(4);
    }

    @Test
    void nanLastValuesRankAfterRealOnesAtTheSameStep() {
        List<FrozenTrial> t = List.of(pruned(0, Map.of(4, Double.NaN)), pruned(1, Map.of(4, 100.0)));
        TrialHistory history = new TrialHistory(List.of(Direction.MINIMIZE));
        int[] below = TrialSplit.below(history, history.sync(t, -1).finished(), 1);
        assertThat(history.number(below[0])).isEqualTo(1);
    }

    @Test
    void multiObjectiveTakesWholeFrontsThenTheLargestHypervolumeContributions() {
        // losses: #0 (1,5), #1 (2,2), #2 (5,1), #3 (3,3) dominated by #1, #4 (4,4)
        double[][] v = {{1, 5}, {2, 2}, {5, 1}, {3, 3}, {4, 4}};
        List<FrozenTrial> t = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            t.add(trial(i, TrialState.COMPLETE, List.of(v[i][0], v[i][1]), Map.of(), Map.of()));
        }
        TrialHistory history = new TrialHistory(List.of(Direction.MINIMIZE, Direction.MINIMIZE));
        int[] visible = history.sync(t, -1).finished();
        // the front {#0, #1, #2} fits in 3; with 4 the next front {#3} joins
        assertThat(numbers(history, TrialSplit.below(history, visible, 3))).containsExactly(0, 1, 2);
        assertThat(numbers(history, TrialSplit.below(history, visible, 4))).containsExactly(0, 1, 2, 3);
        // 2 of the front: reference (5.5, 5.5); #1 alone dominates 12.25, then #0 and #2 both add 0.5:
        // the first of them wins
        assertThat(numbers(history, TrialSplit.below(history, visible, 2))).containsExactly(0, 1);
        // maximising the second objective turns the values around
        TrialHistory mixed = new TrialHistory(List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        int[] all = mixed.sync(t, -1).finished();
        assertThat(numbers(mixed, TrialSplit.below(mixed, all, 1))).containsExactly(0);
    }

    @Test
    void hypervolumeIsExactInTwoAndThreeDimensions() {
        assertThat(Hypervolume.of(List.of(new double[] {1, 2, 3}, new double[] {2, 1, 2}), new double[] {4, 4, 4}))
                .isEqualTo(14.0);
        assertThat(Hypervolume.of(
                        List.of(new double[] {1, 5}, new double[] {2, 2}, new double[] {5, 1}),
                        new double[] {5.5, 5.5}))
                .isEqualTo(12.25 + 0.5 + 0.5);
        // points outside the reference box count nothing
        assertThat(Hypervolume.of(List.of(new double[] {6, 1}), new double[] {5.5, 5.5}))
                .isZero();
        assertThat(MultiObjectiveSplit.referencePoint(new double[][] {{-2, 0}, {-4, 3}}))
                .containsExactly(-1.8, 3.3000000000000003);
    }
}
