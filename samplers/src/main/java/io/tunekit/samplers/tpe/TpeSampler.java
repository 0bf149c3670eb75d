package io.tunekit.samplers.tpe;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.GroupDecomposedSearchSpace;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.internal.RelativeParamsAttr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Tree-structured Parzen Estimator, with Optuna 5's behaviour (docs/semantics.md §4.3).
 *
 * <p>The finished trials (COMPLETE and PRUNED, plus RUNNING ones as "bad" with the constant liar)
 * are split into a good group of {@link Gamma gamma(n)} trials and the rest; a Parzen estimator
 * {@code l(x)} is fitted to the good group's parameters and {@code g(x)} to the others';
 * {@code nEiCandidates} samples are drawn from {@code l} and the one maximising
 * {@code log l(x) - log g(x)} is proposed. Until {@code nStartupTrials} trials have finished,
 * parameters are sampled by a {@link RandomSampler} with the same seed.
 *
 * <ul>
 *   <li><b>Multivariate</b> (default for one objective): the parameters every finished trial has
 *       with the same distribution are sampled jointly; the others (conditional parameters,
 *       changing ranges) by a one-dimensional TPE each. With {@code group}, the parameters are
 *       split into groups that always appear together, each sampled jointly.</li>
 *   <li><b>Constant liar</b> (default on): running trials of other workers count as bad trials,
 *       with their planned parameters, which each trial shares as JSON text in its system
 *       attributes {@code tpe:relative_params:0, :1, ...} (chunks of at most 2045 characters).</li>
 *   <li><b>Constraints</b>: infeasible trials join the good group only after every feasible
 *       COMPLETE and PRUNED trial, least violating first.</li>
 *   <li><b>Several objectives</b>: the good group is made of non-domination fronts, the last one
 *       cut by greedy hypervolume subset selection; its kernels weigh the same.</li>
 * </ul>
 *
 * <p>The sampler keeps what it has read of each study between asks (finished trials never
 * change), so the cost of an ask grows with the number of trials only through the kernel sums.
 * Thread-safe: asks on one sampler are serialised. A seeded sampler repeats its proposals exactly
 * when trials run one at a time.
 */
public final class TpeSampler implements Sampler {

    /** Prefix of the trial system attributes holding the planned relative parameters. */
    public static final String RELATIVE_PARAMS_KEY = "tpe:relative_params:";
    /** Where each trial's plan is shared, in chunks of at most 2045 characters. */
    static final RelativeParamsAttr PLANS = new RelativeParamsAttr(RELATIVE_PARAMS_KEY);

    private final Long seed;
    private final int nStartupTrials;
    private final int nEiCandidates;
    private final Gamma gamma;
    private final Weights weights;
    private final Boolean multivariate;
    private final boolean group;
    private final boolean constantLiar;
    private final EstimatorSettings settings;

    private final SplittableRandom random;
    private final RandomSampler randomSampler;
    private final GroupDecomposedSearchSpace groups = new GroupDecomposedSearchSpace(true);
    private final Map<String, TrialHistory> histories = new HashMap<>();
    // the context the relative search space was inferred from, reused by the sampleRelative call
    // that follows for the same trial, so that one ask reads the study's trials once
    private Context inferred;

    private TpeSampler(Builder b) {
        this.seed = b.seed;
        this.nStartupTrials = b.nStartupTrials;
        this.nEiCandidates = b.nEiCandidates;
        this.gamma = b.gamma;
        this.weights = b.weights;
        this.multivariate = b.multivariate;
        this.group = b.group;
        this.constantLiar = b.constantLiar;
        this.settings = new EstimatorSettings(b.priorWeight, b.magicClip, b.endpoints);
        // the TPE draws use a stream of their own, not the random sampler's copy of the same seed
        this.random = seed == null ? new SplittableRandom() : new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        this.randomSampler = seed == null ? new RandomSampler() : new RandomSampler(seed);
    }

    /** A sampler with Optuna 5's defaults and a random seed. */
    public TpeSampler() {
        this(new Builder());
    }

    /** A builder, with Optuna 5's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private boolean isMultivariate(StudyView study) {
        return multivariate != null ? multivariate : group || study.isSingleObjective();
    }

    private Gamma gammaFor(StudyView study) {
        return gamma != null ? gamma : study.isSingleObjective() ? Gamma.DEFAULT : Gamma.MULTI_OBJECTIVE_DEFAULT;
    }

    @Override
    public synchronized Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        inferred = null;
        if (!isMultivariate(study)) {
            return Map.of();
        }
        SortedMap<String, Distribution> space = new TreeMap<>();
        if (group) {
            for (SortedMap<String, Distribution> g : groups.calculate(study)) {
                g.forEach((name, d) -> {
                    if (!d.isSingle()) {
                        space.put(name, d);
                    }
                });
            }
        } else {
            // IntersectionSearchSpace(includePruned=true), from the trials this ask reads anyway
            inferred = context(study, trial);
            inferred.history().intersection().forEach((name, d) -> {
                if (!d.isSingle()) {
                    space.put(name, d);
                }
            });
        }
        return Collections.unmodifiableSortedMap(space);
    }

    @Override
    public synchronized Map<String, Double> sampleRelative(
            StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        Context context =
                inferred != null && inferred.trialId() == trial.id() && inferred.study() == study ? inferred : null;
        inferred = null;
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        if (context == null) {
            context = context(study, trial);
        }
        if (context.visible.finished().length < nStartupTrials) {
            return Map.of();
        }
        Map<String, Double> params = new LinkedHashMap<>();
        if (group) {
            for (SortedMap<String, Distribution> g : groups.calculate(study)) {
                SortedMap<String, Distribution> sub = new TreeMap<>();
                for (String name : g.keySet()) {
                    Distribution d = searchSpace.get(name);
                    if (d != null && !d.isSingle()) {
                        sub.put(name, d);
                    }
                }
                if (!sub.isEmpty()) {
                    params.putAll(sample(context, sub));
                }
            }
        } else {
            params.putAll(sample(context, new TreeMap<>(searchSpace)));
        }
        if (constantLiar && !params.isEmpty()) {
            PLANS.share(study, trial, searchSpace, params);
        }
        return params;
    }

    @Override
    public synchronized double sampleIndependent(
            StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        Context context = context(study, trial);
        if (context.visible.finished().length < nStartupTrials) {
            return randomSampler.sampleIndependent(study, trial, name, distribution);
        }
        SortedMap<String, Distribution> space = new TreeMap<>();
        space.put(name, distribution);
        return sample(context, space).get(name);
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        randomSampler.beforeTrial(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        randomSampler.afterTrial(study, trial, state, values);
    }

    /** What one sampling call sees of the study. */
    private record Context(
            StudyView study,
            long trialId,
            TrialHistory history,
            TrialHistory.Visible visible,
            int[] below,
            boolean multivariate) {}

    private Context context(StudyView study, FrozenTrial trial) {
        TrialHistory history = histories.get(study.name());
        if (history == null || !history.directions().equals(study.directions())) {
            history = new TrialHistory(study.directions());
            histories.put(study.name(), history);
        }
        List<FrozenTrial> trials = study.trials();
        TrialHistory.Visible visible = history.sync(trials, trial.id());
        if (!constantLiar) {
            visible = new TrialHistory.Visible(visible.finished(), List.of());
        }
        int n = visible.finished().length;
        int nBelow = gammaFor(study).nBelow(n);
        if (nBelow < 0) {
            throw new IllegalStateException("TpeSampler: gamma(" + n + ") returned " + nBelow + "; it must be >= 0");
        }
        int[] below = TrialSplit.below(history, visible.finished(), nBelow);
        return new Context(study, trial.id(), history, visible, below, isMultivariate(study));
    }

    /** Joint TPE over {@code space} (names sorted): internal values of the best candidate. */
    private Map<String, Double> sample(Context c, SortedMap<String, Distribution> space) {
        List<String> names = new ArrayList<>(space.keySet());
        List<Distribution> dists = new ArrayList<>(space.values());
        Observations obs = observe(c, space);
        double[] lWeights = c.study().isSingleObjective()
                ? checkedWeights(obs.belowNumbers().length)
                : Weights.UNIFORM.weights(obs.belowNumbers().length);
        ParzenEstimator below = new ParzenEstimator(dists, obs.below(), lWeights, null, settings);
        NormalizerCache[] caches = new NormalizerCache[names.size()];
        for (int d = 0; d < caches.length; d++) {
            ParamColumn column = c.history().column(names.get(d));
            caches[d] = column == null ? null : column.normalizers();
        }
        ParzenEstimator above = new ParzenEstimator(
                dists,
                obs.above(),
                checkedWeights(obs.aboveNumbers().length),
                obs.aboveOrders(),
                settings,
                caches,
                obs.aboveSlots());

        double[][] candidates = below.sample(random, nEiCandidates);
        double[] lLog = below.logPdf(candidates);
        double[] gLog = above.logPdf(candidates);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.length; i++) {
            double score = lLog[i] - gLog[i];
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int d = 0; d < names.size(); d++) {
            out.put(names.get(d), candidates[best][d]);
        }
        return out;
    }

    /**
     * The observations of l(x) and g(x) for a space: internal values {@code [dimension][kernel]}
     * with the trial number of each kernel (number order), and for g the kernels of each numeric
     * dimension in ascending order of value ({@code null} for categorical dimensions) and each
     * kernel's history index (-1 for a running trial).
     */
    record Observations(
            int[] belowNumbers,
            double[][] below,
            int[] aboveNumbers,
            double[][] above,
            int[][] aboveOrders,
            int[] aboveSlots) {}

    /** {@link Observations} as an ask of {@code trial} sees them (for tests). */
    synchronized Observations observations(StudyView study, FrozenTrial trial, SortedMap<String, Distribution> space) {
        return observe(context(study, trial), space);
    }

    /**
     * l(x) observes the good group's trials that have every parameter of the space; g(x) the
     * other finished trials that have them plus the running trials that planned them (constant
     * liar). Numeric dimensions of g take their sorted order from the history's columns, merged
     * with the few running trials, instead of sorting the whole history again.
     */
    private Observations observe(Context c, SortedMap<String, Distribution> space) {
        List<String> names = new ArrayList<>(space.keySet());
        int dims = names.size();
        TrialHistory history = c.history();
        ParamColumn[] columns = new ParamColumn[dims];
        for (int d = 0; d < dims; d++) {
            columns[d] = history.column(names.get(d));
        }
        boolean[] usable = new boolean[history.size()];
        // every recorded trial has the parameters of the intersection: no need to look
        boolean everyTrialHasAll = history.intersection().keySet().containsAll(names);
        for (int h : c.visible().finished()) {
            usable[h] = everyTrialHasAll || hasAll(columns, h);
        }

        boolean[] isBelow = new boolean[history.size()];
        int[] belowIndices = new int[c.below().length];
        int m = 0;
        for (int h : c.below()) {
            isBelow[h] = true;
            if (usable[h]) {
                belowIndices[m++] = h;
            }
        }
        int[] belowNumbers = new int[m];
        double[][] below = new double[dims][m];
        for (int i = 0; i < m; i++) {
            belowNumbers[i] = history.number(belowIndices[i]);
            for (int d = 0; d < dims; d++) {
                below[d][i] = columns[d].value(belowIndices[i]);
            }
        }

        List<double[]> runningValues = new ArrayList<>();
        List<Integer> runningNumbers = new ArrayList<>();
        for (FrozenTrial t : c.visible().running()) {
            double[] v = plannedValues(t, space, names, c.multivariate());
            if (v != null) {
                runningValues.add(v);
                runningNumbers.add(t.number());
            }
        }
        int[] finished = c.visible().finished();
        int total = runningValues.size();
        for (int h : finished) {
            if (usable[h] && !isBelow[h]) {
                total++;
            }
        }
        int[] kernelOf = new int[history.size()];
        Arrays.fill(kernelOf, -1);
        int[] aboveNumbers = new int[total];
        int[] aboveSlots = new int[total];
        double[][] above = new double[dims][total];
        int[] runningKernel = new int[runningValues.size()];
        // merge the finished and the running trials, both in number order
        int k = 0;
        int r = 0;
        for (int i = 0; i <= finished.length; i++) {
            int h = i < finished.length ? finished[i] : -1;
            int number = h >= 0 ? history.number(h) : Integer.MAX_VALUE;
            while (r < runningValues.size() && runningNumbers.get(r) < number) {
                for (int d = 0; d < dims; d++) {
                    above[d][k] = runningValues.get(r)[d];
                }
                aboveNumbers[k] = runningNumbers.get(r);
                aboveSlots[k] = -1;
                runningKernel[r++] = k++;
            }
            if (h >= 0 && usable[h] && !isBelow[h]) {
                aboveNumbers[k] = number;
                aboveSlots[k] = h;
                kernelOf[h] = k++;
            }
        }
        for (int d = 0; d < dims; d++) {
            double[] row = above[d];
            for (int i = 0; i < total; i++) {
                if (aboveSlots[i] >= 0) {
                    row[i] = columns[d].value(aboveSlots[i]);
                }
            }
        }
        int[][] orders = new int[dims][];
        for (int d = 0; d < dims; d++) {
            if (columns[d] != null && !(space.get(names.get(d)) instanceof CategoricalDistribution)) {
                orders[d] = sortedOrder(columns[d], kernelOf, above[d], runningKernel, total);
            }
        }
        return new Observations(belowNumbers, below, aboveNumbers, above, orders, aboveSlots);
    }

    /** Kernel indices in ascending order of value: the column's order, merged with running kernels. */
    private static int[] sortedOrder(
            ParamColumn column, int[] kernelOf, double[] values, int[] runningKernel, int total) {
        int[] running = runningKernel.clone();
        // few running trials: insertion sort by value
        for (int i = 1; i < running.length; i++) {
            int x = running[i];
            int j = i - 1;
            while (j >= 0 && values[running[j]] > values[x]) {
                running[j + 1] = running[j];
                j--;
            }
            running[j + 1] = x;
        }
        int[] order = new int[total];
        int n = 0;
        int r = 0;
        for (int i = 0; i < column.count(); i++) {
            int h = column.sortedIndex(i);
            if (h >= kernelOf.length || kernelOf[h] < 0) {
                continue;
            }
            double v = column.sortedValue(i);
            while (r < running.length && values[running[r]] < v) {
                order[n++] = running[r++];
            }
            order[n++] = kernelOf[h];
        }
        while (r < running.length) {
            order[n++] = running[r++];
        }
        return order;
    }

    private static boolean hasAll(ParamColumn[] columns, int h) {
        for (ParamColumn column : columns) {
            if (column == null || Double.isNaN(column.value(h))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A running trial's internal values for the space: its suggested parameters, completed in
     * multivariate mode by the relative parameters it shared; {@code null} if one is missing.
     */
    private double[] plannedValues(
            FrozenTrial t, SortedMap<String, Distribution> space, List<String> names, boolean multivariate) {
        Map<String, Object> shared = null;
        double[] out = new double[names.size()];
        for (int d = 0; d < names.size(); d++) {
            String name = names.get(d);
            try {
                if (t.params().containsKey(name)) {
                    out[d] = t.internalParam(name);
                    continue;
                }
                if (!multivariate) {
                    return null;
                }
                if (shared == null) {
                    shared = PLANS.sharedBy(t);
                }
                if (!shared.containsKey(name)) {
                    return null;
                }
                out[d] = space.get(name).toInternal(shared.get(name));
            } catch (IllegalArgumentException e) {
                return null; // planned for another space: not an observation here
            }
        }
        return out;
    }

    private double[] checkedWeights(int n) {
        double[] w = weights.weights(n);
        if (w == null || w.length < n) {
            throw new IllegalStateException("TpeSampler: weights(" + n + ") returned "
                    + (w == null ? "null" : w.length + " values") + "; it must return at least " + n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalStateException(
                        "TpeSampler: weights(" + n + ")[" + i + "] = " + w[i] + "; weights must be finite and >= 0");
            }
            sum += w[i];
        }
        if (n > 0 && sum <= 0) {
            throw new IllegalStateException("TpeSampler: weights(" + n + ") are all zero");
        }
        return w.length == n ? w : Arrays.copyOf(w, n);
    }

    @Override
    public String toString() {
        return "TpeSampler[seed=" + seed + ", nStartupTrials=" + nStartupTrials + ", nEiCandidates=" + nEiCandidates
                + ", multivariate=" + (multivariate == null ? "auto" : multivariate) + ", group=" + group
                + ", constantLiar=" + constantLiar + ", priorWeight=" + settings.priorWeight()
                + ", magicClip=" + settings.magicClip() + ", endpoints=" + settings.endpoints()
                + (gamma == null ? "" : ", gamma=custom") + (weights == Weights.DEFAULT ? "" : ", weights=custom")
                + "]";
    }

    /** Builds a {@link TpeSampler}; every setting starts at Optuna 5's default. */
    public static final class Builder {
        private Long seed;
        private int nStartupTrials = 10;
        private int nEiCandidates = 24;
        private Gamma gamma;
        private Weights weights = Weights.DEFAULT;
        private Boolean multivariate;
        private boolean group;
        private boolean constantLiar = true;
        private double priorWeight = 1.0;
        private boolean magicClip = true;
        private boolean endpoints;

        private Builder() {}

        /** The seed of the TPE draws and of the startup {@link RandomSampler} (default: random). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Random sampling until this many trials are COMPLETE or PRUNED (default 10, at least 0). */
        public Builder nStartupTrials(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("nStartupTrials=" + n + " must be >= 0");
            }
            this.nStartupTrials = n;
            return this;
        }

        /** Candidates drawn from l(x) per proposal (default 24, at least 1). */
        public Builder nEiCandidates(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("nEiCandidates=" + n + " must be >= 1");
            }
            this.nEiCandidates = n;
            return this;
        }

        /**
         * The size of the good group (default: {@link Gamma#DEFAULT} for one objective,
         * {@link Gamma#MULTI_OBJECTIVE_DEFAULT} for several).
         */
        public Builder gamma(Gamma gamma) {
            this.gamma = Objects.requireNonNull(gamma, "gamma");
            return this;
        }

        /** The observations' weights (default {@link Weights#DEFAULT}; uniform for a multi-objective good group). */
        public Builder weights(Weights weights) {
            this.weights = Objects.requireNonNull(weights, "weights");
            return this;
        }

        /** Joint sampling of the common parameters (default: on for one objective, off for several). */
        public Builder multivariate(boolean multivariate) {
            if (!multivariate && group) {
                throw new IllegalArgumentException(
                        "group=true needs multivariate sampling; multivariate=false was set");
            }
            this.multivariate = multivariate;
            return this;
        }

        /** Joint sampling per group of parameters that always appear together (default false; implies multivariate). */
        public Builder group(boolean group) {
            if (group && Boolean.FALSE.equals(multivariate)) {
                throw new IllegalArgumentException(
                        "group=true needs multivariate sampling; multivariate=false was set");
            }
            this.group = group;
            return this;
        }

        /** Running trials count as bad trials with their planned parameters (default true). */
        public Builder constantLiar(boolean constantLiar) {
            this.constantLiar = constantLiar;
            return this;
        }

        /** Weight of the prior kernel (default 1.0, finite and >= 0). */
        public Builder priorWeight(double priorWeight) {
            if (!(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight=" + priorWeight + " must be finite and >= 0");
            }
            this.priorWeight = priorWeight;
            return this;
        }

        /** Bandwidths at least {@code range / min(100, n + 2)} (default true). */
        public Builder magicClip(boolean magicClip) {
            this.magicClip = magicClip;
            return this;
        }

        /** Outermost observations take their bandwidth from the domain's ends too (default false). */
        public Builder endpoints(boolean endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        /** The sampler. */
        public TpeSampler build() {
            return new TpeSampler(this);
        }
    }
}
