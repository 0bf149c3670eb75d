package io.tunekit.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PercentilePruner (and so MedianPruner) decisions. The expected column was computed with Python
 * Optuna 3.1 by {@code src/test/python/optuna_decisions.py percentile}; see {@link PrunerCase}
 * for the notation.
 */
class PercentilePrunerTest {

    @ParameterizedTest(name = "[{index}] {0}; {1}; {2}; {3} -> {4}")
    @CsvSource(delimiter = ';', textBlock = """
            # startup trials and no data
            startupTrials=0; min;; 0:5; KEEP
            startupTrials=0; min; 0:1;; KEEP
            startupTrials=3; min; 0:1 | 0:2; 0:9; KEEP
            startupTrials=3; min; 0:1 | 0:2 | 0:3; 0:9; PRUNE
            startupTrials=2; min; 0:1 | P 0:2 | P 0:3; 0:9; KEEP
            startupTrials=0; min; P 0:1 | R 0:1; 0:9; KEEP
            # the median, minimise and maximise, ties kept
            startupTrials=0; min; 0:1 | 0:2 | 0:3; 0:2.5; PRUNE
            startupTrials=0; min; 0:1 | 0:2 | 0:3; 0:2; KEEP
            startupTrials=0; min; 0:1 | 0:2 | 0:3 | 0:4; 0:2.5; KEEP
            startupTrials=0; min; 0:1 | 0:2 | 0:3 | 0:4; 0:2.6; PRUNE
            startupTrials=0; max; 0:1 | 0:2 | 0:3; 0:1.5; PRUNE
            startupTrials=0; max; 0:1 | 0:2 | 0:3; 0:2; KEEP
            # other percentiles, interpolated; 0 and 100
            percentile=25 startupTrials=0; min; 0:1 | 0:2 | 0:3; 0:1.5; KEEP
            percentile=25 startupTrials=0; min; 0:1 | 0:2 | 0:3; 0:1.6; PRUNE
            percentile=25 startupTrials=0; max; 0:1 | 0:2 | 0:3; 0:2.5; KEEP
            percentile=25 startupTrials=0; max; 0:1 | 0:2 | 0:3; 0:2.4; PRUNE
            percentile=10 startupTrials=0; min; 0:-0.2 | 0:-0.18 | 0:0.3 | 0:0.9 | 0:1.1; 0:-0.18; PRUNE
            # a tie NumPy's rounding decides (Commons Math's R_7 median is 0.30000000000000004)
            startupTrials=0; max; 0:0.44 | 0:0.03 | 0:0.16 | 0:0.92; 0:0.3; KEEP
            percentile=0 startupTrials=0; min; 0:1 | 0:2; 0:1; KEEP
            percentile=0 startupTrials=0; min; 0:1 | 0:2; 0:1.01; PRUNE
            percentile=100 startupTrials=0; min; 0:1 | 0:2; 0:2; KEEP
            percentile=100 startupTrials=0; max; 0:1 | 0:2; 0:0.99; PRUNE
            percentile=100 startupTrials=0; min; 0:1 | 0:inf; 0:5; KEEP
            # the trial's best over all steps, the others' values at exactly its last step
            startupTrials=0; min; 0:9 1:2 | 0:9 1:3; 0:1 1:5; KEEP
            startupTrials=0; min; 0:0 1:2 | 0:0 1:3; 0:3 1:5; PRUNE
            startupTrials=0; max; 0:0 1:2 | 0:0 1:3; 0:3 1:1; KEEP
            startupTrials=0; min; 0:1 | 0:1; 0:5 1:5; KEEP
            startupTrials=0; min; 0:1 2:1 | 0:1; 0:5 1:5 2:5; PRUNE
            # warm-up
            startupTrials=0 warmupSteps=2; min; 0:1 1:1 2:1; 0:9 1:9; KEEP
            startupTrials=0 warmupSteps=2; min; 0:1 1:1 2:1; 0:9 1:9 2:9; PRUNE
            startupTrials=0 warmupSteps=2; min; 0:1 1:1 2:1; 1:9; KEEP
            # interval windows: only the first report of each window is checked
            startupTrials=0 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 0:9 1:9 2:9 3:9; PRUNE
            startupTrials=0 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 0:9 1:9 2:9 3:9 4:9; KEEP
            startupTrials=0 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 0:9 1:9 2:9; KEEP
            startupTrials=0 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 0:9 4:9; PRUNE
            startupTrials=0 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 0:9 4:9 5:9; KEEP
            startupTrials=0 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 0:9; PRUNE
            startupTrials=0 warmupSteps=2 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 0:9 1:9 2:9; PRUNE
            startupTrials=0 warmupSteps=2 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 2:9 3:9; KEEP
            startupTrials=0 warmupSteps=2 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 2:9 3:9 4:9 5:9; PRUNE
            startupTrials=0 warmupSteps=2 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 2:9 3:9 4:9 5:9 6:9; KEEP
            startupTrials=0 warmupSteps=2 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 1:9 6:9; PRUNE
            startupTrials=0 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 5:9 3:9; KEEP
            # NaN reports
            startupTrials=0; min; 0:1; 0:nan; PRUNE
            startupTrials=0; max; 0:1; 0:nan 1:nan; PRUNE
            startupTrials=0; min; 0:1 1:1; 0:0.5 1:nan; KEEP
            startupTrials=0; min; 0:1 1:1; 0:nan 1:2; PRUNE
            startupTrials=0; min; =1 0:nan | =1 0:nan; 0:5; KEEP
            startupTrials=0; min; =1 0:nan | 0:1 | 0:3; 0:2.5; PRUNE
            startupTrials=0; min; =1 0:nan | 0:1 | 0:3; 0:2; KEEP
            startupTrials=0; min; 0:1; 0:inf; PRUNE
            startupTrials=0; min; 0:1; 0:-inf; KEEP
            # the minimum number of trials reporting at the step
            startupTrials=0 minTrials=3; min; 0:1 | 0:1; 0:9; KEEP
            startupTrials=0 minTrials=3; min; 0:1 | 0:1 | 0:1; 0:9; PRUNE
            startupTrials=0 minTrials=2; min; 0:1 1:1 | 0:1; 0:9 1:9; KEEP
            startupTrials=0 minTrials=2; min; =1 0:nan | 0:1; 0:9; PRUNE
            # default options: 5 startup trials
            ; min; 0:1 | 0:1 | 0:1 | 0:1; 0:9; KEEP
            ; min; 0:1 | 0:1 | 0:1 | 0:1 | 0:1; 0:9; PRUNE
            """)
    void decides_as_optuna(String options, String direction, String others, String current, String expected) {
        PrunerCase result = PrunerCase.run(pruner(PrunerCase.options(options)), direction, others, current);

        assertThat(result.decision()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}; {1}; {2}; {3} -> {4}")
    @CsvSource(delimiter = ';', textBlock = """
            startupTrials=0; min; 0:1 | 0:2 | 0:3; 0:2.5; PRUNE
            startupTrials=0; max; 0:1 | 0:2 | 0:3; 0:2; KEEP
            startupTrials=0 warmupSteps=2 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 2:9 3:9 4:9 5:9; PRUNE
            startupTrials=0 warmupSteps=2 intervalSteps=3; min; 0:1 1:1 2:1 3:1 4:1 5:1 6:1; 2:9 3:9; KEEP
            startupTrials=0 minTrials=3; min; 0:1 | 0:1; 0:9; KEEP
            ; min; 0:1 | 0:1 | 0:1 | 0:1; 0:9; KEEP
            ; min; 0:1 | 0:1 | 0:1 | 0:1 | 0:1; 0:9; PRUNE
            """)
    void median_pruner_is_the_50th_percentile(
            String options, String direction, String others, String current, String expected) {
        Map<String, String> o = PrunerCase.options(options);
        MedianPruner.Builder b = MedianPruner.builder();
        PrunerCase.intOption(o, "startupTrials", b::startupTrials);
        PrunerCase.intOption(o, "warmupSteps", b::warmupSteps);
        PrunerCase.intOption(o, "intervalSteps", b::intervalSteps);
        PrunerCase.intOption(o, "minTrials", b::minTrials);

        assertThat(PrunerCase.run(b.build(), direction, others, current).decision())
                .isEqualTo(expected);
        if (o.isEmpty()) {
            assertThat(PrunerCase.run(new MedianPruner(), direction, others, current)
                            .decision())
                    .isEqualTo(expected);
        }
    }

    @Test
    void rejects_options_that_break_their_rule() {
        assertThatThrownBy(() -> new PercentilePruner(100.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentile")
                .hasMessageContaining("100.5");
        assertThatThrownBy(() -> new PercentilePruner(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentile");
        assertThatThrownBy(() -> new PercentilePruner(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percentile");
        assertThatThrownBy(() -> PercentilePruner.builder(50).startupTrials(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startupTrials must be >= 0, got -1");
        assertThatThrownBy(() -> PercentilePruner.builder(50).warmupSteps(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warmupSteps must be >= 0, got -1");
        assertThatThrownBy(() -> PercentilePruner.builder(50).intervalSteps(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervalSteps must be >= 1, got 0");
        assertThatThrownBy(() -> PercentilePruner.builder(50).minTrials(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minTrials must be >= 1, got 0");
        assertThatThrownBy(() -> MedianPruner.builder().intervalSteps(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervalSteps must be >= 1, got 0");
    }

    @Test
    void accepts_the_bounds_of_every_option() {
        assertThat(new PercentilePruner(0)).isNotNull();
        assertThat(new PercentilePruner(100)).isNotNull();
        assertThat(PercentilePruner.builder(50)
                        .startupTrials(0)
                        .warmupSteps(0)
                        .intervalSteps(1)
                        .minTrials(1)
                        .build())
                .hasToString(
                        "PercentilePruner[percentile=50.0, startupTrials=0, warmupSteps=0, intervalSteps=1, minTrials=1]");
    }

    private static PercentilePruner pruner(Map<String, String> o) {
        PercentilePruner.Builder b = PercentilePruner.builder(Double.parseDouble(o.getOrDefault("percentile", "50")));
        PrunerCase.intOption(o, "startupTrials", b::startupTrials);
        PrunerCase.intOption(o, "warmupSteps", b::warmupSteps);
        PrunerCase.intOption(o, "intervalSteps", b::intervalSteps);
        PrunerCase.intOption(o, "minTrials", b::minTrials);
        return b.build();
    }
}
