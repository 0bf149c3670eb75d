package io.tunekit.examples.ml;

/**
 * A fitted binary logistic regression: {@code P(label = 1 | x) = sigmoid(w . x + b)}, with how
 * the fit ended. Immutable.
 */
public final class LogisticModel {

    private final double[] weights;
    private final double intercept;
    private final int iterations;
    private final boolean converged;

    LogisticModel(double[] weights, double intercept, int iterations, boolean converged) {
        this.weights = weights.clone();
        this.intercept = intercept;
        this.iterations = iterations;
        this.converged = converged;
    }

    /** A copy of the feature weights {@code w}. */
    public double[] weights() {
        return weights.clone();
    }

    /** The intercept {@code b} (never penalised). */
    public double intercept() {
        return intercept;
    }

    /** The solver's iteration count. */
    public int iterations() {
        return iterations;
    }

    /** Whether the solver met its tolerance before its iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** How many weights are exactly zero. */
    public int zeroWeights() {
        int zeros = 0;
        for (double w : weights) {
            if (w == 0) {
                zeros++;
            }
        }
        return zeros;
    }

    /**
     * {@code P(label = 1)} for each row.
     *
     * @throws IllegalArgumentException if a row's length is not the model's feature count
     */
    public double[] probabilities(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != weights.length) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + rows[i].length + " features; the model has " + weights.length);
            }
            double z = intercept;
            for (int j = 0; j < weights.length; j++) {
                z += weights[j] * rows[i][j];
            }
            out[i] = LogisticLoss.sigmoid(z);
        }
        return out;
    }
}
