package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.sampler.RandomSampler;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import io.tunekit.storage.contract.SampleStudies;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Summaries, deletion and copying of studies on any storage (Optuna's module-level functions). */
class StudiesTest {

    @Test
    void summarisesEveryStudy() {
        Storage storage = new InMemoryStorage();
        Study study = SampleStudies.sampleStudy(storage, "single");
        Study multi = Study.builder()
                .name("multi")
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .storage(storage)
                .build();
        multi.optimizeMulti(t -> new double[] {t.suggestFloat("a", 0, 1), 1}, OptimizeOptions.trials(2));
        List<StudySummary> summaries = Studies.summaries(storage);
        assertThat(summaries).extracting(StudySummary::name).containsExactly("single", "multi");
        StudySummary single = summaries.get(0);
        assertThat(single.trialCount()).isEqualTo(7);
        assertThat(single.bestTrial().orElseThrow().number())
                .isEqualTo(study.bestTrial().number());
        assertThat(single.userAttrs()).isEqualTo(Map.of("owner", "me"));
        assertThat(single.datetimeStart()).contains(study.trials().get(0).datetimeStart());
        assertThat(summaries.get(1).bestTrial()).isEmpty();
        assertThat(summaries.get(1).directions()).containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE);
    }

    /**
     * A study-wide budget with constraints: the summary counts exactly the budget and names the
     * trial {@code bestTrial()} names, never the infeasible trial with the better value.
     */
    @Test
    void summaryAndBestTrialAgreeUnderConstraintsAndABudget() {
        Storage storage = new InMemoryStorage();
        Study study = Study.builder()
                .name("constrained")
                .storage(storage)
                .sampler(new RandomSampler(7))
                .build();
        Objective objective = t -> {
            double x = t.suggestFloat("x", 0, 10);
            t.setConstraint("x >= 5", 5 - x);
            return x;
        };
        study.enqueueTrial(Map.of("x", 1.0)); // the lowest value, infeasible
        study.enqueueTrial(Map.of("x", 6.0)); // feasible
        study.optimize(objective, OptimizeOptions.trials(10).maxStudyTrials(8));
        study.optimize(objective, OptimizeOptions.trials(10).maxStudyTrials(8)); // budget used up: no trial

        StudySummary summary = Studies.summaries(storage).get(0);
        assertThat(summary.trialCount()).isEqualTo(8).isEqualTo(study.trials().size());
        FrozenTrial best = study.bestTrial();
        assertThat(best.isFeasible()).isTrue();
        assertThat(best.value()).isGreaterThanOrEqualTo(5.0);
        assertThat(summary.bestTrial()).contains(best);
        assertThat(study.trial(0).value()).isLessThan(best.value()); // the skipped infeasible one
    }

    @Test
    void aStudyWithOnlyInfeasibleTrialsHasNoBestInItsSummary() {
        Storage storage = new InMemoryStorage();
        Study study = Study.builder().name("infeasible").storage(storage).build();
        study.optimize(
                t -> {
                    t.setConstraint("c", 1);
                    return t.suggestFloat("x", 0, 1);
                },
                3);
        assertThat(Studies.summaries(storage).get(0).bestTrial()).isEmpty();
        assertThatThrownBy(study::bestTrial).hasMessageContaining("No feasible trials");
    }

    @Test
    void copiesEveryTrialWithEverythingItHolds() {
        InMemoryStorage from = new InMemoryStorage();
        SampleStudies.sampleStudy(from, "source");
        InMemoryStorage to = new InMemoryStorage();
        long copied = Studies.copy(from, "source", to, "copy");
        assertThat(to.studyName(copied)).isEqualTo("copy");
        List<FrozenTrial> expected =
                from.trials(from.findStudy("source").orElseThrow(), EnumSet.allOf(TrialState.class));
        List<FrozenTrial> actual = to.trials(copied, EnumSet.allOf(TrialState.class));
        SampleStudies.assertSameTrials(expected, actual);
        // Memory to memory keeps the exact times too.
        assertThat(actual)
                .extracting(FrozenTrial::datetimeStart)
                .containsExactlyElementsOf(
                        expected.stream().map(FrozenTrial::datetimeStart).toList());
        assertThat(actual)
                .extracting(FrozenTrial::datetimeComplete)
                .containsExactlyElementsOf(
                        expected.stream().map(FrozenTrial::datetimeComplete).toList());
        assertThat(to.studyUserAttrs(copied)).isEqualTo(Map.of("owner", "me"));

        long sameName = Studies.copy(from, "source", to);
        assertThat(to.studyName(sameName)).isEqualTo("source");
        assertThatThrownBy(() -> Studies.copy(from, "nope", new InMemoryStorage()))
                .isInstanceOf(UnknownStudyException.class);
    }

    /** Copying onto a taken name says so and points at delete, not at loadIfExists. */
    @Test
    void copyOntoAnExistingNameExplainsWhatToDo() {
        InMemoryStorage storage = new InMemoryStorage();
        SampleStudies.sampleStudy(storage, "source");
        assertThatThrownBy(() -> Studies.copy(storage, "source", storage))
                .isInstanceOf(DuplicatedStudyException.class)
                .hasMessageContaining("already has a study named 'source'")
                .hasMessageContaining("Studies.delete")
                .hasMessageNotContaining("loadIfExists");
        assertThatThrownBy(() -> Study.builder().name("source").storage(storage).build())
                .isInstanceOf(DuplicatedStudyException.class)
                .hasMessageContaining("loadIfExists(true)");
    }

    @Test
    void deletesAStudyByName() {
        InMemoryStorage storage = new InMemoryStorage();
        SampleStudies.sampleStudy(storage, "gone");
        SampleStudies.sampleStudy(storage, "kept");
        Studies.delete(storage, "gone");
        assertThat(storage.studyNames()).containsExactly("kept");
        assertThatThrownBy(() -> Studies.delete(storage, "gone")).isInstanceOf(UnknownStudyException.class);
    }
}
