package io.tunekit;

import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.pruner.NopPruner;
import io.tunekit.pruner.Pruner;
import io.tunekit.sampler.Sampler;
import io.tunekit.storage.CreationGuard;
import io.tunekit.storage.DuplicatedStudyException;
import io.tunekit.storage.InMemoryStorage;
import io.tunekit.storage.Storage;
import io.tunekit.storage.UnknownStudyException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final Optional<TrialCallback> staleTrialCallback;
    private final LiveStudyView view;
    private final TellRules tellRules = new TellRules(this);
    private final AtomicBoolean optimizing = new AtomicBoolean();
    private volatile boolean stopRequested;

    private Study(Builder b, Storage storage, String name, long studyId, List<Direction> directions, Sampler sampler) {
        this.storage = storage;
        this.studyId = studyId;
        this.name = name;
        this.directions = List.copyOf(directions);
        this.sampler = sampler;
        this.pruner = b.pruner;
        this.staleTrialCallback = b.staleTrialCallback;
        this.view = new LiveStudyView(this);
    }

    /**
     * A builder to create or load a study.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads an existing study with the default sampler and pruner.
     *
     * @param name the study's name
     * @param storage the storage that holds it
     * @return the study
     * @throws UnknownStudyException if the storage has no study of that name
     */
    public static Study load(String name, Storage storage) {
        return builder().name(name).storage(storage).load();
    }

    // ---------------------------------------------------------------- description

    /**
     * The study's name.
     *
     * @return the name, unique in its storage
     */
    public String name() {
        return name;
    }

    /**
     * One direction per objective.
     *
     * @return an unmodifiable list
     */
    public List<Direction> directions() {
        return directions;
    }

    /**
     * The direction of a single-objective study.
     *
     * @return the direction
     * @throws IllegalStateException for a multi-objective study
     */
    public Direction direction() {
        if (directions.size() != 1) {
            throw new IllegalStateException(
                    "Study '" + name + "' has " + directions.size() + " objectives; use directions()");
        }
        return directions.get(0);
    }

    /**
     * The sampler that proposes this study's parameters.
     *
     * @return the sampler given to the builder, or the default one (TPE when the samplers module
     *     is on the class path, random search otherwise)
     */
    public Sampler sampler() {
        return sampler;
    }

    /**
     * The pruner that decides {@link Trial#shouldPrune()}.
     *
     * @return the pruner given to the builder, or a {@link NopPruner}
     */
    public Pruner pruner() {
        return pruner;
    }

    boolean isSingleObjective() {
        return directions.size() == 1;
    }

    Storage storage() {
        return storage;
    }

    long studyId() {
        return studyId;
    }

    TellRules tellRules() {
        return tellRules;
    }

    /**
     * The study as samplers and pruners see it: its trials and attributes plus the writes they
     * may do. Useful for testing a custom sampler or pruner against a real study.
     *
     * @return the live view
     */
    public StudyView view() {
        return view;
    }

    StudyView samplerView(FrozenTrial trial) {
        return pruner.samplerView(view, trial);
    }

    // ---------------------------------------------------------------- trials

    /**
     * Snapshots of every trial, ordered by number.
     *
     * @return an unmodifiable list
     */
    public List<FrozenTrial> trials() {
        return storage.trials(studyId, EnumSet.allOf(TrialState.class));
    }

    /**
     * Snapshots of the trials in the given states, ordered by number.
     *
     * @param states the states to list
     * @return an unmodifiable list
     */
    public List<FrozenTrial> trials(Set<TrialState> states) {
        return storage.trials(studyId, states);
    }

    /**
     * The trial with this number.
     *
     * @param number the trial's number
     * @return its snapshot
     * @throws IllegalArgumentException if there is no such trial
     */
    public FrozenTrial trial(int number) {
        return storage.trial(storage.trialId(studyId, number));
    }

    /**
     * The best COMPLETE trial: among the feasible ones if constraints are set; the lowest number
     * wins a tie. {@link Studies#summaries} names the same trial.
     *
     * @return the best trial
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

    /**
     * The value of {@link #bestTrial()}.
     *
     * @return the best value
     */
    public double bestValue() {
        return bestTrial().value();
    }

    /**
     * The parameters of {@link #bestTrial()}.
     *
     * @return the best trial's parameters
     */
    public Map<String, Object> bestParams() {
        return bestTrial().params();
    }

    /**
     * The Pareto front: COMPLETE feasible trials that no other such trial dominates.
     *
     * @return the front, by number
     */
    public List<FrozenTrial> bestTrials() {
        return BestTrials.paretoFront(directions, trials(EnumSet.of(TrialState.COMPLETE)));
    }

    /**
     * The study's user attributes.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> userAttrs() {
        return storage.studyUserAttrs(studyId);
    }

    /**
     * Sets a study user attribute.
     *
     * @param key the attribute's key
     * @param value a JSON value
     */
    public void setUserAttr(String key, Object value) {
        storage.setStudyUserAttr(studyId, key, value);
    }

    // ---------------------------------------------------------------- ask and tell

    /**
     * Starts a trial: the oldest WAITING (enqueued or retried) trial if there is one, else a new
     * one with the next number.
     *
     * @return the running trial
     * @throws StudyExhaustedException if the sampler's limits (a finished grid) allow no new trial
     */
    public Trial ask() {
        return ask(List.of());
    }

    /**
     * Starts a trial and suggests each given distribution right away, through the sampler.
     *
     * @param fixedDistributions the parameters to suggest at once
     * @return the running trial
     */
    public Trial ask(Map<String, ? extends Distribution> fixedDistributions) {
        Trial trial = ask();
        fixedDistributions.forEach(trial::suggest);
        return trial;
    }

    /** Starts a trial, creating one only while the budget guards hold. */
    Trial ask(List<CreationGuard> budget) {
        Heartbeats.failStaleTrials(this, staleTrialCallback);
        FrozenTrial started = storage.popWaitingTrial(studyId).orElseGet(() -> {
            List<CreationGuard> guards = new ArrayList<>(budget);
            guards.addAll(sampler.creationGuards(view));
            return storage.createTrial(studyId, null, guards).orElseThrow(() -> exhausted(guards));
        });
        sampler.beforeTrial(samplerView(started), started);
        return new Trial(this, started);
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
     * @param trial a trial this study asked
     * @param values one value per objective
     * @return the finished trial
     * @throws IllegalArgumentException if no value is given, or the trial belongs to another study
     * @throws IllegalStateException if the trial is already finished
     */
    public FrozenTrial tell(Trial trial, double... values) {
        return tellRules.finish(ownId(trial), Outcome.complete(values), TellRules.Teller.USER);
    }

    /**
     * {@link #tell(Trial, double...)} for the trial with this number (e.g. asked elsewhere).
     *
     * @param trialNumber the trial's number in this study
     * @param values one value per objective
     * @return the finished trial
     */
    public FrozenTrial tell(int trialNumber, double... values) {
        return tellRules.finish(storage.trialId(studyId, trialNumber), Outcome.complete(values), TellRules.Teller.USER);
    }

    /**
     * Finishes a trial as PRUNED (keeping its last intermediate value as its value) or FAIL.
     *
     * @param trial a trial this study asked
     * @param state PRUNED or FAIL
     * @return the finished trial
     * @throws IllegalArgumentException for COMPLETE (use {@link #tell(Trial, TrialState, double...)}), an
     *     unfinished state, or a trial of another study
     */
    public FrozenTrial tell(Trial trial, TrialState state) {
        return tell(trial, state, new double[0]);
    }

    /**
     * {@link #tell(Trial, TrialState)} for the trial with this number.
     *
     * @param trialNumber the trial's number in this study
     * @param state PRUNED or FAIL
     * @return the finished trial
     */
    public FrozenTrial tell(int trialNumber, TrialState state) {
        Objects.requireNonNull(state, "state");
        return tellRules.finish(
                storage.trialId(studyId, trialNumber), Outcome.of(state, trialNumber), TellRules.Teller.USER);
    }

    /**
     * Finishes a trial with an explicit state. COMPLETE needs valid values (a NaN or a wrong
     * count is an error and the trial stays RUNNING); PRUNED and FAIL take no values.
     *
     * @param trial a trial this study asked
     * @param state COMPLETE, PRUNED or FAIL
     * @param values the values of a COMPLETE trial
     * @return the finished trial
     */
    public FrozenTrial tell(Trial trial, TrialState state, double... values) {
        Objects.requireNonNull(state, "state");
        long id = ownId(trial);
        return tellRules.finish(id, Outcome.of(state, trial.number(), values), TellRules.Teller.USER);
    }

    /** The trial's id, if this study asked it (any {@code Study} object of the same study will do). */
    private long ownId(Trial trial) {
        Study owner = trial.study();
        if (owner.storage != storage || owner.studyId != studyId) {
            throw new IllegalArgumentException("Cannot tell trial " + trial.number() + " of study '" + owner.name
                    + "' through study '" + name + "'" + (owner.storage == storage ? "" : " in another storage")
                    + ": tell a trial through the study that asked it");
        }
        return trial.id();
    }

    /**
     * Adds a WAITING trial that the next {@link #ask()} runs with these parameter values;
     * parameters it does not fix are sampled as usual.
     *
     * @param params parameter values by name (enum constants are stored by name)
     */
    public void enqueueTrial(Map<String, ?> params) {
        enqueueTrial(params, Map.of(), false);
    }

    /**
     * Adds a WAITING trial with fixed parameter values and user attributes.
     *
     * @param params parameter values by name
     * @param userAttrs user attributes of the new trial
     * @param skipIfExists do nothing if a trial with the same parameter names and values (numbers
     *     equal within a relative 1e-5) exists already
     */
    public void enqueueTrial(Map<String, ?> params, Map<String, ?> userAttrs, boolean skipIfExists) {
        Objects.requireNonNull(params, "params");
        Object fixed = JsonValues.copy(params);
        if (skipIfExists && EnqueuedParams.alreadyTried(trials(), (Map<?, ?>) fixed)) {
            LOG.log(Level.INFO, "Trial with params {0} already exists; not enqueued again.", params);
            return;
        }
        FrozenTrial.Builder template =
                FrozenTrial.builder().state(TrialState.WAITING).systemAttr(FrozenTrial.FIXED_PARAMS_KEY, fixed);
        userAttrs.forEach(template::userAttr);
        storage.createTrial(studyId, template.build(), List.of());
    }

    /**
     * Adds a finished (or WAITING) trial built with {@link FrozenTrial#builder()}, e.g. results
     * known from elsewhere. It gets the next number.
     *
     * @param trial the trial to add
     * @return the trial as stored
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

    /**
     * Runs {@code trials} trials of the objective in the calling thread.
     *
     * @param objective the function to optimise
     * @param trials how many trials to run
     */
    public void optimize(Objective objective, int trials) {
        optimize(objective, OptimizeOptions.trials(trials));
    }

    /**
     * Runs the objective trial after trial until the options say stop.
     *
     * @param objective the function to optimise
     * @param options how long, on how many threads, with which callbacks
     * @throws RuntimeException what the objective threw (checked exceptions wrapped in
     *     {@link TrialFailedException}) unless its type is in {@link OptimizeOptions#catching}
     * @throws IllegalStateException if {@code optimize} is already running on this study
     */
    public void optimize(Objective objective, OptimizeOptions options) {
        Objects.requireNonNull(objective, "objective");
        run(trial -> new double[] {objective.evaluate(trial)}, options);
    }

    /**
     * {@link #optimize(Objective, OptimizeOptions)} for a multi-objective function.
     *
     * @param objective the function to optimise, one value per direction
     * @param options how long, on how many threads, with which callbacks
     */
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

    /** Asks a running loop to stop; nothing outside one (the view's {@link StudyView#stop()}). */
    void stopIfOptimizing() {
        if (optimizing.get()) {
            stopRequested = true;
        }
    }

    boolean stopRequested() {
        return stopRequested;
    }

    private void run(MultiObjective objective, OptimizeOptions options) {
        Objects.requireNonNull(options, "options");
        if (!optimizing.compareAndSet(false, true)) {
            throw new IllegalStateException("optimize() is already running on study '" + name
                    + "'; nested or concurrent optimize calls on one Study object are not allowed");
        }
        stopRequested = false;
        try {
            new OptimizeLoop(this, objective, options).run();
        } finally {
            optimizing.set(false);
        }
    }

    @Override
    public String toString() {
        return "Study[name=" + name + ", directions=" + directions + "]";
    }

    /**
     * Creates or loads a study. Defaults: a generated unique name, one MINIMIZE objective, the
     * default sampler (a {@code TpeSampler} when tunekit-samplers is on the class path, else a
     * {@link io.tunekit.sampler.RandomSampler}), a {@link NopPruner} and a new
     * {@link InMemoryStorage}. {@link #build()} and {@link #load()} leave the builder as it was,
     * so a builder may be reused: each build without a storage or name gets new ones.
     */
    public static final class Builder {
        private Optional<String> name = Optional.empty();
        private Optional<List<Direction>> directions = Optional.empty();
        private Optional<Sampler> sampler = Optional.empty();
        private Pruner pruner = new NopPruner();
        private Optional<Storage> storage = Optional.empty();
        private boolean loadIfExists;
        private Optional<TrialCallback> staleTrialCallback = Optional.empty();

        private Builder() {}

        /**
         * The study's name (unique in its storage).
         *
         * @param name a non-empty name
         * @return this builder
         */
        public Builder name(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("study name must be non-empty");
            }
            this.name = Optional.of(name);
            return this;
        }

        /**
         * A single objective's direction.
         *
         * @param direction MINIMIZE or MAXIMIZE
         * @return this builder
         */
        public Builder direction(Direction direction) {
            return directions(direction);
        }

        /**
         * One direction per objective (several: a multi-objective study).
         *
         * @param directions at least one direction
         * @return this builder
         */
        public Builder directions(Direction... directions) {
            if (directions.length == 0) {
                throw new IllegalArgumentException("a study needs at least one direction");
            }
            for (Direction d : directions) {
                Objects.requireNonNull(d, "direction");
            }
            this.directions = Optional.of(List.of(directions));
            return this;
        }

        /**
         * The sampler (default: TPE when tunekit-samplers is on the class path, else random).
         *
         * @param sampler the sampler
         * @return this builder
         */
        public Builder sampler(Sampler sampler) {
            this.sampler = Optional.of(Objects.requireNonNull(sampler, "sampler"));
            return this;
        }

        /**
         * The pruner (default {@link NopPruner}).
         *
         * @param pruner the pruner
         * @return this builder
         */
        public Builder pruner(Pruner pruner) {
            this.pruner = Objects.requireNonNull(pruner, "pruner");
            return this;
        }

        /**
         * The storage (default: a new {@link InMemoryStorage} for each build).
         *
         * @param storage the storage
         * @return this builder
         */
        public Builder storage(Storage storage) {
            this.storage = Optional.of(Objects.requireNonNull(storage, "storage"));
            return this;
        }

        /**
         * Whether {@link #build()} loads the study if its name exists instead of failing.
         *
         * @param loadIfExists true to load an existing study
         * @return this builder
         */
        public Builder loadIfExists(boolean loadIfExists) {
            this.loadIfExists = loadIfExists;
            return this;
        }

        /**
         * Called for each trial this study fails because its worker stopped sending heartbeats
         * (storages with heartbeats only), e.g. {@link RetryFailedTrialCallback}.
         *
         * @param callback the callback
         * @return this builder
         */
        public Builder staleTrialCallback(TrialCallback callback) {
            this.staleTrialCallback = Optional.of(Objects.requireNonNull(callback, "callback"));
            return this;
        }

        /**
         * Creates the study, or loads it if it exists and {@link #loadIfExists} is set. Several
         * processes may race to create the same study; one creates it, the others load it.
         *
         * @return the study
         * @throws DuplicatedStudyException if the name exists and {@code loadIfExists} is not set
         * @throws IllegalArgumentException if directions were given and differ from the stored ones
         * @throws UnsupportedOperationException if the sampler cannot serve such a study
         */
        public Study build() {
            Storage target = storage.orElseGet(InMemoryStorage::new);
            String studyName = name.orElseGet(() -> "no-name-" + UUID.randomUUID());
            List<Direction> wanted = directions.orElse(List.of(Direction.MINIMIZE));
            Sampler chosen = sampler.orElseGet(DefaultSampler::create);
            chosen.checkStudy(studyName, wanted);
            try {
                return new Study(this, target, studyName, target.createStudy(studyName, wanted), wanted, chosen);
            } catch (DuplicatedStudyException e) {
                if (!loadIfExists) {
                    throw new DuplicatedStudyException(
                            e.studyName(),
                            e.getMessage() + " (load it with Study.load, or build with loadIfExists(true))");
                }
                return load(target, studyName, chosen);
            }
        }

        /**
         * Loads an existing study.
         *
         * @return the study
         * @throws UnknownStudyException if the storage has no study of this name
         * @throws IllegalArgumentException if directions were given and differ from the stored ones
         * @throws UnsupportedOperationException if the sampler cannot serve the study
         */
        public Study load() {
            String studyName = name.orElseThrow(() -> new IllegalArgumentException("load() needs the study name"));
            Storage source = storage.orElseThrow(() ->
                    new IllegalArgumentException("load() needs the storage that holds study '" + studyName + "'"));
            return load(source, studyName, sampler.orElseGet(DefaultSampler::create));
        }

        private Study load(Storage source, String studyName, Sampler chosen) {
            long id = source.findStudy(studyName)
                    .orElseThrow(() -> new UnknownStudyException("named '" + studyName + "'"));
            List<Direction> stored = source.studyDirections(id);
            if (directions.isPresent() && !directions.get().equals(stored)) {
                throw new IllegalArgumentException("Study '" + studyName + "' has directions " + stored
                        + ", not the requested " + directions.get());
            }
            chosen.checkStudy(studyName, stored);
            return new Study(this, source, studyName, id, stored, chosen);
        }
    }
}
