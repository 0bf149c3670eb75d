package io.tunekit.analysis.importance;

import io.tunekit.FrozenTrial;
import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * The one-dimensional Parzen estimator PED-ANOVA compares: a parameter's values are counted on a
 * grid (at most {@value #MAX_GRID_POINTS} points; its log for log-scale parameters, its choices for
 * categorical ones), and the density on that grid is a mixture of one kernel per occupied grid
 * point, weighted by its count, plus a wide prior kernel of weight {@value #PRIOR_WEIGHT}.
 * Numeric kernels are normal distributions discretised to the grid and truncated to it, with
 * Scott's bandwidth (never below {@code 0.5 / 1.64} grid steps, so that 90% of a kernel's mass
 * stays within a step of its centre); categorical kernels put most of their mass on their own
 * choice.
 */
final class ScottParzenGrid {

    static final int MAX_GRID_POINTS = 50;
    static final double PRIOR_WEIGHT = 1.0;
    private static final double MIN_BANDWIDTH = 0.5 / 1.64;

    private ScottParzenGrid() {}

    /** The number of grid points for a numeric or categorical distribution. */
    static int gridSize(Distribution distribution) {
        if (distribution instanceof CategoricalDistribution c) {
            return c.choices().size();
        }
        if (distribution instanceof IntDistribution i && i.log()) {
            // One point per doubling of the range, plus one.
            int doublings = (int) Math.ceil(Math.log(i.high() - i.low() + 1) / Math.log(2));
            return Math.min(doublings + 1, MAX_GRID_POINTS);
        }
        if (distribution instanceof IntDistribution i) {
            return Math.min((int) Math.rint((double) (i.high() - i.low()) / i.step()) + 1, MAX_GRID_POINTS);
        }
        FloatDistribution f = (FloatDistribution) distribution;
        if (f.hasStep()) {
            return Math.min((int) Math.rint((f.high() - f.low()) / f.step()) + 1, MAX_GRID_POINTS);
        }
        return MAX_GRID_POINTS;
    }

    /** How many of {@code trials} fall on each grid point of {@code param}. */
    static int[] counts(String param, Distribution distribution, List<FrozenTrial> trials) {
        int size = gridSize(distribution);
        int[] counts = new int[size];
        if (distribution instanceof CategoricalDistribution) {
            for (FrozenTrial t : trials) {
                counts[(int) distribution.toInternal(t.params().get(param))]++;
            }
            return counts;
        }
        boolean log = distribution instanceof FloatDistribution f ? f.log() : ((IntDistribution) distribution).log();
        double low = lowOf(distribution);
        double high = highOf(distribution);
        if (log) {
            low = Math.log(low);
            high = Math.log(high);
        }
        double stepSize = (high - low) / (size - 1);
        for (FrozenTrial t : trials) {
            double v = distribution.toInternal(t.params().get(param));
            if (log) {
                v = Math.log(v);
            }
            // Nearest grid point; a value exactly between two goes to the lower one.
            int index = (int) Math.ceil((v - low) / stepSize - 0.5);
            counts[Math.max(0, Math.min(size - 1, index))]++;
        }
        return counts;
    }

    /** The estimator's density at every grid point, for counts from {@link #counts}. */
    static double[] density(Distribution distribution, int[] counts) {
        return distribution instanceof CategoricalDistribution ? categoricalDensity(counts) : numericDensity(counts);
    }

    private static double[] categoricalDensity(int[] counts) {
        int choices = counts.length;
        int occupied = 0;
        long total = 0;
        for (int c : counts) {
            if (c > 0) {
                occupied++;
                total += c;
            }
        }
        double kernels = occupied + 1;
        double spread = PRIOR_WEIGHT / kernels;
        double rowSum = 1 + choices * spread;
        double mixtureTotal = total + PRIOR_WEIGHT;
        double[] density = new double[choices];
        // Every kernel spreads `spread / rowSum` on each choice; the prior kernel is uniform.
        double background = (total * spread / rowSum + PRIOR_WEIGHT / choices) / mixtureTotal;
        for (int k = 0; k < choices; k++) {
            density[k] = background + counts[k] / rowSum / mixtureTotal;
        }
        return density;
    }

    private static double[] numericDensity(int[] counts) {
        int size = counts.length;
        int occupied = 0;
        long total = 0;
        long weightedSum = 0;
        for (int k = 0; k < size; k++) {
            if (counts[k] > 0) {
                occupied++;
                total += counts[k];
                weightedSum += (long) k * counts[k];
            }
        }
        int[] centres = new int[occupied];
        long[] cumulative = new long[occupied];
        int j = 0;
        long running = 0;
        double mean = (double) weightedSum / total;
        double squares = 0;
        for (int k = 0; k < size; k++) {
            if (counts[k] > 0) {
                centres[j] = k;
                running += counts[k];
                cumulative[j++] = running;
                squares += (k - mean) * (k - mean) * counts[k];
            }
        }
        double sd = Math.sqrt(squares / Math.max(1, total - 1));
        int q1 = firstAtLeast(cumulative, total / 4);
        int q3 = firstAbove(cumulative, total * 3 / 4);
        double iqr = centres[Math.min(occupied - 1, q3)] - centres[q1];
        double bandwidth = Math.max(1.059 * Math.min(iqr / 1.34, sd) * Math.pow(total, -0.2), MIN_BANDWIDTH);

        double mixtureTotal = total + PRIOR_WEIGHT;
        double[] density = new double[size];
        for (int c = 0; c < occupied; c++) {
            addKernel(density, centres[c], bandwidth, counts[centres[c]] / mixtureTotal);
        }
        addKernel(density, (size - 1) / 2.0, size, PRIOR_WEIGHT / mixtureTotal);
        return density;
    }

    /** Adds a normal kernel discretised to the grid (mass of [k - 0.5, k + 0.5]) and truncated to it. */
    private static void addKernel(double[] density, double centre, double sd, double weight) {
        int size = density.length;
        double inside = normalMass((-0.5 - centre) / sd, (size - 0.5 - centre) / sd);
        for (int k = 0; k < size; k++) {
            density[k] += weight * normalMass((k - 0.5 - centre) / sd, (k + 0.5 - centre) / sd) / inside;
        }
    }

    /** P(a < Z < b) for a standard normal Z, computed in the tail where it is accurate. */
    static double normalMass(double a, double b) {
        if (b <= 0) {
            return lowerTail(b) - lowerTail(a);
        }
        if (a > 0) {
            return lowerTail(-a) - lowerTail(-b);
        }
        return 1 - lowerTail(a) - lowerTail(-b);
    }

    private static double lowerTail(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    private static int firstAtLeast(long[] sorted, long value) {
        int i = 0;
        while (i < sorted.length && sorted[i] < value) {
            i++;
        }
        return i;
    }

    private static int firstAbove(long[] sorted, long value) {
        int i = 0;
        while (i < sorted.length && sorted[i] <= value) {
            i++;
        }
        return i;
    }

    private static double lowOf(Distribution d) {
        return d instanceof FloatDistribution f ? f.low() : ((IntDistribution) d).low();
    }

    private static double highOf(Distribution d) {
        return d instanceof FloatDistribution f ? f.high() : ((IntDistribution) d).high();
    }
}
