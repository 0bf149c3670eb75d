package io.tunekit.samplers.tpe;

import io.tunekit.distribution.Distribution;
import io.tunekit.distribution.FloatDistribution;
import io.tunekit.distribution.IntDistribution;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A float or int dimension of a Parzen estimator: one normal kernel per observation plus the
 * prior kernel, truncated to the domain, in the transformed space (log for log scales; the range
 * widened by half a step on each side for stepped and int parameters).
 *
 * <p>Bandwidths follow Optuna 5: the observations are sorted and padded with the transformed
 * bounds; each bandwidth is the larger gap to a neighbour; unless {@code endpoints} is set, the
 * smallest and largest of at least two observations take the gap to their one neighbour among the
 * observations; then bandwidths are clipped to {@code [range / min(100, n + 2), range]} (magic
 * clip) or {@code [1e-12, range]}. The prior kernel sits in the middle with the range as
 * bandwidth. A continuous kernel has a truncated-normal density; a stepped one the normal's mass on
 * {@code [x - step/2, x + step/2]} (transformed) over its mass on the widened range.
 */
final class NumericKernels implements KernelDimension {

    private final double low;
    private final double high;
    private final double step; // 0 for a continuous parameter
    private final boolean log;
    private final double lowT; // transformed (widened) bounds
    private final double highT;
    final double[] mu; // transformed means, the prior last
    final double[] sigma;
    private final double[] invSigma;
    private final double[] logNorm; // continuous: -log(sigma) - log(sqrt(2 pi)) - logZ; stepped: -logZ
    // stepped parameters: kernels sharing (mu, sigma) share their mass, computed once per point value
    private final int[] pairOf;
    private final double[] pairMu;
    private final double[] pairSigma;
    private final double[] pairLogZ;
    // stepped parameters: the point values seen so far (few: one per candidate) with their pairs'
    // log masses and transformed cells, allocated on first use; lastMemo is the slot asked for last
    private double[] memoX;
    private double[][] memoMass;
    private double[][] memoCell;
    private int memoCount;
    private int lastMemo = -1;

    /**
     * @param distribution a {@link FloatDistribution} or {@link IntDistribution}
     * @param internal the observations' internal values (any order)
     * @param sortedOrder the indices of {@code internal} in ascending order of value, or {@code null}
     *     to sort here
     * @param settings the estimator options
     */
    NumericKernels(Distribution distribution, double[] internal, int[] sortedOrder, EstimatorSettings settings) {
        this(distribution, internal, sortedOrder, settings, null, null);
    }

    /**
     * As above, reusing continuous kernels' normalisers from {@code cache} where kernel
     * {@code k} has slot {@code slots[k] >= 0} and the same bandwidth as when it was stored.
     */
    NumericKernels(
            Distribution distribution,
            double[] internal,
            int[] sortedOrder,
            EstimatorSettings settings,
            NormalizerCache cache,
            int[] slots) {
        if (distribution instanceof FloatDistribution f) {
            low = f.low();
            high = f.high();
            step = f.hasStep() ? f.step() : 0;
            log = f.log();
        } else if (distribution instanceof IntDistribution i) {
            low = i.low();
            high = i.high();
            step = i.step();
            log = i.log();
        } else {
            throw new IllegalArgumentException("NumericKernels needs a float or int distribution, got " + distribution);
        }
        double lo = low - step / 2;
        double hi = high + step / 2;
        lowT = log ? Math.log(lo) : lo;
        highT = log ? Math.log(hi) : hi;

        int n = internal.length;
        int[] order = sortedOrder != null ? sortedOrder : argsort(internal);
        mu = new double[n + 1];
        sigma = new double[n + 1];
        for (int k = 0; k < n; k++) {
            mu[k] = log ? Math.log(internal[k]) : internal[k];
        }
        double range = highT - lowT;
        double minSigma = settings.magicClip() ? range / Math.min(100.0, n + 2.0) : 1e-12;
        // one pass in sorted order: the larger gap to a neighbour (padded with the bounds),
        // the outermost of two or more from their one neighbour unless endpoints, then the clip
        invSigma = new double[n + 1];
        logNorm = new double[n + 1];
        double previous = lowT;
        double current = n > 0 ? mu[order[0]] : 0;
        for (int i = 0; i < n; i++) {
            double next = i == n - 1 ? highT : mu[order[i + 1]];
            // comparisons instead of Math.max/min, the hottest line here: no NaN can occur, and a
            // zero's sign cannot matter since minSigma > 0 comes next
            double left = current - previous;
            double right = next - current;
            double s = left > right ? left : right;
            s = s > minSigma ? s : minSigma;
            s = s < range ? s : range;
            sigma[order[i]] = s;
            invSigma[order[i]] = 1 / s;
            previous = current;
            current = next;
        }
        if (!settings.endpoints() && n >= 2) {
            // the outermost take the gap to their one neighbour only (set after the loop: no branch in it)
            int first = order[0];
            int second = order[1];
            int last = order[n - 1];
            int beforeLast = order[n - 2];
            sigma[first] = Math.min(Math.max(mu[second] - mu[first], minSigma), range);
            invSigma[first] = 1 / sigma[first];
            sigma[last] = Math.min(Math.max(mu[last] - mu[beforeLast], minSigma), range);
            invSigma[last] = 1 / sigma[last];
        }
        mu[n] = 0.5 * (lowT + highT);
        sigma[n] = range;
        invSigma[n] = 1 / range;
        if (step == 0) {
            // a continuous kernel is truncated to [low, high] itself, not the widened range
            double a0 = log ? Math.log(low) : low;
            double b0 = log ? Math.log(high) : high;
            if (cache != null) {
                cache.bounds(a0, b0);
            }
            double lastSigma = Double.NaN;
            double lastLog = Double.NaN;
            for (int k = 0; k <= n; k++) {
                int slot = cache != null && k < n ? slots[k] : -1;
                double norm = slot >= 0 ? cache.get(slot, sigma[k]) : Double.NaN;
                if (Double.isNaN(norm)) {
                    if (sigma[k] != lastSigma) { // many bandwidths sit at the clip: one log each
                        lastSigma = sigma[k];
                        lastLog = Math.log(lastSigma);
                    }
                    double logZ = NormalMath.logCentralMass((a0 - mu[k]) * invSigma[k], (b0 - mu[k]) * invSigma[k]);
                    norm = -lastLog - NormalMath.LOG_SQRT_2PI - logZ;
                    if (slot >= 0) {
                        cache.put(slot, sigma[k], norm);
                    }
                }
                logNorm[k] = norm;
            }
            pairOf = null;
            pairMu = pairSigma = pairLogZ = null;
        } else {
            pairOf = new int[n + 1];
            double[] pm = new double[n + 1];
            double[] ps = new double[n + 1];
            int pairs = 0;
            int runStart = 0; // first pair of the current run of equal means
            for (int i = 0; i <= n; i++) {
                int k = i < n ? order[i] : n;
                if (i == 0 || i == n || mu[k] != mu[order[i - 1]]) {
                    runStart = pairs;
                }
                int found = -1;
                for (int j = runStart; j < pairs; j++) {
                    if (ps[j] == sigma[k] && pm[j] == mu[k]) {
                        found = j;
                        break;
                    }
                }
                if (found < 0) {
                    pm[pairs] = mu[k];
                    ps[pairs] = sigma[k];
                    found = pairs++;
                }
                pairOf[k] = found;
            }
            pairMu = Arrays.copyOf(pm, pairs);
            pairSigma = Arrays.copyOf(ps, pairs);
            pairLogZ = new double[pairs];
            for (int j = 0; j < pairs; j++) {
                pairLogZ[j] = NormalMath.logCentralMass(
                        (lowT - pairMu[j]) / pairSigma[j], (highT - pairMu[j]) / pairSigma[j]);
            }
            for (int k = 0; k <= n; k++) {
                logNorm[k] = -pairLogZ[pairOf[k]];
            }
        }
    }

    /** Indices of {@code values} in ascending order of value, ties by index. */
    static int[] argsort(double[] values) {
        if (values.length <= SMALL_SORT) {
            return insertionArgsort(values);
        }
        int[] order = new int[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int[] buffer = new int[order.length];
        mergeSort(values, order, buffer, 0, order.length);
        return order;
    }

    private static final int SMALL_SORT = 32;

    /**
     * {@link #argsort} for a few values (the good group's kernels, at most 25 by default): an
     * insertion sort that moves the keys along with the indices, so the comparisons read a local
     * array in order instead of {@code values} through the indices.
     */
    private static int[] insertionArgsort(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            double v = values[i];
            int j = i - 1;
            while (j >= 0 && Double.compare(keys[j], v) > 0) { // strict: ties keep index order
                keys[j + 1] = keys[j];
                order[j + 1] = order[j];
                j--;
            }
            keys[j + 1] = v;
            order[j + 1] = i;
        }
        return order;
    }

    /** Stable merge sort of {@code order[from..to)} by value ({@link Double#compare}), without boxing. */
    private static void mergeSort(double[] values, int[] order, int[] buffer, int from, int to) {
        if (to - from <= 24) { // insertion sort: stable, and fastest on the good group's few kernels
            for (int i = from + 1; i < to; i++) {
                int x = order[i];
                int j = i - 1;
                while (j >= from && Double.compare(values[order[j]], values[x]) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(values, order, buffer, from, mid);
        mergeSort(values, order, buffer, mid, to);
        System.arraycopy(order, from, buffer, from, to - from);
        int a = from;
        int b = mid;
        for (int k = from; k < to; k++) {
            // ties take the left run first: indices stay ascending among equal values
            if (b >= to || (a < mid && Double.compare(values[buffer[a]], values[buffer[b]]) <= 0)) {
                order[k] = buffer[a++];
            } else {
                order[k] = buffer[b++];
            }
        }
    }

    @Override
    public void addConstants(double[] base) {
        for (int k = 0; k < logNorm.length; k++) {
            base[k] += logNorm[k];
        }
    }

    @Override
    public void add(double x, double[] acc, int[] active, int count) {
        if (step == 0) {
            double t = log ? Math.log(x) : x;
            if (active == null) {
                for (int k = 0; k < count; k++) {
                    double z = (t - mu[k]) * invSigma[k];
                    acc[k] -= 0.5 * z * z;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    int k = active[i];
                    double z = (t - mu[k]) * invSigma[k];
                    acc[k] -= 0.5 * z * z;
                }
            }
            return;
        }
        int m = memoIndex(x);
        double[] mass = memoMass[m];
        double[] cell = memoCell[m];
        for (int i = 0; i < count; i++) {
            int k = active == null ? i : active[i];
            acc[k] += pairMass(mass, cell, pairOf[k]);
        }
    }

    @Override
    public double term(int k, double x) {
        if (step == 0) {
            double z = ((log ? Math.log(x) : x) - mu[k]) * invSigma[k];
            return -0.5 * z * z;
        }
        int m = memoIndex(x);
        return pairMass(memoMass[m], memoCell[m], pairOf[k]);
    }

    @Override
    public boolean lowersOnly() {
        return true;
    }

    /**
     * The memo slot of a point value: the log masses of the (mean, bandwidth) pairs on its step
     * cell, filled in as kernels ask for them (NaN: not yet), and the transformed cell. Point values
     * repeat (ints, steps), and once negligible kernels are dropped, most pairs are never needed.
     * A linear scan: an estimator sees one value per candidate, and asks for the last one most.
     */
    private int memoIndex(double x) {
        if (lastMemo >= 0 && Double.compare(memoX[lastMemo], x) == 0) {
            return lastMemo;
        }
        for (int i = 0; i < memoCount; i++) {
            if (Double.compare(memoX[i], x) == 0) {
                return lastMemo = i;
            }
        }
        if (memoX == null) {
            memoX = new double[8];
            memoMass = new double[8][];
            memoCell = new double[8][];
        } else if (memoCount == memoX.length) {
            int size = memoCount * 2;
            memoX = Arrays.copyOf(memoX, size);
            memoMass = Arrays.copyOf(memoMass, size);
            memoCell = Arrays.copyOf(memoCell, size);
        }
        double[] mass = new double[pairMu.length];
        Arrays.fill(mass, Double.NaN);
        double lo = x - step / 2;
        double hi = x + step / 2;
        memoX[memoCount] = x;
        memoMass[memoCount] = mass;
        memoCell[memoCount] = log ? new double[] {Math.log(lo), Math.log(hi)} : new double[] {lo, hi};
        return lastMemo = memoCount++;
    }

    private double pairMass(double[] mass, double[] cell, int j) {
        double m = mass[j];
        if (Double.isNaN(m)) {
            double inv = 1 / pairSigma[j];
            m = NormalMath.logGaussMass((cell[0] - pairMu[j]) * inv, (cell[1] - pairMu[j]) * inv);
            mass[j] = m;
        }
        return m;
    }

    @Override
    public double sample(int k, SplittableRandom random) {
        double a = ((step == 0 ? (log ? Math.log(low) : low) : lowT) - mu[k]) * invSigma[k];
        double b = ((step == 0 ? (log ? Math.log(high) : high) : highT) - mu[k]) * invSigma[k];
        double v = mu[k] + sigma[k] * NormalMath.truncatedPpf(random.nextDouble(), a, b);
        if (log) {
            v = Math.exp(v);
        }
        if (step != 0) {
            v = low + Math.rint((v - low) / step) * step;
        }
        return Math.min(Math.max(v, low), high);
    }
}
