package io.tunekit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How {@link Study#optimize} runs: how many trials this call runs, for how long, on how many
 * threads, with which callbacks, which objective exceptions only fail their trial, and a
 * study-wide trial budget shared by every worker of the study. Immutable: each method returns a
 * new instance.
 *
 * <pre>{@code
 * OptimizeOptions.trials(100).parallelism(4).timeout(Duration.ofMinutes(30))
 * OptimizeOptions.unlimited().maxStudyTrials(500)   // all workers together stop at 500 trials
 * }</pre>
 *
 * The loop ends at whichever comes first: this call's trial count, the timeout (checked before
 * each trial; a running trial is never interrupted), the study-wide budget, {@link Study#stop()},
 * a sampler that has nothing left (a finished grid) or an objective exception not caught.
 */
public final class OptimizeOptions {

    private final Integer trials;
    private final Duration timeout;
    private final int parallelism;
    private final List<TrialCallback> callbacks;
    private final List<Class<? extends Throwable>> catching;
    private final Integer maxStudyTrials;
    private final boolean progressBar;

    private OptimizeOptions(
            Integer trials,
            Duration timeout,
            int parallelism,
            List<TrialCallback> callbacks,
            List<Class<? extends Throwable>> catching,
            Integer maxStudyTrials,
            boolean progressBar) {
        this.trials = trials;
        this.timeout = timeout;
        this.parallelism = parallelism;
        this.callbacks = List.copyOf(callbacks);
        this.catching = List.copyOf(catching);
        this.maxStudyTrials = maxStudyTrials;
        this.progressBar = progressBar;
    }

    /**
     * Runs {@code n} trials in this call.
     *
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public static OptimizeOptions trials(int n) {
        return new OptimizeOptions(positive("trials", n), null, 1, List.of(), List.of(), null, false);
    }

    /** No trial count: the loop runs until a timeout, a budget, {@link Study#stop()} or an exhausted sampler. */
    public static OptimizeOptions unlimited() {
        return new OptimizeOptions(null, null, 1, List.of(), List.of(), null, false);
    }

    /**
     * Starts no new trial once {@code timeout} has passed since the loop started.
     *
     * @throws IllegalArgumentException if the timeout is negative
     */
    public OptimizeOptions timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout=" + timeout + " must not be negative");
        }
        return new OptimizeOptions(trials, timeout, parallelism, callbacks, catching, maxStudyTrials, progressBar);
    }

    /**
     * Runs trials on {@code threads} threads at once (1: in the calling thread).
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public OptimizeOptions parallelism(int threads) {
        return new OptimizeOptions(
                trials, timeout, positive("parallelism", threads), callbacks, catching, maxStudyTrials, progressBar);
    }

    /** Adds callbacks, called in order after each finished trial. */
    public OptimizeOptions callbacks(TrialCallback... more) {
        List<TrialCallback> all = new ArrayList<>(callbacks);
        for (TrialCallback c : more) {
            all.add(Objects.requireNonNull(c, "callback"));
        }
        return new OptimizeOptions(trials, timeout, parallelism, all, catching, maxStudyTrials, progressBar);
    }

    /**
     * Objective exceptions of these types (and subtypes) fail their trial and the loop goes on;
     * any other exception fails its trial and ends {@code optimize}, which rethrows it.
     */
    @SafeVarargs
    public final OptimizeOptions catching(Class<? extends Throwable>... types) {
        List<Class<? extends Throwable>> all = new ArrayList<>(catching);
        for (Class<? extends Throwable> t : types) {
            all.add(Objects.requireNonNull(t, "exception type"));
        }
        return new OptimizeOptions(trials, timeout, parallelism, callbacks, all, maxStudyTrials, progressBar);
    }

    /**
     * A budget for the whole study: no trial is created once the study holds {@code n} trials in
     * any state, counting those of every thread, process and machine. Enforced atomically by the
     * storage, so it never overshoots.
     *
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public OptimizeOptions maxStudyTrials(int n) {
        return new OptimizeOptions(
                trials, timeout, parallelism, callbacks, catching, positive("maxStudyTrials", n), progressBar);
    }

    /**
     * Shows a progress line on standard error (trials done, elapsed time, ETA, best value) while
     * the loop runs. It is drawn only when the JVM is attached to a terminal: redirected output
     * and CI logs stay clean.
     */
    public OptimizeOptions progressBar(boolean show) {
        return new OptimizeOptions(trials, timeout, parallelism, callbacks, catching, maxStudyTrials, show);
    }

    /** Whether a progress line was requested. */
    public boolean showsProgressBar() {
        return progressBar;
    }

    /** This call's trial count, if set. */
    public OptionalInt trialCount() {
        return trials == null ? OptionalInt.empty() : OptionalInt.of(trials);
    }

    /** The timeout, or {@code null}. */
    public Duration timeout() {
        return timeout;
    }

    /** The number of worker threads. */
    public int parallelism() {
        return parallelism;
    }

    /** The callbacks, in order. */
    public List<TrialCallback> callbacks() {
        return callbacks;
    }

    /** The exception types that only fail their trial. */
    public List<Class<? extends Throwable>> catching() {
        return catching;
    }

    /** The study-wide budget, if set. */
    public OptionalInt maxStudyTrials() {
        return maxStudyTrials == null ? OptionalInt.empty() : OptionalInt.of(maxStudyTrials);
    }

    boolean catches(Throwable t) {
        for (Class<? extends Throwable> type : catching) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int positive(String what, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + "=" + n + " must be > 0");
        }
        return n;
    }
}
