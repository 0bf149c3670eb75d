package io.tunekit.examples.ml;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * A binary classification score, higher is better, computed from true labels (0/1; class 1 is
 * the positive class) and predicted probabilities of class 1. The label metrics predict class 1
 * when the probability is at least 0.5. A ratio whose denominator is zero (precision with no
 * positive prediction, recall with no positive row) scores 0, as scikit-learn's default does.
 */
public enum Metric {
    /** The fraction of rows predicted correctly. */
    ACCURACY("accuracy"),
    /** Of the rows predicted positive, the fraction that are positive: TP / (TP + FP). */
    PRECISION("precision"),
    /** Of the positive rows, the fraction predicted positive: TP / (TP + FN). */
    RECALL("recall"),
    /** The harmonic mean of precision and recall: 2 TP / (2 TP + FP + FN). */
    F1("f1"),
    /**
     * The area under the ROC curve: the probability that a random positive row gets a higher
     * score than a random negative one, ties counting one half.
     */
    ROC_AUC("roc_auc");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** The name used on the command line and in study names. */
    public String label() {
        return label;
    }

    /**
     * The metric of this name ({@code accuracy, precision, recall, f1, roc_auc}; any case,
     * '-' for '_').
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Metric parse(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : values()) {
            if (m.label.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("metric '" + name + "' is not one of "
                + Arrays.stream(values()).map(Metric::label).collect(Collectors.joining(", ")));
    }

    /**
     * The score of these predictions.
     *
     * @throws IllegalArgumentException if the arrays are empty or differ in length, a label is
     *     not 0/1, a probability is NaN, or (ROC AUC) only one class is present
     */
    public double score(int[] truth, double[] probability) {
        if (truth.length == 0 || truth.length != probability.length) {
            throw new IllegalArgumentException(label + ": " + truth.length + " labels and " + probability.length
                    + " predictions; need the same positive number");
        }
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && truth[i] != 1) {
                throw new IllegalArgumentException(label + ": label " + truth[i] + " at " + i + " is not 0 or 1");
            }
            if (Double.isNaN(probability[i])) {
                throw new IllegalArgumentException(label + ": prediction " + i + " is NaN");
            }
        }
        if (this == ROC_AUC) {
            return rocAuc(truth, probability);
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean predicted = probability[i] >= 0.5;
            if (predicted) {
                if (truth[i] == 1) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (truth[i] == 1) {
                fn++;
            } else {
                tn++;
            }
        }
        return switch (this) {
            case ACCURACY -> (tp + tn) / (double) truth.length;
            case PRECISION -> ratio(tp, tp + fp);
            case RECALL -> ratio(tp, tp + fn);
            case F1 -> ratio(2 * tp, 2 * tp + fp + fn);
            case ROC_AUC -> throw new AssertionError("handled above");
        };
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : numerator / (double) denominator;
    }

    /** Mann-Whitney: AUC = (rank sum of the positives - P(P+1)/2) / (P N), ties at mean rank. */
    private static double rocAuc(int[] truth, double[] probability) {
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(probability);
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == 1) {
                positiveRanks += ranks[i];
                positives++;
            }
        }
        long negatives = truth.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("roc_auc is undefined when only one class is present (" + positives
                    + " positive, " + negatives + " negative rows)");
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
