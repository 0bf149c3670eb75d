package io.tunekit.distribution;

import java.lang.System.Logger.Level;

/**
 * An integer parameter in {@code [low, high]}, on the grid {@code low, low + step, ...} or on a
 * log scale.
 *
 * <p>Rules (Optuna's): {@code low <= high}; {@code log} needs {@code low >= 1} and
 * {@code step == 1}; {@code step >= 1}. A {@code high} that is not on the step grid is lowered
 * to the last grid point ({@code [0, 10]} with step 3 becomes {@code [0, 9]}) and a warning is
 * logged. External values are {@link Integer}s.
 *
 * @param low lower bound, inclusive
 * @param high upper bound, inclusive (after adjustment to the step grid)
 * @param step grid step, at least 1
 * @param log whether the parameter is sampled and modelled on a log scale
 */
public record IntDistribution(int low, int high, int step, boolean log) implements Distribution {

    private static final System.Logger LOG = System.getLogger(IntDistribution.class.getName());

    /** Validates the arguments and adjusts {@code high} to the step grid. */
    public IntDistribution {
        if (log && step != 1) {
            throw new DistributionRuleException(
                    "IntDistribution", "step=" + step + " must be 1 when log=true (samplers cannot use both)");
        }
        if (low > high) {
            throw new DistributionRuleException("IntDistribution", "low=" + low + " must be <= high=" + high);
        }
        if (log && low < 1) {
            throw new DistributionRuleException("IntDistribution", "low=" + low + " must be >= 1 when log=true");
        }
        if (step <= 0) {
            throw new DistributionRuleException("IntDistribution", "step=" + step + " must be > 0");
        }
        long range = (long) high - low;
        if (range % step != 0) {
            int adjusted = (int) (low + range / step * step);
            LOG.log(
                    Level.WARNING,
                    "The distribution is specified by [{0}, {1}] and step={2}, but the range is "
                            + "not divisible by step. It will be replaced by [{0}, {3}].",
                    low,
                    high,
                    step,
                    adjusted);
            high = adjusted;
        }
    }

    /** The integers {@code low..high}. */
    public static IntDistribution of(int low, int high) {
        return new IntDistribution(low, high, 1, false);
    }

    /** The integers {@code low..high} on a log scale. */
    public static IntDistribution logScale(int low, int high) {
        return new IntDistribution(low, high, 1, true);
    }

    /** The grid {@code low, low + step, ...} up to {@code high}. */
    public static IntDistribution stepped(int low, int high, int step) {
        return new IntDistribution(low, high, step, false);
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n) || external instanceof Boolean) {
            throw new DistributionRuleException("IntDistribution", "value " + external + " is not a number");
        }
        double v = n.doubleValue();
        if (Double.isNaN(v)) {
            throw new DistributionRuleException("IntDistribution", "value NaN is not a valid parameter value");
        }
        if (log && v <= 0.0) {
            throw new DistributionRuleException("IntDistribution", "value " + v + " must be > 0 on a log scale");
        }
        return v;
    }

    @Override
    public Integer toExternal(double internal) {
        return (int) internal;
    }

    @Override
    public boolean contains(double v) {
        return low <= v && v <= high && (v - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return log ? low == high : (long) high - low < step;
    }

    @Override
    public double singleValue() {
        return low;
    }

    // equals and hashCode are written out, not generated: a record's generated methods are linked
    // by invokedynamic on their first call, milliseconds of method-handle spinning that every
    // short-lived JVM (a `tunekit ask` run once per trial) pays for each record type it compares.
    @Override
    public boolean equals(Object o) {
        return o instanceof IntDistribution d && low == d.low && high == d.high && step == d.step && log == d.log;
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(low);
        h = 31 * h + Integer.hashCode(high);
        h = 31 * h + Integer.hashCode(step);
        return 31 * h + Boolean.hashCode(log);
    }
}
