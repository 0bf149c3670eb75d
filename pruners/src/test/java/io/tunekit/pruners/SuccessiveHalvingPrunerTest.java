package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.Direction;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.storage.InMemoryStorage;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SuccessiveHalvingPruner decisions and the rung attributes it writes. The expected columns were
 * computed with Python Optuna 3.1 by {@code src/test/python/optuna_decisions.py successiveHalving};
 * see {@link PrunerCase} for the notation. The last column lists the rung attributes the call
 * writes on the current trial.
 */
class SuccessiveHalvingPrunerTest {

    @ParameterizedTest(name = "[{index}] {0}; {1}; {2}; {3} -> {4} {5}")
    @CsvSource(delimiter = ';', textBlock = """
            # automatic minimum resource: max(last step of COMPLETE trials // 100, 1), nothing before
            ; min;; 0:5; KEEP;
            ; min; P 0:1 1:1; 0:5 1:5; KEEP;
            ; min; 0:1 250:1; 0:5 1:5; KEEP;
            ; min; 0:1 250:1; 0:5 1:5 2:5; KEEP; r0:5.0
            ; min; 0:1 50:1; 0:5; KEEP;
            # the first trials at a rung: promoted only if the best (idx = max(n // eta - 1, 0))
            minResource=1; min;; 0:5; KEEP;
            minResource=1; min;; 0:5 1:5; KEEP; r0:5.0
            minResource=1 reductionFactor=2; min; R r0:0.1 | r0:0.9 | P r0:0.7; 0:0 1:0.5; KEEP; r0:0.5
            minResource=1 reductionFactor=2; min; R r0:0.1 | r0:0.9 | P r0:0.7; 0:0 1:0.6; KEEP; r0:0.6
            minResource=1 reductionFactor=2; max; R r0:0.1 | r0:0.9 | P r0:0.7; 0:0 1:0.7; KEEP; r0:0.7
            minResource=1 reductionFactor=2; max; R r0:0.1 | r0:0.9 | P r0:0.7; 0:0 1:0.6; PRUNE; r0:0.6
            minResource=1 reductionFactor=3; min; r0:0.1 | r0:0.2; 1:0.15; PRUNE; r0:0.15
            minResource=1 reductionFactor=3; min; r0:0.1 | r0:0.2; 1:0.1; KEEP; r0:0.1
            minResource=1 reductionFactor=3; min; r0:0.1 | r0:0.2 | r0:0.3 | r0:0.4 | r0:0.5; 1:0.2; KEEP; r0:0.2
            minResource=1 reductionFactor=3; min; r0:0.1 | r0:0.2 | r0:0.3 | r0:0.4 | r0:0.5; 1:0.25; PRUNE; r0:0.25
            # the latest value counts, not the best; steps below the rung are not judged
            minResource=2 reductionFactor=2; min; r0:0.3; 0:0.1 1:0.1; KEEP;
            minResource=2 reductionFactor=2; min; r0:0.3; 0:0.1 1:0.1 2:0.5; PRUNE; r0:0.5
            minResource=2 reductionFactor=2; min; r0:0.3; 0:0.9 1:0.9 2:0.2; KEEP; r0:0.2
            # several rungs in one call
            minResource=1 reductionFactor=2; min;; 4:0.1; KEEP; r0:0.1 r1:0.1 r2:0.1
            minResource=1 reductionFactor=2; min; r0:0.5 r1:0.5 | r0:0.6 r1:0.6 r2:0.6; 7:0.55; PRUNE; r0:0.55
            minResource=1 reductionFactor=2; min; r0:0.5 r1:0.5 | r0:0.6 r1:0.6 r2:0.4; 7:0.55; PRUNE; r0:0.55
            minResource=1 reductionFactor=2; min; r0:0.9 r1:0.9 r2:0.1 | r0:0.8 r1:0.8 r2:0.2; 7:0.5; PRUNE; r0:0.5 r1:0.5 r2:0.5
            minResource=1 reductionFactor=2; min; r0:0.9 | r0:0.8 | r0:0.7; 9:0.1; KEEP; r0:0.1 r1:0.1 r2:0.1 r3:0.1
            # rungs the trial already passed are not judged again
            minResource=1 reductionFactor=2; min; r0:0.1 | r1:0.9; r0:0.5 1:0.5; KEEP;
            minResource=1 reductionFactor=2; min; r0:0.1 | r1:0.1; r0:0.5 1:0.5; KEEP;
            minResource=1 reductionFactor=2; min; r1:0.1 | r1:0.2; r1:0.5 1:0.5; KEEP; r0:0.5
            # minimum early-stopping rate: the first rung at minResource * eta^rate
            minResource=1 reductionFactor=3 minEarlyStoppingRate=1; min; r0:0.1; 0:0.9 1:0.9 2:0.9; KEEP;
            minResource=1 reductionFactor=3 minEarlyStoppingRate=1; min; r0:0.1; 3:0.9; PRUNE; r0:0.9
            minResource=1 reductionFactor=3 minEarlyStoppingRate=1; min; r0:0.1; 3:0.05; KEEP; r0:0.05
            # NaN at a rung is pruned, below a rung it is not judged
            minResource=2; min;; 0:nan 1:nan; KEEP;
            minResource=2; min;; 0:0.1 1:0.1 2:nan; PRUNE;
            minResource=1; max; r0:0.1; 0:0.5 1:nan; PRUNE;
            # bootstrap count: a rung with at most that many values prunes every trial reaching it
            minResource=1 bootstrapCount=2; min;; 1:0.1; PRUNE; r0:0.1
            minResource=1 bootstrapCount=2; min; r0:0.5; 1:0.1; PRUNE; r0:0.1
            minResource=1 bootstrapCount=2; min; r0:0.5 | r0:0.6; 1:0.1; KEEP; r0:0.1
            minResource=1 bootstrapCount=2; min; r0:0.05 | r0:0.06; 1:0.1; PRUNE; r0:0.1
            minResource=1 reductionFactor=2 bootstrapCount=1; min; r0:0.5 r1:0.5; 3:0.1; KEEP; r0:0.1 r1:0.1
            # infinities are values like any other
            minResource=1 reductionFactor=2; min; r0:inf; 1:1e300; KEEP; r0:1e+300
            minResource=1 reductionFactor=2; max; r0:inf; 1:1e300; PRUNE; r0:1e+300
            """)
    void decides_and_records_rungs_as_optuna(
            String options, String direction, String others, String current, String expected, String written) {
        PrunerCase result = PrunerCase.run(pruner(PrunerCase.options(options)), direction, others, current);

        assertThat(result.decision()).isEqualTo(expected);
        Map<String, Object> rungs = new TreeMap<>(PrunerCase.rungs(current));
        rungs.putAll(PrunerCase.rungs(written));
        assertThat(result.rungs()).isEqualTo(rungs);
    }

    @Test
    void keeps_the_estimated_minimum_resource_once_known() {
        SuccessiveHalvingPruner pruner = new SuccessiveHalvingPruner();
        Study study = Study.builder()
                .direction(Direction.MINIMIZE)
                .pruner(pruner)
                .storage(new InMemoryStorage())
                .build();
        Trial first = study.ask();
        first.report(1.0, 0);
        first.report(1.0, 300); // min resource: 300 // 100 = 3
        study.tell(first, 1.0);

        Trial early = study.ask();
        early.report(5.0, 2);
        assertThat(early.shouldPrune()).isFalse();
        assertThat(early.snapshot().systemAttrs()).doesNotContainKey("completed_rung_0");
        early.report(5.0, 3);
        assertThat(early.shouldPrune()).isFalse();
        assertThat(early.snapshot().systemAttrs()).containsEntry("completed_rung_0", 5.0);

        // A longer completed trial does not change the estimate any more.
        Trial longer = study.ask();
        longer.report(1.0, 0);
        longer.report(1.0, 1000);
        study.tell(longer, 1.0);
        Trial late = study.ask();
        late.report(4.0, 3);
        assertThat(late.shouldPrune()).isFalse();
        assertThat(late.snapshot().systemAttrs()).containsEntry("completed_rung_0", 4.0);
    }

    @Test
    void sees_rung_values_recorded_by_another_study_object_on_the_same_storage() {
        InMemoryStorage storage = new InMemoryStorage();
        SuccessiveHalvingPruner options = SuccessiveHalvingPruner.builder()
                .minResource(1)
                .reductionFactor(2)
                .build();
        Study one =
                Study.builder().name("shared").pruner(options).storage(storage).build();
        Trial a = one.ask();
        a.report(0.1, 1);
        assertThat(a.shouldPrune()).isFalse();

        // A second process with its own pruner object: only the storage connects them.
        Study two = Study.builder()
                .name("shared")
                .pruner(SuccessiveHalvingPruner.builder()
                        .minResource(1)
                        .reductionFactor(2)
                        .build())
                .storage(storage)
                .loadIfExists(true)
                .build();
        Trial b = two.ask();
        b.report(0.2, 1);
        assertThat(b.shouldPrune()).as("0.2 is not the best of {0.1, 0.2}").isTrue();
        assertThat(b.snapshot().systemAttrs()).containsEntry("completed_rung_0", 0.2);
    }

    @Test
    void rejects_options_that_break_their_rule() {
        assertThatThrownBy(
                        () -> SuccessiveHalvingPruner.builder().minResource(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minResource must be >= 1, got 0");
        assertThatThrownBy(() ->
                        SuccessiveHalvingPruner.builder().reductionFactor(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reductionFactor must be >= 2, got 1");
        assertThatThrownBy(() -> SuccessiveHalvingPruner.builder()
                        .minEarlyStoppingRate(-1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minEarlyStoppingRate must be >= 0, got -1");
        assertThatThrownBy(() -> SuccessiveHalvingPruner.builder()
                        .minResource(1)
                        .bootstrapCount(-1)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrapCount must be >= 0, got -1");
        assertThatThrownBy(() ->
                        SuccessiveHalvingPruner.builder().bootstrapCount(2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapCount=2")
                .hasMessageContaining("automatic minResource");
        assertThat(SuccessiveHalvingPruner.builder()
                        .minResource(1)
                        .bootstrapCount(2)
                        .build())
                .isNotNull();
        assertThat(new SuccessiveHalvingPruner())
                .hasToString(
                        "SuccessiveHalvingPruner[minResource=auto, reductionFactor=4, minEarlyStoppingRate=0, bootstrapCount=0]");
    }

    private static SuccessiveHalvingPruner pruner(Map<String, String> o) {
        SuccessiveHalvingPruner.Builder b = SuccessiveHalvingPruner.builder();
        PrunerCase.intOption(o, "minResource", b::minResource);
        PrunerCase.intOption(o, "reductionFactor", b::reductionFactor);
        PrunerCase.intOption(o, "minEarlyStoppingRate", b::minEarlyStoppingRate);
        PrunerCase.intOption(o, "bootstrapCount", b::bootstrapCount);
        return b.build();
    }
}
