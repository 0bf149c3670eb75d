package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.pruner.Pruner;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PatientPruner decisions. The expected column was computed with Python Optuna 3.1 by
 * {@code src/test/python/optuna_decisions.py patient}; see {@link PrunerCase} for the notation.
 * {@code wrapped=median} wraps a MedianPruner without startup trials.
 */
class PatientPrunerTest {

    @ParameterizedTest(name = "[{index}] {0}; {1}; {2}; {3} -> {4}")
    @CsvSource(delimiter = ';', textBlock = """
            patience=0; min;;; KEEP
            patience=0; min;; 0:1; KEEP
            patience=0; min;; 0:1 1:1; KEEP
            patience=0; min;; 0:1 1:1.1; PRUNE
            patience=0; min;; 0:1 1:0.9; KEEP
            patience=2; min;; 0:1 1:2 2:3; KEEP
            patience=2; min;; 0:1 1:2 2:3 3:4; PRUNE
            patience=2; min;; 0:1 1:2 2:3 3:0.5; KEEP
            patience=2; min;; 0:1 1:2 2:0.9 3:4; KEEP
            patience=1; max;; 0:1 1:0.5 2:0.9; PRUNE
            patience=1; max;; 0:1 1:0.5 2:1.1; KEEP
            patience=1 minDelta=0.1; min;; 0:1 1:1.05 2:1.2; KEEP
            patience=1 minDelta=0.1; min;; 0:1 1:1.2 2:1.15; PRUNE
            patience=1 minDelta=0.1; min;; 0:1 1:0.95 2:0.96; KEEP
            patience=1 minDelta=0.1; max;; 0:1 1:0.95 2:0.92; KEEP
            patience=1 minDelta=0.1; max;; 0:1 1:0.85 2:0.8; PRUNE
            patience=1; min;; 0:nan 1:2 2:3; KEEP
            patience=1; min;; 0:1 1:nan 2:nan; KEEP
            patience=1; min;; 0:1 1:nan 2:3; PRUNE
            patience=1; min;; 5:1 1:2 9:3; KEEP
            patience=1; min;; 1:1 9:3 5:2; PRUNE
            # a wrapped median pruner has the last word once the trial stalls
            patience=1 wrapped=median; min; 0:1 1:1 2:1; 0:0 1:2 2:2; KEEP
            patience=1 wrapped=median; min; 0:1 1:1 2:1; 0:2 1:3 2:3; PRUNE
            patience=1 wrapped=median; min; 0:1 1:1 2:1; 0:2 1:3 2:1.5; KEEP
            """)
    void decides_as_optuna(String options, String direction, String others, String current, String expected) {
        PrunerCase result = PrunerCase.run(pruner(PrunerCase.options(options)), direction, others, current);

        assertThat(result.decision()).isEqualTo(expected);
    }

    @Test
    void the_sampler_sees_what_the_wrapped_pruner_shows_it() {
        StudyView narrowed = new FakeView();
        Pruner narrowing = new Pruner() {
            @Override
            public boolean prune(StudyView study, FrozenTrial trial) {
                return false;
            }

            @Override
            public StudyView samplerView(StudyView study, FrozenTrial trial) {
                return narrowed;
            }
        };
        StudyView study = new FakeView();
        FrozenTrial trial = FrozenTrial.builder().build();

        assertThat(PatientPruner.builder(1).wrapped(narrowing).build().samplerView(study, trial))
                .isSameAs(narrowed);
        assertThat(PatientPruner.builder(1).build().samplerView(study, trial)).isSameAs(study);
    }

    @Test
    void rejects_options_that_break_their_rule() {
        assertThatThrownBy(() -> PatientPruner.builder(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("patience must be >= 0, got -1");
        assertThatThrownBy(() -> PatientPruner.builder(1).minDelta(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minDelta must be >= 0")
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> PatientPruner.builder(1).minDelta(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minDelta");
        assertThatThrownBy(() -> PatientPruner.builder(1).wrapped(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("wrapped");
    }

    private static PatientPruner pruner(Map<String, String> o) {
        PatientPruner.Builder b = PatientPruner.builder(Integer.parseInt(o.get("patience")));
        PrunerCase.doubleOption(o, "minDelta", b::minDelta);
        if ("median".equals(o.get("wrapped"))) {
            b.wrapped(MedianPruner.builder().startupTrials(0).build());
        }
        return b.build();
    }
}
