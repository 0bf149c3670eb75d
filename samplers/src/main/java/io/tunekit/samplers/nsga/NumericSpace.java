package io.tunekit.samplers.nsga;

import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.List;

/**
 * The continuous space the crossovers and mutations work in, Optuna's: a log parameter on a log
 * scale; an int or a stepped float widened by half a step on each side, so that every grid value
 * owns an interval of the same width. Mapping back rounds to the grid and clips to the range,
 * except for a continuous float on a linear scale, which is rejected outside its range (the
 * sampler then makes another child). Immutable.
 */
final class NumericSpace {

    private final Distribution[] distributions;
    private final double[][] bounds;

    /** @param distributions the numeric (float and int) distributions, one per dimension */
    NumericSpace(List<Distribution> distributions) {
        this.distributions = distributions.toArray(Distribution[]::new);
        this.bounds = new double[this.distributions.length][];
        for (int d = 0; d < bounds.length; d++) {
            bounds[d] = bounds(this.distributions[d]);
        }
    }

    private static double[] bounds(Distribution distribution) {
        if (distribution instanceof FloatDistribution f) {
            double half = f.hasStep() ? 0.5 * f.step() : 0;
            return f.log()
                    ? new double[] {Math.log(f.low()), Math.log(f.high())}
                    : new double[] {f.low() - half, f.high() + half};
        }
        IntDistribution i = (IntDistribution) distribution;
        double half = 0.5 * i.step();
        return i.log()
                ? new double[] {Math.log(i.low() - half), Math.log(i.high() + half)}
                : new double[] {i.low() - half, i.high() + half};
    }

    /** The number of dimensions. */
    int dimension() {
        return distributions.length;
    }

    /** Per dimension {@code {low, high}} in the continuous space (fresh arrays). */
    double[][] bounds() {
        double[][] copy = new double[bounds.length][];
        for (int d = 0; d < copy.length; d++) {
            copy[d] = bounds[d].clone();
        }
        return copy;
    }

    /** The continuous coordinate of an internal value of dimension {@code d}. */
    double toContinuous(int d, double internal) {
        return isLog(distributions[d]) ? Math.log(internal) : internal;
    }

    /**
     * Whether a continuous coordinate maps back to a value of dimension {@code d}: always, except
     * for a continuous linear float outside its range.
     */
    boolean accepts(int d, double x) {
        if (distributions[d] instanceof FloatDistribution f && !f.log() && !f.hasStep()) {
            return x >= f.low() && x <= f.high();
        }
        return !Double.isNaN(x);
    }

    /** The internal value of a continuous coordinate of dimension {@code d}, on the grid and in range. */
    double toInternal(int d, double x) {
        Distribution distribution = distributions[d];
        if (distribution instanceof FloatDistribution f) {
            if (f.log()) {
                return clip(Math.exp(x), f.low(), Math.nextDown(f.high()));
            }
            if (f.hasStep()) {
                return clip(Math.rint((x - f.low()) / f.step()) * f.step() + f.low(), f.low(), f.high());
            }
            return clip(x, f.low(), Math.nextDown(f.high()));
        }
        IntDistribution i = (IntDistribution) distribution;
        if (i.log()) {
            return clip(Math.rint(Math.exp(x)), i.low(), i.high());
        }
        return clip(Math.floor((x - i.low()) / i.step() + 0.5) * i.step() + i.low(), i.low(), i.high());
    }

    /** Clips to the continuous bounds of dimension {@code d}. */
    double clipToBounds(int d, double x) {
        return clip(x, bounds[d][0], bounds[d][1]);
    }

    private static boolean isLog(Distribution distribution) {
        return distribution instanceof FloatDistribution f && f.log()
                || distribution instanceof IntDistribution i && i.log();
    }

    private static double clip(double x, double low, double high) {
        return Math.max(low, Math.min(x, high));
    }
}
