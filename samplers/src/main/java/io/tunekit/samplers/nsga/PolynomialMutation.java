package io.tunekit.samplers.nsga;

import java.util.random.RandomGenerator;

/**
 * Polynomial mutation, as revision 1.1.6 of Deb's NSGA-II C code and Optuna 5.0 do it: one
 * uniform draw moves the value towards a bound by a step whose distribution has index
 * {@code eta}; the result is clipped to the bounds.
 *
 * @param eta distribution index, {@code >= 0}; larger keeps the value closer (Optuna's default 20)
 */
public record PolynomialMutation(double eta) implements Mutation {

    /** Validates eta. */
    public PolynomialMutation {
        if (!(eta >= 0)) {
            throw new IllegalArgumentException("PolynomialMutation: eta=" + eta + " must be >= 0");
        }
    }

    /** Optuna's default: eta 20. */
    public PolynomialMutation() {
        this(20.0);
    }

    /** The mutated value of {@code x} in {@code [low, high]}, before clipping. */
    double mutate(double x, RandomGenerator random, double low, double high) {
        double u = random.nextDouble();
        double width = high - low;
        if (width <= 0) {
            return x;
        }
        double power = 1 / (eta + 1);
        if (u <= 0.5) {
            double xy = 1 - (x - low) / width;
            double value = 2 * u + (1 - 2 * u) * Math.pow(xy, eta + 1);
            return x + (Math.pow(value, power) - 1) * width;
        }
        double xy = 1 - (high - x) / width;
        double value = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(xy, eta + 1);
        return x + (1 - Math.pow(value, power)) * width;
    }
}
