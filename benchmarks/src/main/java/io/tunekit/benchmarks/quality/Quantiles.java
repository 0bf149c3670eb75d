package io.tunekit.benchmarks.quality;

import java.util.Arrays;

/**
 * Quantiles with linear interpolation between order statistics: numpy's default method
 * (R type 7): {@code q(p) = x[h] + (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)])} with
 * {@code h = (n - 1) p} on the sorted sample.
 */
public final class Quantiles {

    private Quantiles() {}

    /**
     * The {@code p}-quantile of {@code sample} (not modified).
     *
     * @throws IllegalArgumentException for an empty sample or {@code p} outside [0, 1]
     */
    public static double of(double[] sample, double p) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("the quantile of an empty sample is undefined");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p=" + p + " must be in [0, 1]");
        }
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** The median, {@code of(sample, 0.5)}. */
    public static double median(double[] sample) {
        return of(sample, 0.5);
    }
}
