package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WilcoxonPruner decisions (docs/semantics.md §5.7; Optuna 3.1 has no WilcoxonPruner to
 * compute them with). The p-values quoted are SciPy's {@code wilcoxon(d, zero_method="zsplit")};
 * n equal positive differences give p = 2^-n. See {@link PrunerCase} for the notation; the best
 * trial is the COMPLETE one with the best {@code =value}.
 */
class WilcoxonPrunerTest {

    @ParameterizedTest(name = "[{index}] {0}; {1}; {2}; {3} -> {4}")
    @CsvSource(delimiter = ';', textBlock = """
            # nothing to compare
            ; min; =1 0:1 1:1 2:1 3:1 4:1;                ;                         KEEP
            ; min; ;                                      0:2 1:2 2:2 3:2 4:2;      KEEP
            ; min; P 0:1 1:1 2:1 3:1 4:1;                 0:2 1:2 2:2 3:2 4:2;      KEEP
            ; min; =1;                                    0:2 1:2 2:2 3:2 4:2;      KEEP
            # d = +1 five times: p = 1/32 < 0.1, and the trial's mean 2 is worse than the best's 1
            ; min; =1 0:1 1:1 2:1 3:1 4:1;                0:2 1:2 2:2 3:2 4:2;      PRUNE
            ; min; =1 0:1 1:1 2:1 3:1 4:1;                4:2 0:2 3:2 1:2 2:2;      PRUNE
            # the best trial is the one with the best value, not the last one
            ; min; =1 0:1 1:1 2:1 3:1 4:1 | =5 0:3 1:3 2:3 3:3 4:3; 0:2 1:2 2:2 3:2 4:2; PRUNE
            ; min; =5 0:1 1:1 2:1 3:1 4:1 | =1 0:3 1:3 2:3 3:3 4:3; 0:2 1:2 2:2 3:2 4:2; KEEP
            # three pairs: p = 1/8, pruned only with a threshold above it
            ; min; =1 0:1 1:1 2:1;                        0:2 1:2 2:2;              KEEP
            pThreshold=0.2; min; =1 0:1 1:1 2:1;          0:2 1:2 2:2;              PRUNE
            pThreshold=0.125; min; =1 0:1 1:1 2:1;        0:2 1:2 2:2;              KEEP
            pThreshold=0; min; =1 0:1 1:1 2:1 3:1 4:1;    0:9 1:9 2:9 3:9 4:9;      KEEP
            pThreshold=1; min; =1 0:1 1:1;                0:1 1:1.5;                PRUNE
            # fewer pairs than max(2, startupSteps)
            pThreshold=1; min; =1 0:1 1:1;                0:9;                      KEEP
            pThreshold=1 startupSteps=0; min; =1 0:1 1:1; 0:9;                      KEEP
            startupSteps=6; min; =1 0:1 1:1 2:1 3:1 4:1;  0:2 1:2 2:2 3:2 4:2;      KEEP
            startupSteps=5; min; =1 0:1 1:1 2:1 3:1 4:1;  0:2 1:2 2:2 3:2 4:2;      PRUNE
            # steps the best trial lacks are left out of the test but count in the mean
            ; min; =1 0:1 1:1 2:1 3:1 4:1;                0:2 1:2 2:2 3:2 4:2 7:9;  PRUNE
            ; min; =1 0:1 1:1 2:1;                        0:2 1:2 2:2 3:2 4:2;      KEEP
            # safety: the test says worse but the trial's mean (2) is no worse than the best's (17.5)
            ; min; =1 0:1 1:1 2:1 3:1 4:1 5:100;          0:2 1:2 2:2 3:2 4:2;      KEEP
            ; max; =100 0:2 1:2 2:2 3:2 4:2 5:-100;       0:1 1:1 2:1 3:1 4:1;      KEEP
            # maximise: d = -1 five times
            ; max; =2 0:2 1:2 2:2 3:2 4:2;                0:1 1:1 2:1 3:1 4:1;      PRUNE
            ; max; =2 0:2 1:2 2:2 3:2 4:2;                0:3 1:3 2:3 3:3 4:3;      KEEP
            # equal values: d = 0 everywhere gives p = 1
            pThreshold=0.99; min; =1 0:1 1:1 2:1 3:1 4:1; 0:1 1:1 2:1 3:1 4:1;      KEEP
            # mixed signs: d = (1, 2, -0.5, 3, 4, 5), R+ = 20 of 21, p = 2/64 = 0.03125
            ; min; =1 0:0 1:0 2:0 3:0 4:0 5:0;            0:1 1:2 2:-0.5 3:3 4:4 5:5; PRUNE
            pThreshold=0.03125; min; =1 0:0 1:0 2:0 3:0 4:0 5:0; 0:1 1:2 2:-0.5 3:3 4:4 5:5; KEEP
            # non-finite values stop the pruner
            ; min; =1 0:1 1:1 2:1 3:1 4:1;                0:2 1:2 2:2 3:2 4:nan;    KEEP
            ; min; =1 0:1 1:1 2:1 3:1 4:1;                0:2 1:2 2:2 3:2 4:inf;    KEEP
            ; min; =1 0:1 1:1 2:1 3:1 4:nan;              0:2 1:2 2:2 3:2 4:2;      KEEP
            ; min; =1 0:1 1:1 2:1 3:1 4:-inf;             0:2 1:2 2:2 3:2 4:2;      KEEP
            """)
    void decides_as_specified(String options, String direction, String others, String current, String expected) {
        PrunerCase result = PrunerCase.run(pruner(PrunerCase.options(options)), direction, others, current);

        assertThat(result.decision()).isEqualTo(expected);
    }

    @Test
    void rejects_options_that_break_their_rule() {
        assertThatThrownBy(() -> WilcoxonPruner.builder().pThreshold(1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pThreshold must be in [0.0, 1.0], got 1.5");
        assertThatThrownBy(() -> WilcoxonPruner.builder().pThreshold(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pThreshold");
        assertThatThrownBy(() -> WilcoxonPruner.builder().startupSteps(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startupSteps must be >= 0, got -1");
        assertThat(new WilcoxonPruner()).hasToString("WilcoxonPruner[pThreshold=0.1, startupSteps=2]");
    }

    private static WilcoxonPruner pruner(Map<String, String> o) {
        WilcoxonPruner.Builder b = WilcoxonPruner.builder();
        PrunerCase.doubleOption(o, "pThreshold", b::pThreshold);
        PrunerCase.intOption(o, "startupSteps", b::startupSteps);
        return b.build();
    }
}
