package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link OptimizeOptions#trialTimeout}: interrupt the objective, fail the trial, go on. */
class TrialTimeoutTest {

    @Test
    void aTrialThatRunsTooLongIsInterruptedAndFailedWithTheReason() {
        Study study = Study.builder().build();
        AtomicInteger interrupted = new AtomicInteger();
        study.optimize(
                t -> {
                    double x = t.suggestFloat("x", 0, 1);
                    if (t.number() == 0) {
                        try {
                            Thread.sleep(Duration.ofMinutes(10).toMillis());
                        } catch (InterruptedException e) {
                            interrupted.incrementAndGet();
                            throw new IllegalStateException("stopped", e);
                        }
                    }
                    assertThat(Thread.currentThread().isInterrupted())
                            .as("the timeout's interrupt must not reach the next trial")
                            .isFalse();
                    return x;
                },
                OptimizeOptions.trials(3).trialTimeout(Duration.ofMillis(200)));
        assertThat(interrupted).hasValue(1);
        FrozenTrial timedOut = study.trial(0);
        assertThat(timedOut.state()).isEqualTo(TrialState.FAIL);
        assertThat((String) timedOut.systemAttrs().get(FrozenTrial.FAIL_REASON_KEY))
                .isEqualTo("The trial ran longer than its timeout of PT0.2S and its thread was interrupted.");
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(2);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anObjectiveThatIgnoresTheInterruptIsReportedAndItsResultDiscarded() throws Exception {
        Study study = Study.builder().name("stubborn").build();
        AtomicBoolean release = new AtomicBoolean();
        AtomicBoolean lateWriteRefused = new AtomicBoolean();
        Thread releaser;
        try (LogCapture log = new LogCapture(Study.class.getName())) {
            releaser = new Thread(() -> {
                try {
                    log.await(line -> line.contains("ignores interruption"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    release.set(true);
                }
            });
            releaser.start();
            study.optimize(
                    t -> {
                        while (!release.get()) {
                            Thread.onSpinWait(); // ignores the interrupt
                        }
                        try {
                            t.suggestFloat("late", 0, 1);
                        } catch (IllegalStateException e) {
                            lateWriteRefused.set(true);
                        }
                        return 1.0;
                    },
                    OptimizeOptions.trials(1).parallelism(2).trialTimeout(Duration.ofMillis(100)));
            String warning = log.await(line -> line.contains("ignores interruption"));
            assertThat(warning)
                    .startsWith("WARNING Trial 0 of study 'stubborn' is still running")
                    .contains("thread 'tunekit-worker-stubborn-");
            assertThat(log.lines())
                    .anyMatch(line -> line.startsWith("WARNING The objective of timed-out trial 0" + " returned after")
                            && line.endsWith("its result is discarded."));
            assertThat(log.lines())
                    .anyMatch(line -> line.startsWith("WARNING Trial 0 failed with parameters: {} because of the"
                            + " following error: The trial ran longer than its timeout of PT0.1S"));
        }
        releaser.join();
        FrozenTrial t = study.trial(0);
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.values()).isEmpty();
        assertThat(lateWriteRefused)
                .as("the trial was failed at its deadline: later writes are refused")
                .isTrue();
    }

    @Test
    void aTrialWithinItsTimeoutIsUntouched() {
        Study study = Study.builder().build();
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(3).trialTimeout(Duration.ofHours(1)));
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(3);
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> OptimizeOptions.trials(1).trialTimeout(Duration.ZERO))
                .hasMessage("trialTimeout=PT0S must be positive");
    }
}
