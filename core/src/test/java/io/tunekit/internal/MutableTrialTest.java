package io.tunekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.FloatDistribution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MutableTrialTest {

    private static FrozenTrial sample() {
        Instant start = Instant.parse("2026-01-02T03:04:05.123456Z");
        return new FrozenTrial(
                4,
                17,
                TrialState.COMPLETE,
                List.of(1.5, -2.0),
                start,
                start.plusSeconds(3),
                Map.of("x", 0.25),
                Map.of("x", new FloatDistribution(0, 1, null, false)),
                Map.of("u", List.of(1, 2)),
                Map.of("s", "v"),
                new java.util.TreeMap<>(Map.of(0, 1.0, 3, 0.5)));
    }

    @Test
    void ofThenBuildKeepsEveryField() {
        FrozenTrial t = sample();
        assertThat(MutableTrial.of(t).build()).isEqualTo(t);
    }

    @Test
    void aCopySharesNothingMutable() {
        MutableTrial original = MutableTrial.of(sample());
        MutableTrial copy = original.copy().userAttr("new", 1).intermediateValue(9, 9.0);
        assertThat(original.build()).isEqualTo(sample());
        assertThat(copy.build().userAttrs()).containsKey("new");
    }

    @Test
    void valuesSetByObjectiveComeBackInObjectiveOrder() {
        FrozenTrial t = new MutableTrial()
                .value(1, 20.0)
                .value(0, 10.0)
                .param("c", CategoricalDistribution.of("a", "b"), "b")
                .build();
        assertThat(t.values()).containsExactly(10.0, 20.0);
        assertThat(t.state()).isEqualTo(TrialState.RUNNING);
        assertThat(t.number()).isEqualTo(-1);
        assertThat(t.params()).containsEntry("c", "b");
    }
}
