package io.tunekit.samplers.nsga;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.storage.CreationGuard;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generations and parent populations of a genetic sampler, kept in the storage so that every
 * thread, process and machine working on a study agrees on them:
 *
 * <ul>
 *   <li>each new trial takes the next number of a study-level counter in the same atomic step
 *       that creates it ({@link CreationGuard.Ticket}); number {@code s} belongs to generation
 *       {@code s / populationSize}, so each generation has exactly {@code populationSize} places,
 *       each taken by exactly one trial (Optuna counts COMPLETE trials instead, so parallel
 *       workers overfill a generation). A trial that takes no number (an enqueued one) joins the
 *       generation being filled. The generation is written to the trial as Optuna does
 *       ({@code <Sampler>:generation});</li>
 *   <li>the parents of generation {@code g} are selected once, by the first worker that needs
 *       them, from the COMPLETE trials of generation {@code g - 1} and the parents of
 *       {@code g - 1}, and stored with a compare-and-set under Optuna's key
 *       ({@code <Sampler>:parent:<g>}, a list of trial ids); a worker that loses the race uses
 *       the stored list;</li>
 *   <li>the population size is stored in the study the first time; a worker with another size
 *       is refused, since it would cut the generations elsewhere.</li>
 * </ul>
 * Stored parent lists never change, so each process caches them. Thread-safe.
 */
final class Generations {

    private final int populationSize;
    private final String generationKey;
    private final String parentKeyPrefix;
    private final String counterKey;
    private final String slotKey;
    private final String populationSizeKey;
    private final Set<String> checkedStudies = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<Integer, List<FrozenTrial>>> parentsByStudy = new ConcurrentHashMap<>();

    /**
     * @param samplerName Optuna's class name, which prefixes its keys ({@code NSGAIISampler})
     * @param populationSize places per generation
     */
    Generations(String samplerName, int populationSize) {
        this.populationSize = populationSize;
        this.generationKey = samplerName + ":generation";
        this.parentKeyPrefix = samplerName + ":parent:";
        this.counterKey = "tunekit:" + samplerName + ":next_place";
        this.slotKey = "tunekit:" + samplerName + ":place";
        this.populationSizeKey = "tunekit:" + samplerName + ":population_size";
    }

    /** The trial system attribute holding a trial's generation. */
    String generationKey() {
        return generationKey;
    }

    /** The study system attribute holding the parents of a generation. */
    String parentKey(int generation) {
        return parentKeyPrefix + generation;
    }

    /**
     * The guard that gives a new trial its place.
     *
     * @throws IllegalStateException if the study was started with another population size
     */
    List<CreationGuard> guards(StudyView study) {
        if (!checkedStudies.contains(study.name())) {
            study.compareAndSetSystemAttr(populationSizeKey, null, populationSize);
            Object stored = study.systemAttrs().get(populationSizeKey);
            if (stored instanceof Number n && n.intValue() != populationSize) {
                throw new IllegalStateException("study '" + study.name() + "' runs with a population size of "
                        + n.intValue() + "; this sampler has populationSize=" + populationSize
                        + " and would cut the generations differently");
            }
            checkedStudies.add(study.name());
        }
        return List.of(new CreationGuard.Ticket(counterKey, slotKey, Long.MAX_VALUE));
    }

    /** Writes the trial's generation, from its place or, without one, the generation being filled. */
    void assign(StudyView study, FrozenTrial trial) {
        if (trial.state() != TrialState.RUNNING || trial.systemAttrs().containsKey(generationKey)) {
            return;
        }
        long place;
        if (trial.systemAttrs().get(slotKey) instanceof Number n) {
            place = n.longValue();
        } else {
            place = study.systemAttrs().get(counterKey) instanceof Number next ? Math.max(0, next.longValue() - 1) : 0;
        }
        study.setTrialSystemAttr(trial, generationKey, (int) (place / populationSize));
    }

    /** The generation written to the trial, if any. */
    OptionalInt generationOf(FrozenTrial trial) {
        return trial.systemAttrs().get(generationKey) instanceof Number n
                ? OptionalInt.of(n.intValue())
                : OptionalInt.empty();
    }

    /** The parents of a generation (none for generation 0), selected once per study. */
    List<FrozenTrial> parents(StudyView study, int generation, ElitePopulationSelection selection) {
        if (generation <= 0) {
            return List.of();
        }
        Map<Integer, List<FrozenTrial>> known =
                parentsByStudy.computeIfAbsent(study.name(), n -> new ConcurrentHashMap<>());
        List<FrozenTrial> hit = known.get(generation);
        if (hit != null) {
            return hit;
        }
        int from = generation;
        while (from > 1 && !known.containsKey(from - 1)) {
            from--;
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        Map<Long, FrozenTrial> byId = new HashMap<>();
        complete.forEach(t -> byId.put(t.id(), t));
        Map<String, Object> attrs = study.systemAttrs();
        for (int g = from; g <= generation; g++) {
            Object stored = attrs.get(parentKey(g));
            if (stored == null) {
                List<FrozenTrial> pool = new ArrayList<>();
                for (FrozenTrial t : complete) {
                    if (generationOf(t).orElse(-1) == g - 1) {
                        pool.add(t);
                    }
                }
                pool.addAll(g == 1 ? List.of() : known.get(g - 1));
                List<Long> ids = new ArrayList<>();
                for (FrozenTrial t : selection.select(study.directions(), pool)) {
                    ids.add(t.id());
                }
                stored = study.compareAndSetSystemAttr(parentKey(g), null, ids)
                        ? ids
                        : study.systemAttrs().get(parentKey(g));
            }
            List<FrozenTrial> parents = new ArrayList<>();
            for (Object id : (List<?>) stored) {
                FrozenTrial t = byId.get(((Number) id).longValue());
                if (t != null) {
                    parents.add(t);
                }
            }
            known.put(g, List.copyOf(parents));
        }
        return known.get(generation);
    }
}
