package io.tunekit;

import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.DistributionRuleException;
import io.tunekit.internal.JsonValues;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter values an enqueued (or retried) trial was given: kept in the trial's
 * {@code fixed_params} system attribute, used instead of the sampler when the objective
 * suggests them, and matched against existing trials by {@code enqueueTrial(..., skipIfExists)}.
 */
final class EnqueuedParams {

    private static final System.Logger LOG = System.getLogger(Trial.class.getName());

    private final Map<String, Object> fixed;

    private EnqueuedParams(Map<String, Object> fixed) {
        this.fixed = fixed;
    }

    /** The fixed values of a trial (none for a trial that was not enqueued). */
    static EnqueuedParams of(FrozenTrial trial) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (trial.systemAttrs().get(FrozenTrial.FIXED_PARAMS_KEY) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return new EnqueuedParams(out);
    }

    /** Whether the trial was enqueued with a value for this parameter. */
    boolean fixes(String name) {
        return fixed.containsKey(name);
    }

    /**
     * The enqueued value of the parameter in the distribution's internal representation. A value
     * outside the range is used anyway, with a warning (as Optuna does).
     *
     * @throws IllegalArgumentException naming the parameter if the value cannot be a value of
     *     the distribution at all (a string for a float, a choice not in the list)
     */
    double internal(String name, Distribution distribution) {
        Object value = fixed.get(name);
        double internal;
        try {
            internal = distribution.toInternal(value);
        } catch (DistributionRuleException e) {
            throw new IllegalArgumentException(
                    name + ": the enqueued " + e.rule() + " (the objective suggests " + distribution + ")", e);
        }
        if (!distribution.contains(internal)) {
            LOG.log(
                    Level.WARNING,
                    "Fixed parameter \"{0}\" with value {1} is out of range for distribution {2}.",
                    name,
                    value,
                    distribution);
        }
        return internal;
    }

    /**
     * Whether a trial with the same parameter names and values exists already: an enqueued one
     * by its fixed values, any other by its parameters; numbers match within a relative 1e-5.
     */
    static boolean alreadyTried(List<FrozenTrial> trials, Map<?, ?> params) {
        for (FrozenTrial t : trials) {
            Map<?, ?> existing =
                    t.systemAttrs().get(FrozenTrial.FIXED_PARAMS_KEY) instanceof Map<?, ?> m ? m : t.params();
            if (existing.keySet().equals(params.keySet()) && JsonValues.closeValue(params, existing)) {
                return true;
            }
        }
        return false;
    }
}
