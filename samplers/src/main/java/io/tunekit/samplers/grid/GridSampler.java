package io.tunekit.samplers.grid;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.internal.JsonValues;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.internal.Sha256;
import io.tunekit.storage.CreationGuard;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates every point of a grid exactly once, in a shuffled order, then ends the study.
 *
 * <p>Points are claimed through the storage: each new trial atomically takes the next number of
 * a study-level counter (a {@link CreationGuard.Ticket}), stored as the trial's {@code grid_id},
 * so threads, processes and machines sharing a study never evaluate a point twice, and no trial
 * is created once every point is taken. The shuffle seed is stored in the study the first time,
 * so every worker maps numbers to the same points whatever seed it was given.
 *
 * <p>Enqueued trials do not take a point; a parameter they do not fix is an error, as in Optuna.
 * Retried trials keep their point and parameters. Grid values are used as given (no rounding to
 * the distribution's step); every parameter the objective suggests must be in the grid.
 */
public final class GridSampler implements Sampler {

    /** Trial system attribute: the grid number the trial took. */
    public static final String GRID_ID_KEY = "grid_id";
    /** Trial system attribute: the grid (name -> values), as Optuna writes it. */
    public static final String SEARCH_SPACE_KEY = "search_space";
    /** The largest grid this sampler enumerates. */
    public static final int MAX_POINTS = 1 << 24;

    private static final System.Logger LOG = System.getLogger(GridSampler.class.getName());

    private final TreeMap<String, List<Object>> space = new TreeMap<>();
    private final Map<String, Object> spaceJson;
    private final List<String> names;
    private final int[] strides;
    private final int size;
    private final long seed;
    private final String counterKey;
    private final String seedKey;
    private final Map<String, int[]> orderByStudy = new ConcurrentHashMap<>();

    /** A grid shuffled with seed 0. */
    public GridSampler(Map<String, ? extends List<?>> searchSpace) {
        this(searchSpace, 0);
    }

    /**
     * @param searchSpace parameter name -> values (null, Boolean, Number or String), each list
     *     non-empty
     * @param seed shuffle seed, used if the study has none stored yet
     * @throws IllegalArgumentException for an empty grid, an empty value list, an unsupported
     *     value or more than {@link #MAX_POINTS} points
     */
    public GridSampler(Map<String, ? extends List<?>> searchSpace, long seed) {
        if (searchSpace == null || searchSpace.isEmpty()) {
            throw new IllegalArgumentException("GridSampler: the search space must have at least one parameter");
        }
        long points = 1;
        for (Map.Entry<String, ? extends List<?>> e : searchSpace.entrySet()) {
            List<?> values = e.getValue();
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("GridSampler: parameter '" + e.getKey() + "' has no values");
            }
            for (Object v : values) {
                if (!(v == null || v instanceof Boolean || v instanceof Number || v instanceof String)) {
                    throw new IllegalArgumentException("GridSampler: value " + v + " of parameter '" + e.getKey()
                            + "' has type " + v.getClass().getName() + "; use null, Boolean, Number or String");
                }
            }
            space.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(values)));
            points *= values.size();
            if (points > MAX_POINTS) {
                throw new IllegalArgumentException("GridSampler: the grid has more than " + MAX_POINTS + " points");
            }
        }
        this.size = (int) points;
        this.names = List.copyOf(space.keySet());
        this.strides = new int[names.size()];
        int stride = 1;
        for (int i = names.size() - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= space.get(names.get(i)).size();
        }
        this.seed = seed;
        Map<String, Object> json = new LinkedHashMap<>();
        space.forEach(json::put);
        this.spaceJson = (Map<String, Object>) JsonValues.copy(json);
        String id = fingerprint(space);
        this.counterKey = "tunekit:grid:" + id + ":next";
        this.seedKey = "tunekit:grid:" + id + ":seed";
    }

    /** The number of grid points. */
    public int size() {
        return size;
    }

    /** Whether every grid point has been taken by a trial of the study. */
    public boolean isExhausted(StudyView study) {
        return study.systemAttrs().get(counterKey) instanceof Number n && n.longValue() >= size;
    }

    @Override
    public List<CreationGuard> creationGuards(StudyView study) {
        order(study);
        return List.of(new CreationGuard.Ticket(counterKey, GRID_ID_KEY, size));
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        if (trial.systemAttrs().containsKey(GRID_ID_KEY)
                && !trial.systemAttrs().containsKey(SEARCH_SPACE_KEY)
                && trial.state() == TrialState.RUNNING) {
            study.setTrialSystemAttr(trial, SEARCH_SPACE_KEY, spaceJson);
        }
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        List<Object> values = space.get(name);
        if (values == null) {
            throw new IllegalArgumentException("GridSampler: parameter '" + name + "' is not in the grid " + names
                    + "; every parameter the objective suggests needs grid values");
        }
        if (!(trial.systemAttrs().get(GRID_ID_KEY) instanceof Number gridId)) {
            throw new IllegalArgumentException("GridSampler: trial " + trial.number() + " has no grid point (an "
                    + "enqueued trial?); all parameters must be specified when using GridSampler with enqueueTrial, "
                    + "and '" + name + "' is not");
        }
        int point = order(study)[gridId.intValue()];
        int i = names.indexOf(name);
        Object value = values.get(point / strides[i] % values.size());
        double internal = distribution.toInternal(value);
        if (!distribution.contains(internal)) {
            LOG.log(
                    Level.WARNING,
                    "GridSampler: value {0} of ''{1}'' is outside {2}; it is used as given.",
                    value,
                    name,
                    distribution);
        }
        return internal;
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        if (isExhausted(study)) {
            study.stop();
        }
    }

    /** The shuffled point order of this study, with the seed the study stores. */
    private int[] order(StudyView study) {
        return orderByStudy.computeIfAbsent(study.name(), n -> {
            study.compareAndSetSystemAttr(seedKey, null, seed);
            long stored = ((Number) study.systemAttrs().get(seedKey)).longValue();
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(stored);
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        });
    }

    private static String fingerprint(TreeMap<String, List<Object>> space) {
        StringBuilder canonical = new StringBuilder();
        space.forEach((name, values) -> {
            canonical.append(name.length()).append(':').append(name).append('=');
            for (Object v : values) {
                String s = v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
                canonical.append(s.length()).append(':').append(s);
            }
            canonical.append(';');
        });
        return Sha256.hex(canonical.toString(), 8);
    }
}
