/** Median, percentile, successive halving, Hyperband, threshold, patient and Wilcoxon pruners. */
module io.tunekit.pruners {
    requires transitive io.tunekit.core;
    requires commons.math3; // automatic module (no module descriptor, name from the jar file)

    exports io.tunekit.pruners;
}
