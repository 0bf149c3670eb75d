package io.tunekit.samplers.gp;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.Distribution;
import io.tunekit.sampler.IntersectionSearchSpace;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.gp.internal.GaussianProcess;
import io.tunekit.samplers.gp.internal.KernelFit;
import io.tunekit.samplers.gp.internal.KernelParams;
import io.tunekit.samplers.internal.RelativeParamsAttr;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gaussian-process Bayesian optimisation for single-objective studies, following Optuna's
 * {@code GPSampler} (see {@code docs/semantics.md} §4.4; running trials are handled with the
 * Kriging believer of Optuna 4.x), with two changes to the model that make it find better values
 * in fewer trials (measured in {@code benchmarks/results/gp.md}): the objective values are warped
 * before they are modelled, and the length scale prior grows with the dimension. Turning both off
 * ({@code warpOutputs(false)}, {@code lengthscalePrior(LengthscalePrior.OPTUNA)}) gives Optuna's
 * model.
 *
 * <p>What it guarantees:
 * <ul>
 *   <li>Until the study has {@code nStartupTrials} COMPLETE trials (default 10), every parameter
 *       comes from the independent sampler (default: a {@link RandomSampler} with the same seed).
 *       Afterwards the parameters every COMPLETE trial has with the same distribution (the
 *       intersection search space, single-valued ones left out) are proposed jointly by the GP;
 *       any other parameter still goes to the independent sampler, with a warning.</li>
 *   <li>The model: inputs mapped into [0, 1] (log and step aware; categorical choices kept as
 *       indices, compared by equality), outputs turned into maximisation, clipped to their finite
 *       range and standardised, then (unlike Optuna, unless {@link Builder#warpOutputs} is
 *       off) warped by a Yeo-Johnson power transform fitted by maximum likelihood and
 *       standardised again; an ARD Matern 5/2 kernel with a scale and Gaussian noise (floor
 *       {@code 1e-6}, fixed there when {@link Builder#deterministicObjective}), fitted by maximum
 *       a posteriori (the length scale prior of {@link Builder#lengthscalePrior}, Optuna's priors
 *       on the kernel scale and the noise), warm-started from the previous fit.</li>
 *   <li>The proposal maximises log expected improvement over the best observed value, computed
 *       in log space so that it stays finite and ordered far below the incumbent. With
 *       constraints ({@code trial.setConstraint}), each constraint gets its own GP and the
 *       proposal maximises log constrained EI (EI over the best feasible value plus the log
 *       probability of each constraint being {@code <= 0}). Trials still running are added to
 *       the GPs at their predicted value (Kriging believer), so parallel workers spread out.</li>
 *   <li>Proposed values always lie in their distributions: ints and stepped floats on their grid,
 *       everything clipped to its range. A seeded sampler repeats its proposals exactly when
 *       trials run one at a time.</li>
 *   <li>The planned parameters are shared with other workers as Optuna does, in the trial system
 *       attributes {@code gp:relative_params:<i>}.</li>
 * </ul>
 * Thread-safe: the model building and the acquisition search of concurrent trials run one at a
 * time, which also lets each worker see the plans of the others.
 */
public final class GpSampler implements Sampler {

    private static final System.Logger LOG = System.getLogger(GpSampler.class.getName());
    /** Where each trial's plan is shared: {@code gp:relative_params:<i>}, as Optuna's GPSampler. */
    static final RelativeParamsAttr PLANS = new RelativeParamsAttr("gp:relative_params:");
    /** Optuna's floor for standard deviations in the output standardisation. */
    private static final double STD_FLOOR = 1e-10;

    private static final String OBJECTIVE_ROLE = "objective";
    private static final String CONSTRAINT_ROLE = "constraint:";

    private final Sampler independentSampler;
    private final int nStartupTrials;
    private final boolean deterministicObjective;
    private final boolean warnIndependentSampling;
    private final boolean warpOutputs;
    private final LengthscalePrior lengthscalePrior;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final SplittableRandom random;
    /** Previous fits by role, for warm starts; guarded by {@link #lock}. */
    private final Map<String, CachedFit> fitCache = new HashMap<>();

    private GpSampler(Builder b) {
        this.random = b.seed == null ? new SplittableRandom() : new SplittableRandom(b.seed).split();
        this.independentSampler = b.independentSampler != null
                ? b.independentSampler
                : b.seed == null ? new RandomSampler() : new RandomSampler(b.seed);
        this.nStartupTrials = b.nStartupTrials;
        this.deterministicObjective = b.deterministicObjective;
        this.warnIndependentSampling = b.warnIndependentSampling;
        this.warpOutputs = b.warpOutputs;
        this.lengthscalePrior = b.lengthscalePrior;
    }

    /** A sampler with the defaults: random seed, 10 startup trials, noisy objective. */
    public GpSampler() {
        this(new Builder());
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        requireSingleObjective(study);
        Map<String, Distribution> space = new LinkedHashMap<>();
        IntersectionSearchSpace.of(study, false).forEach((name, distribution) -> {
            if (!distribution.isSingle()) {
                space.put(name, distribution);
            }
        });
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        requireSingleObjective(study);
        // One trial at a time, from reading the study to sharing the plan: a worker that waits
        // here then sees the plans of those before it and believes them (Kriging believer).
        synchronized (lock) {
            Map<String, Double> proposal = plan(study, trial, space);
            PLANS.share(study, trial, space, proposal);
            return proposal;
        }
    }

    /** The GP's proposal for the trial, or an empty map during the startup. Holds the lock. */
    private Map<String, Double> plan(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        // Sorted by name: the caller's map may iterate in any order (Map.copyOf's order changes
        // from one JVM to the next), and the dimension order must not, for seeded runs to repeat.
        SearchSpaceEncoding encoding = new SearchSpaceEncoding(new TreeMap<>(space));
        List<FrozenTrial> completed = new ArrayList<>();
        List<double[]> completedInputs = new ArrayList<>();
        List<double[]> running = new ArrayList<>();
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.RUNNING))) {
            if (t.state() == TrialState.COMPLETE) {
                double[] internal = internalValues(t.params(), encoding);
                if (internal != null && t.values().size() == 1) {
                    completed.add(t);
                    completedInputs.add(encoding.encode(internal));
                }
            } else if (t.id() != trial.id()) {
                double[] internal = internalValues(plannedParams(t), encoding);
                if (internal != null) {
                    running.add(encoding.encode(internal));
                }
            }
        }
        if (completed.size() < Math.max(1, nStartupTrials)) {
            return Map.of();
        }
        try {
            return propose(
                    study,
                    encoding,
                    completed,
                    completedInputs.toArray(double[][]::new),
                    running.toArray(double[][]::new));
        } catch (IllegalStateException e) {
            LOG.log(
                    Level.WARNING,
                    "GpSampler could not build its model for trial " + trial.number()
                            + " and samples it independently instead: " + e.getMessage());
            return Map.of();
        }
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        if (warnIndependentSampling
                && study.trials(EnumSet.of(TrialState.COMPLETE)).size() >= nStartupTrials) {
            LOG.log(
                    Level.WARNING,
                    "The parameter ''{0}'' in trial#{1} is sampled independently by {2} instead of "
                            + "GpSampler (dynamic search space is not supported by GpSampler).",
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

    /** Fits the GPs and maximises the acquisition; returns internal values by name. Holds the lock. */
    private Map<String, Double> propose(
            StudyView study,
            SearchSpaceEncoding encoding,
            List<FrozenTrial> completed,
            double[][] x,
            double[][] running) {
        int n = completed.size();
        boolean[] categorical = encoding.categoricalMask();
        double sign = study.directions().get(0) == Direction.MINIMIZE ? -1 : 1;
        // Fits are remembered per study, so a sampler shared by studies warm-starts each from its own.
        String objectiveRole = study.name() + "/" + OBJECTIVE_ROLE;
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = sign * completed.get(i).value();
        }
        double[] y = objectiveValues(raw);
        KernelParams objectiveParams = fit(objectiveRole, encoding, x, y, categorical);
        GaussianProcess objective = new GaussianProcess(x, y, categorical, objectiveParams).believing(running);

        SortedSet<String> constraintKeys = new TreeSet<>();
        for (FrozenTrial t : completed) {
            constraintKeys.addAll(t.constraints().keySet());
        }
        int incumbent = -1;
        for (int i = 0; i < n; i++) {
            if ((constraintKeys.isEmpty() || completed.get(i).isFeasible()) && (incumbent < 0 || y[i] > y[incumbent])) {
                incumbent = i;
            }
        }
        ConstraintModels constraints = constraintModels(study, encoding, completed, x, running, constraintKeys);

        LogEiAcquisition acquisition = new LogEiAcquisition(
                incumbent < 0 ? null : objective,
                incumbent < 0 ? Double.NEGATIVE_INFINITY : y[incumbent],
                constraints.models(),
                constraints.thresholds(),
                encoding.dimension());
        double[] lengthscales = new double[encoding.dimension()];
        for (int d = 0; d < lengthscales.length; d++) {
            lengthscales[d] = objectiveParams.lengthscale(d);
        }
        List<double[]> warmStarts = incumbent < 0 ? List.of() : List.of(x[incumbent]);
        double[] best = new AcquisitionOptimizer(encoding, acquisition, lengthscales).maximize(warmStarts, random);
        Map<String, Double> proposal = new LinkedHashMap<>();
        for (int d = 0; d < encoding.dimension(); d++) {
            proposal.put(encoding.names().get(d), encoding.decode(d, best[d]));
        }
        return proposal;
    }

    /**
     * One GP per constraint key, on the standardised {@code -c} of the trials that have it, with
     * the threshold that corresponds to {@code c = 0}; running trials believed as for the objective.
     */
    private ConstraintModels constraintModels(
            StudyView study,
            SearchSpaceEncoding encoding,
            List<FrozenTrial> completed,
            double[][] x,
            double[][] running,
            SortedSet<String> keys) {
        boolean[] categorical = encoding.categoricalMask();
        List<GaussianProcess> models = new ArrayList<>();
        double[] thresholds = new double[keys.size()];
        int c = 0;
        for (String key : keys) {
            List<double[]> rows = new ArrayList<>();
            List<Double> negated = new ArrayList<>();
            for (int i = 0; i < completed.size(); i++) {
                Double value = completed.get(i).constraints().get(key);
                if (value != null) {
                    rows.add(x[i]);
                    negated.add(-value); // GPs maximise; a constraint wants c <= 0, i.e. -c >= 0
                }
            }
            Standardized s = standardize(
                    negated.stream().mapToDouble(Double::doubleValue).toArray());
            double[][] cx = rows.toArray(double[][]::new);
            KernelParams params =
                    fit(study.name() + "/" + CONSTRAINT_ROLE + key, encoding, cx, s.values(), categorical);
            models.add(new GaussianProcess(cx, s.values(), categorical, params).believing(running));
            thresholds[c++] = -s.mean() / Math.max(STD_FLOOR, s.std());
        }
        return new ConstraintModels(models, thresholds);
    }

    /** The constraint GPs and their feasibility thresholds, in key order. */
    private record ConstraintModels(List<GaussianProcess> models, double[] thresholds) {}

    /** MAP fit warm-started from the previous fit of the same role over the same parameters. */
    private KernelParams fit(
            String role, SearchSpaceEncoding encoding, double[][] x, double[] y, boolean[] categorical) {
        CachedFit cached = fitCache.get(role);
        KernelFit.Fit warm = cached != null && cached.names().equals(encoding.names()) ? cached.fit() : null;
        KernelFit.Fit fit = KernelFit.fit(x, y, categorical, deterministicObjective, lengthscalePrior.model(), warm);
        fitCache.put(role, new CachedFit(encoding.names(), fit));
        return fit.params();
    }

    /** The trial's parameters, completed by its shared plan if it has not suggested them all yet. */
    private static Map<String, Object> plannedParams(FrozenTrial trial) {
        Map<String, Object> params = new LinkedHashMap<>(PLANS.sharedBy(trial));
        params.putAll(trial.params());
        return params;
    }

    /** Internal values in dimension order, or {@code null} if a parameter is missing or not in its distribution. */
    private static double[] internalValues(Map<String, Object> params, SearchSpaceEncoding encoding) {
        double[] out = new double[encoding.dimension()];
        for (int d = 0; d < out.length; d++) {
            Object value = params.get(encoding.names().get(d));
            if (value == null) {
                return null;
            }
            try {
                out[d] = encoding.distribution(d).toInternal(value);
            } catch (IllegalArgumentException notInDistribution) {
                return null;
            }
        }
        return out;
    }

    /**
     * The values the objective's GP models: standardised, then, if {@link #warpOutputs}, warped
     * by the fitted Yeo-Johnson transform and standardised again. Both steps keep the order.
     */
    private double[] objectiveValues(double[] raw) {
        double[] y = standardize(raw).values();
        return warpOutputs ? standardize(YeoJohnsonWarp.fit(y).apply(y)).values() : y;
    }

    /**
     * Clips non-finite values to the finite range (0 if none is finite) and standardises with the
     * population standard deviation, floored at {@code 1e-10}.
     */
    static Standardized standardize(double[] raw) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : raw) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean clipped = false;
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double v = raw[i];
            if (!Double.isFinite(v)) {
                clipped = true;
                v = min > max ? 0 : Math.max(min, Math.min(max, v));
            }
            values[i] = v;
        }
        if (clipped) {
            LOG.log(Level.WARNING, "GpSampler clips non-finite values to the min/max finite values for GP fittings.");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / values.length);
        double divisor = Math.max(STD_FLOOR, std);
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] - mean) / divisor;
        }
        return new Standardized(values, mean, std);
    }

    /** Standardised values with the mean and standard deviation used. */
    record Standardized(double[] values, double mean, double std) {}

    private record CachedFit(List<String> names, KernelFit.Fit fit) {}

    /** Refuses a multi-objective study when it is built or loaded, before any trial runs. */
    @Override
    public void checkStudy(String studyName, List<Direction> directions) {
        if (directions.size() != 1) {
            throw new UnsupportedOperationException("GpSampler supports single-objective studies only; study '"
                    + studyName + "' has " + directions.size() + " objectives");
        }
    }

    /** The same check for a view handed over without a study built with this sampler. */
    private void requireSingleObjective(StudyView study) {
        checkStudy(study.name(), study.directions());
    }

    @Override
    public String toString() {
        return "GpSampler[nStartupTrials=" + nStartupTrials + ", deterministicObjective=" + deterministicObjective
                + ", warpOutputs=" + warpOutputs + ", lengthscalePrior=" + lengthscalePrior
                + ", independentSampler=" + independentSampler.getClass().getSimpleName() + "]";
    }

    /**
     * Settings of a {@link GpSampler}; every setting has Optuna's default except the two model
     * changes, {@link #warpOutputs} and {@link #lengthscalePrior}.
     */
    public static final class Builder {
        private Long seed;
        private int nStartupTrials = 10;
        private boolean deterministicObjective;
        private boolean warnIndependentSampling = true;
        private boolean warpOutputs = true;
        private LengthscalePrior lengthscalePrior = LengthscalePrior.DIMENSION_SCALED;
        private Sampler independentSampler;

        private Builder() {}

        /** Seeds the sampler (and the default independent sampler) for reproducible runs. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * How many COMPLETE trials the independent sampler produces before the GP takes over
         * (default 10; the GP needs at least one).
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder nStartupTrials(int nStartupTrials) {
            if (nStartupTrials < 0) {
                throw new IllegalArgumentException("nStartupTrials=" + nStartupTrials + " must be >= 0");
            }
            this.nStartupTrials = nStartupTrials;
            return this;
        }

        /**
         * Whether the objective is free of noise: the GP noise variance is then fixed at its
         * floor {@code 1e-6} instead of being fitted (default false).
         */
        public Builder deterministicObjective(boolean deterministicObjective) {
            this.deterministicObjective = deterministicObjective;
            return this;
        }

        /**
         * The sampler for the startup trials and for parameters outside the joint search space
         * (default: a {@link RandomSampler} with this sampler's seed).
         */
        public Builder independentSampler(Sampler independentSampler) {
            this.independentSampler = Objects.requireNonNull(independentSampler, "independentSampler");
            return this;
        }

        /** Whether to log a warning when a parameter is sampled independently after the startup (default true). */
        public Builder warnIndependentSampling(boolean warnIndependentSampling) {
            this.warnIndependentSampling = warnIndependentSampling;
            return this;
        }

        /**
         * Whether the objective values are warped by a Yeo-Johnson power transform fitted by
         * maximum likelihood before the GP models them (default true; Optuna's GPSampler does
         * not warp). The transform keeps the order of the values and is the identity on values
         * that already look normal; on heavy-tailed objectives it keeps a few very bad trials
         * from flattening the model around the good ones. Turn it off to model the values as
         * Optuna does.
         */
        public Builder warpOutputs(boolean warpOutputs) {
            this.warpOutputs = warpOutputs;
            return this;
        }

        /**
         * The prior on the kernel's length scales (default {@link LengthscalePrior#DIMENSION_SCALED};
         * {@link LengthscalePrior#OPTUNA} is Optuna's GPSampler prior).
         */
        public Builder lengthscalePrior(LengthscalePrior lengthscalePrior) {
            this.lengthscalePrior = Objects.requireNonNull(lengthscalePrior, "lengthscalePrior");
            return this;
        }

        /** The sampler. */
        public GpSampler build() {
            return new GpSampler(this);
        }
    }
}
