package io.tunekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunekit.sampler.RandomSampler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimizeTest {

    private static double quadratic(Trial t) {
        double x = t.suggestFloat("x", -10, 10);
        return x * x;
    }

    @Test
    void runsTheRequestedNumberOfTrials() {
        Study study = Study.builder().sampler(new RandomSampler(3)).build();
        study.optimize(OptimizeTest::quadratic, 25);
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(25);
        assertThat(study.bestValue()).isLessThan(10);
    }

    @Test
    void eightThreadsGiveEveryNumberExactlyOnce() {
        Study study = Study.builder().build();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        study.optimize(
                t -> {
                    seen.add(t.number());
                    return quadratic(t);
                },
                OptimizeOptions.trials(4000).parallelism(8));
        assertThat(seen).hasSize(4000);
        assertThat(new HashSet<>(seen)).hasSize(4000);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(4000);
        for (int i = 0; i < trials.size(); i++) {
            assertThat(trials.get(i).number()).isEqualTo(i);
            assertThat(trials.get(i).state()).isEqualTo(TrialState.COMPLETE);
        }
    }

    @Test
    void aStudyWideBudgetNeverOvershootsAcrossWorkers() throws Exception {
        Study study = Study.builder().name("budget").build();
        Study otherWorker = Study.load("budget", StudyTest.storageOf(study));
        Thread other = new Thread(() -> otherWorker.optimize(
                OptimizeTest::quadratic,
                OptimizeOptions.unlimited().parallelism(2).maxStudyTrials(100)));
        other.start();
        study.optimize(
                OptimizeTest::quadratic,
                OptimizeOptions.trials(1000).parallelism(4).maxStudyTrials(100));
        other.join();
        assertThat(study.trials()).hasSize(100);
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(100);
        study.optimize(OptimizeTest::quadratic, OptimizeOptions.trials(5).maxStudyTrials(100));
        assertThat(study.trials()).as("a spent budget starts nothing").hasSize(100);
        assertThat(study.ask().number()).as("a plain ask has no budget").isEqualTo(100);
    }

    @Test
    void theTimeoutStartsNoNewTrialButNeverInterruptsOne() {
        Study study = Study.builder().build();
        AtomicInteger finished = new AtomicInteger();
        study.optimize(
                t -> {
                    Thread.sleep(30);
                    finished.incrementAndGet();
                    return quadratic(t);
                },
                OptimizeOptions.unlimited().timeout(Duration.ofMillis(100)));
        assertThat(finished.get()).isBetween(1, 10);
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(finished.get());
        assertThat(study.trials(EnumSet.of(TrialState.RUNNING))).isEmpty();
    }

    @Test
    void stopEndsTheLoopAfterRunningTrials() throws Exception {
        Study study = Study.builder().build();
        study.optimize(
                t -> {
                    if (t.number() == 5) {
                        t.study().stop();
                    }
                    return quadratic(t);
                },
                OptimizeOptions.trials(100));
        assertThat(study.trials()).hasSize(6);

        CountDownLatch running = new CountDownLatch(4);
        Study threaded = Study.builder().build();
        Thread stopper = new Thread(() -> {
            try {
                running.await(10, TimeUnit.SECONDS);
                threaded.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        threaded.optimize(
                t -> {
                    running.countDown();
                    Thread.sleep(20);
                    return quadratic(t);
                },
                OptimizeOptions.trials(10_000).parallelism(4));
        stopper.join();
        assertThat(threaded.trials().size()).isLessThan(10_000);
        assertThat(threaded.trials(EnumSet.of(TrialState.RUNNING))).isEmpty();
    }

    @Test
    void callbacksSeeEachFinishedTrial() {
        Study study = Study.builder().build();
        List<String> seen = new ArrayList<>();
        study.optimize(
                OptimizeTest::quadratic,
                OptimizeOptions.trials(3)
                        .callbacks((s, t) -> seen.add(t.number() + ":" + t.state()), (s, t) -> seen.add("second")));
        assertThat(seen).containsExactly("0:COMPLETE", "second", "1:COMPLETE", "second", "2:COMPLETE", "second");
    }

    @Test
    void anObjectiveExceptionFailsTheTrialAndEndsTheLoop() {
        Study study = Study.builder().build();
        assertThatThrownBy(() -> study.optimize(
                        t -> {
                            quadratic(t);
                            if (t.number() == 2) {
                                throw new IllegalStateException("boom");
                            }
                            return 1.0;
                        },
                        OptimizeOptions.trials(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
        assertThat(study.trials()).hasSize(3);
        FrozenTrial failed = study.trial(2);
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat((String) failed.systemAttrs().get(FrozenTrial.FAIL_REASON_KEY))
                .contains("IllegalStateException: boom");
    }

    @Test
    void checkedExceptionsAreWrappedAndCaughtTypesOnlyFailTheirTrial() {
        Study study = Study.builder().build();
        assertThatThrownBy(() -> study.optimize(
                        t -> {
                            throw new IOException("disk");
                        },
                        OptimizeOptions.trials(3)))
                .isInstanceOf(TrialFailedException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("Trial 0 failed");
        Study tolerant = Study.builder().build();
        tolerant.optimize(
                t -> {
                    if (t.number() % 2 == 0) {
                        throw new IOException("flaky");
                    }
                    return quadratic(t);
                },
                OptimizeOptions.trials(6).catching(IOException.class));
        assertThat(tolerant.trials(EnumSet.of(TrialState.FAIL))).hasSize(3);
        assertThat(tolerant.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(3);
    }

    @Test
    void nanAndPrunedResultsAreRecorded() {
        Study study = Study.builder().build();
        study.optimize(
                t -> {
                    t.report(t.number(), 0);
                    if (t.number() == 0) {
                        return Double.NaN;
                    }
                    if (t.number() == 1) {
                        throw new TrialPrunedException();
                    }
                    return 1.0;
                },
                OptimizeOptions.trials(3));
        assertThat(study.trials())
                .extracting(FrozenTrial::state)
                .containsExactly(TrialState.FAIL, TrialState.PRUNED, TrialState.COMPLETE);
        assertThat(study.trial(1).values()).containsExactly(1.0);
    }

    @Test
    void multiObjectiveOptimize() {
        Study study = Study.builder()
                .directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .build();
        study.optimizeMulti(
                t -> {
                    double x = t.suggestFloat("x", 0, 1);
                    return new double[] {x, 1 - x};
                },
                OptimizeOptions.trials(20));
        assertThat(study.bestTrials()).hasSize(20);
        study.optimizeMulti(t -> new double[] {1}, OptimizeOptions.trials(1));
        assertThat(study.trial(20).state()).isEqualTo(TrialState.FAIL);
    }

    @Test
    void eachFinishedTrialLogsOneLineThroughTheJdkLogger() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(Study.class.getName());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            Study study = Study.builder().direction(Direction.MAXIMIZE).build();
            study.enqueueTrial(java.util.Map.of("x", 0.98));
            study.enqueueTrial(java.util.Map.of("x", 0.5));
            study.optimize(
                    t -> {
                        double x = t.suggestFloat("x", 0, 1);
                        if (t.number() == 2) {
                            throw new TrialPrunedException();
                        }
                        return x;
                    },
                    OptimizeOptions.trials(3).catching(RuntimeException.class));
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("INFO Trial 0 finished with value: 0.98 and parameters: {x=0.98}. "
                        + "Best is trial 0 with value: 0.98.");
        assertThat(lines.get(1))
                .isEqualTo("INFO Trial 1 finished with value: 0.5 and parameters: {x=0.5}. "
                        + "Best is trial 0 with value: 0.98.");
        assertThat(lines.get(2)).isEqualTo("INFO Trial 2 pruned.");
    }

    @Test
    void badOptionsAndNestedCallsAreErrors() {
        assertThatThrownBy(() -> OptimizeOptions.trials(0)).hasMessageContaining("trials=0 must be > 0");
        assertThatThrownBy(() -> OptimizeOptions.trials(-3)).hasMessageContaining("trials=-3");
        assertThatThrownBy(() -> OptimizeOptions.unlimited().timeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> OptimizeOptions.trials(1).parallelism(0)).hasMessageContaining("parallelism=0");
        assertThatThrownBy(() -> OptimizeOptions.trials(1).maxStudyTrials(0)).hasMessageContaining("maxStudyTrials=0");
        Study study = Study.builder().build();
        assertThatThrownBy(() -> study.optimize(
                        t -> {
                            t.study().optimize(OptimizeTest::quadratic, 1);
                            return 0;
                        },
                        1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running");
        study.optimize(OptimizeTest::quadratic, 1);
        assertThat(study.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(1);
    }

    @Test
    void optionsAreValuesWithOptionalTimeouts() {
        OptimizeOptions options = OptimizeOptions.trials(5).parallelism(2);
        assertThat(options.timeout()).isEmpty();
        assertThat(options.trialTimeout()).isEmpty();
        assertThat(options.timeout(Duration.ofSeconds(3)).timeout()).contains(Duration.ofSeconds(3));
        assertThat(options).isEqualTo(OptimizeOptions.trials(5).parallelism(2));
        assertThat(options).hasSameHashCodeAs(OptimizeOptions.trials(5).parallelism(2));
        assertThat(options).isNotEqualTo(OptimizeOptions.trials(5));
        assertThat(options.toString()).startsWith("OptimizeOptions[trials=OptionalInt[5]");
    }

    @Test
    void verbosityInOneCallDropsThePerTrialLines() {
        try (LogCapture log = new LogCapture(Study.class.getName())) {
            TunekitLogging.setVerbosity(System.Logger.Level.WARNING);
            try {
                Study study = Study.builder().build();
                study.optimize(t -> t.suggestFloat("x", 0, 1), 2);
                study.optimize(t -> Double.NaN, 1);
            } finally {
                TunekitLogging.setVerbosity(System.Logger.Level.INFO);
            }
            assertThat(log.lines()).singleElement().asString().startsWith("WARNING Trial 2 failed");
        }
    }
}
