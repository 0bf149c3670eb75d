package io.tunekit.examples.ml;

import java.util.Locale;

/** The regularisation term of a {@link LogisticRegression}: it pulls the weights towards zero. */
public enum Penalty {
    /** The sum of absolute weights (lasso): sets weak features' weights to exactly zero. */
    L1,
    /** Half the sum of squared weights (ridge): shrinks every weight, zeroes none. */
    L2;

    /** The penalty's value for these weights. */
    double value(double[] weights, int count) {
        double sum = 0;
        for (int j = 0; j < count; j++) {
            sum += this == L1 ? Math.abs(weights[j]) : 0.5 * weights[j] * weights[j];
        }
        return sum;
    }

    /**
     * The proximal step: replaces the first {@code count} entries of {@code weights} by the
     * minimiser of {@code strength * penalty(u) + ||u - weights||^2 / 2}.
     */
    void shrink(double[] weights, int count, double strength) {
        for (int j = 0; j < count; j++) {
            double w = weights[j];
            weights[j] = this == L1 ? Math.signum(w) * Math.max(Math.abs(w) - strength, 0) : w / (1 + strength);
        }
    }

    /** The lower-case name used on command lines and in studies: "l1" or "l2". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The penalty named "l1" or "l2" (any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Penalty parse(String name) {
        for (Penalty p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("penalty '" + name + "' is not one of l1, l2");
    }
}
