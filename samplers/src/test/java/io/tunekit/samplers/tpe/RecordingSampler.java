package io.tunekit.samplers.tpe;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Delegates to a sampler and records, per trial number, which parameters came from which path. */
final class RecordingSampler implements Sampler {

    /** One call: the trial, the path ("relative" or "independent") and the parameter names. */
    record Call(int trial, String path, List<String> names) {}

    private final Sampler delegate;
    final List<Call> calls = new ArrayList<>();
    final List<Map<String, Distribution>> relativeSpaces = new ArrayList<>();

    RecordingSampler(Sampler delegate) {
        this.delegate = delegate;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        Map<String, Distribution> space = delegate.inferRelativeSearchSpace(study, trial);
        relativeSpaces.add(space);
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        Map<String, Double> out = delegate.sampleRelative(study, trial, space);
        calls.add(new Call(trial.number(), "relative", List.copyOf(new java.util.TreeSet<>(out.keySet()))));
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        calls.add(new Call(trial.number(), "independent", List.of(name)));
        return delegate.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        delegate.beforeTrial(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        delegate.afterTrial(study, trial, state, values);
    }

    /** The names sampled through {@code path} in trials from {@code fromTrial} on. */
    List<String> names(String path, int fromTrial) {
        List<String> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.path().equals(path) && c.trial() >= fromTrial) {
                out.addAll(c.names());
            }
        }
        return out;
    }
}
