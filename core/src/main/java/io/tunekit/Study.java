package io.tunekit;

import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.pruner.NopPruner;
import io.tunekit.pruner.Pruner;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.storage.CreationGuard;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An optimisation task: a named set of trials in a storage, with a sampler that proposes
 * parameters and a pruner that stops weak trials. Trials are handed out by {@link #ask()} and
 * finished by {@link #tell}, or both are driven by {@link #optimize}.
 *
 * <p>One {@code Study} object per study and JVM is enough: it is thread-safe, and other
 * processes or machines work on the same study through a shared storage
 * ({@link Study#load(String, Storage)}).
 *
 * <pre>{@code
 * Study study = Study.builder().name("demo").direction(Direction.MINIMIZE).build();
 * study.optimize(trial -> {
 *     double x = trial.suggestFloat("x", -10, 10);
 *     return (x - 2) * (x - 2);
 * }, 100);
 * System.out.println(study.bestParams());
 * }</pre>
 */
public final class Study {

    private static final System.Logger LOG = System.getLogger(Study.class.getName());

    private final Storage storage;
    private final long studyId;
    private final String name;
    private final List<Direction> directions;
    private final Sampler sampler;
    private final Pruner pruner;
    private final TrialCallback staleTrialCallback;
    private final View view = new View();
    private final AtomicBoolean optimizing = new AtomicBoolean();
    private volatile boolean stopRequested;
    private final Object bestLock = new Object();
    private FrozenTrial displayedBest;
    private long displayedBestRefreshed = Long.MIN_VALUE;

    private Study(Builder b, long studyId, List<Direction> directions) {
        this.storage = b.storage;
        this.studyId = studyId;
        this.name = b.name;
        this.directions = List.copyOf(directions);
        this.sampler = b.sampler;
        this.pruner = b.pruner;
        this.staleTrialCallback = b.staleTrialCallback;
    }

    /** A builder to create or load a study. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads an existing study with the default sampler and pruner.
     *
     * @throws UnknownStudyException if the storage has no study of that name
     */
    public static Study load(String name, Storage storage) {
        return builder().name(name).storage(storage).load();
    }

    // ---------------------------------------------------------------- description

    /** The study's name. */
    public String name() {
        return name;
    }

    /** One direction per objective. */
    public List<Direction> directions() {
        return directions;
    }

    /**
     * The direction of a single-objective study.
     *
     * @throws IllegalStateException for a multi-objective study
     */
    public Direction direction() {
        if (directions.size() != 1) {
            throw new IllegalStateException(
                    "Study '" + name + "' has " + directions.size() + " objectives; use directions()");
        }
        return directions.get(0);
    }

    boolean isSingleObjective() {
        return directions.size() == 1;
    }

    Storage storage() {
        return storage;
    }

    Sampler sampler() {
        return sampler;
    }

    Pruner pruner() {
        return pruner;
    }

    /**
     * The study as samplers and pruners see it: its trials and attributes plus the writes they
     * may do. Useful for testing a custom sampler or pruner against a real study.
     */
    public StudyView view() {
        return view;
    }

    StudyView samplerView(FrozenTrial trial) {
        return pruner.samplerView(view, trial);
    }

    // ---------------------------------------------------------------- trials

    /** Snapshots of every trial, ordered by number. */
    public List<FrozenTrial> trials() {
        return storage.trials(studyId, EnumSet.allOf(TrialState.class));
    }

    /** Snapshots of the trials in the given states, ordered by number. */
    public List<FrozenTrial> trials(Set<TrialState> states) {
        return storage.trials(studyId, states);
    }

    /**
     * The trial with this number.
     *
     * @throws IllegalArgumentException if there is no such trial
     */
    public FrozenTrial trial(int number) {
        return storage.trial(storage.trialId(studyId, number));
    }

    /**
     * The best COMPLETE trial: among the feasible ones if constraints are set; the lowest number
     * wins a tie.
     *
     * @throws IllegalStateException if the study is multi-objective or no (feasible) trial is
     *     complete
     */
    public FrozenTrial bestTrial() {
        List<FrozenTrial> complete = trials(EnumSet.of(TrialState.COMPLETE));
        return BestTrials.best(directions, complete)
                .orElseThrow(() -> new IllegalStateException(
                        complete.isEmpty()
                                ? "No trials are completed yet in study '" + name + "'"
                                : "No feasible trials are completed yet in study '" + name + "'"));
    }

    /** The value of {@link #bestTrial()}. */
    public double bestValue() {
        return bestTrial().value();
    }

    /** The parameters of {@link #bestTrial()}. */
    public Map<String, Object> bestParams() {
        return bestTrial().params();
    }

    /** The Pareto front: COMPLETE feasible trials that no other such trial dominates. */
    public List<FrozenTrial> bestTrials() {
        return BestTrials.paretoFront(directions, trials(EnumSet.of(TrialState.COMPLETE)));
    }

    /** The study's user attributes. */
    public Map<String, Object> userAttrs() {
        return storage.studyUserAttrs(studyId);
    }

    /** Sets a study user attribute (a JSON value). */
    public void setUserAttr(String key, Object value) {
        storage.setStudyUserAttr(studyId, key, value);
    }

    // ---------------------------------------------------------------- ask and tell

    /**
     * Starts a trial: the oldest WAITING (enqueued or retried) trial if there is one, else a new
     * one with the next number.
     *
     * @throws StudyExhaustedException if the sampler's limits (a finished grid) allow no new trial
     */
    public Trial ask() {
        return ask(List.of());
    }

    /**
     * Starts a trial and suggests each given distribution right away, through the sampler.
     */
    public Trial ask(Map<String, ? extends Distribution> fixedDistributions) {
        Trial trial = ask();
        fixedDistributions.forEach(trial::suggest);
        return trial;
    }

    private Trial ask(List<CreationGuard> budget) {
        failStaleTrials();
        FrozenTrial started = storage.popWaitingTrial(studyId).orElseGet(() -> {
            List<CreationGuard> guards = new ArrayList<>(budget);
            guards.addAll(sampler.creationGuards(view));
            return storage.createTrial(studyId, null, guards).orElseThrow(() -> exhausted(guards));
        });
        sampler.beforeTrial(samplerView(started), started);
        return new Trial(this, started);
    }

    private void failStaleTrials() {
        if (storage.heartbeatInterval().isEmpty()) {
            return;
        }
        for (FrozenTrial failed : storage.failStaleTrials(studyId)) {
            LOG.log(
                    Level.WARNING,
                    "Trial {0} of study ''{1}'' failed: its worker stopped sending heartbeats.",
                    failed.number(),
                    name);
            if (staleTrialCallback != null) {
                staleTrialCallback.onTrialFinished(this, failed);
            }
        }
    }

    private StudyExhaustedException exhausted(List<CreationGuard> guards) {
        List<String> reasons = new ArrayList<>();
        for (CreationGuard guard : guards) {
            if (guard instanceof CreationGuard.TrialLimit limit && storage.trialCount(studyId) >= limit.maxTrials()) {
                reasons.add("the study-wide budget of " + limit.maxTrials() + " trials is used up");
            } else if (guard instanceof CreationGuard.Ticket ticket
                    && storage.studySystemAttrs(studyId).get(ticket.counterKey()) instanceof Number n
                    && n.longValue() >= ticket.limit()) {
                reasons.add("all " + ticket.limit() + " values of '" + ticket.counterKey()
                        + "' are taken (the sampler has no point left)");
            }
        }
        return new StudyExhaustedException("Study '" + name + "' cannot start a new trial: "
                + (reasons.isEmpty() ? "a creation guard refused " + guards : String.join("; ", reasons)));
    }

    /**
     * Finishes a trial with its objective value(s): COMPLETE if they are valid, else FAIL with
     * the reason kept in the system attribute {@code fail_reason} (a NaN, a wrong count).
     * Infinities are accepted.
     *
     * @throws IllegalArgumentException if no value is given
     * @throws IllegalStateException if the trial is already finished
     */
    public FrozenTrial tell(Trial trial, double... values) {
        return tell(trial.id(), null, values, false, null);
    }

    /** {@link #tell(Trial, double...)} for the trial with this number (e.g. asked elsewhere). */
    public FrozenTrial tell(int trialNumber, double... values) {
        return tell(storage.trialId(studyId, trialNumber), null, values, false, null);
    }

    /**
     * Finishes a trial as PRUNED (keeping its last intermediate value as its value) or FAIL.
     *
     * @throws IllegalArgumentException for COMPLETE (use {@link #tell(Trial, TrialState, double...)}) or an
     *     unfinished state
     */
    public FrozenTrial tell(Trial trial, TrialState state) {
        return tell(trial.id(), Objects.requireNonNull(state, "state"), null, false, null);
    }

    /** {@link #tell(Trial, TrialState)} for the trial with this number. */
    public FrozenTrial tell(int trialNumber, TrialState state) {
        return tell(storage.trialId(studyId, trialNumber), Objects.requireNonNull(state, "state"), null, false, null);
    }

    /**
     * Finishes a trial with an explicit state. COMPLETE needs valid values (a NaN or a wrong
     * count is an error and the trial stays RUNNING); PRUNED and FAIL take no values.
     */
    public FrozenTrial tell(Trial trial, TrialState state, double... values) {
        Objects.requireNonNull(state, "state");
        return tell(trial.id(), state, state == TrialState.COMPLETE || values.length > 0 ? values : null, false, null);
    }

    private FrozenTrial tell(
            long trialId, TrialState requested, double[] values, boolean skipIfFinished, String failReason) {
        FrozenTrial trial = storage.trial(trialId);
        if (trial.state().isFinished()) {
            if (skipIfFinished) {
                return trial;
            }
            throw new IllegalStateException("Cannot tell a " + trial.state() + " trial: trial " + trial.number()
                    + " of study '" + name + "' is already finished");
        }
        if (trial.state() == TrialState.WAITING) {
            throw new IllegalStateException(
                    "Cannot tell a WAITING trial: trial " + trial.number() + " has not been started (ask() starts it)");
        }
        TrialState state = requested;
        String reason = failReason;
        List<Double> told = List.of();
        if (state == null || state == TrialState.COMPLETE) {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException(
                        "tell of trial " + trial.number() + " needs values (or a PRUNED/FAIL state)");
            }
            String problem = invalidValues(values);
            if (problem == null) {
                state = TrialState.COMPLETE;
                told = Arrays.stream(values).boxed().toList();
            } else if (state == TrialState.COMPLETE) {
                throw new IllegalArgumentException("Cannot tell trial " + trial.number() + " COMPLETE: " + problem);
            } else {
                state = TrialState.FAIL;
                reason = problem;
                LOG.log(Level.WARNING, "Trial {0} failed because of the following error: {1}", trial.number(), problem);
            }
        } else if (state == TrialState.PRUNED || state == TrialState.FAIL) {
            if (values != null) {
                throw new IllegalArgumentException("A " + state + " tell must not have values, got "
                        + Arrays.toString(values) + " for trial " + trial.number());
            }
            if (state == TrialState.PRUNED
                    && isSingleObjective()
                    && !trial.intermediateValues().isEmpty()) {
                double last = trial.intermediateValues()
                        .get(trial.intermediateValues().lastKey());
                if (!Double.isNaN(last)) {
                    told = List.of(last);
                }
            }
        } else {
            throw new IllegalArgumentException(
                    "Cannot tell with state " + state + "; the state must be COMPLETE, PRUNED or FAIL");
        }
        if (reason != null) {
            storage.setTrialSystemAttr(trialId, FrozenTrial.FAIL_REASON_KEY, reason);
            trial = storage.trial(trialId);
        }
        RuntimeException samplerError = null;
        try {
            sampler.afterTrial(samplerView(trial), trial, state, told);
        } catch (RuntimeException e) {
            samplerError = e;
        }
        boolean finished = storage.finishTrial(trialId, state, told);
        if (samplerError != null) {
            throw samplerError;
        }
        FrozenTrial stored = storage.trial(trialId);
        if (!finished && !skipIfFinished) {
            throw new IllegalStateException("Cannot tell a " + stored.state() + " trial: trial " + stored.number()
                    + " was finished by another worker meanwhile");
        }
        return stored;
    }

    private String invalidValues(double[] values) {
        if (values.length != directions.size()) {
            return "The number of the values " + values.length + " did not match the number of the objectives "
                    + directions.size() + ".";
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                return "The value NaN is not acceptable.";
            }
        }
        return null;
    }

    /**
     * Adds a WAITING trial that the next {@link #ask()} runs with these parameter values;
     * parameters it does not fix are sampled as usual.
     */
    public void enqueueTrial(Map<String, ?> params) {
        enqueueTrial(params, Map.of(), false);
    }

    /**
     * Adds a WAITING trial with fixed parameter values and user attributes.
     *
     * @param skipIfExists do nothing if a trial with the same parameter names and values (numbers
     *     equal within a relative 1e-5) exists already
     */
    public void enqueueTrial(Map<String, ?> params, Map<String, ?> userAttrs, boolean skipIfExists) {
        Objects.requireNonNull(params, "params");
        Object fixed = JsonValues.copy(params);
        if (skipIfExists && hasTrialWith(params)) {
            LOG.log(Level.INFO, "Trial with params {0} already exists; not enqueued again.", params);
            return;
        }
        FrozenTrial.Builder template =
                FrozenTrial.builder().state(TrialState.WAITING).systemAttr(FrozenTrial.FIXED_PARAMS_KEY, fixed);
        userAttrs.forEach(template::userAttr);
        storage.createTrial(studyId, template.build(), List.of());
    }

    private boolean hasTrialWith(Map<String, ?> params) {
        for (FrozenTrial t : trials()) {
            Map<?, ?> existing =
                    t.systemAttrs().get(FrozenTrial.FIXED_PARAMS_KEY) instanceof Map<?, ?> m ? m : t.params();
            if (!existing.keySet().equals(params.keySet())) {
                continue;
            }
            boolean same = JsonValues.closeValue(params, existing);
            if (same) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a finished (or WAITING) trial built with {@link FrozenTrial#builder()}, e.g. results
     * known from elsewhere. It gets the next number.
     *
     * @throws IllegalArgumentException if the trial breaks a consistency rule or has the wrong
     *     number of values
     */
    public FrozenTrial addTrial(FrozenTrial trial) {
        trial.validate();
        if (trial.hasValues() && trial.values().size() != directions.size()) {
            throw new IllegalArgumentException("The added trial has "
                    + trial.values().size() + " values; study '" + name + "' has " + directions.size() + " objectives");
        }
        return storage.createTrial(studyId, trial, List.of()).orElseThrow();
    }

    // ---------------------------------------------------------------- optimize

    /** Runs {@code trials} trials of the objective in the calling thread. */
    public void optimize(Objective objective, int trials) {
        optimize(objective, OptimizeOptions.trials(trials));
    }

    /**
     * Runs the objective trial after trial until the options say stop.
     *
     * @throws RuntimeException what the objective threw (checked exceptions wrapped in
     *     {@link TrialFailedException}) unless its type is in {@link OptimizeOptions#catching}
     * @throws IllegalStateException if {@code optimize} is already running on this study
     */
    public void optimize(Objective objective, OptimizeOptions options) {
        Objects.requireNonNull(objective, "objective");
        run(trial -> new double[] {objective.evaluate(trial)}, options);
    }

    /** {@link #optimize(Objective, OptimizeOptions)} for a multi-objective function. */
    public void optimizeMulti(MultiObjective objective, OptimizeOptions options) {
        Objects.requireNonNull(objective, "objective");
        run(objective::evaluate, options);
    }

    /**
     * Asks the running {@link #optimize} loop (all its threads) to start no new trial; running
     * trials finish normally.
     *
     * @throws IllegalStateException if no {@code optimize} is running on this study
     */
    public void stop() {
        if (!optimizing.get()) {
            throw new IllegalStateException("stop() must be called while optimize() runs on study '" + name
                    + "' (from an objective, a callback or another thread)");
        }
        stopRequested = true;
    }

    private void run(MultiObjective objective, OptimizeOptions options) {
        Objects.requireNonNull(options, "options");
        if (!optimizing.compareAndSet(false, true)) {
            throw new IllegalStateException("optimize() is already running on study '" + name
                    + "'; nested or concurrent optimize calls on one Study object are not allowed");
        }
        stopRequested = false;
        long start = System.nanoTime();
        long timeoutNanos = options.timeout() == null ? Long.MAX_VALUE : saturatedNanos(options.timeout());
        AtomicInteger started = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CreationGuard> budget = options.maxStudyTrials().isPresent()
                ? List.of(new CreationGuard.TrialLimit(options.maxStudyTrials().getAsInt()))
                : List.of();
        Duration heartbeat = storage.heartbeatInterval().orElse(null);
        ScheduledExecutorService heartbeats = heartbeat == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(daemon("tunekit-heartbeat-" + name));
        ProgressBar progress = ProgressBar.forTerminal(options.showsProgressBar(), options, start);
        Runnable worker = () -> {
            try {
                while (!stopRequested
                        && failure.get() == null
                        && System.nanoTime() - start < timeoutNanos
                        && (options.trialCount().isEmpty()
                                || started.getAndIncrement()
                                        < options.trialCount().getAsInt())) {
                    Trial trial;
                    try {
                        trial = ask(budget);
                    } catch (StudyExhaustedException e) {
                        LOG.log(Level.DEBUG, e.getMessage());
                        return;
                    }
                    Throwable error = runTrial(trial, objective, options, heartbeats, heartbeat, progress);
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        try {
            if (options.parallelism() == 1) {
                worker.run();
            } else {
                ExecutorService pool =
                        Executors.newFixedThreadPool(options.parallelism(), daemon("tunekit-worker-" + name));
                for (int i = 0; i < options.parallelism(); i++) {
                    pool.execute(worker);
                }
                pool.shutdown();
                awaitUninterruptibly(pool);
            }
        } finally {
            if (heartbeats != null) {
                heartbeats.shutdownNow();
            }
            progress.close(System.nanoTime());
            optimizing.set(false);
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

    /** Runs one trial; returns the objective's exception if it must end the loop. */
    private Throwable runTrial(
            Trial trial,
            MultiObjective objective,
            OptimizeOptions options,
            ScheduledExecutorService heartbeats,
            Duration interval,
            ProgressBar progress) {
        ScheduledFuture<?> beat = heartbeats == null
                ? null
                : heartbeats.scheduleAtFixedRate(
                        () -> recordHeartbeat(trial), 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
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
            if (beat != null) {
                beat.cancel(false);
            }
        }
        FrozenTrial finished;
        if (pruned) {
            finished = tell(trial.id(), TrialState.PRUNED, null, true, null);
        } else if (error != null) {
            finished = tell(trial.id(), TrialState.FAIL, null, true, "The objective raised " + error);
        } else if (values == null) {
            finished = tell(trial.id(), TrialState.FAIL, null, true, "The value null could not be cast to float.");
        } else {
            finished = tell(trial.id(), null, values, true, null);
        }
        FrozenTrial best = offerBest(finished);
        logFinished(finished, error, best);
        progress.trialFinished(best, System.nanoTime());
        for (TrialCallback callback : options.callbacks()) {
            callback.onTrialFinished(this, finished);
        }
        if (error == null || options.catches(error)) {
            return null;
        }
        return error instanceof RuntimeException || error instanceof Error
                ? error
                : new TrialFailedException(trial.number(), error);
    }

    private void recordHeartbeat(Trial trial) {
        try {
            storage.recordHeartbeat(trial.id());
        } catch (RuntimeException e) {
            // A missed beat must never kill the heartbeat: the next one may well succeed, and a
            // silent heartbeat thread would get a live worker's trial failed as stale.
            LOG.log(
                    Level.WARNING,
                    "Heartbeat of trial " + trial.number() + " failed; retrying at the next interval",
                    e);
        }
    }

    /**
     * The best trial shown in logs and on the progress line: updated with each trial this object
     * finishes, and re-read from the storage at most once a second so that other workers' results
     * show up without a full scan of the study after every trial.
     */
    private FrozenTrial offerBest(FrozenTrial finished) {
        if (!isSingleObjective()) {
            return null;
        }
        synchronized (bestLock) {
            long now = System.nanoTime();
            if (now - displayedBestRefreshed >= 1_000_000_000L || displayedBestRefreshed == Long.MIN_VALUE) {
                displayedBest = BestTrials.best(directions, trials(EnumSet.of(TrialState.COMPLETE)))
                        .orElse(null);
                displayedBestRefreshed = now;
            } else if (finished.state() == TrialState.COMPLETE
                    && finished.isFeasible()
                    && (displayedBest == null || direction().isBetter(finished.value(), displayedBest.value()))) {
                displayedBest = finished;
            }
            return displayedBest;
        }
    }

    private void logFinished(FrozenTrial t, Throwable error, FrozenTrial best) {
        Level level = t.state() == TrialState.FAIL ? Level.WARNING : Level.INFO;
        if (!LOG.isLoggable(level)) {
            return;
        }
        String message;
        if (t.state() == TrialState.COMPLETE) {
            String values = isSingleObjective() ? "value: " + t.value() : "values: " + t.values();
            message = "Trial " + t.number() + " finished with " + values + " and parameters: " + t.params() + "."
                    + (best == null ? "" : " Best is trial " + best.number() + " with value: " + best.value() + ".");
        } else if (t.state() == TrialState.PRUNED) {
            message = "Trial " + t.number() + " pruned.";
        } else {
            message = "Trial " + t.number() + " " + t.state().name().toLowerCase() + " with parameters: " + t.params()
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

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void awaitUninterruptibly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Study[name=" + name + ", directions=" + directions + "]";
    }

    /** The study as samplers and pruners see it. */
    private final class View implements StudyView {
        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Direction> directions() {
            return directions;
        }

        @Override
        public List<FrozenTrial> trials(Set<TrialState> states) {
            return storage.trials(studyId, states);
        }

        @Override
        public Map<String, Object> systemAttrs() {
            return storage.studySystemAttrs(studyId);
        }

        @Override
        public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
            return storage.compareAndSetStudySystemAttr(studyId, key, expected, value);
        }

        @Override
        public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
            storage.setTrialSystemAttr(trial.id(), key, value);
        }

        @Override
        public void stop() {
            if (optimizing.get()) {
                stopRequested = true;
            }
        }
    }

    /**
     * Creates or loads a study. Defaults: a generated unique name, one MINIMIZE objective, a
     * {@link RandomSampler}, a {@link NopPruner} and a new {@link InMemoryStorage}.
     */
    public static final class Builder {
        private String name;
        private List<Direction> directions;
        private Sampler sampler = new RandomSampler();
        private Pruner pruner = new NopPruner();
        private Storage storage;
        private boolean loadIfExists;
        private TrialCallback staleTrialCallback;

        private Builder() {}

        /** The study's name (unique in its storage). */
        public Builder name(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("study name must be non-empty");
            }
            this.name = name;
            return this;
        }

        /** A single objective's direction. */
        public Builder direction(Direction direction) {
            return directions(direction);
        }

        /** One direction per objective (several: a multi-objective study). */
        public Builder directions(Direction... directions) {
            if (directions.length == 0) {
                throw new IllegalArgumentException("a study needs at least one direction");
            }
            for (Direction d : directions) {
                Objects.requireNonNull(d, "direction");
            }
            this.directions = List.of(directions);
            return this;
        }

        /** The sampler (default {@link RandomSampler}). */
        public Builder sampler(Sampler sampler) {
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /** The pruner (default {@link NopPruner}). */
        public Builder pruner(Pruner pruner) {
            this.pruner = Objects.requireNonNull(pruner, "pruner");
            return this;
        }

        /** The storage (default: a new {@link InMemoryStorage}). */
        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** Whether {@link #build()} loads the study if its name exists instead of failing. */
        public Builder loadIfExists(boolean loadIfExists) {
            this.loadIfExists = loadIfExists;
            return this;
        }

        /**
         * Called for each trial this study fails because its worker stopped sending heartbeats
         * (storages with heartbeats only), e.g. {@link RetryFailedTrialCallback}.
         */
        public Builder staleTrialCallback(TrialCallback callback) {
            this.staleTrialCallback = Objects.requireNonNull(callback, "callback");
            return this;
        }

        /**
         * Creates the study, or loads it if it exists and {@link #loadIfExists} is set. Several
         * processes may race to create the same study; one creates it, the others load it.
         *
         * @throws DuplicatedStudyException if the name exists and {@code loadIfExists} is not set
         * @throws IllegalArgumentException if directions were given and differ from the stored ones
         */
        public Study build() {
            if (storage == null) {
                storage = new InMemoryStorage();
            }
            if (name == null) {
                name = "no-name-" + UUID.randomUUID();
            }
            List<Direction> wanted = directions == null ? List.of(Direction.MINIMIZE) : directions;
            try {
                return new Study(this, storage.createStudy(name, wanted), wanted);
            } catch (DuplicatedStudyException e) {
                if (!loadIfExists) {
                    throw new DuplicatedStudyException(
                            e.studyName(),
                            e.getMessage() + " (load it with Study.load, or build with loadIfExists(true))");
                }
                return load();
            }
        }

        /**
         * Loads an existing study.
         *
         * @throws UnknownStudyException if the storage has no study of this name
         * @throws IllegalArgumentException if directions were given and differ from the stored ones
         */
        public Study load() {
            if (name == null) {
                throw new IllegalArgumentException("load() needs the study name");
            }
            if (storage == null) {
                throw new IllegalArgumentException("load() needs the storage that holds study '" + name + "'");
            }
            long id = storage.findStudy(name).orElseThrow(() -> new UnknownStudyException("named '" + name + "'"));
            List<Direction> stored = storage.studyDirections(id);
            if (directions != null && !directions.equals(stored)) {
                throw new IllegalArgumentException(
                        "Study '" + name + "' has directions " + stored + ", not the requested " + directions);
            }
            return new Study(this, id, stored);
        }
    }
}
