package io.tunekit.samplers.nsga;

import java.util.SplittableRandom;

/**
 * NSGA-III (Deb and Jain 2014), NSGA-II's generational loop with survivors chosen by reference
 * points ({@link ReferencePointSelection}), so that a population keeps spread along a front of
 * three or more objectives, with Optuna 5.0's {@code NSGAIIISampler} semantics and defaults: the
 * options of {@link NsgaIISampler} plus the reference points (default: the Das-Dennis points with
 * dividing parameter 3). Generations and parents are shared through the storage exactly as
 * {@link NsgaIISampler}'s are.
 *
 * <pre>{@code
 * .sampler(NsgaIIISampler.builder().populationSize(92).dividingParameter(12).seed(42).build())
 * }</pre>
 */
public final class NsgaIIISampler extends GeneticSampler {

    /** Optuna's class name, the prefix of the attributes the sampler stores. */
    static final String NAME = "NSGAIIISampler";

    private NsgaIIISampler(Builder b) {
        this(b, b.options());
    }

    private NsgaIIISampler(Builder b, NsgaOptions options) {
        super(
                NAME,
                options,
                selection(b, options),
                "NsgaIIISampler" + options + "[dividingParameter=" + b.dividingParameter
                        + (b.referencePoints != null ? ", " + b.referencePoints.length + " reference points" : "")
                        + "]");
    }

    private static ElitePopulationSelection selection(Builder b, NsgaOptions options) {
        if (b.elitePopulationSelection != null) {
            return b.elitePopulationSelection;
        }
        long seed = options.seed().isPresent()
                ? new SplittableRandom(options.seed().getAsLong() ^ 0x5DEECE66DL).nextLong()
                : new SplittableRandom().nextLong();
        return b.referencePoints != null
                ? new ReferencePointSelection(options.populationSize(), b.referencePoints, seed)
                : new ReferencePointSelection(options.populationSize(), b.dividingParameter, seed);
    }

    /** A sampler with Optuna's defaults. */
    public NsgaIIISampler() {
        this(builder());
    }

    /** A builder with Optuna's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of {@link NsgaIIISampler}; see {@link NsgaBuilder} for the shared ones. */
    public static final class Builder extends NsgaBuilder<Builder> {

        private double[][] referencePoints;
        private int dividingParameter = 3;

        private Builder() {}

        /**
         * Your reference points: one row per point, one coordinate per objective (default: the
         * Das-Dennis points of {@link #dividingParameter}).
         */
        public Builder referencePoints(double[][] points) {
            // validated (and copied) by ReferencePointSelection at build
            this.referencePoints = points.clone();
            return this;
        }

        /** The divisions of each objective of the default reference points, at least 1 (default 3). */
        public Builder dividingParameter(int p) {
            this.dividingParameter = p;
            return this;
        }

        /**
         * The sampler.
         *
         * @throws IllegalArgumentException naming the option if one is out of range
         */
        public NsgaIIISampler build() {
            return new NsgaIIISampler(this);
        }
    }
}
