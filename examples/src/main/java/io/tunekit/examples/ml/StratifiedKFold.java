package io.tunekit.examples.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits rows into k folds that keep the class proportions: each class's rows are shuffled
 * (seeded) and dealt round-robin, so every fold holds each class's count divided by k, give or
 * take one. Every row is in exactly one fold's validation part.
 */
public final class StratifiedKFold {

    /** One train/validation split: row indices, ascending, disjoint. */
    public record Fold(int[] train, int[] validation) {
        /** Copies the arrays. */
        public Fold {
            train = train.clone();
            validation = validation.clone();
        }

        @Override
        public int[] train() {
            return train.clone();
        }

        @Override
        public int[] validation() {
            return validation.clone();
        }
    }

    private StratifiedKFold() {}

    /**
     * The k folds of these labels.
     *
     * @param labels class index of each row
     * @param k the number of folds, at least 2
     * @param seed the shuffle seed (the same seed gives the same folds)
     * @throws IllegalArgumentException if {@code k < 2} or a class has fewer than k rows
     */
    public static List<Fold> split(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k=" + k + " folds: cross-validation needs at least 2");
        }
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0 && counts[c] < k) {
                throw new IllegalArgumentException("class " + c + " has only " + counts[c] + " rows; each class needs "
                        + "at least k=" + k + " rows to appear in every fold");
            }
        }
        int[] foldOf = new int[labels.length];
        SplittableRandom random = new SplittableRandom(seed);
        int dealt = 0;
        for (int c = 0; c < classes; c++) {
            int[] rows = new int[counts[c]];
            int n = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows[n++] = i;
                }
            }
            for (int i = rows.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            // Continue the deal where the previous class stopped, so the fold sizes stay within one.
            for (int row : rows) {
                foldOf[row] = dealt++ % k;
            }
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int fold = f;
            int[] validation = java.util.stream.IntStream.range(0, labels.length)
                    .filter(i -> foldOf[i] == fold)
                    .toArray();
            int[] train = java.util.stream.IntStream.range(0, labels.length)
                    .filter(i -> foldOf[i] != fold)
                    .toArray();
            folds.add(new Fold(train, validation));
        }
        return List.copyOf(folds);
    }
}
