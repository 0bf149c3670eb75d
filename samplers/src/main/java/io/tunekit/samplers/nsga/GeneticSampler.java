package io.tunekit.samplers.nsga;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.IntersectionSearchSpace;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.storage.CreationGuard;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generational loop NSGA-II and NSGA-III share (Optuna's {@code BaseGASampler}): the first
 * generation is random; each later trial is a child of its generation's parents, over the
 * parameters every COMPLETE trial has with the same distribution; anything else is drawn by the
 * random sampler. The two samplers differ only in their default survival rule.
 */
abstract class GeneticSampler implements Sampler {

    private final Generations generations;
    private final ElitePopulationSelection selection;
    private final ChildGeneration children;
    private final RandomSampler randomSampler;
    private final SplittableRandom random;
    private final Map<String, IntersectionSearchSpace> spaces = new ConcurrentHashMap<>();
    private final String description;

    /**
     * @param samplerName Optuna's class name, the prefix of the attributes the sampler stores
     * @param description what {@link #toString()} says
     */
    GeneticSampler(String samplerName, NsgaOptions options, ElitePopulationSelection selection, String description) {
        this.description = description;
        this.generations = new Generations(samplerName, options.populationSize());
        this.selection = selection;
        this.children = new ChildGeneration(
                options.crossover(),
                options.crossoverProbability(),
                options.swappingProbability(),
                options.mutation(),
                options.mutationProbability());
        SplittableRandom root =
                options.seed().isPresent() ? new SplittableRandom(options.seed().getAsLong()) : new SplittableRandom();
        this.randomSampler = new RandomSampler(root.nextLong());
        this.random = root.split();
    }

    @Override
    public final Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        SortedMap<String, Distribution> space =
                new TreeMap<>(spaces.computeIfAbsent(study.name(), n -> new IntersectionSearchSpace(false))
                        .calculate(study));
        space.values().removeIf(Distribution::isSingle);
        return space;
    }

    @Override
    public final Map<String, Double> sampleRelative(
            StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        int generation = generations.generationOf(trial).orElse(0);
        if (searchSpace.isEmpty() || generation == 0) {
            return Map.of();
        }
        List<FrozenTrial> parents = generations.parents(study, generation, selection);
        if (parents.isEmpty()) {
            return Map.of();
        }
        synchronized (random) {
            return children.child(study.directions(), new TreeMap<>(searchSpace), parents, random);
        }
    }

    @Override
    public final double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return randomSampler.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public final void beforeTrial(StudyView study, FrozenTrial trial) {
        generations.assign(study, trial);
    }

    @Override
    public final List<CreationGuard> creationGuards(StudyView study) {
        return generations.guards(study);
    }

    @Override
    public final String toString() {
        return description;
    }
}
