package io.tunekit;

import io.tunekit.storage.CreationGuard;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of {@link Study#optimize} (Optuna's {@code _optimize.py}): worker threads that ask,
 * run the objective and tell until the options say stop; heartbeats and per-trial timeouts while
 * a trial runs; one log line, the progress line and the callbacks after each trial; the first
 * objective exception that is not caught ends the loop and is rethrown.
 */
final class OptimizeLoop {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());
    private static final long BEST_REFRESH_NANOS = 1_000_000_000L;

    private final Study study;
    private final MultiObjective objective;
    private final OptimizeOptions options;
    private final List<CreationGuard> budget;
    private final long startNanos = System.nanoTime();
    private final long timeoutNanos;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Object bestLock = new Object();
    private FrozenTrial displayedBest;
    private long displayedBestRefreshed;
    private boolean bestRead;

    OptimizeLoop(Study study, MultiObjective objective, OptimizeOptions options) {
        this.study = study;
        this.objective = objective;
        this.options = options;
        this.budget = options.maxStudyTrials().isPresent()
                ? List.of(new CreationGuard.TrialLimit(options.maxStudyTrials().getAsInt()))
                : List.of();
        this.timeoutNanos = options.timeout().map(OptimizeLoop::saturatedNanos).orElse(Long.MAX_VALUE);
    }

    /** Runs the loop to its end; rethrows what ended it. */
    void run() {
        Optional<Heartbeats> heartbeats = Heartbeats.start(study.storage(), study.name());
        Optional<TrialTimeouts> timeouts = options.trialTimeout().map(limit -> new TrialTimeouts(study, limit));
        ProgressBar progress = ProgressBar.forTerminal(options.showsProgressBar(), options, startNanos);
        Runnable worker = () -> work(heartbeats, timeouts, progress);
        try {
            if (options.parallelism() == 1) {
                worker.run();
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(
                        options.parallelism(), Threads.daemon("tunekit-worker-" + study.name()));
                for (int i = 0; i < options.parallelism(); i++) {
                    pool.execute(worker);
                }
                pool.shutdown();
                Threads.awaitUninterruptibly(pool);
            }
        } finally {
            heartbeats.ifPresent(Heartbeats::close);
            timeouts.ifPresent(TrialTimeouts::close);
            progress.close(System.nanoTime());
        }
        Throwable error = failure.get();
        if (error instanceof RuntimeException re) {
            throw re;
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (error != null) {
            throw new TrialFailedException(-1, error);
        }
    }

    private void work(Optional<Heartbeats> heartbeats, Optional<TrialTimeouts> timeouts, ProgressBar progress) {
        try {
            while (!study.stopRequested()
                    && failure.get() == null
                    && System.nanoTime() - startNanos < timeoutNanos
                    && (options.trialCount().isEmpty()
                            || started.getAndIncrement() < options.trialCount().getAsInt())) {
                Trial trial;
                try {
                    trial = study.ask(budget);
                } catch (StudyExhaustedException e) {
                    LOG.log(Level.DEBUG, e.getMessage());
                    return;
                }
                runTrial(trial, heartbeats, timeouts, progress).ifPresent(error -> failure.compareAndSet(null, error));
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Runs one trial; returns the objective's exception if it must end the loop. */
    private Optional<Throwable> runTrial(
            Trial trial, Optional<Heartbeats> heartbeats, Optional<TrialTimeouts> timeouts, ProgressBar progress) {
        Optional<ScheduledFuture<?>> beat = heartbeats.map(h -> h.beatFor(trial));
        Optional<TrialTimeouts.Watch> watch = timeouts.map(t -> t.watch(trial));
        double[] values = null;
        Throwable error = null;
        boolean pruned = false;
        try {
            values = objective.evaluate(trial);
        } catch (TrialPrunedException e) {
            pruned = true;
        } catch (Throwable t) {
            error = t;
        } finally {
            beat.ifPresent(b -> b.cancel(false));
        }
        Outcome outcome;
        if (watch.isPresent() && watch.get().returned()) {
            outcome = Outcome.failed(watch.get().reason());
            error = null; // the timeout ended the trial; what the interrupted objective threw is its echo
        } else if (pruned) {
            outcome = Outcome.pruned();
        } else if (error != null) {
            outcome = Outcome.failed("The objective raised " + error);
        } else if (values == null) {
            outcome = Outcome.failed("The value null could not be cast to float.");
        } else {
            outcome = Outcome.complete(values);
        }
        FrozenTrial finished = study.tellRules().finish(trial.id(), outcome, TellRules.Teller.LOOP);
        FrozenTrial best = offerBest(finished);
        logFinished(finished, error, best);
        progress.trialFinished(best, System.nanoTime());
        for (TrialCallback callback : options.callbacks()) {
            callback.onTrialFinished(study, finished);
        }
        if (error == null || options.catches(error)) {
            return Optional.empty();
        }
        return Optional.of(
                error instanceof RuntimeException || error instanceof Error
                        ? error
                        : new TrialFailedException(trial.number(), error));
    }

    /**
     * The best trial shown in logs and on the progress line: updated with each trial this loop
     * finishes, and re-read from the storage at most once a second so that other workers' results
     * show up without a full scan of the study after every trial.
     */
    private FrozenTrial offerBest(FrozenTrial finished) {
        if (!study.isSingleObjective()) {
            return null;
        }
        synchronized (bestLock) {
            long now = System.nanoTime();
            if (!bestRead || now - displayedBestRefreshed >= BEST_REFRESH_NANOS) {
                displayedBest = BestTrials.best(study.directions(), study.trials(EnumSet.of(TrialState.COMPLETE)))
                        .orElse(null);
                displayedBestRefreshed = now;
                bestRead = true;
            } else if (finished.state() == TrialState.COMPLETE
                    && finished.isFeasible()
                    && (displayedBest == null || study.direction().isBetter(finished.value(), displayedBest.value()))) {
                displayedBest = finished;
            }
            return displayedBest;
        }
    }

    /** One line per finished trial: INFO for COMPLETE and PRUNED, WARNING (with the reason) for FAIL. */
    private void logFinished(FrozenTrial t, Throwable error, FrozenTrial best) {
        Level level = t.state() == TrialState.FAIL ? Level.WARNING : Level.INFO;
        if (!LOG.isLoggable(level)) {
            return;
        }
        String message;
        if (t.state() == TrialState.COMPLETE) {
            String values = study.isSingleObjective() ? "value: " + t.value() : "values: " + t.values();
            message = "Trial " + t.number() + " finished with " + values + " and parameters: " + t.params() + "."
                    + (best == null ? "" : " Best is trial " + best.number() + " with value: " + best.value() + ".");
        } else if (t.state() == TrialState.PRUNED) {
            message = "Trial " + t.number() + " pruned.";
        } else {
            message = "Trial " + t.number() + " failed with parameters: " + t.params()
                    + (t.systemAttrs().get(FrozenTrial.FAIL_REASON_KEY) instanceof String reason
                            ? " because of the following error: " + reason
                            : ".");
        }
        if (error != null && level == Level.WARNING) {
            LOG.log(level, message, error);
        } else {
            LOG.log(level, message);
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
