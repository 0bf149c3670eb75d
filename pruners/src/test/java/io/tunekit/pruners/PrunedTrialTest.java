package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.Study;
import io.tunekit.Trial;
import io.tunekit.TrialPrunedException;
import io.tunekit.TrialState;
import io.tunekit.storage.InMemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial stopped by a pruner ends PRUNED and keeps its last reported value (docs/semantics.md §1.4). */
class PrunedTrialTest {

    @Test
    void an_objective_that_throws_trial_pruned_ends_pruned_with_its_last_value() {
        Study study = Study.builder()
                .direction(Direction.MINIMIZE)
                .pruner(ThresholdPruner.above(1.0))
                .storage(new InMemoryStorage())
                .build();

        study.optimize(
                trial -> {
                    double[] curve = {0.5, 0.8, 1.7, 0.1};
                    for (int step = 0; step < curve.length; step++) {
                        trial.report(curve[step], step);
                        if (trial.shouldPrune()) {
                            throw new TrialPrunedException();
                        }
                    }
                    return curve[curve.length - 1];
                },
                1);

        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.values()).containsExactly(1.7);
        assertThat(t.intermediateValues()).hasSize(3);
    }

    @Test
    void a_pruned_trial_whose_last_report_is_nan_has_no_value() {
        Study study = Study.builder()
                .pruner(ThresholdPruner.above(1.0))
                .storage(new InMemoryStorage())
                .build();

        study.optimize(
                trial -> {
                    trial.report(0.5, 0);
                    trial.report(Double.NaN, 1);
                    if (trial.shouldPrune()) {
                        throw new TrialPrunedException();
                    }
                    return 0.5;
                },
                1);

        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.values()).isEmpty();
    }

    @Test
    void ask_and_tell_pruned_keeps_the_value_of_the_largest_step() {
        Study study = Study.builder()
                .direction(Direction.MAXIMIZE)
                .pruner(new MedianPruner())
                .storage(new InMemoryStorage())
                .build();
        Trial trial = study.ask();
        trial.report(0.9, 3);
        trial.report(0.2, 7);
        trial.report(0.4, 5);

        FrozenTrial told = study.tell(trial, TrialState.PRUNED);

        assertThat(told.state()).isEqualTo(TrialState.PRUNED);
        assertThat(told.values()).isEqualTo(List.of(0.2));
    }
}
