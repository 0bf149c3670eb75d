package io.tunekit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How {@link Study#optimize} runs: how many trials this call runs, for how long, on how many
 * threads, how long one trial may run, with which callbacks, which objective exceptions only
 * fail their trial, and a study-wide trial budget shared by every worker of the study. An
 * immutable value: each method returns a new instance, and two options with the same settings
 * are equal.
 *
 * <pre>{@code
 * OptimizeOptions.trials(100).parallelism(4).timeout(Duration.ofMinutes(30))
 * OptimizeOptions.unlimited().maxStudyTrials(500)   // all workers together stop at 500 trials
 * OptimizeOptions.trials(50).trialTimeout(Duration.ofMinutes(5))   // fail a trial that runs longer
 * }</pre>
 *
 * The loop ends at whichever comes first: this call's trial count, the timeout (checked before
 * each trial; a running trial is not interrupted by it), the study-wide budget,
 * {@link Study#stop()}, a sampler that has nothing left (a finished grid) or an objective
 * exception not caught.
 */
public final class OptimizeOptions {

    /** Every setting; the record gives the value semantics (equals, hashCode, toString). */
    private record Settings(
            OptionalInt trials,
            Optional<Duration> timeout,
            Optional<Duration> trialTimeout,
            int parallelism,
            List<TrialCallback> callbacks,
            List<Class<? extends Throwable>> catching,
            OptionalInt maxStudyTrials,
            ProgressDisplay progress) {

        Settings {
            callbacks = List.copyOf(callbacks);
            catching = List.copyOf(catching);
        }
    }

    /** Whether a progress line is drawn. */
    private enum ProgressDisplay {
        HIDDEN,
        SHOWN
    }

    private final Settings settings;

    private OptimizeOptions(Settings settings) {
        this.settings = settings;
    }

    private static OptimizeOptions of(OptionalInt trials) {
        return new OptimizeOptions(new Settings(
                trials,
                Optional.empty(),
                Optional.empty(),
                1,
                List.of(),
                List.of(),
                OptionalInt.empty(),
                ProgressDisplay.HIDDEN));
    }

    /**
     * Runs {@code n} trials in this call.
     *
     * @param n the number of trials
     * @return options with only the trial count set
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public static OptimizeOptions trials(int n) {
        return of(OptionalInt.of(positive("trials", n)));
    }

    /**
     * No trial count: the loop runs until a timeout, a budget, {@link Study#stop()} or an
     * exhausted sampler.
     *
     * @return options with nothing set
     */
    public static OptimizeOptions unlimited() {
        return of(OptionalInt.empty());
    }

    /**
     * Starts no new trial once {@code timeout} has passed since the loop started.
     *
     * @param timeout the loop's time limit
     * @return these options with the timeout
     * @throws IllegalArgumentException if the timeout is negative
     */
    public OptimizeOptions timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout=" + timeout + " must not be negative");
        }
        Settings s = settings;
        return new OptimizeOptions(new Settings(
                s.trials,
                Optional.of(timeout),
                s.trialTimeout,
                s.parallelism,
                s.callbacks,
                s.catching,
                s.maxStudyTrials,
                s.progress));
    }

    /**
     * Fails a trial whose objective runs longer than {@code limit}, a feature Optuna lacks: the
     * objective's thread is interrupted (a blocking call throws {@link InterruptedException}, a
     * loop that checks {@link Thread#interrupted()} can stop) and the trial becomes FAIL at once
     * with the reason in {@code fail_reason}; the loop goes on with the next trial. An objective
     * that ignores the interrupt keeps its thread busy until it returns: that is logged as a
     * warning, and its result is discarded.
     *
     * @param limit the longest a trial may run
     * @return these options with the per-trial timeout
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public OptimizeOptions trialTimeout(Duration limit) {
        Objects.requireNonNull(limit, "trialTimeout");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("trialTimeout=" + limit + " must be positive");
        }
        Settings s = settings;
        return new OptimizeOptions(new Settings(
                s.trials,
                s.timeout,
                Optional.of(limit),
                s.parallelism,
                s.callbacks,
                s.catching,
                s.maxStudyTrials,
                s.progress));
    }

    /**
     * Runs trials on {@code threads} threads at once (1: in the calling thread).
     *
     * @param threads the number of worker threads
     * @return these options with the parallelism
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public OptimizeOptions parallelism(int threads) {
        Settings s = settings;
        return new OptimizeOptions(new Settings(
                s.trials,
                s.timeout,
                s.trialTimeout,
                positive("parallelism", threads),
                s.callbacks,
                s.catching,
                s.maxStudyTrials,
                s.progress));
    }

    /**
     * Adds callbacks, called in order after each finished trial.
     *
     * @param more the callbacks to add after those already set
     * @return these options with the callbacks added
     */
    public OptimizeOptions callbacks(TrialCallback... more) {
        List<TrialCallback> all = new ArrayList<>(settings.callbacks);
        for (TrialCallback c : more) {
            all.add(Objects.requireNonNull(c, "callback"));
        }
        Settings s = settings;
        return new OptimizeOptions(new Settings(
                s.trials, s.timeout, s.trialTimeout, s.parallelism, all, s.catching, s.maxStudyTrials, s.progress));
    }

    /**
     * Objective exceptions of these types (and subtypes) fail their trial and the loop goes on;
     * any other exception fails its trial and ends {@code optimize}, which rethrows it.
     *
     * @param types the exception types to add
     * @return these options with the types added
     */
    @SafeVarargs
    public final OptimizeOptions catching(Class<? extends Throwable>... types) {
        List<Class<? extends Throwable>> all = new ArrayList<>(settings.catching);
        for (Class<? extends Throwable> t : types) {
            all.add(Objects.requireNonNull(t, "exception type"));
        }
        Settings s = settings;
        return new OptimizeOptions(new Settings(
                s.trials, s.timeout, s.trialTimeout, s.parallelism, s.callbacks, all, s.maxStudyTrials, s.progress));
    }

    /**
     * A budget for the whole study: no trial is created once the study holds {@code n} trials in
     * any state, counting those of every thread, process and machine. Enforced atomically by the
     * storage, so it never overshoots.
     *
     * @param n the most trials the study may hold
     * @return these options with the budget
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public OptimizeOptions maxStudyTrials(int n) {
        Settings s = settings;
        return new OptimizeOptions(new Settings(
                s.trials,
                s.timeout,
                s.trialTimeout,
                s.parallelism,
                s.callbacks,
                s.catching,
                OptionalInt.of(positive("maxStudyTrials", n)),
                s.progress));
    }

    /**
     * Shows a progress line on standard error (trials done, elapsed time, ETA, best value) while
     * the loop runs. It is drawn only when the JVM is attached to a terminal: redirected output
     * and CI logs stay clean.
     *
     * @param show whether to draw it
     * @return these options with the progress line shown or hidden
     */
    public OptimizeOptions progressBar(boolean show) {
        Settings s = settings;
        return new OptimizeOptions(new Settings(
                s.trials,
                s.timeout,
                s.trialTimeout,
                s.parallelism,
                s.callbacks,
                s.catching,
                s.maxStudyTrials,
                show ? ProgressDisplay.SHOWN : ProgressDisplay.HIDDEN));
    }

    /**
     * Whether a progress line was requested.
     *
     * @return true if {@link #progressBar(boolean)} asked for one
     */
    public boolean showsProgressBar() {
        return settings.progress == ProgressDisplay.SHOWN;
    }

    /**
     * This call's trial count, if set.
     *
     * @return the count, or empty for {@link #unlimited()}
     */
    public OptionalInt trialCount() {
        return settings.trials;
    }

    /**
     * The loop's timeout, if set.
     *
     * @return the timeout, or empty
     */
    public Optional<Duration> timeout() {
        return settings.timeout;
    }

    /**
     * The per-trial timeout, if set.
     *
     * @return the longest a trial may run, or empty
     */
    public Optional<Duration> trialTimeout() {
        return settings.trialTimeout;
    }

    /**
     * The number of worker threads.
     *
     * @return at least 1
     */
    public int parallelism() {
        return settings.parallelism;
    }

    /**
     * The callbacks, in order.
     *
     * @return an unmodifiable list
     */
    public List<TrialCallback> callbacks() {
        return settings.callbacks;
    }

    /**
     * The exception types that only fail their trial.
     *
     * @return an unmodifiable list
     */
    public List<Class<? extends Throwable>> catching() {
        return settings.catching;
    }

    /**
     * The study-wide budget, if set.
     *
     * @return the budget, or empty
     */
    public OptionalInt maxStudyTrials() {
        return settings.maxStudyTrials;
    }

    boolean catches(Throwable t) {
        for (Class<? extends Throwable> type : settings.catching) {
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

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizeOptions other && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    @Override
    public String toString() {
        return "OptimizeOptions" + settings.toString().substring("Settings".length());
    }
}
