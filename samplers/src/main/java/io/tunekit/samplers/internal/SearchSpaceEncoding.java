package io.tunekit.samplers.internal;

import io.tunekit.distribution.CategoricalDistribution;
import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a search space to the unit cube and back, as Optuna's {@code _SearchSpaceTransform} with
 * {@code transform_0_1} does (the GP's input space, the QMC sampler's output space).
 *
 * <ul>
 *   <li>A numeric dimension is mapped into [0, 1]: its range is widened by half a step on each
 *       side when it has a grid (ints always do), put on a log scale when it is logarithmic, then
 *       scaled linearly; a degenerate range maps to 0.5.</li>
 *   <li>A categorical dimension keeps the choice index (the kernel compares indices by equality).</li>
 * </ul>
 * A dimension is <em>continuous</em> (a float without step), <em>discrete</em> (an int or a
 * stepped float: finitely many grid points) or <em>categorical</em>. Decoding rounds to the grid
 * with Optuna's rule {@code low + floor((v - low + step/2) / step) * step} and clips to the range,
 * so the result always lies in the distribution. Immutable.
 */
public final class SearchSpaceEncoding {

    private final List<String> names;
    private final Distribution[] distributions;
    /** Number of grid points (choices for categorical); 0 for continuous dimensions. */
    private final long[] gridSizes;

    private final boolean[] categorical;
    private final boolean[] logScale;
    private final double[] low;
    private final double[] high;
    private final double[] step;
    /** The widened (and possibly log) range that maps onto [0, 1]. */
    private final double[] spanLow;

    private final double[] spanHigh;

    /** How far a numeric dimension with a grid reaches beyond its end points. */
    private final double halfStepFactor;

    /** @param space parameter name to distribution, in the order of the dimensions */
    public SearchSpaceEncoding(Map<String, Distribution> space) {
        this(space, 0.5);
    }

    /**
     * An encoding whose grid dimensions map exactly {@code [low, high]} onto [0, 1], without the
     * half step on each side (Optuna's {@code transform_step=False}, for CMA-ES with margin).
     */
    public static SearchSpaceEncoding withoutHalfSteps(Map<String, Distribution> space) {
        return new SearchSpaceEncoding(space, 0.0);
    }

    private SearchSpaceEncoding(Map<String, Distribution> space, double halfStepFactor) {
        this.halfStepFactor = halfStepFactor;
        int dim = space.size();
        names = List.copyOf(new ArrayList<>(space.keySet()));
        distributions = new Distribution[dim];
        gridSizes = new long[dim];
        categorical = new boolean[dim];
        logScale = new boolean[dim];
        low = new double[dim];
        high = new double[dim];
        step = new double[dim];
        spanLow = new double[dim];
        spanHigh = new double[dim];
        int d = 0;
        for (Distribution distribution : space.values()) {
            distributions[d] = distribution;
            if (distribution instanceof CategoricalDistribution c) {
                categorical[d] = true;
                gridSizes[d] = c.choices().size();
            } else if (distribution instanceof FloatDistribution f) {
                setNumeric(d, f.low(), f.high(), f.hasStep() ? f.step() : 0, f.log());
            } else {
                IntDistribution i = (IntDistribution) distribution;
                setNumeric(d, i.low(), i.high(), i.step(), i.log());
            }
            d++;
        }
    }

    private void setNumeric(int d, double lo, double hi, double st, boolean log) {
        low[d] = lo;
        high[d] = hi;
        step[d] = st;
        logScale[d] = log;
        double a = lo - halfStepFactor * st;
        double b = hi + halfStepFactor * st;
        spanLow[d] = log ? Math.log(a) : a;
        spanHigh[d] = log ? Math.log(b) : b;
        gridSizes[d] = st > 0 ? (long) Math.floor((hi - lo) / st + 0.5) + 1 : 0;
    }

    /** The number of dimensions. */
    public int dimension() {
        return names.size();
    }

    /** The parameter names, in dimension order. */
    public List<String> names() {
        return names;
    }

    /** The distribution of dimension {@code d}. */
    public Distribution distribution(int d) {
        return distributions[d];
    }

    /** Whether dimension {@code d} is categorical (kernel: Hamming distance). */
    public boolean isCategorical(int d) {
        return categorical[d];
    }

    /** Whether dimension {@code d} is a float without step. */
    public boolean isContinuous(int d) {
        return gridSizes[d] == 0;
    }

    /** The categorical flags of all dimensions (a fresh array). */
    public boolean[] categoricalMask() {
        return categorical.clone();
    }

    /** The number of values of a discrete or categorical dimension. */
    public long gridSize(int d) {
        return gridSizes[d];
    }

    /** The encoded value of grid point {@code i} of a discrete or categorical dimension. */
    public double gridPoint(int d, long i) {
        return categorical[d] ? i : normalize(d, gridValue(d, i));
    }

    /** The grid index nearest to the encoded value {@code u} of a discrete or categorical dimension. */
    public long gridIndex(int d, double u) {
        if (categorical[d]) {
            return Math.max(0, Math.min(gridSizes[d] - 1, Math.round(u)));
        }
        double k = Math.floor((denormalize(d, u) - low[d] + 0.5 * step[d]) / step[d]);
        return (long) Math.max(0, Math.min(gridSizes[d] - 1, k));
    }

    /** Encodes an internal parameter value. */
    public double encode(int d, double internal) {
        return categorical[d] ? internal : normalize(d, internal);
    }

    /** Encodes one point (internal values in dimension order). */
    public double[] encode(double[] internal) {
        double[] u = new double[internal.length];
        for (int d = 0; d < u.length; d++) {
            u[d] = encode(d, internal[d]);
        }
        return u;
    }

    /**
     * Maps a uniform draw in [0, 1) to an encoded value: categorical choices by
     * {@code floor(u * C)}, discrete dimensions snapped to their grid, continuous ones as is.
     */
    public double fromUnit(int d, double u) {
        if (categorical[d]) {
            return Math.min(gridSizes[d] - 1, (long) Math.floor(u * gridSizes[d]));
        }
        return snap(d, u);
    }

    /** The encoded value of the grid point nearest to {@code u} (clipped to [0, 1] if continuous). */
    public double snap(int d, double u) {
        if (isContinuous(d)) {
            return Math.max(0, Math.min(1, u));
        }
        return gridPoint(d, gridIndex(d, u));
    }

    /**
     * The internal value of an encoded one: rounded onto the grid (ints to integers, categorical
     * to an index) and clipped to the range, so the distribution contains it.
     */
    public double decode(int d, double u) {
        if (!isContinuous(d)) {
            return categorical[d] ? gridIndex(d, u) : gridValue(d, gridIndex(d, u));
        }
        return Math.max(low[d], Math.min(high[d], denormalize(d, u)));
    }

    private double gridValue(int d, long i) {
        // The last point is high itself, so a float grid never overshoots its range by rounding.
        return i >= gridSizes[d] - 1 ? high[d] : low[d] + i * step[d];
    }

    private double normalize(int d, double v) {
        double span = spanHigh[d] - spanLow[d];
        if (span == 0) {
            return 0.5;
        }
        return ((logScale[d] ? Math.log(v) : v) - spanLow[d]) / span;
    }

    private double denormalize(int d, double u) {
        double v = spanLow[d] + u * (spanHigh[d] - spanLow[d]);
        return logScale[d] ? Math.exp(v) : v;
    }
}
