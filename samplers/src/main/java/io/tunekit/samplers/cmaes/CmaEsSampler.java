package io.tunekit.samplers.cmaes;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.sampler.IntersectionSearchSpace;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.cmaes.CmaOptimizer.Solution;
import io.tunekit.samplers.cmaes.CmaOptimizer.Variant;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import io.tunekit.samplers.internal.Sha256;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CMA-ES, as Optuna's {@code CmaEsSampler} with the {@code cmaes} library: the numeric
 * parameters every finished trial shares are searched jointly in the unit cube (log scale for
 * log parameters, ints and stepped floats widened by half a step and rounded back), everything
 * else (categorical and conditional parameters, the first {@code nStartupTrials} trials) comes
 * from the independent sampler, a {@link RandomSampler} by default. Defaults are Optuna's: the
 * mean starts at the centre, {@code sigma0 = 1/6} of the cube, population
 * {@code 4 + floor(3 ln n)}, one startup trial, no restarts.
 *
 * <h2>Workers sharing a study</h2>
 * The search state lives in the study, so threads, processes and machines drive one search and
 * a restarted process continues it:
 * <ul>
 *   <li>the current run (mean, step size, covariance, paths, restart bookkeeping) is a JSON
 *       study system attribute {@code tunekit:<prefix><space>:run}, replaced by compare-and-set
 *       when a generation is complete, so each generation is updated exactly once;</li>
 *   <li>the {@code popsize} slots of the current generation are the study system attribute
 *       {@code tunekit:<prefix><space>:slots:<restart>} ({@code {"generation": g, "holders":
 *       [trial numbers or null]}}); a trial takes a free slot by compare-and-set, so each slot goes to exactly one trial. A slot whose trial failed (or
 *       was pruned, unless pruned trials count) is free again. When every slot is taken and some
 *       are still running, a new trial samples from the current distribution without a slot
 *       (system attribute {@value #OVERFLOW_KEY}); its result does not enter the update.</li>
 * </ul>
 * Each trial carries Optuna's {@code <prefix>generation} and its {@value #SLOT_KEY}. Optuna
 * keeps the optimizer as a pickled Python object in trial attributes; Tunekit keeps it as JSON,
 * so the two do not read each other's CMA-ES state.
 */
public final class CmaEsSampler implements Sampler {

    /** Trial system attribute: the population slot the trial took in its generation. */
    public static final String SLOT_KEY = "tunekit:cma:slot";
    /** Trial system attribute (Optuna's): with margin, the sampled point before it was put on the grid. */
    public static final String X_FOR_TELL_KEY = "x_for_tell";
    /** Trial system attribute: the generation a trial without a slot sampled from. */
    public static final String OVERFLOW_KEY = "tunekit:cma:overflow";

    private static final System.Logger LOG = System.getLogger(CmaEsSampler.class.getName());

    private final Map<String, Object> x0;
    private final Double sigma0;
    private final int nStartupTrials;
    private final Sampler independentSampler;
    private final boolean warnIndependentSampling;
    private final long seed;
    private final boolean considerPrunedTrials;
    private final RestartStrategy restartStrategy;
    private final Integer popsize;
    private final int incPopsize;
    private final Variant variant;
    private final boolean withMargin;
    private final boolean lrAdapt;
    private final List<FrozenTrial> sourceTrials;
    private final String attrPrefix;
    private final String generationKey;
    private final Map<String, IntersectionSearchSpace> spaces = new ConcurrentHashMap<>();
    private final Map<String, RelativeSpace> relativeSpaces = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Set<String> startupDoneStudies = ConcurrentHashMap.newKeySet();
    private volatile ParsedRun lastParsed;
    private volatile SpaceContext lastContext;
    private volatile SlotMemo slotMemo;

    private CmaEsSampler(Builder b) {
        this.x0 = b.x0;
        this.sigma0 = b.sigma0;
        this.nStartupTrials = b.nStartupTrials;
        this.seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
        this.independentSampler = b.independentSampler != null
                ? b.independentSampler
                : b.seed != null ? new RandomSampler(b.seed) : new RandomSampler();
        this.warnIndependentSampling = b.warnIndependentSampling;
        this.considerPrunedTrials = b.considerPrunedTrials;
        this.restartStrategy = b.restartStrategy;
        this.popsize = b.popsize;
        this.incPopsize = b.incPopsize;
        this.variant = b.separable ? Variant.SEPARABLE : Variant.FULL;
        this.sourceTrials = b.sourceTrials;
        this.withMargin = b.withMargin;
        this.lrAdapt = b.lrAdapt;
        this.attrPrefix = b.separable ? "sepcma:" : b.withMargin ? "cmawm:" : "cma:";
        this.generationKey = attrPrefix + "generation";
        if (sourceTrials != null && (x0 != null || sigma0 != null)) {
            throw new IllegalArgumentException(
                    "CmaEsSampler: sourceTrials cannot be combined with x0 or sigma0 (the warm start sets both)");
        }
        if (b.lrAdapt && (b.separable || b.withMargin)) {
            throw new IllegalArgumentException(
                    "CmaEsSampler: lrAdapt cannot be combined with the separable CMA-ES or with margin");
        }
        if (b.separable && b.withMargin) {
            throw new IllegalArgumentException("CmaEsSampler: the separable CMA-ES cannot be used with margin");
        }
        if (sourceTrials != null && b.separable) {
            throw new IllegalArgumentException("CmaEsSampler: sourceTrials cannot be used with the separable CMA-ES");
        }
    }

    /** A builder with Optuna's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The trial system attribute holding the generation a trial's slot belongs to (Optuna's key). */
    public String generationKey() {
        return generationKey;
    }

    /**
     * The numeric parameters of the intersection search space, one immutable map per
     * intersection: while the intersection stays the same, every ask gets the same instance, so
     * {@link #sampleRelative} recognises its space by identity.
     */
    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        SortedMap<String, Distribution> intersection = spaces.computeIfAbsent(
                        study.name(), n -> new IntersectionSearchSpace(false))
                .calculate(study);
        RelativeSpace last = relativeSpaces.get(study.name());
        if (last != null && last.intersection() == intersection) {
            return last.numeric();
        }
        Map<String, Distribution> numeric = new LinkedHashMap<>();
        intersection.forEach((name, d) -> {
            if (!d.isSingle() && (d instanceof FloatDistribution || d instanceof IntDistribution)) {
                numeric.put(name, d);
            }
        });
        RelativeSpace space = new RelativeSpace(intersection, Map.copyOf(numeric));
        relativeSpaces.put(study.name(), space);
        return space.numeric();
    }

    /** A study's intersection search space and its numeric part, which CMA-ES searches. */
    private record RelativeSpace(SortedMap<String, Distribution> intersection, Map<String, Distribution> numeric) {}

    /**
     * What sampling in one search space needs, built once per space: the encoding (dimensions in
     * name order: every worker and JVM must read the stored state alike) and the attribute keys.
     */
    private record SpaceContext(
            Map<String, Distribution> space,
            SearchSpaceEncoding encoding,
            String base,
            String runKey,
            String firstSlotsKey) {

        SpaceContext(Map<String, Distribution> space, SearchSpaceEncoding encoding, String base) {
            this(space, encoding, base, base + ":run", base + ":slots:0");
        }

        /** The key of a run's slots (the first run's is kept: without restarts it is the only one). */
        String slotsKey(int restarts) {
            return restarts == 0 ? firstSlotsKey : base + ":slots:" + restarts;
        }
    }

    /** The context of this space: the last one if the space is the same (usually the same map). */
    private SpaceContext context(Map<String, Distribution> searchSpace) {
        SpaceContext last = lastContext;
        if (last != null && (last.space() == searchSpace || last.space().equals(searchSpace))) {
            return last;
        }
        Map<String, Distribution> space = new TreeMap<>(searchSpace);
        SearchSpaceEncoding encoding =
                withMargin ? SearchSpaceEncoding.withoutHalfSteps(space) : new SearchSpaceEncoding(space);
        String base = "tunekit:" + attrPrefix + spaceId(space);
        SpaceContext context = new SpaceContext(searchSpace, encoding, base);
        lastContext = context;
        return context;
    }

    @Override
    public Map<String, Double> sampleRelative(
            StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        requireSingleObjective(study);
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        if (!startupDone(study)) {
            return Map.of();
        }
        SpaceContext context = context(searchSpace);
        SearchSpaceEncoding encoding = context.encoding();
        String runKey = context.runKey();
        Direction direction = study.directions().get(0);
        while (true) {
            Map<String, Object> attrs = study.systemAttrs();
            Object stored = attrs.get(runKey);
            if (stored == null) {
                study.compareAndSetSystemAttr(
                        runKey, null, initialRun(encoding, direction).toJson());
                continue;
            }
            CmaRun run = parsed(stored);
            CmaOptimizer optimizer = run.optimizer();
            // one attribute per run: {generation, holders}; a new generation's first taker replaces it
            String slotsKey = context.slotsKey(run.restarts());
            Object storedSlots = attrs.get(slotsKey);
            List<?> slots = storedSlots instanceof Map<?, ?> m
                            && m.get("generation") instanceof Number g
                            && g.intValue() == optimizer.generation()
                    ? (List<?>) m.get("holders")
                    : emptySlots(optimizer);
            List<FrozenTrial> all = study.trials(); // read after the attributes: a holder missing is newer
            List<Solution> solutions = new ArrayList<>();
            int free = -1;
            SlotMemo memo = slotMemo;
            boolean memoValid = memo != null && memo.run() == run && memo.holders().length == slots.size();
            FrozenTrial[] finished = new FrozenTrial[slots.size()];
            Solution[] known = new Solution[slots.size()];
            for (int k = 0; k < slots.size(); k++) {
                Solution s = null;
                if (slots.get(k) instanceof Number holder) {
                    FrozenTrial t = byNumber(all, holder.intValue());
                    s = memoValid && t != null && memo.holders()[k] == t
                            ? memo.solutions()[k]
                            : solution(t, encoding, direction);
                    if (s != null) {
                        finished[k] = t;
                        known[k] = s;
                    }
                }
                if (s == FREE_AGAIN || slots.get(k) == null) {
                    free = free < 0 ? k : free;
                } else if (s != null) {
                    solutions.add(s);
                }
            }
            slotMemo = new SlotMemo(run, finished, known);
            if (solutions.size() == optimizer.popsize()) {
                CmaRun next = advance(run, solutions, encoding);
                study.compareAndSetSystemAttr(runKey, stored, next.toJson());
                continue; // whoever won, read the new generation
            }
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + trial.number());
            if (free >= 0) {
                List<Object> taken = new ArrayList<>(slots);
                taken.set(free, trial.number());
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("generation", optimizer.generation());
                value.put("holders", taken);
                if (!study.compareAndSetSystemAttr(slotsKey, storedSlots, value)) {
                    continue;
                }
                study.setTrialSystemAttr(trial, generationKey, optimizer.generation());
                study.setTrialSystemAttr(trial, SLOT_KEY, free);
                if (restartStrategy != RestartStrategy.NONE) {
                    study.setTrialSystemAttr(trial, attrPrefix + "n_restarts", run.restarts());
                }
            } else {
                study.setTrialSystemAttr(trial, OVERFLOW_KEY, optimizer.generation());
            }
            double[] raw;
            double[] x;
            synchronized (optimizer) { // the eigendecomposition is computed once, lazily
                raw = optimizer.ask(random, 10 * optimizer.dimension());
                x = optimizer.encode(raw);
            }
            if (optimizer.margin() != null) {
                List<Object> forTell = new ArrayList<>();
                for (double v : raw) {
                    forTell.add(v);
                }
                study.setTrialSystemAttr(trial, X_FOR_TELL_KEY, forTell);
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (int d = 0; d < x.length; d++) {
                out.put(encoding.names().get(d), encoding.decode(d, x[d]));
            }
            return out;
        }
    }

    /** The trial with this number: trials are numbered 0..n-1 and listed in that order. */
    private static FrozenTrial byNumber(List<FrozenTrial> all, int number) {
        if (number < all.size() && all.get(number).number() == number) {
            return all.get(number);
        }
        for (FrozenTrial t : all) {
            if (t.number() == number) {
                return t;
            }
        }
        return null;
    }

    /** Whether {@code nStartupTrials} trials have finished with a value (which stays true). */
    private boolean startupDone(StudyView study) {
        if (startupDoneStudies.contains(study.name())) {
            return true;
        }
        if (countUsable(study.trials()) < nStartupTrials) {
            return false;
        }
        startupDoneStudies.add(study.name());
        return true;
    }

    /** The run of a stored value, parsed once: the same value gives the same run. */
    private CmaRun parsed(Object stored) {
        ParsedRun last = lastParsed;
        if (last != null && last.stored().equals(stored)) {
            return last.run();
        }
        CmaRun run = CmaRun.fromJson((Map<?, ?>) stored);
        lastParsed = new ParsedRun(stored, run);
        return run;
    }

    private record ParsedRun(Object stored, CmaRun run) {}

    /**
     * The solutions of a run's finished slot holders, by slot, with the trial snapshots they came
     * from: a finished trial never changes, so a holder whose snapshot is the same one is not
     * read again.
     */
    private record SlotMemo(CmaRun run, FrozenTrial[] holders, Solution[] solutions) {}

    /** Marks a slot whose trial ended without a usable value. */
    private static final Solution FREE_AGAIN = new Solution(new double[0], Double.NaN);

    /** The slot holder's solution, {@link #FREE_AGAIN}, or null while it runs. */
    private Solution solution(FrozenTrial t, SearchSpaceEncoding encoding, Direction direction) {
        if (t == null || !t.state().isFinished()) {
            return null;
        }
        Double value = usableValue(t);
        if (value == null) {
            return FREE_AGAIN;
        }
        double[] x = new double[encoding.dimension()];
        if (withMargin) {
            if (!(t.systemAttrs().get(X_FOR_TELL_KEY) instanceof List<?> raw) || raw.size() != x.length) {
                return FREE_AGAIN;
            }
            for (int d = 0; d < x.length; d++) {
                x[d] = ((Number) raw.get(d)).doubleValue();
            }
        } else {
            for (int d = 0; d < x.length; d++) {
                String name = encoding.names().get(d);
                if (!t.params().containsKey(name)) {
                    return FREE_AGAIN;
                }
                x[d] = encoding.encode(
                        d, encoding.distribution(d).toInternal(t.params().get(name)));
            }
        }
        return new Solution(x, direction == Direction.MINIMIZE ? value : -value);
    }

    /** The value a finished trial contributes: COMPLETE's, or a pruned trial's last report if they count. */
    private Double usableValue(FrozenTrial t) {
        if (t.state() == TrialState.COMPLETE) {
            return t.values().get(0);
        }
        if (t.state() == TrialState.PRUNED
                && considerPrunedTrials
                && !t.intermediateValues().isEmpty()) {
            return t.intermediateValues().get(t.intermediateValues().lastKey());
        }
        return null;
    }

    private int countUsable(List<FrozenTrial> trials) {
        int n = 0;
        for (FrozenTrial t : trials) {
            if (usableValue(t) != null) {
                n++;
            }
        }
        return n;
    }

    /** A generation's slots before anyone took one (read only: a taker copies them). */
    private static List<Object> emptySlots(CmaOptimizer optimizer) {
        return Arrays.asList(new Object[optimizer.popsize()]);
    }

    /** The next generation, or a restart when the run has converged and restarts are on. */
    private CmaRun advance(CmaRun run, List<Solution> solutions, SearchSpaceEncoding encoding) {
        CmaOptimizer optimizer;
        synchronized (run.optimizer()) { // not while another thread's ask computes the eigendecomposition
            optimizer = run.optimizer().copy();
        }
        optimizer.tell(solutions);
        if (restartStrategy == RestartStrategy.NONE || !optimizer.shouldStop()) {
            return new CmaRun(
                    optimizer,
                    run.restarts(),
                    run.popsize0(),
                    run.largeRestarts(),
                    run.smallEvaluations(),
                    run.largeEvaluations(),
                    run.smallRegime(),
                    run.seed());
        }
        SplittableRandom random = new SplittableRandom(run.seed() + 0x632BE59BD9B4E019L * (run.restarts() + 1));
        int restarts = run.restarts() + 1;
        if (restartStrategy == RestartStrategy.IPOP) {
            int size = optimizer.popsize() * incPopsize;
            return new CmaRun(
                    restartOptimizer(encoding, size, random),
                    restarts,
                    run.popsize0(),
                    run.largeRestarts(),
                    run.smallEvaluations(),
                    run.largeEvaluations(),
                    false,
                    run.seed());
        }
        long evaluations = (long) optimizer.popsize() * optimizer.generation();
        long small = run.smallEvaluations() + (run.smallRegime() ? evaluations : 0);
        long large = run.largeEvaluations() + (run.smallRegime() ? 0 : evaluations);
        int largeRestarts = run.largeRestarts();
        boolean smallRegime = small < large;
        int size;
        if (smallRegime) {
            double u = random.nextDouble();
            size = (int) Math.floor(run.popsize0() * Math.pow(Math.pow(incPopsize, largeRestarts), u * u));
        } else {
            largeRestarts++;
            size = (int) (run.popsize0() * Math.pow(incPopsize, largeRestarts));
        }
        return new CmaRun(
                restartOptimizer(encoding, Math.max(2, size), random),
                restarts,
                run.popsize0(),
                largeRestarts,
                small,
                large,
                smallRegime,
                run.seed());
    }

    private CmaOptimizer restartOptimizer(SearchSpaceEncoding encoding, int size, SplittableRandom random) {
        double[] mean = new double[encoding.dimension()];
        for (int d = 0; d < mean.length; d++) {
            mean[d] = random.nextDouble();
        }
        return newOptimizer(encoding, mean, sigma0 != null ? sigma0 : 1.0 / 6, null, size);
    }

    private CmaRun initialRun(SearchSpaceEncoding encoding, Direction direction) {
        int dim = encoding.dimension();
        int size = popsize != null ? popsize : CmaOptimizer.defaultPopsize(dim);
        CmaOptimizer optimizer;
        if (sourceTrials != null) {
            WarmStart.Distribution start = WarmStart.estimate(sourceSolutions(encoding, direction));
            optimizer = newOptimizer(encoding, start.mean(), start.sigma(), start.cov(), size);
        } else {
            double[] mean = new double[dim];
            Arrays.fill(mean, 0.5);
            if (x0 != null) {
                for (int d = 0; d < dim; d++) {
                    String name = encoding.names().get(d);
                    if (!x0.containsKey(name)) {
                        throw new IllegalArgumentException("CmaEsSampler: x0 has no value for parameter '" + name
                                + "' of the search space " + encoding.names());
                    }
                    double u = encoding.encode(d, encoding.distribution(d).toInternal(x0.get(name)));
                    mean[d] = Math.max(0, Math.min(1, u));
                }
            }
            optimizer = newOptimizer(encoding, mean, sigma0 != null ? sigma0 : 1.0 / 6, null, size);
        }
        return new CmaRun(optimizer, 0, size, 0, 0, 0, false, seed);
    }

    private CmaOptimizer newOptimizer(
            SearchSpaceEncoding encoding, double[] mean, double sigma, double[][] cov, int size) {
        int dim = encoding.dimension();
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        Arrays.fill(upper, 1.0);
        // Optuna ignores the separable variant in one dimension
        Variant v = dim == 1 ? Variant.FULL : variant;
        CmaOptimizer optimizer = new CmaOptimizer(v, mean, Math.max(sigma, 1e-8), lower, upper, size, cov);
        if (withMargin) {
            optimizer.useMargin(gridSteps(encoding));
        }
        if (lrAdapt && v == Variant.FULL) {
            optimizer.useLearningRateAdaptation();
        }
        return optimizer;
    }

    /** With margin: each dimension's grid step in the unit cube (0 for continuous and log ones). */
    private static double[] gridSteps(SearchSpaceEncoding encoding) {
        double[] steps = new double[encoding.dimension()];
        for (int d = 0; d < steps.length; d++) {
            Distribution dist = encoding.distribution(d);
            if (dist instanceof IntDistribution i && !i.log()) {
                steps[d] = (double) i.step() / ((long) i.high() - i.low());
            } else if (dist instanceof FloatDistribution f && f.hasStep()) {
                steps[d] = f.step() / (f.high() - f.low());
            }
        }
        return steps;
    }

    private List<Solution> sourceSolutions(SearchSpaceEncoding encoding, Direction direction) {
        List<Solution> out = new ArrayList<>();
        for (FrozenTrial t : sourceTrials) {
            Double value = usableValue(t);
            if (value == null || !t.distributions().keySet().equals(Set.copyOf(encoding.names()))) {
                continue;
            }
            double[] x = new double[encoding.dimension()];
            for (int d = 0; d < x.length; d++) {
                x[d] = encoding.encode(
                        d,
                        encoding.distribution(d)
                                .toInternal(t.params().get(encoding.names().get(d))));
            }
            out.add(new Solution(x, direction == Direction.MINIMIZE ? value : -value));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "CmaEsSampler: no source trial is COMPLETE with exactly the parameters " + encoding.names());
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        requireSingleObjective(study);
        if (warnIndependentSampling && !warned.contains(name) && startupDone(study)) {
            warned.add(name);
            LOG.log(
                    Level.WARNING,
                    "The parameter ''{0}'' in trial#{1} is sampled independently by {2} instead of CmaEsSampler "
                            + "(dynamic search space and categorical parameters are not supported by CmaEsSampler); "
                            + "later occurrences are not logged.",
                    name,
                    trial.number(),
                    independentSampler.getClass().getSimpleName());
        }
        return independentSampler.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        independentSampler.beforeTrial(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        independentSampler.afterTrial(study, trial, state, values);
    }

    private static void requireSingleObjective(StudyView study) {
        if (!study.isSingleObjective()) {
            throw new IllegalArgumentException("CmaEsSampler does not support multi-objective optimization; study '"
                    + study.name() + "' has " + study.directions().size() + " objectives");
        }
    }

    /** A short id of the search space, so a changed space starts its own search. */
    private static String spaceId(Map<String, Distribution> space) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(space)
                .forEach((name, d) -> canonical
                        .append(name.length())
                        .append(':')
                        .append(name)
                        .append('=')
                        .append(d)
                        .append(';'));
        return Sha256.hex(canonical.toString(), 8);
    }

    /** Options of a {@link CmaEsSampler}; the defaults are Optuna's. */
    public static final class Builder {
        private Map<String, Object> x0;
        private Double sigma0;
        private int nStartupTrials = 1;
        private Sampler independentSampler;
        private boolean warnIndependentSampling = true;
        private Long seed;
        private boolean considerPrunedTrials;
        private RestartStrategy restartStrategy = RestartStrategy.NONE;
        private Integer popsize;
        private int incPopsize = 2;
        private boolean separable;
        private boolean withMargin;
        private boolean lrAdapt;
        private List<FrozenTrial> sourceTrials;

        private Builder() {}

        /** The initial mean, as external parameter values of every parameter of the search space. */
        public Builder x0(Map<String, ?> x0) {
            this.x0 = Map.copyOf(Objects.requireNonNull(x0, "x0"));
            return this;
        }

        /** The initial step size in the unit cube (default 1/6). */
        public Builder sigma0(double sigma0) {
            if (!(sigma0 > 0) || Double.isInfinite(sigma0)) {
                throw new IllegalArgumentException("CmaEsSampler: sigma0=" + sigma0 + " must be a finite number > 0");
            }
            this.sigma0 = sigma0;
            return this;
        }

        /** Trials sampled by the independent sampler before CMA-ES starts (default 1). */
        public Builder nStartupTrials(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("CmaEsSampler: nStartupTrials=" + n + " must be >= 0");
            }
            this.nStartupTrials = n;
            return this;
        }

        /** The sampler of parameters outside the joint space (default: a {@link RandomSampler}). */
        public Builder independentSampler(Sampler sampler) {
            this.independentSampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /** Whether to log (once per parameter) that a parameter is sampled independently (default yes). */
        public Builder warnIndependentSampling(boolean warn) {
            this.warnIndependentSampling = warn;
            return this;
        }

        /** The seed of the sampling, the restarts and the default independent sampler. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether PRUNED trials count, with their last reported value (default no). */
        public Builder considerPrunedTrials(boolean consider) {
            this.considerPrunedTrials = consider;
            return this;
        }

        /** Restarts on convergence (default none). */
        public Builder restartStrategy(RestartStrategy strategy) {
            this.restartStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** The population size of the first run (default {@code 4 + floor(3 ln n)}). */
        public Builder popsize(int popsize) {
            if (popsize < 2) {
                throw new IllegalArgumentException("CmaEsSampler: popsize=" + popsize + " must be >= 2");
            }
            this.popsize = popsize;
            return this;
        }

        /** The factor of the population at each IPOP or large BIPOP restart (default 2). */
        public Builder incPopsize(int factor) {
            if (factor < 1) {
                throw new IllegalArgumentException("CmaEsSampler: incPopsize=" + factor + " must be >= 1");
            }
            this.incPopsize = factor;
            return this;
        }

        /** The separable CMA-ES: a diagonal covariance, linear cost in the dimension. */
        public Builder useSeparableCma() {
            this.separable = true;
            return this;
        }

        /**
         * CMA-ES with margin (Hamano et al., 2022) for int and stepped float parameters: keeps a
         * minimum probability of moving to the neighbouring grid values, so the search does not
         * stall on one value. Their range is not widened by half a step.
         */
        public Builder withMargin() {
            this.withMargin = true;
            return this;
        }

        /**
         * Learning rate adaptation (Nomura, Akimoto and Ono, 2023): the learning rates of the
         * mean and covariance follow the signal-to-noise ratio of their updates, for multimodal
         * and noisy objectives. Full CMA-ES only.
         */
        public Builder lrAdapt() {
            this.lrAdapt = true;
            return this;
        }

        /**
         * Warm start (Nomura et al., 2021): the initial distribution is fitted to the best 10% of
         * these trials of a similar task (COMPLETE, with exactly the search space's parameters).
         */
        public Builder sourceTrials(List<FrozenTrial> trials) {
            this.sourceTrials = List.copyOf(Objects.requireNonNull(trials, "trials"));
            return this;
        }

        /**
         * The sampler.
         *
         * @throws IllegalArgumentException for source trials with x0, sigma0 or the separable variant
         */
        public CmaEsSampler build() {
            return new CmaEsSampler(this);
        }
    }
}
