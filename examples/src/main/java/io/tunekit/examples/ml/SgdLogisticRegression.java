package io.tunekit.examples.ml;

import java.util.Random;

/**
 * A binary logistic regression trained by mini-batch stochastic gradient descent, one epoch at a
 * time, so that a tuning objective can report its validation loss after every epoch: a learning
 * curve for pruners to judge.
 *
 * <p>Each epoch shuffles the rows (seeded) and, for every batch, steps
 * {@code w -= learningRate * (mean gradient of the logistic loss + l2 * w)}; the intercept is not
 * penalised. Standardise the features first. A training run is mutable state and not
 * thread-safe; use one per trial.
 */
public final class SgdLogisticRegression {

    private final double[][] x;
    private final int[] y;
    private final double learningRate;
    private final double l2;
    private final int batchSize;
    private final Random random;
    private final double[] params; // [w_0 .. w_{d-1}, b], as LogisticLoss packs them
    private final int[] order;
    private int epochs;

    private SgdLogisticRegression(double[][] x, int[] y, double learningRate, double l2, int batchSize, long seed) {
        new LogisticLoss(x, y); // validates the rows and labels
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.x = x.clone();
        this.y = y.clone();
        this.learningRate = learningRate;
        this.l2 = l2;
        this.batchSize = batchSize;
        this.random = new Random(seed);
        this.params = new double[x[0].length + 1];
        this.order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /**
     * A run at zero weights on these training rows (labels 0/1).
     *
     * @param seed the seed of the row shuffles
     * @throws IllegalArgumentException if the rows or labels are invalid, the learning rate is not
     *     positive, l2 is negative or the batch size is below 1
     */
    public static SgdLogisticRegression start(
            double[][] x, int[] y, double learningRate, double l2, int batchSize, long seed) {
        return new SgdLogisticRegression(x, y, learningRate, l2, batchSize, seed);
    }

    /** One pass over the shuffled training rows. */
    public void epoch() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int d = params.length - 1;
        double[] gradient = new double[params.length];
        for (int start = 0; start < order.length; start += batchSize) {
            int size = Math.min(batchSize, order.length - start);
            double[][] bx = new double[size][];
            int[] by = new int[size];
            for (int k = 0; k < size; k++) {
                bx[k] = x[order[start + k]];
                by[k] = y[order[start + k]];
            }
            new LogisticLoss(bx, by).evaluate(params, gradient);
            for (int j = 0; j < d; j++) {
                params[j] -= learningRate * (gradient[j] + l2 * params[j]);
            }
            params[d] -= learningRate * gradient[d];
        }
        epochs++;
    }

    /** The number of epochs run. */
    public int epochs() {
        return epochs;
    }

    /** The average logistic loss (log loss, no penalty) of the current weights on these rows. */
    public double loss(double[][] rows, int[] labels) {
        return new LogisticLoss(rows, labels).evaluate(params, null);
    }
}
