package io.tunekit.samplers.bruteforce;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The internal values a discrete distribution can take, in ascending order. */
final class Candidates {

    /** The most values one parameter may have. */
    static final int MAX_VALUES = 1 << 20;

    private Candidates() {}

    /**
     * Every internal value of the distribution: each int of the step grid, each float of the
     * step grid (decimal arithmetic, so {@code 0.1 + 0.2} is {@code 0.3}), each categorical index.
     *
     * @throws IllegalArgumentException for a float without a step or more than {@link #MAX_VALUES}
     *     values
     */
    static List<Double> of(String name, Distribution distribution) {
        List<Double> out = new ArrayList<>();
        if (distribution instanceof CategoricalDistribution c) {
            for (int i = 0; i < c.choices().size(); i++) {
                out.add((double) i);
            }
        } else if (distribution instanceof IntDistribution d) {
            requireSize(name, ((long) d.high() - d.low()) / d.step() + 1);
            for (long v = d.low(); v <= d.high(); v += d.step()) {
                out.add((double) v);
            }
        } else {
            FloatDistribution f = (FloatDistribution) distribution;
            if (!f.hasStep()) {
                throw new IllegalArgumentException("BruteForceSampler: parameter '" + name + "' is " + f
                        + "; a float needs a step (the search space must be finite)");
            }
            BigDecimal low = decimal(f.low());
            BigDecimal high = decimal(f.high());
            BigDecimal step = decimal(f.step());
            requireSize(name, high.subtract(low).divideToIntegralValue(step).longValue() + 1);
            for (BigDecimal v = low; v.compareTo(high) <= 0; v = v.add(step)) {
                out.add(v.doubleValue());
            }
        }
        return out;
    }

    private static void requireSize(String name, long size) {
        if (size > MAX_VALUES) {
            throw new IllegalArgumentException("BruteForceSampler: parameter '" + name + "' has " + size
                    + " values; at most " + MAX_VALUES + " are enumerated");
        }
    }

    private static BigDecimal decimal(double v) {
        return new BigDecimal(Double.toString(v));
    }
}
