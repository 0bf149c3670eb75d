package io.tunekit;

import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A test sampler: records the calls it gets and returns planned relative values. */
final class RecordingSampler implements Sampler {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    Map<String, Distribution> relativeSpace = Map.of();
    Map<String, Double> relativeValues = Map.of();
    private final RandomSampler random = new RandomSampler(1);

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        calls.add("infer:" + trial.number());
        return relativeSpace;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        calls.add("relative:" + trial.number());
        return relativeValues;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        calls.add("independent:" + trial.number() + ":" + name);
        return random.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        calls.add("before:" + trial.number());
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        calls.add("after:" + trial.number() + ":" + state + ":" + trial.state());
    }
}
