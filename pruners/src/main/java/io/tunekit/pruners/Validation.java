package io.tunekit.pruners;

/** The checks every pruner option goes through, with messages that name the option and the rule. */
final class Validation {

    private Validation() {}

    static int atLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(option + " must be >= " + minimum + ", got " + value);
        }
        return value;
    }

    static double between(String option, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(option + " must be in [" + low + ", " + high + "], got " + value);
        }
        return value;
    }

    static double nonNegative(String option, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(option + " must be >= 0 (and not NaN), got " + value);
        }
        return value;
    }
}
