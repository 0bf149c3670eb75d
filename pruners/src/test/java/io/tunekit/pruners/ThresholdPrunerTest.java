package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ThresholdPruner decisions. The expected column was computed with Python Optuna 3.1 by
 * {@code src/test/python/optuna_decisions.py threshold}; see {@link PrunerCase} for the notation.
 */
class ThresholdPrunerTest {

    @ParameterizedTest(name = "[{index}] {0}; {1}; {2}; {3} -> {4}")
    @CsvSource(delimiter = ';', textBlock = """
            lower=0; min;;; KEEP
            lower=0; min;; 0:-0.1; PRUNE
            lower=0; max;; 0:0; KEEP
            upper=1; min;; 0:1; KEEP
            upper=1; max;; 0:1.5; PRUNE
            lower=0 upper=1; min;; 0:0.5; KEEP
            lower=0 upper=1; min;; 0:nan; PRUNE
            lower=0 upper=1; min;; 0:inf; PRUNE
            lower=0; min;; 0:-inf; PRUNE
            upper=1; min;; 0:5 1:0.5; KEEP
            upper=1; min;; 0:0.5 1:5; PRUNE
            upper=1 warmupSteps=2; min;; 0:5 1:5; KEEP
            upper=1 warmupSteps=2; min;; 0:5 1:5 2:5; PRUNE
            upper=1 warmupSteps=2; min;; 0:nan 1:nan; KEEP
            upper=1 intervalSteps=2; min;; 0:0 1:5; KEEP
            upper=1 intervalSteps=2; min;; 0:0 1:0 2:5; PRUNE
            upper=1 intervalSteps=2; min;; 0:0 3:5; PRUNE
            upper=1 intervalSteps=2; min;; 0:0 2:0 3:5; KEEP
            upper=1 warmupSteps=1 intervalSteps=2; min;; 0:0 1:5; PRUNE
            upper=1 warmupSteps=1 intervalSteps=2; min;; 0:0 1:0 2:5; KEEP
            """)
    void decides_as_optuna(String options, String direction, String others, String current, String expected) {
        PrunerCase result = PrunerCase.run(pruner(PrunerCase.options(options)), direction, others, current);

        assertThat(result.decision()).isEqualTo(expected);
    }

    @Test
    void shorthands_set_one_bound() {
        assertThat(PrunerCase.run(ThresholdPruner.below(0), "min", "", "0:-0.5").pruned())
                .isTrue();
        assertThat(PrunerCase.run(ThresholdPruner.below(0), "min", "", "0:1e9").pruned())
                .isFalse();
        assertThat(PrunerCase.run(ThresholdPruner.above(1), "min", "", "0:1.5").pruned())
                .isTrue();
        assertThat(PrunerCase.run(ThresholdPruner.above(1), "min", "", "0:-1e9").pruned())
                .isFalse();
    }

    @Test
    void rejects_options_that_break_their_rule() {
        assertThatThrownBy(() -> ThresholdPruner.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower or an upper bound");
        assertThatThrownBy(() -> ThresholdPruner.builder().lower(2).upper(1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lower must be <= upper, got lower=2.0 > upper=1.0");
        assertThatThrownBy(() -> ThresholdPruner.builder().lower(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower must not be NaN");
        assertThatThrownBy(
                        () -> ThresholdPruner.builder().upper(1).warmupSteps(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warmupSteps must be >= 0, got -1");
        assertThatThrownBy(() ->
                        ThresholdPruner.builder().upper(1).intervalSteps(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervalSteps must be >= 1, got 0");
        assertThat(ThresholdPruner.builder().lower(1).upper(1).build())
                .hasToString("ThresholdPruner[lower=1.0, upper=1.0, warmupSteps=0, intervalSteps=1]");
    }

    private static ThresholdPruner pruner(Map<String, String> o) {
        ThresholdPruner.Builder b = ThresholdPruner.builder();
        PrunerCase.doubleOption(o, "lower", b::lower);
        PrunerCase.doubleOption(o, "upper", b::upper);
        PrunerCase.intOption(o, "warmupSteps", b::warmupSteps);
        PrunerCase.intOption(o, "intervalSteps", b::intervalSteps);
        return b.build();
    }
}
