package io.tunekit.samplers.partialfixed;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.Sampler;
import io.tunekit.storage.CreationGuard;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fixes some parameters to given values and lets a base sampler choose the others, as Optuna's
 * {@code PartialFixedSampler}: the fixed parameters leave the base sampler's relative search
 * space, and each suggestion of a fixed parameter returns its value. A fixed value outside the
 * suggested distribution is used anyway, with a warning. Every other call (creation guards,
 * before and after a trial) goes to the base sampler.
 */
public final class PartialFixedSampler implements Sampler {

    private static final System.Logger LOG = System.getLogger(PartialFixedSampler.class.getName());

    private final Map<String, Object> fixedParams;
    private final Sampler base;

    /**
     * @param fixedParams parameter name -> external value (a number, or a categorical choice)
     * @param base the sampler for every other parameter
     */
    public PartialFixedSampler(Map<String, ?> fixedParams, Sampler base) {
        Objects.requireNonNull(fixedParams, "fixedParams");
        this.base = Objects.requireNonNull(base, "base");
        this.fixedParams = Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
    }

    /** The fixed parameters (name -> external value). */
    public Map<String, Object> fixedParams() {
        return fixedParams;
    }

    /** The sampler of the other parameters. */
    public Sampler base() {
        return base;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        Map<String, Distribution> space = new LinkedHashMap<>(base.inferRelativeSearchSpace(study, trial));
        space.keySet().removeAll(fixedParams.keySet());
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(
            StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        return base.sampleRelative(study, trial, searchSpace);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        if (!fixedParams.containsKey(name)) {
            return base.sampleIndependent(study, trial, name, distribution);
        }
        Object value = fixedParams.get(name);
        double internal;
        try {
            internal = distribution.toInternal(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "PartialFixedSampler: fixed value " + value + " of parameter '" + name + "' does not fit "
                            + distribution + ": " + e.getMessage(),
                    e);
        }
        if (!distribution.contains(internal)) {
            LOG.log(
                    Level.WARNING,
                    "Fixed parameter ''{0}'' with value {1} is out of range for distribution {2}.",
                    name,
                    value,
                    distribution);
        }
        return internal;
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        base.beforeTrial(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        base.afterTrial(study, trial, state, values);
    }

    @Override
    public List<CreationGuard> creationGuards(StudyView study) {
        return base.creationGuards(study);
    }
}
