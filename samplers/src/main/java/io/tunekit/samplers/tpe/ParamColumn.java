package io.tunekit.samplers.tpe;

import java.util.Arrays;

/**
 * The internal values one parameter took in the finished trials of a {@link TrialHistory},
 * by history index ({@code NaN} where a trial does not have it), plus the same values kept
 * sorted, so that bandwidths never need a sort over the whole history.
 */
final class ParamColumn {

    private double[] values = new double[16];
    private double[] sortedValues = new double[16];
    private int[] sortedIndices = new int[16];
    private int sortedCount;
    private final NormalizerCache normalizers = new NormalizerCache();

    ParamColumn() {
        Arrays.fill(values, Double.NaN);
    }

    /** Records {@code value} for history index {@code index} (each index at most once). */
    void put(int index, double value) {
        if (index >= values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, Math.max(index + 1, old * 2));
            Arrays.fill(values, old, values.length, Double.NaN);
        }
        values[index] = value;
        if (sortedCount == sortedValues.length) {
            sortedValues = Arrays.copyOf(sortedValues, sortedCount * 2);
            sortedIndices = Arrays.copyOf(sortedIndices, sortedCount * 2);
        }
        // after every equal value: ties stay in history order
        int lo = 0;
        int hi = sortedCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedValues[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(sortedValues, lo, sortedValues, lo + 1, sortedCount - lo);
        System.arraycopy(sortedIndices, lo, sortedIndices, lo + 1, sortedCount - lo);
        sortedValues[lo] = value;
        sortedIndices[lo] = index;
        sortedCount++;
    }

    /** The normalisers of this parameter's g(x) kernels from the previous ask. */
    NormalizerCache normalizers() {
        return normalizers;
    }

    /** The value at a history index, {@code NaN} if that trial lacks the parameter. */
    double value(int index) {
        return index < values.length ? values[index] : Double.NaN;
    }

    /** How many finished trials have the parameter. */
    int count() {
        return sortedCount;
    }

    /** The history index of the {@code i}-th smallest value. */
    int sortedIndex(int i) {
        return sortedIndices[i];
    }

    /** The {@code i}-th smallest value. */
    double sortedValue(int i) {
        return sortedValues[i];
    }
}
