package io.tunekit.internal;

import io.tunekit.FrozenTrial;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A trial's fields, mutable: what a storage fills piece by piece (rows of several tables, writes
 * to a running trial) and {@link FrozenTrial.Builder} collects, frozen into a snapshot by
 * {@link #build()}. The one place a trial's fields are listed outside {@link FrozenTrial}.
 *
 * <p>Values are stored as given: callers copy attribute values with {@link JsonValues#copy}
 * where they come from users. Not thread-safe; each owner guards its own instances.
 */
public final class MutableTrial {

    private int number = -1;
    private long id = -1;
    private TrialState state = TrialState.RUNNING;
    private final TreeMap<Integer, Double> values = new TreeMap<>();
    private Instant datetimeStart;
    private Instant datetimeComplete;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final Map<String, Object> userAttrs = new LinkedHashMap<>();
    private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    private final TreeMap<Integer, Double> intermediateValues = new TreeMap<>();

    /** An empty RUNNING trial with number and id -1. */
    public MutableTrial() {}

    /** A mutable copy of a snapshot, every field included. */
    public static MutableTrial of(FrozenTrial trial) {
        MutableTrial t = new MutableTrial()
                .number(trial.number())
                .id(trial.id())
                .state(trial.state())
                .values(trial.values())
                .datetimeStart(trial.datetimeStart())
                .datetimeComplete(trial.datetimeComplete());
        trial.params()
                .forEach((name, value) -> t.param(name, trial.distributions().get(name), value));
        t.userAttrs.putAll(trial.userAttrs());
        t.systemAttrs.putAll(trial.systemAttrs());
        t.intermediateValues.putAll(trial.intermediateValues());
        return t;
    }

    /** A copy that shares nothing mutable with this one. */
    public MutableTrial copy() {
        return of(build());
    }

    /** Sets the number within the study (-1: not assigned yet). */
    public MutableTrial number(int number) {
        this.number = number;
        return this;
    }

    /** The number within the study. */
    public int number() {
        return number;
    }

    /** Sets the storage-wide id (-1: not assigned yet). */
    public MutableTrial id(long id) {
        this.id = id;
        return this;
    }

    /** The storage-wide id. */
    public long id() {
        return id;
    }

    /** Sets the state. */
    public MutableTrial state(TrialState state) {
        this.state = Objects.requireNonNull(state, "state");
        return this;
    }

    /** The state. */
    public TrialState state() {
        return state;
    }

    /** Replaces the objective values. */
    public MutableTrial values(List<Double> values) {
        this.values.clear();
        for (int i = 0; i < values.size(); i++) {
            this.values.put(i, values.get(i));
        }
        return this;
    }

    /** Sets the value of one objective (values are read back in objective order). */
    public MutableTrial value(int objective, double value) {
        values.put(objective, value);
        return this;
    }

    /** Sets the start time ({@code null}: not started). */
    public MutableTrial datetimeStart(Instant start) {
        this.datetimeStart = start;
        return this;
    }

    /** The start time, or {@code null}. */
    public Instant datetimeStart() {
        return datetimeStart;
    }

    /** Sets the completion time ({@code null}: not finished). */
    public MutableTrial datetimeComplete(Instant complete) {
        this.datetimeComplete = complete;
        return this;
    }

    /** The completion time, or {@code null}. */
    public Instant datetimeComplete() {
        return datetimeComplete;
    }

    /** Sets a parameter: its distribution and its external value. */
    public MutableTrial param(String name, Distribution distribution, Object value) {
        distributions.put(name, Objects.requireNonNull(distribution, "distribution"));
        params.put(name, value);
        return this;
    }

    /** Whether the trial has a parameter of this name. */
    public boolean hasParam(String name) {
        return params.containsKey(name);
    }

    /** Sets a user attribute. */
    public MutableTrial userAttr(String key, Object value) {
        userAttrs.put(key, value);
        return this;
    }

    /** Sets a system attribute. */
    public MutableTrial systemAttr(String key, Object value) {
        systemAttrs.put(key, value);
        return this;
    }

    /** Sets (or overwrites) the intermediate value at a step. */
    public MutableTrial intermediateValue(int step, double value) {
        intermediateValues.put(step, value);
        return this;
    }

    /** An immutable snapshot of the fields as they are now. */
    public FrozenTrial build() {
        return new FrozenTrial(
                number,
                id,
                state,
                new ArrayList<>(values.values()),
                datetimeStart,
                datetimeComplete,
                params,
                distributions,
                userAttrs,
                systemAttrs,
                intermediateValues);
    }
}
