package io.tunekit.pruners;

import io.tunekit.Direction;

/** NumPy's {@code nanmin}/{@code nanmax} as the direction wants them. */
final class NanBest {

    private NanBest() {}

    /** The best of the values that are not NaN in this direction, or NaN if there is none. */
    static double of(Iterable<Double> values, Direction direction) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }
}
