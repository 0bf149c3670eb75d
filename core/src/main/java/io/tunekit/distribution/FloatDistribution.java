package io.tunekit.distribution;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A real-valued parameter in {@code [low, high]}, optionally on a log scale or on a step grid
 * {@code low, low + step, ...}.
 *
 * <p>Rules (Optuna's): {@code low <= high}; {@code log} needs {@code low > 0}; {@code step > 0};
 * {@code step} and {@code log} are exclusive. A {@code high} that is not on the step grid is
 * lowered to the last grid point (decimal arithmetic on the shortest decimal forms, so
 * {@code [0, 1]} with step 0.3 becomes {@code [0, 0.9]}) and a warning is logged.
 *
 * @param low lower bound, inclusive
 * @param high upper bound, inclusive (after adjustment to the step grid)
 * @param step grid step, or {@code null} for a continuous range
 * @param log whether the parameter is sampled and modelled on a log scale
 */
public record FloatDistribution(double low, double high, Double step, boolean log) implements Distribution {

    private static final System.Logger LOG = System.getLogger(FloatDistribution.class.getName());

    /** Validates the arguments and adjusts {@code high} to the step grid. */
    public FloatDistribution {
        requireFinite("low", low);
        requireFinite("high", high);
        if (step != null && log) {
            throw new DistributionRuleException(
                    "FloatDistribution", "step=" + step + " and log=true cannot be used together");
        }
        if (low > high) {
            throw new DistributionRuleException("FloatDistribution", "low=" + low + " must be <= high=" + high);
        }
        if (log && low <= 0.0) {
            throw new DistributionRuleException("FloatDistribution", "low=" + low + " must be > 0 when log=true");
        }
        if (step != null) {
            if (!(step > 0.0) || Double.isInfinite(step)) {
                throw new DistributionRuleException(
                        "FloatDistribution", "step=" + step + " must be a finite number > 0");
            }
            double adjusted = adjustHigh(low, high, step);
            if (adjusted != high) {
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
    }

    /** A continuous range {@code [low, high]}. */
    public static FloatDistribution of(double low, double high) {
        return new FloatDistribution(low, high, null, false);
    }

    /** A continuous range {@code [low, high]} on a log scale. */
    public static FloatDistribution logScale(double low, double high) {
        return new FloatDistribution(low, high, null, true);
    }

    /** The grid {@code low, low + step, ...} up to {@code high}. */
    public static FloatDistribution stepped(double low, double high, double step) {
        return new FloatDistribution(low, high, step, false);
    }

    /** Whether the distribution is on a step grid. */
    public boolean hasStep() {
        return step != null;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n) || external instanceof Boolean) {
            throw new DistributionRuleException("FloatDistribution", "value " + external + " is not a number");
        }
        double v = n.doubleValue();
        if (Double.isNaN(v)) {
            throw new DistributionRuleException("FloatDistribution", "value NaN is not a valid parameter value");
        }
        if (log && v <= 0.0) {
            throw new DistributionRuleException("FloatDistribution", "value " + v + " must be > 0 on a log scale");
        }
        return v;
    }

    @Override
    public Double toExternal(double internal) {
        return internal;
    }

    @Override
    public boolean contains(double v) {
        if (!(low <= v && v <= high)) {
            return false;
        }
        if (step == null) {
            return true;
        }
        double k = (v - low) / step;
        return Math.abs(k - Math.rint(k)) < 1e-8;
    }

    @Override
    public boolean isSingle() {
        if (low == high) {
            return true;
        }
        return step != null && decimal(high).subtract(decimal(low)).compareTo(decimal(step)) < 0;
    }

    @Override
    public double singleValue() {
        return low;
    }

    private static double adjustHigh(double low, double high, double step) {
        BigDecimal range = decimal(high).subtract(decimal(low));
        BigDecimal s = decimal(step);
        if (range.remainder(s).signum() == 0) {
            return high;
        }
        return range.divide(s, 0, RoundingMode.DOWN)
                .multiply(s)
                .add(decimal(low))
                .doubleValue();
    }

    private static BigDecimal decimal(double v) {
        return new BigDecimal(Double.toString(v));
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new DistributionRuleException("FloatDistribution", "" + what + "=" + v + " must be finite");
        }
    }

    // equals and hashCode are written out, not generated: a record's generated methods are linked
    // by invokedynamic on their first call, milliseconds of method-handle spinning that every
    // short-lived JVM (a `tunekit ask` run once per trial) pays for each record type it compares.
    @Override
    public boolean equals(Object o) {
        return o instanceof FloatDistribution d
                && Double.compare(low, d.low) == 0
                && Double.compare(high, d.high) == 0
                && Objects.equals(step, d.step)
                && log == d.log;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(low);
        h = 31 * h + Double.hashCode(high);
        h = 31 * h + Objects.hashCode(step);
        return 31 * h + Boolean.hashCode(log);
    }
}
