package io.tunekit;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.DistributionRuleException;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.sampler.Sampler;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The live handle an objective receives: it defines the search space while the objective runs
 * (define-by-run), reports intermediate values and records attributes.
 *
 * <p>A suggestion resolves in Optuna's order: a name already suggested in this trial returns its
 * first value (a different kind, log flag or choice list is an error); an enqueued value is used
 * as given; a single-valued distribution needs no sampler; then the sampler's joint (relative)
 * proposal, computed once per trial at the first suggestion that needs it; else an independent
 * sample. Across trials a parameter's range may change, its kind may not.
 *
 * <p>A trial is meant for one objective call; its methods are thread-safe.
 */
public final class Trial {

    private static final System.Logger LOG = System.getLogger(Trial.class.getName());

    private final Study study;
    private final long id;
    private final int number;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final EnqueuedParams enqueued;
    private final Set<Integer> reportedSteps = new HashSet<>();
    private final Set<String> constraintKeys = new HashSet<>();
    private boolean relativeSampled;
    private Map<String, Distribution> relativeSearchSpace = Map.of();
    private Map<String, Double> relativeParams = Map.of();

    Trial(Study study, FrozenTrial snapshot) {
        this.study = study;
        this.id = snapshot.id();
        this.number = snapshot.number();
        params.putAll(snapshot.params());
        distributions.putAll(snapshot.distributions());
        reportedSteps.addAll(snapshot.intermediateValues().keySet());
        constraintKeys.addAll(snapshot.constraints().keySet());
        this.enqueued = EnqueuedParams.of(snapshot);
    }

    /** The trial's number within its study. */
    public int number() {
        return number;
    }

    long id() {
        return id;
    }

    /** The study this trial belongs to. */
    public Study study() {
        return study;
    }

    /**
     * A float in {@code [low, high]}.
     *
     * @param name the parameter's name
     * @param low the lower bound
     * @param high the upper bound, {@code >= low}
     * @return the value
     * @throws IllegalArgumentException naming the parameter and the rule if the range is invalid
     */
    public double suggestFloat(String name, double low, double high) {
        return (Double) suggest(name, checked(name, () -> FloatDistribution.of(low, high)));
    }

    /**
     * A float on the grid {@code low, low + step, ...} up to {@code high}.
     *
     * @param name the parameter's name
     * @param low the lower bound
     * @param high the upper bound
     * @param step the grid step, {@code > 0}
     * @return the value
     * @throws IllegalArgumentException naming the parameter and the rule if the range is invalid
     */
    public double suggestFloat(String name, double low, double high, double step) {
        return (Double) suggest(name, checked(name, () -> FloatDistribution.stepped(low, high, step)));
    }

    /**
     * A float in {@code [low, high]}, sampled on a log scale ({@code low > 0}).
     *
     * @param name the parameter's name
     * @param low the lower bound, {@code > 0}
     * @param high the upper bound
     * @return the value
     * @throws IllegalArgumentException naming the parameter and the rule if the range is invalid
     */
    public double suggestLogFloat(String name, double low, double high) {
        return (Double) suggest(name, checked(name, () -> FloatDistribution.logScale(low, high)));
    }

    /**
     * An integer in {@code [low, high]}.
     *
     * @param name the parameter's name
     * @param low the lower bound
     * @param high the upper bound, {@code >= low}
     * @return the value
     * @throws IllegalArgumentException naming the parameter and the rule if the range is invalid
     */
    public int suggestInt(String name, int low, int high) {
        return (Integer) suggest(name, checked(name, () -> IntDistribution.of(low, high)));
    }

    /**
     * An integer on the grid {@code low, low + step, ...} up to {@code high}.
     *
     * @param name the parameter's name
     * @param low the lower bound
     * @param high the upper bound
     * @param step the grid step, {@code >= 1}
     * @return the value
     * @throws IllegalArgumentException naming the parameter and the rule if the range is invalid
     */
    public int suggestInt(String name, int low, int high, int step) {
        return (Integer) suggest(name, checked(name, () -> IntDistribution.stepped(low, high, step)));
    }

    /**
     * An integer in {@code [low, high]}, sampled on a log scale ({@code low >= 1}).
     *
     * @param name the parameter's name
     * @param low the lower bound, {@code >= 1}
     * @param high the upper bound
     * @return the value
     * @throws IllegalArgumentException naming the parameter and the rule if the range is invalid
     */
    public int suggestLogInt(String name, int low, int high) {
        return (Integer) suggest(name, checked(name, () -> IntDistribution.logScale(low, high)));
    }

    /**
     * One of the choices, returned as the element of {@code choices} itself, so the type is the
     * list's: {@code int units = trial.suggestCategorical("units", List.of(32, 64, 128))}.
     * Choices are null, Boolean, Integer, Long, Float or Double, String, or enum constants. In
     * the storage an enum constant is its name (Optuna sees a string) and a Float is a double.
     *
     * @param name the parameter's name
     * @param choices distinct choices, in order
     * @param <T> the choices' type
     * @return the chosen element
     * @throws IllegalArgumentException naming the parameter if the list is empty, holds a choice
     *     twice or holds an unsupported type
     */
    public <T> T suggestCategorical(String name, List<T> choices) {
        Objects.requireNonNull(choices, "choices");
        List<Object> stored = new ArrayList<>(choices.size());
        for (T choice : choices) {
            stored.add(storedChoice(choice));
        }
        CategoricalDistribution distribution = checked(name, () -> new CategoricalDistribution(stored));
        return choices.get(distribution.indexOf(suggest(name, distribution)));
    }

    /**
     * {@link #suggestCategorical(String, List)} for choices written out, which may include
     * {@code null}: {@code trial.suggestCategorical("activation", "relu", "tanh", null)}.
     *
     * @param name the parameter's name
     * @param choices distinct choices, in order
     * @param <T> the choices' type
     * @return the chosen element
     */
    @SafeVarargs
    public final <T> T suggestCategorical(String name, T... choices) {
        return suggestCategorical(name, Arrays.asList(choices));
    }

    /**
     * One constant of an enum, stored as its name: {@code Optimizer o =
     * trial.suggestCategorical("optimizer", Optimizer.class)}.
     *
     * @param name the parameter's name
     * @param type the enum class; its constants in declaration order are the choices
     * @param <E> the enum type
     * @return the chosen constant
     */
    public <E extends Enum<E>> E suggestCategorical(String name, Class<E> type) {
        return suggestCategorical(name, Arrays.asList(type.getEnumConstants()));
    }

    /** How a choice is kept: an enum constant by name, a Float as a double, anything else as is. */
    private static Object storedChoice(Object choice) {
        if (choice instanceof Enum<?> constant) {
            return constant.name();
        }
        if (choice instanceof Float f) {
            return f.doubleValue();
        }
        return choice;
    }

    /** Builds a distribution, turning a broken rule into an error that names the parameter. */
    private static <D extends Distribution> D checked(String name, Supplier<D> distribution) {
        try {
            return distribution.get();
        } catch (DistributionRuleException e) {
            throw new IllegalArgumentException(name + ": " + e.rule(), e);
        }
    }

    /**
     * A value from any distribution.
     *
     * @return the external value: a {@link Double}, an {@link Integer} or the chosen choice
     * @throws IllegalArgumentException if the name was used with an incompatible distribution
     * @throws IllegalStateException if the trial is finished
     */
    public synchronized Object suggest(String name, Distribution distribution) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("parameter name must be non-empty");
        }
        Objects.requireNonNull(distribution, "distribution");
        Distribution first = distributions.get(name);
        if (first != null) {
            Distribution.requireCompatible(name, first, distribution);
            if (!first.equals(distribution)) {
                LOG.log(
                        Level.WARNING,
                        "Inconsistent parameter values for distribution with name \"{0}\": "
                                + "{1} was suggested before, now {2}; the first value is returned.",
                        name,
                        first,
                        distribution);
            }
            return distribution.toExternal(first.toInternal(params.get(name)));
        }
        double internal = sampleValue(name, distribution);
        if (Double.isNaN(internal)) {
            throw new IllegalStateException("The sampler returned NaN for parameter '" + name + "' of " + distribution);
        }
        Object external = distribution.toExternal(internal);
        study.storage().setTrialParam(id, name, internal, distribution);
        params.put(name, external);
        distributions.put(name, distribution);
        return external;
    }

    private double sampleValue(String name, Distribution distribution) {
        if (enqueued.fixes(name)) {
            return enqueued.internal(name, distribution);
        }
        if (distribution.isSingle()) {
            return distribution.singleValue();
        }
        Sampler sampler = study.sampler();
        if (!relativeSampled) {
            relativeSampled = true;
            FrozenTrial snapshot = study.storage().trial(id);
            StudyView view = study.samplerView(snapshot);
            relativeSearchSpace = Map.copyOf(sampler.inferRelativeSearchSpace(view, snapshot));
            relativeParams = Map.copyOf(sampler.sampleRelative(view, snapshot, relativeSearchSpace));
        }
        Double relative = relativeParams.get(name);
        if (relative != null) {
            Distribution planned = relativeSearchSpace.get(name);
            if (planned == null) {
                throw new IllegalStateException("The sampler proposed parameter '" + name
                        + "', which is not in its relative search space " + relativeSearchSpace.keySet());
            }
            Distribution.requireCompatible(name, planned, distribution);
            if (distribution.contains(relative)) {
                // the usual case once a relative sampler runs: no snapshot of the trial needed
                return relative;
            }
        }
        FrozenTrial snapshot = study.storage().trial(id);
        StudyView view = study.samplerView(snapshot);
        return sampler.sampleIndependent(view, snapshot, name, distribution);
    }

    /**
     * Reports an intermediate value, for pruners. Reporting a step again is ignored with a
     * warning (the first value stays).
     *
     * @throws IllegalArgumentException if {@code step < 0}
     * @throws UnsupportedOperationException in a multi-objective study
     */
    public synchronized void report(double value, int step) {
        if (!study.isSingleObjective()) {
            throw new UnsupportedOperationException("Trial.report is not supported for multi-objective studies");
        }
        if (step < 0) {
            throw new IllegalArgumentException("step=" + step + " must be >= 0");
        }
        if (!reportedSteps.add(step)) {
            LOG.log(
                    Level.WARNING,
                    "The reported value is ignored because step {0} of trial {1} is already reported.",
                    step,
                    number);
            return;
        }
        study.storage().setTrialIntermediateValue(id, step, value);
    }

    /**
     * Whether the study's pruner wants this trial to stop now. Throw
     * {@link TrialPrunedException} to stop it.
     *
     * @throws UnsupportedOperationException in a multi-objective study
     */
    public boolean shouldPrune() {
        if (!study.isSingleObjective()) {
            throw new UnsupportedOperationException("Trial.shouldPrune is not supported for multi-objective studies");
        }
        return study.pruner().prune(study.view(), study.storage().trial(id));
    }

    /** Sets a user attribute: a JSON value (null, Boolean, Number, String, List, Map). */
    public void setUserAttr(String key, Object value) {
        study.storage().setTrialUserAttr(id, key, value);
    }

    /**
     * Records a constraint value: the trial is feasible iff every constraint is {@code <= 0}.
     * Setting a key again is ignored with a warning.
     *
     * @throws IllegalArgumentException if the value is NaN
     */
    public synchronized void setConstraint(String key, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("constraint '" + key + "' must not be NaN");
        }
        if (!constraintKeys.add(key)) {
            LOG.log(
                    Level.WARNING,
                    "Constraint \"{0}\" of trial {1} is already set; the new value {2} is ignored.",
                    key,
                    number,
                    value);
            return;
        }
        study.storage().setTrialSystemAttr(id, FrozenTrial.CONSTRAINT_PREFIX + key, value);
    }

    /** The parameters suggested so far, external values in suggestion order. */
    public synchronized Map<String, Object> params() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The distributions of the parameters suggested so far. */
    public synchronized Map<String, Distribution> distributions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    }

    /** The trial's user attributes as stored. */
    public Map<String, Object> userAttrs() {
        return study.storage().trial(id).userAttrs();
    }

    /** The trial's constraint values as stored. */
    public Map<String, Double> constraints() {
        return study.storage().trial(id).constraints();
    }

    /** A snapshot of the trial as stored now. */
    public FrozenTrial snapshot() {
        return study.storage().trial(id);
    }

    @Override
    public String toString() {
        return "Trial[number=" + number + ", study=" + study.name() + "]";
    }
}
