package io.tunekit.pruners;

import java.util.Arrays;

/**
 * The percentile NumPy's {@code nanpercentile} computes with its default linear interpolation
 * (Hyndman and Fan's type 7), to the last bit.
 *
 * <p>Why not Commons Math's {@code Percentile} with {@code R_7}: it rounds differently in about one
 * case in seven (an ulp or two), which flips a pruning decision whenever a trial's value equals
 * the percentile, a common case with rounded metrics such as accuracies; and it rejects the 0th
 * percentile. Pruning decisions must match those of Python workers sharing the study.
 */
final class LinearPercentile {

    private LinearPercentile() {}

    /**
     * The {@code q}-th percentile of the values that are not NaN, or NaN if there are none.
     *
     * @param q in [0, 100]
     */
    static double of(double[] values, double q) {
        double[] v =
                Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double index = (v.length - 1) * (q / 100.0);
        int lower;
        int upper;
        double base;
        if (index >= v.length - 1) {
            // NumPy clamps both neighbours to the last element and measures the weight from -1;
            // the weight is then irrelevant except that inf - inf gives NaN, as in NumPy.
            lower = v.length - 1;
            upper = v.length - 1;
            base = -1;
        } else {
            lower = (int) Math.floor(index);
            upper = lower + 1;
            base = lower;
        }
        double t = index - base;
        double a = v[lower];
        double b = v[upper];
        double diff = b - a;
        // NumPy's _lerp interpolates from the nearer end, which is what makes it exact at t = 1.
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
