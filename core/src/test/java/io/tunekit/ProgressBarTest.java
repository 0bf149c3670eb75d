package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    private static FrozenTrial best(int number, double value) {
        return new FrozenTrial(
                number,
                number,
                TrialState.COMPLETE,
                java.util.List.of(value),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void showsTrialsDoneEtaAndTheBestValue() {
        ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream()), true, 100, null, 0);
        for (int i = 0; i < 25; i++) {
            bar.trialFinished(best(3, 0.5), 10 * SECOND);
        }
        assertThat(bar.render(10 * SECOND))
                .isEqualTo(
                        "[######..................]  25% 25/100 trials | elapsed 00:10 | ETA 00:30 | best 0.5 (trial 3)");
    }

    @Test
    void withOnlyATimeoutTheBarFollowsTheClock() {
        ProgressBar bar =
                new ProgressBar(new PrintStream(new ByteArrayOutputStream()), true, null, Duration.ofMinutes(2), 0);
        bar.trialFinished(null, 30 * SECOND);
        assertThat(bar.render(30 * SECOND))
                .isEqualTo("[######..................]  25% 1 trials | elapsed 00:30/02:00 | ETA 01:30 | best -");
    }

    @Test
    void drawsInPlaceAndEndsWithANewline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), true, 2, null, 0);
        bar.trialFinished(best(0, 1.0), SECOND);
        bar.trialFinished(best(1, 0.5), SECOND + 1);
        bar.close(2 * SECOND);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[").endsWith("best 0.5 (trial 1)" + System.lineSeparator());
        assertThat(text.split("\r")).hasSize(3);
    }

    @Test
    void drawsNothingWhenNotATerminal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out), false, 10, null, 0);
        bar.trialFinished(best(0, 1.0), SECOND);
        bar.close(2 * SECOND);
        assertThat(out.size()).isZero();
    }

    @Test
    void optimizeWithAProgressBarRunsNormallyWithoutATerminal() {
        Study study = Study.builder().build();
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(5).progressBar(true));
        assertThat(study.trials()).hasSize(5);
    }
}
