package io.tunekit.pruners.outside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.pruners.MedianPruner;
import io.tunekit.pruners.PercentilePruner;
import io.tunekit.pruners.ThresholdPruner;
import org.junit.jupiter.api.Test;

/**
 * The warm-up, interval, startup and min-trials setters live once in non-public base classes; a
 * user outside the package calls them on each public builder, in any order with the builder's
 * own setters, and each value reaches its pruner and is checked there.
 */
class SharedBuilderOptionsTest {

    @Test
    void eachBuilderTakesTheSharedOptionsInAnyOrder() {
        assertThat(MedianPruner.builder()
                        .warmupSteps(3)
                        .startupTrials(2)
                        .intervalSteps(4)
                        .minTrials(5)
                        .build())
                .hasToString("MedianPruner[PercentilePruner[percentile=50.0, startupTrials=2, warmupSteps=3, "
                        + "intervalSteps=4, minTrials=5]]");
        assertThat(PercentilePruner.builder(25)
                        .minTrials(2)
                        .intervalSteps(3)
                        .startupTrials(0)
                        .warmupSteps(1)
                        .build())
                .hasToString("PercentilePruner[percentile=25.0, startupTrials=0, warmupSteps=1, intervalSteps=3, "
                        + "minTrials=2]");
        assertThat(ThresholdPruner.builder()
                        .warmupSteps(2)
                        .upper(1)
                        .intervalSteps(3)
                        .lower(0)
                        .build())
                .hasToString("ThresholdPruner[lower=0.0, upper=1.0, warmupSteps=2, intervalSteps=3]");
    }

    @Test
    void theSharedOptionsAreCheckedWithTheirNames() {
        assertThatThrownBy(() -> MedianPruner.builder().intervalSteps(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intervalSteps must be >= 1, got 0");
        assertThatThrownBy(() -> PercentilePruner.builder(10).warmupSteps(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warmupSteps must be >= 0, got -1");
        assertThatThrownBy(() -> MedianPruner.builder().minTrials(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minTrials must be >= 1, got 0");
    }
}
