package io.tunekit.analysis.importance;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.Arrays;
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
 *
 * <p>One instance serves every density on one distribution's grid: the prior kernel, the same for
 * all of them, is discretised once, and the tail probabilities of a kernel are computed for one
 * half of the grid and mirrored, since the standard normal tails are symmetric. Each tail costs a
 * Commons Math {@code erfc}, by far the dearest step of a density on the grid.
 */
final class ScottParzenGrid {

    static final int MAX_GRID_POINTS = 50;
    static final double PRIOR_WEIGHT = 1.0;
    private static final double MIN_BANDWIDTH = 0.5 / 1.64;

    /** How an internal value maps to the grid. */
    private enum Scale {
        /** The value is the index of a choice. */
        CATEGORICAL,
        /** Evenly spaced points from low to high. */
        LINEAR,
        /** Evenly spaced points from log(low) to log(high). */
        LOG
    }

    private final Scale scale;
    private final int size;
    private final double low;
    private final double stepSize;
    /** The prior kernel's mass on each grid point (numeric grids; empty for categorical ones). */
    private final double[] priorCells;
    /** The prior kernel's mass inside the grid. */
    private final double priorInside;

    private ScottParzenGrid(Distribution distribution) {
        size = gridSize(distribution);
        if (distribution instanceof CategoricalDistribution) {
            scale = Scale.CATEGORICAL;
            low = 0;
            stepSize = 1;
            priorCells = new double[0];
            priorInside = 1;
            return;
        }
        boolean log = distribution instanceof FloatDistribution f ? f.log() : ((IntDistribution) distribution).log();
        scale = log ? Scale.LOG : Scale.LINEAR;
        double lowest = lowOf(distribution);
        double highest = highOf(distribution);
        if (log) {
            lowest = Math.log(lowest);
            highest = Math.log(highest);
        }
        low = lowest;
        stepSize = (highest - lowest) / (size - 1);
        // The prior kernel: centred on the middle of the grid (between two points for an even
        // size), as wide as the grid.
        int middle = (size - 1) / 2;
        double shift = (size - 1) / 2.0 - middle;
        int offset = size - 1 - middle;
        double[] tails = edgeTails(size, shift, size);
        priorCells = Arrays.copyOfRange(cellMasses(tails, shift, size), offset, offset + size);
        priorInside = inside(tails, shift, offset, size);
    }

    /** The grid of a distribution that admits more than one value. */
    static ScottParzenGrid of(Distribution distribution) {
        return new ScottParzenGrid(distribution);
    }

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

    /** The number of grid points. */
    int size() {
        return size;
    }

    /** The grid point of an internal value: its choice, or the nearest point (the lower one of two as near). */
    int index(double internal) {
        if (scale == Scale.CATEGORICAL) {
            return (int) internal;
        }
        double v = scale == Scale.LOG ? Math.log(internal) : internal;
        int index = (int) Math.ceil((v - low) / stepSize - 0.5);
        return Math.max(0, Math.min(size - 1, index));
    }

    /** The estimator's density at every grid point, for the number of values on each ({@link #index}). */
    double[] density(int[] counts) {
        return scale == Scale.CATEGORICAL ? categoricalDensity(counts) : numericDensity(counts);
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

    private double[] numericDensity(int[] counts) {
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
        // Every observation kernel has the same bandwidth and sits on a grid point, so its masses
        // depend only on the offset between grid point and centre: one table serves them all.
        double[] tails = edgeTails(size, 0.0, bandwidth);
        double[] cells = cellMasses(tails, 0.0, size);
        for (int c = 0; c < occupied; c++) {
            int offset = size - 1 - centres[c];
            addKernel(density, cells, offset, inside(tails, 0.0, offset, size), counts[centres[c]] / mixtureTotal);
        }
        double priorWeight = PRIOR_WEIGHT / mixtureTotal;
        for (int k = 0; k < size; k++) {
            density[k] += priorWeight * priorCells[k] / priorInside;
        }
        return density;
    }

    /**
     * The standard normal tail at the cell edges relative to a kernel's centre, in units of its
     * standard deviation: edge {@code i} lies {@code i - (size - 1) - 0.5 - shift} grid steps from
     * the centre's grid point ({@code shift}: how far the centre lies past that point). Each entry
     * holds {@code P(Z <= z)} for an edge below the centre and {@code P(Z > z)} above it, the tail
     * in which each is accurate; a grid point k of a kernel centred at point c spans edges
     * {@code k - c + size - 1} and the one after.
     */
    private static double[] edgeTails(int size, double shift, double sd) {
        double[] tails = new double[2 * size];
        for (int i = 0; i < tails.length; i++) {
            double edge = edge(i, size, shift);
            if (edge <= 0) {
                tails[i] = lowerTail(edge / sd);
            } else {
                // The edge as far below the centre, already filled: the same tail, mirrored.
                tails[i] = tails[2 * size - 1 + (int) (2 * shift) - i];
            }
        }
        return tails;
    }

    private static double edge(int i, int size, double shift) {
        return i - (size - 1) - 0.5 - shift;
    }

    /** The kernel's mass of each cell, {@code [edge a, edge a + 1]} at index a. */
    private static double[] cellMasses(double[] tails, double shift, int size) {
        double[] cells = new double[tails.length - 1];
        for (int a = 0; a < cells.length; a++) {
            cells[a] = mass(tails, shift, a, a + 1, size);
        }
        return cells;
    }

    /** The kernel's mass inside the grid, whose left edge is edge {@code offset}. */
    private static double inside(double[] tails, double shift, int offset, int size) {
        return mass(tails, shift, offset, offset + size, size);
    }

    /**
     * Adds a kernel discretised to the grid (mass of [k - 0.5, k + 0.5]) and truncated to it.
     *
     * @param cells from {@link #cellMasses} for the kernel
     * @param offset the edge index of grid point 0's left edge, {@code size - 1 - c}
     */
    private static void addKernel(double[] density, double[] cells, int offset, double inside, double weight) {
        for (int k = 0; k < density.length; k++) {
            density[k] += weight * cells[offset + k] / inside;
        }
    }

    /** P(edge a < Z < edge b) from the tails, without cancellation in either tail. */
    private static double mass(double[] tails, double shift, int a, int b, int size) {
        if (edge(b, size, shift) <= 0) {
            return tails[b] - tails[a];
        }
        if (edge(a, size, shift) > 0) {
            return tails[a] - tails[b];
        }
        return 1 - tails[a] - tails[b];
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
