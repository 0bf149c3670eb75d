package io.tunekit.examples.ml;

/**
 * Centres each feature on its mean and divides it by its standard deviation, both measured on
 * the rows it was fitted on (population deviation, as scikit-learn's {@code StandardScaler}).
 * Fit it on the training rows only: statistics taken from validation rows would leak them into
 * the model. A constant feature is centred and left unscaled. Immutable.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Measures the mean and deviation of each feature over the given rows.
     *
     * @throws IllegalArgumentException if there are no rows
     */
    public static Standardizer fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("Standardizer.fit needs at least one row");
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                double c = row[j] - mean[j];
                scale[j] += c * c;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd > 0 ? sd : 1;
        }
        return new Standardizer(mean, scale);
    }

    /**
     * New rows with every feature standardised with the fitted statistics.
     *
     * @throws IllegalArgumentException if a row's length differs from the fitted one
     */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length
                        + " features; the standardizer was fitted on " + mean.length);
            }
            out[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (rows[i][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }
}
