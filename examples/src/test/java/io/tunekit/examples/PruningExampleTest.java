package io.tunekit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.TrialState;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class PruningExampleTest {

    @Test
    void median_pruning_trains_fewer_epochs_and_still_finds_a_good_model() {
        PruningExample.Result pruned = PruningExample.run("median", 24, 12, 0, false);
        PruningExample.Result full = PruningExample.run("none", 24, 12, 0, false);

        assertThat(full.study().trials(EnumSet.of(TrialState.PRUNED))).isEmpty();
        assertThat(full.epochsTrained()).isEqualTo(24 * 12).isEqualTo(full.epochBudget());
        assertThat(pruned.study().trials(EnumSet.of(TrialState.PRUNED))).isNotEmpty();
        assertThat(pruned.epochsTrained()).isLessThan(full.epochsTrained() * 3 / 4);
        // A tuned logistic regression separates this data well: chance is log(2) = 0.69.
        assertThat(full.study().bestValue()).isLessThan(0.1);
        assertThat(pruned.study().bestValue()).isLessThan(0.1);
    }

    @ParameterizedTest
    @FieldSource("io.tunekit.examples.PruningExample#PRUNERS")
    void every_pruner_choice_runs(String pruner) {
        PruningExample.Result result = PruningExample.run(pruner, 10, 6, 1, false);

        assertThat(result.study().trials()).hasSize(10);
        assertThat(result.epochsTrained()).isBetween(10, 60);
        assertThat(result.study().bestValue()).isLessThan(0.69);
    }

    @Test
    void an_unknown_pruner_is_a_clear_error() {
        assertThatThrownBy(() -> PruningExample.pruner("medain", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'medain'")
                .hasMessageContaining("hyperband");
    }
}
