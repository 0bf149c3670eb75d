package io.tunekit.examples.ml;

import java.util.List;

/**
 * Stratified k-fold cross-validation of a binary {@link LogisticRegression}: for each fold, the
 * features are standardised with statistics of the training rows only, the model is fitted on
 * the training rows and scored on the validation rows. The folds and their standardised copies
 * are prepared once, so scoring many hyperparameter settings costs only the fits. Immutable and
 * safe to share between threads.
 */
public final class CrossValidation {

    private record PreparedFold(double[][] trainX, int[] trainY, double[][] validationX, int[] validationY) {}

    private final List<PreparedFold> folds;

    private CrossValidation(List<PreparedFold> folds) {
        this.folds = folds;
    }

    /**
     * Prepares k stratified folds of a two-class data set.
     *
     * @throws IllegalArgumentException if the data set does not have exactly two classes, or a
     *     class has fewer than k rows
     */
    public static CrossValidation stratified(Dataset data, int k, long seed) {
        if (data.classCount() != 2) {
            throw new IllegalArgumentException("logistic regression here is binary, but the data set has "
                    + data.classCount() + " classes " + data.classNames());
        }
        List<PreparedFold> prepared = StratifiedKFold.split(data.labels(), k, seed).stream()
                .map(fold -> {
                    double[][] train = data.rows(fold.train());
                    Standardizer scaler = Standardizer.fit(train);
                    return new PreparedFold(
                            scaler.transform(train),
                            data.labels(fold.train()),
                            scaler.transform(data.rows(fold.validation())),
                            data.labels(fold.validation()));
                })
                .toList();
        return new CrossValidation(prepared);
    }

    /** The number of folds. */
    public int folds() {
        return folds.size();
    }

    /** The metric on each fold's validation rows, by fold. */
    public double[] foldScores(LogisticRegression regression, Metric metric) {
        double[] scores = new double[folds.size()];
        for (int f = 0; f < folds.size(); f++) {
            PreparedFold fold = folds.get(f);
            LogisticModel model = regression.fit(fold.trainX(), fold.trainY());
            scores[f] = metric.score(fold.validationY(), model.probabilities(fold.validationX()));
        }
        return scores;
    }

    /** The mean of {@link #foldScores}: the cross-validated score. */
    public double score(LogisticRegression regression, Metric metric) {
        return java.util.Arrays.stream(foldScores(regression, metric)).average().orElseThrow();
    }
}
