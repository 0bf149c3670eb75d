package io.tunekit.samplers.qmc;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import io.tunekit.sampler.RandomSampler;
import io.tunekit.sampler.Sampler;
import io.tunekit.samplers.internal.SearchSpaceEncoding;
import io.tunekit.samplers.internal.Sha256;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quasi-Monte Carlo sampling, as Optuna's {@code QMCSampler}: a low-discrepancy sequence (Sobol
 * or Halton, optionally scrambled) spread over the search space of the study's first finished
 * trial; parameters outside it, and every parameter of the trials started before one finished,
 * come from the independent sampler (a {@link RandomSampler} by default). Floats are mapped linearly (log
 * scale if logarithmic), ints and stepped floats rounded to their grid, categorical choices
 * take equal slices of {@code [0, 1)}.
 *
 * <p>The index into the sequence is a counter in the study system attributes, under Optuna's
 * key ({@code qmc:<sha256 of the sequence and space>}), advanced by compare-and-set: N workers,
 * in threads, processes or machines, draw points 0..N-1 of one sequence, never the same point
 * twice (Optuna's read-then-write can hand two workers one index). The index a trial drew is
 * kept in its system attribute {@value #SAMPLE_ID_KEY}. When scrambled, the scrambling seed is
 * stored in the study by the first worker and used by all, so workers given different seeds
 * still draw from one sequence.
 */
public final class QmcSampler implements Sampler {

    /** Trial system attribute: the index of the sequence point the trial took. */
    public static final String SAMPLE_ID_KEY = "tunekit:qmc:sample_id";

    private static final System.Logger LOG = System.getLogger(QmcSampler.class.getName());
    private static final Set<TrialState> FINISHED_WITH_PARAMS = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED);

    private final QmcType type;
    private final Scrambling scrambling;
    private final long seed;
    private final Sampler independentSampler;
    private final boolean warnIndependentSampling;
    private final Map<String, QmcSequence> sequences = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> seeds = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Distribution>> firstSpaces = new ConcurrentHashMap<>();
    private final Map<SpaceAndSeed, String> counterKeys = new ConcurrentHashMap<>();

    private record SpaceAndSeed(Map<String, Distribution> space, long seed) {}

    private QmcSampler(Builder b) {
        this.type = b.type;
        this.scrambling = b.scrambling;
        this.seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
        this.independentSampler = b.independentSampler != null
                ? b.independentSampler
                : b.seed != null ? new RandomSampler(b.seed) : new RandomSampler();
        this.warnIndependentSampling = b.warnIndependentSampling;
        if (type == QmcType.HALTON && scrambling == Scrambling.DIGITAL_SHIFT) {
            throw new IllegalArgumentException(
                    "QmcSampler: scrambling DIGITAL_SHIFT is for Sobol; use OWEN or NONE with Halton");
        }
    }

    /** A builder with Optuna's defaults: Sobol, not scrambled, a random seed. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The space of the study's first finished (COMPLETE or PRUNED) trial; empty before one has
     * finished. Optuna also uses the union of the running trials' spaces before then, but that
     * union changes while trials suggest, so two workers could draw from sequences of different
     * dimensions; Tunekit waits for the first finished trial.
     */
    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, FrozenTrial trial) {
        Map<String, Distribution> known = firstSpaces.get(study.name());
        if (known != null) {
            return known; // the first finished trial stays the first
        }
        List<FrozenTrial> finished = study.trials(FINISHED_WITH_PARAMS);
        if (finished.isEmpty()) {
            return Map.of();
        }
        Map<String, Distribution> space = finished.get(0).distributions(); // ordered by number
        firstSpaces.put(study.name(), space);
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(
            StudyView study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        // dimensions in name order: every worker and storage agrees on it
        Map<String, Distribution> space = new TreeMap<>(searchSpace);
        if (space.isEmpty()) {
            return Map.of();
        }
        long sharedSeed = sharedSeed(study);
        long index = takeIndex(study, space, sharedSeed);
        study.setTrialSystemAttr(trial, SAMPLE_ID_KEY, index);
        QmcSequence sequence = sequences.computeIfAbsent(
                space.size() + ":" + sharedSeed, k -> new QmcSequence(type, scrambling, space.size(), sharedSeed));
        return mapPoint(space, sequence.point(index));
    }

    /** Internal values of a point of the unit cube, one coordinate per parameter in order. */
    static Map<String, Double> mapPoint(Map<String, Distribution> space, double[] u) {
        SearchSpaceEncoding encoding = new SearchSpaceEncoding(space);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int d = 0; d < u.length; d++) {
            double value = encoding.isCategorical(d) ? encoding.fromUnit(d, u[d]) : encoding.decode(d, u[d]);
            out.put(encoding.names().get(d), value);
        }
        return out;
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        if (warnIndependentSampling
                && warned.add(name)
                && !study.trials(FINISHED_WITH_PARAMS).isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "The parameter ''{0}'' in trial#{1} is sampled independently by {2} instead of QmcSampler "
                            + "(dynamic search space is not supported by QmcSampler); later occurrences are not logged.",
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

    /** The scrambling seed all workers of the study use: the first one stored. */
    private long sharedSeed(StudyView study) {
        if (scrambling == Scrambling.NONE) {
            return 0;
        }
        // once stored, a study's seed never changes: read it once per study
        return seeds.computeIfAbsent(study.name(), n -> {
            String key =
                    "tunekit:qmc:" + type.optunaName() + ":" + scrambling.name().toLowerCase(Locale.ROOT) + ":seed";
            study.compareAndSetSystemAttr(key, null, seed);
            return ((Number) study.systemAttrs().get(key)).longValue();
        });
    }

    /** Atomically takes the next index of the study's counter for this sequence and space. */
    private long takeIndex(StudyView study, Map<String, Distribution> space, long sharedSeed) {
        String key = counterKeys.computeIfAbsent(
                new SpaceAndSeed(Map.copyOf(space), sharedSeed), k -> counterKey(k.space(), k.seed()));
        while (true) {
            Object current = study.systemAttrs().get(key);
            long next = current instanceof Number n ? n.longValue() + 1 : 0;
            if (study.compareAndSetSystemAttr(key, current, next)) {
                return next;
            }
        }
    }

    /**
     * Optuna's key: {@code "qmc:" + sha256(json.dumps(qmc_vars))} with the type, the space (each
     * distribution as Python prints it, names sorted) and the scrambling, so that Optuna's and
     * Tunekit's workers on one study advance the same counter. Digital shift has no Optuna
     * counterpart and gets its own key.
     */
    String counterKey(Map<String, Distribution> space, long sharedSeed) {
        StringBuilder json =
                new StringBuilder("{\"qmc_type\": \"").append(type.optunaName()).append("\", ");
        json.append("\"search_space\": {");
        boolean first = true;
        for (Map.Entry<String, Distribution> e : new TreeMap<>(space).entrySet()) {
            json.append(first ? "" : ", ")
                    .append(pythonJsonString(e.getKey()))
                    .append(": ")
                    .append(pythonJsonString(pythonStr(e.getValue())));
            first = false;
        }
        json.append("}, ");
        switch (scrambling) {
            case NONE -> json.append("\"scramble\": false}");
            case OWEN ->
                json.append("\"scramble\": true, \"seed\": ").append(sharedSeed).append('}');
            case DIGITAL_SHIFT ->
                json.append("\"scramble\": \"digital_shift\", \"seed\": ")
                        .append(sharedSeed)
                        .append('}');
        }
        return "qmc:" + Sha256.hex(json.toString(), 32);
    }

    /** Python's {@code str()} of an Optuna distribution. */
    static String pythonStr(Distribution d) {
        if (d instanceof FloatDistribution f) {
            return "FloatDistribution(high=" + pythonFloat(f.high()) + ", log=" + (f.log() ? "True" : "False")
                    + ", low=" + pythonFloat(f.low()) + ", step=" + (f.hasStep() ? pythonFloat(f.step()) : "None")
                    + ")";
        }
        if (d instanceof IntDistribution i) {
            return "IntDistribution(high=" + i.high() + ", log=" + (i.log() ? "True" : "False") + ", low=" + i.low()
                    + ", step=" + i.step() + ")";
        }
        List<String> choices = new ArrayList<>();
        for (Object c : ((CategoricalDistribution) d).choices()) {
            choices.add(pythonRepr(c));
        }
        return "CategoricalDistribution(choices=(" + String.join(", ", choices) + (choices.size() == 1 ? ",)" : ")")
                + ")";
    }

    private static String pythonRepr(Object c) {
        if (c == null) {
            return "None";
        }
        if (c instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (c instanceof Double v) {
            return pythonFloat(v);
        }
        if (c instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return c.toString();
    }

    /** Python's {@code repr} of a float: shortest digits, scientific below 1e-4 and from 1e16. */
    static String pythonFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = bd.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - bd.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent >= -5 + 1 && exponent < 16) {
            String plain = bd.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** A JSON string as Python's {@code json.dumps} writes it (ASCII, escapes). */
    private static String pythonJsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Options of a {@link QmcSampler}. */
    public static final class Builder {
        private QmcType type = QmcType.SOBOL;
        private Scrambling scrambling = Scrambling.NONE;
        private Long seed;
        private Sampler independentSampler;
        private boolean warnIndependentSampling = true;

        private Builder() {}

        /** The sequence (default Sobol). */
        public Builder qmcType(QmcType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** The scrambling (default none, as Optuna's {@code scramble=False}). */
        public Builder scrambling(Scrambling scrambling) {
            this.scrambling = Objects.requireNonNull(scrambling, "scrambling");
            return this;
        }

        /** The scrambling seed (used if the study has none stored yet) and the independent sampler's seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The sampler of parameters outside the QMC space (default: a {@link RandomSampler}). */
        public Builder independentSampler(Sampler sampler) {
            this.independentSampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /** Whether to log (once per parameter) that a parameter is sampled independently (default yes). */
        public Builder warnIndependentSampling(boolean warn) {
            this.warnIndependentSampling = warn;
            return this;
        }

        /**
         * The sampler.
         *
         * @throws IllegalArgumentException for Halton with {@link Scrambling#DIGITAL_SHIFT}
         */
        public QmcSampler build() {
            return new QmcSampler(this);
        }
    }
}
