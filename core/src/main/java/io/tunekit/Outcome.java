package io.tunekit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a trial ends, as {@link TellRules} receives it: the one value that replaces a state, a
 * nullable value array and a nullable reason.
 *
 * @param kind which rule applies
 * @param values the objective values ({@link Kind#COMPLETE} and {@link Kind#REQUIRE_COMPLETE}
 *     only; empty otherwise)
 * @param failReason why the trial failed ({@link Kind#FAILED} only, and optional there)
 */
record Outcome(Kind kind, List<Double> values, Optional<String> failReason) {

    /** The rule a tell follows. */
    enum Kind {
        /** The objective's values: COMPLETE if they are valid, else FAIL with the reason (Optuna's tell). */
        COMPLETE,
        /** An explicit COMPLETE state: invalid values are the caller's error and the trial stays RUNNING. */
        REQUIRE_COMPLETE,
        /** PRUNED, keeping the last intermediate value of a single-objective trial as its value. */
        PRUNED,
        /** FAIL, with or without a reason. */
        FAILED
    }

    Outcome {
        values = List.copyOf(values);
    }

    /** The objective returned these values: COMPLETE, or FAIL if a value is NaN or the count is wrong. */
    static Outcome complete(double... values) {
        return new Outcome(Kind.COMPLETE, boxed(values), Optional.empty());
    }

    /** The caller asked for COMPLETE with these values; invalid values are an error. */
    static Outcome requireComplete(double... values) {
        return new Outcome(Kind.REQUIRE_COMPLETE, boxed(values), Optional.empty());
    }

    /** The trial was pruned. */
    static Outcome pruned() {
        return new Outcome(Kind.PRUNED, List.of(), Optional.empty());
    }

    /** The trial failed for this reason. */
    static Outcome failed(String reason) {
        return new Outcome(Kind.FAILED, List.of(), Optional.of(reason));
    }

    /** The trial failed; the caller gave no reason. */
    static Outcome failed() {
        return new Outcome(Kind.FAILED, List.of(), Optional.empty());
    }

    /**
     * The outcome of a {@code tell(trial, state, values...)}: COMPLETE needs valid values, PRUNED
     * and FAIL take none.
     *
     * @throws IllegalArgumentException for values with PRUNED or FAIL, or an unfinished state
     */
    static Outcome of(TrialState state, int trialNumber, double... values) {
        return switch (state) {
            case COMPLETE -> requireComplete(values);
            case PRUNED, FAIL -> {
                if (values.length > 0) {
                    throw new IllegalArgumentException("A " + state + " tell must not have values, got "
                            + Arrays.toString(values) + " for trial " + trialNumber);
                }
                yield state == TrialState.PRUNED ? pruned() : failed();
            }
            default ->
                throw new IllegalArgumentException(
                        "Cannot tell with state " + state + "; the state must be COMPLETE, PRUNED or FAIL");
        };
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
