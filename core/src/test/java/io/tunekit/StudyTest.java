package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.distribution.FloatDistribution;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.UnknownStudyException;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyTest {

    private final RecordingSampler sampler = new RecordingSampler();
    private final Study study =
            Study.builder().name("study-test").sampler(sampler).build();

    @Test
    void tellCompletesWithValidValues() {
        Trial t = study.ask();
        FrozenTrial done = study.tell(t, 0.5);
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.values()).containsExactly(0.5);
        assertThat(done.datetimeComplete()).isNotNull();
        assertThat(sampler.calls).containsExactly("before:0", "after:0:COMPLETE:RUNNING");
    }

    @Test
    void infinitiesAreAccepted() {
        assertThat(study.tell(study.ask(), Double.POSITIVE_INFINITY).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.tell(study.ask(), Double.NEGATIVE_INFINITY).values())
                .containsExactly(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aNaNOrAWrongCountFailsTheTrialWithTheReasonKept() {
        FrozenTrial nan = study.tell(study.ask(), Double.NaN);
        assertThat(nan.state()).isEqualTo(TrialState.FAIL);
        assertThat(nan.values()).isEmpty();
        assertThat(nan.systemAttrs()).containsEntry(FrozenTrial.FAIL_REASON_KEY, "The value NaN is not acceptable.");
        FrozenTrial two = study.tell(study.ask(), 1.0, 2.0);
        assertThat(two.state()).isEqualTo(TrialState.FAIL);
        assertThat((String) two.systemAttrs().get(FrozenTrial.FAIL_REASON_KEY))
                .isEqualTo("The number of the values 2 did not match the number of the objectives 1.");
    }

    @Test
    void anExplicitCompleteWithBadValuesIsAnErrorAndTheTrialStaysRunning() {
        Trial t = study.ask();
        assertThatThrownBy(() -> study.tell(t, TrialState.COMPLETE, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN is not acceptable");
        assertThatThrownBy(() -> study.tell(t, TrialState.COMPLETE, 1.0, 2.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("number of the values 2");
        assertThatThrownBy(() -> study.tell(t, TrialState.COMPLETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs values");
        assertThatThrownBy(() -> study.tell(t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs values");
        assertThat(t.snapshot().state()).isEqualTo(TrialState.RUNNING);
        assertThat(study.tell(t, TrialState.COMPLETE, 3.0).values()).containsExactly(3.0);
    }

    @Test
    void prunedAndFailedTellsTakeNoValues() {
        Trial t = study.ask();
        assertThatThrownBy(() -> study.tell(t, TrialState.PRUNED, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not have values");
        assertThatThrownBy(() -> study.tell(t, TrialState.FAIL, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> study.tell(t, TrialState.RUNNING)).hasMessageContaining("COMPLETE, PRUNED or FAIL");
        assertThatThrownBy(() -> study.tell(t, TrialState.WAITING)).isInstanceOf(IllegalArgumentException.class);
        assertThat(study.tell(t, TrialState.FAIL).state()).isEqualTo(TrialState.FAIL);
    }

    @Test
    void aPrunedTrialKeepsItsLastIntermediateValue() {
        Trial t = study.ask();
        t.report(0.9, 1);
        t.report(0.7, 4);
        t.report(0.8, 2);
        FrozenTrial pruned = study.tell(t, TrialState.PRUNED);
        assertThat(pruned.state()).isEqualTo(TrialState.PRUNED);
        assertThat(pruned.values()).containsExactly(0.7);
        assertThat(study.tell(study.ask(), TrialState.PRUNED).values()).isEmpty();
        Trial nan = study.ask();
        nan.report(Double.NaN, 0);
        assertThat(study.tell(nan, TrialState.PRUNED).values()).isEmpty();
    }

    @Test
    void tellingAFinishedOrUnknownTrialIsAnError() {
        Trial t = study.ask();
        study.tell(t, 1.0);
        assertThatThrownBy(() -> study.tell(t, 2.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot tell a COMPLETE trial")
                .hasMessageContaining("trial 0");
        assertThatThrownBy(() -> study.tell(0, TrialState.FAIL)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> study.tell(42, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no trial number 42");
        assertThat(study.trial(0).values()).containsExactly(1.0);
    }

    @Test
    void tellByNumberFinishesATrialAskedElsewhere() {
        Trial t = study.ask();
        Study other = Study.load("study-test", storageOf(study));
        assertThat(other.tell(t.number(), 0.25).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trial(t.number()).values()).containsExactly(0.25);
    }

    @Test
    void enqueuedTrialsRunFirstAndSkipIfExistsAvoidsDuplicates() {
        study.enqueueTrial(Map.of("x", 0.5));
        study.enqueueTrial(Map.of("x", 0.5000001), Map.of(), true);
        study.enqueueTrial(Map.of("x", 0.6), Map.of("why", "user guess"), true);
        assertThat(study.trials(EnumSet.of(TrialState.WAITING))).hasSize(2);
        Trial first = study.ask();
        assertThat(first.suggestFloat("x", 0, 1)).isEqualTo(0.5);
        study.tell(first, 1.0);
        study.enqueueTrial(Map.of("x", 0.5), Map.of(), true);
        assertThat(study.trials()).hasSize(2);
        Trial second = study.ask();
        assertThat(second.userAttrs()).containsEntry("why", "user guess");
        assertThat(second.suggestFloat("x", 0, 1)).isEqualTo(0.6);
        assertThatThrownBy(() -> study.enqueueTrial(Map.of("x", new Object()))).hasMessageContaining("not JSON");
    }

    @Test
    void addTrialValidatesAndAssignsTheNextNumber() {
        study.ask();
        FrozenTrial added = study.addTrial(FrozenTrial.builder()
                .values(3.0)
                .param("x", FloatDistribution.of(0, 1), 0.5)
                .build());
        assertThat(added.number()).isEqualTo(1);
        assertThat(study.bestValue()).isEqualTo(3.0);
        assertThatThrownBy(
                        () -> study.addTrial(FrozenTrial.builder().values(1, 2).build()))
                .hasMessageContaining("has 2 values");
        assertThatThrownBy(() -> study.addTrial(
                        FrozenTrial.builder().state(TrialState.FAIL).values(1).build()))
                .hasMessageContaining("FAIL trial must not have values");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder().build()))
                .hasMessageContaining("COMPLETE trial needs values");
        assertThatThrownBy(() -> study.addTrial(FrozenTrial.builder()
                        .values(1)
                        .param("x", FloatDistribution.of(0, 1), 2.0)
                        .build()))
                .hasMessageContaining("not in its distribution");
        assertThat(study.trials()).hasSize(2);
    }

    @Test
    void bestTrialRespectsDirectionAndConstraints() {
        Study max = Study.builder().direction(Direction.MAXIMIZE).build();
        assertThatThrownBy(max::bestTrial)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No trials are completed yet");
        Trial infeasible = max.ask();
        infeasible.setConstraint("c", 1.0);
        max.tell(infeasible, 10.0);
        assertThatThrownBy(max::bestTrial).hasMessageContaining("No feasible trials");
        max.tell(max.ask(), 3.0);
        max.tell(max.ask(), 5.0);
        max.tell(max.ask(), 5.0);
        Trial feasible = max.ask();
        feasible.setConstraint("c", 0.0);
        max.tell(feasible, 4.0);
        assertThat(max.bestTrial().number()).isEqualTo(2);
        assertThat(max.bestValue()).isEqualTo(5.0);
        assertThat(max.direction()).isEqualTo(Direction.MAXIMIZE);
    }

    @Test
    void bestTrialsIsTheParetoFront() {
        Study multi = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .build();
        double[][] points = {{1, 1}, {2, 3}, {2, 2}, {3, 3}, {0.5, 0}, {2, 3}};
        for (double[] p : points) {
            multi.tell(multi.ask(), p);
        }
        Trial infeasible = multi.ask();
        infeasible.setConstraint("c", 1);
        multi.tell(infeasible, 0, 100);
        assertThat(multi.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 1, 4, 5);
        assertThatThrownBy(multi::bestTrial).hasMessageContaining("single-objective");
        assertThatThrownBy(multi::direction).hasMessageContaining("2 objectives");
    }

    @Test
    void creatingAndLoadingStudies() {
        InMemoryStorage storage = new InMemoryStorage();
        Study a = Study.builder()
                .name("s")
                .storage(storage)
                .direction(Direction.MAXIMIZE)
                .build();
        assertThatThrownBy(() -> Study.builder().name("s").storage(storage).build())
                .isInstanceOf(DuplicatedStudyException.class)
                .hasMessageContaining("'s' already exists");
        Study again =
                Study.builder().name("s").storage(storage).loadIfExists(true).build();
        assertThat(again.directions()).containsExactly(Direction.MAXIMIZE);
        assertThatThrownBy(() -> Study.builder()
                        .name("s")
                        .storage(storage)
                        .direction(Direction.MINIMIZE)
                        .loadIfExists(true)
                        .build())
                .hasMessageContaining("has directions [MAXIMIZE]");
        assertThatThrownBy(() -> Study.load("missing", storage))
                .isInstanceOf(UnknownStudyException.class)
                .hasMessageContaining("'missing'");
        a.setUserAttr("owner", "me");
        assertThat(Study.load("s", storage).userAttrs()).containsEntry("owner", "me");
        assertThat(Study.builder().build().name()).startsWith("no-name-");
        assertThatThrownBy(() -> Study.builder().directions()).hasMessageContaining("at least one direction");
        assertThatThrownBy(() -> Study.builder().name("")).hasMessageContaining("non-empty");
    }

    @Test
    void stopOutsideOptimizeIsAnError() {
        assertThatThrownBy(study::stop)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("while optimize() runs");
    }

    @Test
    void trialsFilterByState() {
        study.tell(study.ask(), 1.0);
        study.tell(study.ask(), TrialState.PRUNED);
        study.ask();
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)))
                .hasSize(2);
        assertThat(study.trials(EnumSet.of(TrialState.RUNNING)))
                .extracting(FrozenTrial::number)
                .containsExactly(2);
        assertThat(study.trials()).hasSize(3);
    }

    static io.tunekit.storage.Storage storageOf(Study s) {
        return s.storage();
    }

    @Test
    void tellingAnotherStudysTrialIsAClearErrorAndChangesNothing() {
        InMemoryStorage storage = new InMemoryStorage();
        Study a = Study.builder().name("a").storage(storage).build();
        Study c = Study.builder()
                .name("c")
                .storage(storage)
                .directions(Direction.MAXIMIZE, Direction.MINIMIZE)
                .build();
        Trial fromA = a.ask();
        assertThatThrownBy(() -> c.tell(fromA, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot tell trial 0 of study 'a' through study 'c': tell a trial through the study that"
                        + " asked it");
        assertThatThrownBy(() -> c.tell(fromA, TrialState.PRUNED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Study[] {Study.builder().name("a").build()}[0].tell(fromA, 1.0))
                .hasMessageContaining("in another storage");
        assertThat(a.trial(0).state()).isEqualTo(TrialState.RUNNING);
        // Another Study object of the same study may tell it.
        assertThat(Study.load("a", storage).tell(fromA, 1.0).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void aBuilderIsUnchangedByBuildAndCanBeReused() {
        Study.Builder builder = Study.builder().direction(Direction.MAXIMIZE);
        Study first = builder.build();
        Study second = builder.build();
        assertThat(first.name()).isNotEqualTo(second.name());
        assertThat(first.storage()).isNotSameAs(second.storage());
        assertThat(second.directions()).containsExactly(Direction.MAXIMIZE);
    }

    @Test
    void withoutTheSamplersModuleTheDefaultSamplerIsRandom() {
        assertThat(Study.builder().build().sampler()).isInstanceOf(io.tunekit.sampler.RandomSampler.class);
        InMemoryStorage storage = new InMemoryStorage();
        Study.builder().name("s").storage(storage).build();
        assertThat(Study.load("s", storage).sampler()).isInstanceOf(io.tunekit.sampler.RandomSampler.class);
    }

    @Test
    void aNaNFromTheObjectiveLogsOneWarning() {
        Study s = Study.builder().build();
        try (LogCapture log = new LogCapture(Study.class.getName())) {
            s.optimize(t -> t.suggestFloat("x", 0, 1) * Double.NaN, 1);
            assertThat(log.lines())
                    .singleElement()
                    .asString()
                    .startsWith("WARNING Trial 0 failed with parameters: {x=")
                    .endsWith("because of the following error: The value NaN is not acceptable.");
        }
        try (LogCapture log = new LogCapture(Study.class.getName())) {
            s.tell(s.ask(), Double.NaN);
            assertThat(log.lines()).containsExactly("WARNING Trial 1 failed: The value NaN is not acceptable.");
        }
    }
}
