package io.tunekit.examples.ml;

/**
 * The average logistic loss of a linear model with an intercept over a training set, and its
 * gradient. Parameters are packed as {@code [w_0 .. w_{d-1}, b]}. Labels are 0 or 1.
 */
final class LogisticLoss {

    private final double[][] x;
    private final int[] y;
    private final int d;

    LogisticLoss(double[][] x, int[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(
                    "logistic loss: " + x.length + " rows and " + y.length + " labels; need the same positive number");
        }
        for (int label : y) {
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("logistic regression needs labels 0 and 1, got " + label);
            }
        }
        this.x = x;
        this.y = y;
        this.d = x[0].length;
    }

    int featureCount() {
        return d;
    }

    /** The loss at {@code params}; fills {@code gradient} (length d + 1) if it is not null. */
    double evaluate(double[] params, double[] gradient) {
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double z = params[d];
            for (int j = 0; j < d; j++) {
                z += params[j] * row[j];
            }
            // log(1 + e^z) - y z, computed without overflow for large |z|.
            loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
            if (gradient != null) {
                double residual = sigmoid(z) - y[i];
                for (int j = 0; j < d; j++) {
                    gradient[j] += residual * row[j];
                }
                gradient[d] += residual;
            }
        }
        if (gradient != null) {
            for (int j = 0; j <= d; j++) {
                gradient[j] /= x.length;
            }
        }
        return loss / x.length;
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
