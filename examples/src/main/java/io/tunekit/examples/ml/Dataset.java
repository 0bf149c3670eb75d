package io.tunekit.examples.ml;

import java.util.Arrays;
import java.util.List;

/**
 * A table of numeric features with one class label per row. Immutable: the constructor and
 * every accessor copy, so no caller can change a data set another one holds.
 *
 * <p>Labels are class indices {@code 0 .. classCount()-1}; {@link #classNames()} says what each
 * index stands for in the source file.
 */
public final class Dataset {

    private final double[][] features;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @throws IllegalArgumentException if there are no rows, the rows have different lengths,
     *     the label count differs from the row count, a feature is not finite, or a label is
     *     outside {@code 0 .. classNames.size()-1}
     */
    public Dataset(double[][] features, int[] labels, List<String> classNames) {
        if (features.length == 0) {
            throw new IllegalArgumentException("a data set needs at least one row");
        }
        if (labels.length != features.length) {
            throw new IllegalArgumentException("labels: " + labels.length + " labels for " + features.length + " rows");
        }
        if (classNames.size() < 2) {
            throw new IllegalArgumentException(
                    "a classification data set needs at least two classes, got " + classNames);
        }
        int width = features[0].length;
        this.features = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != width) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + features[i].length + " features; row 0 has " + width);
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(features[i][j])) {
                    throw new IllegalArgumentException("feature " + j + " of row " + i + " is " + features[i][j]
                            + "; features must be finite numbers");
                }
            }
            this.features[i] = features[i].clone();
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i
                        + " is not a class index in 0.." + (classNames.size() - 1));
            }
        }
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    /** The number of rows. */
    public int rows() {
        return features.length;
    }

    /** The number of features per row. */
    public int featureCount() {
        return features[0].length;
    }

    /** The number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /** What each class index stands for, by index. */
    public List<String> classNames() {
        return classNames;
    }

    /** A copy of the feature rows. */
    public double[][] features() {
        return rows(allRows());
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** Copies of the given rows' features, in the given order. */
    public double[][] rows(int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = features[indices[i]].clone();
        }
        return out;
    }

    /** The given rows' labels, in the given order. */
    public int[] labels(int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }

    /** How many rows each class has, by class index. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    private int[] allRows() {
        int[] all = new int[rows()];
        Arrays.setAll(all, i -> i);
        return all;
    }

    @Override
    public String toString() {
        return "Dataset[" + rows() + " rows x " + featureCount() + " features, classes " + classNames + " with "
                + Arrays.toString(classCounts()) + " rows]";
    }
}
