package io.tunekit.pruners;

import io.tunekit.Direction;
import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.TrialState;
import io.tunekit.pruner.Pruner;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

/**
 * Hyperband (Optuna's {@code HyperbandPruner}): several {@link SuccessiveHalvingPruner}s, the
 * brackets, each starting its rungs higher than the last, so that some trials are judged early
 * and others late.
 *
 * <p>With {@code n = floor(log_eta(maxResource / minResource)) + 1} brackets, bracket {@code b}
 * is successive halving with {@code minEarlyStoppingRate = b} and gets a share
 * {@code ceil(n * eta^s / (s + 1))}, {@code s = n - 1 - b}, of the trials. A trial's bracket is
 * {@code CRC32("<study name>_<trial number>") mod (sum of the shares)}, located among the
 * shares in order: every worker, in any language, puts a trial in the same bracket. Both the
 * bracket's pruner and the study's sampler ({@link #samplerView}) see only the trials of the
 * trial's own bracket.
 *
 * <p>An automatic {@code maxResource} becomes the largest last step of the COMPLETE trials plus
 * one, once one exists; until then nothing is pruned and the sampler sees the whole study.
 *
 * <p>Thread-safe.
 */
public final class HyperbandPruner implements Pruner {

    private static final System.Logger LOG = System.getLogger(HyperbandPruner.class.getName());

    private final int minResource;
    private final int fixedMaxResource; // 0: automatic
    private final int reductionFactor;
    private final int bootstrapCount;
    private final AtomicReference<Brackets> brackets = new AtomicReference<>();

    /** A pruner with Optuna's defaults: minimum resource 1, automatic maximum, reduction factor 3. */
    public HyperbandPruner() {
        this(builder());
    }

    private HyperbandPruner(Builder b) {
        this.minResource = Validation.atLeast("minResource", b.minResource, 1);
        this.fixedMaxResource = b.maxResource == null ? 0 : Validation.atLeast("maxResource", b.maxResource, 1);
        this.reductionFactor = Validation.atLeast("reductionFactor", b.reductionFactor, 2);
        this.bootstrapCount = Validation.atLeast("bootstrapCount", b.bootstrapCount, 0);
        if (bootstrapCount > 0 && b.maxResource == null) {
            throw new IllegalArgumentException("bootstrapCount=" + bootstrapCount
                    + " needs a fixed maxResource: bootstrapCount > 0 and an automatic maxResource are incompatible");
        }
        if (b.maxResource != null && b.maxResource < minResource) {
            throw new IllegalArgumentException("maxResource must be >= minResource, got maxResource=" + b.maxResource
                    + " < minResource=" + minResource);
        }
    }

    /** A builder for the options (each defaults to Optuna's). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(StudyView study, FrozenTrial trial) {
        Brackets b = brackets(study);
        if (b == null || b.count() == 0) {
            return false;
        }
        int bracket = b.bracketOf(study.name(), trial.number());
        return b.pruners.get(bracket).prune(new BracketView(study, b, bracket), trial);
    }

    /** The trials of {@code trial}'s bracket (the whole study until the brackets are known). */
    @Override
    public StudyView samplerView(StudyView study, FrozenTrial trial) {
        Brackets b = brackets(study);
        if (b == null || b.count() == 0) {
            return study;
        }
        return new BracketView(study, b, b.bracketOf(study.name(), trial.number()));
    }

    /** The brackets, set up on first use once the maximum resource is known; null before. */
    private Brackets brackets(StudyView study) {
        Brackets known = brackets.get();
        if (known != null) {
            return known;
        }
        int maxResource = fixedMaxResource;
        if (maxResource == 0) {
            int largestLastStep = -1;
            for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE))) {
                if (t.lastStep().isPresent()) {
                    largestLastStep = Math.max(largestLastStep, t.lastStep().getAsInt());
                }
            }
            if (largestLastStep < 0) {
                return null;
            }
            maxResource = largestLastStep + 1;
        }
        Brackets created = Brackets.create(minResource, maxResource, reductionFactor, bootstrapCount);
        if (brackets.compareAndSet(null, created) && created.count() == 0) {
            LOG.log(
                    Level.WARNING,
                    "HyperbandPruner: maxResource {0} < minResource {1} gives no bracket; " + "no trial will be pruned",
                    maxResource,
                    minResource);
        }
        return brackets.get();
    }

    /**
     * The bracket of a trial: {@code CRC32("<studyName>_<trialNumber>")} (UTF-8) modulo the sum of
     * the shares, located among the shares in order.
     */
    static int bracketOf(String studyName, int trialNumber, long[] shares) {
        CRC32 crc = new CRC32();
        crc.update((studyName + "_" + trialNumber).getBytes(StandardCharsets.UTF_8));
        long total = 0;
        for (long share : shares) {
            total += share;
        }
        long n = crc.getValue() % total;
        for (int bracket = 0; bracket < shares.length; bracket++) {
            n -= shares[bracket];
            if (n < 0) {
                return bracket;
            }
        }
        throw new AssertionError("unreachable: n < total");
    }

    /** {@code floor(log_eta(maxResource / minResource)) + 1}, computed as Python's math.log does. */
    static int bracketCount(int minResource, int maxResource, int reductionFactor) {
        // Python computes log(x) / log(base) with the C library's log. Doing the same keeps the
        // count, and so every trial's bracket, equal to that of Python workers, also where the
        // quotient rounds below an integer: log(243) / log(3) = 4.999999999999999. Math.log
        // agrees with glibc's log on every (min 1..10, max ..3000, eta 2..7) case checked, while
        // StrictMath.log (fdlibm) differs on ten of them, 243/3 among them.
        double ratio = (double) maxResource / minResource;
        return (int) Math.floor(Math.log(ratio) / Math.log(reductionFactor)) + 1;
    }

    /** The trial shares of the brackets: {@code ceil(n * eta^s / (s + 1))}, s = n - 1 - b. */
    static long[] shares(int bracketCount, int reductionFactor) {
        long[] shares = new long[Math.max(bracketCount, 0)];
        for (int b = 0; b < shares.length; b++) {
            int s = bracketCount - 1 - b;
            long power = 1;
            for (int i = 0; i < s; i++) {
                power = Math.multiplyExact(power, reductionFactor);
            }
            // The same double division as Python's true division of two exact integers.
            shares[b] = (long) Math.ceil((double) Math.multiplyExact(bracketCount, power) / (s + 1));
        }
        return shares;
    }

    @Override
    public String toString() {
        return "HyperbandPruner[minResource=" + minResource + ", maxResource="
                + (fixedMaxResource == 0 ? "auto" : fixedMaxResource) + ", reductionFactor=" + reductionFactor
                + ", bootstrapCount=" + bootstrapCount + "]";
    }

    /** The brackets once the maximum resource is known: their shares and pruners. */
    private static final class Brackets {
        private final long[] shares;
        private final List<SuccessiveHalvingPruner> pruners;

        private Brackets(long[] shares, List<SuccessiveHalvingPruner> pruners) {
            this.shares = shares;
            this.pruners = pruners;
        }

        static Brackets create(int minResource, int maxResource, int reductionFactor, int bootstrapCount) {
            long[] shares = shares(bracketCount(minResource, maxResource, reductionFactor), reductionFactor);
            List<SuccessiveHalvingPruner> pruners = new ArrayList<>();
            for (int b = 0; b < shares.length; b++) {
                pruners.add(SuccessiveHalvingPruner.builder()
                        .minResource(minResource)
                        .reductionFactor(reductionFactor)
                        .minEarlyStoppingRate(b)
                        .bootstrapCount(bootstrapCount)
                        .build());
            }
            return new Brackets(shares, List.copyOf(pruners));
        }

        int count() {
            return shares.length;
        }

        int bracketOf(String studyName, int trialNumber) {
            return HyperbandPruner.bracketOf(studyName, trialNumber, shares);
        }
    }

    /** The study as one bracket sees it: only its own trials; writes go to the study. */
    private static final class BracketView implements StudyView {
        private final StudyView study;
        private final Brackets brackets;
        private final int bracket;

        BracketView(StudyView study, Brackets brackets, int bracket) {
            this.study = study;
            this.brackets = brackets;
            this.bracket = bracket;
        }

        @Override
        public String name() {
            return study.name();
        }

        @Override
        public List<Direction> directions() {
            return study.directions();
        }

        @Override
        public List<FrozenTrial> trials(Set<TrialState> states) {
            List<FrozenTrial> mine = new ArrayList<>();
            for (FrozenTrial t : study.trials(states)) {
                if (brackets.bracketOf(study.name(), t.number()) == bracket) {
                    mine.add(t);
                }
            }
            return mine;
        }

        @Override
        public Map<String, Object> systemAttrs() {
            return study.systemAttrs();
        }

        @Override
        public boolean compareAndSetSystemAttr(String key, Object expected, Object value) {
            return study.compareAndSetSystemAttr(key, expected, value);
        }

        @Override
        public void setTrialSystemAttr(FrozenTrial trial, String key, Object value) {
            study.setTrialSystemAttr(trial, key, value);
        }

        @Override
        public void stop() {
            study.stop();
        }

        @Override
        public String toString() {
            return "BracketView[study=" + study.name() + ", bracket=" + bracket + "]";
        }
    }

    /** Options of a {@link HyperbandPruner}; each defaults to Optuna's. */
    public static final class Builder {
        private int minResource = 1;
        private Integer maxResource;
        private int reductionFactor = 3;
        private int bootstrapCount = 0;

        private Builder() {}

        /** The steps of the lowest rung of the first bracket (default 1, at least 1). */
        public Builder minResource(int minResource) {
            this.minResource = minResource;
            return this;
        }

        /**
         * The most steps a trial runs, e.g. the number of epochs (at least {@code minResource}).
         * Default: automatic, the last step of the first completed trials plus one.
         */
        public Builder maxResource(int maxResource) {
            this.maxResource = maxResource;
            return this;
        }

        /** The factor by which each rung cuts the survivors (default 3, at least 2). */
        public Builder reductionFactor(int reductionFactor) {
            this.reductionFactor = reductionFactor;
            return this;
        }

        /**
         * Values a rung needs before any trial reaching it can go on (default 0, at least 0);
         * needs a fixed {@link #maxResource}.
         */
        public Builder bootstrapCount(int bootstrapCount) {
            this.bootstrapCount = bootstrapCount;
            return this;
        }

        /**
         * The pruner.
         *
         * @throws IllegalArgumentException naming the option whose value breaks its rule
         */
        public HyperbandPruner build() {
            return new HyperbandPruner(this);
        }
    }
}
