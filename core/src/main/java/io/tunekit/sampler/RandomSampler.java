package io.tunekit.sampler;

import io.tunekit.FrozenTrial;
import io.tunekit.StudyView;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.SplittableRandom;

/**
 * Samples every parameter independently and uniformly, with Optuna's rules: continuous floats in
 * {@code [low, high)}, log floats uniform in log space, stepped values by rounding a uniform draw
 * on {@code [low - step/2, high + step/2]} to the grid (ints round half up), log ints by rounding
 * {@code exp} of a uniform draw on {@code [log(low - 0.5), log(high + 0.5)]}, categorical choices
 * with equal probability. A seeded sampler repeats its sequence exactly when trials are run one
 * at a time.
 */
public final class RandomSampler implements Sampler {

    private final SplittableRandom random;

    /** A sampler seeded from the system's entropy. */
    public RandomSampler() {
        this.random = new SplittableRandom();
    }

    /** A reproducible sampler. */
    public RandomSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized double sampleIndependent(
            StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return sample(distribution);
    }

    /** One uniform internal value from the distribution (callers synchronise). */
    private double sample(Distribution distribution) {
        if (distribution instanceof FloatDistribution f) {
            return sampleFloat(f);
        }
        if (distribution instanceof IntDistribution i) {
            return sampleInt(i);
        }
        return random.nextInt(((CategoricalDistribution) distribution).choices().size());
    }

    private double sampleFloat(FloatDistribution f) {
        if (f.log()) {
            double x = Math.exp(uniform(Math.log(f.low()), Math.log(f.high())));
            return Math.max(f.low(), Math.min(x, Math.nextDown(f.high())));
        }
        if (f.hasStep()) {
            double step = f.step();
            double x = uniform(f.low() - step / 2, f.high() + step / 2);
            double snapped = f.low() + Math.rint((x - f.low()) / step) * step;
            return Math.max(f.low(), Math.min(snapped, f.high()));
        }
        double x = uniform(f.low(), f.high());
        return Math.min(x, Math.nextDown(f.high()));
    }

    private double sampleInt(IntDistribution d) {
        double x;
        if (d.log()) {
            x = Math.rint(Math.exp(uniform(Math.log(d.low() - 0.5), Math.log(d.high() + 0.5))));
        } else {
            double u = uniform(d.low() - d.step() / 2.0, d.high() + d.step() / 2.0);
            x = d.low() + Math.floor((u - d.low()) / d.step() + 0.5) * d.step();
        }
        return Math.max(d.low(), Math.min(x, d.high()));
    }

    private double uniform(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }
}
