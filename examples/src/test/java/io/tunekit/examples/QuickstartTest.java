package io.tunekit.examples;

import io.tunekit.Study;
import io.tunekit.TrialState;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class QuickstartTest {

    @Test
    void findsANearOptimalConfiguration() {
        Study study = Quickstart.run(200, 42);
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(200);
        assertThat(study.bestParams()).containsEntry("n", 3).containsEntry("shape", "bowl");
        assertThat(study.bestValue()).isLessThan(0.5);
    }
}
