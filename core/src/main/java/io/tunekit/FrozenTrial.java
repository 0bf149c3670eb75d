package io.tunekit;

import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.internal.MutableTrial;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of a trial as stored.
 *
 * @param number the trial's number within its study: 0, 1, 2, ... in creation order
 * @param id the storage-wide trial id
 * @param state the state at the time of the snapshot
 * @param values the objective values; empty when the trial has none (RUNNING, FAIL, ...)
 * @param datetimeStart when the trial started running, or {@code null} (WAITING)
 * @param datetimeComplete when it finished, or {@code null}
 * @param params external parameter values in suggestion order
 * @param distributions the distribution of each parameter, same keys as {@code params}
 * @param userAttrs user attributes (JSON values)
 * @param systemAttrs system attributes (JSON values) written by Tunekit, samplers and pruners
 * @param intermediateValues reported values by step, ascending
 */
public record FrozenTrial(
        int number,
        long id,
        TrialState state,
        List<Double> values,
        Instant datetimeStart,
        Instant datetimeComplete,
        Map<String, Object> params,
        Map<String, Distribution> distributions,
        Map<String, Object> userAttrs,
        Map<String, Object> systemAttrs,
        SortedMap<Integer, Double> intermediateValues) {

    /** System attribute holding the parameters of an enqueued trial. */
    public static final String FIXED_PARAMS_KEY = "fixed_params";
    /** Prefix of the system attributes holding constraint values ({@link Trial#setConstraint}). */
    public static final String CONSTRAINT_PREFIX = "constraints:";
    /** Legacy system attribute holding a list of constraint values. */
    public static final String LEGACY_CONSTRAINTS_KEY = "constraints";
    /** System attribute where Tunekit keeps why a trial failed. */
    public static final String FAIL_REASON_KEY = "fail_reason";

    /** Copies every collection into an unmodifiable one. */
    public FrozenTrial {
        Objects.requireNonNull(state, "state");
        values = values == null ? List.of() : List.copyOf(values);
        params = frozen(params);
        distributions = frozen(distributions);
        userAttrs = frozen(userAttrs);
        systemAttrs = frozen(systemAttrs);
        intermediateValues = intermediateValues == null || intermediateValues.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
        if (!params.keySet().equals(distributions.keySet())) {
            throw new IllegalArgumentException("FrozenTrial: params " + params.keySet() + " and distributions "
                    + distributions.keySet() + " must have the same names");
        }
    }

    /** An unmodifiable insertion-ordered copy (snapshots are built often: empty maps are shared). */
    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A builder for a trial to add with {@link Study#addTrial} or to enqueue. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the trial has values. */
    public boolean hasValues() {
        return !values.isEmpty();
    }

    /**
     * The single objective value.
     *
     * @throws IllegalStateException if the trial has no value or several
     */
    public double value() {
        if (values.size() != 1) {
            throw new IllegalStateException(
                    "Trial " + number + " has " + values.size() + " values; value() needs exactly one (use values())");
        }
        return values.get(0);
    }

    /** The largest reported step, if any. */
    public OptionalInt lastStep() {
        return intermediateValues.isEmpty() ? OptionalInt.empty() : OptionalInt.of(intermediateValues.lastKey());
    }

    /** The time from start to completion, if both are known. */
    public Duration duration() {
        return datetimeStart == null || datetimeComplete == null
                ? null
                : Duration.between(datetimeStart, datetimeComplete);
    }

    /** The internal representation of a parameter (the choice index for categorical ones). */
    public double internalParam(String name) {
        Distribution d = distributions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("Trial " + number + " has no parameter '" + name + "'");
        }
        return d.toInternal(params.get(name));
    }

    /**
     * The constraint values: the legacy {@code constraints} list (keys "0", "1", ...) merged with
     * the {@code constraints:<key>} attributes. A trial is feasible iff all of them are {@code <= 0}.
     */
    public Map<String, Double> constraints() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (systemAttrs.get(LEGACY_CONSTRAINTS_KEY) instanceof List<?> legacy) {
            for (int i = 0; i < legacy.size(); i++) {
                if (legacy.get(i) instanceof Number n) {
                    out.put(Integer.toString(i), n.doubleValue());
                }
            }
        }
        for (Map.Entry<String, Object> e : systemAttrs.entrySet()) {
            if (e.getKey().startsWith(CONSTRAINT_PREFIX) && e.getValue() instanceof Number n) {
                out.put(e.getKey().substring(CONSTRAINT_PREFIX.length()), n.doubleValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Whether the trial has any constraint value. */
    public boolean hasConstraints() {
        if (systemAttrs.containsKey(LEGACY_CONSTRAINTS_KEY)) {
            return true;
        }
        for (String key : systemAttrs.keySet()) {
            if (key.startsWith(CONSTRAINT_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** The sum of the positive constraint values: 0 for a feasible trial. */
    public double constraintViolation() {
        if (!hasConstraints()) {
            return 0;
        }
        double sum = 0;
        for (double c : constraints().values()) {
            if (c > 0) {
                sum += c;
            }
        }
        return sum;
    }

    /** Whether every constraint value is {@code <= 0} (true without constraints). */
    public boolean isFeasible() {
        if (!hasConstraints()) {
            return true;
        }
        for (double c : constraints().values()) {
            if (!(c <= 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Optuna's consistency rules for a trial that is added to a study.
     *
     * @throws IllegalArgumentException naming the rule that is broken
     */
    public void validate() {
        if (state != TrialState.WAITING && datetimeStart == null) {
            throw new IllegalArgumentException("A " + state + " trial needs datetimeStart");
        }
        if (state.isFinished() != (datetimeComplete != null)) {
            throw new IllegalArgumentException(
                    state.isFinished()
                            ? "A finished (" + state + ") trial needs datetimeComplete"
                            : "An unfinished (" + state + ") trial must not have datetimeComplete");
        }
        if (state == TrialState.FAIL && hasValues()) {
            throw new IllegalArgumentException("A FAIL trial must not have values, got " + values);
        }
        if (state == TrialState.COMPLETE) {
            if (!hasValues()) {
                throw new IllegalArgumentException("A COMPLETE trial needs values");
            }
            for (double v : values) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("A COMPLETE trial must not have a NaN value: " + values);
                }
            }
        }
        for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
            double internal = e.getValue().toInternal(params.get(e.getKey()));
            if (!e.getValue().contains(internal)) {
                throw new IllegalArgumentException("Parameter '" + e.getKey() + "' = " + params.get(e.getKey())
                        + " is not in its distribution " + e.getValue());
            }
        }
    }

    /** Builds trials to add to a study, as Optuna's {@code create_trial}. */
    public static final class Builder {
        private final MutableTrial fields = new MutableTrial().state(TrialState.COMPLETE);

        private Builder() {}

        /** The state (default COMPLETE). */
        public Builder state(TrialState state) {
            fields.state(Objects.requireNonNull(state, "state"));
            return this;
        }

        /** The objective value(s). */
        public Builder values(double... values) {
            fields.values(java.util.Arrays.stream(values).boxed().toList());
            return this;
        }

        /** A parameter with its distribution and external value. */
        public Builder param(String name, Distribution distribution, Object value) {
            distribution.toInternal(value);
            fields.param(name, distribution, value);
            return this;
        }

        /** A user attribute (JSON value). */
        public Builder userAttr(String key, Object value) {
            fields.userAttr(key, JsonValues.copy(value));
            return this;
        }

        /** A system attribute (JSON value). */
        public Builder systemAttr(String key, Object value) {
            fields.systemAttr(key, JsonValues.copy(value));
            return this;
        }

        /** A constraint value, stored as Optuna 5 does ({@code constraints:<key>}). */
        public Builder constraint(String key, double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("constraint '" + key + "' must not be NaN");
            }
            fields.systemAttr(CONSTRAINT_PREFIX + key, value);
            return this;
        }

        /** An intermediate value at a step. */
        public Builder intermediateValue(int step, double value) {
            fields.intermediateValue(step, value);
            return this;
        }

        /** The start time (default: now, or none for WAITING). */
        public Builder datetimeStart(Instant start) {
            fields.datetimeStart(start);
            return this;
        }

        /** The completion time (default: the start time for a finished trial). */
        public Builder datetimeComplete(Instant complete) {
            fields.datetimeComplete(complete);
            return this;
        }

        /**
         * The trial, with number and id -1 until a storage assigns them. The builder is left as it
         * was: the defaulted times go into the trial only.
         */
        public FrozenTrial build() {
            TrialState state = fields.state();
            Instant start = fields.datetimeStart() != null || state == TrialState.WAITING
                    ? fields.datetimeStart()
                    : Instant.now();
            Instant complete =
                    fields.datetimeComplete() != null || !state.isFinished() ? fields.datetimeComplete() : start;
            return fields.copy().datetimeStart(start).datetimeComplete(complete).build();
        }
    }
}
